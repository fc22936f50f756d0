"""What the app keeps in memory about one open vault's database, besides the database itself.

One `VaultState` per database (`storage.database` makes it with the engine), owned by the open
vault (`services.workspace.Workspace.state`), which forgets it on lock, on close and when a
restored backup replaces the database. It holds:

- ``connection``: the one SQLite connection every session shares (see `database.writing`);
- ``hidden_writes``: rows written that changed no data (change capture emptying its shadow
  tables at a save), left out of the change count so a save forgets nothing remembered;
- the remembered values: facts computed from the committed database (the case list, the
  rules' facts, the search index), each with the change count it holds for;
- the change ledger: what each described write touched, so a remembered value is updated for
  the cases that changed instead of computed afresh;
- the kept objects (`Kept`): per-vault caches a service checks itself, such as the duplicate
  search's names and their keys.

Everything but the connection and the count is worked out from the vault's data (names among
it): `forget` drops it. Code that has only an engine reaches the state through `state_of`, the
one lookup by engine.
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
from typing import Any, Generic, TypeVar, cast

from sqlalchemy import Engine

T = TypeVar("T")

# Which cases the rows written to each table belong to; None for a table where some written
# row could not be tied to a case (a place, a setting, a bulk write), i.e. "anything may have
# changed there".
CasesByTable = Mapping[str, frozenset[uuid.UUID] | None]

# Beyond this many described writes since a remembered value, it is computed afresh.
MAX_STEPS = 500
# Beyond this many changed cases, a remembered value is computed afresh, not updated.
MAX_UPDATED_CASES = 2000


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


class Kept(Generic[T]):
    """A name for one per-vault object a service keeps while the vault is open, made by
    ``make`` on first use (`VaultState.kept`). The service decides itself when the object's
    contents are out of date; `VaultState.forget` drops it."""

    def __init__(self, name: str, make: Callable[[], T]) -> None:
        self.name = name
        self.make = make


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


class VaultState:
    """The connection, change count, remembered values, change ledger and kept objects of one
    vault's database (see the module's docstring)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.hidden_writes = 0
        # {name: (change count, value, whether it can be updated from the ledger)}
        self._remembered: dict[str, tuple[int, Any, bool]] = {}
        self._ledger: _Ledger | None = None
        self._kept: dict[Kept[Any], Any] = {}
        # Moves at each `forget`: a value worked out across one is not kept (a restored backup
        # does not stop the jobs computing from the database it replaces).
        self._forgotten = 0
        self._lock = threading.Lock()

    # -- the change count -------------------------------------------------------------------
    def hide_writes(self, rows: int) -> None:
        """`rows` just written changed no data: keep them out of the change count."""
        self.hidden_writes += rows

    def change_count(self) -> int | None:
        """A number that moves whenever the database may have changed, or None while a write
        transaction is open (its rows are not committed yet, so nothing may be remembered).

        It is SQLite's count of rows written by this connection since it was opened: every
        change to the vault goes through this one connection. A rolled-back change moves it
        too, which only makes `remembered` compute again.
        """
        if self.connection.in_transaction:
            return None
        return self.connection.total_changes - self.hidden_writes

    def write_count(self) -> int:
        """SQLite's count of rows written so far, inside a write transaction too."""
        return self.connection.total_changes - self.hidden_writes

    # -- the change ledger ------------------------------------------------------------------
    def note_changes(self, before: int, after: int, changes: Changes) -> None:
        """Describe the writes that moved the count from ``before`` to ``after`` (one flush).

        Only a description that starts where the last one ended extends the ledger; after any
        undescribed write (raw SQL, a bulk insert, a session without the hook) it starts
        afresh, so values remembered before that write are computed again, never patched.
        """
        with self._lock:
            ledger = self._ledger
            if ledger is None or ledger.end != before:
                ledger = self._ledger = _Ledger(start=before, end=before)
            ledger.steps.append((after, changes))
            ledger.end = after
            # Forget what no remembered value can still need.
            counts = [count for count, _, updatable in self._remembered.values() if updatable]
            oldest = min(counts, default=after)
            keep = [step for step in ledger.steps if step[0] > oldest][-MAX_STEPS:]
            if len(keep) < len(ledger.steps):
                dropped = ledger.steps[len(ledger.steps) - len(keep) - 1]
                ledger.start = dropped[0]
                ledger.steps = keep

    def changes_since(self, count: int) -> Changes | None:
        """What was written since change count ``count``, or None when that is not known."""
        now = self.change_count()
        with self._lock:
            return self._changes_since(count, now)

    def _changes_since(self, count: int, now: int | None) -> Changes | None:
        if now is None:
            return None
        if now == count:
            return Changes()
        ledger = self._ledger
        if ledger is None or ledger.end != now or count < ledger.start:
            return None
        out = Changes()
        for after, changes in ledger.steps:
            if after > count:
                out = out | changes
        return out

    # -- remembered values ------------------------------------------------------------------
    def remembered(
        self,
        name: str,
        compute: Callable[[], T],
        *,
        tables: Collection[str] = (),
        update: Callable[[T, frozenset[uuid.UUID]], T] | None = None,
    ) -> T:
        """`database.remembered` (which says how) for this vault."""
        count = self.change_count()
        if count is None:
            return compute()
        old: T | None = None
        changed: frozenset[uuid.UUID] | None = None
        with self._lock:
            generation = self._forgotten
            known = self._remembered.get(name)
            if known is not None and known[0] == count:
                return cast(T, known[1])
            if known is not None and update is not None:
                old = known[1]
                changes = self._changes_since(known[0], count)
                changed = changes.cases_in(tables) if changes is not None else None
        with _collector_paused():
            if old is None or update is None or changed is None or len(changed) > MAX_UPDATED_CASES:
                value = compute()
            else:
                value = update(old, changed) if changed else old
        if self.change_count() == count:
            with self._lock:
                if self._forgotten == generation:
                    self._remembered[name] = (count, value, update is not None)
        return value

    # -- kept objects -----------------------------------------------------------------------
    def kept(self, slot: Kept[T]) -> T:
        """The object kept under ``slot`` for this vault, made now if there is none yet."""
        with self._lock:
            if slot not in self._kept:
                self._kept[slot] = slot.make()
            return cast(T, self._kept[slot])

    # -- forgetting -------------------------------------------------------------------------
    def held(self) -> list[str]:
        """What is held now that was worked out from the data: the remembered values' and
        kept objects' names, and "ledger" (to check what a lock leaves behind)."""
        with self._lock:
            ledger = [] if self._ledger is None else ["ledger"]
            return [*self._remembered, *(slot.name for slot in self._kept), *ledger]

    def forget(self) -> None:
        """Drop everything worked out from the vault's data: the remembered values, the
        ledger, the kept objects. For a lock, a close, or a database replaced by a backup;
        what is asked afterwards is worked out afresh."""
        with self._lock:
            self._forgotten += 1
            self._remembered.clear()
            self._ledger = None
            self._kept.clear()


# The only lookup by engine: storage functions, change capture, the team merge, benchmarks
# and tests get an engine and reach its state here. Weak, so an engine dropped without a
# close takes its state with it.
_STATES: weakref.WeakKeyDictionary[Engine, VaultState] = weakref.WeakKeyDictionary()


def attach(engine: Engine, state: VaultState) -> None:
    """Make ``state`` the state of ``engine`` (once, where the engine is made)."""
    _STATES[engine] = state


def state_of(engine: Engine) -> VaultState | None:
    """The state of an engine made by `storage.database`; None for any other engine."""
    return _STATES.get(engine)
