"""The working database: SQLite in memory, loaded from and saved to the vault payload.

SQLite never gets a file name, so it never writes a database, journal, WAL or temp file to
disk; the only copy at rest is the encrypted vault. `snapshot` turns the database into bytes
for `VaultFile.prepare`; `engine_from_snapshot` turns a decrypted payload back into a
database that SQLAlchemy/SQLModel use through a single shared connection (StaticPool).
What is kept in memory about that database besides it (the connection, the change count,
remembered values, the change ledger) is its `VaultState` (`storage/vault_state.py`); the
functions here that take an engine reach it there.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.pool import StaticPool

from casetracker import cancellation
from casetracker.storage import memdb

# Changes: imported from here by the services that describe their writes.
from casetracker.storage.vault_state import Changes as Changes
from casetracker.storage.vault_state import VaultState, attach, state_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# Applied after loading a snapshot too: deserialize() replaces the database, and these keep
# every temporary structure (sorts, indexes under construction, rollback data) in memory.
_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA journal_mode=MEMORY",
)

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
    state = state_of(engine)
    raw = None if state is None else state.connection
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
    # Everything kept about this database besides the database (see `vault_state`).
    attach(engine, VaultState(conn))
    return engine


def interrupt(engine: Engine) -> None:
    """Stop the statements running on the engine's connection now (they fail "interrupted").

    For stopping cancelled jobs from another thread while the caller runs no statement itself.
    SQLite's interrupt takes no lock, unlike a Python progress handler, which would have to
    take the GIL while holding the connection's mutex (a deadlock with a thread that holds the
    GIL and waits for the mutex).
    """
    state = state_of(engine)
    if state is not None:
        state.connection.interrupt()


def snapshot(engine: Engine) -> bytes:
    """The whole committed database as bytes (SQLite's own file format), for the vault.

    Refuses while a write transaction is open: its uncommitted rows would be saved.
    """
    state = state_of(engine)
    if state is None:
        raise TypeError("snapshot() needs an engine from engine_from_snapshot()")
    raw = state.connection
    if raw.in_transaction:
        raise RuntimeError("commit or roll back before taking a snapshot")
    return raw.serialize()


def raw_connection(engine: Engine) -> sqlite3.Connection:
    """The one SQLite connection behind an engine from `engine_from_snapshot` (for the storage
    layer's own statements: change capture, snapshots)."""
    return vault_state_of(engine).connection


def vault_state_of(engine: Engine) -> VaultState:
    """What is kept about the database behind an engine from `engine_from_snapshot`."""
    state = state_of(engine)
    if state is None:
        raise TypeError("needs an engine from engine_from_snapshot()")
    return state


def hide_writes(engine: Engine, rows: int) -> None:
    """`rows` just written changed no data: keep them out of the change count."""
    vault_state_of(engine).hide_writes(rows)


def refuse_writes(engine: Engine, refusal: Callable[[], Exception]) -> None:
    """Make the database read-only (a vault opened read-only): any statement that would
    write raises ``refusal()`` instead, whichever session or service issued it.

    SQLite's ``query_only`` stops every write at the source, so none can slip past a check
    in the services and be lost later, unsaved.
    """
    vault_state_of(engine).connection.execute("PRAGMA query_only = ON")

    def convert(context: ExceptionContext) -> None:
        original = context.original_exception
        if isinstance(original, sqlite3.OperationalError) and "readonly" in str(original):
            raise refusal() from None

    event.listen(engine, "handle_error", convert)


def change_count(engine: Engine) -> int | None:
    """`VaultState.change_count`: a number that moves whenever the database may have changed,
    or None while a write transaction is open (or for an engine not made here)."""
    state = state_of(engine)
    return None if state is None else state.change_count()


def write_count(engine: Engine) -> int | None:
    """SQLite's count of rows written so far, inside a write transaction too (for
    `note_changes`); None for an engine not made by `engine_from_snapshot`."""
    state = state_of(engine)
    return None if state is None else state.write_count()


def note_changes(engine: Engine, before: int, after: int, changes: Changes) -> None:
    """Describe the writes that moved the count from ``before`` to ``after`` (one ORM flush;
    see `VaultState.note_changes`)."""
    state = state_of(engine)
    if state is not None:
        state.note_changes(before, after, changes)


def changes_since(engine: Engine, count: int) -> Changes | None:
    """What was written since change count ``count``, or None when that is not known."""
    state = state_of(engine)
    return None if state is None else state.changes_since(count)


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
    many cases changed, ``compute()`` runs. Kept in the engine's `VaultState`, which forgets it
    when the vault is locked.
    """
    state = state_of(engine)
    if state is None:
        return compute()
    return state.remembered(name, compute, tables=tables, update=update)


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
