"""Dates in words, in the interface language: "8 July 2024", «около июля 2024», "unknown".

Qt-free, like model/labels.py, so the screens, the command line and the PDF dossier word an
uncertain date (model/uncertain_date.py) the same way. ``services/uncertain_dates.py`` reads
every text ``describe`` writes back to the same value.
"""

from datetime import date

from casetracker.i18n import format_date, translate
from casetracker.model.uncertain_date import Precision, UncertainDate


def month_of(month: int) -> str:
    """The month's name as it follows a day: "February" / «февраля»."""
    names = (
        translate("date_input", "January", "after a day: 31 January"),
        translate("date_input", "February", "after a day: 31 January"),
        translate("date_input", "March", "after a day: 31 January"),
        translate("date_input", "April", "after a day: 31 January"),
        translate("date_input", "May", "after a day: 31 January"),
        translate("date_input", "June", "after a day: 31 January"),
        translate("date_input", "July", "after a day: 31 January"),
        translate("date_input", "August", "after a day: 31 January"),
        translate("date_input", "September", "after a day: 31 January"),
        translate("date_input", "October", "after a day: 31 January"),
        translate("date_input", "November", "after a day: 31 January"),
        translate("date_input", "December", "after a day: 31 January"),
    )
    return names[month - 1]


def month_alone(month: int) -> str:
    """The month's name standing alone, as in "July 2024" / «июль 2024»."""
    names = (
        translate("uncertain_dates", "January", "a month alone: July 2024"),
        translate("uncertain_dates", "February", "a month alone: July 2024"),
        translate("uncertain_dates", "March", "a month alone: July 2024"),
        translate("uncertain_dates", "April", "a month alone: July 2024"),
        translate("uncertain_dates", "May", "a month alone: July 2024"),
        translate("uncertain_dates", "June", "a month alone: July 2024"),
        translate("uncertain_dates", "July", "a month alone: July 2024"),
        translate("uncertain_dates", "August", "a month alone: July 2024"),
        translate("uncertain_dates", "September", "a month alone: July 2024"),
        translate("uncertain_dates", "October", "a month alone: July 2024"),
        translate("uncertain_dates", "November", "a month alone: July 2024"),
        translate("uncertain_dates", "December", "a month alone: July 2024"),
    )
    return names[month - 1]


def _in_words(day: date) -> str:
    """A day in words: "8 July 2024" / «8 июля 2024»."""
    return f"{day.day} {month_of(day.month)} {day.year}"


def _span(first: date, last: date) -> str:
    """Two days as "between" joins them, saying the shared month and year once."""
    if first.year == last.year and first.month == last.month:
        text = translate("uncertain_dates", "between {first} and {last} {month} {year}")
        return text.format(
            first=first.day, last=last.day, month=month_of(last.month), year=last.year
        )
    if first.year == last.year:
        text = translate("uncertain_dates", "between {first} and {last} {year}")
        return text.format(
            first=f"{first.day} {month_of(first.month)}",
            last=f"{last.day} {month_of(last.month)}",
            year=last.year,
        )
    text = translate("uncertain_dates", "between {first} and {last}")
    return text.format(first=_in_words(first), last=_in_words(last))


def describe(value: UncertainDate | None) -> str:
    """The value in words, as a table cell or the dossier shows it; "" when not entered.

    An exact day keeps the interface's usual format (``format_date``).
    """
    if value is None:
        return ""
    first, last = value.earliest, value.latest
    match value.precision:
        case Precision.DAY:
            assert first is not None
            if not value.approximate:
                return format_date(first)
            return translate("uncertain_dates", "about {day}").format(day=format_date(first))
        case Precision.MONTH:
            assert first is not None
            if value.approximate:
                text = translate("uncertain_dates", "about {month} {year}", "about July 2024")
                return text.format(month=month_of(first.month), year=first.year)
            text = translate("uncertain_dates", "{month} {year}", "a month: July 2024")
            return text.format(month=month_alone(first.month), year=first.year)
        case Precision.YEAR:
            assert first is not None
            if value.approximate:
                text = translate("uncertain_dates", "about {year}", "about 2024 (a year)")
            else:
                text = translate("uncertain_dates", "{year}", "a year alone: 2024")
            return text.format(year=first.year)
        case Precision.BETWEEN:
            assert first is not None and last is not None
            span = _span(first, last)
            if value.approximate:
                return translate("uncertain_dates", "roughly {span}").format(span=span)
            return span
        case Precision.BEFORE:
            assert last is not None
            return translate("uncertain_dates", "before {day}").format(day=_in_words(last))
        case Precision.AFTER:
            assert first is not None
            return translate("uncertain_dates", "after {day}").format(day=_in_words(first))
        case Precision.UNKNOWN:
            return translate("uncertain_dates", "unknown", "a date nobody knows")


def month_in(month: int) -> str:
    """The month with "in" before it: "in July" / «в июле»."""
    names = (
        translate("uncertain_dates", "in January"),
        translate("uncertain_dates", "in February"),
        translate("uncertain_dates", "in March"),
        translate("uncertain_dates", "in April"),
        translate("uncertain_dates", "in May"),
        translate("uncertain_dates", "in June"),
        translate("uncertain_dates", "in July"),
        translate("uncertain_dates", "in August"),
        translate("uncertain_dates", "in September"),
        translate("uncertain_dates", "in October"),
        translate("uncertain_dates", "in November"),
        translate("uncertain_dates", "in December"),
    )
    return names[month - 1]


def in_sentence(value: UncertainDate) -> str:
    """The value as it goes into a sentence after a verb: "detained in July 2024" /
    «задержан в июле 2024», "in 2024" / «в 2024 году»; ranges, "before", "after" and "about"
    read the same as in a table (``describe``)."""
    first = value.earliest
    match value.precision:
        case Precision.DAY if not value.approximate:
            assert first is not None
            text = translate("uncertain_dates", "on {day}", "in a sentence: detained on 08.07.2024")
            return text.format(day=format_date(first))
        case Precision.MONTH if not value.approximate:
            assert first is not None
            text = translate("uncertain_dates", "{in_month} {year}", "in July 2024")
            return text.format(in_month=month_in(first.month), year=first.year)
        case Precision.YEAR:
            assert first is not None
            if value.approximate:
                text = translate("uncertain_dates", "about {year}", "about 2024 (a year)")
            else:
                text = translate("uncertain_dates", "in {year}", "in a sentence: in 2024")
            return text.format(year=first.year)
        case Precision.UNKNOWN:
            return translate("uncertain_dates", "on a day not known", "in a sentence")
    return describe(value)
