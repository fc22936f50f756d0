"""The journal: sealed change sets appended after a format 3 vault's snapshot.

Each record is one save's change set, encrypted and authenticated with AES-256-GCM under the
vault's data key. Its associated data binds it to this vault, this snapshot (its generation and
a hash of the header and the snapshot's tag), its position (a sequence number from 1) and the
record before it (a SHA-256 chain). So a record dropped, reordered, replayed from another
position or spliced from another file or generation fails its tag.

Record layout (integers big-endian)::

    4     length N of what follows (nonce + ciphertext + tag)
    12    nonce (random)
    N-12  AES-256-GCM ciphertext of: u32 length L, L bytes of change set, zero padding; tag last

Records are padded so that each is a multiple of RECORD_BLOCK bytes: the file shows that a save
happened and roughly how big it was, not the length of a name.

A torn last record (the app killed mid-append, power lost, disk full) is where reading stops:
the vault opens at the last complete change set. So does anything else that fails, but that is
reported as damage (`Read.damaged`) so the file is kept aside before the journal is cut.
Reading never raises for the journal's bytes.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_LENGTH = 12
TAG_LENGTH = 16
RECORD_BLOCK = 512
# The largest record read or written (a change set is at most a few thousand rows).
MAX_RECORD_BYTES = 256 << 20
_U32 = struct.Struct(">I")
_AD = struct.Struct(">8s16sQQ32s")
_AD_MAGIC = b"CTJRNL01"
_ANCHOR_LABEL = b"casetracker journal anchor 1"
_MIN_RECORD = NONCE_LENGTH + _U32.size + TAG_LENGTH


def anchor(associated_data: bytes | memoryview, snapshot_tag: bytes | memoryview) -> bytes:
    """What the first record chains to: the header's checksum (the last 32 bytes of the
    associated data, which covers the whole header) and the snapshot's GCM tag, which
    authenticates every byte of the snapshot."""
    return hashlib.sha256(
        _ANCHOR_LABEL + bytes(associated_data[-32:]) + bytes(snapshot_tag)
    ).digest()


@dataclass
class Tail:
    """Where the next record goes: after `records` records ending at byte `end`, chained
    to `prev`."""

    generation: int
    records: int
    end: int
    prev: bytes
    journal_bytes: int = 0


def _associated_data(vault_id: str, generation: int, sequence: int, prev: bytes) -> bytes:
    return _AD.pack(_AD_MAGIC, bytes.fromhex(vault_id), generation, sequence, prev)


def seal(data_key: bytes, vault_id: str, tail: Tail, change_set: bytes) -> bytes:
    """The record for `change_set` after `tail`; advances `tail` (records, end, prev)."""
    body = _U32.pack(len(change_set)) + change_set
    overhead = _U32.size + NONCE_LENGTH + TAG_LENGTH
    body += bytes(-(overhead + len(body)) % RECORD_BLOCK)
    if overhead + len(body) > MAX_RECORD_BYTES:
        raise ValueError("change set too large for one journal record")
    sequence = tail.records + 1
    nonce = os.urandom(NONCE_LENGTH)
    ad = _associated_data(vault_id, tail.generation, sequence, tail.prev)
    sealed = nonce + AESGCM(data_key).encrypt(nonce, body, ad)
    record = _U32.pack(len(sealed)) + sealed
    tail.records = sequence
    tail.end += len(record)
    tail.journal_bytes += len(record)
    tail.prev = hashlib.sha256(record).digest()
    return record


def seal_all(data_key: bytes, vault_id: str, tail: Tail, change_sets: Sequence[bytes]) -> bytes:
    return b"".join(seal(data_key, vault_id, tail, change_set) for change_set in change_sets)


@dataclass
class Read:
    """What `read` found: the change sets in order, and what was dropped after them.

    `damaged` is true when a complete record failed its check (not just a record cut off at
    the end of the file): bytes were altered, or something was appended that is not ours.
    """

    tail: Tail
    change_sets: list[bytes] = field(default_factory=list)
    dropped_bytes: int = 0
    damaged: bool = False


def _torn(rest: memoryview) -> bool:
    """Whether what follows the last record that verified is what an append cut short leaves:
    nothing, a few bytes, zeros (a file grown whose data never reached the disk), or a record
    whose length is one we write but that runs past the end of the file. Anything else (a
    complete record that fails, a length we never write) is damage, and is kept aside."""
    if len(rest) < _U32.size or not any(rest):
        return True
    length: int = _U32.unpack_from(rest)[0]
    plausible = _MIN_RECORD <= length <= MAX_RECORD_BYTES
    plausible = plausible and (_U32.size + length) % RECORD_BLOCK == 0
    return plausible and _U32.size + length > len(rest)


def read(
    data_key: bytes, vault_id: str, generation: int, start: Tail, untrusted: memoryview
) -> Read:
    """Open the records in `untrusted` (the bytes after the snapshot), stopping at the first
    that is cut off or fails its tag."""
    tail = Tail(generation, start.records, start.end, start.prev, start.journal_bytes)
    found = Read(tail)
    aead = AESGCM(data_key)
    offset = 0
    total = len(untrusted)
    while offset < total:
        rest = total - offset
        if rest < _U32.size:
            break
        (length,) = _U32.unpack_from(untrusted, offset)
        if not _MIN_RECORD <= length <= MAX_RECORD_BYTES or length > rest - _U32.size:
            break
        record = untrusted[offset : offset + _U32.size + length]
        nonce = bytes(record[_U32.size : _U32.size + NONCE_LENGTH])
        ad = _associated_data(vault_id, generation, tail.records + 1, tail.prev)
        try:
            body = aead.decrypt(nonce, record[_U32.size + NONCE_LENGTH :], ad)
        except InvalidTag:
            break
        (size,) = _U32.unpack_from(body)
        if size > len(body) - _U32.size:
            break  # authentic but malformed: never written by us
        found.change_sets.append(body[_U32.size : _U32.size + size])
        tail.records += 1
        tail.end += len(record)
        tail.journal_bytes += len(record)
        tail.prev = hashlib.sha256(record).digest()
        offset += len(record)
    found.damaged = not _torn(untrusted[offset:])
    found.dropped_bytes = total - offset
    return found
