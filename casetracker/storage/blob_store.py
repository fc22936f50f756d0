"""Encrypted attachment blobs kept in a folder beside the vault.

Each blob has its own random key, stored only inside the (encrypted) vault database: deleting the
database row makes the blob unreadable even if the file survives in a backup or on a disk that
never overwrites sectors. File names are random and say nothing about the content.
"""

import contextlib
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from casetracker.i18n import translate
from casetracker.storage import atomic_write
from casetracker.storage.errors import SaveFailed, VaultDamaged

_MAGIC = b"CTBLOB1\x00"
_NONCE = 12


def blob_dir(vault_path: Path) -> Path:
    return vault_path.with_name(vault_path.name + ".blobs")


class BlobStore:
    def __init__(self, vault_path: Path) -> None:
        self.root = blob_dir(vault_path)

    def put(self, data: bytes) -> tuple[str, bytes]:
        """Encrypt and durably write; returns (blob name, key) for the database row.

        Durable like a vault save: the file is synced, renamed into place and the folder
        synced, so a vault saved after this never refers to a blob a power cut took back.
        Any disk error is `SaveFailed`, with nothing left behind.
        """
        name = secrets.token_hex(16)
        key = AESGCM.generate_key(bit_length=256)
        nonce = secrets.token_bytes(_NONCE)
        sealed = _MAGIC + nonce + AESGCM(key).encrypt(nonce, data, name.encode())
        target = self.root / name
        tmp = self.root / f".{name}.tmp"
        try:
            if not self.root.is_dir():
                self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
                atomic_write.sync_dir(self.root.parent)
            atomic_write.write_new_file(tmp, sealed)
            os.replace(tmp, target)
            atomic_write.sync_dir(self.root)
        except OSError as exc:
            for leftover in (tmp, target):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)
            raise SaveFailed(exc.errno) from exc
        return name, key

    def get(self, name: str, key: bytes) -> bytes:
        """Decrypted bytes, in memory only."""
        path = self.root / _safe(name)
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise VaultDamaged(
                "payload",
                translate("storage", "An attachment file is missing from the vault folder."),
            ) from exc
        if not raw.startswith(_MAGIC) or len(raw) < len(_MAGIC) + _NONCE + 16:
            raise VaultDamaged("payload", translate("storage", "An attachment file is damaged."))
        nonce = raw[len(_MAGIC) : len(_MAGIC) + _NONCE]
        try:
            return AESGCM(key).decrypt(nonce, raw[len(_MAGIC) + _NONCE :], name.encode())
        except InvalidTag as exc:
            raise VaultDamaged(
                "payload", translate("storage", "An attachment file is damaged or was altered.")
            ) from exc

    def delete(self, name: str) -> None:
        (self.root / _safe(name)).unlink(missing_ok=True)

    def names(self) -> set[str]:
        if not self.root.is_dir():
            return set()
        return {p.name for p in self.root.iterdir() if not p.name.startswith(".")}


def _safe(name: str) -> str:
    if not name or any(c not in "0123456789abcdef" for c in name):
        raise VaultDamaged(
            "payload", translate("storage", "An attachment reference in the vault is not valid.")
        )
    return name
