"""An unexpected error shows a calm dialog and prints no record content; the debug log hides
every person's name the vault holds."""

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, qWarning
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from casetracker import diagnostics
from casetracker.gui import crash_report
from casetracker.gui.app import App
from casetracker.gui.app_settings import AppSettings
from casetracker.gui.dialogs.new_case_dialog import NewCaseDialog
from casetracker.gui.main_window import PLACES, MainWindow
from tests.gui.by_hand import open_section
from tests.gui.keyboard import modal, press, type_any

MARKER = "Щукарёв Ёжинмаркер"  # a man's name, as an IntegrityError would quote it


@pytest.fixture
def hooks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app's hooks, as run() installs them; the test runner's put back after."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    uninstall = crash_report.install()
    yield
    uninstall()
    box = crash_report.reporter().box  # type: ignore[union-attr]
    if box is not None and shiboken6.isValid(box):
        box.close()


def crash_box(qtbot: QtBot) -> QMessageBox:
    def shown() -> bool:
        box = QApplication.activeModalWidget()
        return isinstance(box, QMessageBox) and box.objectName() == "crashBox"

    qtbot.waitUntil(shown, timeout=5_000)
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    return box


def close_with_ok(qtbot: QtBot, box: QMessageBox) -> None:
    ok = box.button(QMessageBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=2_000)


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_clicked_slot_shows_a_calm_dialog_and_prints_no_content(
    window: MainWindow,
    hooks: None,
    qtbot: QtBot,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert window.session is not None

    def fails() -> None:
        raise ValueError(f"UNIQUE constraint failed: case.full_name = '{MARKER}'")

    monkeypatch.setattr(window.session.ws.cases, "rows", fails)
    open_section(window, PLACES)  # a click in the navigation: Places asks for every case
    box = crash_box(qtbot)
    words = box.text() + box.informativeText()
    assert "saved work is safe" in words and "ValueError" in words
    assert MARKER not in words
    close_with_ok(qtbot, box)
    err = capfd.readouterr().err
    assert "unexpected error ValueError" in err
    assert "casetracker/gui/views/places_view.py:" in err  # where, to the line
    assert "in refresh" in err
    for word in [*MARKER.split(), "UNIQUE", "full_name"]:
        assert word not in err


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_thread_is_reported_the_same_way(
    window: MainWindow, hooks: None, qtbot: QtBot, capfd: pytest.CaptureFixture[str]
) -> None:
    def work() -> None:
        raise KeyError(MARKER)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    close_with_ok(qtbot, crash_box(qtbot))
    err = capfd.readouterr().err
    assert "unexpected error KeyError" in err and "in work" in err
    assert "Ёжинмаркер" not in err


def test_qt_messages_are_printed_without_their_text(
    hooks: None, capfd: pytest.CaptureFixture[str]
) -> None:
    qWarning(f"QLineEdit quoted {MARKER}")
    err = capfd.readouterr().err
    assert "Qt warning" in err
    assert "Ёжинмаркер" not in err


def test_the_debug_log_hides_every_name_of_the_vault(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path, hooks: None
) -> None:
    log_file = tmp_path / "debug.log"
    handler = diagnostics.start_debug_log(str(log_file))
    app = App(demo_mode=True, settings=app_settings, default_path=tmp_path / "new.ctvault")
    crash_report.follow_vault_names(app)  # as run() does with --debug
    try:
        app.start()
        qtbot.waitUntil(lambda: app.window is not None, timeout=20_000)
        window = app.window
        assert window is not None and app.session is not None
        demo_name = app.session.ws.cases.get("CT-0001").full_name
        # A new case, its name typed (Ctrl+N, the name, Enter): its window opens, logged.
        QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        dialog = modal(qtbot, NewCaseDialog)
        assert isinstance(dialog, NewCaseDialog)
        type_any(MARKER)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.case_id in window.case_windows, timeout=5_000)
        case_id = dialog.case_id
        assert case_id is not None
        ref = app.session.ws.cases.get(case_id).ref
        # A careless log line and a Qt message quoting the names, as a future change might.
        surname, given = MARKER.split()
        logging.getLogger("casetracker.gui").debug("saved %s; %s", MARKER, surname + "а")
        logging.getLogger("casetracker.gui").debug("also %s", demo_name)
        qWarning(f"text {given}")
        case_window = window.case_windows[case_id]
        qtbot.waitUntil(case_window.isActiveWindow, timeout=5_000)
        QTest.keyClick(case_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
        qtbot.waitUntil(lambda: app.is_locked, timeout=10_000)
    finally:
        app.shutdown()
        app.start_window.close()
        diagnostics.stop_debug_log(handler)
    log = log_file.read_text(encoding="utf-8")
    assert f"case window opened: {ref}" in log and "vault locked" in log
    assert "saved [name] [name]; [name]" in log and "Qt warning" in log
    for word in MARKER.split() + demo_name.split():
        assert word not in log
