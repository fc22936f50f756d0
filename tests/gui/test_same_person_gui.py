"""Same man or not, by keys and clicks: from the duplicate list (merge, then Ctrl+Z; not the
same, never listed again) and by hand from a case window."""

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlmodel import SQLModel

from casetracker.gui.dialogs.duplicate_pairs_dialog import DuplicatePairsDialog
from casetracker.gui.dialogs.same_person_dialogs import MergeDialog, SamePersonDialog
from casetracker.gui.main_window import CASES, MainWindow
from casetracker.gui.vault_session import VaultSession
from casetracker.model import SameCertainty, Verdict
from casetracker.services import same_person
from casetracker.services.duplicates import possible_duplicates
from casetracker.services.workspace import Workspace
from tests.gui.by_hand import open_first_case, open_section
from tests.gui.keyboard import click, modal, press, through_modal, type_text


def _rows(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    with ws.reading() as session:
        return {
            t.name: sorted(map(tuple, session.execute(t.select())), key=repr)
            for t in SQLModel.metadata.sorted_tables
            if t.name != "auditentry"
        }


@pytest.fixture
def window(ws: Workspace, session: VaultSession, qtbot: QtBot) -> Iterator[MainWindow]:
    """Two entries of one man (each with a contact) and a third man, in the main window."""
    for name in ("Aleksandr Smirnov", "Александр Смирнов", "Petr Ivanov"):
        case = ws.cases.create(name)
        ws.contacts.log(case.id, datetime(2024, 7, 19, 18, 0), direct=True)
    main = MainWindow(session)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(main.isActiveWindow, timeout=5_000)
    yield main
    main.teardown()


def _pairs_dialog(qtbot: QtBot, window: MainWindow) -> DuplicatePairsDialog:
    open_section(window, CASES)
    qtbot.waitUntil(window.cases.duplicates_banner.isVisible, timeout=5_000)  # a worker's
    click(qtbot, window.cases.review_button)
    dialog = modal(qtbot, DuplicatePairsDialog)
    assert isinstance(dialog, DuplicatePairsDialog)
    assert len(dialog.texts()) == 1 and "CT-0001" in dialog.texts()[0]
    return dialog


def test_merge_from_the_duplicate_list_then_ctrl_z(
    qtbot: QtBot, window: MainWindow, ws: Workspace
) -> None:
    before = _rows(ws)
    dialog = _pairs_dialog(qtbot, window)
    seen: list[str] = []

    def confirm(merge: Any) -> None:
        assert isinstance(merge, MergeDialog)
        seen.append(merge.summary.text() + merge.undo_hint.text())
        click(qtbot, merge.ok)

    through_modal(qtbot, MergeDialog, confirm)
    click(qtbot, dialog.merge_button)
    assert "moves to CT-0001" in seen[0] and "1 contact in the log" in seen[0]
    assert "Ctrl+Z" in seen[0]
    assert [c.ref for c in ws.cases.rows()] == ["CT-0001", "CT-0003"]
    assert len(ws.contacts.for_case("CT-0001")) == 2
    qtbot.waitUntil(lambda: len(dialog.texts()) == 0, timeout=5_000)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert _rows(ws) == before
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 3, timeout=5_000)
    # Redo merges them again; undo once more restores them again.
    QTest.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # Redo
    assert [c.ref for c in ws.cases.rows()] == ["CT-0001", "CT-0003"]
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _rows(ws) == before


def test_not_the_same_is_never_listed_again(
    qtbot: QtBot, window: MainWindow, ws: Workspace
) -> None:
    dialog = _pairs_dialog(qtbot, window)
    click(qtbot, dialog.not_same_button)
    qtbot.waitUntil(lambda: len(dialog.texts()) == 0, timeout=5_000)
    assert dialog.empty.isVisible()
    assert possible_duplicates(ws) == []
    assert [link.verdict for link in same_person.links_for(ws, "CT-0001")] == [Verdict.NOT_SAME]
    # Ctrl+Z in the list takes the decision back: the pair is proposed again.
    QTest.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(dialog.texts()) == 1, timeout=5_000)
    assert same_person.links_for(ws, "CT-0001") == []


def test_marked_by_hand_from_a_case_window(qtbot: QtBot, window: MainWindow, ws: Workspace) -> None:
    case_window = open_first_case(window)
    click(qtbot, case_window.same_person.button)
    dialog = modal(qtbot, SamePersonDialog)
    assert isinstance(dialog, SamePersonDialog)
    click(qtbot, dialog.other)
    type_text(qtbot, "ivanov")
    assert "CT-0003" in dialog.found.text()
    press(qtbot, Qt.Key.Key_Tab)  # to the verdict: certain, likely, possible, not the same
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "same unit, same mother")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)

    (link,) = same_person.links_for(ws, "CT-0001")
    assert (link.other_ref, link.certainty, link.note) == (
        "CT-0003",
        SameCertainty.LIKELY,
        "same unit, same mother",
    )
    qtbot.waitUntil(
        lambda: "CT-0003</a> (likely)" in case_window.same_person.links.text(), timeout=5_000
    )
    # The other case's reference is a link: Tab to it from the line, Enter opens that case.
    links = case_window.same_person.links
    qtbot.waitUntil(case_window.isActiveWindow, timeout=5_000)
    click(qtbot, links)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.case_windows) == 2, timeout=5_000)
    assert {w.case.ref for w in window.case_windows.values() if w.case} == {"CT-0001", "CT-0003"}


def test_both_cases_of_a_pair_open_to_compare(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _pairs_dialog(qtbot, window)
    assert "(" not in dialog.texts()[0].splitlines()[0]  # no birth date, no unit known
    click(qtbot, dialog.open_button)
    qtbot.waitUntil(lambda: len(window.case_windows) == 2, timeout=5_000)
    refs = sorted(w.case.ref for w in window.case_windows.values() if w.case is not None)
    assert refs == ["CT-0001", "CT-0002"]
