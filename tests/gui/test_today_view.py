"""Today: open flags worst first, grouped by severity, explained, acknowledged or snoozed."""

from pytestqt.qtbot import QtBot

from casetracker.gui.main_window import MainWindow
from casetracker.rules.flag import Severity


def _lost_contact_ct0001(window: MainWindow) -> None:
    assert window.today.select_flag("lost_contact", "CT-0001")


def test_flags_are_grouped_worst_first_with_days_since_proof_of_life(window: MainWindow) -> None:
    today = window.today
    flags = today.flags()
    assert flags, "the demo data raises flags"
    ranks = [f.severity.rank for f in flags]
    assert ranks == sorted(ranks, reverse=True)
    groups = [today.model.index(r, 0).data() for r in range(today.model.rowCount())]
    assert groups[0].startswith("Critical")
    _lost_contact_ct0001(window)
    flag = today.selected_flag()
    assert flag is not None and flag.severity is Severity.CRITICAL
    assert "37 days" in today.message.text()
    assert "37 days ago" in today.proof.text()
    index = today.tree.currentIndex()
    assert index.siblingAtColumn(3).data() == "37"


def test_acknowledge_needs_a_note_then_hides_the_flag(window: MainWindow) -> None:
    today = window.today
    _lost_contact_ct0001(window)
    today.ack_button.click()
    assert "note" in today.feedback.text()
    assert today.select_flag("lost_contact", "CT-0001")
    today.note.setText("Lawyer informed, waiting for an answer")
    today.ack_button.click()
    assert not today.select_flag("lost_contact", "CT-0001")
    assert today.feedback.text() == "Acknowledged."
    assert window.session is not None
    assert any(r.flag.case_ref == "CT-0001" and r.hidden for r in window.session.flags.review())


def test_snooze_hides_the_flag_for_the_chosen_days(window: MainWindow) -> None:
    today = window.today
    _lost_contact_ct0001(window)
    today.note.setText("Father will call on Friday")
    today.snooze_days.setValue(3)
    today.snooze_button.click()
    assert not today.select_flag("lost_contact", "CT-0001")
    assert window.session is not None
    state = next(r.state for r in window.session.flags.review() if r.flag.case_ref == "CT-0001"
                 and r.flag.rule == "lost_contact")  # fmt: skip
    assert state is not None and state.snoozed_until is not None


def test_opening_a_flag_opens_its_case(window: MainWindow, qtbot: QtBot) -> None:
    _lost_contact_ct0001(window)
    window.today.open_button.click()
    assert len(window.case_windows) == 1
    case_window = next(iter(window.case_windows.values()))
    assert case_window.ref.text() == "CT-0001"
    assert any("Lost contact" in t for t in case_window.flag_texts())
