"""Key slots: the data key wrapped once per way of unlocking (passphrase, recovery key).

Like LUKS: a random data key encrypts the case data, and each slot holds that key encrypted
under a key-encryption key (KEK) derived from one secret. Changing the passphrase replaces a
slot; the data itself is not re-encrypted. Slots are bound to the vault id and their kind
through AES-GCM associated data, so a slot cannot be moved to another vault or relabelled.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from casetracker.storage import kdf
from casetracker.storage.errors import VaultDamaged, WrongPassphrase, WrongRecoveryKey
from casetracker.storage.kdf import KdfParams

SlotKind = Literal["passphrase", "recovery"]

DATA_KEY_LENGTH = 32
NONCE_LENGTH = 12
WRAPPED_LENGTH = DATA_KEY_LENGTH + 16
RECOVERY_KEY_BYTES = 20
_RECOVERY_INFO = b"casetracker recovery slot v1"
_SLOT_AD_PREFIX = b"casetracker key slot v1\x00"
# Digits that are not in the base32 alphabet but are easily typed for look-alike letters.
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


@dataclass(frozen=True)
class KeySlot:
    """One wrapped copy of the data key. `kdf` is set for passphrase slots only."""

    kind: SlotKind
    salt: bytes
    nonce: bytes
    wrapped: bytes
    kdf: KdfParams | None = None

    def to_json(self) -> dict[str, object]:
        """Header form; binary fields as base64."""
        out: dict[str, object] = {
            "kind": self.kind,
            "salt": encode_b64(self.salt),
            "nonce": encode_b64(self.nonce),
            "wrapped": encode_b64(self.wrapped),
        }
        if self.kdf is not None:
            out["kdf"] = kdf.params_to_json(self.kdf)
        return out


def slot_from_untrusted(untrusted: object) -> KeySlot:
    """Check one slot read from a file; anything malformed is header damage."""
    if not isinstance(untrusted, dict):
        raise VaultDamaged("header")
    kind = untrusted.get("kind")
    salt = decode_b64(untrusted.get("salt"), kdf.SALT_LENGTH)
    nonce = decode_b64(untrusted.get("nonce"), NONCE_LENGTH)
    wrapped = decode_b64(untrusted.get("wrapped"), WRAPPED_LENGTH)
    if kind == "passphrase":
        expected_keys = {"kind", "salt", "nonce", "wrapped", "kdf"}
        params: KdfParams | None = kdf.params_from_untrusted(untrusted.get("kdf"))
    elif kind == "recovery":
        expected_keys = {"kind", "salt", "nonce", "wrapped"}
        params = None
    else:
        raise VaultDamaged("header")
    if set(untrusted) != expected_keys:
        raise VaultDamaged("header")
    return KeySlot(kind=kind, salt=salt, nonce=nonce, wrapped=wrapped, kdf=params)


def encode_b64(data: bytes) -> str:
    """Binary header fields are stored as standard base64 text."""
    return base64.b64encode(data).decode("ascii")


def decode_b64(untrusted: object, length: int) -> bytes:
    """Decode a base64 header field of an exact length; anything else is header damage."""
    if not isinstance(untrusted, str) or len(untrusted) > 4 * length:
        raise VaultDamaged("header")
    try:
        data = base64.b64decode(untrusted.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise VaultDamaged("header") from exc
    if len(data) != length:
        raise VaultDamaged("header")
    return data


def _slot_ad(vault_id: str, kind: SlotKind) -> bytes:
    return _SLOT_AD_PREFIX + bytes.fromhex(vault_id) + b"\x00" + kind.encode("ascii")


def _wrap(kek: bytes, data_key: bytes, vault_id: str, kind: SlotKind) -> tuple[bytes, bytes]:
    nonce = os.urandom(NONCE_LENGTH)
    return nonce, AESGCM(kek).encrypt(nonce, data_key, _slot_ad(vault_id, kind))


def _unwrap(kek: bytes, slot: KeySlot, vault_id: str) -> bytes | None:
    try:
        return AESGCM(kek).decrypt(slot.nonce, slot.wrapped, _slot_ad(vault_id, slot.kind))
    except InvalidTag:
        return None


def new_data_key() -> bytes:
    """A fresh random key for the case data; it lives only in memory and in wrapped slots."""
    return secrets.token_bytes(DATA_KEY_LENGTH)


def passphrase_slot(data_key: bytes, vault_id: str, passphrase: str, params: KdfParams) -> KeySlot:
    """Wrap the data key under a passphrase (one Argon2id run, with a fresh salt)."""
    salt = os.urandom(kdf.SALT_LENGTH)
    nonce, wrapped = _wrap(kdf.derive(passphrase, salt, params), data_key, vault_id, "passphrase")
    return KeySlot("passphrase", salt, nonce, wrapped, params)


def _recovery_kek(raw_key: bytes, salt: bytes) -> bytes:
    # The recovery key is 160 random bits, so a fast KDF is enough: nobody can guess it.
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_RECOVERY_INFO).derive(
        raw_key
    )


def recovery_slot(data_key: bytes, vault_id: str) -> tuple[KeySlot, str]:
    """Wrap the data key under a new random recovery key; return the slot and the key text."""
    raw_key = secrets.token_bytes(RECOVERY_KEY_BYTES)
    salt = os.urandom(kdf.SALT_LENGTH)
    nonce, wrapped = _wrap(_recovery_kek(raw_key, salt), data_key, vault_id, "recovery")
    return KeySlot("recovery", salt, nonce, wrapped), format_recovery_key(raw_key)


def format_recovery_key(raw_key: bytes) -> str:
    """Show 20 bytes as 32 base32 characters in dash-separated groups of four."""
    text = base64.b32encode(raw_key).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """Read a recovery key as people type it: any case, spaces or dashes anywhere or none.

    0, 1 and 8 never occur in a recovery key, so they are read as O, I and B.
    """
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n").translate(_LOOKALIKES)
    if len(cleaned) != 32:
        raise WrongRecoveryKey()
    try:
        raw = base64.b32decode(cleaned)
    except (binascii.Error, ValueError) as exc:
        raise WrongRecoveryKey() from exc
    return raw


class KekCache:
    """Remembers derived KEKs per (passphrase, salt, params) so checking many backups that
    share a slot costs one Argon2id run, not one per file."""

    def __init__(self) -> None:
        self._keks: dict[tuple[str, bytes, KdfParams | None], bytes] = {}

    def passphrase_kek(self, passphrase: str, slot: KeySlot) -> bytes:
        assert slot.kdf is not None
        key = (passphrase, slot.salt, slot.kdf)
        if key not in self._keks:
            self._keks[key] = kdf.derive(passphrase, slot.salt, slot.kdf)
        return self._keks[key]

    def clear(self) -> None:
        self._keks.clear()


def unlock(
    slots: Iterable[KeySlot],
    vault_id: str,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    cache: KekCache | None = None,
) -> bytes:
    """Return the data key from the first slot the given secret opens.

    Exactly one of `passphrase` / `recovery_key` must be given. With a passphrase every
    passphrase slot is tried, even after a match, so success and failure cost the same time.
    """
    if (passphrase is None) == (recovery_key is None):
        raise ValueError("give exactly one of passphrase or recovery_key")
    cache = cache or KekCache()
    found: bytes | None = None
    if passphrase is not None:
        for slot in slots:
            if slot.kind == "passphrase":
                data_key = _unwrap(cache.passphrase_kek(passphrase, slot), slot, vault_id)
                found = found or data_key
        if found is None:
            raise WrongPassphrase()
        return found
    assert recovery_key is not None
    raw_key = parse_recovery_key(recovery_key)
    for slot in slots:
        if slot.kind == "recovery":
            found = found or _unwrap(_recovery_kek(raw_key, slot.salt), slot, vault_id)
    if found is None:
        raise WrongRecoveryKey()
    return found
