"""Dates in messages are remembered per interface language, and follow a change of it."""

from datetime import date

from casetracker import i18n


def test_a_new_date_format_is_used_at_once_though_dates_are_remembered() -> None:
    day = date(2026, 11, 25)
    saved = (i18n._translate, i18n._format_date)
    try:
        i18n.install()
        assert i18n.format_date(day) == "25.11.2026"
        i18n.install(date_function=lambda value: f"{value:%d %B %Y}")
        assert i18n.format_date(day) == "25 November 2026"
        i18n.install()
        assert i18n.format_date(day) == "25.11.2026"
    finally:
        i18n.install(*saved)
