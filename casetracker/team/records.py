"""Team records: what the server keeps, sealed by the team's key and signed by their author.

A record is one link of the team's hash chain. Its header names the team, its place in the
chain (sequence number and the SHA-256 of the record before it), its author's Ed25519 key and
the key epoch it is sealed under; the plaintext (a signed member list or a change set) is padded
to a size bucket and sealed with AES-256-GCM under the epoch's key, the header as associated
data; the author signs header and ciphertext. So the server, which holds no key, can withhold
records but cannot forge, alter, reorder, replay or splice them without a member noticing:
each record commits to its number and to everything before it. docs/team.md has the layout.
"""

from __future__ import annotations

import hashlib
import os
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"CTTEAM01"
KIND_MEMBERS = 1
KIND_CHANGES = 2
_KINDS = (KIND_MEMBERS, KIND_CHANGES)
_HEADER = struct.Struct(">8sB16sQ32s32sII")
HEADER_BYTES = _HEADER.size
_NONCE = 12
_TAG = 16
_SIGNATURE = 64
_SIGNED_PREFIX = b"casetracker-team-record-v1\x00"
# Plaintexts are padded to the next of these sizes, so the server learns a size class, not a
# size: a note of one word and a note of a page look the same.
_SMALLEST_BUCKET = 1024
_LARGEST_DOUBLING = 1 << 20
# A record above this is refused unread (the sender splits big changes into several).
MAX_RECORD_BYTES = 64 << 20


class RecordError(ValueError):
    """A record that is malformed, not signed by its author, or not sealed with the key."""


@dataclass(frozen=True)
class Header:
    kind: int
    team_id: bytes
    seq: int
    prev: bytes
    author: bytes
    epoch: int
    sealed_bytes: int

    def pack(self) -> bytes:
        return _HEADER.pack(
            MAGIC,
            self.kind,
            self.team_id,
            self.seq,
            self.prev,
            self.author,
            self.epoch,
            self.sealed_bytes,
        )


@dataclass(frozen=True)
class Signed:
    """A record whose signature checked out against the author key in its own header; whether
    that author belongs to the team is the chain's question (team/chain.py)."""

    header: Header
    body: bytes

    @property
    def digest(self) -> bytes:
        return record_hash(self.body)


def record_hash(body: bytes) -> bytes:
    return hashlib.sha256(body).digest()


def genesis_prev(team_id: bytes) -> bytes:
    """What the first record chains to: bound to the team, so no other team's chain fits."""
    return hashlib.sha256(b"casetracker-team-genesis-v1\x00" + team_id).digest()


def bucket(size: int) -> int:
    """The padded size for a plaintext of `size` bytes (its 4-byte length included)."""
    need = size + 4
    padded = _SMALLEST_BUCKET
    while padded < need and padded < _LARGEST_DOUBLING:
        padded *= 2
    if padded >= need:
        return padded
    return -(-need // _LARGEST_DOUBLING) * _LARGEST_DOUBLING


def _pad(plaintext: bytes) -> bytes:
    padded = bucket(len(plaintext))
    return struct.pack(">I", len(plaintext)) + plaintext + bytes(padded - len(plaintext) - 4)


def _unpad(padded: bytes) -> bytes:
    if len(padded) < 4:
        raise RecordError("a record's plaintext is shorter than its length")
    (length,) = struct.unpack_from(">I", padded)
    if length > len(padded) - 4 or any(padded[4 + length :]):
        raise RecordError("a record's padding is not empty")
    return padded[4 : 4 + length]


def public_key(signing_key: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(signing_key).public_key().public_bytes_raw()


def seal(
    *,
    kind: int,
    team_id: bytes,
    seq: int,
    prev: bytes,
    signing_key: bytes,
    epoch: int,
    epoch_key: bytes,
    plaintext: bytes,
) -> bytes:
    """One record, ready for the server."""
    padded = _pad(plaintext)
    header = Header(
        kind, team_id, seq, prev, public_key(signing_key), epoch, _NONCE + len(padded) + _TAG
    )
    packed = header.pack()
    nonce = os.urandom(_NONCE)
    sealed = nonce + AESGCM(epoch_key).encrypt(nonce, padded, packed)
    signature = Ed25519PrivateKey.from_private_bytes(signing_key).sign(
        _SIGNED_PREFIX + packed + sealed
    )
    body = packed + sealed + signature
    if len(body) > MAX_RECORD_BYTES:
        raise RecordError("a record over the size limit")
    return body


def check_signature(untrusted: bytes) -> Signed:
    """Parse a record and check it is signed by the key its header names."""
    if not HEADER_BYTES + _NONCE + _TAG + _SIGNATURE <= len(untrusted) <= MAX_RECORD_BYTES:
        raise RecordError("a record of impossible size")
    magic, kind, team_id, seq, prev, author, epoch, sealed_bytes = _HEADER.unpack_from(untrusted)
    if magic != MAGIC or kind not in _KINDS:
        raise RecordError("not a team record")
    if HEADER_BYTES + sealed_bytes + _SIGNATURE != len(untrusted):
        raise RecordError("a record whose length does not match its header")
    header = Header(kind, team_id, seq, prev, author, epoch, sealed_bytes)
    try:
        Ed25519PublicKey.from_public_bytes(author).verify(
            untrusted[-_SIGNATURE:], _SIGNED_PREFIX + untrusted[:-_SIGNATURE]
        )
    except (InvalidSignature, ValueError) as exc:
        raise RecordError("a record not signed by its author") from exc
    return Signed(header, bytes(untrusted))


def open_sealed(signed: Signed, epoch_key: bytes) -> bytes:
    """The plaintext of a signed record, under the key of its epoch."""
    start = HEADER_BYTES
    nonce = signed.body[start : start + _NONCE]
    sealed = signed.body[start + _NONCE : -_SIGNATURE]
    try:
        padded = AESGCM(epoch_key).decrypt(nonce, sealed, signed.body[:HEADER_BYTES])
    except InvalidTag as exc:
        raise RecordError("a record that does not open with the team's key") from exc
    return _unpad(padded)
