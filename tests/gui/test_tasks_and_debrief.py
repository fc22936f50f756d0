"""Tasks on Today and in the case window, and the debrief, driven by keys and clicks only;
each test checks what the vault stored."""

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from casetracker.gui.dialogs.log_contact_dialog import LogContactDialog
from casetracker.gui.dialogs.seen_by_dialog import SeenByDialog
from casetracker.gui.dialogs.task_dialog import TaskDialog
from casetracker.gui.locale_format import date_text
from casetracker.gui.main_window import CASES, TODAY, MainWindow
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.case.case_window import CaseWindow
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model import CaseStatus
from casetracker.services import tasks
from casetracker.services.workspace import Workspace
from tests.gui.by_hand import open_section
from tests.gui.keyboard import (
    click,
    modal,
    new_case_window,
    press,
    show_tab,
    through_modal,
    type_text,
    vault_of,
)
from tests.services.debrief_cases import witness_and_other

TODAY_DATE = date.today()


def _click_row(table: RecordTable, row: int, *, double: bool = False) -> None:  # type: ignore[type-arg]
    pos = table.visualRect(table.model().index(row, 1)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    if double:
        QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _shown(table: RecordTable) -> list[str]:  # type: ignore[type-arg]
    model = table.model()
    return [model.index(r, 3).data() for r in range(model.rowCount())]


def test_a_task_is_added_and_done_in_the_case_window_by_keys(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    case_window = new_case_window(qtbot, main_window)
    show_tab(case_window, case_window.tasks)
    tab = case_window.tasks
    assert tab.empty.isVisible() and not tab.table.isVisible()

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, TaskDialog)
        type_text(qtbot, "call the father")
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, (TODAY_DATE + timedelta(days=3)).strftime("%d.%m.%Y"))
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "Anna")
        press(qtbot, Qt.Key.Key_Return)

    through_modal(qtbot, TaskDialog, fill)
    click(qtbot, tab.new_button)
    ws = vault_of(main_window)
    (task,) = tasks.for_case(ws, case_window.case_id)
    assert (task.title, task.due_on, task.assignee) == (
        "call the father",
        TODAY_DATE + timedelta(days=3),
        "Anna",
    )
    qtbot.waitUntil(tab.table.isVisible)
    case_window.activateWindow()  # back from the dialog (offscreen Qt does not do it)
    qtbot.waitUntil(case_window.isActiveWindow)
    _click_row(tab.table, 0)
    QTest.keyClick(tab.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    (task,) = tasks.for_case(ws, case_window.case_id)
    assert (task.done_on, task.done_by) == (TODAY_DATE, ws.actor)
    assert tab.done_button.text() == tab.tr("Not done after all")
    QTest.keyClick(case_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    (task,) = tasks.for_case(ws, case_window.case_id)
    assert task.done_on is None


def _today_with_tasks(ws: Workspace) -> None:
    ws.cases.create("Zaitsev Oleg", status=CaseStatus.DETAINED)
    ws.cases.create("Petrov Ivan", status=CaseStatus.DETAINED)
    tasks.add(ws, "CT-0002", "send the dossier", due_on=TODAY_DATE - timedelta(days=1))
    tasks.add(ws, "CT-0001", "call the father", due_on=TODAY_DATE, assignee="Anna")
    tasks.add(ws, "CT-0001", "next week", due_on=TODAY_DATE + timedelta(days=7))
    done = tasks.add(ws, "CT-0001", "done already", due_on=TODAY_DATE)
    tasks.complete(ws, done.id)


def test_today_lists_overdue_first_and_done_ones_leave(
    ws: Workspace, session: VaultSession, qtbot: QtBot
) -> None:
    _today_with_tasks(ws)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    open_section(window, CASES)
    open_section(window, TODAY)
    panel = window.today.tasks
    assert _shown(panel.table) == ["send the dossier", "call the father"]
    assert "1 overdue" in panel.summary.text()
    overdue = panel.table.model().index(0, 0)
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) is not None  # marked
    assert "1 day overdue" in overdue.data()

    _click_row(panel.table, 1, double=True)  # opens his case on its Tasks tab
    case_window = window.case_windows[ws.cases.get("CT-0001").id]
    assert isinstance(case_window, CaseWindow)
    assert case_window.tabs.currentWidget() is case_window.tasks
    # The keys act on his tasks at once: the focus is in their list, not on an empty label.
    assert case_window.focusWidget() is case_window.tasks.table
    case_window.close()

    _click_row(panel.table, 0)
    click(qtbot, panel.done_button)  # by mouse
    assert [r.task.title for r in tasks.rows(ws)] == ["call the father", "next week"]
    assert _shown(panel.table) == ["call the father"]
    window.activateWindow()  # back from the case window (offscreen Qt does not do it)
    qtbot.waitUntil(window.isActiveWindow)
    _click_row(panel.table, 0)
    QTest.keyClick(panel.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # by keys
    assert [r.task.title for r in tasks.rows(ws)] == ["next week"]
    assert not panel.table.isVisible()
    assert panel.summary.text() == panel.tr("none overdue or due in the next 7 days")
    window.teardown()


def _open_case(window: MainWindow, row: int) -> CaseWindow:
    cases = open_section(window, CASES)
    table = window.cases.table
    assert cases is window.cases
    pos = table.visualRect(table.model().index(row, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    QTest.keyClick(table, Qt.Key.Key_Return)
    (case_window,) = [w for w in window.case_windows.values() if w.isVisible()]
    return case_window


def test_debrief_logs_seen_by_on_the_other_mans_case(
    ws: Workspace, session: VaultSession, qtbot: QtBot
) -> None:
    witness_and_other(ws, "Svidetel Ivan", "Molchit Petr")
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    witness = _open_case(window, 0)
    tabs = witness.tabs
    assert tabs.isTabVisible(tabs.indexOf(witness.debrief))
    show_tab(witness, witness.debrief)
    assert [r.ref for r in witness.debrief.table.records()] == ["CT-0002"]
    click(qtbot, witness.debrief.seen_button)
    dialog = modal(qtbot, SeenByDialog)
    assert isinstance(dialog, SeenByDialog)
    type_text(qtbot, "alive, thin")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (contact,) = ws.contacts.for_case("CT-0002")
    assert (contact.direct, contact.witness_case_id, contact.note) == (
        False,
        ws.cases.get("CT-0001").id,
        "alive, thin",
    )
    told = witness.debrief.table.model().index(0, 5).data()
    assert told == date_text(TODAY_DATE)  # the list says he has told us about this man
    witness.activateWindow()  # back from the dialog (offscreen Qt does not do it)
    qtbot.waitUntil(witness.isActiveWindow)
    QTest.keyClick(witness, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.contacts.for_case("CT-0002") == []  # undone
    redo = QKeySequence(QKeySequence.StandardKey.Redo)[0]  # type: ignore[index]
    QTest.keyClick(witness, redo.key(), redo.keyboardModifiers())  # the platform's redo keys
    assert [c.witness_case_id for c in ws.contacts.for_case("CT-0002")] == [
        ws.cases.get("CT-0001").id
    ]  # and done again
    witness.close()

    seen = _open_case(window, 1)
    assert not seen.tabs.isTabVisible(seen.tabs.indexOf(seen.debrief))  # still held
    show_tab(seen, seen.contacts)
    who = seen.contacts.table.model().index(0, 4).data()
    assert who == "seen by CT-0001 — Svidetel Ivan (debrief)"
    show_tab(seen, seen.timeline)
    details = [seen.timeline.table.model().index(r, 2).data() for r in range(2)]
    assert any("seen by CT-0001 — Svidetel Ivan (debrief)" in d for d in details)
    assert "never" in seen.proof.text()  # not proof of life
    window.teardown()


def test_ctrl_l_on_a_task_logs_a_contact_for_its_case(
    ws: Workspace, session: VaultSession, qtbot: QtBot
) -> None:
    _today_with_tasks(ws)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.isActiveWindow)
    open_section(window, TODAY)
    panel = window.today.tasks
    flag = window.today.selected_flag()
    flagged = flag.case_id if flag else None
    row = next(i for i, r in enumerate(panel.table.records()) if r.task.case_id != flagged)
    wanted = panel.table.records()[row].task.case_id
    _click_row(panel.table, row)  # a task of another man than the flag selected above
    QTest.keyClick(panel.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, LogContactDialog)
    assert isinstance(dialog, LogContactDialog)
    assert dialog.case_id() == wanted
    press(qtbot, Qt.Key.Key_Escape)
    window.teardown()


def test_a_task_is_edited_with_enter_deleted_and_brought_back(
    ws: Workspace, session: VaultSession, qtbot: QtBot
) -> None:
    ws.cases.create("Zaitsev Oleg", status=CaseStatus.DETAINED)
    done = tasks.add(ws, "CT-0001", "call the father", assignee="Anna", due_on=TODAY_DATE)
    tasks.complete(ws, done.id, on=TODAY_DATE - timedelta(days=1))
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    case_window = _open_case(window, 0)
    show_tab(case_window, case_window.tasks)
    table = case_window.tasks.table

    def rename(dialog: QWidget) -> None:
        assert isinstance(dialog, TaskDialog)
        press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, "call the mother")
        press(qtbot, Qt.Key.Key_Return)

    _click_row(table, 0)
    through_modal(qtbot, TaskDialog, rename)
    QTest.keyClick(table, Qt.Key.Key_Return)
    (task,) = tasks.for_case(ws, "CT-0001")
    assert (task.title, task.assignee, task.done_on) == (
        "call the mother",
        "Anna",
        TODAY_DATE - timedelta(days=1),
    )
    case_window.activateWindow()  # back from the dialog (offscreen Qt does not do it)
    qtbot.waitUntil(case_window.isActiveWindow)
    _click_row(table, 0)
    QTest.keyClick(table, Qt.Key.Key_Delete)
    assert tasks.for_case(ws, "CT-0001") == []
    QTest.keyClick(case_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    (back,) = tasks.for_case(ws, "CT-0001")
    assert (back.id, back.title, back.done_on, back.done_by) == (
        task.id,
        "call the mother",
        task.done_on,
        task.done_by,
    )
    window.teardown()
