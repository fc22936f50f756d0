"""Places, People and Sources: lists with what each holds, backs or speaks for."""

from pytestqt.qtbot import QtBot

from casetracker.gui.main_window import PEOPLE, PLACES, REPORTS, SOURCES, MainWindow


def test_a_place_shows_the_men_held_there_with_their_flags(window: MainWindow) -> None:
    window.show_section(PLACES)
    view = window.places
    names = [f.name for f in view.table.records()]
    assert "Подвал комендатуры" in names
    assert window.session is not None
    basement = next(f for f in view.table.records() if f.name == "Подвал комендатуры")
    view.select(basement.id)
    refs = [r.ref for r in view.cases.records()]
    assert "CT-0001" in refs
    flags_column = [
        view.cases.model().index(r, 3).data() for r in range(view.cases.model().rowCount())
    ]
    assert any(flags_column)


def test_editing_a_place_is_undoable(window: MainWindow) -> None:
    window.show_section(PLACES)
    view = window.places
    assert window.session is not None
    view.select(None)
    current = view.current
    assert current is not None
    view.controlled_by.setText("новая охрана")
    view.save()
    assert window.session.ws.facilities.get(current.id).controlled_by == "новая охрана"
    window.undo_action.trigger()
    assert window.session.ws.facilities.get(current.id).controlled_by == current.controlled_by


def test_a_person_shows_every_case_they_report_on(window: MainWindow) -> None:
    window.show_section(PEOPLE)
    view = window.people
    people = view.table.records()
    assert people
    view.table.selectRow(0)
    assert view.current is not None
    assert view.cases.records()


def test_a_source_shows_what_it_backs(window: MainWindow) -> None:
    window.show_section(SOURCES)
    view = window.sources
    roster = next(s for s in view.table.records() if s.title.startswith("Фото списка"))
    row = view.table.records().index(roster)
    view.table.selectRow(row)
    assert len(view.cases.records()) == 34
    assert [f.name for f in view.places.records()] == ["Подвал комендатуры"]


def test_reports_count_cases(window: MainWindow, qtbot: QtBot) -> None:
    window.show_section(REPORTS)
    table = window.reports.tables["status"]
    qtbot.waitUntil(lambda: sum(n for _label, n in table.records()) == 60, timeout=10_000)


def test_sections_are_filled_when_first_shown_not_when_the_window_opens(
    window: MainWindow,
) -> None:
    """At 20,000 cases filling every section took seconds before the window could appear."""
    assert window.places.table.records() == []
    assert window.sources.table.records() == []
    window.show_section(PLACES)
    assert "Подвал комендатуры" in [f.name for f in window.places.table.records()]
    window.show_section(SOURCES)
    assert window.sources.table.records() != []
    window.show_section(PEOPLE)
    assert window.people.table.records() != []
