"""Date fields as a person uses them: only key presses and mouse clicks, then what the vault holds.

New case (Ctrl+N) opens its case window when created; Log a contact is its button there.
"""

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from casetracker.gui.dialogs.log_contact_dialog import LogContactDialog
from casetracker.gui.dialogs.new_case_dialog import NewCaseDialog
from casetracker.gui.main_window import MainWindow
from casetracker.gui.views.case.case_window import CaseWindow
from casetracker.services.workspace import Workspace

NAME = "Testov Ivan Petrovich"  # QTest types ASCII keys only
CASE_DATES = ("birth_date", "contract_start", "contract_end", "refusal_date", "detention_date")


def _modal(qtbot: QtBot, kind: type[QWidget]) -> QWidget:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=5_000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, kind)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)  # keys go where a person's would
    return dialog


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _type(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(_focused(), text)


def _press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    qtbot.keyClick(_focused(), key, modifier or Qt.KeyboardModifier.NoModifier)


def _tab_to(qtbot: QtBot, target: QWidget, backwards: bool = False) -> int:
    """Press Tab (or Shift+Tab) until ``target`` has the focus; returns how many presses."""
    for presses in range(1, 40):
        if backwards:
            _press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            _press(qtbot, Qt.Key.Key_Tab)
        if _focused() is target:
            return presses
    raise AssertionError("Tab never reached the field")


def _click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _new_case_dialog(qtbot: QtBot, window: MainWindow) -> NewCaseDialog:
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = _modal(qtbot, NewCaseDialog)
    assert isinstance(dialog, NewCaseDialog)
    _type(qtbot, NAME)
    return dialog


def _ws(window: MainWindow) -> Workspace:
    assert window.session is not None
    return window.session.ws


def _created(qtbot: QtBot, window: MainWindow, dialog: NewCaseDialog) -> CaseWindow:
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert dialog.case_id is not None
    qtbot.waitUntil(lambda: dialog.case_id in window.case_windows, timeout=5_000)
    return window.case_windows[dialog.case_id]


def test_an_untouched_new_case_stores_no_date(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _new_case_dialog(qtbot, window)
    _tab_to(qtbot, dialog.birth_date.edit)
    _tab_to(qtbot, dialog.refusal_date.edit)
    _tab_to(qtbot, dialog.detention_date.edit)  # every date field passed, nothing typed
    _press(qtbot, Qt.Key.Key_Return)
    _created(qtbot, window, dialog)
    case = _ws(window).cases.get(dialog.case_id)  # type: ignore[arg-type]
    assert case.full_name == NAME
    assert {name: getattr(case, name) for name in CASE_DATES} == dict.fromkeys(CASE_DATES)
    # Nor a made-up "detained since today" in the status history.
    assert [c.changed_on for c in _ws(window).cases.status_history(case.id)] == [None]


def test_dates_typed_after_a_click_or_a_tab_are_stored_exactly(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = _new_case_dialog(qtbot, window)
    _click(qtbot, dialog.refusal_date.edit)
    _type(qtbot, "20.07.2026")
    _tab_to(qtbot, dialog.detention_date.edit)
    _type(qtbot, "2026-07-21")
    _tab_to(qtbot, dialog.birth_date.edit, backwards=True)
    _type(qtbot, "3.1.1990")
    _click(qtbot, dialog.ok_button)
    _created(qtbot, window, dialog)
    case = _ws(window).cases.get(dialog.case_id)  # type: ignore[arg-type]
    assert case.refusal_date == date(2026, 7, 20)
    assert case.detention_date == date(2026, 7, 21)
    assert case.birth_date == date(1990, 1, 3)


def test_31_february_is_refused_under_the_field_and_nothing_is_stored(
    qtbot: QtBot, window: MainWindow
) -> None:
    cases_before = len(_ws(window).cases.rows())
    dialog = _new_case_dialog(qtbot, window)
    _click(qtbot, dialog.detention_date.edit)
    _type(qtbot, "31.02.2026")
    _press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.detention_date.message.isVisible()
    assert dialog.detention_date.message.text() == "There is no 31 February."
    assert dialog.detention_date.text() == "31.02.2026"  # as typed, not "fixed" to 28.02
    assert len(_ws(window).cases.rows()) == cases_before
    # Correcting it clears the message and the case is created with the corrected day.
    _press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, "28.02.2026")
    assert not dialog.detention_date.message.isVisible()
    _press(qtbot, Qt.Key.Key_Return)
    _created(qtbot, window, dialog)
    assert _ws(window).cases.get(dialog.case_id).detention_date == date(2026, 2, 28)  # type: ignore[arg-type]


def test_a_detention_in_the_future_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _new_case_dialog(qtbot, window)
    _click(qtbot, dialog.detention_date.edit)
    future = date(date.today().year + 1, 7, 20)
    _type(qtbot, future.strftime("%d.%m.%Y"))
    _click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert "is in the future" in dialog.detention_date.message.text()
    assert dialog.case_id is None
    dialog.reject()


def _log_dialog(qtbot: QtBot, window: MainWindow) -> tuple[CaseWindow, LogContactDialog]:
    new_case = _new_case_dialog(qtbot, window)
    _press(qtbot, Qt.Key.Key_Return)
    case_window = _created(qtbot, window, new_case)
    _click(qtbot, case_window.log_button)
    dialog = _modal(qtbot, LogContactDialog)
    assert isinstance(dialog, LogContactDialog)
    return case_window, dialog


def test_log_contact_stores_a_typed_day_and_time(qtbot: QtBot, window: MainWindow) -> None:
    case_window, dialog = _log_dialog(qtbot, window)
    _click(qtbot, dialog.when.edit)  # the current time is selected: typing replaces it
    _type(qtbot, "19.07.2026 18:00")
    _click(qtbot, dialog.direct)
    _click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    (event,) = _ws(window).contacts.for_case(case_window.case_id)
    assert event.occurred_at == datetime(2026, 7, 19, 18, 0)
    assert event.time_known is True


def test_log_contact_by_day_only_stores_no_time(qtbot: QtBot, window: MainWindow) -> None:
    case_window, dialog = _log_dialog(qtbot, window)
    assert _focused() is dialog.direct
    _tab_to(qtbot, dialog.when.edit, backwards=True)
    _type(qtbot, "19.07.2026")
    _tab_to(qtbot, dialog.direct)  # the "heard" group; the arrow picks the other answer
    _press(qtbot, Qt.Key.Key_Down)
    _press(qtbot, Qt.Key.Key_Space)
    assert dialog.second_hand.isChecked()
    _click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    (event,) = _ws(window).contacts.for_case(case_window.case_id)
    assert event.occurred_at == datetime(2026, 7, 19, 0, 0)
    assert event.time_known is False
    # The case window shows the day alone, in the contact log and on the timeline.
    for tab in (case_window.contacts, case_window.timeline):
        bar = case_window.tabs.tabBar()
        rect = bar.tabRect(case_window.tabs.indexOf(tab))
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=rect.center())
        table = tab.table  # type: ignore[attr-defined]
        shown = [table.model().index(row, 0).data() for row in range(table.model().rowCount())]
        assert "19.07.2026" in shown and not any(":" in text for text in shown)


def test_log_contact_in_the_future_or_on_a_wrong_day_is_refused(
    qtbot: QtBot, window: MainWindow
) -> None:
    case_window, dialog = _log_dialog(qtbot, window)
    _click(qtbot, dialog.direct)
    _click(qtbot, dialog.when.edit)
    _type(qtbot, f"19.07.{date.today().year + 1} 18:00")
    _click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and "is in the future" in dialog.when.message.text()
    assert _focused() is dialog.when.edit  # refused: back in the field, its text selected
    _type(qtbot, "31.02.2026 18:00")
    _click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.when.message.text() == "There is no 31 February."
    assert _ws(window).contacts.for_case(case_window.case_id) == []
    dialog.reject()
