"""Translation hook for code that must not import Qt (cli/, rules/, services/, sharing/, storage/).

Messages are written in English (the source language) as
``translate("context", "text")`` — with ``disambiguation`` and ``n`` for plurals:
``translate("rules", "%n day(s)", "", days)``. That is exactly the form ``pyside6-lupdate``
extracts from Python (a bare ``tr("context", "text")`` would be misread as text + comment), so
keep the first two arguments string literals.

A front end installs a real translator with ``install`` (``casetracker.i18n.qt_catalog`` does it
for the CLI and the GUI); without one, ``translate`` returns the English source, with ``%n``
filled in and "(s)" made singular or plural.

Plurals: ``pyside6-lupdate`` treats ``translate(context, text, "", n)`` as a plural message only
when ``n`` is a number literal, but ``name.tr(text, disambiguation, n)`` with any ``n`` — taking
the context from ``name``. So plural messages go through a ``Context`` object named after its
context: ``rules = Context("rules")`` … ``rules.tr("%n day(s)", "", days)``, which the Russian
catalogue answers with "1 день", "2 дня", "5 дней" (tests/i18n checks both conventions).

Dates written inside messages go through ``format_date`` so they follow the interface language
(DD.MM.YYYY in Russian); the front end installs the locale's formatter the same way.
"""

import functools
from collections.abc import Callable
from datetime import date

Translate = Callable[[str, str, str, int], str]
"""(context, source text, disambiguation, n) -> translated text with %n filled in."""


def english(_context: str, text: str, _disambiguation: str = "", n: int = -1) -> str:
    """The source text itself: English plural "(s)" resolved, %n replaced by the number."""
    if n < 0:
        return text
    return text.replace("(s)", "" if n == 1 else "s").replace("%n", str(n))


def _numeric_date(value: date) -> str:
    return value.strftime("%d.%m.%Y")


_translate: Translate = english
_format_date: Callable[[date], str] = _numeric_date
_generation = 0


def install(
    translate_function: Translate | None = None, date_function: Callable[[date], str] | None = None
) -> None:
    """Use ``translate_function`` and ``date_function`` from now on (None: the English default)."""
    global _translate, _format_date, _generation
    _translate = translate_function or english
    _format_date = date_function or _numeric_date
    _generation += 1


def generation() -> int:
    """A number that changes whenever a translator is installed: worded results (flag messages)
    may be remembered per generation, as they read the same until the language changes."""
    return _generation


def translate(context: str, text: str, disambiguation: str = "", n: int = -1) -> str:
    """``text`` in the interface language; ``n`` >= 0 picks the plural form and fills in %n."""
    return _translate(context, text, disambiguation, n)


def format_date(value: date) -> str:
    """A day as people of the interface language write it (31.12.2025 in Russian)."""
    return _formatted(value, _generation)


@functools.lru_cache(maxsize=4096)
def _formatted(value: date, _language: int) -> str:
    # The rules word about 26,000 dates for 20,000 cases, a few hundred distinct ones; each
    # formatting goes through strftime or QLocale (5 µs). Keyed by the translator generation.
    return _format_date(value)


def forget_dates() -> None:
    """Drop the formatted dates: they are a vault's (days of detention, of last contact), so a
    lock forgets them with the rest of what was worked out from it."""
    _formatted.cache_clear()


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate knows
    """Mark ``text`` for translation where it is declared; ``translate`` it where it is shown."""
    return text


class Context:
    """A translation context for plural messages in Qt-free code (see the module docstring)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def tr(self, text: str, disambiguation: str = "", n: int = -1) -> str:
        return translate(self.name, text, disambiguation, n)
