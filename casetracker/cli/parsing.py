"""The one seam through which command modules register their sub-commands, and how their
date options are read (the same parser as the desktop's date fields)."""

import argparse
from datetime import date, time
from typing import Any, Protocol

from casetracker.i18n import translate
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services.date_input import DateInputError, parse_date, parse_moment
from casetracker.services.errors import InvalidInput
from casetracker.services.uncertain_dates import parse_uncertain


class Subcommands(Protocol):
    def add_parser(self, name: str, **kw: Any) -> argparse.ArgumentParser: ...

    def add_group(self, name: str, *, dest: str, **kw: Any) -> "Subcommands":
        """A command with actions of its own (``team init``), each taking the common options."""
        ...


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

    def add_group(self, name: str, *, dest: str, **kw: Any) -> "WithCommonOptions":
        kw.setdefault("description", kw.get("help"))
        group: argparse.ArgumentParser = self._sub.add_parser(name, **kw)
        actions = group.add_subparsers(dest=dest, metavar="ACTION", required=True)
        return WithCommonOptions(actions, self._common)


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


def uncertain_option(option: str, text: str) -> UncertainDate:
    """A date as relatives give it: a day, "июль 2024", "между 1 и 8 июля 2024", "около 2020"."""
    try:
        return parse_uncertain(text)
    except DateInputError as exc:
        raise InvalidInput(f"{option}: {exc}") from None


def contact_option(option: str, text: str) -> tuple[date, time | None] | UncertainDate:
    """A contact's day with its time if known ("19.07.2024 18:00"), or, when the day itself is
    not known, a month or a range ("1-8.07.2024"), which has no time."""
    try:
        return parse_moment(text)
    except DateInputError as exc:
        if ":" in text:  # a day with a wrong time: say what is wrong with it
            raise InvalidInput(f"{option}: {exc}") from None
    value = uncertain_option(option, text)
    if value.column_day is None:
        raise InvalidInput(
            "{option}: {problem}".format(
                option=option,
                problem=translate(
                    "services", "A contact needs at least a rough day: a month, a year or a range."
                ),
            )
        )
    return value
