"""Log a contact (the most used dialog), see the flag change, and undo edits."""

from datetime import datetime

from pytestqt.qtbot import QtBot

from casetracker.gui.dialogs.log_contact_dialog import LogContactDialog
from casetracker.gui.main_window import MainWindow
from casetracker.gui.undo_commands import UpdateCase
from casetracker.model import CaseStatus


def _open_ct0001(window: MainWindow):
    assert window.session is not None
    case = window.session.ws.cases.get("CT-0001")
    return window.open_case(case.id)


def test_the_dialog_opens_ready_with_now_and_asks_who_was_heard(window: MainWindow) -> None:
    case_window = _open_ct0001(window)
    dialog = case_window.log_contact()
    assert isinstance(dialog, LogContactDialog)
    when, time_known = dialog.when_value()
    assert time_known and abs((when - datetime.now()).total_seconds()) < 120
    assert dialog.heard.checkedButton() is None
    dialog.submit()
    assert "himself was heard" in dialog.message.text()
    assert dialog.isVisible()
    dialog.reject()


def test_a_direct_call_clears_lost_contact_and_undo_brings_it_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.session is not None
    assert window.today.select_flag("lost_contact", "CT-0001")
    case_window = _open_ct0001(window)
    dialog = case_window.log_contact()
    dialog.direct.setChecked(True)
    dialog.note.setPlainText("Говорил с отцом, жив")
    dialog.submit()
    assert dialog.result() == LogContactDialog.DialogCode.Accepted
    assert "today" in case_window.proof.text()
    assert not any("Lost contact" in t for t in case_window.flag_texts())
    window.today.refresh()
    assert not window.today.select_flag("lost_contact", "CT-0001")
    window.undo_action.trigger()
    assert any("Lost contact" in t for t in case_window.flag_texts())
    window.today.refresh()
    assert window.today.select_flag("lost_contact", "CT-0001")
    window.redo_action.trigger()
    assert not any("Lost contact" in t for t in case_window.flag_texts())


def test_second_hand_news_does_not_count_as_proof_of_life(window: MainWindow) -> None:
    case_window = _open_ct0001(window)
    dialog = case_window.log_contact()
    dialog.second_hand.setChecked(True)
    dialog.submit()
    assert any("Lost contact" in t for t in case_window.flag_texts())
    assert "37 days ago" in case_window.proof.text()


def test_status_and_move_in_the_same_dialog_are_undone_together(window: MainWindow) -> None:
    assert window.session is not None
    ws = window.session.ws
    case_window = _open_ct0001(window)
    before_place = case_window.held.text()
    dialog = case_window.log_contact()
    dialog.direct.setChecked(True)
    dialog.transfer.setChecked(True)
    dialog.status.set_value(CaseStatus.TRANSFERRED)
    dialog.place.setCurrentIndex(2)
    target = dialog.place.currentText().split(" (")[0]
    dialog.submit()
    assert ws.cases.get("CT-0001").status is CaseStatus.TRANSFERRED
    assert target in case_window.held.text()
    window.session.undo_stack.undo()
    assert ws.cases.get("CT-0001").status is CaseStatus.DETAINED
    assert case_window.held.text() == before_place
    assert len(ws.cases.status_history("CT-0001")) == 2  # the undone change is gone


def test_undo_of_an_edit_puts_the_old_values_back(window: MainWindow) -> None:
    assert window.session is not None
    ws = window.session.ws
    case = ws.cases.get("CT-0002")
    UpdateCase(window.session, case.id, {"notes": "новая заметка"}, {"notes": case.notes}).execute()
    assert ws.cases.get("CT-0002").notes == "новая заметка"
    window.undo_action.trigger()
    assert ws.cases.get("CT-0002").notes == case.notes


def test_ctrl_l_in_the_main_window_logs_for_the_selected_case(window: MainWindow) -> None:
    window.show_section(0)
    assert window.today.select_flag("lost_contact", "CT-0001")
    dialog = window.log_contact()
    assert dialog is not None
    assert dialog.case_combo.currentText().startswith("CT-0001")
    dialog.reject()
