"""The vault file layout: reading and writing the bytes, nothing about files or keys' origin.

Layout (all integers big-endian)::

    offset  size  field
    0       8     magic  b"CTVAULT\\x00"
    8       2     format version (u16), currently 1
    10      4     header length H (u32), at most MAX_HEADER_BYTES
    14      H     header: canonical JSON, UTF-8 (sorted keys, no spaces, ASCII only)
    14+H    32    SHA-256 of bytes 0 .. 14+H (magic through header)
    46+H    S     snapshot: AES-256-GCM ciphertext with its 16-byte tag at the end
    46+H+S  rest  journal (format 3): sealed change sets, see `journal`

The envelope above (magic, version, length, header, checksum) is frozen for all future
format versions, so the checksum can be checked before the version is trusted: a flipped bit
in the version field reads as damage, not as "made by a newer app".

The checksum only catches accidents cheaply, before the slow key derivation. Security comes
from the payload's associated data, which is every byte before the payload: any change to
the header (a swapped slot, another vault's header, an old generation) fails the tag.

Payload plaintext: u64 length L of the compressed stream, the stream, zero padding up to a
multiple of 4096 bytes, so the file reveals only the approximate size of the data. The stream is
a single Zstandard frame that states its decompressed size (format 2), or a zlib stream
(format 1, still read). The version field is part of the associated data, so the codec cannot
be swapped without failing the tag.

Format 3 added the journal: the header's `snapshot_length` gives S, and the bytes after the
snapshot are records appended by saves (`journal`). In formats 1 and 2 the snapshot is the rest
of the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO

import zstandard
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from casetracker.storage import journal, kdf, key_slots, migrations
from casetracker.storage.errors import UnsupportedVersion, VaultDamaged
from casetracker.storage.kdf import KdfParams
from casetracker.storage.key_slots import KeySlot

MAGIC = b"CTVAULT\x00"
FORMAT_VERSION = migrations.CURRENT_FORMAT_VERSION
CIPHER = "AES-256-GCM"
MAX_HEADER_BYTES = 64 * 1024
MAX_SLOTS = 8
CHECKSUM_LENGTH = 32
TAG_LENGTH = 16
PAD_TO = 4096
_PREFIX = struct.Struct(">8sHI")
_LENGTH = struct.Struct(">Q")
PREFIX_LENGTH = _PREFIX.size
_VAULT_ID = re.compile(r"[0-9a-f]{32}")
_HEADER_KEYS = {
    "vault_id", "created", "generation", "slots", "payload_nonce", "cipher", "snapshot_length"
}  # fmt: skip
# Every save compresses the whole database (210 MB for 20,000 cases). Zstandard level 1 on
# every core does that in about 0.2 s, where zlib level 1 took 1.4 s, and the result is smaller
# (58 MB against 69 MB); it also decompresses three times faster when unlocking.
_ZSTD_LEVEL = 1
# A frame claiming more is refused before allocating: 80 times the database of 20,000 cases,
# far beyond what the in-memory design can work with. Below it, a claim beyond the machine's
# memory (only a holder of the data key can write one) ends in MemoryError, as a hostile KDF
# cost does, and the app says there is not enough memory.
MAX_PAYLOAD_BYTES = 16 << 30
# The largest file such a payload can make: compression never grows data by more than 1/256
# (zlib and Zstandard both stay well inside that), plus the length, padding and tag. A bigger
# file is refused from its size alone, before a byte of it is read into memory.
# `cryptography` decrypts at most 2**31 - 1 bytes at once (beyond, it panics instead of raising),
# and SQLite holds no database of 2 GiB or more in memory anyway (`memdb`): a header claiming a
# larger snapshot is refused before anything is read.
MAX_SNAPSHOT_BYTES = min(
    MAX_PAYLOAD_BYTES + (MAX_PAYLOAD_BYTES >> 8) + 2 * PAD_TO + TAG_LENGTH, 2**31 - 1
)
# The journal is compacted into a new snapshot long before this (see `VaultFile.compaction_due`).
MAX_JOURNAL_BYTES = 4 << 30
MAX_FILE_BYTES = (
    PREFIX_LENGTH + MAX_HEADER_BYTES + CHECKSUM_LENGTH + MAX_SNAPSHOT_BYTES + MAX_JOURNAL_BYTES
)


@dataclass(frozen=True)
class Header:
    """The public, authenticated facts of one saved version of a vault."""

    vault_id: str
    created: str
    generation: int
    slots: tuple[KeySlot, ...]
    payload_nonce: bytes = field(default=b"", repr=False)
    cipher: str = CIPHER
    # Bytes of the snapshot (format 3); None: the snapshot is the rest of the file (1 and 2).
    snapshot_length: int | None = None

    @property
    def kdf(self) -> KdfParams:
        """The parameters of the first passphrase slot (there is normally exactly one)."""
        for slot in self.slots:
            if slot.kdf is not None:
                return slot.kdf
        raise VaultDamaged("header")

    def to_json(self) -> dict[str, Any]:
        return {
            "vault_id": self.vault_id,
            "created": self.created,
            "generation": self.generation,
            "slots": [slot.to_json() for slot in self.slots],
            "payload_nonce": key_slots.encode_b64(self.payload_nonce),
            "cipher": self.cipher,
            "snapshot_length": self.snapshot_length,
        }


@dataclass(frozen=True)
class ParsedFile:
    """A file whose envelope checked out; the payload is still unauthenticated."""

    format_version: int
    header: Header
    associated_data: bytes  # every byte before the payload
    untrusted_ciphertext: bytes  # the snapshot
    untrusted_journal: memoryview = field(default=memoryview(b""), repr=False)

    @property
    def anchor(self) -> bytes:
        """What the journal's first record chains to (see `journal.anchor`)."""
        return journal.anchor(self.associated_data, self.untrusted_ciphertext[-TAG_LENGTH:])


def canonical_json(obj: object) -> bytes:
    """One byte string per header, so re-encoding never changes authenticated bytes."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _reject_constant(name: str) -> object:
    raise ValueError(name)


def _snapshot_length(untrusted: object) -> int | None:
    if untrusted is None:
        return None
    if (
        not isinstance(untrusted, int)
        or isinstance(untrusted, bool)
        or not TAG_LENGTH + PAD_TO <= untrusted <= MAX_SNAPSHOT_BYTES
        or (untrusted - TAG_LENGTH) % PAD_TO
    ):
        raise VaultDamaged("header")
    return untrusted


def _header_from_untrusted(untrusted: object, version: int) -> Header:
    if not isinstance(untrusted, dict) or set(untrusted) != _HEADER_KEYS:
        raise VaultDamaged("header")
    vault_id = untrusted["vault_id"]
    created = untrusted["created"]
    generation = untrusted["generation"]
    slots = untrusted["slots"]
    if (
        not isinstance(vault_id, str)
        or not _VAULT_ID.fullmatch(vault_id)
        or not isinstance(created, str)
        or len(created) > 64
        or not isinstance(generation, int)
        or isinstance(generation, bool)
        or not 0 < generation < 2**53
        or not isinstance(slots, list)
        or not 0 < len(slots) <= MAX_SLOTS
    ):
        raise VaultDamaged("header")
    if untrusted["cipher"] != CIPHER:
        raise UnsupportedVersion(FORMAT_VERSION)
    parsed_slots = tuple(key_slots.slot_from_untrusted(slot) for slot in slots)
    kdf.check_total_work(slot.kdf for slot in parsed_slots if slot.kdf is not None)
    if not any(slot.kind == "passphrase" for slot in parsed_slots):
        raise VaultDamaged("header")
    if sum(slot.kind == "recovery" for slot in parsed_slots) > 1:
        raise VaultDamaged("header")
    nonce = key_slots.decode_b64(untrusted["payload_nonce"], key_slots.NONCE_LENGTH)
    snapshot_length = _snapshot_length(untrusted["snapshot_length"])
    if (snapshot_length is None) != (version < 3):
        raise VaultDamaged("header")
    return Header(vault_id, created, generation, parsed_slots, nonce, CIPHER, snapshot_length)


def _parse_prefix(untrusted_prefix: bytes) -> tuple[int, int]:
    """Return (version, header length) from the first 14 bytes, before any checksum check."""
    if len(untrusted_prefix) < PREFIX_LENGTH:
        raise VaultDamaged("file")
    magic, version, header_length = _PREFIX.unpack_from(untrusted_prefix)
    if magic != MAGIC:
        raise VaultDamaged("file")
    if not 0 < header_length <= MAX_HEADER_BYTES:
        raise VaultDamaged("header")
    return version, header_length


def _parse_envelope(untrusted: bytes) -> tuple[int, Header, int]:
    """Check magic, checksum and header; return (version, header, payload offset)."""
    version, header_length = _parse_prefix(untrusted)
    checksum_start = PREFIX_LENGTH + header_length
    payload_start = checksum_start + CHECKSUM_LENGTH
    if len(untrusted) < payload_start:
        raise VaultDamaged("file")
    digest = hashlib.sha256(untrusted[:checksum_start]).digest()
    if digest != untrusted[checksum_start:payload_start]:
        raise VaultDamaged("header")
    # From here the header bytes are as written (or deliberately forged; the payload tag
    # decides that). Only now is the version trusted enough to act on.
    try:
        header_obj = json.loads(
            untrusted[PREFIX_LENGTH:checksum_start].decode("utf-8"),
            parse_constant=_reject_constant,
        )
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise VaultDamaged("header") from exc
    if not isinstance(header_obj, dict):
        raise VaultDamaged("header")
    header_obj = migrations.migrate_header(version, header_obj)
    return version, _header_from_untrusted(header_obj, version), payload_start


def parse(untrusted: bytes) -> ParsedFile:
    """Check a whole file's envelope; raises VaultDamaged / UnsupportedVersion."""
    version, header, payload_start = _parse_envelope(untrusted)
    _check_sizes(header, len(untrusted) - payload_start)
    end = (
        len(untrusted) if header.snapshot_length is None else payload_start + header.snapshot_length
    )
    return ParsedFile(
        version,
        header,
        untrusted[:payload_start],
        untrusted[payload_start:end],
        memoryview(untrusted)[end:],
    )


def head_of(file_bytes: bytes | bytearray) -> memoryview:
    """The bytes that can hold the envelope, without copying a whole file (for read_header)."""
    return memoryview(file_bytes)[: PREFIX_LENGTH + MAX_HEADER_BYTES + CHECKSUM_LENGTH]


def read_header(stream: BinaryIO) -> tuple[int, Header]:
    """Read only the envelope of an open file: cheap facts for listings and inspect()."""
    prefix = stream.read(PREFIX_LENGTH)
    _, header_length = _parse_prefix(prefix)
    rest = stream.read(header_length + CHECKSUM_LENGTH)
    version, header, _ = _parse_envelope(prefix + rest)
    return version, header


def _check_sizes(header: Header, after_header: int) -> None:
    """The snapshot holds whole padding blocks and a tag, and the file no more than any vault
    can: a snapshot and a journal each within their limits."""
    snapshot = header.snapshot_length
    if snapshot is None:
        snapshot = after_header
        if (snapshot - TAG_LENGTH) % PAD_TO:
            raise VaultDamaged("file")
    if not TAG_LENGTH + PAD_TO <= snapshot <= min(after_header, MAX_SNAPSHOT_BYTES):
        raise VaultDamaged("file")
    if after_header - snapshot > MAX_JOURNAL_BYTES:
        raise VaultDamaged("file")


def check_size(stream: BinaryIO, file_size: int) -> None:
    """Before reading a whole file: its envelope must check out and its size fit it.

    Reads at most the envelope (about 64 KiB), so a forged header or a huge (even sparse)
    file is refused before anything its size is allocated.
    """
    if file_size > MAX_FILE_BYTES:
        raise VaultDamaged("file")
    prefix = stream.read(PREFIX_LENGTH)
    _, header_length = _parse_prefix(prefix)
    rest = stream.read(header_length + CHECKSUM_LENGTH)
    _, header, payload_start = _parse_envelope(prefix + rest)
    _check_sizes(header, file_size - payload_start)


def read_exactly(stream: BinaryIO, size: int) -> bytes:
    """`size` bytes, the size checked by `check_size`; a file that changed meanwhile is refused."""
    data = stream.read(size)
    if len(data) != size or stream.read(1):
        raise VaultDamaged("file")
    return data


def _zstd_compress(payload: bytes) -> bytes:
    # threads=-1: one worker per core; the frame records the content size.
    return zstandard.ZstdCompressor(level=_ZSTD_LEVEL, threads=-1).compress(payload)


def _zstd_decompress(stream: memoryview) -> bytes:
    size = zstandard.frame_content_size(stream)
    if not 0 <= size <= MAX_PAYLOAD_BYTES:
        raise VaultDamaged("payload")
    data = zstandard.ZstdDecompressor().decompress(stream, max_output_size=size)
    if len(data) != size:
        raise VaultDamaged("payload")
    return data


@dataclass(frozen=True)
class Image:
    """A decrypted snapshot, still compressed: ``size`` bytes once `fill` decompresses it.

    Unlocking hands it to ``database.engine_from_image``, which has it decompressed straight
    into SQLite's memory, so the snapshot (210 MB at 20,000 cases) is never held twice.
    """

    size: int
    plaintext: bytes = field(repr=False)
    # The plaintext is the snapshot itself (format 1, whose zlib stream states no size).
    decompressed: bool = False

    def fill(self, view: memoryview) -> None:
        """Write the snapshot into ``view`` (exactly `size` bytes); VaultDamaged if the frame
        holds more or less than it said."""
        if self.decompressed:
            view[:] = self.plaintext
            return
        filled = 0
        try:
            with zstandard.ZstdDecompressor().stream_reader(
                _stream(self.plaintext), read_across_frames=False
            ) as reader:
                while filled < len(view):
                    written = reader.readinto(view[filled:])
                    if not written:
                        raise VaultDamaged("payload")
                    filled += written
                if reader.read(1):
                    raise VaultDamaged("payload")
        except zstandard.ZstdError as exc:
            raise VaultDamaged("payload") from exc

    def to_bytes(self) -> bytes:
        """The snapshot as bytes, for the rare callers that need it whole (a backup restored)."""
        if self.decompressed:
            return self.plaintext
        out = bytearray(self.size)
        self.fill(memoryview(out))
        return bytes(out)


def _stream(plaintext: bytes) -> memoryview:
    """The compressed stream inside a payload's plaintext (after its length, before padding)."""
    (length,) = _LENGTH.unpack_from(plaintext)
    if length > len(plaintext) - _LENGTH.size:
        raise VaultDamaged("payload")
    return memoryview(plaintext)[_LENGTH.size : _LENGTH.size + length]


def _zlib_decompress(stream: memoryview) -> bytes:
    return zlib.decompress(stream)


Codec = tuple[Callable[[bytes], bytes], Callable[[memoryview], bytes]]
_ZLIB: Codec = (lambda payload: zlib.compress(payload, 1), _zlib_decompress)
_ZSTD: Codec = (_zstd_compress, _zstd_decompress)


def _codec(version: int) -> Codec:
    """The payload compression of a format version: zlib before format 2, Zstandard since."""
    return _ZLIB if version < 2 else _ZSTD


def _unpad(plaintext: bytes, version: int) -> bytes:
    (length,) = _LENGTH.unpack_from(plaintext)
    if length > len(plaintext) - _LENGTH.size:
        raise VaultDamaged("payload")
    stream = memoryview(plaintext)[_LENGTH.size : _LENGTH.size + length]
    try:
        return _codec(version)[1](stream)
    except (zlib.error, zstandard.ZstdError) as exc:
        raise VaultDamaged("payload") from exc


def seal(
    header_bytes: bytes, data_key: bytes, payload_nonce: bytes, payload: bytes, *, version: int
) -> bytearray:
    """Assemble a file from already-encoded header bytes (tests use it to craft old formats).

    The compressed stream is encrypted straight into the one output buffer, piece by piece (the
    same AES-GCM as a one-shot call), so a save of a large vault holds the compressed data and
    the file, not also a padded copy and a ciphertext copy.
    """
    return _seal_compressed(
        header_bytes, data_key, payload_nonce, _codec(version)[0](payload), version=version
    )


def _snapshot_bytes(compressed: bytes) -> int:
    """The size of the sealed snapshot holding `compressed`: length, data, padding, tag."""
    plain = _LENGTH.size + len(compressed)
    return plain + (-plain % PAD_TO) + TAG_LENGTH


def _seal_compressed(
    header_bytes: bytes, data_key: bytes, payload_nonce: bytes, compressed: bytes, *, version: int
) -> bytearray:
    if len(header_bytes) > MAX_HEADER_BYTES:
        raise ValueError("header too large")
    prefix = _PREFIX.pack(MAGIC, version, len(header_bytes)) + header_bytes
    associated_data = prefix + hashlib.sha256(prefix).digest()
    length = _LENGTH.pack(len(compressed))
    padding = bytes(-(len(length) + len(compressed)) % PAD_TO)
    start = len(associated_data)
    out = bytearray(start + len(length) + len(compressed) + len(padding) + TAG_LENGTH)
    out[:start] = associated_data
    view = memoryview(out)
    encryptor = Cipher(algorithms.AES(data_key), modes.GCM(payload_nonce)).encryptor()
    encryptor.authenticate_additional_data(associated_data)
    offset = start
    for piece in (length, compressed, padding):
        # The rest of the buffer is always long enough for update_into's block-size slack.
        offset += encryptor.update_into(piece, view[offset:])
    encryptor.finalize()
    view[offset:] = encryptor.tag
    return out


def build(header: Header, data_key: bytes, payload: bytes) -> bytearray:
    """Encrypt `payload` under a fresh nonce as the snapshot of a file with an empty journal;
    return the complete file bytes (records are appended after them, see `journal`)."""
    compressed = _codec(FORMAT_VERSION)[0](payload)
    header = replace(
        header,
        payload_nonce=os.urandom(key_slots.NONCE_LENGTH),
        cipher=CIPHER,
        snapshot_length=_snapshot_bytes(compressed),
    )
    return _seal_compressed(
        canonical_json(header.to_json()),
        data_key,
        header.payload_nonce,
        compressed,
        version=FORMAT_VERSION,
    )


def anchor_of(file_bytes: bytes | bytearray) -> bytes:
    """`ParsedFile.anchor` of a file just built (its journal still empty)."""
    _, header_length = _parse_prefix(bytes(file_bytes[:PREFIX_LENGTH]))
    end = PREFIX_LENGTH + header_length + CHECKSUM_LENGTH
    view = memoryview(file_bytes)
    return journal.anchor(view[:end], view[len(file_bytes) - TAG_LENGTH :])


def decrypt(parsed: ParsedFile, data_key: bytes) -> bytes:
    """Authenticate the whole file against `data_key` and return the payload."""
    try:
        plaintext = AESGCM(data_key).decrypt(
            parsed.header.payload_nonce, parsed.untrusted_ciphertext, parsed.associated_data
        )
    except InvalidTag as exc:
        raise VaultDamaged("payload") from exc
    return _unpad(plaintext, parsed.format_version)


def decrypt_image(parsed: ParsedFile, data_key: bytes) -> Image:
    """`decrypt`, but the snapshot left compressed until `Image.fill` (after the whole file
    is authenticated: nothing unauthenticated is ever decompressed)."""
    try:
        plaintext = AESGCM(data_key).decrypt(
            parsed.header.payload_nonce, parsed.untrusted_ciphertext, parsed.associated_data
        )
    except InvalidTag as exc:
        raise VaultDamaged("payload") from exc
    if parsed.format_version < 2:
        whole = _unpad(plaintext, parsed.format_version)
        return Image(len(whole), whole, decompressed=True)
    try:
        size = zstandard.frame_content_size(_stream(plaintext))
    except zstandard.ZstdError as exc:
        raise VaultDamaged("payload") from exc
    if not 0 <= size <= MAX_PAYLOAD_BYTES:
        raise VaultDamaged("payload")
    return Image(size, plaintext)


def with_slots_keeping_payload(parsed: ParsedFile, slots: tuple[KeySlot, ...]) -> bytes:
    """`parsed`'s file with other key slots and the payload bytes exactly as they were.

    For a damaged copy kept for a specialist, which cannot be re-sealed: its old slots would
    still unwrap the data key with a retired passphrase. The payload's tag no longer matches
    the new header (it did not match before either); the ciphertext itself is untouched.
    """
    header = replace(parsed.header, slots=slots)
    header_json = header.to_json()
    if parsed.format_version < 3:  # written as that version: without the key it lacked
        del header_json["snapshot_length"]
    header_bytes = canonical_json(header_json)
    prefix = _PREFIX.pack(MAGIC, parsed.format_version, len(header_bytes)) + header_bytes
    return (
        prefix
        + hashlib.sha256(prefix).digest()
        + parsed.untrusted_ciphertext
        + bytes(parsed.untrusted_journal)
    )
