"""The bare costs Casetracker's figures are compared with, on the same rows.

- save: AES-256-GCM over the serialised database with ``cryptography``, then a plain
  write + fsync + rename + folder fsync (no compression, no header, no backups);
- rules: one hand-written SQL query for the last proof of life of every case;
- search: SQLite FTS5 (prefix queries over the cases' search keys), joined back to the cases;
- the whole design: the same database in SQLCipher (``sqlcipher3``), if it is installed, with
  WAL, ``synchronous=FULL`` (each commit durable), ``temp_store=MEMORY`` and a page cache as
  large as the database (the in-memory database holds all of it); each side's KDF is named.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from benchmarks.timing import io_counters, io_delta, median, repeat, seconds, summary
from casetracker.services.search_text import fold
from casetracker.storage import memdb

RUNS = 5

#: Last proof of life (a direct contact) per case: what the rules need most, in one query.
PROOF_OF_LIFE_SQL = (
    "SELECT case_id, max(occurred_at) FROM contactevent WHERE direct GROUP BY case_id"
)
FTS_QUERY_SQL = (
    'SELECT c.id, c.ref, c.full_name, c.status FROM case_fts f JOIN "case" c ON c.rowid = f.rowid '
    "WHERE case_fts MATCH ?"
)
UPDATE_SQL = 'UPDATE "case" SET notes = ? WHERE ref = ?'
FIRST_REF_SQL = 'SELECT ref FROM "case" ORDER BY ref LIMIT 1'


def _fetch_all(conn: Any, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
    return list(conn.execute(sql, params).fetchall())


def memory_copy(payload: bytes) -> sqlite3.Connection:
    """The database in memory, loaded as the vault's is (``memdb``): a plain ``deserialize``
    may not grow past 1 GiB, which 100,000 cases already are (FTS5's index would not fit)."""
    conn = sqlite3.connect(":memory:")
    memdb.load_bytes(conn, payload)
    return conn


def encrypt_and_write(payload: bytes, folder: Path) -> None:
    """The bare durable save: encrypt with cryptography, write, fsync, rename, fsync folder."""
    data = AESGCM(os.urandom(32)).encrypt(os.urandom(12), payload, None)
    temp, target = folder / "bare.tmp", folder / "bare.bin"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, target)
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def save_baseline(payload: bytes, folder: Path) -> dict[str, float]:
    times = repeat(lambda: encrypt_and_write(payload, folder), RUNS)
    (folder / "bare.bin").unlink(missing_ok=True)
    return {"encrypt_fsync": median(times)}


def rules_baseline(payload: bytes) -> dict[str, float]:
    conn = memory_copy(payload)
    try:
        times = repeat(lambda: conn.execute(PROOF_OF_LIFE_SQL).fetchall(), RUNS)
    finally:
        conn.close()
    return {"proof_of_life_sql": median(times)}


def fts_query(prefix: str) -> str:
    """A phrase-prefix query: every token of the folded prefix, the last one open-ended."""
    text = fold(prefix).replace('"', " ").strip()
    return f'"{text}" *' if text else '""'


def search_baseline(payload: bytes, keystrokes: list[str]) -> dict[str, Any]:
    conn = memory_copy(payload)
    try:
        fts5 = bool(conn.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')").fetchone()[0])
        build_s, _ = seconds(
            lambda: conn.executescript(
                "CREATE VIRTUAL TABLE case_fts USING fts5("
                "search_key, content='case', content_rowid='rowid');"
                "INSERT INTO case_fts(case_fts) VALUES ('rebuild');"
            )
        )
        queries = [fts_query(k) for k in keystrokes]
        times = [seconds(partial(_fetch_all, conn, FTS_QUERY_SQL, (q,)))[0] for q in queries]
    finally:
        conn.close()
    return {"fts5_compiled": fts5, "fts5_index_build": build_s, "fts5": summary(times)}


def sqlcipher_baseline(payload: bytes, folder: Path) -> dict[str, Any]:
    """The same database as an SQLCipher file: open, one-row update + commit, a query."""
    try:
        from sqlcipher3 import dbapi2 as sqlcipher
    except ImportError as exc:
        return {"available": False, "reason": f"sqlcipher3 is not installed ({exc})"}
    plain, encrypted = folder / "plain.db", folder / "cipher.db"
    raw_key = os.urandom(32).hex()
    passphrase = "benchmark passphrase"
    plain.write_bytes(payload)  # fictional data, removed below
    try:
        conn = sqlcipher.connect(str(plain))
        conn.execute(f"ATTACH DATABASE '{encrypted}' AS enc KEY \"x'{raw_key}'\"")
        convert_s, _ = seconds(lambda: conn.execute("SELECT sqlcipher_export('enc')").fetchall())
        conn.execute("DETACH DATABASE enc")
        conn.close()
    finally:
        plain.unlink(missing_ok=True)

    # Like for like with the in-memory database: a page cache that holds all of it, temporary
    # tables in memory, WAL (set once, it stays with the file) and every commit made durable.
    cache_kib = len(payload) // 1024 + 1

    def configure(db: Any) -> None:
        db.execute(f"PRAGMA cache_size = -{cache_kib}")
        db.execute("PRAGMA temp_store = MEMORY")
        db.execute("PRAGMA synchronous = FULL")

    first = sqlcipher.connect(str(encrypted))
    try:
        first.execute(f"PRAGMA key = \"x'{raw_key}'\"")
        first.execute("PRAGMA journal_mode = WAL").fetchone()
    finally:
        first.close()

    def open_raw() -> Any:
        db = sqlcipher.connect(str(encrypted))
        db.execute(f"PRAGMA key = \"x'{raw_key}'\"")
        configure(db)
        db.execute(FIRST_REF_SQL).fetchone()
        return db

    opens = []
    for _ in range(3):
        elapsed, db = seconds(open_raw)
        opens.append(elapsed)
        db.close()
    # With a passphrase: SQLCipher's own KDF (PBKDF2-HMAC-SHA512, 256,000 rounds in SQLCipher 4;
    # the run reports what it used) first.
    keyed = sqlcipher.connect(str(encrypted))
    try:
        keyed.execute(f"PRAGMA key = \"x'{raw_key}'\"")
        keyed.execute(f"PRAGMA rekey = '{passphrase}'")
    finally:
        keyed.close()

    def open_with_passphrase() -> Any:
        db = sqlcipher.connect(str(encrypted))
        db.execute(f"PRAGMA key = '{passphrase}'")
        configure(db)
        db.execute(FIRST_REF_SQL).fetchone()
        return db

    kdf_open_s, db = seconds(open_with_passphrase)
    db.close()
    db = open_with_passphrase()
    try:
        cold_s, _ = seconds(lambda: db.execute(PROOF_OF_LIFE_SQL).fetchall())
        warm = repeat(lambda: db.execute(PROOF_OF_LIFE_SQL).fetchall(), RUNS)
        ref = db.execute(FIRST_REF_SQL).fetchone()[0]
        synchronous = db.execute("PRAGMA synchronous").fetchone()[0]
        journal = db.execute("PRAGMA journal_mode").fetchone()[0]
        cache_size = db.execute("PRAGMA cache_size").fetchone()[0]
        temp_store = db.execute("PRAGMA temp_store").fetchone()[0]
        kdf_iter = db.execute("PRAGMA kdf_iter").fetchone()[0]
        kdf_name = _pragma(db, "cipher_kdf_algorithm", "PBKDF2_HMAC_SHA512")
        version = db.execute("PRAGMA cipher_version").fetchone()[0]
        sqlite_version = db.execute("SELECT sqlite_version()").fetchone()[0]

        def update(n: int) -> None:
            # A new value each time: SQLite skips writing a row that did not change.
            db.execute(UPDATE_SQL, (f"benchmark edit {n}", ref))
            db.commit()

        updates, written = [], []
        for n in range(RUNS):
            before = io_counters()
            updates.append(seconds(partial(update, n))[0])
            written.append(io_delta(before, io_counters()))
    finally:
        db.close()
    size = encrypted.stat().st_size
    for path in (encrypted, *(encrypted.with_name(encrypted.name + s) for s in ("-wal", "-shm"))):
        path.unlink(missing_ok=True)
    return {
        "available": True,
        "cipher_version": version,
        "sqlite_version": sqlite_version,
        "synchronous": synchronous,
        "journal_mode": journal,
        "cache_size": cache_size,
        "temp_store": temp_store,
        "kdf": f"{kdf_name.replace('_', '-')}, {int(kdf_iter):,} iterations",
        "file_bytes": size,
        "convert": convert_s,
        "open_raw_key": median(opens),
        "open_with_passphrase": kdf_open_s,
        "update_commit": median(updates),
        "update_commit_first": updates[0],
        "update_commit_wchar": median([float(w.get("wchar", 0)) for w in written]),
        "update_commit_write_bytes": median([float(w.get("write_bytes", 0)) for w in written]),
        "query_cold": cold_s,
        "query_warm": median(warm),
    }


def _pragma(db: Any, name: str, default: str) -> str:
    """A pragma's value, or ``default`` where this SQLCipher does not report it."""
    try:
        row = db.execute(f"PRAGMA {name}").fetchone()
    except Exception:
        return default
    return str(row[0]) if row else default


def run_all(payload: bytes, folder: Path, keystrokes: list[str]) -> dict[str, Any]:
    """Every baseline; one that fails says why in its place (the app's figures, measured
    before, are kept: at 100,000 cases they took a quarter of an hour)."""
    steps: dict[str, Callable[[], dict[str, Any]]] = {
        "save": lambda: save_baseline(payload, folder),
        "rules": lambda: rules_baseline(payload),
        "search": lambda: search_baseline(payload, keystrokes),
        "sqlcipher": lambda: sqlcipher_baseline(payload, folder),
    }
    out: dict[str, Any] = {}
    for name, step in steps.items():
        try:
            out[name] = step()
        except Exception as exc:
            out[name] = {"available": False, "reason": f"failed: {type(exc).__name__}: {exc}"}
    return out
