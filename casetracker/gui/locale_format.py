"""Dates and durations as people read them, in the user's locale (DD.MM.YYYY in Russian)."""

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from casetracker.i18n import Context, catalog

# Plural words about time (named as its context: pyside6-lupdate reads the name).
time_plurals = Context("time_plurals")

EMPTY = "—"


def _date_format() -> str:
    """The locale's short date format, always with a four-digit year."""
    return catalog.date_format(QLocale())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(to_qdate(value.date()), QTime(value.hour, value.minute, value.second))


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def date_text(value: date | datetime | None) -> str:
    if value is None:
        return EMPTY
    if isinstance(value, datetime):
        value = value.date()
    return QLocale().toString(to_qdate(value), _date_format())


def datetime_text(value: datetime | None) -> str:
    if value is None:
        return EMPTY
    time_fmt = QLocale().timeFormat(QLocale.FormatType.ShortFormat)
    return f"{date_text(value)} {QLocale().toString(QTime(value.hour, value.minute), time_fmt)}"


def contact_time_text(value: datetime, time_known: bool) -> str:
    """When a contact happened: the day alone when only the day is known, never a made-up hour."""
    return datetime_text(value) if time_known else date_text(value)


def days_text(days: int) -> str:
    return time_plurals.tr("%n day(s)", "", days)


def days_ago_text(value: date | datetime | None, today: date | None = None, shown: str = "") -> str:
    """ "37 days ago (12.03.2025)", "today", "never"; ``shown`` words the day instead (an
    uncertain one, counted from its earliest day as the rules count: "… (about July 2024)")."""
    if value is None:
        return QCoreApplication.translate("time", "never")
    day = value.date() if isinstance(value, datetime) else value
    days = ((today or date.today()) - day).days
    if days <= 0:
        ago = QCoreApplication.translate("time", "today")
    elif days == 1:
        ago = QCoreApplication.translate("time", "yesterday")
    else:
        ago = time_plurals.tr("%n day(s) ago", "", days)
    return f"{ago} ({shown or date_text(day)})"


def size_text(size: int) -> str:
    """ "8.6 KB" / "8,6 КБ": binary multiples, units in the interface language."""
    locale = QLocale()
    if size < 1024:
        return QCoreApplication.translate("units", "%1 B").replace("%1", locale.toString(size))
    units = (
        QCoreApplication.translate("units", "%1 KB"),
        QCoreApplication.translate("units", "%1 MB"),
        QCoreApplication.translate("units", "%1 GB"),
    )
    value = float(size)
    for unit in units:
        value /= 1024
        if value < 1024 or unit is units[-1]:
            return unit.replace("%1", locale.toString(value, "f", 1))
    return ""  # not reached
