"""The real GUI, typed into until it is SIGKILLed (the child of torture/kills_gui.py).

Usage: python -m torture.gui_kill_driver VAULT --after-calls K (0 = never) --rounds N (0 = forever)

The app starts as a caseworker starts it (the vault remembered, the unlock page shown); the
passphrase is typed and Enter pressed. Then, again and again: Ctrl+N, a name (G000001, …)
typed, Enter; in the case window Ctrl+L, Space ("he himself was heard"), Tab to the note, a
note typed, a click on "Log contact"; Close (Ctrl+W); then wait until the app's own saver wrote
everything (its state "saved", nothing dirty) and say "saved I" on stdout. After "ready"
(the main window is up) the parent kills this process at a random moment, or this process
kills itself before its K-th watched file-system call (torture.kills.arm): the app saves on
its saver thread, and a kill there is the point.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CASETRACKER_KDF_TARGET_MS", "0")
os.environ.setdefault("CASETRACKER_LANGUAGE", "en")

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from casetracker.gui.app import App
from casetracker.gui.app_settings import AppSettings
from casetracker.gui.dialogs.log_contact_dialog import LogContactDialog
from casetracker.gui.dialogs.new_case_dialog import NewCaseDialog
from casetracker.gui.main_window import MainWindow
from casetracker.gui.saver import SaveState
from casetracker.gui.style import install_style
from torture.common import PASSPHRASE
from torture.kills import Progress, arm
from torture.kills_gui import case_name

CTRL = Qt.KeyboardModifier.ControlModifier


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the GUI did not get there in time")
        QApplication.processEvents()
        time.sleep(0.003)


def active_modal(kind: type[QWidget]) -> QWidget:
    def ready() -> bool:
        dialog = QApplication.activeModalWidget()
        return isinstance(dialog, kind) and dialog.isActiveWindow()

    wait_for(ready)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    return dialog


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def unlock(app: App) -> MainWindow:
    start = app.start_window
    wait_for(lambda: start.page is start.unlock)
    QTest.keyClicks(start.unlock.passphrase, PASSPHRASE)
    QTest.keyClick(start.unlock.passphrase, Qt.Key.Key_Return)
    wait_for(lambda: app.window is not None and app.window.isActiveWindow())
    assert app.window is not None
    return app.window


def add_case(window: MainWindow, i: int) -> None:
    """One case with one direct contact, typed and clicked, then its window closed."""
    QTest.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = active_modal(NewCaseDialog)
    assert isinstance(dialog, NewCaseDialog)
    QTest.keyClicks(focused(), case_name(i))
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    wait_for(lambda: dialog.case_id is not None and dialog.case_id in window.case_windows)
    assert dialog.case_id is not None
    case_window = window.case_windows[dialog.case_id]
    wait_for(case_window.isActiveWindow)
    QTest.keyClick(case_window, Qt.Key.Key_L, CTRL)
    log = active_modal(LogContactDialog)
    assert isinstance(log, LogContactDialog)
    QTest.keyClick(focused(), Qt.Key.Key_Space)  # the focus starts on "He himself was heard"
    for _ in range(20):
        if focused() is log.note:
            break
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
    QTest.keyClicks(log.note, f"contact {i}")
    QTest.mouseClick(log.ok_button, Qt.MouseButton.LeftButton)
    wait_for(lambda: not log.isVisible())
    case_window.activateWindow()  # back to the window the dialog came from
    wait_for(case_window.isActiveWindow)
    # Close: Ctrl+W on most desktops, Ctrl+F4 with the offscreen platform.
    QTest.keySequence(case_window, QKeySequence(QKeySequence.StandardKey.Close))
    wait_for(lambda: not case_window.isVisible())
    window.activateWindow()  # the window manager's part: offscreen Qt activates nothing
    wait_for(window.isActiveWindow)


def saved(app: App) -> bool:
    session = app.session
    return session is not None and session.saver.state == SaveState.SAVED and not session.ws.dirty


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("vault", type=Path)
    parser.add_argument("--after-calls", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=0)
    args = parser.parse_args(argv)
    faulthandler.enable()  # a crash of the app says where, in every thread, on stderr
    qt = QApplication([sys.argv[0]])
    install_style(qt)
    settings = AppSettings(args.vault.parent.parent / "settings" / "Casetracker.ini")
    settings.remember_vault(args.vault)
    app = App(settings=settings, default_path=args.vault)
    app.start()
    window = unlock(app)
    assert app.session is not None
    with app.session.ws.reading() as session:
        from sqlmodel import func, select

        from casetracker.model import Case

        done = int(session.exec(select(func.count()).select_from(Case)).one())
    progress = Progress(sys.stdout.fileno())
    progress.emit("ready")
    counter = [0]
    start = time.monotonic()
    arm(args.after_calls or None, counter)
    i = done
    while args.rounds == 0 or i < done + args.rounds:
        i += 1
        add_case(window, i)
        wait_for(lambda: saved(app))
        progress.emit(f"saved {i}")
    progress.emit(f"calls {counter[0]}")
    progress.emit(f"elapsed {time.monotonic() - start:.6f}")
    progress.emit("done")
    app.lock()
    app.shutdown()
    qt.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
