"""Loading the vault's database image into SQLite's memory: once, and with room to grow.

Two limits of Python's ``Connection.deserialize`` matter at an organisation's size:

- It copies the image it is given into a buffer SQLite owns. Unlocking therefore held the
  decompressed payload and SQLite's copy at once: twice the database (2 × 210 MB at 20,000
  cases, 2 × 1 GB at 100,000). `load` lets the caller decompress straight into SQLite's own
  buffer instead.
- A deserialized database may only grow to SQLite's ``SQLITE_MEMDB_DEFAULT_MAXSIZE`` (1 GiB);
  past it, every write that needs a new page fails with "database or disk is full". The
  database of 100,000 cases is about that size. `load` raises the limit to the largest
  block SQLite can allocate at all (just under 2 GiB), which is also where ``serialize()``
  stops working.

Python exposes neither ``sqlite3_file_control`` nor a way to fill SQLite's buffer, so both go
through ctypes to the very library the ``sqlite3`` module is linked with, on the connection's
own handle. Each step is checked first: CPython 3.11 to 3.14 (whose connection object starts
with the ``sqlite3 *`` handle), the same SQLite version through ctypes as through Python, and a
limit set through Python read back through C on that handle. If anything does not match, the
portable path runs: the image is filled into a bytearray and copied by ``deserialize``; an image
too large to grow safely that way is copied page by page (SQLite's backup) into an ordinary
in-memory database, which has no such limit. Nothing is ever written to disk on either path.
"""

from __future__ import annotations

import ctypes
import functools
import platform
import sqlite3
import sys
from collections.abc import Callable

# SQLite refuses any single allocation from 0x7FFFFF00 bytes on, so no in-memory image can be
# larger; the limit leaves a few pages' room below that.
MAX_IMAGE_BYTES = 0x7FFF0000
# SQLITE_MEMDB_DEFAULT_MAXSIZE: how far a deserialized database may grow unless told otherwise.
DEFAULT_LIMIT = 1 << 30

_OK = 0
_FCNTL_SIZE_LIMIT = 36
_FREEONCLOSE = 1
_RESIZEABLE = 2
_SUPPORTED_PYTHON = ((3, 11), (3, 15))

Fill = Callable[[memoryview], None]


class _Api:
    """The SQLite C functions used here, from the library the sqlite3 module uses."""

    def __init__(self, lib: ctypes.CDLL) -> None:
        vp, i64 = ctypes.c_void_p, ctypes.c_int64
        self.libversion_number = lib.sqlite3_libversion_number
        self.libversion_number.argtypes, self.libversion_number.restype = (), ctypes.c_int
        self.limit = lib.sqlite3_limit
        self.limit.argtypes = (vp, ctypes.c_int, ctypes.c_int)
        self.limit.restype = ctypes.c_int
        self.malloc64 = lib.sqlite3_malloc64
        self.malloc64.argtypes, self.malloc64.restype = (ctypes.c_uint64,), vp
        self.free = lib.sqlite3_free
        self.free.argtypes, self.free.restype = (vp,), None
        self.deserialize = lib.sqlite3_deserialize
        self.deserialize.argtypes = (vp, ctypes.c_char_p, vp, i64, i64, ctypes.c_uint)
        self.deserialize.restype = ctypes.c_int
        self.file_control = lib.sqlite3_file_control
        self.file_control.argtypes = (vp, ctypes.c_char_p, ctypes.c_int, vp)
        self.file_control.restype = ctypes.c_int


@functools.cache
def _api() -> _Api | None:
    if platform.python_implementation() != "CPython":
        return None
    if not _SUPPORTED_PYTHON[0] <= sys.version_info[:2] < _SUPPORTED_PYTHON[1]:
        return None
    try:
        import _sqlite3

        # Symbols looked up through the extension module resolve to the SQLite it is linked
        # with (the process has one), never to another copy on the system.
        api = _Api(ctypes.CDLL(_sqlite3.__file__))
    except (ImportError, OSError, AttributeError):
        return None
    major, minor, patch = sqlite3.sqlite_version_info
    if api.libversion_number() != major * 1_000_000 + minor * 1000 + patch:
        return None
    return api


def _handle(conn: sqlite3.Connection, api: _Api) -> int | None:
    """The connection's ``sqlite3 *``, or None unless it is proven to be that handle."""
    # A subclass (the vault's own, `database._SharedConnection`) keeps the C object's layout:
    # its Python attributes come after it. The probe below proves the handle either way.
    if not isinstance(conn, sqlite3.Connection):
        return None
    handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
    if not handle:
        return None
    category = sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH
    old = conn.getlimit(category)
    probe = 4099 if old != 4099 else 4097
    conn.setlimit(category, probe)
    try:
        same = api.limit(handle, category, -1) == probe
    finally:
        conn.setlimit(category, old)
    return handle if same else None


def native(conn: sqlite3.Connection) -> bool:
    """Whether `load` can work on ``conn`` in place (otherwise it takes the portable path)."""
    api = _api()
    return api is not None and _handle(conn, api) is not None


def size_limit(conn: sqlite3.Connection) -> int | None:
    """How large the connection's deserialized database may grow; None if not knowable here."""
    api = _api()
    handle = None if api is None else _handle(conn, api)
    if api is None or handle is None:
        return None
    value = ctypes.c_int64(-1)
    if api.file_control(handle, b"main", _FCNTL_SIZE_LIMIT, ctypes.byref(value)) != _OK:
        return None
    return value.value


def load(conn: sqlite3.Connection, size: int, fill: Fill) -> None:
    """Make ``conn``'s main database the image of ``size`` bytes that ``fill`` writes.

    ``fill(view)`` must write all of ``view`` (exactly ``size`` bytes) and keep no reference
    to it or to a slice of it: once it returns, the memory belongs to SQLite. Whatever it
    raises is raised here, with the partly filled memory wiped and freed.
    """
    if not 0 < size <= MAX_IMAGE_BYTES:
        raise sqlite3.DataError(f"a database image of {size} bytes cannot be loaded")
    api = _api()
    handle = None if api is None else _handle(conn, api)
    if api is None or handle is None:
        _load_portably(conn, size, fill)
        return
    buffer = api.malloc64(size)
    if not buffer:
        raise MemoryError
    image = (ctypes.c_char * size).from_address(buffer)
    failure: BaseException | None = None
    view = memoryview(image).cast("B")
    try:
        fill(view)
    except BaseException as exc:
        failure = exc
    finally:
        view.release()
    # Two references: ``image`` and getrefcount's own argument. Any other is a view the
    # filler kept, which could write into the memory after SQLite has moved or freed it:
    # that memory is wiped and never given back.
    if sys.getrefcount(image) != 2:
        ctypes.memset(buffer, 0, size)
        raise RuntimeError("the image's filler kept a view of SQLite's memory") from failure
    del image
    if failure is not None:
        ctypes.memset(buffer, 0, size)
        api.free(buffer)
        raise failure
    # SQLite owns the buffer from here on, and frees it itself if this fails.
    flags = _FREEONCLOSE | _RESIZEABLE
    rc = api.deserialize(handle, b"main", buffer, size, size, flags)
    if rc != _OK:
        raise sqlite3.OperationalError(f"could not load the database image (SQLite code {rc})")
    _raise_limit(api, handle)


def load_bytes(conn: sqlite3.Connection, image: bytes | bytearray) -> None:
    """`load` from an image already in memory: ``deserialize`` copies it, with the same room
    to grow."""
    api = _api()
    handle = None if api is None else _handle(conn, api)
    if api is not None and handle is not None:
        conn.deserialize(image)
        _raise_limit(api, handle)
    elif len(image) <= DEFAULT_LIMIT // 2:
        conn.deserialize(image)
    else:
        _through_staging(conn, image)


def _raise_limit(api: _Api, handle: int) -> None:
    value = ctypes.c_int64(MAX_IMAGE_BYTES)
    rc = api.file_control(handle, b"main", _FCNTL_SIZE_LIMIT, ctypes.byref(value))
    if rc != _OK:
        raise sqlite3.OperationalError(f"could not let the database grow (SQLite code {rc})")


def _load_portably(conn: sqlite3.Connection, size: int, fill: Fill) -> None:
    """Fill a bytearray and load it as `load_bytes` does; the plaintext copy is wiped after."""
    image = bytearray(size)
    try:
        view = memoryview(image)
        try:
            fill(view)
        finally:
            view.release()
        load_bytes(conn, image)
    finally:
        _wipe(image)


def _through_staging(conn: sqlite3.Connection, image: bytes | bytearray) -> None:
    """Copy the image page by page (SQLite's backup) into ``conn``'s ordinary in-memory
    database, which grows without the deserialized database's limit."""
    staging = sqlite3.connect(":memory:")
    try:
        staging.deserialize(image)
        staging.backup(conn)
    finally:
        staging.close()


def _wipe(image: bytearray) -> None:
    """Zero a plaintext image before it goes back to the allocator."""
    if image:
        ctypes.memset((ctypes.c_char * len(image)).from_buffer(image), 0, len(image))
