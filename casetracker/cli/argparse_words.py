"""argparse's own words ("usage:", "options", its error messages) in the interface language.

argparse asks ``gettext`` for them at the moment it prints; ``install`` routes those look-ups to
Casetracker's catalogue (context "argparse"). The messages are listed here so
``pyside6-lupdate`` extracts them; tests/i18n checks the list against the running Python's
argparse, so a new Python version cannot bring back an English line unnoticed.
"""

import argparse

from casetracker.i18n import QT_TRANSLATE_NOOP, Context, translate

# argparse's plural messages (named as its context: pyside6-lupdate reads the name).
argparse_plurals = Context("argparse_plurals")

MESSAGES = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "subcommands"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "can't open '%(filename)s': %(error)s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "unexpected option string: %s"),
    QT_TRANSLATE_NOOP("argparse", 'argument "-" with mode %r'),
    # Mistakes in the program itself, not in the command line; listed so the check is exact.
    QT_TRANSLATE_NOOP("argparse", ".__call__() not defined"),
    QT_TRANSLATE_NOOP("argparse", "'required' is an invalid argument for positionals"),
    QT_TRANSLATE_NOOP("argparse", "mutually exclusive arguments must be optional"),
    QT_TRANSLATE_NOOP("argparse", "%r is not callable"),
    QT_TRANSLATE_NOOP("argparse", "cannot merge actions - two groups are named %r"),
    QT_TRANSLATE_NOOP(
        "argparse", "invalid option string %(option)r: must start with a character %(prefix_chars)r"
    ),
    QT_TRANSLATE_NOOP("argparse", "dest= is required for options like %r"),
    QT_TRANSLATE_NOOP("argparse", "invalid conflict_resolution value: %r"),
    QT_TRANSLATE_NOOP("argparse", "cannot have multiple subparser arguments"),
    QT_TRANSLATE_NOOP("argparse", "conflicting subparser: %s"),
    QT_TRANSLATE_NOOP("argparse", "conflicting subparser alias: %s"),
)


def _gettext(message: str) -> str:
    return translate("argparse", message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return argparse_plurals.tr("expected %s argument(s)", "", n)
    if singular == "conflicting option string: %s":
        return argparse_plurals.tr("conflicting option string(s): %s", "", n)
    return singular if n == 1 else plural


def install() -> None:
    """Route argparse's gettext look-ups to ``casetracker.i18n.translate``."""
    setattr(argparse, "_", _gettext)  # noqa: B010 (argparse looks these names up at call time)
    setattr(argparse, "ngettext", _ngettext)  # noqa: B010
