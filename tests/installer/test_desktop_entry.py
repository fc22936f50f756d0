"""The Linux desktop entry: what menus and docks read to show and match the app."""

import re
import subprocess
import sys

import pytest

from casetracker.app_id import APP_ID
from installer.layout import ROOT
from installer.linux_package import DESKTOP_ENTRY


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


def test_the_gui_gives_qt_the_same_id_as_desktop_file_name() -> None:
    """Qt passes it on as the Wayland app id and the X11 ``_GTK_APPLICATION_ID``."""
    app_source = (ROOT / "casetracker" / "gui" / "app.py").read_text(encoding="utf-8")
    assert "from casetracker.app_id import APP_ID" in app_source
    assert re.search(r"\.setDesktopFileName\(APP_ID\)", app_source)


def test_the_menu_shows_russian_names_and_search_words() -> None:
    keys = entry()
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert keys[f"{key}[ru]"], key
    assert re.search("[а-яё]", keys["Comment[ru]"])
    assert keys["Keywords[ru]"].endswith(";")


@pytest.mark.skipif(sys.platform != "linux", reason="desktop-file-utils is a Linux tool")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_ENTRY)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
