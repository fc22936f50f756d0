"""The AppStream metainfo: what software centres show, and that it names the app as the
desktop entry, the package and the changelog do."""

import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import casetracker
from casetracker.app_id import APP_ID
from installer.layout import ROOT, BuildError
from installer.linux_package import (
    DESKTOP_ENTRY,
    METAINFO,
    SCREENSHOTS,
    STORE_SCREENSHOTS,
    control_field,
    control_text,
    metainfo_text,
)
from tests.required_tools import needs_tool

LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PUBLISHED = {
    "CASETRACKER_HOMEPAGE": "https://example.org/casetracker",
    "CASETRACKER_SCREENSHOTS_URL": "https://example.org/casetracker/screenshots/",
}
on_linux = pytest.mark.skipif(sys.platform != "linux", reason="appstream is a Linux tool")
with_appstreamcli = needs_tool(shutil.which("appstreamcli") is not None, "appstream is missing")


def component(text: str | None = None) -> ET.Element:
    return ET.fromstring(text if text is not None else METAINFO.read_text(encoding="utf-8"))


def changelog_releases() -> list[tuple[str, str]]:
    """``## 0.1.0 — 2026-11-25`` headings of CHANGELOG.md, newest first."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return re.findall(r"^## (\d+\.\d+\.\d+) — (\d{4}-\d\d-\d\d)\s*$", text, re.M)


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--explain", str(path)],
        capture_output=True,
        text=True,
    )


def test_the_metainfo_names_the_app_as_its_desktop_entry_and_package_do() -> None:
    root = component()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert METAINFO.name == f"{APP_ID}.metainfo.xml"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP_ENTRY.name
    assert root.findtext("provides/binary") in pyproject["project"]["scripts"]
    assert root.findtext("project_license") == pyproject["project"]["license"]
    assert root.findtext("metadata_license") in {"CC0-1.0", "FSFAP"}


def test_the_releases_are_the_changelogs_dated_versions_newest_the_packages() -> None:
    releases = [(r.get("version"), r.get("date")) for r in component().iterfind("releases/release")]
    assert releases, "the metainfo lists no release"
    assert releases == changelog_releases()
    assert releases[0][0] == casetracker.__version__


def test_name_summary_and_every_paragraph_have_a_russian_translation() -> None:
    root = component()
    for tag in ("name", "summary", "developer_name"):
        assert any(e.get(LANG) == "ru" for e in root.iterfind(tag)), tag
    paragraphs = root.findall("description/p")
    english = [p for p in paragraphs if p.get(LANG) is None]
    russian = [p for p in paragraphs if p.get(LANG) == "ru"]
    assert english and len(russian) == len(english)
    assert all(re.search("[а-яё]", p.text or "") for p in russian)


def test_no_address_is_invented_when_the_release_gives_none() -> None:
    root = component(metainfo_text({}))
    assert root.find("url") is None and root.find("screenshots") is None
    assert "Homepage" not in control_text("1.2.3", "amd64", 1, {})
    assert "example.org" not in METAINFO.read_text(encoding="utf-8")


def test_given_addresses_add_the_homepage_and_screenshots_of_real_images() -> None:
    root = component(metainfo_text(PUBLISHED))
    assert root.findtext("url[@type='homepage']") == "https://example.org/casetracker"
    shots = root.findall("screenshots/screenshot")
    assert len(shots) == len(STORE_SCREENSHOTS)
    assert [s.get("type") for s in shots].count("default") == 1
    for shot in shots:
        images = {image.get(LANG): image.text or "" for image in shot.iterfind("image")}
        assert set(images) == {None, "ru"}
        for url in images.values():
            assert url.startswith("https://example.org/casetracker/screenshots/")
            assert (SCREENSHOTS / url.rsplit("/", 1)[1]).is_file(), url
    control = control_text("1.2.3", "amd64", 1, PUBLISHED)
    assert control_field(control, "Homepage") == "https://example.org/casetracker"


def test_an_address_that_is_not_https_stops_the_build() -> None:
    with pytest.raises(BuildError, match="CASETRACKER_SCREENSHOTS_URL"):
        metainfo_text({"CASETRACKER_SCREENSHOTS_URL": "http://example.org/shots"})
    with pytest.raises(BuildError, match="CASETRACKER_HOMEPAGE"):
        control_text("1.2.3", "amd64", 1, {"CASETRACKER_HOMEPAGE": "example.org"})


@on_linux
@with_appstreamcli
def test_appstreamcli_validates_the_metainfo_as_committed() -> None:
    result = validate(METAINFO)
    assert result.returncode == 0, result.stdout + result.stderr


@on_linux
@with_appstreamcli
def test_appstreamcli_validates_the_metainfo_with_published_addresses(tmp_path: Path) -> None:
    rendered = tmp_path / METAINFO.name
    rendered.write_text(metainfo_text(PUBLISHED), encoding="utf-8")
    result = validate(rendered)
    assert result.returncode == 0, result.stdout + result.stderr
