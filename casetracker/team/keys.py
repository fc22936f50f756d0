"""Member keys: each member's own Ed25519 and X25519 pair, the team's epoch keys wrapped to them,
and the join request that binds a new member's keys to the invitation passed in person.

A wrapped key is the epoch key sealed to one member's X25519 key (an ephemeral X25519 exchange,
HKDF-SHA256, AES-256-GCM), naming the team, the epoch and the member's login role, and signed by
the administrator who wrote it. The server stores it and cannot read it; a member takes only a
key signed by an administrator it already trusts.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from casetracker.team.records import RecordError, public_key

_KEY_MAGIC = b"CTTKEY01"
_JOIN_MAGIC = b"CTTJOIN1"
_KEY_HEADER = struct.Struct(">8s16sI32s32s")  # magic, team, epoch, admin key, role digest
_NONCE = 12
_SIGNATURE = 64
KEY_BYTES = 32


@dataclass(frozen=True)
class MemberKeys:
    """One member's private keys (kept in their vault only)."""

    signing: bytes
    box: bytes

    @staticmethod
    def generate() -> MemberKeys:
        return MemberKeys(
            Ed25519PrivateKey.generate().private_bytes_raw(),
            X25519PrivateKey.generate().private_bytes_raw(),
        )

    @property
    def signing_public(self) -> bytes:
        return public_key(self.signing)

    @property
    def box_public(self) -> bytes:
        return X25519PrivateKey.from_private_bytes(self.box).public_key().public_bytes_raw()


def new_epoch_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _role_digest(role: str) -> bytes:
    return hashlib.sha256(b"casetracker-team-role\x00" + role.encode()).digest()


def _kek(shared: bytes, ephemeral: bytes, recipient: bytes, header: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=ephemeral + recipient,
        info=b"casetracker-team-key-v1\x00" + header,
    ).derive(shared)


def wrap(
    *,
    team_id: bytes,
    epoch: int,
    epoch_key: bytes,
    role: str,
    recipient_box: bytes,
    admin_signing: bytes,
) -> bytes:
    header = _KEY_HEADER.pack(
        _KEY_MAGIC, team_id, epoch, public_key(admin_signing), _role_digest(role)
    )
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_box))
    nonce = os.urandom(_NONCE)
    kek = _kek(shared, ephemeral_public, recipient_box, header)
    body = header + ephemeral_public + nonce + AESGCM(kek).encrypt(nonce, epoch_key, header)
    return body + Ed25519PrivateKey.from_private_bytes(admin_signing).sign(body)


@dataclass(frozen=True)
class Unwrapped:
    epoch: int
    key: bytes
    admin: bytes


def unwrap(untrusted: bytes, *, team_id: bytes, role: str, keys: MemberKeys) -> Unwrapped:
    """Open a wrapped key addressed to us; the caller decides whether its admin is trusted."""
    expected = _KEY_HEADER.size + 32 + _NONCE + KEY_BYTES + 16 + _SIGNATURE
    if len(untrusted) != expected:
        raise RecordError("a wrapped key of the wrong size")
    magic, team, epoch, admin, role_digest = _KEY_HEADER.unpack_from(untrusted)
    if magic != _KEY_MAGIC or team != team_id or role_digest != _role_digest(role):
        raise RecordError("a wrapped key for another team or member")
    try:
        Ed25519PublicKey.from_public_bytes(admin).verify(
            untrusted[-_SIGNATURE:], untrusted[:-_SIGNATURE]
        )
    except InvalidSignature as exc:
        raise RecordError("a wrapped key not signed by its administrator") from exc
    header = untrusted[: _KEY_HEADER.size]
    offset = _KEY_HEADER.size
    ephemeral = untrusted[offset : offset + 32]
    nonce = untrusted[offset + 32 : offset + 32 + _NONCE]
    sealed = untrusted[offset + 32 + _NONCE : -_SIGNATURE]
    shared = X25519PrivateKey.from_private_bytes(keys.box).exchange(
        X25519PublicKey.from_public_bytes(ephemeral)
    )
    try:
        key = AESGCM(_kek(shared, ephemeral, keys.box_public, header)).decrypt(
            nonce, sealed, header
        )
    except InvalidTag as exc:
        raise RecordError("a wrapped key that does not open with our key") from exc
    return Unwrapped(epoch, key, admin)


# -- joining ----------------------------------------------------------------------------------
def _join_mac(secret: bytes, team_id: bytes, role: str, signing: bytes, box: bytes) -> bytes:
    message = _JOIN_MAGIC + team_id + _role_digest(role) + signing + box
    return hmac.new(secret, message, hashlib.sha256).digest()


def join_request(*, secret: bytes, team_id: bytes, role: str, keys: MemberKeys) -> bytes:
    """A new member's public keys, bound by the invitation's secret to the person who got it."""
    signing, box = keys.signing_public, keys.box_public
    return _JOIN_MAGIC + signing + box + _join_mac(secret, team_id, role, signing, box)


@dataclass(frozen=True)
class JoinRequest:
    signing: bytes
    box: bytes


def check_join_request(
    untrusted: bytes, *, secret: bytes, team_id: bytes, role: str
) -> JoinRequest:
    if len(untrusted) != len(_JOIN_MAGIC) + 96 or not untrusted.startswith(_JOIN_MAGIC):
        raise RecordError("not a join request")
    signing = untrusted[8:40]
    box = untrusted[40:72]
    if not hmac.compare_digest(untrusted[72:], _join_mac(secret, team_id, role, signing, box)):
        raise RecordError("a join request not made with the invitation")
    return JoinRequest(signing, box)
