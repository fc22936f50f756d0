"""Unlock: a lock left on another computer is named and taken over after a warning; a vault
that cannot be written opens read-only under a banner."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from casetracker.gui.app import App
from casetracker.gui.app_settings import AppSettings
from casetracker.gui.start.unlock_page import UnlockPage
from casetracker.i18n import format_date
from casetracker.services import tasks
from casetracker.services.workspace import Workspace
from casetracker.storage.writer_lock import lock_path_for, read_owner
from tests.conftest import PASSPHRASE
from tests.gui.keyboard import click, modal, new_case_dialog, press
from tests.read_only_place import read_only_copy

SINCE = datetime(2026, 3, 9, 7, 45, tzinfo=UTC)


def unlock_by_keys(qtbot: QtBot, app_settings: AppSettings, vault: Path, tmp_path: Path) -> App:
    app_settings.remember_vault(vault)
    app = App(settings=app_settings, default_path=tmp_path / "unused.ctvault")
    app.start()
    page = app.start_window.unlock
    assert app.start_window.page is page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    return app


def test_lock_of_another_computer_is_shown_and_taken_over_after_a_warning(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path, vault_path: Path, ws: Workspace
) -> None:
    ws.close()
    owner = {"host": "caseworker-laptop", "user": "olena", "pid": 4242, "since": SINCE.isoformat()}
    lock_path_for(vault_path).write_text(json.dumps(owner), encoding="utf-8")
    app = unlock_by_keys(qtbot, app_settings, vault_path, tmp_path)
    page: UnlockPage = app.start_window.unlock
    qtbot.waitUntil(page.take_over_button.isVisible, timeout=20_000)
    local = SINCE.astimezone()
    when = f"{format_date(local.date())} {local:%H:%M}"
    assert f"caseworker-laptop by olena since {when}" in page.message.text()
    assert app.window is None

    click(qtbot, page.take_over_button)
    box = modal(qtbot, QMessageBox)
    assert f"caseworker-laptop by olena since {when}" in box.text()  # type: ignore[attr-defined]
    assert "lose the other's work" in box.informativeText()  # type: ignore[attr-defined]
    take = box.findChild(QPushButton, "takeOverButton")
    assert take is not None
    click(qtbot, take)
    qtbot.waitUntil(lambda: app.window is not None, timeout=20_000)
    held = read_owner(vault_path)
    assert held is not None and held.pid == os.getpid()
    app.shutdown()
    app.start_window.close()
    assert not lock_path_for(vault_path).exists()


def test_read_only_vault_opens_under_a_banner_and_locks_without_saving(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path, vault_path: Path, ws: Workspace
) -> None:
    ws.close()
    with read_only_copy(vault_path, tmp_path / "cdrom") as vault:
        before = vault.read_bytes()
        app = unlock_by_keys(qtbot, app_settings, vault, tmp_path)
        qtbot.waitUntil(lambda: app.window is not None, timeout=20_000)
        window = app.window
        assert window is not None
        banner = window.read_only_banner
        assert banner is not None and banner.isVisible()
        assert banner.label.text().startswith("This vault is read-only")
        assert "Copy it to a folder you can write to" in banner.label.text()
        assert "Read-only" in window.save_label.text()
        dialog = new_case_dialog(qtbot, window)  # Ctrl+N, a name typed: refused in words
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "read-only" in dialog.message.text(), timeout=5_000)
        assert dialog.isVisible() and dialog.case_id is None
        press(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
        assert window.session is not None and window.session.ws.cases.count() == 0
        assert not window.session.ws.dirty
        window.activateWindow()  # the person clicks back into the main window
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
        qtbot.keyClick(
            window,
            Qt.Key.Key_L,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        qtbot.waitUntil(lambda: app.window is None, timeout=10_000)
        assert vault.read_bytes() == before
        app.shutdown()
        app.start_window.close()


def test_a_task_done_by_keys_in_a_read_only_vault_is_refused_calmly(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path, vault_path: Path, ws: Workspace
) -> None:
    """Ctrl+D on Today's task list: a calm "read-only" message, not the crash dialog."""
    case = ws.cases.create("Зайцев Олег Игоревич")
    tasks.add(ws, case.ref, "Позвонить отцу", due_on=date.today())
    ws.close()
    with read_only_copy(vault_path, tmp_path / "cdrom") as vault:
        app = unlock_by_keys(qtbot, app_settings, vault, tmp_path)
        qtbot.waitUntil(lambda: app.window is not None, timeout=20_000)
        window = app.window
        assert window is not None
        table = window.today.tasks.table
        qtbot.waitUntil(lambda: len(table.records()) == 1, timeout=5_000)
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        box = modal(qtbot, QMessageBox)
        assert "read-only" in box.text() and "did not expect" not in box.text()
        press(qtbot, Qt.Key.Key_Return)
        assert len(table.records()) == 1  # still to do
        app.shutdown()
        app.start_window.close()
