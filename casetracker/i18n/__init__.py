"""Translation hook for code that must not import Qt.

Messages are written in English (the source language) and passed through ``tr``. The GUI (and
the CLI, when a translation is loaded) installs Qt's translator with ``install``; without one,
``tr`` returns the source text. ``pyside6-lupdate`` finds the calls by the name ``tr``.
"""

from collections.abc import Callable

_translate: Callable[[str, str], str] = lambda _context, text: text  # noqa: E731


def install(translate: Callable[[str, str], str]) -> None:
    global _translate
    _translate = translate


def tr(context: str, text: str) -> str:
    return _translate(context, text)
