"""The three-way rebase, as a property: two laptops edit at random from one state, one sends
first, the other rebases and sends; both end with the same rows, no edit made by only one side
is lost, and a field both changed differently is a conflict (never a silent choice)."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from casetracker.team import merge

TABLES = ["item"]
COLUMNS = ("a", "b", "c")
BASE_ROWS = 6


def _db() -> sqlite3.Connection:
    raw = sqlite3.connect(":memory:", isolation_level=None)
    raw.execute(
        "CREATE TABLE item (id TEXT PRIMARY KEY NOT NULL, a TEXT, b INTEGER, c TEXT, "
        "updated_at TEXT NOT NULL)"
    )
    for n in range(BASE_ROWS):
        raw.execute(
            "INSERT INTO item VALUES (?, ?, ?, ?, ?)", (f"id{n}", f"a{n}", n, f"c{n}", "2026-01-01")
        )
    merge.install(raw, TABLES)
    return raw


def _rows(raw: sqlite3.Connection) -> list[tuple[object, ...]]:
    return raw.execute("SELECT rowid, * FROM item ORDER BY rowid").fetchall()


edit = st.one_of(
    st.tuples(
        st.just("set"),
        st.integers(0, BASE_ROWS - 1),
        st.sampled_from(COLUMNS),
        st.sampled_from(["x", "y", 7, 8]),
    ),
    st.tuples(st.just("add"), st.integers(0, 999), st.just(""), st.just("")),
    st.tuples(st.just("delete"), st.integers(0, BASE_ROWS - 1), st.just(""), st.just("")),
)


def _play(raw: sqlite3.Connection, side: str, edits: list[tuple[str, int, str, object]]) -> None:
    for number, (op, row, column, value) in enumerate(edits):
        stamp = f"2026-02-{number + 1:02d} {side}"
        if op == "set":
            raw.execute(
                f"UPDATE item SET {column} = ?, updated_at = ? WHERE id = ?",
                (value, stamp, f"id{row}"),
            )
        elif op == "add":
            raw.execute(
                "INSERT OR IGNORE INTO item VALUES (?, 'new', 0, '', ?)",
                (f"{side}-{row}", stamp),
            )
        else:
            raw.execute("DELETE FROM item WHERE id = ?", (f"id{row}",))


def _send(raw: sqlite3.Connection) -> merge.ChangeSet | None:
    sent = merge.pending(raw, TABLES, 1)
    if sent is not None:
        merge.sent(raw, sent)
    return sent


@given(st.lists(edit, max_size=8), st.lists(edit, max_size=8))
@settings(max_examples=150, deadline=None)
def test_two_laptops_converge_and_lose_nothing(
    first: list[tuple[str, int, str, object]], second: list[tuple[str, int, str, object]]
) -> None:
    a, b = _db(), _db()
    _play(a, "A", first)
    _play(b, "B", second)
    a_rows = {row[1]: row for row in _rows(a)}
    b_rows = {row[1]: row for row in _rows(b)}
    base = {row[1]: row for row in _rows(_db())}
    sent_a = _send(a)  # A reaches the server first
    b.execute("BEGIN")
    conflicts = merge.rebase(b, TABLES, [sent_a] if sent_a else [], schema=1)
    b.execute("COMMIT")
    sent_b = _send(b)
    a.execute("BEGIN")
    assert merge.rebase(a, TABLES, [sent_b] if sent_b else [], schema=1) == []
    a.execute("COMMIT")
    assert _rows(a) == _rows(b)
    final = {row[1]: row for row in _rows(a)}
    listed = {(c.row_id, c.column) for c in conflicts}
    for key, old in base.items():
        mine, theirs = a_rows.get(key), b_rows.get(key)
        if mine is None or theirs is None:
            continue  # deleted on a side: covered by the row-level conflict kinds
        for index, column in enumerate(("id", *COLUMNS), start=1):
            a_changed, b_changed = mine[index] != old[index], theirs[index] != old[index]
            if a_changed and b_changed and mine[index] != theirs[index]:
                assert (key, column) in listed
                assert final[key][index] == mine[index]  # the first sent is kept
            elif a_changed:
                assert final[key][index] == mine[index]
            elif b_changed:
                assert final[key][index] == theirs[index]
    # Rows added on either side are all there.
    for key in set(a_rows) | set(b_rows):
        if key not in base:
            assert key in final


def test_an_edit_made_while_sending_is_sent_next_time() -> None:
    raw = _db()
    raw.execute("UPDATE item SET a = 'first' WHERE id = 'id0'")
    going = merge.pending(raw, TABLES, 1)
    assert going is not None
    raw.execute("UPDATE item SET a = 'second' WHERE id = 'id0'")  # while on the network
    merge.sent(raw, going)
    after = merge.pending(raw, TABLES, 1)
    assert after is not None
    (row,) = after.tables[0].rows
    assert row.old is not None and row.new is not None
    assert (row.old[1], row.new[1]) == ("first", "second")
