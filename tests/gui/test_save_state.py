"""Saving: debounced after each change, shown in the status bar; a failure keeps the edits."""

import pytest
from pytestqt.qtbot import QtBot

from casetracker.gui.main_window import MainWindow
from casetracker.gui.undo_commands import UpdateCase
from casetracker.storage.errors import SaveFailed


def test_a_change_is_saved_encrypted_shortly_after(window: MainWindow, qtbot: QtBot) -> None:
    assert window.session is not None
    ws = window.session.ws
    records = ws.file.journal_records
    case = ws.cases.get("CT-0005")
    UpdateCase(window.session, case.id, {"tags": "срочно"}, {"tags": case.tags}).execute()
    assert window.save_text() == "Saving…"
    qtbot.waitUntil(lambda: window.save_text() == "All changes saved, encrypted", timeout=5000)
    # Appended to the vault file as a sealed change set (format 3).
    assert ws.file.journal_records == records + 1 and not ws.dirty


def test_a_failed_save_says_why_and_keeps_the_edits(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.session is not None
    ws = window.session.ws
    real = ws.finish_save

    def full_disk(data: bytes) -> None:
        ws.record_change()
        raise SaveFailed(28)  # ENOSPC

    monkeypatch.setattr(ws, "finish_save", full_disk)
    case = ws.cases.get("CT-0005")
    UpdateCase(window.session, case.id, {"tags": "важно"}, {"tags": case.tags}).execute()
    qtbot.waitUntil(lambda: "disk is full" in window.save_text(), timeout=5000)
    assert window.retry_button.isVisibleTo(window)
    assert ws.dirty and ws.cases.get("CT-0005").tags == "важно"
    monkeypatch.setattr(ws, "finish_save", real)
    window.retry_button.click()
    qtbot.waitUntil(lambda: window.save_text() == "All changes saved, encrypted", timeout=5000)
