"""Accessible names on every control, every control reachable by keyboard, the main flows done
with the keyboard alone, and colours readable in both themes."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMenu,
    QRadioButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casetracker.gui.app import App
from casetracker.gui.app_settings import AppSettings
from casetracker.gui.vault_session import VaultSession
from casetracker.services import demo
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR
from tests.conftest import PASSPHRASE
from tests.i18n.screens import controls, screens

ROOT = Path(__file__).resolve().parents[2]


def _named(widget: QWidget, top: QWidget) -> bool:
    """A name a screen reader can say: its own, its label's (a buddy), or a button's text."""
    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return True
    return any(
        label.buddy() is widget and label.text().strip() for label in top.findChildren(QLabel)
    )


def _reachable(widget: QWidget, top: QWidget) -> bool:
    """Tab reaches it, or (a toolbar button) its action has a shortcut or sits in a menu."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return True
    if isinstance(widget, QRadioButton):
        # Qt puts one radio button of a group in the Tab chain; the arrow keys move within it.
        group = widget.group()
        siblings = (
            group.buttons()
            if group is not None
            else widget.parentWidget().findChildren(QRadioButton)
        )
        return any(b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in siblings)
    if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
        action = widget.defaultAction()
        in_menu = any(action in menu.actions() for menu in top.findChildren(QMenu))
        return not action.shortcut().isEmpty() or in_menu
    return False


@pytest.fixture
def demo_session(ws: Workspace) -> VaultSession:
    demo.generate(ws, 40)
    ws.save()
    return VaultSession(ws, demo=True)


def test_every_control_is_named_and_reachable_by_keyboard(
    demo_session: VaultSession, qtbot: QtBot, tmp_path: Path
) -> None:
    unnamed, unreachable = [], []
    try:
        for name, top in screens(demo_session, tmp_path):
            for widget in controls(top):
                where = f"{name}: {type(widget).__name__} {widget.objectName()}".strip()
                if not _named(widget, top):
                    unnamed.append(where)
                if widget.isEnabled() and not _reachable(widget, top):
                    unreachable.append(where)
    finally:
        demo_session.close(discard=True)
    assert not unnamed, "no accessible name:\n" + "\n".join(sorted(set(unnamed)))
    assert not unreachable, "not reachable by keyboard:\n" + "\n".join(sorted(set(unreachable)))


# -- the main flows, keyboard only ----------------------------------------------------------
ICAO = str.maketrans(
    {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
     "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
     "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
     "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
     "я": "ia"}
)  # fmt: skip


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


CTRL = Qt.KeyboardModifier.ControlModifier


def _key(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(_focus(), key, modifier)
    qtbot.wait(10)


def test_unlock_find_open_log_and_lock_with_the_keyboard_only(qtbot: QtBot, tmp_path: Path) -> None:
    app_settings = AppSettings(tmp_path / "settings" / "Casetracker.ini")
    path = tmp_path / "org.ctvault"
    ws, _key_text = Workspace.create(path, PASSPHRASE, kdf=FLOOR)
    demo.generate(ws, 30)
    man = ws.cases.get("CT-0001")
    ws.close(save=True)
    app_settings.remember_vault(path)
    app = App(settings=app_settings, default_path=path)
    app.start()
    try:
        qtbot.waitUntil(lambda: QApplication.focusWidget() is app.start_window.unlock.passphrase)
        QTest.keyClicks(_focus(), PASSPHRASE)
        _key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: app.window is not None and app.window.isActiveWindow(), timeout=20_000
        )
        window = app.window
        assert window is not None

        _key(qtbot, Qt.Key.Key_F, CTRL)
        assert _focus() is window.cases.search
        latin = man.full_name.lower().translate(ICAO)  # "Aleksandr" finds "Александр"
        QTest.keyClicks(_focus(), latin)
        _key(qtbot, Qt.Key.Key_Return)
        if man.id not in window.case_windows:  # several matches: Enter went to the list
            assert window.cases.selected_case_id() is not None
            while window.cases.selected_case_id() != man.id:
                _key(qtbot, Qt.Key.Key_Down)
            _key(qtbot, Qt.Key.Key_Return)
        case_window = window.case_windows[man.id]
        qtbot.waitUntil(case_window.isActiveWindow)

        _key(qtbot, Qt.Key.Key_L, CTRL)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
        dialog = QApplication.activeModalWidget()
        assert _focus() is dialog.direct  # type: ignore[union-attr]
        _key(qtbot, Qt.Key.Key_Space)  # he himself was heard
        for _ in range(20):
            if _focus() is dialog.transfer:  # type: ignore[union-attr]
                break
            _key(qtbot, Qt.Key.Key_Tab)
        _key(qtbot, Qt.Key.Key_Space)  # he reports a transfer
        _key(qtbot, Qt.Key.Key_Return)  # the default button: Log contact
        qtbot.waitUntil(lambda: not dialog.isVisible())  # type: ignore[union-attr]
        assert app.session is not None
        logged = app.session.ws.contacts.for_case(man.id)[0]
        assert logged.direct and logged.reports_transfer
        # A window manager gives the case window back its focus; the offscreen platform
        # used by the tests has none, so the test does that one step itself.
        case_window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)

        _key(
            qtbot,
            Qt.Key.Key_L,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        qtbot.waitUntil(lambda: app.is_locked)
        assert app.start_window.isVisible() and not window.case_windows
    finally:
        app.shutdown()
        app.start_window.close()
