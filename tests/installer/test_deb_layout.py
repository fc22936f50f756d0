"""Where the .deb puts the desktop entry, the metainfo and the icons: the places and names by
which menus, software centres and docks find the app. Staged from a stand-in for the frozen
folder (one script) with the real entry, metainfo and icons rendered from the SVG."""

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from casetracker.app_id import APP_ID
from installer import icons
from installer.layout import APP
from installer.linux_package import (
    DEB_LANDMARKS,
    DESKTOP_ENTRY,
    METAINFO,
    metainfo_text,
    stage_deb,
)
from tests.required_tools import needs_tool

pytestmark = [
    pytest.mark.skipif(sys.platform != "linux", reason="a Debian package"),
    needs_tool(shutil.which("dpkg-deb") is not None, "dpkg-deb is missing (Debian dpkg)"),
    needs_tool(shutil.which("appstreamcli") is not None, "appstream is missing"),
]
PUBLISHED = {"CASETRACKER_SCREENSHOTS_URL": "https://example.org/casetracker/screenshots"}


@pytest.fixture
def staged(tmp_path: Path, qtbot: QtBot) -> Path:
    """The package tree; ``qtbot`` so the icons are drawn in the tests' QApplication."""
    icons.render_pngs(icons.SIZES, tmp_path / "icons")
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / APP).write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    (bundle / APP).chmod(0o755)
    root = tmp_path / "root"
    root.mkdir()
    stage_deb(bundle, root, "1.2.3", "amd64", PUBLISHED, icon_dir=tmp_path / "icons")
    return root


def test_entry_metainfo_and_icons_are_where_desktops_look(staged: Path) -> None:
    share = staged / "usr" / "share"
    entry = share / "applications" / f"{APP_ID}.desktop"
    assert entry.read_bytes() == DESKTOP_ENTRY.read_bytes()
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert metainfo.read_text(encoding="utf-8") == metainfo_text(PUBLISHED)
    assert metainfo.name == METAINFO.name
    keys = configparser.ConfigParser(interpolation=None)
    keys.optionxform = str  # type: ignore[assignment,method-assign]
    keys.read(entry, encoding="utf-8")
    icon = keys["Desktop Entry"]["Icon"]
    for size in icons.SIZES:
        png = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{icon}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{icon}.svg").is_file()


def test_appstreamcli_accepts_the_installed_tree(staged: Path) -> None:
    """``validate-tree`` reads the metainfo where a distribution's tools collect it."""
    result = subprocess.run(
        ["appstreamcli", "validate-tree", "--no-net", "--explain", str(staged)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert METAINFO.name in result.stdout + result.stderr


def test_the_built_deb_lists_every_place_the_smoke_check_wants(
    staged: Path, tmp_path: Path
) -> None:
    deb = tmp_path / "casetracker.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(staged), str(deb)],
        check=True,
        capture_output=True,
    )
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], check=True, capture_output=True, text=True
    ).stdout
    missing = [wanted for wanted in DEB_LANDMARKS if wanted not in listing]
    assert not missing, listing
