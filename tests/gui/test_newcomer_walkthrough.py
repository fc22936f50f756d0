"""The story a newcomer must manage without a manual, end to end on the demo vault:
launch the demo, find the man whose father last heard from him 37 days ago, log a call,
see the flag change, lock."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casetracker.gui.app import App
from casetracker.gui.dialogs.log_contact_dialog import LogContactDialog
from casetracker.gui.main_window import TODAY
from tests.gui.by_hand import open_section, select_on_today
from tests.gui.keyboard import click, modal, press, tab_to, type_any

NOTE = "Отец: сын звонил, жив, в том же подвале"


def test_find_the_silent_man_log_a_call_see_the_flag_change_and_lock(
    demo_app: App, qtbot: QtBot
) -> None:
    window = demo_app.window
    assert window is not None
    today = window.today
    assert window.stack.currentWidget() is today  # the app opens on Today

    # Find him: Today lists "days since proof of life"; the 37 is on his row (one per man).
    model = today.model
    rows = [
        (model.flag_at(model.index(r, 0)), model.index(r, 3).data())
        for r in range(model.rowCount())
    ]
    silent = [f for f, days in rows if f is not None and days == "37" and f.rule == "lost_contact"]
    assert [f.case_ref for f in silent] == ["CT-0001"]
    select_on_today(window, "lost_contact", "CT-0001")
    assert "37 days" in today.message.text()
    assert "отец" not in today.message.text()  # the explanation is about him, not the father
    click(qtbot, today.open_button)
    case_id = silent[0].case_id
    assert case_id is not None
    qtbot.waitUntil(lambda: case_id in window.case_windows, timeout=5_000)
    case_window = window.case_windows[case_id]
    qtbot.waitUntil(case_window.isActiveWindow, timeout=5_000)
    assert "37 days ago" in case_window.proof.text()
    assert any("Lost contact" in t for t in case_window.flag_texts())

    # Log the call with Ctrl+L from the case window: he himself was heard (Space on the first
    # question), a note typed, the button clicked.
    QTest.keyClick(case_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, LogContactDialog)
    assert isinstance(dialog, LogContactDialog)
    assert dialog.case_combo.currentText().startswith("CT-0001")
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, dialog.note)
    type_any(NOTE)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    ws = demo_app.session.ws if demo_app.session else None
    assert ws is not None
    heard = [c for c in ws.contacts.for_case(case_id) if c.note == NOTE]
    assert len(heard) == 1 and heard[0].direct

    # The flag changes at once, in the case window and on Today.
    assert "today" in case_window.proof.text()
    assert not any("Lost contact" in t for t in case_window.flag_texts())
    open_section(window, TODAY)
    assert not today.model.find("lost_contact", "CT-0001").isValid()
    qtbot.waitUntil(lambda: window.save_text() == "All changes saved, encrypted", timeout=5000)

    # Lock (Ctrl+Shift+L): only the unlock screen remains.
    window.activateWindow()  # the person clicks back into the main window
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    QTest.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: demo_app.is_locked, timeout=5_000)
    assert demo_app.start_window.isVisible()
    assert all(not w.isVisible() for w in QApplication.topLevelWidgets()
               if w is not demo_app.start_window and w.isWindow()
               and w.windowTitle() != "")  # fmt: skip
