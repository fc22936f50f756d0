"""The database image is loaded into SQLite's memory once, and may grow past 1 GiB.

A database really past 1 GiB takes seconds and gigabytes, so these tests check the limit
SQLite reports and force the portable path's size threshold down instead; the real sizes
were checked by hand (docs/performance.md).
"""

from __future__ import annotations

import sqlite3
import tracemalloc
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from casetracker.storage import database, memdb
from casetracker.storage.database import engine_from_image, engine_from_snapshot

ROWS = 2000


def _image(rows: int = ROWS) -> bytes:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT)")
    conn.executemany("INSERT INTO t (note) VALUES (?)", ((f"note {i}",) for i in range(rows)))
    conn.commit()
    image = conn.serialize()
    conn.close()
    return image


def _copying(image: bytes) -> memdb.Fill:
    def fill(view: memoryview) -> None:
        view[:] = image

    return fill


def _raw(engine: Engine) -> sqlite3.Connection:
    return database.raw_connection(engine)


def _notes(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT note FROM t ORDER BY id")]


def _grows(conn: sqlite3.Connection) -> None:
    (before,) = conn.execute("SELECT count(*) FROM t").fetchone()
    conn.executemany("INSERT INTO t (note) VALUES (?)", ((f"more {i}",) for i in range(ROWS)))
    conn.commit()
    assert conn.execute("SELECT count(*) FROM t").fetchone() == (before + ROWS,)


@pytest.fixture
def portable(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As on a Python where the connection's handle cannot be reached."""
    monkeypatch.setattr(memdb, "_api", lambda: None)
    yield


needs_native = pytest.mark.skipif(
    not memdb.native(sqlite3.connect(":memory:")), reason="ctypes path not available here"
)


@needs_native
def test_a_loaded_snapshot_may_grow_past_sqlites_one_gibibyte() -> None:
    engine = engine_from_snapshot(_image())
    raw = _raw(engine)
    assert memdb.size_limit(raw) == memdb.MAX_IMAGE_BYTES > memdb.DEFAULT_LIMIT
    _grows(raw)


@needs_native
def test_an_image_filled_in_place_is_never_held_twice() -> None:
    image = _image(20_000)  # about 400 KB
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        engine = engine_from_image(len(image), _copying(image))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # SQLite's own memory is not traced; a Python-side copy of the image would be.
    assert peak < len(image) // 4
    raw = _raw(engine)
    assert len(_notes(raw)) == 20_000
    assert memdb.size_limit(raw) == memdb.MAX_IMAGE_BYTES
    _grows(raw)


@pytest.mark.parametrize("path", ["native", "portable"])
def test_what_the_filler_raises_is_raised_and_nothing_is_loaded(
    path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if path == "portable":
        monkeypatch.setattr(memdb, "_api", lambda: None)
    seen: list[int] = []

    def broken(view: memoryview) -> None:
        seen.append(len(view))
        view[:10] = b"SQLite for"
        raise ValueError("damaged payload")

    with pytest.raises(ValueError, match="damaged payload"):
        engine_from_image(8192, broken)
    assert seen == [8192]


@needs_native
def test_a_filler_that_keeps_a_view_of_sqlites_memory_is_refused() -> None:
    kept: list[memoryview] = []
    image = _image()

    def keeps(view: memoryview) -> None:
        view[:] = image
        kept.append(view[100:])

    with pytest.raises(RuntimeError, match="kept a view"):
        engine_from_image(len(image), keeps)
    # The memory it kept was wiped and is still its to read, never freed under it.
    assert not any(kept[0])


def test_a_subclass_is_used_in_place_once_its_handle_is_proven() -> None:
    class Shared(sqlite3.Connection):  # as the vault's own connection is
        pass

    conn = sqlite3.connect(":memory:", factory=Shared)
    assert memdb.native(conn) == memdb.native(sqlite3.connect(":memory:"))


def test_a_connection_whose_handle_is_not_proven_takes_the_portable_path() -> None:
    class Other(sqlite3.Connection):
        def setlimit(self, category: int, limit: int, /) -> int:
            return limit  # the limit set through Python never reaches C: the probe fails

    conn = sqlite3.connect(":memory:", factory=Other)
    assert not memdb.native(conn)
    image = _image()
    memdb.load(conn, len(image), _copying(image))
    assert _notes(conn) == [f"note {i}" for i in range(ROWS)]
    _grows(conn)


@pytest.mark.usefixtures("portable")
def test_portably_a_small_image_is_deserialized() -> None:
    image = _image()
    engine = engine_from_image(len(image), _copying(image))
    raw = _raw(engine)
    assert _notes(raw) == [f"note {i}" for i in range(ROWS)]
    _grows(raw)


@pytest.mark.usefixtures("portable")
@pytest.mark.parametrize("source", ["image", "bytes"])
def test_portably_a_large_image_goes_to_an_ordinary_database_that_can_grow(
    source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    image = _image()
    # As if this image were above half of SQLite's 1 GiB limit.
    monkeypatch.setattr(memdb, "DEFAULT_LIMIT", len(image))
    staged: list[int] = []
    real = memdb._through_staging

    def spy(conn: sqlite3.Connection, data: bytes | bytearray) -> None:
        staged.append(len(data))
        real(conn, data)

    monkeypatch.setattr(memdb, "_through_staging", spy)
    if source == "image":
        engine = engine_from_image(len(image), _copying(image))
    else:
        engine = engine_from_snapshot(image)
    assert staged == [len(image)]
    raw = _raw(engine)
    assert _notes(raw) == [f"note {i}" for i in range(ROWS)]
    _grows(raw)
    assert raw.serialize()[:16] == b"SQLite format 3\x00"


@pytest.mark.parametrize("size", [0, -1, memdb.MAX_IMAGE_BYTES + 1])
def test_sizes_sqlite_cannot_hold_are_refused_before_allocating(size: int) -> None:
    with pytest.raises(sqlite3.DataError):
        engine_from_image(size, lambda view: None)
