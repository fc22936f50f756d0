"""Change capture: which rows changed since the last save, read from SQLite itself.

Every table gets TEMP triggers that note, in a TEMP shadow table, each row touched and its
values before the first change since the last save. Triggers see every write on the one
connection (ORM flushes, raw SQL, imports, merges, cascaded deletes), and the shadow tables are
written in the same transaction as the rows, so a rolled-back write leaves no trace. `collect`
turns the shadow tables into a `ChangeSet` (current values read from the live rows) and empties
them; `replay` applies change sets to a snapshot when a vault is opened.

TEMP objects live in the connection's temp database (in memory: `temp_store=MEMORY`), never in
the main database that `snapshot` serialises. A schema change (a migration adding a column) is
not a row change: the caller writes a snapshot then and installs the triggers again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from sqlalchemy import Engine, event

from casetracker.storage.change_sets import (
    ChangeSet,
    RowChange,
    SqlValue,
    TableChanges,
    decode,
)
from casetracker.storage.database import hide_writes, raw_connection

_SHADOW = "ct_old_"
_TRIGGER = "ct_on_"
# At most this many changed rows go to the journal as one change set; beyond it (an import,
# a merge of a whole bundle) a snapshot is written instead, which costs less to write and open.
MAX_JOURNAL_ROWS = 5000


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _table_sql(raw: sqlite3.Connection) -> list[tuple[str, str | None]]:
    """Every table of the main database (SQLite's own left out), with its CREATE statement."""
    return raw.execute(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()


def _tables(raw: sqlite3.Connection) -> list[str]:
    return [name for name, _ in _table_sql(raw)]


def columns_of(raw: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in raw.execute(f"PRAGMA main.table_info({quote(table)})")]


def schema_cookie(engine: Engine) -> int:
    """SQLite's count of schema changes to the main database: moves with any CREATE/ALTER."""
    (value,) = raw_connection(engine).execute("PRAGMA main.schema_version").fetchone()
    return int(value)


def _objects(raw: sqlite3.Connection) -> list[tuple[str, str]]:
    """The triggers and shadow tables change capture made, as (type, name)."""
    return raw.execute(
        "SELECT type, name FROM temp.sqlite_master WHERE type IN ('trigger', 'table') "
        "AND (name LIKE 'ct\\_on\\_%' ESCAPE '\\' OR name LIKE 'ct\\_old\\_%' ESCAPE '\\')"
    ).fetchall()


def installed(engine: Engine) -> bool:
    return any(kind == "trigger" for kind, _ in _objects(raw_connection(engine)))


def uninstall(engine: Engine) -> None:
    """Drop the triggers and shadow tables (before a schema change is captured afresh)."""
    raw = raw_connection(engine)
    for kind, name in sorted(_objects(raw), key=lambda item: item[0] != "trigger"):
        raw.execute(f"DROP {'TRIGGER' if kind == 'trigger' else 'TABLE'} temp.{quote(name)}")


def _before_statement(conn: object, cursor: object, statement: str, *_args: object) -> None:
    """Drop the triggers before an ALTER or DROP, which they would stop (a trigger naming a
    dropped column fails the statement). The schema then differs from the one captured,
    so the next save writes a snapshot and installs them again."""
    head = statement.lstrip()[:5].upper()
    if head in ("ALTER", "DROP "):
        engine = getattr(conn, "engine", None)
        if isinstance(engine, Engine) and installed(engine):
            uninstall(engine)


def install(engine: Engine) -> None:
    """Start noting changes to every table of the main database (again, after `uninstall`)."""
    uninstall(engine)
    if not event.contains(engine, "before_cursor_execute", _before_statement):
        event.listen(engine, "before_cursor_execute", _before_statement)
    raw = raw_connection(engine)
    # A REPLACE that deletes a conflicting row fires delete triggers only with this on; no
    # other trigger exists, and ours write nothing a trigger watches.
    raw.execute("PRAGMA recursive_triggers = ON")
    for table, sql in _table_sql(raw):
        if (
            sql is None
            or sql.lstrip().upper().startswith("CREATE VIRTUAL")
            or ("WITHOUT ROWID" in sql.upper())
        ):
            # Its rows have no rowid to note, or cannot carry a trigger: they would be lost.
            raise RuntimeError(f"change capture cannot follow table {table!r}")
        shadow = quote(_SHADOW + table)  # a trigger may not qualify it: TEMP comes first
        raw.execute(f"CREATE TEMP TABLE {shadow} ({shadow_columns(len(columns_of(raw, table)))})")
        create_triggers(raw, table, _SHADOW + table, _TRIGGER)


def shadow_columns(width: int) -> str:
    """The columns of a shadow table for a table of `width` columns."""
    slots = ", ".join(f"c{index}" for index in range(width))
    return f"ct_rowid INTEGER PRIMARY KEY, ct_existed INTEGER NOT NULL, {slots}"


def create_triggers(raw: sqlite3.Connection, table: str, shadow: str, prefix: str) -> None:
    """TEMP triggers noting in `shadow` each row of `table` touched, with its values before the
    first change. Team sync (team/pending.py) keeps a second, lasting set beside the journal's."""
    columns = columns_of(raw, table)
    quoted_shadow = quote(shadow)
    source = f"main.{quote(table)}"
    slots = ", ".join(f"c{index}" for index in range(len(columns)))
    old = ", ".join(f"OLD.{quote(column)}" for column in columns)
    # Only the first change since the last save is noted. Not with INSERT OR IGNORE: a
    # statement that fired the trigger (a foreign key's cascade) overrides its ON CONFLICT.
    noted_old = (
        f"INSERT INTO {quoted_shadow} (ct_rowid, ct_existed, {slots}) SELECT OLD.rowid, 1, {old} "
        f"WHERE NOT EXISTS (SELECT 1 FROM {quoted_shadow} WHERE ct_rowid = OLD.rowid);"
    )
    noted_new = (
        f"INSERT INTO {quoted_shadow} (ct_rowid, ct_existed) SELECT NEW.rowid, 0 "
        f"WHERE NOT EXISTS (SELECT 1 FROM {quoted_shadow} WHERE ct_rowid = NEW.rowid);"
    )
    for when, body in (
        ("INSERT", noted_new),
        ("UPDATE", noted_old + " " + noted_new),
        ("DELETE", noted_old),
    ):
        name = quote(f"{prefix}{when.lower()}_{table}")
        raw.execute(f"CREATE TEMP TRIGGER {name} AFTER {when} ON {source} BEGIN {body} END")


def _shadow_tables(raw: sqlite3.Connection) -> list[str]:
    rows = raw.execute(
        "SELECT name FROM temp.sqlite_master WHERE type = 'table' "
        "AND name LIKE 'ct\\_old\\_%' ESCAPE '\\' ORDER BY name"
    ).fetchall()
    return [name[len(_SHADOW) :] for (name,) in rows]


def pending_rows(engine: Engine) -> int:
    """How many rows have changed since the last `collect` or `clear`."""
    raw = raw_connection(engine)
    total = 0
    for table in _shadow_tables(raw):
        (count,) = raw.execute(f"SELECT count(*) FROM temp.{quote(_SHADOW + table)}").fetchone()
        total += int(count)
    return total


def _empty_shadows(engine: Engine, raw: sqlite3.Connection, tables: Iterable[str]) -> None:
    emptied = 0
    for table in tables:
        emptied += raw.execute(f"DELETE FROM temp.{quote(_SHADOW + table)}").rowcount
    # Emptying them changes no case: keep SQLite's change count (and what is remembered
    # against it) where it was.
    hide_writes(engine, emptied)


def _check_idle(raw: sqlite3.Connection) -> None:
    if raw.in_transaction:
        raise RuntimeError("commit or roll back before saving")


def clear(engine: Engine) -> None:
    """Forget what changed (a snapshot is about to hold it all)."""
    raw = raw_connection(engine)
    _check_idle(raw)
    raw.execute("SAVEPOINT ct_clear")
    try:
        _empty_shadows(engine, raw, _shadow_tables(raw))
    finally:
        raw.execute("RELEASE ct_clear")


def collect(engine: Engine, schema: int) -> ChangeSet | None:
    """What changed since the last call, and forget it; None when nothing did.

    A row changed and changed back, or inserted and deleted again, is left out.
    """
    raw = raw_connection(engine)
    _check_idle(raw)
    tables: list[TableChanges] = []
    shadows = _shadow_tables(raw)
    raw.execute("SAVEPOINT ct_collect")
    try:
        for table in shadows:
            columns = columns_of(raw, table)
            changes = shadow_changes(raw, f"temp.{quote(_SHADOW + table)}", table, columns)
            if changes:
                tables.append(TableChanges(table, tuple(columns), tuple(changes)))
        _empty_shadows(engine, raw, shadows)
    finally:
        raw.execute("RELEASE ct_collect")
    return ChangeSet(schema, tuple(tables)) if tables else None


def shadow_changes(
    raw: sqlite3.Connection, shadow: str, table: str, columns: list[str]
) -> list[RowChange]:
    """The rows a shadow table noted, as changes from their noted values to their live ones;
    a row changed and changed back, or inserted and deleted again, is left out."""
    width = len(columns)
    slots = ", ".join(f"s.c{index}" for index in range(width))
    live = ", ".join(f"t.{quote(column)}" for column in columns)
    rows = raw.execute(
        f"SELECT s.ct_rowid, s.ct_existed, t.rowid IS NOT NULL, {slots}, {live} "
        f"FROM {shadow} AS s LEFT JOIN main.{quote(table)} AS t ON t.rowid = s.ct_rowid "
        "ORDER BY s.ct_rowid"
    ).fetchall()
    changes: list[RowChange] = []
    for row in rows:
        rowid, existed, present = row[0], row[1], row[2]
        old: tuple[SqlValue, ...] = row[3 : 3 + width]
        new: tuple[SqlValue, ...] = row[3 + width :]
        if existed and present:
            # Python's == holds 1 and 1.0 equal; SQLite keeps them apart.
            if old != new or list(map(type, old)) != list(map(type, new)):
                changes.append(RowChange("update", rowid, old, new))
        elif existed:
            changes.append(RowChange("delete", rowid, old, None))
        elif present:
            changes.append(RowChange("insert", rowid, None, new))
    return changes


def replay(engine: Engine, change_sets: Iterable[bytes]) -> int:
    """Apply encoded change sets, oldest first, to the database loaded from the snapshot they
    follow; return how many applied.

    Each applies whole or not at all, and replaying stops at the first that cannot be read or
    does not fit the database (a bug, or a journal not this snapshot's): the database is then
    as of the change sets before it. Foreign keys are off while replaying: a change set holds
    the final state of each row (cascaded deletes included), not the order the rows were
    written in.
    """
    raw = raw_connection(engine)
    _check_idle(raw)
    applied = 0
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        raw.execute("BEGIN")
        for encoded in change_sets:
            raw.execute("SAVEPOINT ct_replay")
            try:
                apply_change_set(raw, decode(encoded))
            except ValueError:
                raw.execute("ROLLBACK TO ct_replay")
                raw.execute("RELEASE ct_replay")
                break
            raw.execute("RELEASE ct_replay")
            applied += 1
        raw.execute("COMMIT")
    finally:
        if raw.in_transaction:
            raw.execute("ROLLBACK")
        raw.execute("PRAGMA foreign_keys = ON")
    return applied


def apply_change_set(raw: sqlite3.Connection, change_set: ChangeSet) -> None:
    """Write each row's final state by rowid (foreign keys off: see `replay`)."""
    known = set(_tables(raw))
    for table in change_set.tables:
        if table.table not in known:
            raise ValueError("a change set names a table the database does not have")
        if not set(table.columns) <= set(columns_of(raw, table.table)):
            raise ValueError("a change set names a column the table does not have")
        name = f"main.{quote(table.table)}"
        try:
            raw.executemany(
                f"DELETE FROM {name} WHERE rowid = ?", [(row.rowid,) for row in table.rows]
            )
            columns = ", ".join(quote(column) for column in table.columns)
            marks = ", ".join("?" * (len(table.columns) + 1))
            raw.executemany(
                f"INSERT INTO {name} (rowid, {columns}) VALUES ({marks})",
                [(row.rowid, *row.new) for row in table.rows if row.new is not None],
            )
        except sqlite3.DatabaseError as exc:
            raise ValueError("a change set does not fit the database") from exc
