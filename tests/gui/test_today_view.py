"""Today: one row per man, worst first, his other flags beside; acknowledged or snoozed by hand.

Driven as a person does: the navigation entry clicked, rows clicked on the viewport, keys typed.
"""

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QTreeView, QWidget
from pytestqt.qtbot import QtBot

from casetracker.gui.labels import rule_title
from casetracker.gui.main_window import CASES, TODAY, MainWindow
from casetracker.gui.models.flag_tree import FLAG_ROLE
from casetracker.gui.views.today_view import TodayView
from casetracker.rules.flag import Flag

CASE, NAME, WHAT, DAYS = range(4)


def _click(widget: QWidget, index: QModelIndex | None = None) -> None:
    if isinstance(widget, QTreeView) and index is not None:
        QTest.mouseClick(
            widget.viewport(), Qt.MouseButton.LeftButton, pos=widget.visualRect(index).center()
        )
    elif isinstance(widget, QAbstractButton):
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def _open_today(window: MainWindow) -> TodayView:
    nav = window.nav
    for section in (CASES, TODAY):  # away and back, as a person returning to the list
        rect = nav.visualItemRect(nav.item(section))
        QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.today
    return window.today


def _rows(today: TodayView) -> list[tuple[list[str], Flag]]:
    model = today.tree.model()
    return [
        ([model.index(r, c).data() for c in range(model.columnCount())],
         model.index(r, 0).data(FLAG_ROLE))
        for r in range(model.rowCount())
    ]  # fmt: skip


def _go_to(today: TodayView, qtbot: QtBot, ref: str) -> QModelIndex:
    """Click the first row, then type the reference: the list jumps to his row."""
    _click(today.tree, today.tree.model().index(0, 0))
    QTest.keyClicks(today.tree, ref)
    index = today.tree.currentIndex()
    assert index.siblingAtColumn(CASE).data() == ref
    return index


def test_one_row_per_man_worst_first_with_his_other_flags_beside(
    window: MainWindow,
) -> None:
    assert window.session is not None
    today = _open_today(window)
    rows = _rows(today)
    subjects = [flag.subject for _texts, flag in rows]
    assert len(subjects) == len(set(subjects)), "every man on one row"
    assert len(rows) < len(window.session.flags.open_flags()), "the demo has men with two flags"
    # Worst first: severity, then the longest without proof of life ("never heard" longest).
    keys = [(flag.severity.rank, 10**6 if texts[DAYS] == "never heard" else int(texts[DAYS]))
            for texts, flag in rows]  # fmt: skip
    assert keys == sorted(keys, reverse=True)
    # A man with several flags: his worst first on his row, the others beside it, by title.
    by_case: dict[str, list[Flag]] = {}
    for flag in window.session.flags.open_flags():
        if flag.case_ref:
            by_case.setdefault(flag.case_ref, []).append(flag)
    ref, flags = next((r, f) for r, f in by_case.items() if len(f) >= 3)
    texts, flag = next((t, f) for t, f in rows if t[CASE] == ref)
    also = ", ".join(rule_title(f.rule) for f in flags[1:])
    assert flag == flags[0] and texts[WHAT] == f"{rule_title(flags[0].rule)}; also: {also}"


def test_a_silent_place_keeps_its_own_row(window: MainWindow) -> None:
    today = _open_today(window)
    rows = _rows(today)
    silence = rule_title("facility_silence")
    places = [(texts, flag) for texts, flag in rows if flag.case_id is None]
    assert places and all(texts[WHAT].startswith(f"{silence} — ") for texts, _f in places)
    texts, flag = places[0]
    assert (texts[CASE], texts[NAME]) == ("", flag.facility_name)
    assert "at this place" in texts[WHAT]
    assert not any(silence in texts[WHAT] for texts, f in rows if f.case_id is not None)
    # The men held there keep rows of their own for flags of their own.
    assert window.session is not None
    own = {f.case_ref for f in window.session.flags.open_flags() if f.case_ref in flag.case_refs}
    assert own and own <= {texts[CASE] for texts, _f in rows}


def test_the_silent_man_shows_days_since_proof_of_life_and_why(
    window: MainWindow, qtbot: QtBot
) -> None:
    today = _open_today(window)
    index = _go_to(today, qtbot, "CT-0001")
    flag = today.selected_flag()
    assert flag is not None and flag.rule == "lost_contact"
    assert index.siblingAtColumn(DAYS).data() == "37"
    assert "37 days" in today.message.text()
    assert "37 days ago" in today.proof.text()


def test_one_of_his_other_flags_is_acknowledged_from_his_expanded_row(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.session is not None
    today = _open_today(window)
    ref, flags = next(
        (e.worst.case_ref, e.flags) for e in window.session.flags.open_by_subject()
        if e.worst.case_ref and len(e.flags) >= 2
    )  # fmt: skip
    assert ref is not None
    _go_to(today, qtbot, ref)
    assert today.also.isVisibleTo(today) and rule_title(flags[1].rule) in today.also.text()
    qtbot.keyClick(today.tree, Qt.Key.Key_Right)  # expand his row
    qtbot.keyClick(today.tree, Qt.Key.Key_Down)  # his second flag
    assert today.selected_flag() == flags[1]
    assert not today.also.isVisibleTo(today)
    _click(today.ack_button)
    assert "note" in today.feedback.text()
    QTest.keyClicks(today.note, "Lawyer asked the prosecutor")
    _click(today.ack_button)
    assert today.feedback.text() == "Acknowledged."
    review = window.session.flags.review()
    assert any(r.flag == flags[1] and r.hidden for r in review)
    assert not any(r.flag == flags[0] and r.hidden for r in review)
    texts, flag = next((t, f) for t, f in _rows(today) if t[CASE] == ref)
    assert flag == flags[0] and rule_title(flags[1].rule) not in texts[WHAT]


def test_acknowledge_needs_a_note_then_hides_the_flag(window: MainWindow, qtbot: QtBot) -> None:
    assert window.session is not None
    today = _open_today(window)
    _go_to(today, qtbot, "CT-0001")
    _click(today.ack_button)
    assert "note" in today.feedback.text()
    QTest.keyClicks(today.note, "Lawyer informed, waiting for an answer")
    qtbot.keyClick(today.note, Qt.Key.Key_Return)
    assert not today.select_flag("lost_contact", "CT-0001")
    assert today.feedback.text() == "Acknowledged."
    assert any(r.flag.case_ref == "CT-0001" and r.hidden for r in window.session.flags.review())


def test_snooze_hides_the_flag_for_the_chosen_days(window: MainWindow, qtbot: QtBot) -> None:
    assert window.session is not None
    today = _open_today(window)
    _go_to(today, qtbot, "CT-0001")
    QTest.keyClicks(today.note, "Father will call on Friday")
    today.snooze_days.setFocus()
    qtbot.keyClick(today.snooze_days, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(today.snooze_days, "3")
    _click(today.snooze_button)
    assert not today.select_flag("lost_contact", "CT-0001")
    state = next(r.state for r in window.session.flags.review() if r.flag.case_ref == "CT-0001"
                 and r.flag.rule == "lost_contact")  # fmt: skip
    assert state is not None and state.snoozed_until is not None
    assert (state.snoozed_until - state.acknowledged_on).days == 3  # type: ignore[operator]


def test_opening_a_flag_opens_its_case(window: MainWindow, qtbot: QtBot) -> None:
    today = _open_today(window)
    _go_to(today, qtbot, "CT-0001")
    _click(today.open_button)
    assert len(window.case_windows) == 1
    case_window = next(iter(window.case_windows.values()))
    assert case_window.ref.text() == "CT-0001"
    assert any("Lost contact" in t for t in case_window.flag_texts())
