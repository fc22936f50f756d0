"""Open every window and dialog the way a person does and print where each one lies.

Run by ``test_windows_fit_the_screen`` in a process of its own, because the scale factor and
the screen must be set before Qt starts (``QT_SCALE_FACTOR=2``, an offscreen 1920×1080 screen).
Prints one JSON object: for each window shown, its class, frame and the screen's free area.
"""

import json
import os
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget

from casetracker.gui import translation
from casetracker.gui.app import App
from casetracker.gui.app_settings import AppSettings
from casetracker.gui.main_window import PLACES, MainWindow
from casetracker.gui.style import install_style
from casetracker.gui.widgets.form_parts import screen_of
from tests.gui.by_hand import open_first_case, open_section

seen: list[dict[str, object]] = []


def _rect(rect: QRect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def note_windows(when: str) -> None:
    """Every window on screen now (menus and tooltips are Qt's to place)."""
    QTest.qWait(20)
    for widget in QApplication.topLevelWidgets():
        popup = widget.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)
        screen = screen_of(widget)
        if widget.isVisible() and not popup and screen is not None:
            seen.append(
                {
                    "when": when,
                    "window": type(widget).__name__,
                    "frame": _rect(widget.frameGeometry()),
                    "free": _rect(screen.availableGeometry()),
                }
            )


def wait_for(condition: Callable[[], bool], timeout_ms: int = 60_000) -> None:
    waited = 0
    while not condition():
        QTest.qWait(50)
        waited += 50
        if waited > timeout_ms:
            raise TimeoutError("the app did not get there")


def click(button: QAbstractButton) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def modal(open_it: Callable[[], None], when: str) -> None:
    """Open a dialog that runs its own loop (exec), note the windows, close it."""

    def inside() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):  # not up yet
            QTimer.singleShot(50, inside)
            return
        note_windows(when)
        dialog.reject()

    QTimer.singleShot(50, inside)
    open_it()


def close_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


def shortcut(window: QWidget, key: Qt.Key, shift: bool, when: str) -> None:
    """Press Ctrl(+Shift)+key in the window, note the windows, close the dialog it opened."""
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    control = Qt.KeyboardModifier.ControlModifier
    QTest.keyClick(window, key, control | Qt.KeyboardModifier.ShiftModifier if shift else control)
    note_windows(when)
    close_dialogs()


def walk(folder: Path) -> None:
    app = App(
        demo_mode=True,
        settings=AppSettings(folder / "Casetracker.ini"),
        default_path=folder / "organisation.ctvault",
    )
    app.start()
    note_windows("start")
    wait_for(lambda: app.window is not None and app.window.isVisible())
    window = app.window
    assert isinstance(window, MainWindow)
    QTest.qWaitForWindowExposed(window)
    note_windows("main window")
    for key, shift, what in (
        (Qt.Key.Key_N, False, "new case"),
        (Qt.Key.Key_L, False, "log a contact"),
        (Qt.Key.Key_E, False, "export"),
        (Qt.Key.Key_O, False, "open a bundle"),
        (Qt.Key.Key_I, True, "import a spreadsheet"),
        (Qt.Key.Key_K, True, "address book"),
    ):
        shortcut(window, key, shift, what)

    open_section(window, PLACES)
    modal(lambda: click(window.places.new_button), "new place")
    case_window = open_first_case(window)
    note_windows("case window")
    modal(lambda: click(case_window.status_button), "change status")
    modal(lambda: click(case_window.move_button), "move")
    click(case_window.log_button)
    note_windows("log a contact from the case")
    close_dialogs()
    tabs = case_window.tabs
    for tab in range(tabs.count()):
        QTest.mouseClick(
            tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(tab).center()
        )
        page = tabs.currentWidget()
        for name in ("add_button", "add_source_button", "new_button"):
            button = getattr(page, name, None)
            if isinstance(button, QAbstractButton) and button.isEnabled():
                modal(partial(click, button), f"{tabs.tabText(tab)}: {button.text()}")
    app.shutdown()


def main() -> int:
    install_style(QApplication(sys.argv))  # as the app starts: the style sets the sizes
    translation.install(os.environ.get("CASETRACKER_LANGUAGE", "en"))
    with tempfile.TemporaryDirectory() as tmp:
        walk(Path(tmp))
    print(json.dumps(seen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
