"""A vault file gone missing or damaged: unlocking offers its backups, the chosen one becomes
the vault at once, the person is told which (its date and save number), and the status bar
says "saved" only when the vault file holds it and opens with the passphrase."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from casetracker.gui.app import App
from casetracker.gui.app_settings import AppSettings
from casetracker.gui.locale_format import datetime_text
from casetracker.services.workspace import Workspace
from casetracker.storage.backups import list_backups
from casetracker.storage.kdf import FLOOR
from casetracker.storage.vault_file import VaultFile
from tests.conftest import PASSPHRASE
from tests.gui.keyboard import click, modal, press, type_text

NAMES = ("Saved first", "Saved second", "Saved third")


def one_session_each(path: Path, names: tuple[str, ...]) -> None:
    """Open the vault, add a case, save, close: once per name.

    A save appends to the vault's journal and keeps no backup; closing folds the journal into
    a new snapshot and keeps the file it replaces (that snapshot and the session's journal) as
    a backup. So each session leaves one backup holding all it saved, and the backup's "save"
    number is the replaced snapshot's generation (1 when created, one more per session)."""
    for name in names:
        with Workspace.open(path, passphrase=PASSPHRASE) as session:
            session.cases.create(name)
            session.save()


@pytest.fixture
def saved_thrice(ws: Workspace) -> Path:
    """Backups 1 (newest, save 3: three cases), 2 (save 2: two) and 3 (save 1: one)."""
    ws.close()
    one_session_each(ws.path, NAMES)
    return ws.path


@pytest.fixture
def app(app_settings: AppSettings, saved_thrice: Path, tmp_path: Path) -> Iterator[App]:
    app_settings.remember_vault(saved_thrice)
    app = App(settings=app_settings, default_path=tmp_path / "other.ctvault")
    yield app
    app.shutdown()
    app.start_window.close()


def unlock_and_choose(qtbot: QtBot, app: App, downs: int) -> QMessageBox:
    """Start, type the passphrase, Enter, click the offer, pick a backup with the arrow keys,
    Enter; return the message that says which backup was opened."""
    app.start()
    start = app.start_window
    assert start.page is start.unlock  # not the welcome page: the backups are there
    qtbot.waitUntil(start.isActiveWindow, timeout=5_000)
    type_text(qtbot, PASSPHRASE)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(start.unlock.backup_button.isVisible, timeout=20_000)
    click(qtbot, start.unlock.backup_button)
    assert start.page is start.backups
    assert start.backups.list.count() == 3
    for _ in range(downs):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    box = modal(qtbot, QMessageBox)
    assert isinstance(box, QMessageBox)
    assert app.window is None  # nothing says "saved" before the person has read this
    return box


def names_in(path: Path) -> list[str]:
    with Workspace.open(path, passphrase=PASSPHRASE) as ws:
        return sorted(row.full_name for row in ws.cases.rows())


def test_a_missing_vault_file_offers_its_backups_and_opens_the_chosen_one(
    qtbot: QtBot, app: App, saved_thrice: Path
) -> None:
    path = saved_thrice
    path.unlink()
    second = list_backups(path)[1]
    box = unlock_and_choose(qtbot, app, downs=1)
    assert "backup 2 " in box.text() and "(save 2)" in box.text()
    assert datetime_text(second.mtime) in box.text()
    # The vault file is back and opens with the passphrase before anything is called saved.
    assert path.is_file()
    assert VaultFile.check(path, passphrase=PASSPHRASE) == []
    click(qtbot, box.button(QMessageBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: app.window is not None, timeout=5_000)
    assert app.window is not None
    assert app.window.save_text() == "All changes saved, encrypted"
    app.shutdown()
    assert names_in(path) == ["Saved first", "Saved second"]
    assert list(path.parent.glob("*.damaged-*")) == []  # nothing stood in its place


def test_a_damaged_vault_file_is_kept_aside_and_the_newest_backup_opened(
    qtbot: QtBot, app: App, saved_thrice: Path
) -> None:
    path = saved_thrice
    broken = path.read_bytes()[:-100]
    path.write_bytes(broken)
    box = unlock_and_choose(qtbot, app, downs=0)
    assert "backup 1 " in box.text() and "(save 3)" in box.text()
    (aside,) = path.parent.glob(path.name + ".damaged-*")
    assert aside.name in box.text()
    assert aside.read_bytes() == broken
    click(qtbot, box.button(QMessageBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: app.window is not None, timeout=5_000)
    app.shutdown()
    assert names_in(path) == sorted(NAMES)  # every save before the last close: nothing lost


def test_a_backup_opened_with_the_recovery_key_asks_for_a_new_passphrase_first(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path
) -> None:
    path = tmp_path / "keyed" / "org.ctvault"
    ws, key = Workspace.create(path, PASSPHRASE, kdf=FLOOR)
    ws.close()
    one_session_each(path, NAMES[:2])
    path.unlink()
    app_settings.remember_vault(path)
    app = App(settings=app_settings, default_path=tmp_path / "other.ctvault")
    app.start()
    start = app.start_window
    qtbot.waitUntil(start.isActiveWindow, timeout=5_000)
    page = start.unlock
    page.use_recovery.setFocus()
    press(qtbot, Qt.Key.Key_Space)  # "I forgot it: use the recovery key instead"
    type_text(qtbot, key)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(page.backup_button.isVisible, timeout=20_000)
    click(qtbot, page.backup_button)
    press(qtbot, Qt.Key.Key_Return)  # the newest, chosen already
    box = modal(qtbot, QMessageBox)
    assert isinstance(box, QMessageBox) and "(save 2)" in box.text()
    click(qtbot, box.button(QMessageBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: start.page is start.new_passphrase, timeout=5_000)
    assert app.window is None  # a new passphrase comes first, as after any recovery-key unlock
    start.close()
    app.shutdown()
    with Workspace.open(path, recovery_key=key) as reopened:
        assert sorted(row.full_name for row in reopened.cases.rows()) == sorted(NAMES[:2])
