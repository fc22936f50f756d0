"""The status bar follows the team sync: changes to send after an edit, up to date after a
sync, offline when the server cannot be reached; a vault without a team shows none of it."""

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from psycopg.conninfo import make_conninfo
from pytestqt.qtbot import QtBot

from casetracker.gui.main_window import CONFLICTS, MainWindow
from casetracker.gui.widgets.sync_status import MAX_WIDTH
from casetracker.model import TeamState
from casetracker.services.team import TeamService
from tests.gui.team_windows import UP_TO_DATE, found_team, press_f5, type_home_region, window_over
from tests.team.pg_cluster import TeamDb, free_port


@pytest.fixture
def anna_window(qtbot: QtBot, tmp_path: Path, team_db: TeamDb) -> Iterator[MainWindow]:
    team = found_team(tmp_path, team_db, with_boris=False)
    with window_over(qtbot, team.anna) as window:
        yield window


def test_an_edit_waits_to_be_sent_then_the_sync_sends_it(
    qtbot: QtBot, anna_window: MainWindow
) -> None:
    status = anna_window.sync_status
    assert not anna_window.nav.item(CONFLICTS).isHidden()
    type_home_region(qtbot, anna_window, "Oblast Nine")
    # The case row (its History entry goes with it, uncounted); tests load no catalogue, so
    # English reads "(s)".
    to_send = re.compile(r"1 change(\(s\))? to send")
    qtbot.waitUntil(lambda: bool(to_send.fullmatch(status.text())), timeout=5_000)
    press_f5(qtbot, anna_window)
    qtbot.waitUntil(lambda: status.text() == UP_TO_DATE, timeout=10_000)
    assert "Last synced with the team" in status.label.toolTip()


def test_without_the_server_the_edit_is_kept_and_the_bar_says_offline(
    qtbot: QtBot, anna_window: MainWindow
) -> None:
    assert anna_window.session is not None
    ws = anna_window.session.ws
    with ws.session() as session:  # the server moved away: nothing listens on its port now
        state = session.get(TeamState, 1)
        assert state is not None
        state.dsn = make_conninfo(state.dsn, port=free_port())
    type_home_region(qtbot, anna_window, "Oblast Ten")
    press_f5(qtbot, anna_window)
    offline = "Offline — changes are kept and sent later"
    qtbot.waitUntil(lambda: anna_window.sync_status.text() == offline, timeout=15_000)
    assert ws.team.status().to_send > 0


def test_a_vault_outside_a_team_shows_nothing_of_it(main_window: MainWindow) -> None:
    assert main_window.sync_status.isHidden()
    assert main_window.nav.item(CONFLICTS).isHidden()
    assert not main_window.sync_action.isEnabled()


def test_locking_stops_the_sync_and_its_listener(qtbot: QtBot, anna_window: MainWindow) -> None:
    session = anna_window.session
    assert session is not None
    sync = anna_window.sync
    press_f5(qtbot, anna_window)  # a round on its way while the vault locks, as App.lock does
    session.stop_jobs()
    session.save_now()
    anna_window.teardown()
    session.close(discard=True)
    assert not sync.active and sync.view() is None and session.sync is None
    qtbot.waitUntil(lambda: "casetracker-listen" not in _threads(), timeout=5_000)
    qtbot.wait(300)  # the round's answer, if it comes now, reaches nothing


def _threads() -> set[str]:
    return {thread.name for thread in threading.enumerate() if thread.is_alive()}


def test_a_refused_login_is_worded_and_a_long_reason_never_widens_the_bar(
    qtbot: QtBot, anna_window: MainWindow
) -> None:
    assert anna_window.session is not None
    ws = anna_window.session.ws
    with ws.session() as session:  # as for a member whose login was closed
        state = session.get(TeamState, 1)
        assert state is not None
        state.password = "not the password"
    press_f5(qtbot, anna_window)
    status = anna_window.sync_status
    qtbot.waitUntil(lambda: status.text().startswith("Not synced: "), timeout=10_000)
    reason = status.text().removeprefix("Not synced: ")
    assert reason and reason in status.label.toolTip()
    assert status.label.sizeHint().width() <= MAX_WIDTH + 20


def test_what_was_sent_while_paused_is_noted_once_resumed(
    qtbot: QtBot, anna_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A team job (or the lock's save) pauses the sync: the answer of a send already on its way
    waits for it, then is noted; never dropped, never written beside that job."""
    assert anna_window.session is not None
    ws = anna_window.session.ws
    sending, go = threading.Event(), threading.Event()
    send = TeamService.send

    def held_send(self: TeamService, *args: Any) -> Any:
        sending.set()
        go.wait(10)
        return send(self, *args)

    monkeypatch.setattr(TeamService, "send", held_send)
    type_home_region(qtbot, anna_window, "Oblast Eleven")
    press_f5(qtbot, anna_window)
    qtbot.waitUntil(sending.is_set, timeout=10_000)
    anna_window.sync.pause()
    go.set()
    qtbot.wait(500)  # the server has the change; this laptop has not noted it yet
    assert ws.team.status().to_send > 0 and anna_window.sync.syncing
    anna_window.sync.resume()
    qtbot.waitUntil(lambda: anna_window.sync_status.text() == UP_TO_DATE, timeout=10_000)
    assert ws.team.status().to_send == 0
