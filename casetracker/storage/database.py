"""The working database: SQLite in memory, loaded from and saved to the vault payload.

SQLite never gets a file name, so it never writes a database, journal, WAL or temp file to
disk; the only copy at rest is the encrypted vault. `snapshot` turns the database into bytes
for `VaultFile.prepare`; `engine_from_snapshot` turns a decrypted payload back into a
database that SQLAlchemy/SQLModel use through a single shared connection (StaticPool).
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import StaticPool

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


# Values computed from the committed database, per engine: (change count, {name: value}).
_REMEMBERED: weakref.WeakKeyDictionary[Engine, tuple[int, dict[str, Any]]] = (
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


def _connect(snapshot: bytes | None) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    if snapshot:
        # CPython's deserialize() asks for a resizable, SQLite-owned copy, so the loaded
        # database accepts inserts and grows like a fresh one.
        conn.deserialize(snapshot)
    for pragma in _PRAGMAS:
        conn.execute(pragma)
    conn.create_function("fold", 1, fold, deterministic=True)
    return conn


def engine_from_snapshot(snapshot: bytes | None) -> Engine:
    """An engine over a private in-memory database, empty or loaded from `snapshot`.

    All sessions share the one connection, so the engine is for one vault in one process;
    `check_same_thread=False` lets a worker thread serialise it for saving.
    """
    conn = _connect(snapshot)
    engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
    _CONNECTIONS[engine] = conn
    return engine


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
    return raw.total_changes


def remembered(engine: Engine, name: str, compute: Callable[[], T]) -> T:
    """``compute()``, kept until the database changes (see `change_count`).

    For facts derived in bulk from many rows (the case list, the rules' facts) that views ask
    for again and again between edits. The value is shared: callers must not modify it.
    """
    count = change_count(engine)
    if count is None:
        return compute()
    with _REMEMBERED_LOCK:
        known = _REMEMBERED.get(engine)
        if known is not None and known[0] == count and name in known[1]:
            return known[1][name]
    value = compute()
    if change_count(engine) == count:
        with _REMEMBERED_LOCK:
            known = _REMEMBERED.get(engine)
            values = known[1] if known is not None and known[0] == count else {}
            values[name] = value
            _REMEMBERED[engine] = (count, values)
    return value


def remembered_in(session: Session, name: str, compute: Callable[[], T]) -> T:
    """`remembered` for the engine ``session`` is bound to (anything else: computed afresh)."""
    bind = session.get_bind()
    return remembered(bind, name, compute) if isinstance(bind, Engine) else compute()
