"""What a teammate sends shows up on its own: the server's news starts a sync, and the list on
screen and the status bar catch up without a key pressed."""

import threading
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from casetracker.gui import sync_controller
from casetracker.gui.main_window import CASES
from casetracker.team import server
from tests.gui.by_hand import open_section
from tests.gui.team_windows import UP_TO_DATE, found_team, window_over
from tests.team.pg_cluster import TeamDb


def test_a_teammates_new_case_appears_in_the_open_list(
    qtbot: QtBot,
    tmp_path: Path,
    team_db: TeamDb,
) -> None:
    team = found_team(tmp_path, team_db, with_boris=True)
    assert team.boris is not None
    with window_over(qtbot, team.anna) as window:
        open_section(window, CASES)
        model = window.cases.model
        assert model.rowCount() == 1
        team.boris.cases.create("Semyon Markerenko")
        team.boris.team.sync()  # the server NOTIFYs; Anna's app listens
        qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
        names = {model.row_at(row).full_name for row in range(model.rowCount())}
        assert "Semyon Markerenko" in names
        qtbot.waitUntil(lambda: window.sync_status.text() == UP_TO_DATE, timeout=5_000)
    team.boris.close(save=False)


def test_after_a_break_the_listener_catches_up_at_once(
    qtbot: QtBot, tmp_path: Path, team_db: TeamDb, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A teammate's case sent while this laptop's listener was cut off (no NOTIFY reached it)
    arrives as soon as the listener is back, not at the next sync five minutes later."""
    monkeypatch.setattr(sync_controller, "LISTEN_RETRY_S", 0.2)
    back = threading.Event()
    connect = server.connect

    def cut_off_listener(*args: Any, **kwargs: Any) -> server.TeamServer:
        if threading.current_thread().name == "casetracker-listen" and not back.is_set():
            raise server.ServerUnreachable()
        return connect(*args, **kwargs)

    monkeypatch.setattr(server, "connect", cut_off_listener)
    team = found_team(tmp_path, team_db, with_boris=True)
    assert team.boris is not None
    with window_over(qtbot, team.anna) as window:
        open_section(window, CASES)
        team.boris.cases.create("Semyon Markerenko")
        team.boris.team.sync()
        qtbot.wait(300)
        assert window.cases.model.rowCount() == 1  # nothing told this laptop
        back.set()
        qtbot.waitUntil(lambda: window.cases.model.rowCount() == 2, timeout=10_000)
    team.boris.close(save=False)
