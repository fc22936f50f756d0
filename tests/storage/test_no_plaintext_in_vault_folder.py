"""SECURITY.md rule 1 for storage: a marker in the data never appears in any file on disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text
from storage_samples import PASSPHRASE

from casetracker.storage.database import engine_from_snapshot, snapshot
from casetracker.storage.kdf import FLOOR
from casetracker.storage.vault_file import VaultFile

MARKER = "Qzxv-маркер-Ёжик-7731"


PIECES = {MARKER, MARKER.upper(), MARKER.casefold(), "Qzxv", "маркер", "Ёжик"}
NEEDLES = [t.encode(enc) for t in PIECES for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def hits(root: Path) -> list[str]:
    """Files under `root` whose name or bytes hold any piece of the marker."""
    found = []
    for path in root.rglob("*"):
        if any(piece in path.name for piece in PIECES):
            found.append(f"name: {path}")
        if path.is_file() and any(needle in path.read_bytes() for needle in NEEDLES):
            found.append(str(path))
    return found


def test_scan_finds_the_marker_in_each_encoding(tmp_path: Path) -> None:
    for n, encoding in enumerate(("utf-8", "utf-16-le", "utf-16-be")):
        (tmp_path / f"plain{n}").write_bytes(b"..." + MARKER.encode(encoding) + b"...")
    (tmp_path / f"{MARKER}.txt").write_bytes(b"")
    assert len(hits(tmp_path)) == 4


def test_marker_never_reaches_the_disk_in_any_encoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sqlite_tmp = tmp_path / "sqlite-tmp"
    sqlite_tmp.mkdir()
    monkeypatch.setenv("SQLITE_TMPDIR", str(sqlite_tmp))
    monkeypatch.setenv("TMPDIR", str(sqlite_tmp))
    engine = engine_from_snapshot(None)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT, note TEXT)"))
        for n in range(3000):  # enough rows for sorts and index builds to want temp space
            conn.execute(
                text("INSERT INTO person (name, note) VALUES (:name, :note)"),
                {"name": f"{MARKER} {n}", "note": os.urandom(64).hex()},
            )
        conn.execute(text("CREATE INDEX person_note ON person (note, name)"))
        conn.execute(text("SELECT name FROM person ORDER BY fold(name), note DESC")).all()

    vault_dir = tmp_path / "vault"
    vault, recovery_key = VaultFile.create(
        vault_dir / "org.ctvault", PASSPHRASE, snapshot(engine), kdf=FLOOR
    )
    with vault:
        assert hits(tmp_path) == []  # while open: vault, lock file
        for n in range(4):
            with engine.begin() as conn:
                conn.execute(text("UPDATE person SET note = :n WHERE id = 1"), {"n": str(n)})
            vault.save(snapshot(engine))
        vault.change_passphrase("another passphrase", FLOOR)
        vault.replace_recovery_key()
        vault.restore_backup(2)
    VaultFile.open_newest_backup(vault_dir / "org.ctvault", passphrase="another passphrase")[
        0
    ].close()
    assert any((vault_dir / "org.ctvault.backups").iterdir())
    assert list(sqlite_tmp.iterdir()) == []
    assert hits(tmp_path) == []
    assert recovery_key  # shown once, never written by storage
