"""Quitting after a failed save asks: Save again, Quit and lose N changes, or Cancel.

Issue 14, item 8: closing the window after a save had failed locked "automatically" and lost
the changes without a word. The disk here is full the way the OS says it (``SaveFailed`` with
ENOSPC from the vault's durable write) until the test frees it; the window is closed with
File ▸ Quit's Ctrl+Q, which closes it like its close button.
"""

import errno
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from casetracker.gui.app import DEMO_PASSPHRASE, App
from casetracker.gui.main_window import MainWindow
from casetracker.storage.errors import SaveFailed
from casetracker.storage.vault_file import VaultFile
from tests.gui.keyboard import NAME, click, new_case_window, through_modal
from torture.probe import names_on_disk


@dataclass
class Disk:
    full: bool = True


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[Disk]:
    state = Disk()

    def refused(real: Callable[..., Any]) -> Callable[..., Any]:
        def write(self: VaultFile, *args: Any, **kwargs: Any) -> Any:
            if state.full:
                raise SaveFailed(errno.ENOSPC)
            return real(self, *args, **kwargs)

        return write

    # A save appends to the journal; a compaction (on quitting) writes a whole file.
    monkeypatch.setattr(VaultFile, "append", refused(VaultFile.append))
    monkeypatch.setattr(VaultFile, "write", refused(VaultFile.write))
    yield state


def _change_that_cannot_be_saved(app: App, qtbot: QtBot) -> tuple[MainWindow, Path, int]:
    """A new case typed by hand (Ctrl+N, the name, Enter); its save fails on the full disk."""
    window = app.window
    assert window is not None and app.session is not None
    new_case_window(qtbot, window)
    qtbot.waitUntil(lambda: "disk is full" in window.save_text(), timeout=10_000)
    ws = app.session.ws
    assert ws.unsaved_changes >= 1
    return window, ws.path, ws.unsaved_changes


def _quit_and_answer(
    qtbot: QtBot, window: MainWindow, answer: Callable[[QMessageBox], QPushButton]
) -> list[str]:
    """Ctrl+Q in the main window; in the question that opens, click ``answer``'s button.
    Returns the question's button texts."""
    seen: list[str] = []

    def steps(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.extend(b.text() for b in box.buttons())
        click(qtbot, answer(box))

    through_modal(qtbot, QMessageBox, steps)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert seen, "quitting asked nothing"
    return seen


def _button(text: str) -> Callable[[QMessageBox], QPushButton]:
    def find(box: QMessageBox) -> QPushButton:
        (button,) = [b for b in box.buttons() if b.text().startswith(text)]
        assert isinstance(button, QPushButton)
        return button

    return find


def test_cancel_keeps_the_window_open_and_the_change_in_memory(
    demo_app: App, qtbot: QtBot, disk: Disk
) -> None:
    window, _path, changes = _change_that_cannot_be_saved(demo_app, qtbot)
    buttons = _quit_and_answer(qtbot, window, _button("Cancel"))
    assert sorted(buttons) == ["Cancel", f"Quit and lose {changes} change", "Save again"]
    assert window.isVisible() and not demo_app.is_locked
    assert demo_app.session is not None
    assert demo_app.session.ws.cases.rows(search=NAME)  # still here, still unsaved
    assert demo_app.session.ws.unsaved_changes == changes


def test_save_again_saves_once_the_disk_has_room_and_then_quits(
    demo_app: App, qtbot: QtBot, disk: Disk
) -> None:
    window, path, _changes = _change_that_cannot_be_saved(demo_app, qtbot)

    def room_then_save_again(box: QMessageBox) -> QPushButton:
        disk.full = False  # the caseworker deleted some files meanwhile
        return _button("Save again")(box)

    _quit_and_answer(qtbot, window, room_then_save_again)
    assert not window.isVisible()
    assert NAME in names_on_disk(path, DEMO_PASSPHRASE)


def test_quit_and_lose_closes_without_the_changes(demo_app: App, qtbot: QtBot, disk: Disk) -> None:
    window, path, _changes = _change_that_cannot_be_saved(demo_app, qtbot)
    _quit_and_answer(qtbot, window, _button("Quit and lose"))
    assert not window.isVisible()
    assert NAME not in names_on_disk(path, DEMO_PASSPHRASE)
    demo_app.shutdown()  # what run() does once the last window has closed: no question now
    assert demo_app.is_locked
