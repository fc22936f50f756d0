"""cases.json: the structured data inside a bundle, written and read (as untrusted) here.

The document is a set of record lists, one per kind of record, mirroring the vault's tables so
that a bundle can be merged back by UUID (docs/formats.md describes it for people who open a
bundle with other tools). A field a redaction profile withholds is *absent* from the record
and named in the record's ``withheld`` list: absence means "not shared", never "empty", so
merging a redacted bundle into a vault never erases what the vault knows.

``parse_document`` is the only way in: it checks every record against ``ENTITIES`` (known
fields only, types, lengths, counts) and that every reference points to a record in the same
document, and returns typed values.

How much a bundle may hold scales with what its signed manifest declares (``counts``): each
list must hold exactly its declared number of entries, the declared numbers must stay under
hard ceilings (``MAX_RECORDS_PER_KIND``, ``MAX_FLAGS``, ``MAX_ATTACHMENTS``), and cases.json may
be no larger than the declared numbers need (``json_byte_limit``). A bundle that lies about its
counts is refused before its records are read.

Bytes alone do not bound memory: ``[],`` is three bytes and 64 bytes of Python objects. So the
JSON's structure (``strict_json.structural_tokens``) is also held to what the declared records
could need (``json_token_limit``: the most a valid record of each kind can have), under
``MAX_JSON_TOKENS``, and counted before anything is parsed. Reading cases.json then holds at
most about 100 bytes per token plus a few times the text: under 3 GB whatever a bundle holds,
about 1.5 GB for an honest 20,000 cases (docs/security.md).

The checks are written out against ``ENTITIES`` rather than as pydantic models: strict models
generated from the same table checked the fields no faster (0.7-0.9 s for 26,000 records,
as here), and the parsers for dates, ids, enums and date codes, the cross-field rules and the
translation of pydantic's errors into these plain words would have made the module longer.
"""

import hashlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NoReturn

from sqlmodel import SQLModel

from casetracker import cancellation
from casetracker.i18n import translate
from casetracker.model import (
    Allegation,
    AllegationCase,
    AllegationKind,
    Attachment,
    Case,
    CaseRelative,
    CaseStatus,
    Certainty,
    Channel,
    ContactEvent,
    CustodyPeriod,
    Facility,
    FacilityKind,
    Priority,
    Relative,
    Source,
    SourceCase,
    SourceFacility,
    SourceKind,
    StatusChange,
    Verification,
)
from casetracker.model.labels import count_text, record_kind_label
from casetracker.model.uncertain_date import EdtfError, UncertainDate
from casetracker.sharing import strict_json
from casetracker.sharing.archive import DEFAULT_LIMITS, MEMBER_NAME
from casetracker.sharing.errors import BundleFormatError

FORMAT = "casetracker-cases"
VERSION = 1
LAWYER = "lawyer"
ANONYMISED = "anonymised"
# For a journalist, with the media consent of the men and relatives it names (redaction.py).
MEDIA = "media"
# For a partner organisation: a lawyer's fields, with the partner consent of those it names.
PARTNER = "partner"
PROFILES = (LAWYER, ANONYMISED, MEDIA, PARTNER)
# Profiles whose bundles carry whole records and may be merged into a vault.
MERGEABLE = (LAWYER, PARTNER)

# Hard ceilings on what a manifest may declare (docs/formats.md, docs/security.md): about five
# times an organisation of 20,000 cases (410,000 contacts, 60,000 custody periods).
MAX_RECORDS_PER_KIND = 2_000_000
MAX_FLAGS = 2_000_000
# Every attachment record names a file of the bundle's ZIP, which holds at most
# ``ArchiveLimits.max_members`` files, three of them manifest.json, cases.json and dossier.pdf.
MAX_ATTACHMENTS = DEFAULT_LIMITS.max_members - 3
ATTACHMENTS = "attachments"
# A list whose count the manifest does not declare (flags, in bundles made before flags were
# counted), or any list when no manifest is at hand, holds at most this many entries.
UNDECLARED_LIMIT = 200_000
# cases.json may take this much, plus ``JSON_BYTES_PER_RECORD`` per declared record and flag
# (an organisation's records average about 400), and never more than ``MAX_JSON_BYTES``
# (20,000 cases make about 283 MB).
BASE_JSON_BYTES = 64 * 1024 * 1024
JSON_BYTES_PER_RECORD = 1024
MAX_JSON_BYTES = 384 * 1024 * 1024
# cases.json's structural tokens (``{ [ , :`` outside strings): this many for the document's
# frame, plus what each declared record can need (``record_tokens``), never more than
# ``MAX_JSON_TOKENS``. 20,000 cases make about 15.4 million (23 a record); the parser holds
# about 100 bytes per token, so the ceiling keeps it near 2 GB.
BASE_JSON_TOKENS = 4096
MAX_JSON_TOKENS = 20_000_000
# A flag's tokens: its brace, five keys, four commas and the comma before the next flag.
FLAG_TOKENS = 11
# The manifest's count of flags (the other counts are named after the record lists).
FLAGS = "flags"
MAX_TEXT = 20_000
MAX_SHORT = 500
# The longest uncertain-date code: "2024-07-01~/2024-07-08~".
MAX_EDTF = 23
SEVERITIES = ("info", "warning", "critical")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # text, bool, int, date, datetime, enum, ref
    enum: type[StrEnum] | None = None
    # For ``ref``: the record kind it points to.
    target: str | None = None
    nullable: bool = False
    max_chars: int = MAX_TEXT
    # False for fields of the bundle only (an attachment's archive member).
    in_model: bool = True


def _text(name: str, max_chars: int = MAX_TEXT) -> FieldSpec:
    return FieldSpec(name, "text", max_chars=max_chars)


def _short(name: str) -> FieldSpec:
    return FieldSpec(name, "text", max_chars=MAX_SHORT)


def _flag(name: str) -> FieldSpec:
    return FieldSpec(name, "bool")


def _day(name: str) -> FieldSpec:
    return FieldSpec(name, "date", nullable=True)


def _edtf(name: str) -> FieldSpec:
    """How uncertain the date beside it is (model/uncertain_date.py): "" when exact. Absent in
    bundles made before uncertain dates, which then read as exact."""
    return FieldSpec(name, "edtf", max_chars=MAX_EDTF)


def _enum(name: str, enum: type[StrEnum], nullable: bool = False) -> FieldSpec:
    return FieldSpec(name, "enum", enum=enum, nullable=nullable)


def _ref(name: str, target: str, nullable: bool = False) -> FieldSpec:
    return FieldSpec(name, "ref", target=target, nullable=nullable)


@dataclass(frozen=True)
class EntitySpec:
    key: str
    model: type[SQLModel]
    fields: tuple[FieldSpec, ...]
    # Fields a record must carry to be merged into a vault (lawyer profile).
    required: frozenset[str] = frozenset()

    @property
    def by_name(self) -> dict[str, FieldSpec]:
        return {f.name: f for f in self.fields}

    @property
    def refs(self) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if f.kind == "ref")


# Every kind of record, parents before children (the order of merging).
ENTITIES: tuple[EntitySpec, ...] = (
    EntitySpec(
        "facilities",
        Facility,
        (
            _short("name"), _enum("kind", FacilityKind), _short("settlement"), _short("region"),
            _short("controlled_by"), FieldSpec("headcount", "int", nullable=True),
            _day("headcount_date"), _text("headcount_source"), _text("notes"),
        ),
        frozenset({"name"}),
    ),
    EntitySpec(
        "sources",
        Source,
        (
            _text("title"), _enum("kind", SourceKind), _enum("verification", Verification),
            _text("reference"), _day("published_on"), _text("notes"),
        ),
        frozenset({"title"}),
    ),
    EntitySpec(
        "cases",
        Case,
        (
            _short("ref"), _short("full_name"), _flag("name_is_changed"), _text("aliases"),
            _day("birth_date"), _short("home_region"), _short("military_unit"),
            _short("unit_base"), _short("contract_type"), _day("contract_start"),
            _day("contract_end"), _day("refusal_date"), _day("detention_date"),
            _enum("status", CaseStatus), _enum("priority", Priority), _short("caseworker"),
            _short("lawyer"), _text("tags"), _text("notes"),
            _edtf("birth_date_edtf"), _edtf("refusal_date_edtf"), _edtf("detention_date_edtf"),
        ),
        frozenset({"ref", "full_name", "status"}),
    ),
    EntitySpec(
        "status_changes",
        StatusChange,
        (
            _ref("case_id", "cases"), _enum("status", CaseStatus),
            _enum("previous_status", CaseStatus, nullable=True),
            _day("changed_on"), _text("source_note"), _edtf("changed_on_edtf"),
        ),
        frozenset({"case_id", "status", "changed_on"}),
    ),
    EntitySpec(
        "custody_periods",
        CustodyPeriod,
        (
            _ref("case_id", "cases"), _ref("facility_id", "facilities"), _day("since"),
            _day("until"), _flag("ended"), _enum("certainty", Certainty),
            _ref("source_id", "sources", nullable=True), _text("note"),
            _edtf("since_edtf"), _edtf("until_edtf"),
        ),
        frozenset({"case_id", "facility_id"}),
    ),
    EntitySpec(
        "relatives",
        Relative,
        (
            _short("full_name"), _text("phones"), _text("handles"), _short("language"),
            _short("city"), _flag("anonymous"), _flag("share_with_lawyer"),
            _flag("share_with_media"), _text("notes"),
        ),
    ),
    EntitySpec(
        "case_relatives",
        CaseRelative,
        (_ref("case_id", "cases"), _ref("relative_id", "relatives"), _short("relationship")),
        frozenset({"case_id", "relative_id"}),
    ),
    EntitySpec(
        "contact_events",
        ContactEvent,
        (
            _ref("case_id", "cases"), FieldSpec("occurred_at", "datetime"),
            _flag("time_known"),  # absent (bundles before schema 2): the time is known
            _enum("channel", Channel), _flag("direct"),
            _ref("relative_id", "relatives", nullable=True), _text("participants"),
            _flag("reports_transfer"), _text("note"), _edtf("occurred_at_edtf"),
        ),
        frozenset({"case_id", "occurred_at"}),
    ),
    EntitySpec(
        "source_cases",
        SourceCase,
        (_ref("source_id", "sources"), _ref("case_id", "cases")),
        frozenset({"source_id", "case_id"}),
    ),
    EntitySpec(
        "source_facilities",
        SourceFacility,
        (_ref("source_id", "sources"), _ref("facility_id", "facilities")),
        frozenset({"source_id", "facility_id"}),
    ),
    EntitySpec(
        "allegations",
        Allegation,
        (
            _enum("kind", AllegationKind), _day("occurred_on"), _text("description"),
            _ref("source_id", "sources", nullable=True), _edtf("occurred_on_edtf"),
        ),
        frozenset({"kind"}),
    ),
    EntitySpec(
        "allegation_cases",
        AllegationCase,
        (_ref("allegation_id", "allegations"), _ref("case_id", "cases")),
        frozenset({"allegation_id", "case_id"}),
    ),
    EntitySpec(
        "attachments",
        Attachment,
        (
            _ref("source_id", "sources", nullable=True), _ref("case_id", "cases", nullable=True),
            FieldSpec("filename", "text", max_chars=255),
            FieldSpec("media_type", "text", max_chars=100),
            FieldSpec("size", "int"), FieldSpec("sha256", "text", max_chars=64),
            FieldSpec("member", "text", max_chars=120, in_model=False),
        ),
        frozenset({"filename", "size", "sha256", "member"}),
    ),
)  # fmt: skip
BY_KEY: dict[str, EntitySpec] = {spec.key: spec for spec in ENTITIES}
BY_MODEL: dict[type[SQLModel], EntitySpec] = {spec.model: spec for spec in ENTITIES}


# -- typed document -------------------------------------------------------------------------
@dataclass(frozen=True)
class BundleRecord:
    id: uuid.UUID
    values: dict[str, Any]
    created_at: datetime | None = None
    updated_at: datetime | None = None
    # Fields left out by the sender's redaction (absent from ``values``).
    withheld: frozenset[str] = frozenset()
    # Fields present but altered by redaction (free text with identities replaced): shown to
    # the reader, written when the record is new here, never compared or written over ours.
    redacted: frozenset[str] = frozenset()


@dataclass(frozen=True)
class BundleFlag:
    case_id: uuid.UUID
    rule: str
    severity: str
    since: date
    message: str = ""


@dataclass(frozen=True)
class CasesDocument:
    profile: str
    exported_at: datetime
    records: dict[str, list[BundleRecord]]
    flags: list[BundleFlag] = field(default_factory=list)

    def of(self, key: str) -> list[BundleRecord]:
        return self.records.get(key, [])

    def index(self, key: str) -> dict[uuid.UUID, BundleRecord]:
        return {r.id: r for r in self.of(key)}

    def counts(self) -> dict[str, int]:
        return {spec.key: len(self.of(spec.key)) for spec in ENTITIES}

    def declared(self) -> dict[str, int]:
        """What the manifest declares: every list's length, flags included."""
        return {**self.counts(), FLAGS: len(self.flags)}


# -- writing --------------------------------------------------------------------------------
def json_value(spec: FieldSpec, value: Any) -> Any:
    """The JSON form of a typed value (the inverse of ``_typed``)."""
    if value is None:
        return None
    if spec.kind in ("date", "datetime"):
        return value.isoformat()
    if spec.kind == "ref":
        return str(value)
    if spec.kind == "enum":
        return str(value.value if isinstance(value, StrEnum) else value)
    return value


def record_json(key: str, record: BundleRecord) -> dict[str, Any]:
    spec = BY_KEY[key]
    out: dict[str, Any] = {"id": str(record.id)}
    if record.created_at is not None:
        out["created_at"] = record.created_at.isoformat()
    if record.updated_at is not None:
        out["updated_at"] = record.updated_at.isoformat()
    for f in spec.fields:
        if f.name in record.values:
            out[f.name] = json_value(f, record.values[f.name])
    if record.withheld:
        out["withheld"] = sorted(record.withheld)
    if record.redacted:
        out["redacted"] = sorted(record.redacted)
    return out


def document_json(doc: CasesDocument) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "profile": doc.profile,
        "exported_at": doc.exported_at.isoformat(),
        "records": {
            spec.key: [record_json(spec.key, r) for r in doc.of(spec.key)] for spec in ENTITIES
        },
        "flags": [
            {
                "case_id": str(f.case_id),
                "rule": f.rule,
                "severity": f.severity,
                "since": f.since.isoformat(),
                "message": f.message,
            }
            for f in doc.flags
        ],
    }


def dump_document(doc: CasesDocument) -> bytes:
    return strict_json.pretty(document_json(doc))


def values_digest(key: str, values: Mapping[str, Any]) -> str:
    """A stable hash of some fields' values (for merge decisions); names outside the spec drop."""
    spec = BY_KEY[key].by_name
    plain = {name: json_value(spec[name], v) for name, v in values.items() if name in spec}
    return hashlib.sha256(strict_json.canonical(plain)).hexdigest()


# -- reading (untrusted) --------------------------------------------------------------------
def ceiling(key: str) -> int:
    """The most entries of a list (a kind of record, or the flags) a manifest may declare."""
    if key == FLAGS:
        return MAX_FLAGS
    return MAX_ATTACHMENTS if key == ATTACHMENTS else MAX_RECORDS_PER_KIND


def undeclared_limit(key: str) -> int:
    """The most entries of a list whose count the manifest does not declare."""
    return min(UNDECLARED_LIMIT, ceiling(key))


def declared_counts(untrusted: Mapping[str, int]) -> dict[str, int]:
    """The manifest's counts of the lists this reader knows, each checked against its ceiling
    (the manifest is signed, but by whoever made the bundle)."""
    out: dict[str, int] = {}
    for key, count in untrusted.items():
        if key not in BY_KEY and key != FLAGS:
            continue  # a list this version does not read
        most = ceiling(key)
        if not 0 <= count <= most:
            raise BundleFormatError(
                translate(
                    "sharing", "The bundle declares {counted}; a bundle may hold at most {ceiling}."
                ).format(counted=count_text(key, count), ceiling=most)
            )
        out[key] = count
    return out


def json_byte_limit(declared: Mapping[str, int]) -> int:
    """How large cases.json may be for these (checked) declared counts."""
    wanted = BASE_JSON_BYTES + JSON_BYTES_PER_RECORD * sum(declared.values())
    return min(MAX_JSON_BYTES, wanted)


def record_tokens(spec: EntitySpec) -> int:
    """The most structural tokens a valid record of this kind can have: its brace and the comma
    after it, five metadata keys (three of them with a comma), a key and a comma for every field,
    and every field named again in ``withheld`` and in ``redacted`` (each list a bracket and a
    comma per name). Honest records have about half: 45 for a case, 25 for a contact."""
    return 12 + 4 * len(spec.fields)


def json_token_limit(declared: Mapping[str, int] | None) -> int:
    """How much structure cases.json may have for these (checked) declared counts; a list the
    manifest does not count may hold ``UNDECLARED_LIMIT`` entries."""
    counts = declared or {}
    wanted = BASE_JSON_TOKENS + FLAG_TOKENS * counts.get(FLAGS, undeclared_limit(FLAGS))
    for spec in ENTITIES:
        wanted += record_tokens(spec) * counts.get(spec.key, undeclared_limit(spec.key))
    return min(MAX_JSON_TOKENS, wanted)


def fits_limits(cases_json: bytes, declared: Mapping[str, int]) -> bool:
    """Whether a reader will take this cases.json (the exporter asks before sealing)."""
    tokens = json_token_limit(declared)
    return (
        len(cases_json) <= json_byte_limit(declared)
        and strict_json.structural_tokens(cases_json, tokens) <= tokens
    )


def load_document(untrusted: bytes, declared: Mapping[str, int] | None = None) -> CasesDocument:
    """cases.json read against the manifest's ``declared`` counts (None: the fixed limits);
    its size and structure are checked before it is parsed."""
    counts = declared_counts(declared) if declared is not None else None
    max_bytes = json_byte_limit(counts) if counts is not None else BASE_JSON_BYTES
    value = strict_json.loads(
        untrusted, what="cases.json", max_bytes=max_bytes, max_tokens=json_token_limit(counts)
    )
    return parse_document(value, counts)


def _fail(where: str, reason: str) -> NoReturn:
    raise BundleFormatError(
        translate("sharing", "cases.json is not valid ({where}: {reason}).").format(
            where=where, reason=reason
        )
    )


def _expect_dict(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        _fail(where, translate("sharing", "expected an object"))
    return value


def _expect_list(value: Any, where: str, limit: int) -> list[Any]:
    if not isinstance(value, list):
        _fail(where, translate("sharing", "expected a list"))
    if len(value) > limit:
        _fail(where, translate("sharing", "more than {n} entries").format(n=limit))
    return value


def _declared_list(value: Any, declared: Mapping[str, int] | None, key: str) -> list[Any]:
    """A record list (or the flags), as long as the manifest declares, else within the fixed
    limit; named in words ("contacts in the log") when it is not."""
    where = record_kind_label(key)
    if not isinstance(value, list):
        _fail(where, translate("sharing", "expected a list"))
    if declared is None or key not in declared:
        if len(value) > undeclared_limit(key):
            raise BundleFormatError(
                translate("sharing", "cases.json holds more than {counted}.").format(
                    counted=count_text(key, undeclared_limit(key))
                )
            )
        return value
    if len(value) != declared[key]:
        raise BundleFormatError(
            translate(
                "sharing", "cases.json holds {found} where its manifest declares {n}."
            ).format(found=count_text(key, len(value)), n=declared[key])
        )
    return value


def parse_uuid(untrusted: Any, where: str) -> uuid.UUID:
    if not isinstance(untrusted, str) or len(untrusted) != 36:
        _fail(where, translate("sharing", "not an id"))
    try:
        value = uuid.UUID(untrusted)
    except ValueError:
        _fail(where, translate("sharing", "not an id"))
    if str(value) != untrusted:
        _fail(where, translate("sharing", "not an id in canonical form"))
    return value


def _parse_date(untrusted: Any, where: str) -> date:
    if not isinstance(untrusted, str) or len(untrusted) != 10:
        _fail(where, translate("sharing", "not a date (YYYY-MM-DD)"))
    try:
        return date.fromisoformat(untrusted)
    except ValueError:
        _fail(where, translate("sharing", "not a date (YYYY-MM-DD)"))


def _parse_datetime(untrusted: Any, where: str) -> datetime:
    if not isinstance(untrusted, str) or not 10 <= len(untrusted) <= 32:
        _fail(where, translate("sharing", "not a date and time"))
    try:
        value = datetime.fromisoformat(untrusted)
    except ValueError:
        _fail(where, translate("sharing", "not a date and time"))
    if value.tzinfo is not None:
        _fail(where, translate("sharing", "a time zone is not expected (times are UTC)"))
    return value


def _typed(spec: FieldSpec, untrusted: Any, where: str) -> Any:
    if untrusted is None:
        if spec.nullable:
            return None
        _fail(where, translate("sharing", "must not be empty"))
    if spec.kind == "text":
        if not isinstance(untrusted, str):
            _fail(where, translate("sharing", "expected text"))
        if len(untrusted) > spec.max_chars or "\x00" in untrusted:
            _fail(where, translate("sharing", "text too long or binary"))
        return untrusted
    if spec.kind == "bool":
        if not isinstance(untrusted, bool):
            _fail(where, translate("sharing", "expected true or false"))
        return untrusted
    if spec.kind == "int":
        if not isinstance(untrusted, int) or isinstance(untrusted, bool):
            _fail(where, translate("sharing", "expected a whole number"))
        if not 0 <= untrusted <= 2**53:
            _fail(where, translate("sharing", "number out of range"))
        return untrusted
    if spec.kind == "date":
        return _parse_date(untrusted, where)
    if spec.kind == "datetime":
        return _parse_datetime(untrusted, where)
    if spec.kind == "enum":
        assert spec.enum is not None
        if not isinstance(untrusted, str):
            _fail(where, translate("sharing", "expected one of the documented values"))
        try:
            return spec.enum(untrusted)
        except ValueError:
            _fail(
                where,
                translate("sharing", "“{value}” is not a known value").format(value=untrusted[:40]),
            )
    if spec.kind == "ref":
        return parse_uuid(untrusted, where)
    if spec.kind == "edtf":
        if not isinstance(untrusted, str) or len(untrusted) > spec.max_chars:
            _fail(where, translate("sharing", "expected a date code"))
        if untrusted:
            try:
                UncertainDate.from_edtf(untrusted)
            except EdtfError:
                _fail(where, translate("sharing", "not a date code this version can read"))
        return untrusted
    raise AssertionError(spec.kind)  # pragma: no cover


_RECORD_META = frozenset({"id", "created_at", "updated_at", "withheld", "redacted"})
_TOP_KEYS = frozenset({"format", "version", "profile", "exported_at", "records", "flags"})


def parse_document(untrusted: Any, declared: Mapping[str, int] | None = None) -> CasesDocument:
    """The typed document; with ``declared`` (the manifest's counts) every list must hold
    exactly that many entries, else at most ``UNDECLARED_LIMIT``."""
    if declared is not None:
        declared = declared_counts(declared)
    top = _expect_dict(untrusted, "document")
    unknown = set(top) - _TOP_KEYS
    if unknown:
        _fail(
            "document",
            translate("sharing", "unknown key {key}").format(key=sorted(unknown)[0][:40]),
        )
    if top.get("format") != FORMAT:
        _fail("format", translate("sharing", "this is not Casetracker case data"))
    version = top.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        _fail("version", translate("sharing", "missing"))
    if version > VERSION:
        raise BundleFormatError(
            translate(
                "sharing",
                "This bundle was made by a newer Casetracker (data version {v}). "
                "Update the app to open it.",
            ).format(v=version)
        )
    if version < 1:
        _fail("version", translate("sharing", "unknown version"))
    profile = top.get("profile")
    if profile not in PROFILES:
        _fail("profile", translate("sharing", "unknown profile"))
    exported_at = _parse_datetime(top.get("exported_at"), "exported_at")
    raw_records = _expect_dict(top.get("records", {}), "records")
    unknown = set(raw_records) - set(BY_KEY)
    if unknown:
        _fail(
            "records",
            translate("sharing", "unknown kind {key}").format(key=sorted(unknown)[0][:40]),
        )
    records: dict[str, list[BundleRecord]] = {}
    for spec in ENTITIES:
        items = _declared_list(raw_records.get(spec.key, []), declared, spec.key)
        records[spec.key] = [
            _parse_record(spec, item, _record_place(spec.key, i), profile)
            for i, item in enumerate(items)
        ]
    ids = {key: _unique_ids(key, recs) for key, recs in records.items()}
    _named_once(records[ATTACHMENTS])
    for spec in ENTITIES:
        for i, record in enumerate(records[spec.key]):
            for ref in spec.refs:
                target = record.values.get(ref.name)
                assert ref.target is not None
                if target is not None and target not in ids[ref.target]:
                    _fail(
                        f"{_record_place(spec.key, i)}.{ref.name}",
                        translate("sharing", "points to a record that is not in the bundle"),
                    )
    flags = [
        _parse_flag(item, _record_place(FLAGS, i), ids["cases"])
        for i, item in enumerate(_declared_list(top.get("flags", []), declared, FLAGS))
    ]
    return CasesDocument(profile, exported_at, records, flags)


def _record_place(key: str, index: int) -> str:
    """Where a record stands, as a person counts: "contact 4" for ``contact_events[3]``."""
    return f"{record_kind_label(key)} {index + 1}"


def _unique_ids(key: str, records: list[BundleRecord]) -> set[uuid.UUID]:
    seen: set[uuid.UUID] = set()
    for i, record in enumerate(records):
        if record.id in seen:
            _fail(f"{_record_place(key, i)}.id", translate("sharing", "the same id appears twice"))
        seen.add(record.id)
    return seen


def _named_once(attachments: list[BundleRecord]) -> None:
    """Each file of the bundle is named by one attachment record at most: importing stores a
    copy for each record, so one large file named thousands of times would fill the disk."""
    seen: set[str] = set()
    for i, record in enumerate(attachments):
        member = record.values.get("member")
        if member in seen:
            _fail(
                f"{_record_place(ATTACHMENTS, i)}.member",
                translate("sharing", "names a file another attachment names"),
            )
        if member is not None:
            seen.add(member)


def _parse_record(spec: EntitySpec, untrusted: Any, where: str, profile: str) -> BundleRecord:
    cancellation.check()  # 60,000 records take seconds: a lock stops here
    item = _expect_dict(untrusted, where)
    fields = spec.by_name
    unknown = set(item) - set(fields) - _RECORD_META
    if unknown:
        _fail(
            where, translate("sharing", "unknown field {name}").format(name=sorted(unknown)[0][:40])
        )
    record_id = parse_uuid(item.get("id"), f"{where}.id")
    created = updated = None
    if "created_at" in item:
        created = _parse_datetime(item["created_at"], f"{where}.created_at")
    if "updated_at" in item:
        updated = _parse_datetime(item["updated_at"], f"{where}.updated_at")
    withheld_raw = _expect_list(item.get("withheld", []), f"{where}.withheld", len(fields))
    if any(not isinstance(w, str) or w not in fields for w in withheld_raw):
        _fail(f"{where}.withheld", translate("sharing", "names an unknown field"))
    withheld = frozenset(withheld_raw)
    values = {
        name: _typed(fields[name], item[name], f"{where}.{name}") for name in fields if name in item
    }
    if withheld & set(values):
        _fail(where, translate("sharing", "a field is both given and withheld"))
    redacted_raw = _expect_list(item.get("redacted", []), f"{where}.redacted", len(fields))
    if any(not isinstance(r, str) or r not in values for r in redacted_raw):
        _fail(f"{where}.redacted", translate("sharing", "names a field the record does not give"))
    redacted = frozenset(redacted_raw)
    if profile in MERGEABLE:
        missing = spec.required - set(values)
        if missing:
            _fail(where, translate("sharing", "missing {name}").format(name=sorted(missing)[0]))
        if created is None or updated is None:
            _fail(where, translate("sharing", "missing created_at or updated_at"))
    if spec.key == "attachments" and "member" in values:
        _check_attachment(values, where)
    if spec.key == "custody_periods":
        _check_stay(values, where)
    _check_uncertain_days(spec, values, withheld, where)
    return BundleRecord(record_id, values, created, updated, withheld, redacted)


def _check_uncertain_days(
    spec: EntitySpec, values: dict[str, Any], withheld: frozenset[str], where: str
) -> None:
    """A date with a code holds the day the code stands for (its earliest, else its latest),
    so that a merged record sorts and counts as its words say. A date given without its code
    (a bundle from before uncertain dates) is exact: its code is filled in as "", so merging
    it never leaves our "July 2024" code beside their exact day."""
    for field_spec in spec.fields:
        if field_spec.kind != "edtf":
            continue
        day_name = field_spec.name.removesuffix("_edtf")
        if field_spec.name not in values and field_spec.name not in withheld:
            if day_name in values:
                values[field_spec.name] = ""
            continue
        code = values.get(field_spec.name)
        if not code or day_name not in values:
            continue
        day = values[day_name]
        day = day.date() if isinstance(day, datetime) else day
        if day != UncertainDate.from_edtf(code).column_day:
            _fail(f"{where}.{day_name}", translate("sharing", "does not match its date code"))


def _check_stay(values: dict[str, Any], where: str) -> None:
    """A stay with an end day has ended; a bundle from before ``ended`` (vault schema 4) says
    so by the day alone, and ``ended`` is filled in from it."""
    if "ended" not in values and "until" in values:
        values["ended"] = values["until"] is not None
    if values.get("ended") is False and values.get("until") is not None:
        _fail(where, translate("sharing", "a stay with an end day that has not ended"))


def _check_attachment(values: dict[str, Any], where: str) -> None:
    member = values["member"]
    if not member.startswith("attachments/") or not MEMBER_NAME.fullmatch(member):
        _fail(f"{where}.member", translate("sharing", "not an attachment member name"))
    digest = values.get("sha256", "")
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        _fail(f"{where}.sha256", translate("sharing", "not a SHA-256"))
    if values.get("source_id") is None and values.get("case_id") is None:
        _fail(where, translate("sharing", "an attachment belongs to a source or a case"))


def _parse_flag(untrusted: Any, where: str, case_ids: set[uuid.UUID]) -> BundleFlag:
    item = _expect_dict(untrusted, where)
    if set(item) - {"case_id", "rule", "severity", "since", "message"}:
        _fail(where, translate("sharing", "unknown field"))
    case_id = parse_uuid(item.get("case_id"), f"{where}.case_id")
    if case_id not in case_ids:
        _fail(
            f"{where}.case_id", translate("sharing", "points to a record that is not in the bundle")
        )
    rule = item.get("rule")
    if not isinstance(rule, str) or not 0 < len(rule) <= 64:
        _fail(f"{where}.rule", translate("sharing", "expected a rule id"))
    severity = item.get("severity")
    if severity not in SEVERITIES:
        _fail(f"{where}.severity", translate("sharing", "unknown severity"))
    message = item.get("message", "")
    if not isinstance(message, str) or len(message) > MAX_TEXT:
        _fail(f"{where}.message", translate("sharing", "expected text"))
    since = _parse_date(item.get("since"), f"{where}.since")
    return BundleFlag(case_id, rule, str(severity), since, message)
