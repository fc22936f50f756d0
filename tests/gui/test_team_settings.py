"""Settings → Team with a real PostgreSQL: start a team, invite, join from a second vault's
window with the code pasted, let it in, remove it. Clicks and key presses only."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoCommand
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from casetracker.gui.main_window import SETTINGS, MainWindow
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.team_settings import InviteDialog, RemoveDialog, TeamSettingsBox
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR
from tests.conftest import PASSPHRASE
from tests.gui.keyboard import modal
from tests.team.conftest import TeamDb, pg_cluster, team_db

__all__ = ["pg_cluster", "team_db"]  # the team tests' PostgreSQL fixtures, used here too

WAIT_MS = 20_000


def _team_box(window: MainWindow) -> TeamSettingsBox:
    rect = window.nav.visualItemRect(window.nav.item(SETTINGS))
    QTest.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.settings
    return window.settings.team


def _click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _type_into(qtbot: QtBot, field: QWidget, text: str) -> None:
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field, text)


def _names(box: TeamSettingsBox) -> list[tuple[str, str]]:
    model = box.members.model()
    return sorted(
        (str(model.index(row, 0).data()), str(model.index(row, 1).data()))
        for row in range(model.rowCount())
    )


@pytest.fixture
def second_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    ws, _ = Workspace.create(tmp_path / "b" / "v.ctvault", PASSPHRASE, kdf=FLOOR, actor="boris")
    session = VaultSession(ws)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.teardown()
    session.close(discard=True)


def test_start_invite_join_and_remove(
    qtbot: QtBot, main_window: MainWindow, second_window: MainWindow, team_db: TeamDb
) -> None:
    main_window.activateWindow()
    anna = _team_box(main_window)
    assert anna.current_page() is anna.outside
    _type_into(qtbot, anna.server_address, team_db.owner_dsn)
    _type_into(qtbot, anna.own_name, "Anna Markerova")
    _click(qtbot, anna.start_button)
    qtbot.waitUntil(lambda: anna.current_page() is anna.inside, timeout=WAIT_MS)
    assert _names(anna) == [("Anna Markerova (you)", "Yes")]
    assert anna.server_address.text() == ""  # the owner's password is not left on screen

    _click(qtbot, anna.invite_button)
    invite = modal(qtbot, InviteDialog)
    assert isinstance(invite, InviteDialog)
    _type_into(qtbot, invite.name, "Boris Markerin")
    _click(qtbot, invite.make_button)
    qtbot.waitUntil(invite.code_part.isVisible, timeout=WAIT_MS)
    code = invite.code.toPlainText()
    assert code.startswith("CTINV1-") and "in person" in invite.warning.text()
    _click(qtbot, invite.copy_button)
    assert QGuiApplication.clipboard().text() == code
    _click(qtbot, invite.close_button)
    qtbot.waitUntil(lambda: anna.invites.model().rowCount() == 1, timeout=WAIT_MS)

    second_window.activateWindow()
    boris = _team_box(second_window)
    qtbot.mouseClick(boris.code, Qt.MouseButton.LeftButton)
    qtbot.keyClick(boris.code, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    _click(qtbot, boris.join_button)
    qtbot.waitUntil(lambda: boris.current_page() is boris.inside, timeout=WAIT_MS)
    assert "Waiting to be let in" in boris.status.text()
    assert not boris.members.isVisible()  # no member list before he is in

    main_window.activateWindow()
    _click(qtbot, anna.sync_button)  # the administrator's sync lets him in
    qtbot.waitUntil(lambda: len(_names(anna)) == 2, timeout=WAIT_MS)
    assert not anna.invites.isVisible()
    _click(qtbot, boris.sync_button)
    qtbot.waitUntil(
        lambda: _names(boris) == [("Anna Markerova", "Yes"), ("Boris Markerin (you)", "No")],
        timeout=WAIT_MS,
    )
    assert not boris.invite_button.isVisible()  # he is no administrator

    row = next(r for r in range(2) if "Boris" in str(anna.members.model().index(r, 0).data()))
    rect = anna.members.visualRect(anna.members.model().index(row, 0))
    QTest.mouseClick(anna.members.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    # Something to undo from before: removing syncs, so undo must start afresh after it.
    assert main_window.session is not None
    main_window.session.undo_stack.push(QUndoCommand("an earlier edit"))
    _click(qtbot, anna.remove_button)
    remove = modal(qtbot, RemoveDialog)
    assert isinstance(remove, RemoveDialog)
    assert "keep what their laptop already holds" in remove.question.text()
    _click(qtbot, remove.remove_button)
    qtbot.waitUntil(lambda: _names(anna) == [("Anna Markerova (you)", "Yes")], timeout=WAIT_MS)
    assert "no longer in the team" in anna.message.text()
    assert main_window.session.undo_stack.count() == 0
