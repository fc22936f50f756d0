"""GUI fixtures: a real vault (tests.conftest), a session over it, the app in demo mode.

Everything runs offscreen (tests/conftest.py). Settings go to a file in tmp_path, never to the
user's configuration folder.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from casetracker.gui.app import App
from casetracker.gui.app_settings import AppSettings
from casetracker.gui.main_window import MainWindow
from casetracker.gui.vault_session import VaultSession
from casetracker.services import demo
from casetracker.services.workspace import Workspace
from tests.team.conftest import pg_cluster, team_db  # noqa: F401 - one PostgreSQL per process


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    return AppSettings(tmp_path / "settings" / "Casetracker.ini")


@pytest.fixture
def session(ws: Workspace) -> Iterator[VaultSession]:
    s = VaultSession(ws)
    yield s
    s.close(discard=True)


@pytest.fixture
def demo_session(ws: Workspace) -> Iterator[VaultSession]:
    demo.generate(ws, 60)
    ws.save()
    s = VaultSession(ws, demo=True)
    yield s
    s.close(discard=True)


@pytest.fixture
def window(demo_session: VaultSession, qtbot: QtBot) -> Iterator[MainWindow]:
    w = MainWindow(demo_session)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.teardown()


@pytest.fixture
def main_window(session: VaultSession, qtbot: QtBot) -> Iterator[MainWindow]:
    """The main window over the session's vault, shown and active, ready for keys."""
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    yield window
    window.teardown()


@pytest.fixture
def demo_app(qtbot: QtBot, app_settings: AppSettings, tmp_path: Path) -> Iterator[App]:
    app = App(demo_mode=True, settings=app_settings, default_path=tmp_path / "new.ctvault")
    app.start()
    qtbot.waitUntil(lambda: app.window is not None, timeout=20_000)
    yield app
    app.shutdown()
    app.start_window.close()
