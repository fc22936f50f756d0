"""Looking at vault files from the outside, without the writer lock and without repairing.

`VaultFile.open` takes the lock and tidies up (removes temp files, finishes re-keying), so a
check that must see the files exactly as a crash or a full disk left them reads them here.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, select

from casetracker.model import Case
from casetracker.services.workspace import load_engine
from casetracker.storage import backups, envelope, key_slots
from casetracker.storage.errors import WrongPassphrase
from casetracker.storage.key_slots import KekCache
from casetracker.storage.vault_file import decrypt_contents

#: A file's snapshot and the change sets of its journal (format 3) after it.
Contents = tuple[bytes, tuple[bytes, ...]]


def payload_with(path: Path, passphrase: str, cache: KekCache | None = None) -> Contents | None:
    """The decrypted contents of one vault or backup file, or None if `passphrase` does not
    open it. Damage raises VaultDamaged, as it should never happen in these checks; a torn
    last journal record is left out, as opening would."""
    parsed = envelope.parse(path.read_bytes())
    try:
        key = key_slots.unlock(
            parsed.header.slots, parsed.header.vault_id, passphrase=passphrase, cache=cache
        )
    except WrongPassphrase:
        return None
    return decrypt_contents(parsed, key)


def case_names(contents: Contents) -> list[str]:
    """The case names in a vault's decrypted contents (the snapshot, the journal replayed)."""
    engine = load_engine(*contents)
    try:
        with Session(engine) as session:
            return sorted(session.exec(select(Case.full_name)))
    finally:
        engine.dispose()


def names_on_disk(path: Path, passphrase: str) -> list[str]:
    payload = payload_with(path, passphrase)
    if payload is None:
        raise WrongPassphrase()
    return case_names(payload)


def files_opened_by(vault_path: Path, passphrase: str, cache: KekCache) -> list[Path]:
    """The main file and every backup that `passphrase` opens."""
    paths = [vault_path, *backups.all_backup_paths(vault_path, include_damaged=True)]
    return [p for p in paths if p.exists() and payload_with(p, passphrase, cache) is not None]


def temp_files(folder: Path) -> list[Path]:
    """Leftovers of interrupted writes anywhere under `folder` (vault, backups, blobs)."""
    return [p for p in folder.rglob("*") if ".tmp" in p.name]
