"""Locking while a background job works: the job is stopped and waited for before the vault's
database is closed, nothing crashes, and the unlock screen shows.

Issue 14, item 1: locking during the export summary closed the database under the worker
(SIGSEGV), and closing the dialog started a new summary over the closing vault. To make the
race certain, a ``Gate`` holds the job inside the service call it makes, until the job is
cancelled (or, for a save, which is never cut, a moment passes); the gate also notes whether
the database was disposed while a job was inside it. The lock comes from the idle timer, as
when the caseworker walks away (a modal dialog has the keyboard, so Ctrl+Shift+L cannot reach
the main window).
"""

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from casetracker import cancellation
from casetracker.gui.app import DEMO_PASSPHRASE, App
from casetracker.gui.dialogs.bundle_import_dialog import BundleImportDialog
from casetracker.gui.dialogs.export_dialog import ExportDialog
from casetracker.gui.dialogs.vault_key_dialogs import ChangePassphraseDialog
from casetracker.gui.main_window import SETTINGS
from casetracker.services import sharing as sharing_service
from casetracker.services import vault_keys
from casetracker.services.spreadsheet_import import SpreadsheetImportService
from casetracker.services.workspace import Workspace
from casetracker.storage.vault_file import VaultFile
from tests.gui.by_hand import open_section, wizard_at_check
from tests.gui.keyboard import (
    NAME,
    answer_file_chooser,
    click,
    click_mark,
    modal,
    new_case_window,
    type_text,
)

SHEET = Path(__file__).parents[1] / "data" / "org-spreadsheet.csv"
NEW_PASSPHRASE = "river stone lantern morning"
JOB_TIMEOUT = 30_000
# Longer than any lock should take; a gate still closed by then lets the job go on.
GATE_LIMIT_S = 10.0


class Gate:
    """Holds jobs inside a service call; notes cancellations and a close while inside."""

    def __init__(self, hold_s: float = GATE_LIMIT_S) -> None:
        self.hold_s = hold_s
        self.inside = threading.Event()
        self.active = 0
        self.cancelled = 0
        self.closed_while_inside: list[str] = []
        self.finished: list[str] = []

    def wrap(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def held(*args: Any, **kwargs: Any) -> Any:
            self.active += 1
            self.inside.set()
            try:
                deadline = time.monotonic() + self.hold_s
                while time.monotonic() < deadline:
                    if cancellation.cancelled():
                        self.cancelled += 1
                        break
                    time.sleep(0.005)
                # Cancelled or not, the real work runs: a cancelled job must stop by itself.
                result = real(*args, **kwargs)
                self.finished.append(getattr(real, "__name__", "job"))
                return result
            finally:
                self.active -= 1

        return held

    def watch_close(self, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
        """Note a job inside the gate when the database or the file is closed."""
        for owner, name in ((ws.engine, "dispose"), (ws.file, "close")):
            real = getattr(owner, name)

            def closing(*args: Any, _real: Any = real, _name: str = name) -> Any:
                if self.active:
                    self.closed_while_inside.append(_name)
                return _real(*args)

            monkeypatch.setattr(owner, name, closing)


@pytest.fixture
def gate() -> Iterator[Gate]:
    yield Gate()


def _vault(app: App) -> Workspace:
    assert app.session is not None
    return app.session.ws


def _walk_away(app: App, qtbot: QtBot) -> None:
    """The idle timer fires (as after the caseworker's minutes away) and locks."""
    app.idle.set_limit_seconds(0.05)
    qtbot.waitUntil(lambda: app.is_locked, timeout=JOB_TIMEOUT)


def _assert_locked_cleanly(app: App, gate: Gate, ws: Workspace) -> None:
    assert app.is_locked and app.window is None
    assert ws.file.closed
    assert app.start_window.isVisible() and app.start_window.page is app.start_window.unlock
    assert gate.closed_while_inside == []  # nothing closed under a job
    assert gate.active == 0


def _main_window_keys(app: App, qtbot: QtBot, key: Qt.Key, mods: Qt.KeyboardModifier) -> None:
    window = app.window
    assert window is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    QTest.keyClick(window, key, mods)


def test_locking_while_the_export_summary_counts_stops_it_and_starts_no_other(
    demo_app: App, qtbot: QtBot, gate: Gate, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = _vault(demo_app)
    gate.watch_close(ws, monkeypatch)
    monkeypatch.setattr(sharing_service, "collect", gate.wrap(sharing_service.collect))
    _main_window_keys(demo_app, qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, ExportDialog)
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(gate.inside.is_set, timeout=JOB_TIMEOUT)
    # The caseworker changes the choice while the summary counts: a new count is due.
    click_mark(qtbot, dialog.status_radio)
    qtbot.waitUntil(lambda: dialog._summary_stale, timeout=5_000)
    _walk_away(demo_app, qtbot)
    _assert_locked_cleanly(demo_app, gate, ws)
    assert gate.cancelled == 1  # the count was stopped, and none began after it
    qtbot.wait(100)  # a late answer of the worker reaches no one
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_locking_during_an_export_stops_it_before_a_file_is_written(
    demo_app: App, qtbot: QtBot, gate: Gate, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ws = _vault(demo_app)
    gate.watch_close(ws, monkeypatch)
    _main_window_keys(demo_app, qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, ExportDialog)
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=JOB_TIMEOUT)
    click(qtbot, dialog.passphrase)
    type_text(qtbot, "a long bundle passphrase")
    click(qtbot, dialog.repeat)
    type_text(qtbot, "a long bundle passphrase")
    click(qtbot, dialog.consent_reason)  # the demo's men have not consented: say why
    type_text(qtbot, "held incommunicado")
    monkeypatch.setattr(sharing_service, "collect", gate.wrap(sharing_service.collect))
    out = tmp_path / "for-the-lawyer.age"
    seen = answer_file_chooser(out)
    click(qtbot, dialog.export_button)
    assert seen, "the Save dialog never opened"
    qtbot.waitUntil(gate.inside.is_set, timeout=JOB_TIMEOUT)
    _walk_away(demo_app, qtbot)
    _assert_locked_cleanly(demo_app, gate, ws)
    assert gate.cancelled == 1
    assert not out.exists()  # stopped before the file: nothing half-written either


def test_locking_while_a_bundle_is_opened_stops_the_check(
    demo_app: App, qtbot: QtBot, gate: Gate, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ws = _vault(demo_app)
    bundle = tmp_path / "from-a-partner.age"
    made = ws.sharing.export(
        ws.sharing.select_cases(everything=True),
        profile="lawyer",
        recipients=[ws.sharing.keys().age_public_key],
        without_consent_reason="not about consent",
    )
    bundle.write_bytes(made.data)
    gate.watch_close(ws, monkeypatch)
    monkeypatch.setattr(sharing_service, "open_bundle", gate.wrap(sharing_service.open_bundle))
    _main_window_keys(demo_app, qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, BundleImportDialog)
    assert isinstance(dialog, BundleImportDialog)
    seen = answer_file_chooser(bundle)
    click(qtbot, dialog.choose_button)
    assert dialog.file_field.text() == str(bundle), seen
    click(qtbot, dialog.open_button)
    qtbot.waitUntil(gate.inside.is_set, timeout=JOB_TIMEOUT)
    _walk_away(demo_app, qtbot)
    _assert_locked_cleanly(demo_app, gate, ws)
    assert gate.cancelled == 1


def test_locking_while_a_spreadsheet_is_checked_stops_it_and_saves_none_of_its_rows(
    demo_app: App, qtbot: QtBot, gate: Gate, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = _vault(demo_app)
    before = len(ws.cases.rows())
    path = ws.path
    gate.watch_close(ws, monkeypatch)
    monkeypatch.setattr(
        SpreadsheetImportService, "apply", gate.wrap(SpreadsheetImportService.apply)
    )
    assert demo_app.window is not None
    wizard_at_check(qtbot, demo_app.window, SHEET)
    qtbot.waitUntil(gate.inside.is_set, timeout=JOB_TIMEOUT)
    _walk_away(demo_app, qtbot)
    _assert_locked_cleanly(demo_app, gate, ws)
    assert gate.cancelled == 1
    # The check's rows (a transaction to be rolled back) never reached the file.
    with Workspace.open(path, passphrase=DEMO_PASSPHRASE) as saved:
        assert len(saved.cases.rows()) == before


def test_locking_during_a_save_lets_the_write_finish_first(
    demo_app: App, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = demo_app.window
    assert window is not None
    ws = _vault(demo_app)
    path = ws.path
    gate = Gate(hold_s=0.5)  # a save is never cancelled: it is held a moment, then written
    gate.watch_close(ws, monkeypatch)
    monkeypatch.setattr(VaultFile, "append", gate.wrap(VaultFile.append))
    new_case_window(qtbot, window)  # Ctrl+N, the name, Enter: appended 300 ms later
    qtbot.waitUntil(gate.inside.is_set, timeout=JOB_TIMEOUT)
    _walk_away(demo_app, qtbot)
    _assert_locked_cleanly(demo_app, gate, ws)
    assert gate.cancelled == 0 and gate.finished  # the write went through, whole
    with Workspace.open(path, passphrase=DEMO_PASSPHRASE) as saved:
        assert saved.cases.rows(search=NAME)


def test_locking_during_a_passphrase_change_waits_for_it_to_finish(
    demo_app: App, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = demo_app.window
    assert window is not None
    ws = _vault(demo_app)
    path = ws.path
    gate = Gate(hold_s=0.5)  # rewriting the key slots is never cut: held a moment, then done
    gate.watch_close(ws, monkeypatch)
    monkeypatch.setattr(vault_keys, "change_passphrase", gate.wrap(vault_keys.change_passphrase))
    open_section(window, SETTINGS)
    click(qtbot, window.settings.change_passphrase_button)
    dialog = modal(qtbot, ChangePassphraseDialog)
    assert isinstance(dialog, ChangePassphraseDialog)
    qtbot.keyClicks(dialog.fields.passphrase, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.fields.repeat, NEW_PASSPHRASE)
    click(qtbot, dialog.ok)
    qtbot.waitUntil(gate.inside.is_set, timeout=JOB_TIMEOUT)
    _walk_away(demo_app, qtbot)
    _assert_locked_cleanly(demo_app, gate, ws)
    assert gate.finished == ["change_passphrase"]
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    Workspace.open(path, passphrase=NEW_PASSPHRASE).close()  # the change went through whole
