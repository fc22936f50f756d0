"""Moved to another place: nothing is chosen for the caseworker; Record move waits for a place.

Opened as a person does (the case from the Cases list, then its "Moved to another place…"
button); the place is chosen with the keyboard, the new one named by typing.
"""

import uuid
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCollator, QLocale, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casetracker.gui.dialogs.move_dialog import MoveDialog
from casetracker.gui.main_window import MainWindow
from casetracker.gui.views.case.case_window import CaseWindow
from casetracker.services.workspace import Workspace
from tests.gui.by_hand import open_first_case


def _in_move_dialog(
    case_window: CaseWindow, qtbot: QtBot, act: Callable[[MoveDialog], None]
) -> str:
    """Click the button, do ``act`` in the dialog; what it said if it stayed open (then closed)."""
    said: list[str] = []

    def inside() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MoveDialog)
        act(dialog)
        if dialog.isVisible():  # refused: note why, and close it so the test goes on
            said.append(dialog.message.text() or "still open")
            dialog.reject()

    QTimer.singleShot(0, inside)
    qtbot.mouseClick(case_window.move_button, Qt.MouseButton.LeftButton)
    return "".join(said)


def _held_at(window: MainWindow, ref: str) -> object:
    assert window.session is not None
    return next(r.facility_id for r in window.session.ws.cases.rows() if r.ref == ref)


def test_no_place_is_chosen_and_record_move_waits_for_one(window: MainWindow, qtbot: QtBot) -> None:
    case_window = open_first_case(window)
    ref = case_window.ref.text()
    before = _held_at(window, ref)
    seen: dict[str, object] = {}

    def choose(dialog: MoveDialog) -> None:
        seen["index"] = dialog.place.currentIndex()
        seen["places"] = [dialog.place.itemText(i) for i in range(1, dialog.place.count())]
        seen["ready at first"] = dialog.ok.isEnabled()
        QTest.keyClick(dialog.place, Qt.Key.Key_Down)  # "A new place": not named yet
        seen["ready with a new place unnamed"] = dialog.ok.isEnabled()
        QTest.keyClick(dialog.place, Qt.Key.Key_Down)  # the first known place, A→Я
        while dialog.place.currentData() == before:  # a move goes somewhere else
            QTest.keyClick(dialog.place, Qt.Key.Key_Down)
        seen["place"] = dialog.place.currentData()
        seen["ready"] = dialog.ok.isEnabled()
        QTest.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    assert _in_move_dialog(case_window, qtbot, choose) == ""
    assert seen["index"] == -1
    places = seen["places"]
    assert isinstance(places, list) and len(places) > 3
    assert places == sorted(places, key=QCollator(QLocale()).sortKey)  # after "A new place"
    assert seen["ready at first"] is False
    assert seen["ready with a new place unnamed"] is False
    assert seen["ready"] is True
    assert _held_at(window, ref) == seen["place"] != before


def test_enter_in_the_untouched_dialog_records_no_move(window: MainWindow, qtbot: QtBot) -> None:
    case_window = open_first_case(window)
    assert window.session is not None
    custody = window.session.ws.custody
    periods = len(custody.timeline("CT-0001"))

    def press_enter(dialog: MoveDialog) -> None:
        QTest.keyClick(dialog, Qt.Key.Key_Return)  # the default button, disabled: nothing

    assert _in_move_dialog(case_window, qtbot, press_enter) == "still open"
    assert len(custody.timeline("CT-0001")) == periods


def test_a_new_place_is_named_by_typing(window: MainWindow, qtbot: QtBot) -> None:
    case_window = open_first_case(window)

    def name_it(dialog: MoveDialog) -> None:
        QTest.keyClick(dialog.place, Qt.Key.Key_Down)  # "A new place (name it below)"
        QTest.keyClicks(dialog.new_name, "Sklad u elevatora")
        QTest.keyClicks(dialog.new_settlement, "Brianka")
        QTest.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    assert _in_move_dialog(case_window, qtbot, name_it) == ""
    assert window.session is not None
    ws = window.session.ws
    (place,) = [f for f in ws.facilities.all() if f.name == "Sklad u elevatora"]
    assert place.settlement == "Brianka"
    assert _held_at(window, "CT-0001") == place.id


def test_typing_a_new_place_name_chooses_a_new_place(window: MainWindow, qtbot: QtBot) -> None:
    """A first move has no known place to pick: clicking into "New place" and typing is enough."""
    case_window = open_first_case(window)
    seen: dict[str, object] = {}

    def type_it(dialog: MoveDialog) -> None:
        QTest.mouseClick(dialog.new_name, Qt.MouseButton.LeftButton)
        QTest.keyClicks(dialog.new_name, "Garazh na Lenina")
        seen["ready"] = dialog.ok.isEnabled()
        QTest.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    assert _in_move_dialog(case_window, qtbot, type_it) == ""
    assert seen["ready"] is True
    assert window.session is not None
    ws = window.session.ws
    (place,) = [f for f in ws.facilities.all() if f.name == "Garazh na Lenina"]
    assert _held_at(window, "CT-0001") == place.id


def _held_since_july(window: MainWindow) -> tuple[Workspace, uuid.UUID]:
    """CT-0001 held at a known place since today (after any demo stay); that place's id."""
    assert window.session is not None
    ws = window.session.ws
    place = ws.facilities.create("Podval na Sovetskoy", settlement="Brianka")
    ws.custody.move("CT-0001", place.id, since=date.today())
    window.session.committed()
    return ws, place.id


def _new_place_since(name: str, day: date) -> Callable[[MoveDialog], None]:
    """Click into "New place", type its name, click into Since, type the day, Record move."""

    def act(dialog: MoveDialog) -> None:
        QTest.mouseClick(dialog.new_name, Qt.MouseButton.LeftButton)
        QTest.keyClicks(dialog.new_name, name)
        QTest.mouseClick(dialog.since.edit, Qt.MouseButton.LeftButton)
        QTest.keyClicks(dialog.since.edit, f"{day:%d.%m.%Y}")
        QTest.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    return act


def test_a_move_without_a_day_ends_the_last_stay_on_a_day_not_known(
    window: MainWindow, qtbot: QtBot
) -> None:
    ws, basement = _held_since_july(window)
    case_window = open_first_case(window)

    def choose_another(dialog: MoveDialog) -> None:
        QTest.keyClick(dialog.place, Qt.Key.Key_Down)  # "A new place"
        QTest.keyClick(dialog.place, Qt.Key.Key_Down)  # the first known place
        while dialog.place.currentData() == basement:
            QTest.keyClick(dialog.place, Qt.Key.Key_Down)
        QTest.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # Since left empty

    assert _in_move_dialog(case_window, qtbot, choose_another) == ""
    stays = ws.custody.timeline("CT-0001")
    (left,) = [p for p in stays if p.facility_id == basement]
    assert left.ended is True and left.until is None  # not the day of typing
    (now,) = [p for p in stays if not p.ended]
    assert now.since is None and now.facility_id != basement
    assert _held_at(window, "CT-0001") == now.facility_id
    assert ws.facilities.get(now.facility_id).name in case_window.held.text()
    ws.flags.evaluate()  # the rules still read the vault


def test_a_refused_move_to_a_new_place_leaves_no_place(window: MainWindow, qtbot: QtBot) -> None:
    ws, basement = _held_since_july(window)
    case_window = open_first_case(window)
    places = len(ws.facilities.all())

    before_the_current_stay = date.today() - timedelta(days=1)
    act = _new_place_since("Sklad u elevatora", before_the_current_stay)
    said = _in_move_dialog(case_window, qtbot, act)
    assert "before the current one" in said
    assert len(ws.facilities.all()) == places
    assert not [f for f in ws.facilities.all() if f.name == "Sklad u elevatora"]
    assert _held_at(window, "CT-0001") == basement


def test_undo_removes_the_move_and_the_new_place_it_made(window: MainWindow, qtbot: QtBot) -> None:
    ws, basement = _held_since_july(window)
    case_window = open_first_case(window)
    places = len(ws.facilities.all())

    name_it = _new_place_since("Garazh na Lenina", date.today())
    assert _in_move_dialog(case_window, qtbot, name_it) == ""
    assert len(ws.facilities.all()) == places + 1
    window.activateWindow()  # Undo from the main window, as a person reaches it from any window
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(ws.facilities.all()) == places
    assert not [f for f in ws.facilities.all() if f.name == "Garazh na Lenina"]
    (stay,) = [p for p in ws.custody.timeline("CT-0001") if p.facility_id == basement]
    assert stay.ended is False and stay.until is None
    assert _held_at(window, "CT-0001") == basement
