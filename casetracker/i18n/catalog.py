"""Finding, compiling and loading the translation catalogues (Qt Linguist .ts → .qm).

Sources: ``resources/translations/casetracker_<lang>.ts``, kept up to date from the code by
``python -m casetracker.i18n update`` (``pyside6-lupdate`` over the package). English is the
source language; its catalogue holds only the plural forms ("%n day(s)" → "1 day", "2 days").

Compiled: ``casetracker/i18n/translations/casetracker_<lang>.qm``, made by ``build`` below
(``pyside6-lrelease``): into every wheel as it is built (``setup.py``), and into the source tree
by ``python -m casetracker.i18n build`` for the installers. A source checkout without them
still runs translated: the .ts is compiled by ``pyside6-lrelease`` straight into memory (its
output goes to a pipe, never to a file) and handed to ``QTranslator.load(bytes)``.

The language follows the system (``CASETRACKER_LANGUAGE``, then ``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG`` as gettext reads them, then Qt's idea of the system locale) unless a
vault setting names one. Only QtCore is used, and no application object is needed, so the CLI
loads the same catalogue as the GUI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QTranslator

from casetracker import i18n

# Languages with a catalogue. English is the source language.
LANGUAGES = ("en", "ru")
SOURCE_LANGUAGE = "en"

PACKAGE_DIR = Path(__file__).resolve().parent
QM_DIR = PACKAGE_DIR / "translations"
TS_DIR = PACKAGE_DIR.parent.parent / "resources" / "translations"
PACKAGE_ROOT = PACKAGE_DIR.parent

# The environment variables gettext reads for the message language, in its order.
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_cache: dict[str, bytes | None] = {}


def ts_path(language: str) -> Path:
    return TS_DIR / f"casetracker_{language}.ts"


def qm_path(language: str) -> Path:
    return QM_DIR / f"casetracker_{language}.qm"


# -- which language -------------------------------------------------------------------------
def supported(language: str) -> str:
    """The catalogue for a language or locale name ("ru_RU.UTF-8" → "ru"), else English."""
    code = language.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def requested_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for ("" when it says nothing usable).

    ``CASETRACKER_LANGUAGE`` wins; then the POSIX variables in gettext's order (``LANGUAGE``
    is a colon-separated preference list and only counts when the locale is not "C").
    """
    env = os.environ if environ is None else environ
    chosen = env.get("CASETRACKER_LANGUAGE", "").strip()
    if chosen:
        return chosen
    for name in _LOCALE_VARIABLES:
        value = env.get(name, "").strip()
        if not value:
            continue
        if name == "LANGUAGE":
            base = next((env[v] for v in _LOCALE_VARIABLES[1:] if env.get(v)), "")
            if base in ("C", "POSIX") or base.startswith("C."):
                continue
            return value.split(":")[0]
        return value
    return ""


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The interface language for "as the system": "ru" or "en"."""
    requested = requested_language(environ)
    if requested:
        return supported(requested)
    for name in QLocale.system().uiLanguages():
        if supported(name) != SOURCE_LANGUAGE:
            return supported(name)
    return SOURCE_LANGUAGE


def locale_for(language: str) -> QLocale:
    """Formats (dates, numbers) for the interface language: the system's own when they agree.

    A Briton who picks English keeps day-first dates; a Russian interface always writes
    31.12.2025, even on a machine set up in another language.
    """
    system = QLocale.system()
    wanted = QLocale(language)
    if not language or system.language() == wanted.language():
        return system
    if system.language() == QLocale.Language.C and wanted.language() == QLocale.Language.English:
        return system  # LANG=C: plain English, dates as 31.12.2025
    return wanted


# -- the compiled catalogue -----------------------------------------------------------------
def find_tool(name: str) -> str | None:
    """A PySide6 tool ("lrelease", "lupdate"): the wrapper beside this Python, or on PATH."""
    folders = [str(Path(sys.executable).parent), os.environ.get("PATH", "")]
    return shutil.which(f"pyside6-{name}", path=os.pathsep.join(folders))


def compile_ts(ts: Path) -> bytes:
    """``pyside6-lrelease`` output for one .ts, in memory.

    On POSIX lrelease writes to its standard output (a pipe to us); elsewhere to a private
    temporary folder (only this user can read it) that is removed at once. A catalogue holds
    only the app's own wording, never case data.
    """
    tool = find_tool("lrelease")
    if tool is None:
        raise FileNotFoundError("pyside6-lrelease")
    if os.name == "posix" and Path("/dev/stdout").exists():
        done = subprocess.run(
            [tool, "-silent", str(ts), "-qm", "/dev/stdout"],
            capture_output=True,
            check=True,
            timeout=60,
        )
        return done.stdout
    with tempfile.TemporaryDirectory(prefix="ct-i18n-") as folder:
        target = Path(folder) / (ts.stem + ".qm")
        subprocess.run(
            [tool, "-silent", str(ts), "-qm", str(target)],
            capture_output=True,
            check=True,
            timeout=60,
        )
        return target.read_bytes()


def qm_data(language: str) -> bytes | None:
    """The compiled catalogue: the built .qm if there is one, else the .ts compiled now."""
    if language in _cache:
        return _cache[language]
    data: bytes | None = None
    built, source = qm_path(language), ts_path(language)
    stale = built.is_file() and source.is_file() and source.stat().st_mtime > built.stat().st_mtime
    if built.is_file() and not stale:
        data = built.read_bytes()
    elif source.is_file():
        try:
            data = compile_ts(source)
        except (OSError, subprocess.SubprocessError):
            data = built.read_bytes() if built.is_file() else None
    _cache[language] = data or None
    return _cache[language]


def load(language: str) -> QTranslator | None:
    """A translator for Casetracker's own strings in ``language``, or None if there is none."""
    data = qm_data(supported(language))
    if not data:
        return None
    translator = QTranslator()
    if not translator.load(data):
        return None
    # QTranslator reads the bytes in place: keep them alive as long as the translator.
    translator._casetracker_data = data  # type: ignore[attr-defined]
    return translator


# -- the translate hook for code without a QApplication -------------------------------------
class TranslatorHook:
    """``casetracker.i18n.translate`` answered straight from a QTranslator (no app needed)."""

    def __init__(self, translator: QTranslator | None, locale: QLocale) -> None:
        self.translator = translator
        self.locale = locale

    def __call__(self, context: str, text: str, disambiguation: str = "", n: int = -1) -> str:
        if self.translator is not None:
            found = self.translator.translate(context, text, disambiguation or None, n)
            if found:
                return found.replace("%n", str(n)) if n >= 0 else found
        return i18n.english(context, text, disambiguation, n)

    def date(self, value: date) -> str:
        return date_text(self.locale, value)


def date_text(locale: QLocale, value: date) -> str:
    """The locale's short date with a four-digit year (31.12.2025 in Russian)."""
    return locale.toString(QDate(value.year, value.month, value.day), date_format(locale))


def date_format(locale: QLocale) -> str:
    if locale.language() == QLocale.Language.C:
        return "dd.MM.yyyy"
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def install_for_cli(environ: Mapping[str, str] | None = None) -> str:
    """Translate the non-Qt code (CLI, rules, services) for the system's language."""
    language = system_language(environ)
    hook = TranslatorHook(load(language), locale_for(language))
    i18n.install(hook, hook.date)
    return language


# -- maintenance: lupdate and lrelease ------------------------------------------------------
def _tool(name: str) -> list[str]:
    found = find_tool(name)
    if found is None:
        raise SystemExit(f"pyside6-{name} was not found; install PySide6 in this environment.")
    return [found]


def update() -> None:
    """Refresh every .ts from the code: new strings appear unfinished, vanished ones go."""
    TS_DIR.mkdir(parents=True, exist_ok=True)
    common = [
        "-extensions", "py", "-locations", "none", "-no-obsolete", "-source-language", "en",
    ]  # fmt: skip
    for language in LANGUAGES:
        extra = ["-pluralonly"] if language == SOURCE_LANGUAGE else []
        subprocess.run(
            [*_tool("lupdate"), *common, *extra, "-target-language", language,
             str(PACKAGE_ROOT), "-ts", str(ts_path(language))],
            check=True,
        )  # fmt: skip
    from casetracker.i18n import ts_file

    ts_file.fill_english_plurals(ts_path(SOURCE_LANGUAGE))


def build(out_dir: Path = QM_DIR) -> list[Path]:
    """Compile every .ts into ``out_dir`` with lrelease: the package, for the installers, or
    a wheel's build tree. setup.py imports this module where only setuptools and
    PySide6-Essentials are installed, so it imports nothing else from outside the stdlib."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for language in LANGUAGES:
        target = out_dir / f"casetracker_{language}.qm"
        subprocess.run(
            [*_tool("lrelease"), "-silent", str(ts_path(language)), "-qm", str(target)],
            check=True,
        )
        written.append(target)
    return written
