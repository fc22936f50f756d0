"""The story a newcomer must manage without a manual, end to end on the demo vault:
launch the demo, find the man whose father last heard from him 37 days ago, log a call,
see the flag change, lock."""

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casetracker.gui.app import App
from casetracker.gui.dialogs.log_contact_dialog import LogContactDialog


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
    silent = [flag for flag, days in rows if days == "37" and flag.rule == "lost_contact"]
    assert [f.case_ref for f in silent] == ["CT-0001"]
    today.select_flag("lost_contact", "CT-0001")
    assert "37 days" in today.message.text()
    assert "отец" not in today.message.text()  # the explanation is about him, not the father
    today.open_button.click()
    case_window = window.case_windows[silent[0].case_id]  # type: ignore[index]
    assert "37 days ago" in case_window.proof.text()
    assert any("Lost contact" in t for t in case_window.flag_texts())

    # Log the call with Ctrl+L from the case window.
    shortcut = next(a for a in case_window.actions() if a.shortcut().toString() == "Ctrl+L")
    shortcut.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LogContactDialog)
                  and w.isVisible())  # fmt: skip
    assert dialog.case_combo.currentText().startswith("CT-0001")
    dialog.direct.setChecked(True)
    dialog.note.setPlainText("Отец: сын звонил, жив, в том же подвале")
    dialog.ok_button.click()

    # The flag changes at once, in the case window and on Today.
    assert "today" in case_window.proof.text()
    assert not any("Lost contact" in t for t in case_window.flag_texts())
    window.show_section(0)
    assert not today.select_flag("lost_contact", "CT-0001")
    qtbot.waitUntil(lambda: window.save_text() == "All changes saved, encrypted", timeout=5000)

    # Lock: only the unlock screen remains.
    window.lock_action.trigger()
    assert demo_app.is_locked
    assert demo_app.start_window.isVisible()
    assert all(not w.isVisible() for w in QApplication.topLevelWidgets()
               if w is not demo_app.start_window and w.isWindow()
               and w.windowTitle() != "")  # fmt: skip
