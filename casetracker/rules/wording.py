"""How flag messages write dates and durations, so every rule says them the same way."""

from datetime import date

from casetracker.i18n import tr


def day(value: date) -> str:
    """DD.MM.YYYY: what caseworkers write, and unambiguous in Russian and English alike."""
    return value.strftime("%d.%m.%Y")


def days(n: int) -> str:
    return tr("rules", "1 day") if n == 1 else tr("rules", "{n} days").format(n=n)
