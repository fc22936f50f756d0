"""The working database: SQLite in memory, loaded from and saved to the vault payload.

SQLite never gets a file name, so it never writes a database, journal, WAL or temp file to
disk; the only copy at rest is the encrypted vault. `snapshot` turns the database into bytes
for `VaultFile.prepare`; `engine_from_snapshot` turns a decrypted payload back into a
database that SQLAlchemy/SQLModel use through a single shared connection (StaticPool).
"""

from __future__ import annotations

import gc
import sqlite3
import threading
import uuid
import weakref
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.pool import StaticPool

from casetracker import cancellation
from casetracker.storage import memdb

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# Applied after loading a snapshot too: deserialize() replaces the database, and these keep
# every temporary structure (sorts, indexes under construction, rollback data) in memory.
_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA journal_mode=MEMORY",
)

# The raw connection behind each engine. snapshot() reads it directly: checking a connection
# out of the pool and back in would make SQLAlchemy roll back the shared connection, undoing
# another session's work in progress.
_CONNECTIONS: weakref.WeakKeyDictionary[Engine, sqlite3.Connection] = weakref.WeakKeyDictionary()
# Rows written that changed no data (change capture emptying its shadow tables at a save), per
# engine: left out of `change_count` and `write_count`, so a save forgets nothing remembered.
_HIDDEN_WRITES: weakref.WeakKeyDictionary[Engine, int] = weakref.WeakKeyDictionary()


# Values computed from the committed database, per engine:
# {name: (change count, value, whether it can be updated from the ledger)}.
_REMEMBERED: weakref.WeakKeyDictionary[Engine, dict[str, tuple[int, Any, bool]]] = (
    weakref.WeakKeyDictionary()
)
_REMEMBERED_LOCK = threading.Lock()

SqlValue = str | bytes | int | float | None
T = TypeVar("T")


def fold(text: SqlValue) -> SqlValue:
    """SQL `fold(x)`: Unicode case folding, so 'александр' finds 'АЛЕКСАНДР'.

    SQLite's own lower()/LIKE only fold ASCII. Non-text values pass through unchanged.
    """
    return text.casefold() if isinstance(text, str) else text


class _SharedConnection(sqlite3.Connection):
    """The one connection every session of a vault shares, whichever thread it runs on.

    A session closed on a worker thread (a report, an export) rolls its connection back, and
    the connection is this one: a unit of work another thread had flushed but not yet committed
    would be undone under it, silently. While a thread holds the connection for writing
    (`writing`), a rollback asked from any other thread is a no-op: that thread has written
    nothing of its own to undo.
    """

    writer: int | None = None
    depth = 0

    def rollback(self) -> None:
        writer = self.writer
        if writer is not None and writer != threading.get_ident():
            return
        super().rollback()


@contextmanager
def writing(engine: Engine) -> Iterator[None]:
    """Hold the engine's connection for this thread's unit of work (see `_SharedConnection`)."""
    raw = _CONNECTIONS.get(engine)
    me = threading.get_ident()
    if not isinstance(raw, _SharedConnection) or raw.writer not in (None, me):
        yield
        return
    raw.writer = me
    raw.depth += 1
    try:
        yield
    finally:
        raw.depth -= 1
        if not raw.depth:
            raw.writer = None


def _connect(load: Callable[[sqlite3.Connection], None] | None) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", check_same_thread=False, factory=_SharedConnection)
    if load is not None:
        # A resizable, SQLite-owned image, so the loaded database accepts inserts and grows
        # like a fresh one, also past SQLite's default 1 GiB (see `memdb`).
        load(conn)
    for pragma in _PRAGMAS:
        conn.execute(pragma)
    conn.create_function("fold", 1, fold, deterministic=True)
    return conn


def _stop_if_cancelled(*_args: object) -> None:
    cancellation.check()


def engine_from_snapshot(snapshot: bytes | bytearray | None) -> Engine:
    """An engine over a private in-memory database, empty or loaded from `snapshot`.

    All sessions share the one connection, so the engine is for one vault in one process;
    `check_same_thread=False` lets a worker thread serialise it for saving.
    """
    if not snapshot:
        return _engine(_connect(None))
    image = snapshot  # narrowed, for the closure
    return _engine(_connect(lambda conn: memdb.load_bytes(conn, image)))


def engine_from_image(size: int, fill: memdb.Fill) -> Engine:
    """`engine_from_snapshot` for a snapshot of ``size`` bytes that ``fill(view)`` writes into
    SQLite's own memory (e.g. decompresses there), so the snapshot is never held twice: at
    20,000 cases that is 210 MB less at the peak of unlocking. ``fill`` must write all of
    ``view`` and keep no reference to it; what it raises is raised here."""
    return _engine(_connect(lambda conn: memdb.load(conn, size, fill)))


def _engine(conn: sqlite3.Connection) -> Engine:
    engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
    # A cancelled background job runs no further statement (``interrupt`` stops one already
    # running).
    event.listen(engine, "before_cursor_execute", _stop_if_cancelled)
    _CONNECTIONS[engine] = conn
    return engine


def interrupt(engine: Engine) -> None:
    """Stop the statements running on the engine's connection now (they fail "interrupted").

    For stopping cancelled jobs from another thread while the caller runs no statement itself.
    SQLite's interrupt takes no lock, unlike a Python progress handler, which would have to
    take the GIL while holding the connection's mutex (a deadlock with a thread that holds the
    GIL and waits for the mutex).
    """
    raw = _CONNECTIONS.get(engine)
    if raw is not None:
        raw.interrupt()


def snapshot(engine: Engine) -> bytes:
    """The whole committed database as bytes (SQLite's own file format), for the vault.

    Refuses while a write transaction is open: its uncommitted rows would be saved.
    """
    raw = _CONNECTIONS.get(engine)
    if raw is None:
        raise TypeError("snapshot() needs an engine from engine_from_snapshot()")
    if raw.in_transaction:
        raise RuntimeError("commit or roll back before taking a snapshot")
    return raw.serialize()


def raw_connection(engine: Engine) -> sqlite3.Connection:
    """The one SQLite connection behind an engine from `engine_from_snapshot` (for the storage
    layer's own statements: change capture, snapshots)."""
    raw = _CONNECTIONS.get(engine)
    if raw is None:
        raise TypeError("needs an engine from engine_from_snapshot()")
    return raw


def hide_writes(engine: Engine, rows: int) -> None:
    """`rows` just written changed no data: keep them out of the change count."""
    _HIDDEN_WRITES[engine] = _HIDDEN_WRITES.get(engine, 0) + rows


def refuse_writes(engine: Engine, refusal: Callable[[], Exception]) -> None:
    """Make the database read-only (a vault opened read-only): any statement that would
    write raises ``refusal()`` instead, whichever session or service issued it.

    SQLite's ``query_only`` stops every write at the source, so none can slip past a check
    in the services and be lost later, unsaved.
    """
    raw = _CONNECTIONS[engine]
    raw.execute("PRAGMA query_only = ON")

    def convert(context: ExceptionContext) -> None:
        original = context.original_exception
        if isinstance(original, sqlite3.OperationalError) and "readonly" in str(original):
            raise refusal() from None

    event.listen(engine, "handle_error", convert)


def change_count(engine: Engine) -> int | None:
    """A number that moves whenever the database may have changed, or None while a write
    transaction is open (its rows are not committed yet, so nothing may be remembered).

    It is SQLite's count of rows written by this connection since it was opened: every change
    to the vault goes through this one connection. A rolled-back change moves it too, which
    only makes `remembered` compute again.
    """
    raw = _CONNECTIONS.get(engine)
    if raw is None or raw.in_transaction:
        return None
    return raw.total_changes - _HIDDEN_WRITES.get(engine, 0)


def write_count(engine: Engine) -> int | None:
    """SQLite's count of rows written so far, inside a write transaction too (for
    `note_changes`); None for an engine not made by `engine_from_snapshot`."""
    raw = _CONNECTIONS.get(engine)
    return None if raw is None else raw.total_changes - _HIDDEN_WRITES.get(engine, 0)


#: Which cases the rows written to each table belong to; None for a table where some written
#: row could not be tied to a case (a place, a setting, a bulk write), i.e. "anything may have
#: changed there".
CasesByTable = Mapping[str, frozenset[uuid.UUID] | None]


@dataclass(frozen=True)
class Changes:
    """What the writes between two change counts touched, table by table."""

    by_table: CasesByTable = field(default_factory=dict)

    def cases_in(self, tables: Collection[str]) -> frozenset[uuid.UUID] | None:
        """The cases whose rows in ``tables`` may have changed; None when that is unknown."""
        out: set[uuid.UUID] = set()
        for table in tables:
            if table in self.by_table:
                cases = self.by_table[table]
                if cases is None:
                    return None
                out.update(cases)
        return frozenset(out)

    def __or__(self, other: Changes) -> Changes:
        merged: dict[str, frozenset[uuid.UUID] | None] = dict(self.by_table)
        for table, cases in other.by_table.items():
            mine = merged.get(table, frozenset())
            merged[table] = None if mine is None or cases is None else mine | cases
        return Changes(merged)


@dataclass
class _Ledger:
    """Described writes, in order: every write after count ``start`` up to ``end`` is in
    ``steps`` as (count after it, what it touched). A write nobody described leaves a gap:
    ``end`` no longer matches SQLite's count, and nothing before the gap can be updated."""

    start: int
    end: int
    steps: list[tuple[int, Changes]] = field(default_factory=list)


_LEDGERS: weakref.WeakKeyDictionary[Engine, _Ledger] = weakref.WeakKeyDictionary()
#: Beyond this many described writes since a remembered value, it is computed afresh.
MAX_STEPS = 500
#: Beyond this many changed cases, a remembered value is computed afresh, not updated.
MAX_UPDATED_CASES = 2000


def note_changes(engine: Engine, before: int, after: int, changes: Changes) -> None:
    """Describe the writes that moved the count from ``before`` to ``after`` (one ORM flush).

    Only a description that starts where the last one ended extends the ledger; after any
    undescribed write (raw SQL, a bulk insert, a session without the hook) it starts afresh,
    so values remembered before that write are computed again, never patched.
    """
    with _REMEMBERED_LOCK:
        ledger = _LEDGERS.get(engine)
        if ledger is None or ledger.end != before:
            ledger = _LEDGERS[engine] = _Ledger(start=before, end=before)
        ledger.steps.append((after, changes))
        ledger.end = after
        # Forget what no remembered value can still need.
        values = _REMEMBERED.get(engine, {}).values()
        counts = [count for count, _, updatable in values if updatable]
        oldest = min(counts, default=after)
        keep = [step for step in ledger.steps if step[0] > oldest][-MAX_STEPS:]
        if len(keep) < len(ledger.steps):
            dropped = ledger.steps[len(ledger.steps) - len(keep) - 1]
            ledger.start = dropped[0]
            ledger.steps = keep


def changes_since(engine: Engine, count: int) -> Changes | None:
    """What was written since change count ``count``, or None when that is not known."""
    now = change_count(engine)
    with _REMEMBERED_LOCK:
        return _changes_since(engine, count, now)


def _changes_since(engine: Engine, count: int, now: int | None) -> Changes | None:
    if now is None:
        return None
    if now == count:
        return Changes()
    ledger = _LEDGERS.get(engine)
    if ledger is None or ledger.end != now or count < ledger.start:
        return None
    out = Changes()
    for after, changes in ledger.steps:
        if after > count:
            out = out | changes
    return out


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while a remembered value is worked out.

    Such a value is hundreds of thousands of new, long-lived objects without cycles (the facts,
    the list, the flags), and every few thousand of them the collector walked all the objects
    alive, again and again: a third of working out the first screen at 100,000 cases, a
    quarter at 20,000. Collection resumes afterwards (unless someone else had stopped it).
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def remembered(
    engine: Engine,
    name: str,
    compute: Callable[[], T],
    *,
    tables: Collection[str] = (),
    update: Callable[[T, frozenset[uuid.UUID]], T] | None = None,
) -> T:
    """``compute()``, kept until the database changes (see `change_count`).

    For facts derived in bulk from many rows (the case list, the rules' facts) that views ask
    for again and again between edits. The value is shared: callers must not modify it.

    With ``update``, a value that depends only on the rows of ``tables`` belonging to each case
    is brought up to date instead: ``update(old, cases)`` gets the cases whose rows there may
    have changed, and must return a new value (the old one may still be in use). That needs
    every write since the old value to be described (`note_changes`); otherwise, or when too
    many cases changed, ``compute()`` runs.
    """
    count = change_count(engine)
    if count is None:
        return compute()
    old: T | None = None
    changed: frozenset[uuid.UUID] | None = None
    with _REMEMBERED_LOCK:
        known = _REMEMBERED.get(engine, {}).get(name)
        if known is not None and known[0] == count:
            return cast(T, known[1])
        if known is not None and update is not None:
            old = known[1]
            changes = _changes_since(engine, known[0], count)
            changed = changes.cases_in(tables) if changes is not None else None
    with _collector_paused():
        if old is None or update is None or changed is None or len(changed) > MAX_UPDATED_CASES:
            value = compute()
        else:
            value = update(old, changed) if changed else old
    if change_count(engine) == count:
        with _REMEMBERED_LOCK:
            _REMEMBERED.setdefault(engine, {})[name] = (count, value, update is not None)
    return value


def remembered_in(
    session: Session,
    name: str,
    compute: Callable[[], T],
    *,
    tables: Collection[str] = (),
    update: Callable[[T, frozenset[uuid.UUID]], T] | None = None,
) -> T:
    """`remembered` for the engine ``session`` is bound to (anything else: computed afresh)."""
    bind = session.get_bind()
    if not isinstance(bind, Engine):
        return compute()
    return remembered(bind, name, compute, tables=tables, update=update)
