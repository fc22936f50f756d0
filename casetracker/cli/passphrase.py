"""Where the CLI gets secrets: a file, an environment variable, or the terminal."""

import getpass
import os
import sys
from argparse import Namespace
from pathlib import Path

from casetracker.i18n import translate
from casetracker.services.errors import InvalidInput
from casetracker.services.passphrase_policy import MIN_PASSPHRASE_CHARS


class NoPassphrase(InvalidInput):
    pass


def _from_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise NoPassphrase(
            translate("cli", "The passphrase file cannot be read ({reason}).").format(
                reason=exc.strerror or "error"
            )
        ) from None
    # A trailing newline is the editor's, not the user's.
    return text.rstrip("\r\n")


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise NoPassphrase(
            translate(
                "cli",
                "No passphrase given: use --passphrase-file, CASETRACKER_PASSPHRASE or a terminal.",
            )
        )
    return getpass.getpass(label)


def current(args: Namespace) -> str:
    """The passphrase of an existing vault."""
    if getattr(args, "passphrase_file", None):
        return _from_file(args.passphrase_file)
    if os.environ.get("CASETRACKER_PASSPHRASE"):
        return os.environ["CASETRACKER_PASSPHRASE"]
    return _prompt(translate("cli", "Passphrase: "))


def new(args: Namespace, *, file_attr: str, env: str) -> str:
    """A new passphrase: from a file or the environment, or typed twice at the terminal."""
    path = getattr(args, file_attr, None)
    if path:
        value = _from_file(path)
    elif os.environ.get(env):
        value = os.environ[env]
    else:
        value = _prompt(translate("cli", "New passphrase: "))
        if _prompt(translate("cli", "Repeat the new passphrase: ")) != value:
            raise InvalidInput(translate("cli", "The two passphrases are not the same."))
    check_strength(value)
    return value


def check_strength(value: str) -> None:
    if len(value.strip()) < MIN_PASSPHRASE_CHARS:
        raise InvalidInput(
            translate(
                "cli", "A passphrase needs at least {n} characters; several words are best."
            ).format(n=MIN_PASSPHRASE_CHARS)
        )
