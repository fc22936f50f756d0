"""The Flatpak manifest, ``flatpak/<app id>.json``, written from the dependency lock.

``python -m installer.flatpak_manifest`` rewrites it after ``scripts/lock``; ``--check`` says
whether it is current (a test does the same). The runtime packages of ``requirements/runtime.txt``
that apply on Linux are installed from the exact wheels ``uv.lock`` names, one per architecture,
each with its sha256, by the runtime's own pip with no index: flatpak-builder refuses a file
whose hash differs, and pip cannot fetch anything else. The app itself is built from this
checkout's committed HEAD (a git source), with its build requirements from the same wheels.

Nothing here has been built: flatpak-builder and the Flathub runtimes cannot be reached from the
machine this was written on (docs/release.md says what is and is not checked).
"""

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

from packaging.markers import Marker
from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename

from installer.layout import APP, APP_ID, INSTALLER, ROOT

MANIFEST = INSTALLER / "flatpak" / f"{APP_ID}.json"
LOCK = ROOT / "uv.lock"
RUNTIME_REQUIREMENTS = ROOT / "requirements" / "runtime.txt"

RUNTIME = "org.freedesktop.Platform"
RUNTIME_VERSION = "25.08"
#: The runtime's python3 (freedesktop-sdk 25.08: 3.13) and a glibc floor it meets; the wheels
#: are chosen for these, so a runtime with another Python fails at pip, not at start.
PYTHON = (3, 13)
GLIBC = (2, 39)
ARCHES = ("x86_64", "aarch64")
#: In the lock for scripts/bootstrap (pip) and the build (setuptools), not for the app to run.
NOT_SHIPPED = {"pip", "setuptools"}
#: What building the app's wheel needs ([build-system] requires, with PySide6's shiboken6).
BUILD_REQUIRES = ("setuptools", "pyside6-essentials", "shiboken6")

#: The sandbox's holes, each for something the app does (docs/release.md, "Flatpak").
FINISH_ARGS = (
    "--share=ipc",  # X11 shared memory; Qt is slow without it
    "--socket=wayland",
    "--socket=fallback-x11",  # X11 only where there is no Wayland
    "--share=network",  # team sync with the organisation's PostgreSQL (casetracker/team)
    "--socket=cups",  # Reports -> Print (QPrinter talks to CUPS)
    # The default vault folder (platformdirs' Documents/Casetracker), where the vault needs its
    # lock file and backups beside it: a portal hands out single files, not their folder.
    "--filesystem=xdg-documents/Casetracker:create",
    # Spreadsheets and bundles to import, bundles and dossiers to export. The app's file
    # dialogs are Qt's own, never the desktop's or a portal's, which would record each file in
    # the recent-files list or the portal's document store (gui/file_dialogs.py), so they see
    # only what the sandbox shows them.
    "--filesystem=xdg-download",
    # Lock the vault when the screen locks or the machine sleeps (gui/system_lock_watch.py).
    "--talk-name=org.freedesktop.ScreenSaver",
    "--talk-name=org.gnome.ScreenSaver",
    "--system-talk-name=org.freedesktop.login1",
)

PIP = 'pip3 install --no-index --find-links="file://${PWD}" --prefix=${FLATPAK_DEST}'


def target_tags(arch: str) -> list[Tag]:
    """What the runtime's pip accepts, best first, as ``pip debug --verbose`` would list."""
    platforms = [f"manylinux_{GLIBC[0]}_{minor}_{arch}" for minor in range(GLIBC[1], 16, -1)]
    platforms += [f"manylinux2014_{arch}", f"linux_{arch}"]
    abi = f"cp{PYTHON[0]}{PYTHON[1]}"
    return [
        *cpython_tags(PYTHON, [abi], platforms),
        *compatible_tags(PYTHON, abi, platforms),
    ]


def linux_requirements(path: Path = RUNTIME_REQUIREMENTS) -> dict[str, str]:
    """Name -> version of the locked runtime packages whose marker holds in the runtime."""
    environment = {
        "sys_platform": "linux",
        "platform_system": "Linux",
        "os_name": "posix",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "python_version": "{}.{}".format(*PYTHON),
        "python_full_version": "{}.{}.0".format(*PYTHON),
    }
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        pinned = re.match(r"([A-Za-z0-9._-]+)==([^\s;\\]+)\s*(?:;([^\\]*))?", line)
        if pinned is None:
            continue
        name, version, marker = pinned.groups()
        for arch in ARCHES:
            if not marker or Marker(marker).evaluate({**environment, "platform_machine": arch}):
                found[canonicalize_name(name)] = version
    return {name: version for name, version in found.items() if name not in NOT_SHIPPED}


def locked_packages(lock: Path = LOCK) -> dict[str, dict[str, Any]]:
    with lock.open("rb") as stream:
        packages: list[dict[str, Any]] = tomllib.load(stream)["package"]
    return {canonicalize_name(p["name"]): p for p in packages if "version" in p}


def wheel_source(package: dict[str, Any], arch: str) -> dict[str, Any]:
    """The locked wheel the runtime's pip would choose on ``arch``, as a flatpak-builder source."""
    ranks = {tag: rank for rank, tag in enumerate(reversed(target_tags(arch)))}
    best: tuple[int, dict[str, Any]] | None = None
    for wheel in package.get("wheels", []):
        tags = parse_wheel_filename(wheel["url"].rsplit("/", 1)[1])[3]
        rank = max((ranks.get(tag, -1) for tag in tags), default=-1)
        if rank >= 0 and (best is None or rank > best[0]):
            best = (rank, wheel)
    if best is None:
        raise LookupError(f"uv.lock has no wheel of {package['name']} for {arch}")
    wheel = best[1]
    algorithm, digest = wheel["hash"].split(":", 1)
    if algorithm != "sha256":
        raise LookupError(f"uv.lock gives {package['name']} a {algorithm} hash, not sha256")
    return {"type": "file", "url": wheel["url"], "sha256": digest}


def sources(names: list[str], locked: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One source per wheel; a wheel for every architecture (py3-none-any) is listed once."""
    listed: list[dict[str, Any]] = []
    for name in names:
        per_arch = {arch: wheel_source(locked[name], arch) for arch in ARCHES}
        if len({source["url"] for source in per_arch.values()}) == 1:
            listed.append(per_arch[ARCHES[0]])
        else:
            listed += [{**source, "only-arches": [arch]} for arch, source in per_arch.items()]
    return listed


def manifest() -> dict[str, Any]:
    wanted = linux_requirements()
    locked = locked_packages()
    for name, version in wanted.items():
        if locked.get(name, {}).get("version") != version:
            raise LookupError(f"requirements/runtime.txt has {name} {version}; uv.lock differs")
    names = sorted(wanted)
    share = "${FLATPAK_DEST}/share"
    return {
        "id": APP_ID,
        "runtime": RUNTIME,
        "runtime-version": RUNTIME_VERSION,
        "sdk": RUNTIME.replace("Platform", "Sdk"),
        "command": APP,
        "finish-args": list(FINISH_ARGS),
        "modules": [
            {
                "name": "python3-dependencies",
                "buildsystem": "simple",
                "build-commands": [
                    f"{PIP} " + " ".join(f"{name}=={wanted[name]}" for name in names)
                ],
                "sources": sources(names, locked),
            },
            {
                "name": APP,
                "buildsystem": "simple",
                "build-commands": [
                    f"{PIP} --no-deps .",
                    f"install -Dm644 installer/linux/{APP_ID}.desktop"
                    f" {share}/applications/{APP_ID}.desktop",
                    f"install -Dm644 installer/linux/{APP_ID}.metainfo.xml"
                    f" {share}/metainfo/{APP_ID}.metainfo.xml",
                    "install -Dm644 installer/assets/casetracker.svg"
                    f" {share}/icons/hicolor/scalable/apps/{APP_ID}.svg",
                ],
                "sources": [
                    {"type": "git", "path": "../..", "branch": "HEAD"},  # the committed checkout
                    *sources(list(BUILD_REQUIRES), locked),
                ],
            },
        ],
    }


def manifest_text() -> str:
    return json.dumps(manifest(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is current")
    args = parser.parse_args(argv)
    text = manifest_text()
    if args.check:
        current = MANIFEST.exists() and MANIFEST.read_text(encoding="utf-8") == text
        print(f"{MANIFEST.name} is {'current' if current else 'stale: run without --check'}")
        return 0 if current else 1
    MANIFEST.parent.mkdir(exist_ok=True)
    MANIFEST.write_text(text, encoding="utf-8")
    print(f"wrote {MANIFEST.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
