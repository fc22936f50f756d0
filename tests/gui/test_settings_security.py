"""Settings → Security: change the passphrase and make a new recovery key, by clicks and typing;
the vault file afterwards opens with the new secret and no longer with the old one."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from casetracker.gui.dialogs.vault_key_dialogs import ChangePassphraseDialog, NewRecoveryKeyDialog
from casetracker.gui.main_window import SETTINGS, MainWindow
from casetracker.services.workspace import Workspace
from casetracker.storage.errors import WrongPassphrase
from tests.conftest import PASSPHRASE

NEW_PASSPHRASE = "river stone lantern morning"


def _open_settings(window: MainWindow) -> None:
    rect = window.nav.visualItemRect(window.nav.item(SETTINGS))
    QTest.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.settings


def _modal(qtbot: QtBot, kind: type[QWidget]) -> QWidget:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=5_000)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    return dialog


def test_change_passphrase_by_typing_it_twice(
    qtbot: QtBot, window: MainWindow, vault_path: Path
) -> None:
    _open_settings(window)
    qtbot.mouseClick(window.settings.change_passphrase_button, Qt.MouseButton.LeftButton)
    dialog = _modal(qtbot, ChangePassphraseDialog)
    assert isinstance(dialog, ChangePassphraseDialog)
    qtbot.keyClicks(dialog.fields.passphrase, "short one")
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.fields.passphrase, " and more words")
    qtbot.keyClicks(dialog.fields.repeat, "short one and more word")
    assert not dialog.ok.isEnabled() and "not the same" in dialog.fields.message.text()
    qtbot.keyClicks(dialog.fields.repeat, "s")
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    assert "passphrase was changed" in window.settings.security_message.text()
    assert window.session is not None
    window.session.close()  # releases the writer lock; the file is what counts
    Workspace.open(vault_path, passphrase="short one and more words").close()
    with pytest.raises(WrongPassphrase):
        Workspace.open(vault_path, passphrase=PASSPHRASE)


def test_new_recovery_key_is_shown_once_with_a_copy_control(
    qtbot: QtBot, window: MainWindow, vault_path: Path
) -> None:
    _open_settings(window)
    qtbot.mouseClick(window.settings.recovery_key_button, Qt.MouseButton.LeftButton)
    dialog = _modal(qtbot, NewRecoveryKeyDialog)
    assert isinstance(dialog, NewRecoveryKeyDialog)
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    page = dialog.key_page
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is page, timeout=20_000)
    key = page.key.text()
    assert len(key.replace("-", "")) >= 20
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == key
    assert not page.continue_button.isEnabled()  # "I have written it down" first
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the only working key is not thrown away
    assert dialog.isVisible() and page.key.text() == key
    page.written.setFocus()
    qtbot.keyClick(page.written, Qt.Key.Key_Space)
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and page.key.text() == ""
    assert "new recovery key was made" in window.settings.security_message.text()
    assert window.session is not None
    window.session.close()
    Workspace.open(vault_path, recovery_key=key).close()
    Workspace.open(vault_path, passphrase=PASSPHRASE).close()  # the passphrase is unchanged


def test_cancelling_the_new_recovery_key_changes_nothing(
    qtbot: QtBot, window: MainWindow, vault_path: Path
) -> None:
    _open_settings(window)
    before = vault_path.read_bytes()
    qtbot.mouseClick(window.settings.recovery_key_button, Qt.MouseButton.LeftButton)
    dialog = _modal(qtbot, NewRecoveryKeyDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert vault_path.read_bytes() == before
