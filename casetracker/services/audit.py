"""Who changed what and when: recorded for every flush, so no service can forget it."""

import json
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Column, Table, event, inspect
from sqlalchemy import select as sa_select
from sqlmodel import Session, SQLModel, col, select

from casetracker.model import AuditAction, AuditEntry, Case, FlagState, utcnow
from casetracker.model.tables import Record
from casetracker.services import change_tracking

# Columns not worth a line in the history: bookkeeping, secrets or derived.
_SILENT_FIELDS = frozenset({"created_at", "updated_at", "search_key", "blob_key"})


def plain(value: Any) -> Any:
    """A value as the audit log's JSON holds it."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    return value


def _case_id(obj: SQLModel) -> str:
    if isinstance(obj, Case):
        return str(obj.id)
    value = getattr(obj, "case_id", None)
    return str(value) if value else ""


def created_changes(values: Mapping[str, Any]) -> dict[str, list[Any]]:
    """What the history says of a new row with these column values: each field it was given."""
    return {
        key: [None, plain(value)]
        for key, value in values.items()
        if key not in _SILENT_FIELDS and key != "id" and value not in (None, "", False)
    }


def deleted_changes(values: Mapping[str, Any]) -> dict[str, list[Any]]:
    """What the history keeps of a deleted row: each field's last value, as ``[old, None]``.

    Booleans are kept even when false (``direct: no`` is a fact); empty values say nothing."""
    return {
        key: [plain(value), None]
        for key, value in values.items()
        if key not in _SILENT_FIELDS and key != "id" and value is not None and value != ""
        and not isinstance(value, bytes)
    }  # fmt: skip


def _changes(obj: SQLModel, action: AuditAction) -> dict[str, list[Any]]:
    state = inspect(obj)
    if action is AuditAction.CREATE:
        return created_changes({a.key: getattr(obj, a.key) for a in state.mapper.column_attrs})
    if action is AuditAction.DELETE:
        return deleted_changes({a.key: getattr(obj, a.key) for a in state.mapper.column_attrs})
    out: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _SILENT_FIELDS:
            continue
        hist = state.attrs[key].history
        if action is AuditAction.UPDATE:
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            out[key] = [plain(old), plain(new)]
    return out


def install(session: Session, actor: str) -> None:
    """Record every insert, update and delete of this session in the audit log (and tell
    the remembered facts which cases each flush wrote to)."""

    def before_flush(sess: Session, _ctx: Any, _instances: Any) -> None:
        entries: list[AuditEntry] = []
        for obj in list(sess.new):
            if isinstance(obj, Record) and not isinstance(obj, FlagState):
                entries.append(_entry(obj, AuditAction.CREATE))
        for obj in list(sess.dirty):
            if isinstance(obj, Record) and sess.is_modified(obj, include_collections=False):
                entry = _entry(obj, AuditAction.UPDATE)
                if entry.changes != "{}":
                    obj.updated_at = utcnow()
                    if not isinstance(obj, FlagState):
                        entries.append(entry)
        deleted = [obj for obj in sess.deleted if isinstance(obj, Record)]
        for obj in deleted:
            entries.append(_entry(obj, AuditAction.DELETE))
        if deleted:
            with sess.no_autoflush:
                entries.extend(_cascaded_entries(sess, deleted, actor))
        sess.add_all(entries)

    def _entry(obj: SQLModel, action: AuditAction) -> AuditEntry:
        return AuditEntry(
            actor=actor,
            action=action,
            entity=type(obj).__name__,
            entity_id=str(obj.id),  # type: ignore[attr-defined]
            case_id=_case_id(obj),
            changes=json.dumps(_changes(obj, action), ensure_ascii=False, sort_keys=True),
        )

    event.listen(session, "before_flush", before_flush)
    # The same flushes, for the remembered facts: which cases they wrote to.
    change_tracking.install(session)


def _cascade_children(table: Table) -> list[tuple[type[SQLModel], Column[Any]]]:
    """The record tables SQLite empties by ``ON DELETE CASCADE`` when a row of ``table`` goes,
    each with its foreign key column (tables of other modules included: found, not listed)."""
    out: list[tuple[type[SQLModel], Column[Any]]] = []
    for mapper in SQLModel._sa_registry.mappers:
        cls = mapper.class_
        if not issubclass(cls, Record) or not isinstance(mapper.local_table, Table):
            continue
        for fk in mapper.local_table.foreign_keys:
            if fk.ondelete == "CASCADE" and fk.column.table is table:
                out.append((cls, fk.parent))
    return out


def _cascaded_entries(sess: Session, deleted: list[Record], actor: str) -> list[AuditEntry]:
    """DELETE entries, with their last values, for rows the database deletes by cascade.

    Those rows never pass through the ORM (the parent links are ``passive_deletes``), so they
    are read here, before the flush deletes their parent, with plain SQL rather than as objects
    that would linger in the session. Children of children are followed too."""
    seen = {(type(obj).__name__, str(obj.id)) for obj in sess.deleted if isinstance(obj, Record)}
    entries: list[AuditEntry] = []
    parents: list[tuple[Table, Any]] = [
        (obj.__table__, obj.id)  # type: ignore[attr-defined]
        for obj in deleted
        if isinstance(getattr(obj, "__table__", None), Table)
    ]
    while parents:
        table, parent_id = parents.pop()
        for cls, fk_column in _cascade_children(table):
            child_table = fk_column.table
            for row in sess.connection().execute(
                sa_select(child_table).where(fk_column == parent_id)
            ):
                values = dict(row._mapping)
                key = (cls.__name__, str(values["id"]))
                if key in seen:
                    continue
                seen.add(key)
                case_id = values.get("case_id")
                entries.append(
                    AuditEntry(
                        actor=actor,
                        action=AuditAction.DELETE,
                        entity=cls.__name__,
                        entity_id=str(values["id"]),
                        case_id=str(case_id) if case_id else "",
                        changes=json.dumps(
                            deleted_changes(values), ensure_ascii=False, sort_keys=True
                        ),
                    )
                )
                parents.append((child_table, values["id"]))
    return entries


def record(
    session: Session,
    actor: str,
    action: AuditAction,
    entity: str,
    entity_id: str,
    case_id: str = "",
    **changes: Any,
) -> None:
    """An entry for something that is not a row change, e.g. acknowledging a flag."""
    session.add(
        AuditEntry(
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            case_id=case_id,
            changes=json.dumps({k: plain(v) for k, v in changes.items()}, ensure_ascii=False),
        )
    )


def history(session: Session, case_id: uuid.UUID, limit: int = 500) -> list[AuditEntry]:
    stmt = (
        select(AuditEntry)
        .where(AuditEntry.case_id == str(case_id))
        .order_by(col(AuditEntry.at).desc())
        .limit(limit)
    )
    return list(session.exec(stmt))
