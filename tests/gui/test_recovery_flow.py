"""Forgotten passphrase: the recovery key typed on the unlock page leads straight to choosing a
new passphrase (typed twice, the policy applies); the vault then opens, and from then on the new
passphrase opens it. Driven only by key presses and clicks."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casetracker.gui.app import App
from casetracker.gui.app_settings import AppSettings
from casetracker.services.workspace import Workspace
from casetracker.storage.errors import WrongPassphrase
from casetracker.storage.kdf import FLOOR
from tests.conftest import PASSPHRASE

NEW_PASSPHRASE = "river stone lantern morning"


@pytest.fixture
def recovery_key(vault_path: Path) -> str:
    ws, key = Workspace.create(vault_path, PASSPHRASE, kdf=FLOOR)
    ws.cases.create(full_name="Иван Петров")
    ws.close()
    return key


@pytest.fixture
def app(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path, vault_path: Path, recovery_key: str
) -> App:
    """The app started on the remembered vault, the recovery key typed on the unlock page."""
    app_settings.remember_vault(vault_path)
    app = App(settings=app_settings, default_path=tmp_path / "other.ctvault")
    app.start()
    _unlock_with_recovery_key(qtbot, app, recovery_key)
    start = app.start_window
    qtbot.waitUntil(lambda: start.page is start.new_passphrase, timeout=20_000)
    return app


def _unlock_with_recovery_key(qtbot: QtBot, app: App, key: str) -> None:
    page = app.start_window.unlock
    page.use_recovery.setFocus()
    qtbot.keyClick(page.use_recovery, Qt.Key.Key_Space)
    assert page.use_recovery.isChecked()
    qtbot.keyClicks(page.passphrase, key)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)


def test_the_recovery_key_leads_to_a_new_passphrase_that_then_opens_the_vault(
    qtbot: QtBot, app: App, vault_path: Path, recovery_key: str
) -> None:
    start = app.start_window
    assert app.window is None  # nothing of the vault before the new passphrase is set
    page = start.new_passphrase
    assert page.fields.passphrase.hasFocus()
    qtbot.keyClicks(page.fields.passphrase, "too short")
    qtbot.keyClicks(page.fields.repeat, "too short")
    assert not page.set_button.isEnabled()
    assert "at least 10 characters" in page.fields.message.text()
    page.fields.passphrase.selectAll()
    qtbot.keyClicks(page.fields.passphrase, NEW_PASSPHRASE)
    page.fields.repeat.selectAll()
    qtbot.keyClicks(page.fields.repeat, NEW_PASSPHRASE + "x")
    assert not page.set_button.isEnabled()
    assert "not the same" in page.fields.message.text()
    qtbot.keyClick(page.fields.repeat, Qt.Key.Key_Backspace)
    assert page.set_button.isEnabled()
    qtbot.mouseClick(page.set_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.window is not None, timeout=20_000)
    assert app.session is not None and app.session.ws.cases.count() == 1
    assert page.fields.passphrase.text() == ""  # the secret does not linger
    app.lock()
    # The unlock page now takes the new passphrase, typed.
    unlock = start.unlock
    qtbot.keyClicks(unlock.passphrase, NEW_PASSPHRASE)
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.window is not None, timeout=20_000)
    app.shutdown()
    start.close()
    with pytest.raises(WrongPassphrase):
        Workspace.open(vault_path, passphrase=PASSPHRASE)
    Workspace.open(vault_path, recovery_key=recovery_key).close()  # the key still works


def test_closing_the_window_before_choosing_keeps_the_old_passphrase(
    app: App, vault_path: Path
) -> None:
    start = app.start_window
    start.close()
    assert start.new_passphrase.workspace is None
    Workspace.open(vault_path, passphrase=PASSPHRASE).close()  # lock released, nothing changed
