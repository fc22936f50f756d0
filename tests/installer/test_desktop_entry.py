"""The Linux desktop entry: what menus and docks read to show and match the app."""

import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from casetracker.app_id import APP_ID
from installer.layout import ROOT
from installer.linux_package import DESKTOP_ENTRY
from tests.private_home import private_env
from tests.required_tools import needs_tool


def entry() -> dict[str, str]:
    lines = DESKTOP_ENTRY.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    keys: dict[str, str] = {}
    for line in lines[1:]:
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("=")
        assert key not in keys, f"{key} is set twice"
        keys[key] = value
    return keys


def test_desktop_entry_starts_the_installed_command_with_its_icon() -> None:
    keys = entry()
    assert keys["Type"] == "Application"
    assert keys["Exec"] == "casetracker"  # /usr/bin/casetracker, no file arguments
    assert keys["TryExec"] == "casetracker"
    assert keys["Icon"] == APP_ID  # usr/share/icons/hicolor/*/apps/org.casetracker.Casetracker.*
    assert keys["Terminal"] == "false"
    assert keys["Name"] == "Casetracker"


def test_desktop_entry_lists_end_with_a_semicolon() -> None:
    keys = entry()
    for key in ("Categories", "Keywords"):
        assert keys[key].endswith(";"), key


def test_startup_wm_class_is_the_qt_application_name() -> None:
    """Docks group the window under the menu entry only if WM_CLASS matches."""
    app_source = (ROOT / "casetracker" / "gui" / "app.py").read_text(encoding="utf-8")
    names = re.findall(r'setApplicationName\("([^"]+)"\)', app_source)
    assert names, "gui/app.py no longer sets the application name"
    assert entry()["StartupWMClass"] == names[0]


def test_the_entry_and_its_icon_are_named_by_the_reverse_dns_id() -> None:
    """Wayland and GNOME find the entry of a window by the app id, as ``<id>.desktop``."""
    assert DESKTOP_ENTRY.name == f"{APP_ID}.desktop"
    assert re.fullmatch(r"[a-z]+(\.[a-z]+)+\.[A-Za-z]+", APP_ID)


#: The desktop app started as ``casetracker`` starts it (gui/app.py ``run``), in a child with a
#: private home; it reports what Qt was told and where the settings live, then quits.
STARTED_APP = textwrap.dedent(
    """
    import json
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from casetracker.gui.app import default_vault_path, run
    from casetracker.gui.app_settings import AppSettings
    qt_app = QApplication(["casetracker"])
    def report():
        print(json.dumps({
            "desktop_file": qt_app.desktopFileName(),
            "application": qt_app.applicationName(),
            "organisation": qt_app.organizationName(),
            "settings": AppSettings().file_name,
            "vault": str(default_vault_path()),
        }))
        qt_app.quit()
    QTimer.singleShot(0, report)
    run()
    """
)


@pytest.mark.skipif(sys.platform != "linux", reason="desktop entries are Linux's")
def test_the_started_app_gives_qt_the_id_and_keeps_its_settings_and_vault_place(
    tmp_path: Path,
) -> None:
    """Qt passes the id to Wayland as the app id and to X11 as ``_GTK_APPLICATION_ID``; the
    application and organisation names stay, so settings and the vault are found as before."""
    home = tmp_path / "home"
    env = private_env(home)
    done = subprocess.run(
        [sys.executable, "-c", STARTED_APP],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stderr[-2000:]
    started = json.loads(lines[-1])
    assert started["desktop_file"] == APP_ID == DESKTOP_ENTRY.name.removesuffix(".desktop")
    assert started["application"] == started["organisation"] == "Casetracker"
    assert Path(started["settings"]) == home / ".config" / "Casetracker" / "Casetracker.ini"
    assert Path(started["vault"]).parent == home / "Documents" / "Casetracker"


def test_the_menu_shows_russian_names_and_search_words() -> None:
    keys = entry()
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert keys[f"{key}[ru]"], key
    assert re.search("[а-яё]", keys["Comment[ru]"])
    assert keys["Keywords[ru]"].endswith(";")


@pytest.mark.skipif(sys.platform != "linux", reason="desktop-file-utils is a Linux tool")
@needs_tool(shutil.which("desktop-file-validate") is not None, "desktop-file-utils is missing")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_ENTRY)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
