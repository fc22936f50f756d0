"""Merging the team's changes into this laptop's database: a three-way merge, row by row.

Since its last sync a laptop keeps, in lasting shadow tables (`team_old_<table>`, inside the
vault and so in its journal), each row it changed and the row's values as of that sync: the
common ancestor. To take in what others wrote meanwhile, `rebase` puts our rows back as they
were, applies the others' change sets in the server's order (so every laptop applies exactly
the same changes to exactly the same rows, and all converge), then does our changes again on
top, field by field:

- a field only we changed takes our value; a field they changed, or both changed alike, keeps
  theirs;
- a field both changed to different values keeps theirs (the one the server ordered first) and
  becomes a **conflict**, written to the synced conflicts table so every member sees it and a
  person decides. Nothing is chosen silently: our value stays in the conflict row;
- a row we deleted that they changed, a row we changed that they deleted, and a row of ours that
  no longer fits (its case was deleted, its reference is taken) are conflicts of the same kind.

What the shadow tables hold after that is our change relative to the server's head, which is
what we send. `updated_at` never conflicts (the later one is kept): every edit moves it.
"""

from __future__ import annotations

import base64
import json
import operator
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from casetracker.storage.change_capture import (
    apply_change_set,
    columns_of,
    create_triggers,
    quote,
    shadow_changes,
    shadow_columns,
)
from casetracker.storage.change_sets import ChangeSet, RowChange, SqlValue, TableChanges

SHADOW_PREFIX = "team_old_"
_TRIGGER_PREFIX = "ct_team_"
CONFLICT_TABLE = "syncconflict"
# Columns every edit moves: the later value is kept, never a conflict.
_LATEST_WINS = frozenset({"updated_at"})
ConflictKind = Literal["field", "deleted_here", "deleted_there", "not_added"]
# Gives a row that could not be added as it was (a case reference taken meanwhile) another
# chance: new values to try, or None. Supplied by the services, which know what a ref is.
Refit = Callable[[sqlite3.Connection, str, dict[str, SqlValue]], dict[str, SqlValue] | None]
# Per table, columns worked out from the others (search keys): never a conflict, worked out
# again from the merged row.
Derive = Mapping[str, Callable[[dict[str, SqlValue]], dict[str, SqlValue]]]


@dataclass(frozen=True)
class Conflict:
    table: str
    row_id: str
    column: str
    kind: ConflictKind
    kept: SqlValue
    ours: SqlValue
    case_id: str


def _same(a: object, b: object) -> bool:
    return a == b and type(a) is type(b)


Outcome = Literal["keep", "take", "conflict"]


def decide(
    held: object,
    incoming: object,
    ancestor: object,
    same: Callable[[object, object], bool] = operator.eq,
) -> Outcome:
    """The three-way rule for one field, shared by team sync and bundle import: `held` is the
    value the database has, `incoming` the other side's, `ancestor` the value both last had in
    common. Only the other side changed it: take theirs. Only we did, or both alike: keep.
    Both changed it differently (or the ancestor is not known): a conflict for a person."""
    if same(incoming, held) or same(incoming, ancestor):
        return "keep"
    if same(held, ancestor):
        return "take"
    return "conflict"


def _same_row(a: Sequence[SqlValue], b: Sequence[SqlValue]) -> bool:
    return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))


# -- the lasting capture ----------------------------------------------------------------------
def install(raw: sqlite3.Connection, tables: Iterable[str]) -> None:
    """Note changes to `tables` from now on (again after a lock: the triggers are TEMP)."""
    for table in tables:
        shadow = SHADOW_PREFIX + table
        width = len(columns_of(raw, table))
        found = columns_of(raw, shadow)
        if not found:
            raw.execute(f"CREATE TABLE main.{quote(shadow)} ({shadow_columns(width)})")
        else:
            # A migration added columns since: old noted rows read NULL for them.
            for index in range(len(found) - 2, width):
                raw.execute(f"ALTER TABLE main.{quote(shadow)} ADD COLUMN c{index}")
    resume(raw, tables)


def pause(raw: sqlite3.Connection, tables: Iterable[str]) -> None:
    for table in tables:
        for when in ("insert", "update", "delete"):
            raw.execute(f"DROP TRIGGER IF EXISTS temp.{quote(f'{_TRIGGER_PREFIX}{when}_{table}')}")


def resume(raw: sqlite3.Connection, tables: Iterable[str]) -> None:
    pause(raw, tables)
    for table in tables:
        create_triggers(raw, table, SHADOW_PREFIX + table, _TRIGGER_PREFIX)


def installed(raw: sqlite3.Connection) -> bool:
    (found,) = raw.execute(
        "SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger' "
        "AND name LIKE 'ct\\_team\\_%' ESCAPE '\\'"
    ).fetchone()
    return bool(found)


def pending(raw: sqlite3.Connection, tables: Iterable[str], schema: int) -> ChangeSet | None:
    """Our changes since the last sync, relative to the server's head (not forgotten)."""
    found: list[TableChanges] = []
    for table in tables:
        columns = columns_of(raw, table)
        rows = shadow_changes(raw, f"main.{quote(SHADOW_PREFIX + table)}", table, columns)
        if rows:
            found.append(TableChanges(table, tuple(columns), tuple(rows)))
    return ChangeSet(schema, tuple(found)) if found else None


def pending_rows(raw: sqlite3.Connection, tables: Iterable[str]) -> int:
    total = 0
    for table in tables:
        (count,) = raw.execute(
            f"SELECT count(*) FROM main.{quote(SHADOW_PREFIX + table)}"
        ).fetchone()
        total += int(count)
    return total


def sent(raw: sqlite3.Connection, change_set: ChangeSet) -> None:
    """What `change_set` carried reached the server: its values are the new base of its rows.
    A row edited again since it was read (the app syncs on a worker) stays noted, against the
    values that went, so the newer edit goes next time."""
    for table in change_set.tables:
        shadow = f"main.{quote(SHADOW_PREFIX + table.table)}"
        slots = ", ".join(f"c{index} = ?" for index in range(len(table.columns)))
        for row in table.rows:
            now = _row(raw, table.table, table.columns, row.rowid)
            if (now is None and row.new is None) or (
                now is not None and row.new is not None and _same_row(now, row.new)
            ):
                raw.execute(f"DELETE FROM {shadow} WHERE ct_rowid = ?", (row.rowid,))
            elif row.new is None:
                raw.execute(f"UPDATE {shadow} SET ct_existed = 0 WHERE ct_rowid = ?", (row.rowid,))
            else:
                raw.execute(
                    f"UPDATE {shadow} SET ct_existed = 1, {slots} WHERE ct_rowid = ?",
                    (*row.new, row.rowid),
                )


def forget(raw: sqlite3.Connection, tables: Iterable[str]) -> None:
    for table in tables:
        raw.execute(f"DELETE FROM main.{quote(SHADOW_PREFIX + table)}")


# -- merging ----------------------------------------------------------------------------------
def _row(
    raw: sqlite3.Connection, table: str, columns: Sequence[str], rowid: int
) -> tuple[Any, ...] | None:
    names = ", ".join(quote(column) for column in columns)
    found = raw.execute(
        f"SELECT {names} FROM main.{quote(table)} WHERE rowid = ?", (rowid,)
    ).fetchone()
    return tuple(found) if found is not None else None


def _case_of(table: str, columns: Sequence[str], values: Sequence[SqlValue]) -> str:
    index = {name: i for i, name in enumerate(columns)}
    if table == "case" and "id" in index:
        return str(values[index["id"]] or "")
    if "case_id" in index:
        return str(values[index["case_id"]] or "")
    return ""


def _id_of(columns: Sequence[str], values: Sequence[SqlValue]) -> str:
    return str(values[columns.index("id")]) if "id" in columns else ""


def _undo(raw: sqlite3.Connection, local: ChangeSet) -> None:
    """Put our changed rows back as they were at the last sync."""
    for table in local.tables:
        name = f"main.{quote(table.table)}"
        columns = ", ".join(quote(column) for column in table.columns)
        marks = ", ".join("?" * (len(table.columns) + 1))
        raw.executemany(f"DELETE FROM {name} WHERE rowid = ?", [(row.rowid,) for row in table.rows])
        raw.executemany(
            f"INSERT INTO {name} (rowid, {columns}) VALUES ({marks})",
            [(row.rowid, *row.old) for row in table.rows if row.old is not None],
        )


class _Redo:
    def __init__(
        self,
        raw: sqlite3.Connection,
        refit: Refit | None,
        derive: Derive,
        same_as: Mapping[str, tuple[str, ...]],
    ) -> None:
        self.raw = raw
        self.refit = refit
        self.derive = derive
        self.same_as = same_as
        self.conflicts: list[Conflict] = []
        # Where our new rows went: a number taken meanwhile gives a row another.
        self.placed: dict[tuple[str, int], int] = {}
        # Rows our redo deleted (they existed at the server's head), with their values.
        self.deleted: dict[tuple[str, int], tuple[TableChanges, tuple[SqlValue, ...]]] = {}
        # Rows we had deleted that stay: changed there, or needed by a row of theirs.
        self.kept: set[tuple[str, str]] = set()

    def conflict(
        self,
        table: TableChanges,
        values: Sequence[SqlValue],
        kind: ConflictKind,
        column: str = "",
        kept: SqlValue = None,
        ours: SqlValue = None,
    ) -> None:
        self.conflicts.append(
            Conflict(
                table.table,
                _id_of(table.columns, values),
                column,
                kind,
                kept,
                ours,
                _case_of(table.table, table.columns, values),
            )
        )

    def update(self, table: TableChanges, row: RowChange) -> None:
        assert row.old is not None and row.new is not None
        current = _row(self.raw, table.table, table.columns, row.rowid)
        if current is None or _id_of(table.columns, current) != _id_of(table.columns, row.old):
            self.conflict(table, row.new, "deleted_there", ours=_values_json(table, row.new))
            return
        changes: dict[str, SqlValue] = {}
        work_out = self.derive.get(table.table)
        now_values = dict(zip(table.columns, current, strict=True))
        derived = set(work_out(now_values)) if work_out else set()
        for column, base, ours, now in zip(table.columns, row.old, row.new, current, strict=True):
            if column in derived:
                continue
            outcome = decide(now, ours, base, _same)
            if outcome == "keep":
                continue
            if outcome == "take" or table.table == CONFLICT_TABLE:
                # A conflict decided on two laptops at once: the later decision stands whole
                # (its value is in the case already), never a conflict about a conflict.
                changes[column] = ours
            elif column in _LATEST_WINS:
                if isinstance(ours, str) and isinstance(now, str) and ours > now:
                    changes[column] = ours
            else:
                self.conflict(table, current, "field", column, now, ours)
        if work_out is not None:
            merged = now_values | changes
            for column, value in work_out(merged).items():
                if not _same(value, merged[column]):
                    changes[column] = value
        if changes:
            sets = ", ".join(f"{quote(column)} = ?" for column in changes)
            self.raw.execute(
                f"UPDATE main.{quote(table.table)} SET {sets} WHERE rowid = ?",
                (*changes.values(), row.rowid),
            )

    def delete(self, table: TableChanges, row: RowChange) -> None:
        assert row.old is not None
        current = _row(self.raw, table.table, table.columns, row.rowid)
        if current is None:
            return
        if _id_of(table.columns, current) != _id_of(table.columns, row.old):
            return  # the row we deleted is gone there too, and its number reused
        if not _same_row(_without_latest(table, current), _without_latest(table, row.old)):
            self.conflict(table, current, "deleted_here")
            self.kept.add((table.table, _id_of(table.columns, current)))
            return
        self.raw.execute(f"DELETE FROM main.{quote(table.table)} WHERE rowid = ?", (row.rowid,))
        self.deleted[(table.table, row.rowid)] = (table, tuple(current))

    def _already_there(self, table: TableChanges, values: dict[str, SqlValue]) -> bool:
        """Our new row is on the server already: the answer to our send was lost (a lock, a
        cut network), or this vault was restored from a copy older than its last send. Taken
        as done where the row there is ours value for value; each field that differs waits
        beside it as a conflict (a later edit of ours, or of theirs since)."""
        if "id" not in values:
            return False
        found = self.raw.execute(
            f"SELECT rowid FROM main.{quote(table.table)} WHERE id = ?", (values["id"],)
        ).fetchone()
        if found is None:
            return False
        current = _row(self.raw, table.table, table.columns, int(found[0]))
        assert current is not None
        work_out = self.derive.get(table.table)
        skip = _LATEST_WINS | (set(work_out(dict(values))) if work_out else set())
        for column, now in zip(table.columns, current, strict=True):
            if column not in skip and not _same(now, values[column]):
                self.conflict(table, current, "field", column, now, values[column])
        return True

    def _same_thing(self, table: TableChanges, values: dict[str, SqlValue]) -> bool:
        """A row another laptop made for the same thing (one flag's state, made on two
        laptops at once): ours is merged into it, each differing field listed, not added."""
        key = self.same_as.get(table.table)
        if not key:
            return False
        where = " AND ".join(f"{quote(column)} IS ?" for column in key)
        found = self.raw.execute(
            f"SELECT rowid FROM main.{quote(table.table)} WHERE {where} AND id IS NOT ?",
            (*(values[column] for column in key), values.get("id")),
        ).fetchone()
        if found is None:
            return False
        current = _row(self.raw, table.table, table.columns, int(found[0]))
        assert current is not None
        skip = _LATEST_WINS | {"id", "created_at", *key}
        for column, now in zip(table.columns, current, strict=True):
            if column not in skip and not _same(now, values[column]):
                self.conflict(table, current, "field", column, now, values[column])
        return True

    def insert(self, table: TableChanges, row: RowChange) -> None:
        assert row.new is not None
        values = dict(zip(table.columns, row.new, strict=True))
        if self._same_thing(table, values):
            return
        taken = self.raw.execute(
            f"SELECT 1 FROM main.{quote(table.table)} WHERE rowid = ?", (row.rowid,)
        ).fetchone()
        attempt: dict[str, SqlValue] | None = values
        work_out = self.derive.get(table.table)
        while attempt is not None:
            if work_out is not None:
                attempt = attempt | work_out(attempt)
            columns = ", ".join(quote(column) for column in attempt)
            marks = ", ".join("?" * (len(attempt) + 1))
            self.raw.execute("SAVEPOINT team_insert")
            try:
                cursor = self.raw.execute(
                    f"INSERT INTO main.{quote(table.table)} (rowid, {columns}) VALUES ({marks})",
                    (None if taken else row.rowid, *attempt.values()),
                )
                self.placed[(table.table, row.rowid)] = int(cursor.lastrowid or row.rowid)
            except sqlite3.IntegrityError:
                self.raw.execute("ROLLBACK TO team_insert")
                self.raw.execute("RELEASE team_insert")
                if self._already_there(table, attempt):
                    return
                attempt = self.refit(self.raw, table.table, attempt) if self.refit else None
                continue
            self.raw.execute("RELEASE team_insert")
            return
        self.conflict(table, row.new, "not_added", ours=_values_json(table, row.new))


def _without_latest(table: TableChanges, values: Sequence[SqlValue]) -> tuple[SqlValue, ...]:
    return tuple(
        value
        for column, value in zip(table.columns, values, strict=True)
        if column not in _LATEST_WINS
    )


def _plain(value: SqlValue) -> object:
    if isinstance(value, bytes):
        return {"b64": base64.b64encode(value).decode("ascii")}
    return value


def _values_json(table: TableChanges, values: Sequence[SqlValue]) -> str:
    return json.dumps(
        {c: _plain(v) for c, v in zip(table.columns, values, strict=True)}, ensure_ascii=False
    )


def _orphans(raw: sqlite3.Connection, tables: Sequence[str]) -> list[tuple[str, int, int]]:
    """Rows whose parent is missing, as (table, rowid, foreign key number)."""
    synced = set(tables)
    # A row pointing at a row of a table that does not travel (a reply's scan: attachments
    # stay on the laptop that added them) is not the team's to fit.
    return [
        (str(table), int(rowid), int(fk))
        for table, rowid, parent, fk in raw.execute("PRAGMA main.foreign_key_check")
        if table in synced and parent in synced
    ]


def _foreign_keys(raw: sqlite3.Connection, table: str) -> dict[int, tuple[str, str, str]]:
    """Foreign key number -> (parent table, column here, column there)."""
    return {
        int(row[0]): (str(row[2]), str(row[3]), str(row[4] or "id"))
        for row in raw.execute(f"PRAGMA main.foreign_key_list({quote(table)})")
    }


def _present(raw: sqlite3.Connection, table: str, row_id: str) -> bool:
    return bool(row_id) and (
        raw.execute(f"SELECT 1 FROM main.{quote(table)} WHERE id = ?", (row_id,)).fetchone()
        is not None
    )


def _put_back(
    raw: sqlite3.Connection, table: TableChanges, rowid: int, values: Sequence[Any]
) -> None:
    taken = raw.execute(
        f"SELECT 1 FROM main.{quote(table.table)} WHERE rowid = ?", (rowid,)
    ).fetchone()
    columns = ", ".join(quote(column) for column in table.columns)
    marks = ", ".join("?" * (len(table.columns) + 1))
    raw.execute(
        f"INSERT INTO main.{quote(table.table)} (rowid, {columns}) VALUES ({marks})",
        (None if taken else rowid, *values),
    )


def _fix_orphans(
    raw: sqlite3.Connection, redo: _Redo, local: ChangeSet, tables: Sequence[str]
) -> None:
    """Make the merged rows fit together again, listing each thing not done:

    - a row of ours whose parent is gone (they deleted the case we added a contact to) is taken
      out again: "not added";
    - a parent we deleted that a row of theirs needs (they added a contact to the case we
      deleted) is put back: "deleted here". Only the parents needed, nothing else we deleted;
    - what our delete of a kept row took with it (the contacts of a case we deleted and they
      changed, or that they added to) is put back too, quietly: the kept row's own conflict
      stands for the whole delete, and deciding it deletes them again with it.
    """
    # Our rows by where they are now: a new row of ours may sit under another number than it
    # had (the number was taken), and a row of theirs may sit under our row's old number.
    ours: dict[tuple[str, int], tuple[TableChanges, RowChange]] = {}
    for table in local.tables:
        for row in table.rows:
            new_row = row.new is not None and (
                row.old is None or _id_of(table.columns, row.old) != _id_of(table.columns, row.new)
            )
            if not new_row:
                ours[(table.table, row.rowid)] = (table, row)
            elif (table.table, row.rowid) in redo.placed:
                ours[(table.table, redo.placed[(table.table, row.rowid)])] = (table, row)
    for _round in range(64):
        orphans = _orphans(raw, tables)
        if not orphans:
            break
        for table_name, rowid, fk in orphans:
            entry = ours.get((table_name, rowid))
            if entry is not None and entry[1].new is not None:
                table, row = entry
                assert row.new is not None
                raw.execute(f"DELETE FROM main.{quote(table_name)} WHERE rowid = ?", (rowid,))
                same_row = row.old is not None and _id_of(table.columns, row.old) == _id_of(
                    table.columns, row.new
                )
                if row.old is not None and same_row:
                    # Our edit of a row that was there: it goes back as it was. (A number
                    # SQLite gave anew is a delete of ours that stands, and an insert.)
                    _put_back(raw, table, rowid, row.old)
                redo.conflict(table, row.new, "not_added", ours=_values_json(table, row.new))
                continue
            parent, column, key = _foreign_keys(raw, table_name)[fk]
            (value,) = raw.execute(
                f"SELECT {quote(column)} FROM main.{quote(table_name)} WHERE rowid = ?", (rowid,)
            ).fetchone()
            if raw.execute(
                f"SELECT 1 FROM main.{quote(parent)} WHERE {quote(key)} = ?", (value,)
            ).fetchone():
                continue  # put back already, for another row of theirs this round
            found = next(
                (
                    (deleted_rowid, table, values)
                    for (name, deleted_rowid), (table, values) in redo.deleted.items()
                    if name == parent and values[table.columns.index(key)] == value
                ),
                None,
            )
            if found is None:
                raise ValueError("changes that do not fit together")
            deleted_rowid, table, values = found
            del redo.deleted[(parent, deleted_rowid)]
            _put_back(raw, table, deleted_rowid, values)
            redo.conflict(table, values, "deleted_here")
            redo.kept.add((parent, _id_of(table.columns, values)))
    else:
        raise ValueError("changes that do not fit together")
    _keep_what_went_with(raw, redo)


def _keep_what_went_with(raw: sqlite3.Connection, redo: _Redo) -> None:
    """Put back the rows we deleted that point to a row that stays (see `_fix_orphans`)."""
    keys: dict[str, dict[int, tuple[str, str, str]]] = {}
    changed = True
    while changed:
        changed = False
        for (name, rowid), (table, values) in list(redo.deleted.items()):
            links = keys.setdefault(name, _foreign_keys(raw, name))
            for parent, column, key in links.values():
                if key != "id" or column not in table.columns:
                    continue
                if (parent, str(values[table.columns.index(column)])) in redo.kept:
                    del redo.deleted[(name, rowid)]
                    if not _present(raw, name, _id_of(table.columns, values)):
                        _put_back(raw, table, rowid, values)
                    redo.kept.add((name, _id_of(table.columns, values)))
                    changed = True
                    break


def write_conflicts(raw: sqlite3.Connection, conflicts: Iterable[Conflict], author: str) -> None:
    """Into the synced conflicts table (model `SyncConflict`), so every member lists them."""
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    raw.executemany(
        f"INSERT INTO main.{CONFLICT_TABLE} (id, created_at, updated_at, entity, record_id, "
        "field, kind, kept, ours, ours_by, case_id, resolved_by, resolution) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '')",
        [
            (
                uuid.uuid4().hex,
                now,
                now,
                c.table,
                c.row_id,
                c.column,
                c.kind,
                value_json(c.kept),
                c.ours if isinstance(c.ours, str) and c.kind != "field" else value_json(c.ours),
                author,
                c.case_id,
            )
            for c in conflicts
        ],
    )


def value_json(value: SqlValue) -> str:
    """A stored value as a conflict row keeps it (blobs as base64)."""
    return json.dumps(_plain(value), ensure_ascii=False)


def rebase(
    raw: sqlite3.Connection,
    tables: Sequence[str],
    remote: Sequence[ChangeSet],
    *,
    schema: int,
    refit: Refit | None = None,
    derive: Derive | None = None,
    same_as: Mapping[str, tuple[str, ...]] | None = None,
) -> list[Conflict]:
    """Apply `remote` (server order) under our unsent changes, then redo ours on top.

    Runs inside the caller's transaction with foreign keys off (they cannot be switched inside
    one); foreign keys are checked at the end instead. Returns the conflicts, not yet written.
    """
    local = pending(raw, tables, schema)
    pause(raw, tables)
    if local is not None:
        _undo(raw, local)
    for change_set in remote:
        apply_change_set(raw, change_set)
    forget(raw, tables)
    resume(raw, tables)
    redo = _Redo(raw, refit, derive or {}, same_as or {})
    if local is None:
        return []
    for table in local.tables:
        for row in table.rows:
            if row.op == "update" and _id_of(table.columns, row.old or ()) != _id_of(
                table.columns, row.new or ()
            ):
                # SQLite gave a deleted row's number to a new row: two changes, not one.
                redo.delete(table, RowChange("delete", row.rowid, row.old, None))
                redo.insert(table, RowChange("insert", row.rowid, None, row.new))
            elif row.op == "update":
                redo.update(table, row)
            elif row.op == "delete":
                redo.delete(table, row)
            else:
                redo.insert(table, row)
    _fix_orphans(raw, redo, local, tables)
    return redo.conflicts
