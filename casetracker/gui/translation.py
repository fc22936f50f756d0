"""The interface language of the desktop app: Qt's own strings and Casetracker's.

"" follows the system (see ``casetracker.i18n.catalog.system_language``); "en" or "ru" is the
vault's ``language`` setting, applied right after unlocking, before the main window is built, so
the whole window follows it (the start window follows the system until the next start).
The same call points the Qt-free ``casetracker.i18n.translate`` (rules, services, sharing) at
the installed catalogue, and sets the locale that dates and numbers are written in.
"""

from datetime import date

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from casetracker import i18n
from casetracker.i18n import catalog

_installed: list[QTranslator] = []


def _qt_translate(context: str, text: str, disambiguation: str = "", n: int = -1) -> str:
    return QCoreApplication.translate(context, text, disambiguation or None, n)


def _date(value: date) -> str:
    return catalog.date_text(QLocale(), value)


def install(language: str = "") -> QLocale:
    """Install translators for ``language`` ("" = the system's); returns the locale used."""
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    chosen = catalog.supported(language) if language else catalog.system_language()
    locale = catalog.locale_for(chosen)
    QLocale.setDefault(locale)
    own = catalog.load(chosen)
    if own is not None and QCoreApplication.instance() is not None:
        QCoreApplication.installTranslator(own)
        _installed.append(own)
    # Qt's own words (Cancel, Yes, Copy…) only in a language the app itself speaks.
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if (
        chosen != catalog.SOURCE_LANGUAGE
        and QCoreApplication.instance() is not None
        and qt.load(QLocale(chosen), "qtbase", "_", qt_dir)
    ):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    if QCoreApplication.instance() is not None:
        i18n.install(_qt_translate, _date)
    else:
        hook = catalog.TranslatorHook(own, locale)
        i18n.install(hook, hook.date)
    return locale
