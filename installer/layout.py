"""Where the packaging reads and writes, what the pieces are called, and the version."""

import re
import sys
from pathlib import Path

from casetracker.app_id import APP_ID as APP_ID  # the id's one home; installers read it here

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
ICONS = BUILD / "icons"
SPEC = INSTALLER / "casetracker.spec"
SVG_ICON = INSTALLER / "assets" / "casetracker.svg"
TRANSLATION_SOURCES = ROOT / "resources" / "translations"

APP = "casetracker"
#: Window title of the start window (gui/start_window.py); the start-up timing polls for it.
WINDOW_TITLE = "Casetracker"

MAX_BUNDLE_MB = 150  # decimal megabytes, of the unpacked Linux bundle
MAX_START_SECONDS = 2.0


class BuildError(Exception):
    """A step failed; the message says which and what to do."""


def app_version() -> str:
    """``__version__`` of the package, read without importing it."""
    text = (ROOT / "casetracker" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if found is None:
        raise BuildError("casetracker/__init__.py has no __version__")
    return found.group(1)


def bundle_path() -> Path:
    """What PyInstaller makes: the one-folder app, or the .app bundle on macOS."""
    if sys.platform == "darwin":
        return DIST / "Casetracker.app"
    return DIST / APP


def cli_binary(bundle: Path) -> Path:
    """The executable that can print (on Windows the console one, not the GUI one)."""
    if sys.platform == "win32":
        return bundle / "casetracker-cli.exe"
    if sys.platform == "darwin":
        return bundle / "Contents" / "MacOS" / APP
    return bundle / APP
