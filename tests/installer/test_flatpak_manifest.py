"""The Flatpak manifest, checked offline (flatpak-builder and the runtimes are not reachable
here): it is the one the lock makes, it names the app by its id and command, every download has
a sha256 the lock agrees with, and the sandbox opens only what the app uses."""

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import platformdirs
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from casetracker.app_id import APP_ID
from casetracker.gui.app import default_vault_path
from installer.flatpak_manifest import (
    ARCHES,
    BUILD_REQUIRES,
    MANIFEST,
    NOT_SHIPPED,
    RUNTIME_REQUIREMENTS,
    linux_requirements,
    manifest_text,
)
from installer.layout import ROOT
from installer.linux_package import DESKTOP_ENTRY, METAINFO

SHA256 = re.compile(r"[0-9a-f]{64}")


def committed() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return loaded


def module(name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(m for m in committed()["modules"] if m["name"] == name)
    return found


def locked_hashes() -> dict[tuple[str, str], set[str]]:
    """(name, version) -> every sha256 requirements/runtime.txt allows for it."""
    text = RUNTIME_REQUIREMENTS.read_text(encoding="utf-8")
    found: dict[tuple[str, str], set[str]] = {}
    for block in re.split(r"\n(?=[A-Za-z])", text):
        pinned = re.match(r"([A-Za-z0-9._-]+)==(\S+)", block)
        if pinned:
            key = (pinned.group(1).lower().replace("_", "-"), pinned.group(2))
            found[key] = set(re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return found


def wheel_name_and_version(url: str) -> tuple[str, str]:
    name, version = url.rsplit("/", 1)[1].split("-")[:2]
    return name.lower().replace("_", "-"), version


def test_the_committed_manifest_is_the_one_the_lock_makes() -> None:
    assert MANIFEST.read_text(encoding="utf-8") == manifest_text(), (
        "run: python -m installer.flatpak_manifest"
    )


def test_it_is_the_app_id_and_starts_the_console_script() -> None:
    manifest = committed()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert MANIFEST.name == f"{APP_ID}.json"
    assert manifest["id"] == APP_ID
    assert manifest["command"] in pyproject["project"]["scripts"]
    installs = " ".join(module("casetracker")["build-commands"])
    for installed in (
        f"share/applications/{DESKTOP_ENTRY.name}",
        f"share/metainfo/{METAINFO.name}",
        f"share/icons/hicolor/scalable/apps/{APP_ID}.svg",
    ):
        assert installed in installs, installed


def test_every_download_has_a_sha256_the_lock_allows() -> None:
    allowed = locked_hashes()
    for mod in committed()["modules"]:
        for source in mod["sources"]:
            if source["type"] == "git":
                assert source == {
                    "type": "git",
                    "path": "../..",
                    "branch": "HEAD",
                }  # not a download
                continue
            assert source["url"].startswith("https://files.pythonhosted.org/"), source
            assert SHA256.fullmatch(source["sha256"]), source
            assert source["sha256"] in allowed[wheel_name_and_version(source["url"])], source


def test_the_installed_packages_are_the_locks_runtime_set_one_wheel_per_arch() -> None:
    dependencies = module("python3-dependencies")
    command = dependencies["build-commands"][0]
    assert "--no-index" in command  # pip takes the hashed files, nothing from an index
    pinned = dict(p.split("==") for p in command.split() if "==" in p)
    assert pinned == linux_requirements()
    assert pinned.keys().isdisjoint(NOT_SHIPPED)
    for arch in ARCHES:
        wheels = [
            wheel_name_and_version(s["url"])
            for s in dependencies["sources"]
            if arch in s.get("only-arches", ARCHES)
        ]
        assert sorted(wheels) == sorted(pinned.items()), arch


def test_the_sandbox_opens_no_home_host_or_whole_bus() -> None:
    args = committed()["finish-args"]
    assert "--socket=wayland" in args and "--socket=fallback-x11" in args
    assert "--socket=x11" not in args
    for wide in ("home", "host", "host-os", "host-etc"):
        assert not any(a.startswith(f"--filesystem={wide}") for a in args), wide
    assert "--socket=session-bus" not in args and "--socket=system-bus" not in args
    assert not any(a.startswith("--device=") for a in args)
    filesystems = [a for a in args if a.startswith("--filesystem=")]
    assert filesystems == [
        "--filesystem=xdg-documents/Casetracker:create",  # the default vault folder
        "--filesystem=xdg-download",  # what to import, where to export
    ]


def test_the_documents_folder_granted_is_where_the_app_looks_for_the_vault() -> None:
    vault_folder = default_vault_path().parent
    assert vault_folder == Path(platformdirs.user_documents_dir()) / vault_folder.name
    assert f"--filesystem=xdg-documents/{vault_folder.name}:create" in committed()["finish-args"]


def test_the_apps_build_requirements_are_among_the_hashed_wheels() -> None:
    """pip builds the app's wheel offline, so each [build-system] requirement must be there."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    needed = {canonicalize_name(Requirement(r).name) for r in pyproject["build-system"]["requires"]}
    assert needed <= set(BUILD_REQUIRES)
    wheels = {wheel_name_and_version(s["url"])[0] for s in module("casetracker")["sources"][1:]}
    assert wheels == set(BUILD_REQUIRES)
