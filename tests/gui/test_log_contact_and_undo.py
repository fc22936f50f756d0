"""Log a contact (the most used dialog), see the flag change, and undo edits.

Driven as a person does: the case is found by typing its reference into the search (Ctrl+F,
Enter), the dialog opened with its button or Ctrl+L, answered with keys and clicks; the tests
check what the vault stored.
"""

import uuid
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from casetracker.gui.dialogs.log_contact_dialog import LogContactDialog
from casetracker.gui.main_window import TODAY, MainWindow
from casetracker.gui.views.case.case_window import CaseWindow
from casetracker.model import CaseStatus
from tests.gui.by_hand import open_section, select_on_today
from tests.gui.keyboard import click, click_mark, focused, modal, press, tab_to, type_text, vault_of


def _open_case(qtbot: QtBot, window: MainWindow, ref: str) -> CaseWindow:
    """Ctrl+F, the reference, Enter to the results (CT-0001 also finds CT-0010…, listed after
    it), Enter again: the case opens in its own window."""
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.cases.search
    type_text(qtbot, ref)
    press(qtbot, Qt.Key.Key_Return)
    table = window.cases.table
    assert focused() is table
    assert window.cases.visible_refs()[table.currentIndex().row()] == ref
    press(qtbot, Qt.Key.Key_Return)
    case_id = vault_of(window).cases.get(ref).id
    qtbot.waitUntil(lambda: case_id in window.case_windows, timeout=5_000)
    case_window = window.case_windows[case_id]
    qtbot.waitUntil(case_window.isActiveWindow, timeout=5_000)
    return case_window


def _log_dialog(qtbot: QtBot, case_window: CaseWindow) -> LogContactDialog:
    click(qtbot, case_window.log_button)
    dialog = modal(qtbot, LogContactDialog)
    assert isinstance(dialog, LogContactDialog)
    return dialog


def _back_to(qtbot: QtBot, case_window: CaseWindow) -> None:
    """The person clicks back into the case window (the offscreen platform, unlike a desktop,
    activates no window when a dialog closes)."""
    case_window.activateWindow()
    qtbot.waitUntil(case_window.isActiveWindow, timeout=5_000)


def _press_sequence(qtbot: QtBot, window: QWidget, key: QKeySequence.StandardKey) -> None:
    """The platform's keys for ``key`` (Ctrl+Z, Ctrl+Y…), pressed in ``window``."""
    combo = QKeySequence(key)[0]  # type: ignore[index]  # the stubs lack __getitem__
    QTest.keyClick(window, combo.key(), combo.keyboardModifiers())


def _lost_contact_on_today(qtbot: QtBot, window: MainWindow, ref: str) -> bool:
    """Click Today in the navigation and read whether it lists ``ref`` as lost contact."""
    open_section(window, TODAY)
    model = window.today.model
    return model.find("lost_contact", ref).isValid()


def _contacts(window: MainWindow, case_id: uuid.UUID) -> list[tuple[bool, str]]:
    return [(c.direct, c.note) for c in vault_of(window).contacts.for_case(case_id)]


def test_the_dialog_opens_ready_with_now_and_asks_who_was_heard(
    window: MainWindow, qtbot: QtBot
) -> None:
    case_window = _open_case(qtbot, window, "CT-0001")
    before = _contacts(window, case_window.case_id)
    dialog = _log_dialog(qtbot, case_window)
    when, time_known = dialog.when_value()
    assert isinstance(when, datetime)
    assert time_known and abs((when - datetime.now()).total_seconds()) < 120
    assert dialog.heard.checkedButton() is None
    assert focused() is dialog.direct  # the one question to answer comes first
    click(qtbot, dialog.ok_button)
    assert "himself was heard" in dialog.message.text()
    assert dialog.isVisible()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert _contacts(window, case_window.case_id) == before  # nothing was logged


def test_a_direct_call_clears_lost_contact_and_undo_brings_it_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert _lost_contact_on_today(qtbot, window, "CT-0001")
    case_window = _open_case(qtbot, window, "CT-0001")
    before = _contacts(window, case_window.case_id)
    dialog = _log_dialog(qtbot, case_window)
    press(qtbot, Qt.Key.Key_Space)  # the focus is on "He himself was heard"
    assert dialog.direct.isChecked()
    tab_to(qtbot, dialog.note)
    type_text(qtbot, "Spoke with the father, alive")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert dialog.result() == LogContactDialog.DialogCode.Accepted
    after = [*before, (True, "Spoke with the father, alive")]
    assert sorted(_contacts(window, case_window.case_id)) == sorted(after)
    assert "today" in case_window.proof.text()
    assert not any("Lost contact" in t for t in case_window.flag_texts())
    assert not _lost_contact_on_today(qtbot, window, "CT-0001")

    _back_to(qtbot, case_window)
    _press_sequence(qtbot, case_window, QKeySequence.StandardKey.Undo)
    assert _contacts(window, case_window.case_id) == before
    assert any("Lost contact" in t for t in case_window.flag_texts())
    assert _lost_contact_on_today(qtbot, window, "CT-0001")
    _press_sequence(qtbot, case_window, QKeySequence.StandardKey.Redo)
    assert (True, "Spoke with the father, alive") in _contacts(window, case_window.case_id)
    assert not any("Lost contact" in t for t in case_window.flag_texts())


def test_second_hand_news_does_not_count_as_proof_of_life(window: MainWindow, qtbot: QtBot) -> None:
    case_window = _open_case(qtbot, window, "CT-0001")
    before = _contacts(window, case_window.case_id)
    dialog = _log_dialog(qtbot, case_window)
    click_mark(qtbot, dialog.second_hand)
    assert dialog.second_hand.isChecked()
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert sorted(_contacts(window, case_window.case_id)) == sorted([*before, (False, "")])
    assert any("Lost contact" in t for t in case_window.flag_texts())
    assert "37 days ago" in case_window.proof.text()


def test_status_and_move_in_the_same_dialog_are_undone_together(
    window: MainWindow, qtbot: QtBot
) -> None:
    ws = vault_of(window)
    case_window = _open_case(qtbot, window, "CT-0001")
    case_id = case_window.case_id
    held_before = [(p.facility_id, p.until) for p in ws.custody.timeline(case_id)]
    history_before = len(ws.cases.status_history(case_id))
    dialog = _log_dialog(qtbot, case_window)
    press(qtbot, Qt.Key.Key_Space)  # he himself was heard
    tab_to(qtbot, dialog.transfer)
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.transfer.isChecked()
    tab_to(qtbot, dialog.status)
    for _ in range(4):  # No change, Serving, Refused, Detained, Transferred
        press(qtbot, Qt.Key.Key_Down)
    tab_to(qtbot, dialog.place)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    target = dialog.place.currentData()
    assert target is not None
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)

    assert ws.cases.get(case_id).status is CaseStatus.TRANSFERRED
    open_now = [p.facility_id for p in ws.custody.timeline(case_id) if p.until is None]
    assert open_now == [target]
    assert ws.facilities.get(target).name in case_window.held.text()

    _back_to(qtbot, case_window)
    _press_sequence(qtbot, case_window, QKeySequence.StandardKey.Undo)  # one step undoes both
    assert ws.cases.get(case_id).status is CaseStatus.DETAINED
    assert [(p.facility_id, p.until) for p in ws.custody.timeline(case_id)] == held_before
    assert len(ws.cases.status_history(case_id)) == history_before  # the undone change is gone


def test_undo_of_an_edit_puts_the_old_values_back(window: MainWindow, qtbot: QtBot) -> None:
    ws = vault_of(window)
    case_window = _open_case(qtbot, window, "CT-0002")
    old_notes = ws.cases.get("CT-0002").notes
    notes = case_window.details.notes
    click(qtbot, notes.viewport())
    assert focused() is notes
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "A new note")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # the button's shortcut
    qtbot.waitUntil(lambda: ws.cases.get("CT-0002").notes == "A new note", timeout=5_000)
    # Undo from the main window's toolbar, as a person reaches it from any window.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.cases.get("CT-0002").notes == old_notes


def test_ctrl_l_in_the_main_window_logs_for_the_selected_case(
    window: MainWindow, qtbot: QtBot
) -> None:
    select_on_today(window, "lost_contact", "CT-0001")
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, LogContactDialog)
    assert isinstance(dialog, LogContactDialog)
    assert dialog.case_id() == vault_of(window).cases.get("CT-0001").id
    assert dialog.case_combo.currentText().startswith("CT-0001")
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
