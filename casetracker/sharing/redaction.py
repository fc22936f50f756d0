"""Redaction profiles: what of the selected records leaves the organisation, and in what form.

Each profile is a *whitelist* of fields per kind of record, so a field added to the model later
stays home until someone decides it may travel. On top of the whitelist, consent rules run per
record:

``lawyer``
    Relatives are included only where they consented to a lawyer for the case they speak for
    (``ExportSource.consented``, from services/consent.py; without it, the old
    ``share_with_lawyer`` tick). An anonymous relative keeps
    the relationship and the consent flags and loses everything that identifies them (name,
    phones, handles, city, language, notes). Contacts with a relative who is not shared keep
    their date, channel and what was said, but not who took part. Free text anywhere in the
    bundle is scrubbed of the withheld people's names, phones and handles as written in their
    records (best effort: an inflected name in a note cannot be recognised; caseworkers are
    asked not to write identities into notes).

``partner``
    For a partner organisation: the lawyer profile's fields and rules, with the relatives'
    consent to a partner organisation instead of to a lawyer. Merged like a lawyer's bundle.

``media``
    For a journalist, with media consent: the men's names, status, home region, unit and dates,
    places (no settlement), the kinds and dates of contacts and allegations; relatives only
    where they consented to media, never their phones, handles, city, language or notes (an
    anonymous one keeps only the relationship). No free text, no source titles or references,
    no attachments, no caseworker or lawyer; ids are random, as in ``anonymised``.

``anonymised``
    No personal names, no contacts, no free text, no attachments: only what statistics need
    (status and its history, region, unit, years, places, the contact log's years and kinds,
    allegation kinds, flags). Every id is replaced by a random one, different in every
    export, so two anonymised exports cannot be joined record by record. Every date is cut
    to its year (1 January, marked ``redacted``), a place keeps its region but not its
    settlement, and a unit shared by fewer than k exported men is withheld; then the men are
    made k-anonymous on (unit, home region, year of detention or else of refusal): wherever
    fewer than k men share those three, their unit, then region, then year is withheld (with
    the year go his linked rows' dates and flags) until every group holds at least k
    (``anonymity_levels``). An export of fewer than k men withholds all three for everyone.

Pure functions of the rows handed in; the service collects them (services/bundle_export.py).
"""

import dataclasses
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
    MEDIA,
    PARTNER,
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
    # Attachment id -> archive member name, for the attachments whose bytes are included.
    attachment_members: dict[uuid.UUID, str] = field(default_factory=dict)
    # Audience ("lawyer", "media") -> the (case id, relative id) pairs with consent standing
    # (relative id None: the man). None: the relatives' old "may share" ticks decide.
    consented: dict[str, frozenset[tuple[uuid.UUID, uuid.UUID | None]]] | None = None
    # The k of the anonymised profile's k-anonymity (a vault setting).
    anonymity_k: int = 5

    def of(self, key: str) -> list[Any]:
        return self.rows.get(key, [])


@dataclass(frozen=True)
class Profile:
    name: str
    # Kind of record -> fields that may leave; a kind not named here never leaves.
    fields: Mapping[str, frozenset[str]]
    # Fields holding free text, scrubbed of withheld identities.
    free_text: Mapping[str, frozenset[str]]
    pseudonymous_ids: bool
    timestamps: bool
    flag_messages: bool
    attachments: bool
    # The consent audience whose relatives may be named ("" for none).
    audience: str = ""


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
    audience=LAWYER,
)

MEDIA_PROFILE = Profile(
    name=MEDIA,
    fields={
        "facilities": frozenset(
            {"name", "kind", "region", "controlled_by", "headcount", "headcount_date"}
        ),
        "sources": frozenset({"kind", "verification", "published_on"}),
        "cases": frozenset(
            {
                "full_name",
                "name_is_changed",
                "home_region",
                "military_unit",
                "contract_type",
                "refusal_date",
                "detention_date",
                "status",
                # A date goes with how uncertain it is: "July 2024" never reads as 1 July.
                "refusal_date_edtf",
                "detention_date_edtf",
            }
        ),
        "status_changes": frozenset(
            {"case_id", "status", "previous_status", "changed_on", "changed_on_edtf"}
        ),
        "custody_periods": frozenset(
            {"case_id", "facility_id", "since", "until", "ended", "certainty"}
            | {"since_edtf", "until_edtf"}
        ),
        "relatives": frozenset({"full_name", "anonymous", "share_with_lawyer", "share_with_media"}),
        "case_relatives": frozenset({"case_id", "relative_id", "relationship"}),
        "contact_events": frozenset(
            {"case_id", "occurred_at", "time_known", "channel", "direct", "reports_transfer"}
            | {"occurred_at_edtf"}
        ),
        "source_cases": frozenset({"source_id", "case_id"}),
        "source_facilities": frozenset({"source_id", "facility_id"}),
        "allegations": frozenset({"kind", "occurred_on", "occurred_on_edtf"}),
        "allegation_cases": frozenset({"allegation_id", "case_id"}),
    },
    free_text={"case_relatives": frozenset({"relationship"})},
    pseudonymous_ids=True,
    timestamps=False,
    flag_messages=False,
    attachments=False,
    audience=MEDIA,
)

ANONYMISED_PROFILE = Profile(
    name=ANONYMISED,
    fields={
        "facilities": frozenset(
            {"name", "kind", "region", "controlled_by", "headcount", "headcount_date"}
        ),
        "sources": frozenset({"kind", "verification", "published_on"}),
        "cases": frozenset(
            {
                "home_region",
                "military_unit",
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

# For a partner organisation: what a lawyer gets, as far as people agreed to partners.
PARTNER_PROFILE = dataclasses.replace(LAWYER_PROFILE, name=PARTNER, audience=PARTNER)

PROFILES: dict[str, Profile] = {
    p.name: p for p in (LAWYER_PROFILE, ANONYMISED_PROFILE, MEDIA_PROFILE, PARTNER_PROFILE)
}


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


_LEGACY_FLAGS = {LAWYER: "share_with_lawyer", MEDIA: "share_with_media"}


def consenting(source: ExportSource, audience: str) -> set[tuple[uuid.UUID, uuid.UUID | None]]:
    """The (case id, relative id) pairs with consent standing for ``audience``."""
    if source.consented is not None:
        return set(source.consented.get(audience, frozenset()))
    flag = _LEGACY_FLAGS.get(audience)
    ticked = {r.id for r in source.of("relatives") if flag and getattr(r, flag)}
    pairs = {(link.case_id, link.relative_id) for link in source.of("case_relatives")}
    pairs |= {(e.case_id, e.relative_id) for e in source.of("contact_events") if e.relative_id}
    return {(case_id, rid) for case_id, rid in pairs if rid in ticked}


def withheld_relatives(source: ExportSource, profile: Profile) -> dict[uuid.UUID, int]:
    """Case id -> how many of his relatives a named bundle (lawyer, media) leaves out for lack
    of consent, so the dossier says so instead of "none recorded" (anonymised has none)."""
    if not profile.audience:
        return {}
    pairs = consenting(source, profile.audience)
    return dict(
        Counter(
            link.case_id
            for link in source.of("case_relatives")
            if (link.case_id, link.relative_id) not in pairs
        )
    )


def redact(
    source: ExportSource, profile: Profile, exported_at: datetime, *, scrub_text: bool = True
) -> CasesDocument:
    """What ``profile`` lets leave of ``source``. ``scrub_text=False`` leaves withheld names in
    free text: for counting only (the export dialog's summary), never for a document that
    leaves; it saves compiling the scrubber (about 11 s at 20,000 cases)."""
    if profile.audience:
        return _named(source, profile, exported_at, scrub_text)
    return _anonymised(source, profile, exported_at)


def _values(key: str, row: Any, allowed: frozenset[str]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in _names(key, allowed)}


@cache
def _names(key: str, allowed: frozenset[str]) -> tuple[str, ...]:
    """The model fields of ``key`` that may leave, in schema order: worked out once, not per row."""
    return tuple(f.name for f in BY_KEY[key].fields if f.in_model and f.name in allowed)


def _named(
    source: ExportSource, profile: Profile, exported_at: datetime, scrub_text: bool
) -> CasesDocument:
    """A bundle that names people (lawyer, media): relatives as far as they consented."""
    relatives: Sequence[Relative] = source.of("relatives")
    pairs = consenting(source, profile.audience)
    shared = {rid for _case, rid in pairs if rid is not None}
    # What each exported relative agreed to, as the bundle's old ticks say it.
    ticks = {
        flag: {rid for _case, rid in consenting(source, audience) if rid is not None}
        for audience, flag in _LEGACY_FLAGS.items()
    }
    anonymous = {r.id for r in relatives if r.id in shared and r.anonymous}
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
                for flag, agreed in ticks.items():
                    if flag in values:
                        values[flag] = row.id in agreed
                if row.id in anonymous:
                    withheld = set(_RELATIVE_IDENTITY & values.keys())
            elif spec.key == "case_relatives" and (row.case_id, row.relative_id) not in pairs:
                continue
            elif spec.key == "contact_events" and row.relative_id is not None:
                if (row.case_id, row.relative_id) not in pairs:
                    withheld = {"relative_id", "participants"} & values.keys()
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
                    created_at=row.created_at if profile.timestamps else None,
                    updated_at=row.updated_at if profile.timestamps else None,
                    withheld=frozenset(withheld),
                    redacted=frozenset(redacted),
                )
            )
        records[spec.key] = out
    flags = [
        BundleFlag(
            f.case_id,
            f.rule,
            f.severity,
            f.since,
            scrub(f.message) if profile.flag_messages else "",
        )
        for f in source.flags
    ]
    document = CasesDocument(profile.name, exported_at, records, flags)
    return _pseudonymous(document) if profile.pseudonymous_ids else document


def _pseudonymous(document: CasesDocument) -> CasesDocument:
    """The same records under random ids, new in every export, references following."""
    pseudonyms: dict[uuid.UUID, uuid.UUID] = {}

    def alias(real: uuid.UUID) -> uuid.UUID:
        return pseudonyms.setdefault(real, uuid.uuid4())

    records: dict[str, list[BundleRecord]] = {}
    for spec in ENTITIES:
        refs = {f.name for f in spec.refs}
        out = []
        for record in document.of(spec.key):
            values = dict(record.values)
            for name in refs & values.keys():
                if values[name] is not None:
                    values[name] = alias(values[name])
            out.append(
                BundleRecord(alias(record.id), values, None, None, record.withheld, record.redacted)
            )
        records[spec.key] = out
    flags = [
        BundleFlag(alias(f.case_id), f.rule, f.severity, f.since, f.message) for f in document.flags
    ]
    return CasesDocument(document.profile, document.exported_at, records, flags)


# The quasi-identifier's parts, in the order they are withheld when a group is too small: the
# year last, since withholding it takes the dates of his whole record (contacts, custody,
# status history, flags), which statistics over time need most.
YEAR, REGION, UNIT = "year", "region", "unit"
_LADDER = (UNIT, REGION, YEAR)
QuasiId = tuple[str, str, int | None]


def quasi_identifier(case: Any) -> QuasiId:
    """(unit, home region, year of detention or else of refusal) of a case row."""
    day = case.detention_date or case.refusal_date
    return (case.military_unit, case.home_region, day.year if day else None)


def anonymity_levels(keys: Sequence[QuasiId], k: int) -> list[frozenset[str]]:
    """Per record, which parts of its quasi-identifier to withhold so that every group of
    records showing the same (unit, region, year), withheld parts counted as one value, holds
    at least ``k`` of them. A unit shared by fewer than k records is withheld first; then,
    while a group is too small, its records lose the unit, then the region, then the year.
    Records that lost all three form one group; if it is still short, the largest groups give
    it records (whole groups when giving part would leave them short). Fewer than k records
    in all: every part is withheld for everyone (no group of k can exist)."""
    n = len(keys)
    if n < k:
        return [frozenset(_LADDER)] * n
    units = Counter(key[0] for key in keys)
    hidden: list[set[str]] = [{UNIT} if units[key[0]] < k else set() for key in keys]

    def shown(i: int) -> tuple[Any, ...]:
        parts = zip((UNIT, REGION, YEAR), keys[i], strict=True)
        return (
            *(None if part in hidden[i] else value for part, value in parts),
            frozenset(hidden[i]),
        )

    while True:
        groups: dict[tuple[Any, ...], list[int]] = {}
        for i in range(n):
            groups.setdefault(shown(i), []).append(i)
        moved = False
        for members in groups.values():
            if len(members) >= k:
                continue
            for i in members:
                missing = [part for part in _LADDER if part not in hidden[i]]
                if missing:
                    hidden[i].add(missing[0])
                    moved = True
        if not moved:
            break
    everything = set(_LADDER)
    short = [i for i in range(n) if hidden[i] == everything]
    if 0 < len(short) < k:
        others: dict[tuple[Any, ...], list[int]] = {}
        for i in range(n):
            if hidden[i] != everything:
                others.setdefault(shown(i), []).append(i)
        for members in sorted(others.values(), key=len, reverse=True):
            need = k - len(short)
            if need <= 0:
                break
            give = members[-need:] if len(members) - need >= k else members
            for i in give:
                hidden[i] = set(everything)
            short += give
    return [frozenset(h) for h in hidden]


def _year(value: Any) -> Any:
    """A date or moment cut to 1 January of its year."""
    if isinstance(value, datetime):
        return datetime(value.year, 1, 1)
    if isinstance(value, date):
        return date(value.year, 1, 1)
    return value


@cache
def _date_fields(key: str) -> frozenset[str]:
    return frozenset(f.name for f in BY_KEY[key].fields if f.kind in ("date", "datetime"))


def _anonymised(source: ExportSource, profile: Profile, exported_at: datetime) -> CasesDocument:
    pseudonyms: dict[uuid.UUID, uuid.UUID] = {}

    def alias(real: uuid.UUID) -> uuid.UUID:
        return pseudonyms.setdefault(real, uuid.uuid4())

    cases = source.of("cases")
    levels = anonymity_levels([quasi_identifier(c) for c in cases], source.anonymity_k)
    hidden = {case.id: level for case, level in zip(cases, levels, strict=True)}
    no_year = {case_id for case_id, level in hidden.items() if YEAR in level}
    alleged_no_year = {
        link.allegation_id for link in source.of("allegation_cases") if link.case_id in no_year
    }
    case_parts = {UNIT: {"military_unit"}, REGION: {"home_region"}, YEAR: _date_fields("cases")}

    records: dict[str, list[BundleRecord]] = {}
    for spec in ENTITIES:
        allowed = profile.fields.get(spec.key)
        if allowed is None:
            records[spec.key] = []
            continue
        refs = {f.name for f in spec.refs}
        dates = _date_fields(spec.key)
        out = []
        for row in source.of(spec.key):
            cancellation.check()
            values = _values(spec.key, row, allowed)
            withheld: set[str] = set()
            if spec.key == "cases":
                for part in hidden[row.id]:
                    withheld |= case_parts[part]
            elif getattr(row, "case_id", None) in no_year or (
                spec.key == "allegations" and row.id in alleged_no_year
            ):
                withheld |= dates
            withheld &= values.keys()
            for name in withheld:
                del values[name]
            redacted = set()
            for name in dates & values.keys():
                if values[name] is not None:
                    values[name] = _year(values[name])
                    redacted.add(name)
            if "time_known" in values and "occurred_at" in redacted:
                values["time_known"] = False
            for name in refs & values.keys():
                if values[name] is not None:
                    values[name] = alias(values[name])
            out.append(
                BundleRecord(
                    id=alias(row.id),
                    values=values,
                    withheld=frozenset(withheld),
                    redacted=frozenset(redacted),
                )
            )
        records[spec.key] = out
    flags = [
        BundleFlag(alias(f.case_id), f.rule, f.severity, _year(f.since))
        for f in source.flags
        if f.case_id not in no_year
    ]
    return CasesDocument(ANONYMISED, exported_at, records, flags)
