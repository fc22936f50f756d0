"""Vaults in a team on the real test PostgreSQL (tests/team/conftest.py), and a main window over
one of them, for the GUI tests of the background sync and the Conflicts view."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from casetracker.gui.main_window import MainWindow
from casetracker.gui.vault_session import VaultSession
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR
from tests.conftest import PASSPHRASE
from tests.gui.by_hand import open_first_case
from tests.gui.keyboard import click
from tests.team.pg_cluster import TeamDb

UP_TO_DATE = "Up to date with the team"


def new_vault(tmp_path: Path, name: str) -> Workspace:
    ws, _ = Workspace.create(tmp_path / name / "v.ctvault", PASSPHRASE, kdf=FLOOR, actor=name)
    return ws


@dataclass
class Team:
    anna: Workspace  # the founder, shown in the window
    boris: Workspace | None = None


def found_team(tmp_path: Path, team_db: TeamDb, *, with_boris: bool) -> Team:
    """Anna's vault with one case, founding a team; Boris joined and synced if asked."""
    anna = new_vault(tmp_path, "anna")
    anna.cases.create("Ivan Markerov", home_region="Oblast One")
    anna.team.init(team_db.owner_dsn, "Anna Markerova")
    anna.team.sync()
    team = Team(anna)
    if with_boris:
        boris = new_vault(tmp_path, "boris")
        boris.team.join(anna.team.invite("Boris Markerin"))
        anna.team.sync()  # lets him in
        boris.team.sync()
        team.boris = boris
    anna.save()
    return team


@contextmanager
def window_over(qtbot: QtBot, ws: Workspace) -> Iterator[MainWindow]:
    """The main window over ``ws``, up to date with the team (its first sync is done)."""
    session = VaultSession(ws)
    window = MainWindow(session)
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
        qtbot.waitUntil(lambda: window.sync_status.text() == UP_TO_DATE, timeout=10_000)
        yield window
    finally:
        window.teardown()
        session.close(discard=True)


def type_home_region(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Open the first case, replace its home region with ``text`` and save, by hand."""
    case_window = open_first_case(window)
    field = case_window.details.texts["home_region"]
    click(qtbot, field)
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)
    click(qtbot, case_window.details.save_button)
    case_window.close()


def press_f5(qtbot: QtBot, window: MainWindow) -> None:
    """Sync now, by its shortcut in the main window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    QTest.keyClick(window, Qt.Key.Key_F5)
