"""Fuzz targets for every reader of untrusted bytes, their seeds, and a mutation engine.

A target takes bytes and runs one reader (plus what a person would do next with its
result); it may fail only with its documented error types. Anything else, a hang past the
timeout, or memory beyond the address-space limit is a finding.

Targets (input → what runs → the only errors allowed):

- vault-raw: a whole vault file → envelope.parse, unlock (recovery key), decrypt →
  VaultError, MemoryError (a hostile KDF cost beyond the machine's memory)
- vault-header: the header JSON → the same, the envelope rebuilt with a valid checksum
- vault-payload: the compressed stream inside the payload → padded and sealed with the
  vault's own key (so it passes the tag), decrypt and decompress → VaultError, MemoryError
  (a frame declaring more than the process may allocate, up to envelope.MAX_PAYLOAD_BYTES)
- bundle-age: a whole .age bundle → open_bundle with the receiver's identity, then a
  merge preview → SharingError
- bundle-zip: the decrypted ZIP → verify_archive, preview_import → SharingError
- bundle-signed: cases.json → zipped with the real attachments and validly signed,
  verify_archive, preview_import → SharingError
- manifest: the manifest body → signed exactly as given, parse_manifest → SharingError
- csv: a canonical CSV → canonical_csv.parse, ImportService.apply (dry run) →
  CsvFormatError
- sheet-csv / sheet-xlsx: an organisation's spreadsheet → read_sheet, guess_mapping,
  preview, parse, apply (dry run) → SharingError
- sheet-xml: one XML part of an XLSX → put into a valid workbook, then the same
- mapping: a column-mapping file → mapping_from_json, mapping_for_sheet → SharingError

The "rebuilt" targets exist because random bytes rarely get past a checksum or a
signature: they let the fuzzer reach the code behind them (header fields, key slots, the
cases.json schema, the merge) with inputs an attacker holding a signing key could make.

Engines: ``mutate`` (here, always available: byte and structure-aware mutations of the
seeds) and ``atheris`` (coverage-guided, when installed; see torture/fuzz_worker.py).
"""

from __future__ import annotations

import base64
import contextlib
import copy
import hashlib
import io
import json
import os
import random
import signal
import struct
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from torture.common import PASSPHRASE

#: Values a structure-aware JSON mutation puts in place of a node.
_JSON_SPECIALS: list[Any] = [
    None, True, False, 0, -1, 1, 2**31, 2**53, 2**53 + 1, 2**63, -(2**63), 10**30,
    "", " ", "\x00", "\ud800", "\udfff", "😀", "Ё" * 50, "a" * 20_001, "../../etc/passwd",
    "attachments/../x", "9999-12-31", "0000-00-00", "2024-02-30", "2024-07-19T25:00:00",
    "2024-07-19T12:00:00+05:00", "00000000-0000-0000-0000-000000000000",
    "00000000-0000-4000-8000-000000000001", "=HYPERLINK(\"x\")", "lawyer", "anonymised",
    [], {}, [[[[[]]]]], {"a": {"b": {"c": {}}}}, "argon2id", "AES-256-GCM", "passphrase",
    "recovery", "AAAA", "A" * 64,
]  # fmt: skip
_TEXT_TOKENS = [
    b'"\\ud800"', b"1e999", b"-0", b"[" * 40, b"{" * 40, b'{"a":1,"a":2}', b"9" * 5000,
    b"\xef\xbb\xbf", b"\x00", b"NaN", b"Infinity", b'"\\u0000"', b"\r\n", b'"', b";", b"\t",
    b"=cmd|' /C calc'!A0", b"31.02.2024", b"29.02.2023", b"13/13/2024", b"01/02/2024",
    b"\xff\xfe", b"\xd0", b"\xc0\x80", b"\xe2\x80\xae", b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
    b"&a;", b"<![CDATA[", b"]]>", b"\xa0", b"\xe2\x80\x8b",
]  # fmt: skip


#: Characters inserted into existing strings: lone surrogates (valid JSON escapes, invalid
#: Unicode), NUL, direction overrides, zero-width and combining marks, a non-BMP emoji.
_ODD_CHARACTERS = ["\ud800", "\udfff", "\x00", "\u202e", "\u200b", "\u0301", "😀", "\ufeff"]


class Hang(Exception):
    """Raised by the alarm when one input runs past the timeout."""


# -- mutations ------------------------------------------------------------------------------
def mutate_bytes(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    """One to four generic mutations: flips, interesting bytes and tokens, cuts, splices."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.randrange(9)
        pos = rng.randrange(len(out) + 1)
        if choice == 0 and out:
            bit = rng.randrange(len(out) * 8)
            out[bit // 8] ^= 1 << (bit % 8)
        elif choice == 1 and out:
            out[min(pos, len(out) - 1)] = rng.choice([0, 0xFF, 0x7F, 0x80, 0x22, 0x5C, 0x0A])
        elif choice == 2:
            out[pos:pos] = rng.choice(_TEXT_TOKENS)
        elif choice == 3 and out:
            end = min(len(out), pos + rng.randint(1, 64))
            del out[pos:end]
        elif choice == 4 and out:
            end = min(len(out), pos + rng.randint(1, 256))
            out[pos:pos] = out[pos:end] * rng.randint(1, 8)
        elif choice == 5:
            del out[pos:]
        elif choice == 6 and others:
            other = rng.choice(others)
            start = rng.randrange(len(other) + 1)
            out[pos:pos] = other[start : start + rng.randint(1, 512)]
        elif choice == 7:
            out[pos:pos] = rng.randbytes(rng.randint(1, 32))
        elif out:
            size = rng.choice([1, 2, 4, 8])
            start = min(pos, max(0, len(out) - size))
            value = rng.choice([0, 1, 0x7F, 0xFF, 2**31 - 1, 2**32 - 1, 2**63 - 1])
            packed = value.to_bytes(8, "little")[:size]
            out[start : start + size] = packed
    return bytes(out)


def _random_node(rng: random.Random, depth: int = 0) -> Any:
    if depth < 3 and rng.random() < 0.2:
        if rng.random() < 0.5:
            return [_random_node(rng, depth + 1) for _ in range(rng.randint(0, 3))]
        return {
            rng.choice(["id", "x", "withheld", "redacted", "kind", ""]): _random_node(
                rng, depth + 1
            )
            for _ in range(rng.randint(0, 3))
        }
    return copy.deepcopy(rng.choice(_JSON_SPECIALS))  # never share a mutable special


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _paths(child, (*prefix, i))


def mutate_json_value(value: Any, rng: random.Random) -> Any:
    """Replace, drop, add or duplicate one node somewhere in a parsed JSON document."""
    paths = list(_paths(value))
    path = rng.choice(paths)
    if not path:
        return _random_node(rng)
    parent = value
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    action = rng.randrange(5)
    if isinstance(parent[last], str) and action == 4:  # keep the type, spoil the text
        text = parent[last]
        at = rng.randrange(len(text) + 1)
        parent[last] = text[:at] + rng.choice(_ODD_CHARACTERS) + text[at:]
    elif action == 0:
        parent[last] = _random_node(rng)
    elif action == 1:
        del parent[last]
    elif action == 2 and isinstance(parent, dict):
        parent[rng.choice(["unknown", "withheld", "redacted", "created_at", "id"])] = _random_node(
            rng
        )
    elif isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))
    else:
        parent[last] = _random_node(rng)
    return value


def mutate_json_bytes(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    """Structure-aware when `data` parses as JSON (1 to 3 node changes), else bytewise."""
    try:
        value = json.loads(data)
    except ValueError:
        return mutate_bytes(data, rng, others)
    for _ in range(rng.randint(1, 3)):
        value = mutate_json_value(value, rng)
    text = json.dumps(value, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 1]))
    encoded = text.encode("utf-8", "surrogatepass")
    return mutate_bytes(encoded, rng, others) if rng.random() < 0.2 else encoded


def mutate_csv_bytes(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    """Swap cells, rows and delimiters, or mutate bytes."""
    if rng.random() < 0.4:
        return mutate_bytes(data, rng, others)
    text = data.decode("utf-8", "replace")
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    cells = lines[i].split(",")
    j = rng.randrange(len(cells))
    cells[j] = rng.choice(
        [
            "", '"', '""', '"a,b"', "да", "нет", "maybe", "31.02.2024", "2024-07-19",
            "19/07/2024", "07/06/2024", "аноним", "неизвестно", "подвал", "x" * 25_000,
            "=1+1", "+7 900", "Ё", "\r", "1900-01-01", "2100-12-31", "0001-01-01",
            "detained", "задержан", "whereabouts unknown", "🙂", "\t", ";",
        ]
    )  # fmt: skip
    lines[i] = ",".join(cells)
    if rng.random() < 0.2:
        lines.insert(rng.randrange(len(lines) + 1), lines[rng.randrange(len(lines))])
    if rng.random() < 0.1:
        lines[0] = lines[0].replace(",", rng.choice([";", "\t"]))
    return "\n".join(lines).encode(rng.choice(["utf-8", "utf-8-sig", "cp1251"]), "replace")


# -- context: what the targets need besides the input ---------------------------------------
@dataclass
class Context:
    """Secrets and reference files the rebuilding targets use, made once per process."""

    folder: Path
    vault_file: bytes = b""
    recovery_key: str = ""
    identity: str = ""
    members: dict[str, bytes] = field(default_factory=dict)
    signing_key: bytes = b""
    xlsx: bytes = b""
    #: Try the passphrase even when a header asks for a costly KDF (only under a memory
    #: limit: a hostile header may ask for 4 GiB, which must end in MemoryError, not a crash).
    costly_kdf: bool = False
    _workspace: Any = None
    _kek_cache: Any = None

    def kek_cache(self) -> Any:
        from casetracker.storage.key_slots import KekCache

        if self._kek_cache is None:
            self._kek_cache = KekCache()
        return self._kek_cache

    def workspace(self) -> Any:
        """An empty vault for dry-run imports and merge previews (made on first use)."""
        if self._workspace is None:
            from casetracker.services.workspace import Workspace
            from casetracker.storage.kdf import FLOOR

            path = Path(tempfile.mkdtemp(dir=self.folder)) / "fuzz.ctvault"
            self._workspace = Workspace.create(path, PASSPHRASE, kdf=FLOOR)[0]
        return self._workspace

    def close(self) -> None:
        if self._workspace is not None:
            self._workspace.close(save=False)
            self._workspace = None

    def to_files(self) -> None:
        (self.folder / "vault.ctvault").write_bytes(self.vault_file)
        (self.folder / "xlsx.xlsx").write_bytes(self.xlsx)
        secrets = {
            "recovery_key": self.recovery_key,
            "identity": self.identity,
            "signing_key": base64.b64encode(self.signing_key).decode(),
            "members": {k: base64.b64encode(v).decode() for k, v in self.members.items()},
        }
        (self.folder / "context.json").write_text(json.dumps(secrets))

    @classmethod
    def from_files(cls, folder: Path) -> Context:
        secrets = json.loads((folder / "context.json").read_text())
        return cls(
            folder=folder,
            vault_file=(folder / "vault.ctvault").read_bytes(),
            recovery_key=secrets["recovery_key"],
            identity=secrets["identity"],
            members={k: base64.b64decode(v) for k, v in secrets["members"].items()},
            signing_key=base64.b64decode(secrets["signing_key"]),
            xlsx=(folder / "xlsx.xlsx").read_bytes(),
        )


CANONICAL_CSV = (
    "case_ref,full_name,name_is_changed,aliases,birth_date,status,detention_date,facility,"
    "facility_kind,settlement,relative_name,relative_phone,relative_anonymous,"
    "last_contact_date,last_contact_direct,last_contact_note,notes\n"
    "CT-0100,Смирнов Максим,нет,Smirnov; Смирнов М.,07.01.1977,detained,2022-07-10,"
    "Подвал,basement,Брянка,Отец,+7 900 000-00-01,no,2022-07-19,да,жив,заметка\n"
    ",Иванов Степан,yes,,,transferred,,,,,аноним,,да,,,,\n"
    '"CT-0102","Юсупов, Дмитрий",0,,1982-05-12,whereabouts_unknown,,"СИЗО-1",'
    'pretrial_prison,Луганск,,,,,,,"многострочная\nзаметка"\n'
)
MAPPING_JSON = (
    '{"format": "casetracker-sheet-mapping", "version": 1, '
    '"columns": {"№": null, "ФИО": "full_name", "Статус": "status", "Телефон": '
    '"relative_phone", "Дата рождения": "birth_date"}, '
    '"statuses": {"под следствием": "detained", "дома": "home"}}'
).encode()


def build_context_and_seeds(folder: Path) -> dict[str, list[bytes]]:
    """A real vault, a real signed bundle with attachments, spreadsheets: seeds per target.

    Uses the app itself (the dossier PDF needs Qt, offscreen), so run it once in a parent
    process; workers load the result with `Context.from_files` and `load_seeds`.
    """
    import openpyxl
    import pyrage

    from casetracker.services import demo
    from casetracker.services.sharing import SharingService
    from casetracker.services.workspace import Workspace
    from casetracker.sharing import keys as keyring
    from casetracker.sharing.archive import read_zip
    from casetracker.storage.kdf import FLOOR

    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=folder))
    ws, recovery = Workspace.create(work / "seed.ctvault", PASSPHRASE, kdf=FLOOR)
    try:
        demo.generate(ws, 6)
        case_ids = [c.id for c in ws.cases.rows()][:2]
        for i, case_id in enumerate(case_ids):
            ws.attachments.add(b"\x89PNG fuzz seed %d" % i, f"p{i}.png", case_id=case_id)
        ws.save()
        identity = keyring.new_age_identity()
        service = SharingService(ws)
        exported = service.export(
            service.select_cases(everything=True),
            profile="lawyer",
            recipients=[keyring.age_public_key(identity)],
            with_attachments=True,
            without_consent_reason="not about consent",
        ).data
        signing = service._signing_key().private_raw
        vault_bytes = ws.path.read_bytes()
    finally:
        ws.close(save=False)
    plain = pyrage.decrypt(exported, [keyring.parse_identity(identity)])
    members = read_zip(plain)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    full_sample = _repo_file("tests/data/org-spreadsheet.csv") or CANONICAL_CSV.encode()
    # Fifteen lines keep a dry-run import fast enough for thousands of inputs.
    sample = "\n".join(full_sample.decode().split("\n")[:15]) + "\n"
    for row in list(_csv_rows(sample))[:12]:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    context = Context(
        folder=folder,
        vault_file=vault_bytes,
        recovery_key=recovery,
        identity=identity,
        members=members,
        signing_key=signing,
        xlsx=buffer.getvalue(),
    )
    context.to_files()
    header_start, header_end = _header_span(vault_bytes)
    manifest = json.loads(members["manifest.json"])
    manifest.pop("signature")
    with zipfile.ZipFile(io.BytesIO(context.xlsx)) as archive:
        xml_parts = [
            bytes([i]) + archive.read(name)
            for i, name in enumerate(_XML_PARTS)
            if name in archive.namelist()
        ]
    seeds = {
        "vault-raw": [vault_bytes],
        "vault-header": [vault_bytes[header_start:header_end]],
        "vault-payload": [_payload_stream(vault_bytes, recovery)],
        "bundle-age": [exported],
        "bundle-zip": [plain],
        "bundle-signed": [members["cases.json"]],
        "manifest": [json.dumps(manifest).encode()],
        "csv": [CANONICAL_CSV.encode()],
        "sheet-csv": [sample.encode()],
        "sheet-xlsx": [context.xlsx],
        "sheet-xml": xml_parts,
        "mapping": [MAPPING_JSON],
    }
    for name, items in seeds.items():
        target_dir = folder / "seeds" / name
        target_dir.mkdir(parents=True, exist_ok=True)
        for i, item in enumerate(items):
            (target_dir / f"seed-{i}").write_bytes(item)
    return seeds


def _payload_stream(vault: bytes, recovery_key: str) -> bytes:
    """The compressed stream of a real vault (the vault-payload seed)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from casetracker.storage import envelope, key_slots

    parsed = envelope.parse(vault)
    key = key_slots.unlock(parsed.header.slots, parsed.header.vault_id, recovery_key=recovery_key)
    plaintext = AESGCM(key).decrypt(
        parsed.header.payload_nonce, parsed.untrusted_ciphertext, parsed.associated_data
    )
    (length,) = struct.unpack_from(">Q", plaintext)
    return plaintext[8 : 8 + length]


def load_seeds(folder: Path, name: str) -> list[bytes]:
    return [p.read_bytes() for p in sorted((folder / "seeds" / name).iterdir())]


def _repo_file(relative: str) -> bytes | None:
    path = Path(__file__).resolve().parents[1] / relative
    return path.read_bytes() if path.exists() else None


def _csv_rows(text: str) -> Iterator[list[str]]:
    import csv

    yield from csv.reader(io.StringIO(text))


def _header_span(vault: bytes) -> tuple[int, int]:
    (length,) = struct.unpack(">I", vault[10:14])
    return 14, 14 + length


_XML_PARTS = ("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml")


# -- the targets ----------------------------------------------------------------------------
def _vault(context: Context, data: bytes) -> str:
    from casetracker.storage import envelope, key_slots
    from casetracker.storage.kdf import FLOOR

    parsed = envelope.parse(data)
    data_key = key_slots.unlock(
        parsed.header.slots, parsed.header.vault_id, recovery_key=context.recovery_key
    )
    if context.costly_kdf or all(s.kdf in (None, FLOOR) for s in parsed.header.slots):
        # Costly hostile KDF values are bounded by kdf.MAX_FILE_* (documented); skip them here.
        key_slots.unlock(
            parsed.header.slots,
            parsed.header.vault_id,
            passphrase=PASSPHRASE,
            cache=context.kek_cache(),  # one Argon2id run per distinct salt, not per input
        )
    envelope.decrypt(parsed, data_key)
    return "opened"


def target_vault_raw(context: Context, data: bytes) -> str:
    return _vault(context, data)


def target_vault_header(context: Context, data: bytes) -> str:
    """The input is the header JSON; the rest of a real vault file is put around it."""
    from casetracker.storage import envelope

    original = context.vault_file
    _, end = _header_span(original)
    if len(data) > envelope.MAX_HEADER_BYTES:
        data = data[: envelope.MAX_HEADER_BYTES]
    prefix = original[:10] + struct.pack(">I", len(data)) + data  # the file's own version
    rebuilt = prefix + hashlib.sha256(prefix).digest() + original[end + 32 :]
    return _vault(context, rebuilt)


def target_vault_payload(context: Context, data: bytes) -> str:
    """The input is the compressed stream: sealed under the vault's real header and key, as
    only someone holding the key could write it, so decompression itself is what is fuzzed."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from casetracker.storage import envelope, key_slots

    parsed = envelope.parse(context.vault_file)
    data_key = key_slots.unlock(
        parsed.header.slots, parsed.header.vault_id, recovery_key=context.recovery_key
    )
    body = struct.pack(">Q", len(data)) + data
    plaintext = body + bytes(-len(body) % envelope.PAD_TO)
    sealed = envelope.ParsedFile(
        parsed.format_version,
        parsed.header,
        parsed.associated_data,
        AESGCM(data_key).encrypt(parsed.header.payload_nonce, plaintext, parsed.associated_data),
    )
    envelope.decrypt(sealed, data_key)
    return "opened"


def _preview(context: Context, opened: Any) -> str:
    from casetracker.services.sharing import SharingService

    SharingService(context.workspace()).preview_import(opened)
    return "previewed"


def target_bundle_age(context: Context, data: bytes) -> str:
    from casetracker.sharing import keys as keyring
    from casetracker.sharing.bundle import open_bundle

    opened = open_bundle(data, identities=[keyring.parse_identity(context.identity)])
    return _preview(context, opened)


def target_bundle_zip(context: Context, data: bytes) -> str:
    from casetracker.sharing.bundle import verify_archive

    return _preview(context, verify_archive(data))


def _signed_zip(context: Context, members: dict[str, bytes], manifest: bytes | None) -> bytes:
    from casetracker.sharing.archive import write_zip
    from casetracker.sharing.bundle import MANIFEST, build_manifest
    from casetracker.sharing.keys import SigningKey

    if manifest is None:
        manifest = build_manifest(
            members,
            key=SigningKey(context.signing_key),
            profile="lawyer",
            counts={},
            created_at=datetime(2024, 7, 19, 12),
        )
    return write_zip([(MANIFEST, manifest), *sorted(members.items())])


def target_bundle_signed(context: Context, data: bytes) -> str:
    """The input is cases.json; it is zipped with the real attachments and signed."""
    from casetracker.sharing.bundle import verify_archive

    members = {k: v for k, v in context.members.items() if k != "manifest.json"}
    members["cases.json"] = data
    return _preview(context, verify_archive(_signed_zip(context, members, None)))


def target_manifest(context: Context, data: bytes) -> str:
    """The input is the manifest without its signature; it is signed exactly as given."""
    from casetracker.sharing import strict_json
    from casetracker.sharing.bundle import parse_manifest
    from casetracker.sharing.keys import SigningKey

    try:
        body = json.loads(data)
    except ValueError:
        body = None
    if isinstance(body, dict):
        try:
            signature = SigningKey(context.signing_key).sign(strict_json.canonical(body))
        except (ValueError, TypeError):  # not canonicalisable: signed bytes stay as they are
            signature = b"\x00" * 64
        body["signature"] = {"algorithm": "ed25519", "value": base64.b64encode(signature).decode()}
        data = json.dumps(body).encode("ascii")
    parse_manifest(data)
    return "parsed"


def target_csv(context: Context, data: bytes) -> str:
    from casetracker.sharing import canonical_csv

    parsed = canonical_csv.parse(data)
    context.workspace().imports.apply(parsed, dry_run=True)
    return "imported (dry run)"


def _sheet(context: Context, data: bytes, filename: str) -> str:
    from casetracker.sharing import spreadsheet

    sheet = spreadsheet.read_sheet(data, filename)
    mapping = spreadsheet.guess_mapping(sheet.headers)
    spreadsheet.preview(sheet, mapping, 5)
    if mapping.missing_required():
        return "no name column"
    parsed = spreadsheet.parse(sheet, mapping)
    context.workspace().imports.apply(parsed, dry_run=True, skip_bad=True)
    return "imported (dry run)"


def target_sheet_csv(context: Context, data: bytes) -> str:
    return _sheet(context, data, "sheet.csv")


def target_sheet_xlsx(context: Context, data: bytes) -> str:
    return _sheet(context, data, "sheet.xlsx")


def target_sheet_xml(context: Context, data: bytes) -> str:
    """The input's first byte picks a part of the seed workbook; the rest replaces it."""
    if not data:
        return "empty"
    part = _XML_PARTS[data[0] % len(_XML_PARTS)]
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(context.xlsx)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            out.writestr(info.filename, data[1:] if info.filename == part else source.read(info))
    return _sheet(context, buffer.getvalue(), "sheet.xlsx")


def target_mapping(context: Context, data: bytes) -> str:
    from casetracker.sharing import spreadsheet

    mapping = spreadsheet.mapping_from_json(data)
    spreadsheet.mapping_for_sheet(mapping, ("ФИО", "Статус", "Телефон", "new column"))
    return "parsed"


@dataclass(frozen=True)
class Target:
    name: str
    run: Callable[[Context, bytes], str]
    allowed: tuple[type[BaseException], ...]
    mutate: Callable[[bytes, random.Random, list[bytes]], bytes]


TARGET_NAMES = (
    "vault-raw", "vault-header", "vault-payload", "bundle-age", "bundle-zip", "bundle-signed",
    "manifest", "csv", "sheet-csv", "sheet-xlsx", "sheet-xml", "mapping",
)  # fmt: skip


def targets() -> dict[str, Target]:
    from casetracker.services.errors import ServiceError
    from casetracker.sharing.canonical_csv import CsvFormatError
    from casetracker.sharing.errors import SharingError
    from casetracker.storage.errors import VaultError

    vault = (VaultError, MemoryError)
    sharing = (SharingError,)
    found = [
        Target("vault-raw", target_vault_raw, vault, mutate_bytes),
        Target("vault-header", target_vault_header, vault, mutate_json_bytes),
        Target("vault-payload", target_vault_payload, vault, mutate_bytes),
        Target("bundle-age", target_bundle_age, sharing, mutate_bytes),
        Target("bundle-zip", target_bundle_zip, sharing, _mutate_zip),
        Target("bundle-signed", target_bundle_signed, sharing, mutate_json_bytes),
        Target("manifest", target_manifest, sharing, mutate_json_bytes),
        Target("csv", target_csv, (CsvFormatError, ServiceError), mutate_csv_bytes),
        Target("sheet-csv", target_sheet_csv, sharing, mutate_csv_bytes),
        Target("sheet-xlsx", target_sheet_xlsx, sharing, _mutate_zip),
        Target("sheet-xml", target_sheet_xml, sharing, _mutate_xml_part),
        Target("mapping", target_mapping, sharing, mutate_json_bytes),
    ]
    assert tuple(t.name for t in found) == TARGET_NAMES
    return {t.name: t for t in found}


def _mutate_zip(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    """Re-pack a ZIP with one member's name, content or compression changed, or bytewise."""
    if rng.random() < 0.4:
        return mutate_bytes(data, rng, others)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            items = [(i.filename, archive.read(i)) for i in archive.infolist()]
    except Exception:
        return mutate_bytes(data, rng, others)
    if not items:
        return data
    i = rng.randrange(len(items))
    name, content = items[i]
    action = rng.randrange(5)
    if action == 0:
        name = rng.choice(
            ["../x", "/abs", "a\\b", "C:x", "manifest.json", "CASES.JSON", "attachments/",
             "attachments/00000000-0000-4000-8000-000000000001.png", "x" * 200, "dossier.pdf"]
        )  # fmt: skip
    elif action == 1:
        mutator = mutate_json_bytes if name.endswith(".json") else mutate_bytes
        content = mutator(content, rng, others)
    elif action == 2:
        items.append(items[i])
    elif action == 3:
        del items[i]
    else:
        content = content * max(1, min(rng.randint(2, 50), 2_000_000 // max(1, len(content))))
    if action != 3:
        items[i] = (name, content)
    buffer = io.BytesIO()
    compression = rng.choice([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
    with warnings_silenced(), zipfile.ZipFile(buffer, "w", compression) as out:
        for entry_name, entry in items:
            out.writestr(entry_name, entry)
    return buffer.getvalue()


def _mutate_xml_part(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    if not data:
        return bytes([rng.randrange(3)])
    head, body = data[:1], data[1:]
    if rng.random() < 0.1:
        head = bytes([rng.randrange(3)])
    if rng.random() < 0.15:
        bomb = (
            b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">'
            b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        )
        return head + bomb + body.split(b"?>", 1)[-1].replace(b"<t>", b"<t>&d;", 1)
    return head + mutate_bytes(body, rng, others)


@contextlib.contextmanager
def warnings_silenced() -> Iterator[None]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


# -- running --------------------------------------------------------------------------------
@dataclass
class FuzzResult:
    target: str
    engine: str
    inputs: int = 0
    seconds: float = 0.0
    outcomes: dict[str, int] = field(default_factory=dict)
    unexpected: list[dict[str, str]] = field(default_factory=list)
    hangs: int = 0
    peak_rss_mb: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "engine": self.engine,
            "inputs": self.inputs,
            "seconds": round(self.seconds, 1),
            "outcomes": dict(sorted(self.outcomes.items(), key=lambda kv: -kv[1])[:12]),
            "unexpected": self.unexpected[:20],
            "hangs": self.hangs,
            "peak_rss_mb": round(self.peak_rss_mb, 1),
        }


def _on_alarm(_signum: int, _frame: object) -> None:
    raise Hang()


def run_one(
    target: Target, context: Context, data: bytes, result: FuzzResult, timeout: float
) -> None:
    """One input: the outcome is counted; a surprise or a hang is recorded with its input."""
    if timeout > 0:  # 0: the engine watches the time itself (atheris' -timeout)
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        with warnings_silenced():
            outcome = target.run(context, data)
    except Hang:
        result.hangs += 1
        _record(target, context, data, result, "hang", f"more than {timeout} s")
        outcome = "HANG"
    except target.allowed as exc:
        outcome = type(exc).__name__
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            raise
        where = traceback.extract_tb(exc.__traceback__)[-1]
        _record(
            target, context, data, result, type(exc).__name__, f"{where.filename}:{where.lineno}"
        )
        outcome = f"UNEXPECTED {type(exc).__name__}"
    finally:
        if timeout > 0:
            signal.setitimer(signal.ITIMER_REAL, 0)
    result.inputs += 1
    result.outcomes[outcome] = result.outcomes.get(outcome, 0) + 1


def _record(
    target: Target, context: Context, data: bytes, result: FuzzResult, kind: str, where: str
) -> None:
    digest = hashlib.sha256(data).hexdigest()[:16]
    found = context.folder / "findings" / target.name
    found.mkdir(parents=True, exist_ok=True)
    path = found / f"{kind}-{digest}"
    path.write_bytes(data)
    if len(result.unexpected) < 200:
        result.unexpected.append({"kind": kind, "where": where, "input": str(path)})


def mutate_loop(
    target: Target,
    context: Context,
    seeds: list[bytes],
    seconds: float,
    *,
    seed: int = 1,
    timeout: float = 10.0,
    max_inputs: int | None = None,
) -> FuzzResult:
    """The built-in engine: seeds first, then mutants of seeds and of earlier mutants."""
    import resource

    rng = random.Random(seed)
    result = FuzzResult(target.name, "mutate")
    corpus = list(seeds)
    start = time.monotonic()
    for data in seeds:
        run_one(target, context, data, result, timeout)
    while time.monotonic() - start < seconds and (max_inputs is None or result.inputs < max_inputs):
        parent = rng.choice(corpus)
        child = target.mutate(parent, rng, corpus)
        before = dict(result.outcomes)
        run_one(target, context, child, result, timeout)
        # Keep mutants that led somewhere new (a new outcome) as parents: a crude feedback.
        new_outcome = result.outcomes.keys() != before.keys()
        if len(corpus) < 500 and (new_outcome or rng.random() < 0.02):
            corpus.append(child)
    result.seconds = time.monotonic() - start
    result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space: allocating past it raises MemoryError."""
    import resource

    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def env_for_worker() -> dict[str, str]:
    from torture.common import REPO_ROOT

    return {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT),
        "CASETRACKER_KDF_TARGET_MS": "0",
        "QT_QPA_PLATFORM": "offscreen",
    }


# -- bombs: inputs built to make a reader allocate or spin, with the memory each took -------
def bombs(context: Context) -> dict[str, tuple[str, bytes]]:
    """Crafted inputs per target that a careless reader would expand without bound."""
    deflated = io.BytesIO()
    with zipfile.ZipFile(deflated, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("cases.json", b"\x00" * (300 * 1024 * 1024))  # 300 MB -> ~300 KB
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
        + b"".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8)
        )
        + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'count="1" uniqueCount="1"><si><t>&i;</t></si></sst>'
    )
    wide_csv = ("full_name," + ",".join(f"c{i}" for i in range(5000)) + "\n").encode()
    return {
        "bundle-zip": ("a 300 MB member deflated to a few hundred KB", deflated.getvalue()),
        "bundle-signed": ("JSON nested 200,000 deep", b"[" * 200_000 + b"]" * 200_000),
        "manifest": ("a 10,000-digit number", b'{"version": ' + b"9" * 10_000 + b"}"),
        "sheet-xml": ("billion laughs in sharedStrings.xml", b"\x01" + laughs),
        "csv": ("5,000 unknown columns", wide_csv),
        "sheet-csv": ("one field of 60 MB", b"a,b\n" + b"x" * (60 * 1024 * 1024) + b",y\n"),
        "mapping": ("300 KB of one JSON string", b'{"format": "' + b"a" * 300_000 + b'"}'),
        "vault-header": (
            "slots asking for 4 GiB of Argon2 memory",
            json.dumps(_greedy_header(context)).encode(),
        ),
    }


def _greedy_header(context: Context) -> dict[str, Any]:
    start, end = _header_span(context.vault_file)
    header: dict[str, Any] = json.loads(context.vault_file[start:end])
    for slot in header["slots"]:
        if "kdf" in slot:
            slot["kdf"]["memory_kib"] = 4 * 1024 * 1024
    return header


def _address_space_limited(below: int = 3 * 2**30) -> bool:
    import resource

    soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    return soft != resource.RLIM_INFINITY and soft < below


def smoke(
    folder: Path, seconds: float, inputs: int | None = None, timeout: float = 10.0
) -> dict[str, Any]:
    """Every target for `seconds` (or `inputs` mutants, whichever comes first) with the
    mutate engine, then each bomb under tracemalloc.

    Run it in a process whose address space is limited (`limit_memory`), as the fast test
    and `fuzz_smoke` do: a reader that allocates without bound then fails with MemoryError,
    which is not an allowed outcome (except for the KDF of the vault targets).
    """
    import tracemalloc

    context = Context.from_files(folder)
    report: dict[str, Any] = {"targets": {}, "bombs": {}}
    try:
        for name, target in targets().items():
            seeds = load_seeds(folder, name)
            result = mutate_loop(
                target, context, seeds, seconds, timeout=timeout, max_inputs=inputs
            )
            report["targets"][name] = result.to_json()
        for name, (what, data) in bombs(context).items():
            target = targets()[name]
            result = FuzzResult(name, "bomb")
            context.costly_kdf = name == "vault-header" and _address_space_limited()
            tracemalloc.start()
            started = time.monotonic()
            run_one(target, context, data, result, timeout)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            report["bombs"][name] = {
                "what": what,
                "outcome": next(iter(result.outcomes)),
                "input_mb": round(len(data) / 2**20, 1),
                "peak_mb": round(peak / 2**20, 1),
                "seconds": round(time.monotonic() - started, 2),
                "unexpected": result.unexpected,
            }
    finally:
        context.close()
    return report
