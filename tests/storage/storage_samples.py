"""Constants and byte-level helpers shared by the storage tests (not fixtures)."""

from __future__ import annotations

import json
import struct
from collections.abc import Callable
from pathlib import Path

PASSPHRASE = "correct horse battery staple"
FIRST_PAYLOAD = b"first payload: nothing personal, just bytes"
TEMP_MARK = ".tmp-"

# The `make_vault` fixture: (name, payload, passphrase, saves) -> (path, recovery key)
MakeVault = Callable[..., tuple[Path, str]]


def flip_bit(data: bytes, bit: int) -> bytes:
    """`data` with one bit inverted (bit 0 is the lowest bit of the first byte)."""
    out = bytearray(data)
    out[bit // 8] ^= 1 << (bit % 8)
    return bytes(out)


def header_span(data: bytes) -> tuple[int, int]:
    """(start, end) of the header JSON inside a vault file."""
    (length,) = struct.unpack(">I", data[10:14])
    return 14, 14 + length


def region_offsets(data: bytes) -> dict[str, int]:
    """One byte offset inside each region of a vault file, by region name."""
    start, end = header_span(data)
    header = data[start:end]
    slots = json.loads(header)["slots"]
    by_kind = {slot["kind"]: slot for slot in slots}

    def inside(value: str) -> int:
        return start + header.index(value.encode()) + 3

    return {
        "magic": 2,
        "version": 9,
        "header length": 12,
        "header json": start + header.index(b'"generation"') + 2,
        "passphrase slot": inside(by_kind["passphrase"]["wrapped"]),
        "passphrase slot salt": inside(by_kind["passphrase"]["salt"]),
        "recovery slot": inside(by_kind["recovery"]["wrapped"]),
        "checksum": end + 7,
        "payload": end + 32 + 100,
        "tag": len(data) - 5,
    }


def temp_files(folder: Path) -> list[Path]:
    """Leftovers of interrupted writes anywhere under `folder`."""
    return [p for p in folder.rglob("*") if TEMP_MARK in p.name]
