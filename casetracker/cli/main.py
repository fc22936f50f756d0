"""``casetracker``: the GUI with no command, or one administrative command.

Every failure is caught here and turned into one line on stderr and a non-zero exit code; a
traceback would be useless to a caseworker and may print personal data.
"""

import argparse
import getpass
import os
import sys
from collections.abc import Sequence

from casetracker import __version__, diagnostics, process_guard
from casetracker.cli import (
    argparse_words,
    case_commands,
    case_date_commands,
    consent_commands,
    debrief_commands,
    history_commands,
    letter_commands,
    os_errors,
    report_commands,
    request_commands,
    rule_commands,
    same_person_commands,
    sharing_commands,
    task_commands,
    team_commands,
    vault_commands,
)
from casetracker.cli.output import err
from casetracker.cli.parsing import WithCommonOptions
from casetracker.i18n import catalog, translate
from casetracker.services.errors import ServiceError
from casetracker.sharing.canonical_csv import CsvFormatError
from casetracker.sharing.errors import SharingError
from casetracker.storage.errors import SaveFailed, VaultError

EXIT_FAILURE = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casetracker",
        description=translate(
            "cli",
            "Encrypted case tracking for detained soldiers and their families. "
            "Without a command, starts the desktop app.",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"casetracker {__version__}",
        help=translate("cli", "show the version number and exit"),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=translate("cli", "check that this installation works, on a temporary vault, and exit"),
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help=translate(
            "cli",
            "write a debug log for support to the error output; it names cases by reference "
            "only and hides every person's name",
        ),
    )
    parser.add_argument(
        "--debug-log",
        metavar="FILE",
        help=translate("cli", "write that debug log to FILE instead (added to its end)"),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=translate("cli", "start the app on a throw-away demo vault"),
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--passphrase-file",
        help=translate(
            "cli", "read the passphrase from this file (else CASETRACKER_PASSPHRASE or a prompt)"
        ),
    )
    common.add_argument(
        "--actor",
        default=None,
        help=translate("cli", "name recorded in the audit log (default: OS user)"),
    )
    sub = WithCommonOptions(parser.add_subparsers(dest="command", metavar="COMMAND"), common)
    for module in (
        vault_commands,
        case_commands,
        case_date_commands,
        rule_commands,
        sharing_commands,
        task_commands,
        debrief_commands,
        history_commands,
        same_person_commands,
        consent_commands,
        letter_commands,
        request_commands,
        report_commands,
        team_commands,
    ):
        module.add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Before anything can hold a passphrase or a decrypted vault: no core dump of this process.
    process_guard.harden()
    # Messages, --help and argparse's own words in the system's language (LANG, LC_MESSAGES…).
    catalog.install_for_cli()
    argparse_words.install()
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = args.debug or args.debug_log is not None
    if debug:
        try:
            diagnostics.start_debug_log(args.debug_log or "-")
        except OSError as exc:
            err(os_errors.failure_text(exc))
            return EXIT_FAILURE
    if args.self_test:
        from casetracker.selftest import run as self_test

        return self_test()
    if args.command is None:
        if not _has_screen():
            err(
                translate(
                    "cli",
                    "No screen to show the app on. Start it from a desktop session, "
                    "or use the command line (casetracker --help).",
                )
            )
            return EXIT_FAILURE
        from casetracker.gui.app import run

        return run(demo=args.demo, debug=debug)
    if args.actor is None:
        args.actor = _os_user()
    try:
        return int(args.func(args))
    except SaveFailed as exc:  # the process ends here: the change is lost, say so
        err(os_errors.not_saved_text(exc))
        return EXIT_FAILURE
    except (VaultError, ServiceError, CsvFormatError, SharingError) as exc:
        err(str(exc))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        err(translate("cli", "Interrupted; nothing more was written."))
        return 130
    except BrokenPipeError:  # the reader of our output (head, less) went away: nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE
    except OSError as exc:
        err(os_errors.failure_text(exc))
        return EXIT_FAILURE
    except Exception as exc:  # the edge: never a traceback, never data
        diagnostics.LOGGER.error(
            "unexpected error %s", diagnostics.describe(type(exc), exc, exc.__traceback__)
        )
        err(
            translate("cli", "Unexpected error ({kind}). Nothing was changed.").format(
                kind=type(exc).__name__
            )
        )
        return EXIT_FAILURE


def _has_screen() -> bool:
    """Qt aborts the process without a display; say so in one line instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY"))


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return ""


if __name__ == "__main__":
    sys.exit(main())
