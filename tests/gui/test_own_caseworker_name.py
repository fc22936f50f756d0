"""The caseworker's name is per user on this computer, not one value for everyone on the vault.

Two app-settings files (two computer accounts) open the same vault: each records under its own
name, and neither settings file holds a name (only a random key; the names stay encrypted).
"""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from casetracker.gui import caseworker_name
from casetracker.gui.app import App
from casetracker.gui.app_settings import AppSettings
from casetracker.gui.main_window import SETTINGS, MainWindow
from casetracker.services import history, preferences
from casetracker.services.workspace import Workspace
from tests.conftest import PASSPHRASE
from tests.gui.by_hand import open_section
from tests.gui.keyboard import click, press, type_any


@pytest.fixture(autouse=True)
def account(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(caseworker_name.getpass, "getuser", lambda: "oleg-account")


def test_two_users_record_under_their_own_names(ws: Workspace, tmp_path: Path) -> None:
    ws.settings.set(preferences.CASEWORKER_NAME, "Анна Общая")  # an older vault's shared name
    anna, oleg = AppSettings(tmp_path / "a.ini"), AppSettings(tmp_path / "o.ini")

    ws.actor = caseworker_name.actor_at_unlock(ws, anna)
    assert ws.actor == "Анна Общая"  # her first start: the shared name becomes hers …
    assert preferences.shared_name(ws) == ""  # … and no longer everyone's
    case = ws.cases.create("Смирнов Максим")

    ws.actor = caseworker_name.actor_at_unlock(ws, oleg)
    assert ws.actor == "oleg-account"  # not Anna's name
    ws.actor = caseworker_name.save_own_name(ws, oleg, "Олег Петров")
    ws.cases.update(case.ref, lawyer="Кузнецов")

    assert caseworker_name.actor_at_unlock(ws, anna) == "Анна Общая"
    assert caseworker_name.actor_at_unlock(ws, oleg) == "Олег Петров"
    assert history.actors(history.case_history(ws, case.ref)) == ["Анна Общая", "Олег Петров"]
    for file in (anna.file_name, oleg.file_name):
        raw = Path(file).read_bytes()
        for name in ("Анна", "Олег"):
            assert name.encode() not in raw and name.encode("utf-16-le") not in raw


def test_the_remembered_vault_keeps_the_users_key(tmp_path: Path) -> None:
    settings = AppSettings(tmp_path / "s.ini")
    key = settings.user_key(create=True)
    settings.remember_vault(tmp_path / "v.ctvault")
    assert AppSettings(tmp_path / "s.ini").user_key() == key


def test_settings_page_saves_the_name_for_this_user_only(
    main_window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    assert main_window.session is not None
    ws = main_window.session.ws
    own = AppSettings(tmp_path / "own.ini")
    main_window.session.app_settings = own
    open_section(main_window, SETTINGS)
    editor = main_window.settings.editors[preferences.CASEWORKER_NAME]
    assert isinstance(editor, QLineEdit)
    assert editor.accessibleName() == "Your name (recorded in History)"
    click(qtbot, editor)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_any("Олег Петров")
    click(qtbot, main_window.settings.save_button)
    assert ws.actor == "Олег Петров"
    assert preferences.user_name(ws, own.user_key()) == "Олег Петров"
    assert preferences.shared_name(ws) == ""  # not the vault's: another user does not get it
    assert caseworker_name.actor_at_unlock(ws, AppSettings(tmp_path / "b.ini")) == "oleg-account"


def test_unlocking_takes_the_shared_name_as_this_users(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path, vault_path: Path, ws: Workspace
) -> None:
    ws.settings.set(preferences.CASEWORKER_NAME, "Anna Shared")
    ws.close()
    app_settings.remember_vault(vault_path)
    app = App(settings=app_settings, default_path=vault_path)
    app.start()
    page = app.start_window.unlock
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.window is not None, timeout=20_000)
    assert app.session is not None
    opened = app.session.ws
    assert opened.actor == "Anna Shared"
    assert preferences.user_name(opened, app_settings.user_key()) == "Anna Shared"
    assert preferences.shared_name(opened) == ""
    assert "Anna" not in Path(app_settings.file_name).read_text(encoding="utf-8")
    app.shutdown()
    app.start_window.close()
