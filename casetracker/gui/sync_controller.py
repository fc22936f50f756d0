"""The team sync in the background: the network off the GUI thread, the database on it.

One `SyncController` per unlocked vault that is in a team (`TeamService.state()`). It syncs at
unlock, every few minutes, a few seconds after a save that leaves changes to send, when the
server says that a teammate appended something (LISTEN/NOTIFY, heard by a thread holding its
own connection), and when asked ("Sync now"). A round is the service's four steps: `fetch` and
`send` on a worker thread (a connection may take seconds to fail), `merge` and `sent` here on
the GUI thread, which owns the vault's one writing connection. Someone quicker on the server
means another round, a few at most.

The network threads are daemon threads that cannot be cut short inside psycopg: `stop` (lock,
quit) drops their results instead of waiting (never blocking the GUI thread on the network),
and each ends by itself within the connection timeout; the listener looks at its stop flag
every `LISTEN_POLL_S`. Nothing they bring back reaches a vault after it is locked.
"""

from __future__ import annotations

import contextlib
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from casetracker.gui.error_messages import error_text
from casetracker.services.team import Offline, ServerDishonest, TeamService

if TYPE_CHECKING:
    from casetracker.gui.vault_session import VaultSession
    from casetracker.model import TeamState

T = TypeVar("T")

PERIOD_MS = 5 * 60_000  # a sync every five minutes, news or not
AFTER_SAVE_MS = 3_000  # a burst of edits is one sync
AFTER_NEWS_MS = 300  # several teammates' appends at once are one sync
STATUS_MS = 200  # the status bar reads the counts at most this often
MAX_ROUNDS = 5
LISTEN_POLL_S = 1.0
LISTEN_RETRY_S = 60.0


class Problem(StrEnum):
    NONE = ""
    OFFLINE = "offline"
    DISHONEST = "dishonest"
    OTHER = "other"


@dataclass(frozen=True)
class SyncView:
    """What the status bar shows: counts from the vault, the last round's outcome."""

    to_send: int
    conflicts: int
    waiting: bool
    syncing: bool
    problem: Problem
    message: str
    last_sync_at: datetime | None


class _Ticket:
    """One controller's claim on the answers of its worker threads; `stop` voids it."""

    def __init__(self) -> None:
        self.live = True


class _Relay(QObject):
    """Carries a worker's answer to the GUI thread (it lives there, for the whole process, so
    a late answer never meets a deleted object)."""

    arrived = Signal(object, object)  # _Ticket, the call to make on the GUI thread

    def __init__(self) -> None:
        super().__init__()
        self.arrived.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, ticket: _Ticket, call: Callable[[], None]) -> None:
        if ticket.live:
            call()


_RELAY: _Relay | None = None


def _relay() -> _Relay:
    global _RELAY
    if _RELAY is None:  # made on the GUI thread: the first controller is
        _RELAY = _Relay()
    return _RELAY


class _Listener:
    """A thread holding its own server connection, LISTENing for teammates' appends."""

    def __init__(
        self,
        state: TeamState,
        listen: Callable[[TeamState], Any],
        ticket: _Ticket,
        on_news: Callable[[], None],
    ) -> None:
        self._state: TeamState | None = state
        self._listen = listen
        self._ticket = ticket
        self._on_news = on_news
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="casetracker-listen", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        lost = False
        while not self._stop.is_set() and self._state is not None:
            try:
                with self._listen(self._state) as conn:
                    if lost:  # back after a break: what was appended meanwhile, now
                        _relay().arrived.emit(self._ticket, self._on_news)
                    while not self._stop.is_set():
                        if conn.wait_for_news(LISTEN_POLL_S) and not self._stop.is_set():
                            _relay().arrived.emit(self._ticket, self._on_news)
            except Exception:  # offline, or refused: the sync itself says so; listen later
                lost = True
            self._stop.wait(LISTEN_RETRY_S)
        self._state = None  # it holds the server password


class SyncController(QObject):
    """The background sync of one unlocked vault. `changed`: what `view()` says may differ."""

    changed = Signal()

    def __init__(self, session: VaultSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: VaultSession | None = session
        _relay()
        self._ticket = _Ticket()
        self.active = False
        self.syncing = False
        self._paused = False
        self._again = False
        self._rounds = 0
        # `sent` for records already on the server, held while paused: never dropped, or
        # the next sync would send them again.
        self._deferred: Callable[[], None] | None = None
        self.problem = Problem.NONE
        self.message = ""
        self._listener: _Listener | None = None
        self._view: SyncView | None = None
        self._period = self._timer(PERIOD_MS, self.sync_now, single=False)
        self._after_save = self._timer(AFTER_SAVE_MS, self.sync_now)
        self._after_news = self._timer(AFTER_NEWS_MS, self.sync_now)
        self._recount = self._timer(STATUS_MS, self._count)
        session.changed.connect(self._on_vault_changed)
        session.save_state_changed.connect(self._on_save_state)

    def _timer(self, ms: int, slot: Callable[[], None], *, single: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    # -- starting and stopping ------------------------------------------------------------
    def start(self) -> None:
        """Begin if the vault is in a team (at unlock; again after joining one in Settings)."""
        session = self._session
        if self.active or session is None or not session.is_open or session.ws.read_only:
            return
        state = session.ws.team.state()
        if state is None:
            return
        self.active = True
        self._period.start()
        self._listener = _Listener(state, TeamService.listen, self._ticket, self._on_news)
        self._listener.start()
        self._count()
        self.sync_now()

    def pause(self) -> None:
        """Locking has begun (its final save): no database step until `resume` or `stop`."""
        self._paused = True

    def resume(self) -> None:
        self._paused = False
        deferred, self._deferred = self._deferred, None
        if deferred is not None:
            deferred()
        elif self._again:
            self.sync_now()

    def stop(self) -> None:
        """Lock or quit: forget every answer still on its way; the threads end by themselves."""
        self._ticket.live = False
        self._ticket = _Ticket()
        self._deferred = None
        self.active = self.syncing = False
        for timer in (self._period, self._after_save, self._after_news, self._recount):
            timer.stop()
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        session, self._session = self._session, None
        if session is not None:
            for signal, slot in (
                (session.changed, self._on_vault_changed),
                (session.save_state_changed, self._on_save_state),
            ):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(slot)
        self._view = None

    # -- what to show ---------------------------------------------------------------------
    def view(self) -> SyncView | None:
        """None: this vault is not in a team (nothing team-related is shown)."""
        return self._view if self.active else None

    def _count(self) -> None:
        session = self._session
        if session is None or not session.is_open:
            return
        if not self.active:
            self.start()  # joined or founded a team in Settings meanwhile
            if not self.active:
                return
        status = session.ws.team.status()
        last = status.last_sync_at
        self._view = SyncView(
            status.to_send,
            status.open_conflicts,
            status.waiting,
            self.syncing,
            self.problem,
            self.message,
            last if isinstance(last, datetime) else None,
        )
        self.changed.emit()

    def _on_vault_changed(self) -> None:
        self._recount.start()

    def _on_save_state(self, state: str, _message: str) -> None:
        from casetracker.gui.saver import SaveState

        if state != SaveState.SAVED.value or not self.active or self._session is None:
            return
        self._count()
        if self._view is not None and self._view.to_send and not self.syncing:
            self._after_save.start()

    def _on_news(self) -> None:
        if self.active:
            self._after_news.start()

    # -- a sync ---------------------------------------------------------------------------
    def sync_now(self) -> None:
        """A round now, or right after the one under way."""
        if not self.active:
            self.start()
            return
        if self.syncing or self._paused:
            self._again = True
            return
        self._again = False
        self._rounds = 0
        self.syncing = True
        self._count()
        self._round()

    def _round(self) -> None:
        session = self._session
        if session is None or self._paused:
            self._finish()
            return
        team = session.ws.team
        state = team.state()
        if state is None:
            self._finish()
            return
        self._rounds += 1
        self._on_worker(lambda: team.fetch(state), self._fetched)

    def _fetched(self, fetched: Any) -> None:
        session = self._session
        if session is None or self._paused:
            self._again = True
            self._finish()
            return
        team = session.ws.team
        outgoing, report = team.merge(fetched)
        if report.received or report.conflicts:
            # Undo would write our old values back over teammates' newer ones, unseen (the
            # merge never picks a side silently; undo must not either): it starts afresh.
            session.undo_stack.clear()
            session.committed()  # save, and every view and open case shows their changes
        else:
            session.saver.schedule()  # the sync's own bookkeeping
        if not outgoing:
            if report.more:
                self._round()  # a long chain comes page by page
                return
            self._succeeded()
            return
        state = team.state()
        assert state is not None
        self._on_worker(
            lambda: team.send(state, outgoing), lambda done: self._sent(len(outgoing), done)
        )

    def _sent(self, wanted: int, done: Any) -> None:
        session = self._session
        if session is None:
            return
        if self._paused:  # a team job or the lock's save writes now: after it
            self._deferred = lambda: self._guarded(lambda: self._sent(wanted, done))()
            return
        session.ws.team.sent(done)
        session.saver.schedule()
        if len(done) < wanted and self._rounds < MAX_ROUNDS and not self._paused:
            # Someone was quicker: take theirs in first, after a short random wait, so that
            # teammates who synced at the same moment do not keep racing each other.
            ticket = self._ticket
            delay = int(random.uniform(50, 250) * min(self._rounds, 8))

            def again() -> None:
                if ticket.live:
                    self._round()

            QTimer.singleShot(delay, again)
            return
        self._succeeded()

    def _succeeded(self) -> None:
        self.problem, self.message = Problem.NONE, ""
        self._finish()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, Offline):
            self.problem = Problem.OFFLINE
        elif isinstance(exc, ServerDishonest):
            self.problem = Problem.DISHONEST
        else:
            self.problem = Problem.OTHER
        self.message = error_text(exc)
        self._finish()

    def _finish(self) -> None:
        self.syncing = False
        self._count()
        if self._again and self.active and not self._paused:
            self.sync_now()

    def _guarded(self, step: Callable[[], None]) -> Callable[[], None]:
        """`step`, with its errors shown in the status bar rather than the crash dialog."""

        def call() -> None:
            try:
                step()
            except Exception as exc:  # typed ones in their words; others generically
                self._failed(exc)

        return call

    def _on_worker(self, work: Callable[[], T], then: Callable[[T], None]) -> None:
        """`work()` on a daemon thread; `then(result)` (or `_failed`) back on the GUI thread,
        unless stopped meanwhile. Errors of the GUI-thread step are caught too: a failed sync
        never reaches the crash dialog."""
        ticket = self._ticket
        guarded = self._guarded

        def run() -> None:
            try:
                result = work()
            except Exception as exc:
                error = exc
                _relay().arrived.emit(ticket, guarded(lambda: self._failed(error)))
                return
            _relay().arrived.emit(ticket, guarded(lambda: then(result)))

        threading.Thread(target=run, name="casetracker-sync", daemon=True).start()
