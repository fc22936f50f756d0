"""Start: first run offers create/open; creating needs a sound passphrase and shows the recovery
key once; later runs go straight to unlock; a wrong passphrase is refused calmly, off-thread."""

from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from casetracker.gui.app import App
from casetracker.gui.app_settings import LAST_VAULT_KEY, AppSettings
from casetracker.services.passphrase_policy import MIN_PASSPHRASE_CHARS
from casetracker.services.workspace import Workspace
from tests.conftest import PASSPHRASE


def _app(app_settings: AppSettings, tmp_path: Path) -> App:
    app = App(settings=app_settings, default_path=tmp_path / "vaults" / "org.ctvault")
    app.start()
    return app


def test_first_run_offers_create_or_open(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path
) -> None:
    app = _app(app_settings, tmp_path)
    start = app.start_window
    assert start.page is start.welcome
    assert start.welcome.create_button.isVisible() and start.welcome.open_button.isVisible()
    start.close()


def test_create_needs_a_long_repeated_passphrase_and_shows_the_recovery_key_once(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path
) -> None:
    app = _app(app_settings, tmp_path)
    start = app.start_window
    qtbot.mouseClick(start.welcome.create_button, qtbot_button())
    page = start.create_page
    assert start.page is page
    qtbot.keyClicks(page.passphrase, "x" * (MIN_PASSPHRASE_CHARS - 1))
    assert not page.create_button.isEnabled()
    assert str(MIN_PASSPHRASE_CHARS) in page.message.text()
    page.passphrase.setText(PASSPHRASE)
    page.repeat.setText(PASSPHRASE + "typo")
    assert not page.create_button.isEnabled()
    assert "not the same" in page.message.text()
    page.repeat.setText(PASSPHRASE)
    assert page.create_button.isEnabled()
    assert page.strength.text()  # the meter says something about the strength
    qtbot.mouseClick(page.create_button, qtbot_button())
    qtbot.waitUntil(lambda: start.page is start.recovery, timeout=20_000)
    key = start.recovery.key.text()
    assert len(key.replace("-", "").replace(" ", "")) >= 20
    assert not start.recovery.continue_button.isEnabled()
    start.recovery.written.setChecked(True)
    qtbot.mouseClick(start.recovery.continue_button, qtbot_button())
    assert app.window is not None
    assert start.recovery.key.text() == ""  # shown once, then gone
    # The recovery key really opens the vault.
    path = tmp_path / "vaults" / "org.ctvault"
    app.lock()
    Workspace.open(path, recovery_key=key).close()
    app.shutdown()
    start.close()


def test_later_runs_go_straight_to_unlock_and_settings_hold_only_the_path(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path, vault_path: Path, ws: Workspace
) -> None:
    ws.close()
    app_settings.remember_vault(vault_path)
    app = _app(app_settings, tmp_path)
    start = app.start_window
    assert start.page is start.unlock
    assert vault_path.name in start.unlock.vault.text()
    start.unlock.passphrase.setText(PASSPHRASE)
    start.unlock.unlock()
    qtbot.waitUntil(lambda: app.window is not None, timeout=20_000)
    assert app_settings.keys() == [LAST_VAULT_KEY]
    text = Path(app_settings.file_name).read_text(encoding="utf-8")
    assert str(vault_path) in text and "Casetracker" not in text.replace(str(vault_path), "")
    app.shutdown()
    start.close()


def test_wrong_passphrase_is_refused_calmly_while_the_window_stays_responsive(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path, vault_path: Path, ws: Workspace
) -> None:
    ws.close()
    app_settings.remember_vault(vault_path)
    app = _app(app_settings, tmp_path)
    page = app.start_window.unlock
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    page.passphrase.setText("not the passphrase at all")
    page.unlock()
    assert not page.unlock_button.isEnabled()  # busy while the key derivation runs
    qtbot.waitUntil(lambda: page.job is None, timeout=20_000)
    timer.stop()
    assert len(ticks) >= 3  # the GUI thread kept running during the derivation
    assert "not correct" in page.message.text()
    assert "Traceback" not in page.message.text()
    assert page.passphrase.isEnabled() and page.unlock_button.isEnabled()
    assert app.window is None
    page.passphrase.setText(PASSPHRASE)
    page.unlock()
    qtbot.waitUntil(lambda: app.window is not None, timeout=20_000)
    app.shutdown()
    app.start_window.close()


def test_demo_mode_opens_a_throw_away_vault_and_removes_it(qtbot: QtBot, demo_app: App) -> None:
    assert demo_app.window is not None
    assert demo_app.session is not None and demo_app.session.ws.cases.count() == 60
    folder = demo_app.demo_dir
    assert folder is not None and folder.exists()
    assert demo_app.settings.keys() == []  # a demo vault is never remembered
    demo_app.shutdown()
    assert not folder.exists()


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
