"""Redaction profiles: what of the selected records leaves the organisation, and in what form.

Each profile is a *whitelist* of fields per kind of record, so a field added to the model later
stays home until someone decides it may travel. On top of the whitelist, consent rules run per
record:

``lawyer``
    Relatives are included only where ``share_with_lawyer`` is true. An anonymous relative keeps
    the relationship and the consent flags and loses everything that identifies them (name,
    phones, handles, city, language, notes). Contacts with a relative who is not shared keep
    their date, channel and what was said, but not who took part. Free text anywhere in the
    bundle is scrubbed of the withheld people's names, phones and handles as written in their
    records (best effort: an inflected name in a note cannot be recognised; caseworkers are
    asked not to write identities into notes).

``anonymised``
    No personal names, no contacts, no free text, no attachments: only what statistics need
    (status and its history, region, unit, dates, places, the contact log's dates and kinds,
    allegation kinds, flags). Every id is replaced by a random one, different in every
    export, so two anonymised exports cannot be joined record by record.

Pure functions of the rows handed in; the service collects them (services/bundle_export.py).
"""

import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from itertools import permutations
from typing import Any

from casetracker import cancellation
from casetracker.model import Relative
from casetracker.sharing.alternation import grouped
from casetracker.sharing.bundle_schema import (
    ANONYMISED,
    BY_KEY,
    ENTITIES,
    LAWYER,
    BundleFlag,
    BundleRecord,
    CasesDocument,
)

WITHHELD = "[withheld]"


@dataclass(frozen=True)
class ExportFlag:
    """A raised flag about one exported case, as the rules engine worded it."""

    case_id: uuid.UUID
    rule: str
    severity: str
    since: date
    message: str


@dataclass
class ExportSource:
    """The selected rows, per kind of record (``bundle_schema.ENTITIES`` keys)."""

    rows: dict[str, list[Any]] = field(default_factory=dict)
    flags: list[ExportFlag] = field(default_factory=list)
    #: Attachment id -> archive member name, for the attachments whose bytes are included.
    attachment_members: dict[uuid.UUID, str] = field(default_factory=dict)

    def of(self, key: str) -> list[Any]:
        return self.rows.get(key, [])


@dataclass(frozen=True)
class Profile:
    name: str
    #: Kind of record -> fields that may leave; a kind not named here never leaves.
    fields: Mapping[str, frozenset[str]]
    #: Fields holding free text, scrubbed of withheld identities.
    free_text: Mapping[str, frozenset[str]]
    pseudonymous_ids: bool
    timestamps: bool
    flag_messages: bool
    attachments: bool


def _all(key: str, *, but: Iterable[str] = ()) -> frozenset[str]:
    return frozenset(f.name for f in BY_KEY[key].fields) - frozenset(but)


_RELATIVE_IDENTITY = frozenset({"full_name", "phones", "handles", "city", "language", "notes"})

LAWYER_PROFILE = Profile(
    name=LAWYER,
    fields={spec.key: _all(spec.key) for spec in ENTITIES},
    free_text={
        "facilities": frozenset({"notes", "headcount_source"}),
        "sources": frozenset({"title", "reference", "notes"}),
        "cases": frozenset({"notes", "tags", "aliases"}),
        "status_changes": frozenset({"source_note"}),
        "custody_periods": frozenset({"note"}),
        "relatives": frozenset({"notes"}),
        "case_relatives": frozenset({"relationship"}),
        "contact_events": frozenset({"participants", "note"}),
        "allegations": frozenset({"description"}),
        "attachments": frozenset({"filename"}),
    },
    pseudonymous_ids=False,
    timestamps=True,
    flag_messages=True,
    attachments=True,
)

ANONYMISED_PROFILE = Profile(
    name=ANONYMISED,
    fields={
        "facilities": frozenset(
            {"name", "kind", "settlement", "region", "controlled_by", "headcount", "headcount_date"}
        ),
        "sources": frozenset({"kind", "verification", "published_on"}),
        "cases": frozenset(
            {
                "home_region",
                "military_unit",
                "unit_base",
                "contract_type",
                "contract_start",
                "contract_end",
                "refusal_date",
                "detention_date",
                "status",
            }
        ),
        "status_changes": frozenset({"case_id", "status", "previous_status", "changed_on"}),
        "custody_periods": frozenset(
            {"case_id", "facility_id", "since", "until", "ended", "certainty"}
        ),
        "contact_events": frozenset(
            {"case_id", "occurred_at", "time_known", "channel", "direct", "reports_transfer"}
        ),
        "source_cases": frozenset({"source_id", "case_id"}),
        "source_facilities": frozenset({"source_id", "facility_id"}),
        "allegations": frozenset({"kind", "occurred_on"}),
        "allegation_cases": frozenset({"allegation_id", "case_id"}),
    },
    free_text={},
    pseudonymous_ids=True,
    timestamps=False,
    flag_messages=False,
    attachments=False,
)

PROFILES: dict[str, Profile] = {p.name: p for p in (LAWYER_PROFILE, ANONYMISED_PROFILE)}


def scrubber(people: Iterable[Relative]) -> Callable[[str], str]:
    """Replace these people's names, phones and handles in free text with ``[withheld]``.

    Compiling the one expression takes about 11 s at 20,000 cases and cannot be stopped
    half-way: a lock that comes before it stops the job here instead."""
    cancellation.check()
    # Each pattern with the characters a match of it can begin with (see ``grouped``).
    patterns: set[tuple[str, frozenset[str]]] = set()
    for person in people:
        words = person.full_name.split()
        if words and len("".join(words)) >= 3:
            orders = permutations(words) if len(words) <= 3 else [tuple(words)]
            patterns.update(
                (r"\s+".join(re.escape(w) for w in order), frozenset(order[0][0]))
                for order in orders
            )
        for phone in person.phones.split(";"):
            digits = [d for d in phone if d.isdigit()]
            if len(digits) >= 5:
                patterns.add((r"\+?" + r"[\s\-().]*".join(digits), frozenset({"+", digits[0]})))
        for handle in person.handles.split(";"):
            handle = handle.strip().lstrip("@")
            if len(handle) >= 3:
                patterns.add(("@?" + re.escape(handle), frozenset({"@", handle[0]})))
    if not patterns:
        return lambda text: text
    # Longest first, so a full name wins over a part of it.
    ordered = sorted(patterns, key=lambda p: (-len(p[0]), p[0]))
    regex = re.compile(grouped(ordered, re.IGNORECASE), re.IGNORECASE)
    # One alternative per withheld name, phone and handle makes each substitution slow, and
    # the same text recurs on many rows ("со слов родственников"): substitute it once.
    done: dict[str, str] = {}

    def scrub(text: str) -> str:
        cleaned = done.get(text)
        if cleaned is None:
            cancellation.check()  # slow per text at 20,000 cases: a lock stops it here
            cleaned = done[text] = regex.sub(WITHHELD, text)
        return cleaned

    return scrub


def withheld_relatives(source: ExportSource, profile: Profile) -> dict[uuid.UUID, int]:
    """Case id -> how many of his relatives a lawyer's bundle leaves out for lack of consent,
    so the dossier says so instead of "none recorded" (the anonymised profile has no relatives)."""
    if profile.name != LAWYER:
        return {}
    shared = {r.id for r in source.of("relatives") if r.share_with_lawyer}
    return dict(
        Counter(
            link.case_id for link in source.of("case_relatives") if link.relative_id not in shared
        )
    )


def redact(
    source: ExportSource, profile: Profile, exported_at: datetime, *, scrub_text: bool = True
) -> CasesDocument:
    """What ``profile`` lets leave of ``source``. ``scrub_text=False`` leaves withheld names in
    free text: for counting only (the export dialog's summary), never for a document that
    leaves; it saves compiling the scrubber (about 11 s at 20,000 cases)."""
    if profile.name == LAWYER:
        return _lawyer(source, profile, exported_at, scrub_text)
    return _anonymised(source, profile, exported_at)


def _values(key: str, row: Any, allowed: frozenset[str]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in _names(key, allowed)}


@cache
def _names(key: str, allowed: frozenset[str]) -> tuple[str, ...]:
    """The model fields of ``key`` that may leave, in schema order: worked out once, not per row."""
    return tuple(f.name for f in BY_KEY[key].fields if f.in_model and f.name in allowed)


def _lawyer(
    source: ExportSource, profile: Profile, exported_at: datetime, scrub_text: bool
) -> CasesDocument:
    relatives: Sequence[Relative] = source.of("relatives")
    shared = {r.id for r in relatives if r.share_with_lawyer}
    anonymous = {r.id for r in relatives if r.share_with_lawyer and r.anonymous}
    unnamed = [r for r in relatives if r.id not in shared or r.id in anonymous]
    scrub = scrubber(unnamed if scrub_text else [])
    records: dict[str, list[BundleRecord]] = {}
    for spec in ENTITIES:
        allowed = profile.fields.get(spec.key, frozenset())
        free = profile.free_text.get(spec.key, frozenset())
        out: list[BundleRecord] = []
        for row in source.of(spec.key):
            cancellation.check()
            values = _values(spec.key, row, allowed)
            withheld: set[str] = set()
            if spec.key == "relatives":
                if row.id not in shared:
                    continue
                if row.id in anonymous:
                    withheld = set(_RELATIVE_IDENTITY & values.keys())
            elif spec.key == "case_relatives" and row.relative_id not in shared:
                continue
            elif spec.key == "contact_events" and row.relative_id is not None:
                if row.relative_id not in shared:
                    withheld = {"relative_id", "participants"}
            elif spec.key == "attachments":
                member = source.attachment_members.get(row.id)
                if member is None:
                    continue
                values["member"] = member
            for name in withheld:
                values.pop(name, None)
            redacted = set()
            for name in free & values.keys():
                if isinstance(values[name], str):
                    cleaned = scrub(values[name])
                    if cleaned != values[name]:
                        values[name] = cleaned
                        redacted.add(name)
            out.append(
                BundleRecord(
                    id=row.id,
                    values=values,
                    created_at=row.created_at,
                    updated_at=row.updated_at,
                    withheld=frozenset(withheld),
                    redacted=frozenset(redacted),
                )
            )
        records[spec.key] = out
    flags = [
        BundleFlag(f.case_id, f.rule, f.severity, f.since, scrub(f.message)) for f in source.flags
    ]
    return CasesDocument(LAWYER, exported_at, records, flags)


def _anonymised(source: ExportSource, profile: Profile, exported_at: datetime) -> CasesDocument:
    pseudonyms: dict[uuid.UUID, uuid.UUID] = {}

    def alias(real: uuid.UUID) -> uuid.UUID:
        return pseudonyms.setdefault(real, uuid.uuid4())

    records: dict[str, list[BundleRecord]] = {}
    for spec in ENTITIES:
        allowed = profile.fields.get(spec.key)
        if allowed is None:
            records[spec.key] = []
            continue
        refs = {f.name for f in spec.refs}
        out = []
        for row in source.of(spec.key):
            cancellation.check()
            values = _values(spec.key, row, allowed)
            for name in refs & values.keys():
                if values[name] is not None:
                    values[name] = alias(values[name])
            out.append(BundleRecord(id=alias(row.id), values=values))
        records[spec.key] = out
    flags = [BundleFlag(alias(f.case_id), f.rule, f.severity, f.since) for f in source.flags]
    return CasesDocument(ANONYMISED, exported_at, records, flags)
