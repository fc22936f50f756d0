"""The one seam through which command modules register their sub-commands, and how their
date options are read (the same parser as the desktop's date fields)."""

import argparse
from datetime import date, time
from typing import Any, Protocol

from casetracker.i18n import translate
from casetracker.services.date_input import DateInputError, parse_date, parse_moment
from casetracker.services.errors import InvalidInput


class Subcommands(Protocol):
    def add_parser(self, name: str, **kw: Any) -> argparse.ArgumentParser: ...


class WithCommonOptions:
    """Adds the options every command shares (passphrase file, actor, taking over a lock)
    without repeating them."""

    def __init__(self, sub: Any, common: argparse.ArgumentParser) -> None:
        self._sub = sub
        self._common = common

    def add_parser(self, name: str, **kw: Any) -> argparse.ArgumentParser:
        # The one-line help in the command list also heads the command's own --help.
        kw.setdefault("description", kw.get("help"))
        parser: argparse.ArgumentParser = self._sub.add_parser(name, parents=[self._common], **kw)
        parser.add_argument(
            "--take-over-lock",
            action="store_true",
            help=translate(
                "cli",
                "open the vault even though another computer is marked as having it open "
                "(only when Casetracker is really closed there: both saving would lose work)",
            ),
        )
        return parser


def date_option(option: str, text: str, *, future: bool = False) -> date:
    """A day given on the command line (31.12.2025 or 2025-12-31), or a plain-words refusal."""
    try:
        return parse_date(text, future=future)
    except DateInputError as exc:
        raise InvalidInput(f"{option}: {exc}") from None


def moment_option(option: str, text: str) -> tuple[date, time | None]:
    """A day with an optional time ("19.07.2024 18:00"); the time is None when not given."""
    try:
        return parse_moment(text)
    except DateInputError as exc:
        raise InvalidInput(f"{option}: {exc}") from None
