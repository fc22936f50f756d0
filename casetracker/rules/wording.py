"""How flag messages write dates and durations, so every rule says them the same way."""

import functools
from datetime import date

from casetracker import i18n
from casetracker.i18n import Context, format_date, generation
from casetracker.model.date_words import describe
from casetracker.model.uncertain_date import UncertainDate

# Plural messages of the rules (named as its context: pyside6-lupdate reads the name).
rules = Context("rules")


def day(value: date) -> str:
    """The day as the interface language writes it: DD.MM.YYYY unless a front end says else."""
    return format_date(value)


def translate(context: str, text: str, disambiguation: str = "", n: int = -1) -> str:
    """`i18n.translate`, remembered per interface language: the rules word the same few dozen
    messages (and a few hundred numbers of days) for 20,000 flags at 20,000 cases."""
    return _translated(context, text, disambiguation, n, generation())


@functools.lru_cache(maxsize=4096)
def _translated(context: str, text: str, disambiguation: str, n: int, _language: int) -> str:
    return i18n.translate(context, text, disambiguation, n)


def days(n: int) -> str:
    """ "1 day", "37 days"; Russian "1 день", "2 дня", "5 дней" through the plural forms."""
    return _days(n, generation())


@functools.lru_cache(maxsize=4096)
def _days(n: int, _language: int) -> str:
    return rules.tr("%n day(s)", "", n)


def elapsed(start: date, as_of: date, rough: UncertainDate | None) -> str:
    """How long since ``start`` (the day a rule counts from): "44 days", or, when the day is
    known only roughly, the least and the most it can be and what is known of the day."""
    if rough is None:
        return days((as_of - start).days)
    least = None if rough.latest is None else max(0, (as_of - rough.latest).days)
    most = None if rough.earliest is None else (as_of - rough.earliest).days
    if least is not None and most is not None and least != most:
        text = translate("rules", "at least {least}, up to {most}").format(
            least=days(least), most=days(most)
        )
    elif least is not None:
        text = translate("rules", "at least {least}").format(least=days(least))
    else:
        text = translate("rules", "up to {most}").format(most=days(most or 0))
    known = translate("rules", "{elapsed} (the day is known only as {span})")
    return known.format(elapsed=text, span=describe(rough))
