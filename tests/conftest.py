"""Shared fixtures: a real encrypted vault in tmp_path, with the documented KDF floor."""

import os
from collections.abc import Iterator
from pathlib import Path

# Qt must never look for a display in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# New vaults made through the CLI use the KDF floor (64 MiB, 2 passes) instead of calibrating.
os.environ.setdefault("CASETRACKER_KDF_TARGET_MS", "0")

import pytest

from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR

PASSPHRASE = "correct horse battery staple"
MARKER = "Zzyxqmarker Щщёмаркер"


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "unit" / "org.ctvault"


@pytest.fixture
def ws(vault_path: Path) -> Iterator[Workspace]:
    workspace, _recovery = Workspace.create(vault_path, PASSPHRASE, kdf=FLOOR, actor="tester")
    yield workspace
    workspace.close(save=False)
