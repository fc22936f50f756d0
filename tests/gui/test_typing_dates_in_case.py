"""The date fields of a case window (Details, Change status, Moved, Add a source, Add an
allegation) by keys and clicks only; the vault is checked afterwards."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from casetracker.gui.app import DEMO_PASSPHRASE, App
from casetracker.gui.dialogs.allegation_dialog import AllegationDialog
from casetracker.gui.dialogs.move_dialog import MoveDialog
from casetracker.gui.dialogs.source_dialog import SourceDialog
from casetracker.gui.dialogs.status_dialog import StatusDialog
from casetracker.gui.main_window import PLACES, MainWindow
from casetracker.services.workspace import Workspace
from tests.gui.keyboard import (
    NAME,
    click,
    focused,
    new_case_window,
    press,
    show_tab,
    tab_to,
    through_modal,
    type_text,
    vault_of,
)


def test_details_store_typed_dates_and_refuse_a_birth_in_the_future(
    qtbot: QtBot, window: MainWindow
) -> None:
    case_window = new_case_window(qtbot, window)
    details = case_window.details
    show_tab(case_window, details)
    click(qtbot, details.dates["birth_date"].edit)
    type_text(qtbot, "3.1.1990")
    tab_to(qtbot, details.dates["contract_end"].edit)
    type_text(qtbot, f"31.12.{date.today().year + 1}")  # a contract may run on: accepted
    click(qtbot, details.save_button)
    case = vault_of(window).cases.get(case_window.case_id)
    assert case.birth_date == date(1990, 1, 3)
    assert case.contract_end == date(date.today().year + 1, 12, 31)

    click(qtbot, details.dates["birth_date"].edit)  # the shown date is selected: typing replaces
    type_text(qtbot, f"01.01.{date.today().year + 1}")
    click(qtbot, details.save_button)
    assert "is in the future" in details.dates["birth_date"].message.text()
    assert vault_of(window).cases.get(case_window.case_id).birth_date == date(1990, 1, 3)


def test_change_status_asks_for_the_day_and_stores_the_typed_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    case_window = new_case_window(qtbot, window)
    refused: list[str] = []

    def steps(dialog: QWidget) -> None:
        assert isinstance(dialog, StatusDialog)
        if focused() is not dialog.status:
            tab_to(qtbot, dialog.status)
        press(qtbot, Qt.Key.Key_Down)  # another status
        press(qtbot, Qt.Key.Key_Return)  # no day typed: refused, not "today"
        refused.append(dialog.message.text())
        click(qtbot, dialog.on.edit)
        type_text(qtbot, "20.07.2026")
        press(qtbot, Qt.Key.Key_Return)

    through_modal(qtbot, StatusDialog, steps)
    click(qtbot, case_window.status_button)
    assert refused == ["Type the day the status changed."]
    history = vault_of(window).cases.status_history(case_window.case_id)
    assert [c.changed_on for c in history] == [None, date(2026, 7, 20)]


def test_a_move_stores_the_typed_day(qtbot: QtBot, window: MainWindow) -> None:
    case_window = new_case_window(qtbot, window)

    def steps(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDialog)
        if focused() is not dialog.place:
            tab_to(qtbot, dialog.place)
        press(qtbot, Qt.Key.Key_Down)  # "a new place"
        tab_to(qtbot, dialog.new_name)
        type_text(qtbot, "Basement of the commandant's office")
        tab_to(qtbot, dialog.since.edit)
        type_text(qtbot, "2026-07-20")
        click(qtbot, dialog.ok)

    through_modal(qtbot, MoveDialog, steps)
    click(qtbot, case_window.move_button)
    (period,) = vault_of(window).custody.timeline(case_window.case_id)
    assert period.since == date(2026, 7, 20)


def test_a_source_and_an_allegation_store_typed_days_or_none(
    qtbot: QtBot, window: MainWindow
) -> None:
    case_window = new_case_window(qtbot, window)
    show_tab(case_window, case_window.evidence)

    def source_steps(dialog: QWidget) -> None:
        assert isinstance(dialog, SourceDialog)
        click(qtbot, dialog.title_edit)
        type_text(qtbot, "Letter from the father")
        click(qtbot, dialog.published_on.edit)
        type_text(qtbot, "31.02.2026")
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert dialog.published_on.message.text() == "There is no 31 February."
        type_text(qtbot, "28.02.2026")  # the refused text is selected: typing replaces it
        press(qtbot, Qt.Key.Key_Return)

    through_modal(qtbot, SourceDialog, source_steps)
    click(qtbot, case_window.evidence.add_source_button)
    (source,) = vault_of(window).evidence.sources_for_case(case_window.case_id)
    assert source.published_on == date(2026, 2, 28)

    show_tab(case_window, case_window.allegations)

    def allegation_steps(dialog: QWidget) -> None:
        assert isinstance(dialog, AllegationDialog)
        tab_to(qtbot, dialog.occurred_on.edit)  # passed through, left empty
        press(qtbot, Qt.Key.Key_Return)

    through_modal(qtbot, AllegationDialog, allegation_steps)
    click(qtbot, case_window.allegations.add_button)
    (allegation,) = vault_of(window).evidence.allegations_for_case(case_window.case_id)
    assert allegation.occurred_on is None


def test_a_places_head_count_day_is_typed_and_stored(qtbot: QtBot, window: MainWindow) -> None:
    rect = window.nav.visualItemRect(window.nav.item(PLACES))
    QTest.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    places = window.places
    first = places.table.visualRect(places.table.model().index(0, 0))
    QTest.mouseClick(places.table.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
    assert places.current is not None
    chosen = places.current.id
    click(qtbot, places.headcount_date.edit)
    type_text(qtbot, "20.07.2026")
    click(qtbot, places.save_button)
    assert vault_of(window).facilities.get(chosen).headcount_date == date(2026, 7, 20)


def test_locking_keeps_typed_details_but_not_a_wrong_date(demo_app: App, qtbot: QtBot) -> None:
    window = demo_app.window
    assert window is not None and demo_app.session is not None
    path = demo_app.session.ws.path
    case_window = new_case_window(qtbot, window)
    details = case_window.details
    show_tab(case_window, details)
    click(qtbot, details.texts["home_region"])
    type_text(qtbot, "Tyva")
    click(qtbot, details.dates["birth_date"].edit)
    type_text(qtbot, "31.02.1990")
    press(
        qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: demo_app.is_locked, timeout=10_000)
    ws = Workspace.open(path, passphrase=DEMO_PASSPHRASE)
    try:
        case = ws.cases.rows(search=NAME)[0]
        stored = ws.cases.get(case.id)
        assert (stored.home_region, stored.birth_date) == ("Tyva", None)
    finally:
        ws.close(save=False)
