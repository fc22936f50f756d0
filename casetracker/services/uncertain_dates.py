"""Uncertain dates as caseworkers type and read them, in English and Russian.

``parse_uncertain`` reads what a relative said, as typed: a day (read by
``services/date_input.parse_date``, with the same strictness and sentences), a month ("июль
2024", "в июле 2024", "07.2024", "July 2024"), a year ("2024", "в 2024 году"), a range ("между 1
и 8 июля 2024", "1–8.07.2024", "between 1 and 8 July 2024"), "before"/"after" a day ("до 8 июля
2024", "не позднее 08.07.2024", "after 1 July 2024"), "unknown" ("неизвестно", "?"), and
"approximately" ("около", "примерно", "~", "about", "circa") in front of a day, month, year or
range. Both languages are read whatever the interface language, since a Russian caseworker may
run the app in English and paste what a mother wrote. Nothing is guessed: anything else is
refused with a sentence that shows what works.

``describe`` says a value in the interface language as a table cell or the dossier shows it
("около июля 2024", "между 1 и 8 июля 2024"), ``in_sentence`` as it follows a verb ("в июле
2024"); both live in model/date_words.py, so the PDF dossier (sharing/) words dates the same
way, and ``parse_uncertain`` reads everything they write back to the same value. ``store`` and
``read`` keep the two columns of a date (``detention_date`` and ``detention_date_edtf``) in step.
"""

import re
from datetime import date
from typing import Any

from casetracker.i18n import format_date, translate
from casetracker.model.date_words import describe, in_sentence, month_alone
from casetracker.model.uncertain_date import Precision, UncertainDate
from casetracker.services.date_input import DateInputError, _checked, parse_date

# ``describe`` and ``in_sentence`` live in model/date_words.py (sharing/ words dates too).
__all__ = ["describe", "examples", "in_sentence", "parse_uncertain", "read", "store", "uncertain"]

_MONTH_FORMS: dict[int, tuple[str, ...]] = {
    1: ("январь", "января", "январе", "янв", "january", "jan"),
    2: ("февраль", "февраля", "феврале", "фев", "февр", "february", "feb"),
    3: ("март", "марта", "марте", "мар", "march", "mar"),
    4: ("апрель", "апреля", "апреле", "апр", "april", "apr"),
    5: ("май", "мая", "мае", "may"),
    6: ("июнь", "июня", "июне", "июн", "june", "jun"),
    7: ("июль", "июля", "июле", "июл", "july", "jul"),
    8: ("август", "августа", "августе", "авг", "august", "aug"),
    9: ("сентябрь", "сентября", "сентябре", "сен", "сент", "september", "sep", "sept"),
    10: ("октябрь", "октября", "октябре", "окт", "october", "oct"),
    11: ("ноябрь", "ноября", "ноябре", "ноя", "нояб", "november", "nov"),
    12: ("декабрь", "декабря", "декабре", "дек", "december", "dec"),
}
_MONTHS = {form: number for number, forms in _MONTH_FORMS.items() for form in forms}

_UNKNOWN = {
    "?",
    "??",
    "???",
    "неизвестно",
    "неизвестна",
    "неизвестен",
    "не известно",
    "не знаю",
    "не знают",
    "нет данных",
    "unknown",
    "not known",
    "don't know",
    "n/a",
    "on a day not known",
    "в неизвестный день",
}
# The words a date may begin with, offered as one types (in the interface language first).
LEADING_WORDS = {
    "ru": (
        "около ",
        "примерно ",
        "между ",
        "до ",
        "после ",
        "не позднее ",
        "не ранее ",
        "неизвестно",
    ),
    "en": ("about ", "between ", "before ", "after ", "unknown"),
}
_APPROXIMATE = re.compile(
    r"^(?:~|около|примерно|приблизительно|приблиз\.|прибл\.|ок\.|ок(?=\s)|about|approximately"
    r"|approx\.|roughly|around|circa|ca\.|c\.)\s*"
)
_BEFORE = re.compile(
    r"^(?:не позднее|не позже|до|ранее|раньше|before|by|no later than|not after|on or before)\s+"
)
_AFTER = re.compile(
    r"^(?:не ранее|не раньше|после|позднее|позже|after|since|no earlier than|not before"
    r"|on or after)\s+"
)
_BETWEEN = re.compile(
    r"^(?:между\s+(.+?)\s+и\s+(.+)|с\s+(.+?)\s+по\s+(.+)|от\s+(.+?)\s+до\s+(.+)"
    r"|between\s+(.+?)\s+and\s+(.+)|from\s+(.+?)\s+(?:to|until|till)\s+(.+))$"
)
_YEAR_WORD = r"(?:\s*(?:г\.?|гг\.?|год|года|году))?"
_NUMERIC_DAY = re.compile(r"^\d+\s*[./\- ]\s*\d+\s*[./\- ]\s*\d+\s*\.?$")
_WORD_DAY = re.compile(
    rf"^(\d{{1,2}})(?:st|nd|rd|th|-?е|-?го)?\s+([^\W\d_]+)\.?,?\s+(\d+){_YEAR_WORD}$"
)
_WORD_DAY_EN = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d+)$")
_WORD_MONTH = re.compile(rf"^(?:в\s+|in\s+)?([^\W\d_]+)\.?,?\s+(\d+){_YEAR_WORD}$")
_NUMERIC_MONTH = re.compile(r"^(\d{1,2})\s*[./\-]\s*(\d{4})$|^(\d{4})-(\d{1,2})$")
_YEAR = re.compile(rf"^(?:в\s+|in\s+)?(\d+){_YEAR_WORD}$")
# The first end of a range may leave out what the second gives: "1–8 июля", "28.06–08.07.2024".
_PART_DAY = re.compile(r"^(\d{1,2})$")
_PART_DAY_MONTH = re.compile(r"^(\d{1,2})\s*\.\s*(\d{1,2})\.?$")
_PART_WORD = re.compile(r"^(\d{1,2})\s+([^\W\d_]+)\.?$|^([^\W\d_]+)\.?\s+(\d{1,2})$")
# "July 1–8, 2024", as American English writes a range.
_MONTH_FIRST_RANGE = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2})\s*(?:–|-)\s*(\d{1,2}),?\s+(\d+)$")
# "в начале июля 2024", "mid-July 2024": a third of the month (its ten-day part, as Russian
# counts them), read as "roughly between" so the words under the field show what was taken.
_PART_OF_MONTH = re.compile(
    rf"^(?:в\s+)?(начале|середине|конце|early|mid|late|beginning of|end of)\s*-?\s*"
    rf"([^\W\d_]+)\.?,?\s+(\d+){_YEAR_WORD}$"
)
_THIRDS = {"начале": 0, "early": 0, "beginning of": 0, "середине": 1, "mid": 1}


def _normal(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("ё", "е").replace("Ё", "Е")
    text = re.sub(r"[—−‒]", "–", text)
    return re.sub(r"\s+", " ", text.strip().lower())


def examples() -> str:
    """What a date field reads, as examples in one sentence (also every date field's tooltip)."""
    return translate(
        "uncertain_dates",
        "Type a date as 20.07.2026, July 2024, 2024, between 1 and 8 July 2024, "
        "before 8 July 2024, after 1 July 2024, about July 2024 or unknown.",
    )


def _not_read(text: str) -> DateInputError:
    return DateInputError(
        translate("uncertain_dates", "“{text}” is not a date this app can read. {examples}").format(
            text=text.strip(), examples=examples()
        )
    )


def _missing_year(plain: str) -> DateInputError | None:
    """ "8 июля", "в июле": a month named without a year, the commonest slip; said plainly."""
    if re.search(r"\d{4}", plain):
        return None
    if not any(_month(word) for word in re.findall(r"[^\W\d_]+\.?", plain)):
        return None
    return DateInputError(
        translate("uncertain_dates", "Add the year, e.g. “July 2024” or “8 July 2024”.")
    )


def _month(word: str) -> int | None:
    return _MONTHS.get(word.rstrip("."))


def _check_year(year: str, today: date, future: bool) -> int:
    """A year typed alone or with a month: four digits, not before 1900, not in the future."""
    # 1 January of it, checked as a day: the same sentences for a short or too early year.
    _checked(int(year), 1, 1, len(year), today=today, future=True)
    if not future and int(year) > today.year:
        raise DateInputError(
            translate("uncertain_dates", "{year} is in the future: today is {today}.").format(
                year=year, today=format_date(today)
            )
        )
    return int(year)


def _day(text: str, locale_format: str, today: date, future: bool) -> date | None:
    """The day a whole text names (numeric or in words); None when it is no day at all."""
    if _NUMERIC_DAY.match(text):
        return parse_date(text, locale_format=locale_format, today=today, future=future)
    for pattern, order in ((_WORD_DAY, "dmy"), (_WORD_DAY_EN, "mdy")):
        if found := pattern.match(text):
            parts = dict(zip(order, found.groups(), strict=True))
            month = _month(parts["m"])
            if month is None:
                return None
            year = parts["y"]
            return _checked(
                int(year), month, int(parts["d"]), len(year), today=today, future=future
            )
    return None


def _part_of_month(text: str, today: date, future: bool) -> UncertainDate | None:
    """ "в начале июля 2024" → roughly 1–10 July; "в середине" 11–20; "в конце" 21 to the end."""
    found = _PART_OF_MONTH.match(text)
    month = _month(found.group(2)) if found else None
    if found is None or month is None:
        return None
    year = _check_year(found.group(3), today, future)
    whole = _month_value(year, month, today, future)
    assert whole.latest is not None
    third = _THIRDS.get(found.group(1), 2)
    first = date(year, month, 1 + 10 * third)
    last = whole.latest if third == 2 else date(year, month, 10 + 10 * third)
    if not future and first > today:
        raise DateInputError(
            translate("date_input", "{day} is in the future: today is {today}.").format(
                day=format_date(first), today=format_date(today)
            )
        )
    return UncertainDate(Precision.BETWEEN, first, last, True)


def _single(text: str, locale_format: str, today: date, future: bool) -> UncertainDate | None:
    """A day, a month or a year (or a part of a month); None when the text is none of them."""
    day = _day(text, locale_format, today, future)
    if day is not None:
        return UncertainDate.day(day)
    if part := _part_of_month(text, today, future):
        return part
    if found := _MONTH_FIRST_RANGE.match(text):
        month = _month(found.group(1))
        if month is not None:
            year = found.group(4)
            last = _checked(
                int(year), month, int(found.group(3)), len(year), today=today, future=future
            )
            first = _checked(last.year, month, int(found.group(2)), 4, today=today, future=future)
            if first > last:
                raise _backwards(first, last)
            return UncertainDate.between(first, last)
    if found := _WORD_MONTH.match(text):
        month = _month(found.group(1))
        if month is not None:
            year = _check_year(found.group(2), today, future)
            return _month_value(year, month, today, future)
    if found := _NUMERIC_MONTH.match(text):
        month_text, year_text = (
            (found.group(1), found.group(2))
            if found.group(1)
            else (
                found.group(4),
                found.group(3),
            )
        )
        year = _check_year(year_text, today, future)
        month = int(month_text)
        if not 1 <= month <= 12:
            raise DateInputError(
                translate("date_input", "There is no month {month}.").format(month=month)
            )
        return _month_value(year, month, today, future)
    if found := _YEAR.match(text):
        return UncertainDate.year(_check_year(found.group(1), today, future))
    return None


def _month_value(year: int, month: int, today: date, future: bool) -> UncertainDate:
    if not future and date(year, month, 1) > today:
        raise DateInputError(
            translate(
                "uncertain_dates", "{month} {year} is in the future: today is {today}."
            ).format(month=month_alone(month), year=year, today=format_date(today))
        )
    return UncertainDate.month(year, month)


def _first_end(text: str, last: date, locale_format: str, today: date, future: bool) -> date:
    """The first day of a range, taking what it leaves out (month, year) from the last day."""
    day, month, year = None, last.month, last.year
    if found := _PART_DAY.match(text):
        day = int(found.group(1))
    elif found := _PART_DAY_MONTH.match(text):
        day, month = int(found.group(1)), int(found.group(2))
    elif found := _PART_WORD.match(text):
        number, word = (
            (found.group(1), found.group(2))
            if found.group(1)
            else (
                found.group(4),
                found.group(3),
            )
        )
        named = _month(word)
        if named is None:
            raise _not_read(text)
        day, month = int(number), named
    if day is not None:
        if not 1 <= month <= 12:
            raise DateInputError(
                translate("date_input", "There is no month {month}.").format(month=month)
            )
        return _checked(year, month, day, 4, today=today, future=future)
    whole = _day(text, locale_format, today, future)
    if whole is None:
        raise _not_read(text)
    return whole


def _range(
    first: str, last: str, locale_format: str, today: date, future: bool
) -> UncertainDate | None:
    end = _day(last.strip(), locale_format, today, future)
    if end is None:
        return None
    start = _first_end(first.strip(), end, locale_format, today, future)
    if start > end:
        raise _backwards(start, end)
    return UncertainDate.between(start, end)


def _backwards(start: date, end: date) -> DateInputError:
    return DateInputError(
        translate(
            "uncertain_dates", "The range runs backwards: {first} comes after {last}."
        ).format(first=format_date(start), last=format_date(end))
    )


def _split_range(text: str, locale_format: str, today: date, future: bool) -> UncertainDate | None:
    """A range written with a dash: "1–8 июля 2024", "01.07.2024 - 08.07.2024", "1-8.07.2024"."""
    problem: DateInputError | None = None
    for found in re.finditer(r"\s*(?:–|-|\.\.)\s*", text):
        first, last = text[: found.start()], text[found.end() :]
        if not first or not last:
            continue
        try:
            value = _range(first, last, locale_format, today, future)
        except DateInputError as exc:
            problem = problem or exc
            continue
        if value is not None:
            return value
    if problem is not None:
        raise problem
    return None


def parse_uncertain(
    text: str, *, locale_format: str = "", today: date | None = None, future: bool = False
) -> UncertainDate:
    """The value ``text`` names; raises DateInputError with a sentence saying what works.

    ``locale_format`` is the interface's short date pattern (as for ``parse_date``); ``future``
    allows days after ``today``.
    """
    today = today or date.today()
    plain = _normal(text)
    if not plain:
        raise DateInputError(examples())
    if plain in _UNKNOWN:
        return UncertainDate.unknown()
    approximate = False
    if found := _APPROXIMATE.match(plain):
        approximate, plain = True, plain[found.end() :]
    plain = re.sub(r"^on\s+(?=\d)", "", plain)  # "on 08.07.2024", as a sentence says it
    for pattern, make in ((_BEFORE, UncertainDate.before), (_AFTER, UncertainDate.after)):
        if found := pattern.match(plain):
            day = _day(plain[found.end() :], locale_format, today, future)
            if day is None or approximate:
                raise _not_read(text)
            return make(day)
    value = _single(plain, locale_format, today, future)
    if value is None and (found := _BETWEEN.match(plain)):
        first, last = (g for g in found.groups() if g is not None)
        value = _range(first, last, locale_format, today, future)
    if value is None:
        value = _split_range(plain, locale_format, today, future)
    if value is None:
        raise _missing_year(plain) or _not_read(text)
    if approximate:
        value = UncertainDate(value.precision, value.earliest, value.latest, True)
    return value


# -- the two columns of a date --------------------------------------------------------------
def as_uncertain(value: "UncertainDate | date | None") -> UncertainDate | None:
    """A plain day (what every caller passed before) as the exact value it is."""
    if value is None or isinstance(value, UncertainDate):
        return value
    return UncertainDate.day(value)


def store(obj: Any, column: str, value: "UncertainDate | date | None") -> None:
    """Write ``value`` into ``obj.<column>`` (its earliest day) and ``obj.<column>_edtf``."""
    known = as_uncertain(value)
    setattr(obj, column, None if known is None else known.column_day)
    setattr(obj, f"{column}_edtf", "" if known is None else known.to_edtf())


def read(obj: Any, column: str) -> UncertainDate | None:
    """The value ``obj.<column>`` and ``obj.<column>_edtf`` hold together (None: not entered)."""
    day = getattr(obj, column)
    return UncertainDate.from_columns(day, getattr(obj, f"{column}_edtf", "") or "")


def uncertain(obj: Any, column: str) -> UncertainDate | None:
    """The value of a date only when it is not an exact day (its code is not empty): what a
    view shows in words instead of the plain day (or moment) it shows today."""
    if not getattr(obj, f"{column}_edtf", ""):
        return None
    return read(obj, column)


def describe_columns(obj: Any, column: str) -> str:
    """``describe(read(obj, column))``: what a list or the dossier shows for one date."""
    return describe(read(obj, column))
