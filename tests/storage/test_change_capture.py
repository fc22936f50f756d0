"""Change capture: whatever a session writes, the change sets replayed on the snapshot give
back the same database; and the encoding reads back what it wrote and refuses anything else."""

from __future__ import annotations

import json

import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from casetracker.storage import change_capture, change_sets
from casetracker.storage.change_sets import ChangeSet, RowChange, TableChanges
from casetracker.storage.database import (
    change_count,
    engine_from_snapshot,
    raw_connection,
    snapshot,
)

SCHEMA = """
CREATE TABLE parent (id TEXT PRIMARY KEY, name TEXT UNIQUE, photo BLOB, weight REAL);
CREATE TABLE child (
    id INTEGER PRIMARY KEY,
    parent_id TEXT REFERENCES parent(id) ON DELETE CASCADE,
    note TEXT
);
"""


def _engine() -> Engine:
    engine = engine_from_snapshot(None)
    raw_connection(engine).executescript(SCHEMA)
    return engine


def _dump(engine: Engine) -> list[list[tuple[object, ...]]]:
    raw = raw_connection(engine)
    return [
        raw.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid").fetchall()
        for table in ("parent", "child")
    ]


values = st.one_of(st.none(), st.text(max_size=5), st.integers(-(2**63), 2**63 - 1))
operation = st.one_of(
    st.tuples(
        st.just("add"),
        st.integers(0, 6),
        st.one_of(st.none(), st.text(max_size=4)),
        st.one_of(st.none(), st.binary(max_size=4)),
        st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False)),
    ),
    st.tuples(st.just("rename"), st.integers(0, 6), st.text(max_size=4)),
    st.tuples(st.just("drop"), st.integers(0, 6)),
    st.tuples(st.just("note"), st.integers(0, 6), values),
    st.tuples(st.just("unnote"), st.integers(0, 20)),
    st.tuples(
        st.just("save"),
    ),
    st.tuples(st.just("rollback"), st.integers(0, 6)),
)


def _run(raw: object, op: tuple[object, ...]) -> None:
    import sqlite3

    assert isinstance(raw, sqlite3.Connection)
    kind = op[0]
    with raw:  # each operation one transaction; a constraint refused is just skipped
        try:
            if kind == "add":
                raw.execute(
                    "INSERT OR REPLACE INTO parent (id, name, photo, weight) VALUES (?, ?, ?, ?)",
                    (f"p{op[1]}", op[2], op[3], op[4]),
                )
            elif kind == "rename":
                raw.execute("UPDATE parent SET name = ? WHERE id = ?", (op[2], f"p{op[1]}"))
            elif kind == "drop":
                raw.execute("DELETE FROM parent WHERE id = ?", (f"p{op[1]}",))
            elif kind == "note":
                raw.execute(
                    "INSERT INTO child (parent_id, note) SELECT id, ? FROM parent WHERE id = ?",
                    (op[2], f"p{op[1]}"),
                )
            elif kind == "unnote":
                raw.execute("DELETE FROM child WHERE id = ?", (op[1],))
        except sqlite3.IntegrityError:
            pass


@settings(max_examples=60, deadline=None)
@given(st.lists(operation, max_size=25))
def test_replaying_what_was_captured_rebuilds_the_database(ops: list[tuple[object, ...]]) -> None:
    engine = _engine()
    base = snapshot(engine)
    change_capture.install(engine)
    raw = raw_connection(engine)
    captured: list[bytes] = []
    for op in ops:
        if op[0] == "save":
            found = change_capture.collect(engine, 1)
            if found is not None:
                captured.append(change_sets.encode(found))
        elif op[0] == "rollback":
            raw.execute("BEGIN")
            raw.execute("DELETE FROM parent WHERE id = ?", (f"p{op[1]}",))
            raw.execute("ROLLBACK")
        else:
            _run(raw, op)
    found = change_capture.collect(engine, 1)
    if found is not None:
        captured.append(change_sets.encode(found))
    replayed = engine_from_snapshot(base)
    assert change_capture.replay(replayed, captured) == len(captured)
    assert _dump(replayed) == _dump(engine)
    assert change_capture.pending_rows(engine) == 0


def test_a_cascade_a_rollback_and_a_change_undone_are_captured_as_they_ended() -> None:
    engine = _engine()
    raw = raw_connection(engine)
    with raw:
        raw.execute("INSERT INTO parent (id, name) VALUES ('a', 'Анна'), ('b', 'Борис')")
        raw.execute("INSERT INTO child (parent_id, note) VALUES ('a', 'письмо')")
    change_capture.install(engine)
    with raw:
        raw.execute("PRAGMA foreign_keys = ON")
        raw.execute("DELETE FROM parent WHERE id = 'a'")  # the child goes with it
        raw.execute("UPDATE parent SET name = 'Б' WHERE id = 'b'")
        raw.execute("UPDATE parent SET name = 'Борис' WHERE id = 'b'")  # and back
    raw.execute("BEGIN")
    raw.execute("INSERT INTO parent (id, name) VALUES ('c', 'Вера')")
    raw.execute("ROLLBACK")
    found = change_capture.collect(engine, 1)
    assert found is not None
    ops = {table.table: [(row.op, row.old) for row in table.rows] for table in found.tables}
    assert ops == {
        "child": [("delete", (1, "a", "письмо"))],
        "parent": [("delete", ("a", "Анна", None, None))],
    }


def test_emptying_the_shadow_tables_does_not_move_the_change_count() -> None:
    """What services remember is keyed to the change count: a save must not forget it."""
    engine = _engine()
    change_capture.install(engine)
    raw = raw_connection(engine)
    with raw:
        raw.execute("INSERT INTO parent (id, name) VALUES ('a', 'Анна')")
    before = change_count(engine)
    assert change_capture.collect(engine, 1) is not None
    assert change_count(engine) == before


def test_replay_stops_at_a_change_set_that_does_not_fit_and_keeps_those_before() -> None:
    engine = _engine()
    good = ChangeSet(
        1, (TableChanges("parent", ("id", "name"), (RowChange("insert", 1, None, ("a", "А")),)),)
    )
    half = ChangeSet(
        1,
        (
            TableChanges("parent", ("id", "name"), (RowChange("insert", 2, None, ("b", "Б")),)),
            TableChanges("nowhere", ("id",), (RowChange("insert", 1, None, (1,)),)),
        ),
    )
    wrong_column = ChangeSet(
        1, (TableChanges("parent", ("nope",), (RowChange("insert", 3, None, (1,)),)),)
    )
    for wrong in (half, wrong_column):
        fresh = _engine()
        encoded = [change_sets.encode(good), change_sets.encode(wrong), change_sets.encode(good)]
        assert change_capture.replay(fresh, encoded) == 1
        assert _dump(fresh) == [[(1, "a", "А", None, None)], []]  # the bad one not half applied
    assert change_capture.replay(engine, [b"not a change set"]) == 0


def _encoded(obj: object) -> bytes:
    return zstandard.ZstdCompressor().compress(json.dumps(obj).encode())


@pytest.mark.parametrize(
    "mangle",
    [
        lambda o: o.update(kind="other"),
        lambda o: o.update(version=2),
        lambda o: o["tables"][0]["rows"][0].__setitem__(0, "x"),
        lambda o: o["tables"][0]["rows"][0].__setitem__(3, [1, 2]),
        lambda o: o["tables"][0]["rows"][0].__setitem__(3, [{"b64": "!!"}]),
        lambda o: o["tables"][0]["rows"][0].__setitem__(3, [True]),
        lambda o: o["tables"][0]["rows"][0].__setitem__(2, [1]),
        lambda o: o["tables"][0]["rows"].append(o["tables"][0]["rows"][0]),
        lambda o: o["tables"].append(o["tables"][0]),
        lambda o: o["tables"][0].__setitem__("columns", ["id", "id"]),
        lambda o: o["tables"][0].__setitem__("table", ""),
    ],
)
def test_a_malformed_change_set_is_refused(mangle: object) -> None:
    good = change_sets.to_json(
        ChangeSet(5, (TableChanges("parent", ("id",), (RowChange("insert", 1, None, ("a",)),)),))
    )
    assert change_sets.decode(_encoded(good)).row_count == 1
    assert callable(mangle)
    mangle(good)
    with pytest.raises(ValueError):
        change_sets.decode(_encoded(good))


@given(st.binary(max_size=200))
def test_random_bytes_are_refused_as_a_change_set(data: bytes) -> None:
    with pytest.raises(ValueError):
        change_sets.decode(data)


@pytest.mark.parametrize(
    "ddl",
    [
        "CREATE VIRTUAL TABLE words USING fts5(text)",
        "CREATE TABLE pairs (a TEXT, b TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID",
    ],
)
def test_a_table_it_cannot_follow_is_refused_not_left_out(ddl: str) -> None:
    engine = _engine()
    raw_connection(engine).execute(ddl)
    with pytest.raises(RuntimeError):
        change_capture.install(engine)


def test_a_value_changed_only_in_type_is_captured() -> None:
    engine = _engine()
    raw = raw_connection(engine)
    raw.execute("CREATE TABLE loose (x)")  # no affinity: 1 and 1.0 stay apart
    with raw:
        raw.execute("INSERT INTO loose (x) VALUES (1)")
    base = snapshot(engine)
    change_capture.install(engine)
    with raw:
        raw.execute("UPDATE loose SET x = 1.0")
    found = change_capture.collect(engine, 1)
    assert found is not None
    replayed = engine_from_snapshot(base)
    assert change_capture.replay(replayed, [change_sets.encode(found)]) == 1
    assert raw_connection(replayed).execute("SELECT typeof(x) FROM loose").fetchone() == ("real",)
