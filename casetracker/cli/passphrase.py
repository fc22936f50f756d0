"""Where the CLI gets secrets: a file, an environment variable, or the terminal."""

import getpass
import os
import sys
from argparse import Namespace
from pathlib import Path

from casetracker.i18n import translate
from casetracker.services import vault_keys
from casetracker.services.errors import InvalidInput


class NoPassphrase(InvalidInput):
    pass


def _from_file(path: str, *, recovery_key: bool = False) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        message = (
            translate("cli", "The recovery key file cannot be read ({reason}).")
            if recovery_key
            else translate("cli", "The passphrase file cannot be read ({reason}).")
        )
        raise NoPassphrase(message.format(reason=exc.strerror or "error")) from None
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


def recovery_key(args: Namespace) -> str | None:
    """The recovery key from ``--recovery-key-file``, or None when the passphrase is used."""
    path = getattr(args, "recovery_key_file", None)
    return _from_file(path, recovery_key=True).strip() if path else None


def current(args: Namespace) -> str:
    """The passphrase of an existing vault, asked once per command however often needed."""
    known = getattr(args, "_current_passphrase", None)
    if isinstance(known, str):
        return known
    if getattr(args, "passphrase_file", None):
        value = _from_file(args.passphrase_file)
    elif os.environ.get("CASETRACKER_PASSPHRASE"):
        value = os.environ["CASETRACKER_PASSPHRASE"]
    else:
        value = _prompt(translate("cli", "Passphrase: "))
    args._current_passphrase = value
    return value


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
    vault_keys.check_policy(value)
