"""Lock: shortcut and idle timeout drop every window, model and key; the clipboard is cleared."""

import shiboken6
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from casetracker.gui.app import DEMO_PASSPHRASE, App
from casetracker.gui.clipboard_guard import ClipboardGuard


def _models(window):
    return [
        window.today.model,
        window.cases.model,
        window.places.table.source_model,
        window.people.table.source_model,
        window.sources.table.source_model,
        window.reports.tables["status"].source_model,
    ]


def _assert_locked(app: App, views: list, case_windows: list, ws) -> None:
    assert app.is_locked and app.window is None and app.session is None
    assert ws.file.closed  # keys and payload dropped
    # Case windows are closed and deleted (WA_DeleteOnClose), their widgets gone.
    assert all(not shiboken6.isValid(w) or not w.isVisible() for w in case_windows)
    assert app.start_window.isVisible()
    assert app.start_window.page is app.start_window.unlock
    # Every model is empty, or gone with its (deleted) window.
    for model in views:
        assert not shiboken6.isValid(model) or model.rowCount() == 0


def test_lock_shortcut_clears_everything_and_unlock_brings_it_back(
    demo_app: App, qtbot: QtBot
) -> None:
    window = demo_app.window
    assert window is not None and demo_app.session is not None
    ws = demo_app.session.ws
    case_window = window.open_case(ws.cases.get("CT-0001").id)
    assert case_window is not None
    dialog = case_window.log_contact()
    views = _models(window)
    window.lock_action.trigger()
    _assert_locked(demo_app, views, [case_window], ws)
    assert not dialog.isVisible()
    assert DEMO_PASSPHRASE in demo_app.start_window.unlock.note.text()
    demo_app.start_window.unlock.passphrase.setText(DEMO_PASSPHRASE)
    demo_app.start_window.unlock.unlock()
    qtbot.waitUntil(lambda: demo_app.window is not None, timeout=20_000)
    assert demo_app.window is not None and demo_app.window.today.flags()


def test_auto_lock_after_idle_time(demo_app: App, qtbot: QtBot) -> None:
    window = demo_app.window
    assert window is not None and demo_app.session is not None
    ws = demo_app.session.ws
    case_window = window.open_case(ws.cases.get("CT-0002").id)
    views = _models(window)
    demo_app.idle.set_limit_seconds(0.3)
    qtbot.waitUntil(lambda: demo_app.is_locked, timeout=5000)
    _assert_locked(demo_app, views, [case_window], ws)


def test_auto_lock_setting_defaults_to_five_minutes(demo_app: App) -> None:
    assert demo_app.idle._limit_s == 5 * 60


def test_copied_phone_leaves_the_clipboard_after_the_timeout(qtbot: QtBot) -> None:
    guard = ClipboardGuard()
    guard.clear_after_ms = 100
    clipboard = QGuiApplication.clipboard()
    guard.copy("+7 900 123-45-67")
    assert clipboard.text() == "+7 900 123-45-67"
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=2000)


def test_clipboard_is_left_alone_when_the_user_copied_something_else(qtbot: QtBot) -> None:
    guard = ClipboardGuard()
    guard.clear_after_ms = 50
    clipboard = QGuiApplication.clipboard()
    guard.copy("@handle")
    clipboard.setText("something the user copied")
    qtbot.wait(200)
    assert clipboard.text() == "something the user copied"


def test_a_guarded_copy_asks_clipboard_managers_not_to_keep_it(qtbot: QtBot) -> None:
    """A phone or a recovery key must not live on in Klipper's or Windows' clipboard history."""
    guard = ClipboardGuard()
    guard.copy("+7 900 123-45-67")
    data = QGuiApplication.clipboard().mimeData()
    assert data.text() == "+7 900 123-45-67"
    assert bytes(data.data("x-kde-passwordManagerHint").data()) == b"secret"
    guard.clear()
