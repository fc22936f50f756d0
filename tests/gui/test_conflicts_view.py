"""Two vaults change the same field: the Conflicts view lists it, in words, and a person
decides."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from casetracker.gui.locale_format import EMPTY, date_text
from casetracker.gui.main_window import CONFLICTS
from casetracker.gui.views.conflicts_view import value_words
from casetracker.model.labels import facility_kind_label, status_label, yes_no
from tests.gui.keyboard import click
from tests.gui.team_windows import found_team, type_home_region, window_over
from tests.team.pg_cluster import TeamDb


def test_a_clash_is_listed_and_taking_the_waiting_value_changes_the_case(
    qtbot: QtBot,
    tmp_path: Path,
    team_db: TeamDb,
) -> None:
    team = found_team(tmp_path, team_db, with_boris=True)
    assert team.boris is not None
    ivan = team.boris.cases.get("CT-0001")
    with window_over(qtbot, team.anna) as window:
        status = window.sync_status
        type_home_region(qtbot, window, "Oblast Alpha")
        team.boris.cases.update(ivan.id, home_region="Oblast Beta")
        team.boris.team.sync()  # Boris reaches the server first; the server tells Anna's app
        qtbot.waitUntil(status.conflicts_button.isVisible, timeout=10_000)
        assert status.conflicts_button.text().startswith("1 conflict")
        click(qtbot, status.conflicts_button)
        view = window.conflicts
        assert window.stack.currentWidget() is view
        (line,) = view.table.records()
        assert (line.case, line.what) == ("CT-0001 Ivan Markerov", "home region")
        assert (line.current, line.waiting, line.whose) == (
            "Oblast Beta",
            "Oblast Alpha",
            "Anna Markerova (you)",
        )
        assert window.nav.item(CONFLICTS).text() == "Conflicts (1)"
        first = view.table.visualRect(view.table.model().index(0, 0)).center()
        QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=first)
        click(qtbot, view.take_button)
        assert team.anna.cases.get(ivan.id).home_region == "Oblast Alpha"
        assert team.anna.team.conflicts() == []
        qtbot.waitUntil(lambda: not view.empty.isHidden(), timeout=5_000)
        qtbot.waitUntil(lambda: not status.conflicts_button.isVisible(), timeout=5_000)
        assert window.nav.item(CONFLICTS).text() == "Conflicts"
    team.boris.close(save=False)


def test_values_are_worded_as_history_words_them() -> None:
    assert value_words("case", "name_is_changed", "1") == yes_no(True)  # SQLite keeps 1
    assert value_words("case", "status", '"detained"') == status_label("detained")
    assert value_words("facility", "kind", '"garage"') == facility_kind_label("garage")
    assert value_words("case", "birth_date", '"1990-01-03"') == date_text(date(1990, 1, 3))
    assert value_words("case", "home_region", '"Oblast Beta"') == "Oblast Beta"
    assert value_words("case", "notes", "null") == EMPTY
