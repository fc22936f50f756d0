"""Shared fixtures: a real encrypted vault in tmp_path, with the documented KDF floor."""

import os
from collections.abc import Iterator
from pathlib import Path

from tests.offscreen_screen import PLATFORM

# Qt must never look for a display in tests (a 1920×1080 offscreen screen); set before
# anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", PLATFORM)
# New vaults made through the CLI use the KDF floor (64 MiB, 2 passes) instead of calibrating.
os.environ.setdefault("CASETRACKER_KDF_TARGET_MS", "0")
# Tests read English messages whatever the machine's locale (tests/i18n asks for Russian).
os.environ.setdefault("CASETRACKER_LANGUAGE", "en")

import pytest
from PySide6.QtWidgets import QApplication

from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR


def pytest_configure(config: pytest.Config) -> None:
    """One QApplication for the whole run, made before anything can make a plain
    QGuiApplication (the PDF dossier does when none exists), because widgets need the former."""
    if QApplication.instance() is None:
        config._casetracker_qt_app = QApplication(["casetracker-tests"])  # type: ignore[attr-defined]


@pytest.fixture(autouse=True, scope="session")
def _runner_keeps_its_core_limit() -> Iterator[None]:
    """CLI tests call ``cli.main.main`` in this process, and its ``process_guard.harden()``
    cannot be undone: a hard core limit of 0, inherited by every child. The control child of
    tests/test_process_guard.py could then never write a core and that test would skip. The
    guard itself is tested for real in fresh child processes (there and in
    tests/gui/test_gui_process.py), which this does not reach."""
    from casetracker import process_guard

    patch = pytest.MonkeyPatch()
    patch.setattr(process_guard, "harden", lambda: None)
    yield
    patch.undo()


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
