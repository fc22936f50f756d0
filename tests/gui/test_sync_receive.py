"""What a teammate sends shows up on its own: the server's news starts a sync, and the list on
screen and the status bar catch up without a key pressed."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from casetracker.gui.main_window import CASES
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
