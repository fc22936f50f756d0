"""Change sets: what one save adds to the vault's journal, in a stable, versioned encoding.

A change set holds, table by table, every row written since the previous save: inserted (new
values), updated (old and new values) or deleted (old values). It is the unit the journal seals
(`journal`) and the unit that will travel to teammates, so its encoding is documented in
docs/formats.md ("Change sets") and carries a version. Decoding treats the bytes as untrusted
even though the journal authenticated them: a malformed change set raises ValueError.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from dataclasses import dataclass
from typing import Literal

import zstandard

ENCODING_VERSION = 1
KIND = "casetracker-change-set"
SqlValue = str | bytes | int | float | None
Operation = Literal["insert", "update", "delete"]
_OPS: dict[str, Operation] = {"i": "insert", "u": "update", "d": "delete"}
_CODES = {op: code for code, op in _OPS.items()}
_MAX_NAME = 128
# A change set decompressing to more than this is refused (saves above a few thousand rows
# write a snapshot instead, so a real one stays far below).
MAX_DECODED_BYTES = 1 << 30
_ZSTD_LEVEL = 3


@dataclass(frozen=True)
class RowChange:
    """One row's change. `rowid` is SQLite's row number in this vault (not portable between
    vaults: the `id` column among the values is)."""

    op: Operation
    rowid: int
    old: tuple[SqlValue, ...] | None
    new: tuple[SqlValue, ...] | None


@dataclass(frozen=True)
class TableChanges:
    table: str
    columns: tuple[str, ...]
    rows: tuple[RowChange, ...]


@dataclass(frozen=True)
class ChangeSet:
    """Everything one save wrote, with the database schema it was written against."""

    schema: int
    tables: tuple[TableChanges, ...]

    @property
    def row_count(self) -> int:
        return sum(len(table.rows) for table in self.tables)


def _value_out(value: SqlValue) -> object:
    if isinstance(value, bytes):
        return {"b64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("SQLite holds no NaN, and no infinity is written by Casetracker")
    return value


def _value_in(untrusted: object) -> SqlValue:
    if untrusted is None or isinstance(untrusted, str):
        return untrusted
    if isinstance(untrusted, bool):
        raise ValueError("a change set holds no booleans")
    if isinstance(untrusted, int):
        if not -(2**63) <= untrusted < 2**63:
            raise ValueError("integer out of SQLite's range")
        return untrusted
    if isinstance(untrusted, float):
        return untrusted
    if isinstance(untrusted, dict) and set(untrusted) == {"b64"}:
        text = untrusted["b64"]
        if not isinstance(text, str):
            raise ValueError("bad blob")
        try:
            return base64.b64decode(text, validate=True)
        except binascii.Error as exc:
            raise ValueError("bad blob") from exc
    raise ValueError("unexpected value in a change set")


def _values_in(untrusted: object, width: int) -> tuple[SqlValue, ...] | None:
    if untrusted is None:
        return None
    if not isinstance(untrusted, list) or len(untrusted) != width:
        raise ValueError("row width does not match the columns")
    return tuple(_value_in(item) for item in untrusted)


def _name(untrusted: object) -> str:
    if not isinstance(untrusted, str) or not 0 < len(untrusted) <= _MAX_NAME:
        raise ValueError("bad table or column name")
    return untrusted


def to_json(change_set: ChangeSet) -> dict[str, object]:
    """The change set as a JSON object (docs/formats.md, "Change sets")."""
    return {
        "kind": KIND,
        "version": ENCODING_VERSION,
        "schema": change_set.schema,
        "tables": [
            {
                "table": table.table,
                "columns": list(table.columns),
                "rows": [
                    [
                        _CODES[row.op],
                        row.rowid,
                        None if row.old is None else [_value_out(v) for v in row.old],
                        None if row.new is None else [_value_out(v) for v in row.new],
                    ]
                    for row in table.rows
                ],
            }
            for table in change_set.tables
        ],
    }


def from_json(untrusted: object) -> ChangeSet:
    """Check and read a JSON object made by `to_json`; ValueError on anything else."""
    if not isinstance(untrusted, dict) or untrusted.get("kind") != KIND:
        raise ValueError("not a change set")
    if untrusted.get("version") != ENCODING_VERSION:
        raise ValueError("change set of another encoding version")
    schema = untrusted.get("schema")
    tables = untrusted.get("tables")
    if not isinstance(schema, int) or isinstance(schema, bool) or not isinstance(tables, list):
        raise ValueError("bad change set")
    out: list[TableChanges] = []
    seen: set[str] = set()
    for table in tables:
        if not isinstance(table, dict) or set(table) != {"table", "columns", "rows"}:
            raise ValueError("bad table entry")
        name = _name(table["table"])
        columns = table["columns"]
        rows = table["rows"]
        if name in seen or not isinstance(columns, list) or not isinstance(rows, list):
            raise ValueError("bad table entry")
        seen.add(name)
        names = tuple(_name(column) for column in columns)
        if len(set(names)) != len(names):
            raise ValueError("a column is named twice")
        changes: list[RowChange] = []
        rowids: set[int] = set()
        for row in rows:
            if not isinstance(row, list) or len(row) != 4 or row[0] not in _OPS:
                raise ValueError("bad row entry")
            op = _OPS[row[0]]
            rowid = row[1]
            if (
                not isinstance(rowid, int)
                or isinstance(rowid, bool)
                or not -(2**63) <= rowid < 2**63
                or rowid in rowids
            ):
                raise ValueError("bad row number")
            rowids.add(rowid)
            old = _values_in(row[2], len(names))
            new = _values_in(row[3], len(names))
            if (op == "insert") != (old is None) or (op == "delete") != (new is None):
                raise ValueError("values do not match the operation")
            changes.append(RowChange(op, rowid, old, new))
        out.append(TableChanges(name, names, tuple(changes)))
    return ChangeSet(schema, tuple(out))


def encode(change_set: ChangeSet) -> bytes:
    """Compact UTF-8 JSON, compressed as one Zstandard frame that states its size."""
    text = json.dumps(
        to_json(change_set), ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )
    return zstandard.ZstdCompressor(level=_ZSTD_LEVEL).compress(text.encode("utf-8"))


def _reject_constant(name: str) -> object:
    raise ValueError(name)


def decode(untrusted: bytes, limit: int = MAX_DECODED_BYTES) -> ChangeSet:
    """The change set in bytes made by `encode`; ValueError when they are anything else, or
    would open to more than `limit` bytes (a teammate's record: what a record may hold)."""
    try:
        size = zstandard.frame_content_size(untrusted)
        if not 0 <= size <= min(limit, MAX_DECODED_BYTES):
            raise ValueError("change set too large or of unknown size")
        text = zstandard.ZstdDecompressor().decompress(untrusted, max_output_size=size)
        obj = json.loads(text.decode("utf-8"), parse_constant=_reject_constant)
    except (zstandard.ZstdError, UnicodeDecodeError, RecursionError) as exc:
        raise ValueError("unreadable change set") from exc
    return from_json(obj)
