"""Ctrl+C anywhere in the app is guarded like a copy button: marked for clipboard managers,
taken back after the timeout, and cleared on lock."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from casetracker.gui.app import App
from casetracker.gui.clipboard_guard import CLEAR_AFTER_MS, SECRET_MARKS, clipboard_guard
from casetracker.gui.main_window import CASES, MainWindow
from tests.gui.by_hand import open_section

CTRL = Qt.KeyboardModifier.ControlModifier


def marked(text: str) -> bool:
    data = QGuiApplication.clipboard().mimeData()
    return (
        data is not None
        and data.text() == text
        and all(
            data.hasFormat(kind) and bytes(data.data(kind).data()) == value
            for kind, value in SECRET_MARKS.items()
        )
    )


def click_first_row(window: MainWindow) -> str:
    """Click the first case's first cell in the case list; the text it shows."""
    open_section(window, CASES)
    table = window.cases.table
    index = table.model().index(0, 0)
    QTest.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    assert table.currentIndex() == index
    return str(index.data())


def test_ctrl_c_in_a_line_edit_is_marked_and_taken_back(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clipboard_guard(), "clear_after_ms", 150)
    open_section(window, CASES)
    search = window.cases.search
    qtbot.mouseClick(search, Qt.MouseButton.LeftButton)
    QTest.keyClicks(search, "CT-0001")
    QTest.keyClick(search, Qt.Key.Key_A, CTRL)
    QTest.keyClick(search, Qt.Key.Key_C, CTRL)
    qtbot.waitUntil(lambda: marked("CT-0001"), timeout=2_000)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=3_000)


def test_ctrl_c_on_a_table_cell_is_marked_and_cleared_on_lock(demo_app: App, qtbot: QtBot) -> None:
    window = demo_app.window
    assert window is not None
    assert clipboard_guard().clear_after_ms == CLEAR_AFTER_MS  # 30 s: only the lock clears it
    cell = click_first_row(window)
    QTest.keyClick(window.cases.table, Qt.Key.Key_C, CTRL)
    qtbot.waitUntil(lambda: marked(cell), timeout=2_000)
    QTest.keyClick(window.cases.table, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: demo_app.is_locked, timeout=10_000)
    assert QGuiApplication.clipboard().text() == ""


def test_what_another_program_copies_is_left_unmarked(window: MainWindow, qtbot: QtBot) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("copied elsewhere")  # no key pressed in the app, not owned by it
    qtbot.wait(50)
    assert clipboard.text() == "copied elsewhere"
    assert not clipboard.mimeData().hasFormat("x-kde-passwordManagerHint")


def test_ctrl_c_that_copies_nothing_leaves_another_programs_copy_alone(
    window: MainWindow, qtbot: QtBot
) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("copied elsewhere")
    open_section(window, CASES)
    search = window.cases.search
    qtbot.mouseClick(search, Qt.MouseButton.LeftButton)
    QTest.keyClick(search, Qt.Key.Key_C, CTRL)  # an empty field: nothing selected to copy
    qtbot.wait(50)
    assert clipboard.text() == "copied elsewhere"
    assert not clipboard.mimeData().hasFormat("x-kde-passwordManagerHint")
