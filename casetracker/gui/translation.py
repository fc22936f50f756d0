"""Loading the interface language: Qt's own strings and Casetracker's, from .qm files.

Translations live in ``casetracker/gui/translations/casetracker_<lang>.qm`` (made from the .ts
files by ``pyside6-lrelease``). The language is a vault setting; it is applied right after
unlocking, before the main window is built, so the whole window follows it.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from casetracker import i18n

TRANSLATIONS_DIR = Path(__file__).parent / "translations"

_installed: list[QTranslator] = []


def install(language: str = "") -> QLocale:
    """Install translators for ``language`` ("" = the system's); returns the locale used."""
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(translator)
    _installed.clear()
    locale = QLocale(language) if language else QLocale.system()
    QLocale.setDefault(locale)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_dir), ("casetracker", str(TRANSLATIONS_DIR))):
        translator = QTranslator()
        if translator.load(locale, name, "_", folder):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    i18n.install(QCoreApplication.translate)
    return locale
