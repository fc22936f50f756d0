"""Unlocking a vault whose last save was cut off on the disk says so above the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from casetracker.gui.app import App
from casetracker.gui.app_settings import AppSettings
from casetracker.gui.main_window import MainWindow
from casetracker.services.workspace import Workspace
from casetracker.storage import envelope
from casetracker.storage.kdf import FLOOR
from tests.conftest import PASSPHRASE
from tests.gui.keyboard import click
from tests.gui.test_take_over_and_read_only import unlock_by_keys


def _vault_with_a_torn_last_save(path: Path, *, flip: bool) -> None:
    ws, _ = Workspace.create(path, PASSPHRASE, kdf=FLOOR)
    ws.cases.create("Зайцев Олег Игоревич")
    ws.save()
    ws.cases.create("Петров Пётр Петрович")
    ws.save()
    ws.close(compact=False)
    data = bytearray(path.read_bytes())
    parsed = envelope.parse(bytes(data))
    start = len(parsed.associated_data) + len(parsed.untrusted_ciphertext)
    if flip:
        data[start + 40] ^= 1  # the first save's record altered: both are left out
    else:
        del data[-100:]  # the second save cut off
    path.write_bytes(data)


@pytest.mark.parametrize("flip", [False, True])
def test_a_save_left_out_at_unlock_is_said_until_dismissed(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path, flip: bool
) -> None:
    vault = tmp_path / "org.ctvault"
    _vault_with_a_torn_last_save(vault, flip=flip)
    app: App = unlock_by_keys(qtbot, app_settings, vault, tmp_path)
    try:
        qtbot.waitUntil(lambda: app.window is not None, timeout=20_000)
        window = app.window
        assert window is not None and window.journal_banner is not None
        banner = window.journal_banner
        qtbot.waitUntil(banner.isVisible)
        text = banner.label.text()
        assert ("integrity check" in text) if flip else ("cut off" in text)
        names = [row.full_name for row in window.session.ws.cases.rows()]  # type: ignore[union-attr]
        assert names == ([] if flip else ["Зайцев Олег Игоревич"])
        click(qtbot, banner.dismiss)
        assert not banner.isVisible()
    finally:
        app.shutdown()
        app.start_window.close()


def test_no_banner_when_every_save_was_read(window: MainWindow) -> None:
    assert window.journal_banner is None
