"""Driving the real widgets as a person does: key presses and mouse clicks, nothing set in code.

Shared by the GUI tests that type dates. New case (Ctrl+N) opens its case window when created,
which is how these tests reach a case.
"""

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from casetracker.gui.dialogs.log_contact_dialog import LogContactDialog
from casetracker.gui.dialogs.new_case_dialog import NewCaseDialog
from casetracker.gui.main_window import MainWindow
from casetracker.gui.views.case.case_window import CaseWindow
from casetracker.services.workspace import Workspace

NAME = "Testov Ivan Petrovich"  # QTest types ASCII keys only
CASE_DATES = ("birth_date", "contract_start", "contract_end", "refusal_date", "detention_date")


def modal(qtbot: QtBot, kind: type[QWidget]) -> QWidget:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=5_000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, kind)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)  # keys go where a person's would
    return dialog


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def type_any(text: str) -> None:
    """Type ``text`` key by key into the focused widget, Cyrillic too (keyClicks takes ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                focused(), QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            )


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    qtbot.keyClick(focused(), key, modifier or Qt.KeyboardModifier.NoModifier)


def tab_to(qtbot: QtBot, target: QWidget, backwards: bool = False) -> int:
    """Press Tab (or Shift+Tab) until ``target`` has the focus; returns how many presses."""
    for presses in range(1, 40):
        if backwards:
            press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            press(qtbot, Qt.Key.Key_Tab)
        if focused() is target:
            return presses
    raise AssertionError("Tab never reached the field")


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_mark(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click a radio button's or check box's mark, at its left, where a person aims (the
    widget's centre may lie past the end of its label)."""
    middle = button.height() // 2
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(middle, middle))


def new_case_dialog(qtbot: QtBot, window: MainWindow) -> NewCaseDialog:
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, NewCaseDialog)
    assert isinstance(dialog, NewCaseDialog)
    type_text(qtbot, NAME)
    return dialog


def vault_of(window: MainWindow) -> Workspace:
    assert window.session is not None
    return window.session.ws


def created(qtbot: QtBot, window: MainWindow, dialog: NewCaseDialog) -> CaseWindow:
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert dialog.case_id is not None
    qtbot.waitUntil(lambda: dialog.case_id in window.case_windows, timeout=5_000)
    return window.case_windows[dialog.case_id]


def new_case_window(qtbot: QtBot, window: MainWindow) -> CaseWindow:
    """A new case typed by name only (Ctrl+N, the name, Enter), its window open."""
    dialog = new_case_dialog(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    case_window = created(qtbot, window, dialog)
    qtbot.waitUntil(case_window.isActiveWindow, timeout=5_000)
    return case_window


def show_tab(case_window: CaseWindow, tab: QWidget) -> None:
    """Click the tab's title, as a person switches tabs."""
    bar = case_window.tabs.tabBar()
    rect = bar.tabRect(case_window.tabs.indexOf(tab))
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=rect.center())
    assert case_window.tabs.currentWidget() is tab


def log_dialog(qtbot: QtBot, window: MainWindow) -> tuple[CaseWindow, LogContactDialog]:
    case_window = new_case_window(qtbot, window)
    click(qtbot, case_window.log_button)
    dialog = modal(qtbot, LogContactDialog)
    assert isinstance(dialog, LogContactDialog)
    return case_window, dialog


def through_modal(qtbot: QtBot, kind: type[QWidget], steps: Callable[[QWidget], None]) -> None:
    """Run ``steps`` in the dialog a click is about to open with exec() (which blocks until it
    closes); a dialog the steps leave open is closed, so a failing test fails instead of hanging.
    """

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or not dialog.isActiveWindow():
            QTimer.singleShot(20, run)
            return
        try:
            steps(dialog)
        finally:
            if dialog.isVisible():
                QTimer.singleShot(0, dialog.close)

    QTimer.singleShot(0, run)


def answer_file_chooser(path: Path) -> list[str]:
    """Answer the file chooser a click is about to open (Qt's own, with exec()): ``path``
    pasted into its name field, then Enter until it closes. Returns the name field's text at
    each Enter, for a failing test to show.

    Pasted, as people do with a path: typed key by key, the chooser opens each folder as its
    "/" is typed, racing its own file list. While the completer's list is open, a person's
    Enter goes to it (it has the keyboard), so Enter is pressed again until the chooser closes.
    """
    seen: list[str] = []

    def press_enter_until_closed(dialog: QFileDialog, name: QLineEdit) -> None:
        if not shiboken6.isValid(dialog) or not dialog.isVisible():
            return  # chosen: the chooser is closed (and deleted)
        if len(seen) >= 50:
            dialog.reject()  # fail the test rather than hang
            return
        seen.append(name.text())
        completer = name.completer()
        popup = completer.popup() if completer is not None else None
        QTest.keyClick(
            popup if popup is not None and popup.isVisible() else name, Qt.Key.Key_Return
        )
        QTimer.singleShot(100, lambda: press_enter_until_closed(dialog, name))

    def paste_the_path() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, paste_the_path)
            return
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        QApplication.clipboard().setText(str(path))
        QTest.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        press_enter_until_closed(dialog, name)

    QTimer.singleShot(50, paste_the_path)
    return seen
