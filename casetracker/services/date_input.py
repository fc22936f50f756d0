"""Dates and times as people type them, read strictly: nothing is guessed, clamped or "fixed".

One parser serves the desktop fields and the command line, so ``20.07.2026`` means the same
everywhere. Accepted: ``DD.MM.YYYY`` and ``D.M.YYYY`` (dots, spaces or dashes), ``YYYY-MM-DD``,
and the interface locale's own short format (``7/20/2026`` in the US), given as a Qt pattern.
A time may follow a date as ``18:00`` (``6:00 PM`` too). A date that cannot exist, such as
31 February, is refused with a sentence that says why, never rolled over to 3 March.
"""

import calendar
import re
from datetime import date, datetime, time

from casetracker.i18n import format_date, translate
from casetracker.model.date_words import month_of as _month_of
from casetracker.services.errors import InvalidInput

# Dates before this year are typing slips in this domain (the oldest men are born after it).
EARLIEST_YEAR = 1900

_DATE = re.compile(r"^\s*(\d+)\s*([./\- ])\s*(\d+)\s*[./\- ]\s*(\d+)\s*\.?\s*$")
_MOMENT = re.compile(r"^(.*?\d)\s*(?:,\s*|\s+|T)(\d{1,2}[:.]\d{2}\s*(?:[AaPp][Mm])?)$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})\s*([AaPp][Mm])?$")


class DateInputError(InvalidInput):
    """What is wrong with a typed date, in one plain sentence."""


def _order(locale_format: str) -> tuple[str, str] | None:
    """The field order ("dmy", "mdy", "ymd") and separator of a Qt date pattern, if it has one."""
    letters = "".join(dict.fromkeys(c for c in locale_format if c in "dMy"))
    if sorted(letters) != ["M", "d", "y"]:
        return None
    separator = next((c for c in locale_format if c in "./- "), "")
    return letters.lower(), separator


def format_hint(locale_format: str = "") -> str:
    """How to type a date here, as an example: "20.07.2026 or 2026-07-20"."""
    example = date(2026, 7, 20)
    examples = [example.strftime("%d.%m.%Y"), example.isoformat()]
    order = _order(locale_format)
    if order and order[0] != "dmy" and order[0] != "ymd":
        parts = {"d": "20", "m": "7", "y": "2026"}
        examples.insert(0, order[1].join(parts[c] for c in order[0]))
    return translate("date_input", "Type a date as {examples}.").format(
        examples=translate("date_input", " or ").join(examples)
    )


def parse_date(
    text: str, *, locale_format: str = "", today: date | None = None, future: bool = False
) -> date:
    """The day ``text`` names; raises DateInputError saying what is wrong.

    ``future`` allows days after ``today`` (a contract's end); facts that happened do not.
    """
    found = _DATE.match(text)
    if found is None:
        raise DateInputError(format_hint(locale_format))
    first, separator, second, third = found.groups()
    if len(first) == 4:
        year, month, day = first, second, third
    else:
        order = _order(locale_format)
        if order is not None and order[0] == "mdy" and separator == order[1]:
            month, day, year = first, second, third
        else:
            day, month, year = first, second, third
    return _checked(int(year), int(month), int(day), len(year), today=today, future=future)


def _checked(
    year: int, month: int, day: int, year_digits: int, *, today: date | None, future: bool
) -> date:
    if year_digits != 4:
        raise DateInputError(translate("date_input", "Write the year with four digits, e.g. 2026."))
    if not 1 <= month <= 12:
        raise DateInputError(
            translate("date_input", "There is no month {month}.").format(month=month)
        )
    if not 1 <= day <= 31:
        raise DateInputError(translate("date_input", "No month has a day {day}.").format(day=day))
    if day > calendar.monthrange(year, month)[1]:
        if month == 2 and day == 29:
            raise DateInputError(
                translate("date_input", "{year} is not a leap year: it has no 29 February.").format(
                    year=year
                )
            )
        raise DateInputError(
            translate("date_input", "There is no {day} {month}.").format(
                day=day, month=_month_of(month)
            )
        )
    if year < EARLIEST_YEAR:
        raise DateInputError(
            translate("date_input", "A date before {year} is surely a typing slip.").format(
                year=EARLIEST_YEAR
            )
        )
    value = date(year, month, day)
    today = today or date.today()
    if not future and value > today:
        raise DateInputError(
            translate("date_input", "{day} is in the future: today is {today}.").format(
                day=format_date(value), today=format_date(today)
            )
        )
    return value


def parse_time(text: str) -> time:
    """A time of day typed as ``18:00``, ``9.30`` or ``6:00 PM``."""
    found = _TIME.match(text.strip())
    if found is None:
        raise DateInputError(translate("date_input", "Type the time as 18:00."))
    hour, minute, half = int(found.group(1)), int(found.group(2)), found.group(3)
    if half is not None:
        if not 1 <= hour <= 12:
            raise DateInputError(
                translate("date_input", "There is no hour {hour}.").format(hour=hour)
            )
        hour = hour % 12 + (12 if half.lower() == "pm" else 0)
    if hour > 23:
        raise DateInputError(translate("date_input", "There is no hour {hour}.").format(hour=hour))
    if minute > 59:
        raise DateInputError(
            translate("date_input", "An hour has no minute {minute}.").format(minute=minute)
        )
    return time(hour, minute)


def parse_moment(
    text: str, *, locale_format: str = "", now: datetime | None = None
) -> tuple[date, time | None]:
    """A day with an optional time (``19.07.2026 18:00``); the time is None when not given.

    Neither may lie in the future: this is when something already happened.
    """
    now = now or datetime.now()
    stripped = text.strip()
    found = _MOMENT.match(stripped)
    day_text, time_text = (found.group(1), found.group(2)) if found else (stripped, None)
    day = parse_date(day_text, locale_format=locale_format, today=now.date())
    if time_text is None:
        return day, None
    at = parse_time(time_text)
    if datetime.combine(day, at) > now.replace(second=59, microsecond=999999):
        raise DateInputError(
            translate("date_input", "{time} is in the future: it is now {now}.").format(
                time=f"{format_date(day)} {at:%H:%M}", now=f"{format_date(now.date())} {now:%H:%M}"
            )
        )
    return day, at
