"""How flag messages write dates and durations, so every rule says them the same way."""

from datetime import date

from casetracker.i18n import Context, format_date

# Plural messages of the rules (named as its context: pyside6-lupdate reads the name).
rules = Context("rules")


def day(value: date) -> str:
    """The day as the interface language writes it: DD.MM.YYYY unless a front end says else."""
    return format_date(value)


def days(n: int) -> str:
    """ "1 day", "37 days"; Russian "1 день", "2 дня", "5 дней" through the plural forms."""
    return rules.tr("%n day(s)", "", n)
