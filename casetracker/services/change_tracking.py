"""Which cases each flush wrote to, so remembered facts are updated for those cases only.

After every ORM flush of an audited session, the rows it wrote (and the rows SQLite's
``ON DELETE`` actions remove or clear with them) are described table by table: the cases they
belong to, or "unknown" for a row not tied to a case (a place, a setting, an audit entry).
`storage.database.note_changes` chains these descriptions by SQLite's change count, so a write
that bypasses them (raw SQL, a bulk insert, another session) leaves a gap and the remembered
facts are computed afresh: an undescribed write can make them slower, never wrong.

`replace_in` and `replace_cases` fold the cases read again into a remembered value.
"""

import uuid
from collections.abc import Collection, Iterable, Mapping
from functools import cache
from typing import Any, Protocol, TypeVar

from sqlalchemy import Engine, Table, event, inspect
from sqlalchemy.orm import Mapper
from sqlmodel import Session, SQLModel

from casetracker.model import Case
from casetracker.storage.database import Changes, note_changes, write_count

_BEFORE = "casetracker.change_count_before_flush"
_CASE_TABLE: Table = Case.__table__  # type: ignore[attr-defined]


def tables_of(*models: type[SQLModel]) -> frozenset[str]:
    """The table names of ``models``, as `Changes` names them."""
    return frozenset(inspect(model).local_table.name for model in models)


def install(session: Session) -> None:
    """Describe every flush of ``session`` (see the module docstring)."""
    event.listen(session, "before_flush", _before_flush)
    event.listen(session, "after_flush", _after_flush)


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    bind = session.get_bind()
    session.info[_BEFORE] = write_count(bind) if isinstance(bind, Engine) else None


def _after_flush(session: Session, _ctx: Any) -> None:
    # The session still lists what this flush wrote (new, dirty, deleted) with its history.
    before = session.info.pop(_BEFORE, None)
    bind = session.get_bind()
    after = write_count(bind) if isinstance(bind, Engine) else None
    if before is None or after is None or not isinstance(bind, Engine):
        return
    note_changes(bind, before, after, describe(session.new, session.dirty, session.deleted))


def describe(new: Iterable[Any], dirty: Iterable[Any], deleted: Iterable[Any]) -> Changes:
    """The tables written by flushing these objects, with the cases their rows belong to."""
    by_table: dict[str, set[uuid.UUID] | None] = {}

    def add(table: str, cases: set[uuid.UUID] | None) -> None:
        known = by_table.get(table, set())
        by_table[table] = None if known is None or cases is None else known | cases

    for objects, is_new in ((new, True), (dirty, False), (deleted, False)):
        for obj in objects:
            if isinstance(obj, SQLModel):
                add(_table(obj).name, _cases_of(obj, is_new))
    for obj in deleted:
        if isinstance(obj, SQLModel):
            cases = _cases_of(obj, False)
            for child, same_case in _on_delete_actions(_table(obj)):
                add(child.name, cases if same_case else None)
    return Changes({t: None if c is None else frozenset(c) for t, c in by_table.items()})


def _table(obj: SQLModel) -> Table:
    table = inspect(obj).mapper.local_table
    assert isinstance(table, Table)
    return table


def _cases_of(obj: SQLModel, is_new: bool) -> set[uuid.UUID] | None:
    """The cases a row belonged to before and after the flush; None if not tied to cases."""
    state = inspect(obj)
    keys = _case_keys(state.mapper)
    if not keys:
        return None
    out: set[uuid.UUID] = set()
    for key in keys:
        history = state.attrs[key].history
        # An empty key (a contact with no witness) ties the row to no case through it.
        values = [
            v for v in (*history.added, *history.unchanged, *history.deleted) if v is not None
        ]
        # Changed without the old value loaded: which case it left is unknown.
        unseen = not is_new and history.added and not history.deleted
        if unseen or any(not isinstance(v, uuid.UUID) for v in values):
            return None
        out.update(values)
    return out or None


@cache
def _case_keys(mapper: Mapper[Any]) -> tuple[str, ...]:
    """Attributes holding the case a row belongs to: a case's own id, or a key to a case."""
    if mapper.local_table is _CASE_TABLE:
        return ("id",)
    return tuple(
        prop.key
        for prop in mapper.column_attrs
        if any(fk.column.table is _CASE_TABLE for c in prop.columns for fk in c.foreign_keys)
    )


@cache
def _on_delete_actions(parent: Table) -> tuple[tuple[Table, bool], ...]:
    """Tables whose rows SQLite deletes or changes when a ``parent`` row goes (ON DELETE
    actions, followed through cascades); True where those rows belong to the same case, i.e.
    they point straight at a deleted case."""
    out: list[tuple[Table, bool]] = []
    todo, seen = [parent], {parent}
    while todo:
        table = todo.pop()
        for child in table.metadata.tables.values():
            for fk in child.foreign_keys:
                action = (fk.ondelete or "NO ACTION").upper()
                if fk.column.table is not table or action in ("NO ACTION", "RESTRICT"):
                    continue
                out.append((child, table is parent and parent is _CASE_TABLE))
                if action == "CASCADE" and child not in seen:
                    seen.add(child)
                    todo.append(child)
    return tuple(out)


K = TypeVar("K")
V = TypeVar("V")


def replace_in(old: Mapping[K, V], fresh: Mapping[K, V], keys: Collection[K]) -> dict[K, V]:
    """A copy of ``old`` with the entries for ``keys`` replaced by those in ``fresh`` (an entry
    missing from ``fresh`` is gone)."""
    out = dict(old)
    for key in keys:
        out.pop(key, None)
    out.update((key, value) for key, value in fresh.items() if key in keys)
    return out


class _CaseLine(Protocol):
    @property
    def id(self) -> uuid.UUID: ...
    @property
    def ref(self) -> str: ...


L = TypeVar("L", bound=_CaseLine)


def replace_cases(old: list[L], fresh: Iterable[L], case_ids: Collection[uuid.UUID]) -> list[L]:
    """``old`` (one line per case, by reference) with the lines of ``case_ids`` replaced by
    ``fresh`` ones: a case missing from ``fresh`` is gone, a new one takes its place by ref."""
    by_id = {line.id: line for line in fresh if line.id in case_ids}
    out: list[L] = []
    reorder = False
    for line in old:
        if line.id not in case_ids:
            out.append(line)
        elif (new := by_id.pop(line.id, None)) is not None:
            reorder = reorder or new.ref != line.ref
            out.append(new)
    if by_id or reorder:
        out.extend(by_id.values())
        out.sort(key=lambda line: line.ref)
    return out
