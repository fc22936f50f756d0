"""The macOS disk image: ``macos/make_dmg.sh`` around ``dist/Casetracker.app``.

PyInstaller builds and signs the .app (``MACOS_SIGN_IDENTITY``, hardened runtime with
``macos/entitlements.plist``; ad hoc without it). The script makes the .dmg, signs it, and
notarises and staples it when notary credentials are set. Not run on the machine where this
was written: see docs/release.md.
"""

import platform
from pathlib import Path

from installer.commands import run
from installer.layout import DIST, INSTALLER


def dmg_name(version: str) -> str:
    return f"Casetracker-{version}-macos-{platform.machine()}.dmg"


def package(app: Path, version: str) -> Path:
    dmg = DIST / dmg_name(version)
    run(["bash", INSTALLER / "macos" / "make_dmg.sh", app, dmg])
    return dmg
