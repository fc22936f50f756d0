"""Steps a person takes, done with the mouse and keyboard only, for the GUI tests to share."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from casetracker.gui.dialogs.import_wizard import CHECK, COLUMNS, ImportWizard
from casetracker.gui.main_window import CASES, TODAY, MainWindow
from casetracker.gui.views.case.case_window import CaseWindow
from tests.gui.keyboard import answer_file_chooser, click, modal


def open_section(window: MainWindow, section: int) -> QWidget:
    """Click the section's entry in the navigation; the view it shows."""
    nav = window.nav
    rect = nav.visualItemRect(nav.item(section))
    QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = window.stack.currentWidget()
    assert view is window.views[section]
    return view


def open_first_case(window: MainWindow) -> CaseWindow:
    """Cases, click the first row, press Enter: the case window that opens."""
    open_section(window, CASES)
    table = window.cases.table
    first = table.visualRect(table.model().index(0, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first)
    QTest.keyClick(table, Qt.Key.Key_Return)
    (case_window,) = window.case_windows.values()
    QTest.qWaitForWindowExposed(case_window)
    return case_window


def select_on_today(window: MainWindow, rule: str, ref: str) -> None:
    """Today: click the first row, then Down, row by row, to ``ref``'s ``rule`` flag."""
    today = open_section(window, TODAY)
    assert today is window.today
    tree = window.today.tree
    first = tree.visualRect(window.today.model.index(0, 0)).center()
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=first)
    for _ in range(window.today.model.rowCount()):
        flag = window.today.selected_flag()
        if flag is not None and (flag.rule, flag.case_ref) == (rule, ref):
            return
        QTest.keyClick(tree, Qt.Key.Key_Down)
    raise AssertionError(f"Today lists no {rule} flag for {ref}")


def wizard_at_check(qtbot: QtBot, window: MainWindow, sheet: Path) -> ImportWizard:
    """Ctrl+Shift+I, Choose file… (the path pasted), then Next until the check of every row,
    which then runs on a worker thread (a rolled-back import)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    QTest.keyClick(
        window,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    wizard = modal(qtbot, ImportWizard)
    assert isinstance(wizard, ImportWizard)
    seen = answer_file_chooser(sheet)
    click(qtbot, wizard.choose_button)
    assert wizard.path == sheet, seen
    qtbot.waitUntil(lambda: wizard.current() == COLUMNS, timeout=30_000)
    for _ in range(CHECK - COLUMNS):  # the columns, the status words, the preview…
        click(qtbot, wizard.next_button)
        if wizard.current() == CHECK:
            break
    assert wizard.current() == CHECK
    return wizard
