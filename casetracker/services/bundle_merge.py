"""Merging a verified bundle into a vault, record by record by UUID, field by field.

The common ancestor of a record is the version last exchanged with a bundle (``MergeBase``):
the one we sent (recorded when the file was written, as the receiver sees it) or the one we
last took. For each record of the bundle (parents first):

- not in the vault: added (unless it was exchanged before and deleted here since: kept deleted);
- the same as ours on every field the bundle shares: unchanged;
- otherwise each differing field is weighed against the ancestor's value:
    - theirs is the ancestor's: we changed it since; ours is kept;
    - ours is the ancestor's: they changed it; theirs is taken;
    - both moved on, or the ancestor is not known: a **conflict**, listed for a person to decide,
      never overwritten (the fields taken beside it are taken);
- a record that comes back exactly as a version exchanged before (its ``updated_at`` is one we
  saw, not the ancestor's) is an old copy: skipped as "older", nothing taken.

A base written before schema 6 knows only a digest: theirs or ours matching it stands for the
ancestor, and a bundle older than it is skipped, as before. Bookkeeping (``updated_at``) is
never compared. Only the fields present in the bundle are compared or written: a field the
sender withheld is never erased here. A case reference already used by another case here is
renumbered. Everything happens in one transaction; importing the same bundle twice changes
nothing.
"""

import hashlib
import json
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlmodel import Session, SQLModel, col, select

from casetracker.i18n import translate
from casetracker.model import Case, Facility, MergeBase, Relative
from casetracker.services.cases import case_search_key, next_ref
from casetracker.services.facilities import facility_search_key
from casetracker.services.relatives import relative_search_key
from casetracker.sharing import strict_json
from casetracker.sharing.bundle import OpenedBundle
from casetracker.sharing.bundle_schema import (
    BY_KEY,
    ENTITIES,
    MERGEABLE,
    BundleRecord,
    CasesDocument,
    EntitySpec,
    json_value,
    values_digest,
)
from casetracker.sharing.errors import BundleFormatError
from casetracker.storage.blob_store import BlobStore
from casetracker.team.merge import decide

# Fields that are the receiving vault's own business: written on insert, never compared.
_LOCAL_ONLY = {"cases": frozenset({"ref"}), "attachments": frozenset({"member"})}
# Bundle values never taken into this vault. A relative's old share ticks stand for consent,
# and the sender's consent is not ours: taken, a tick would count for every case she speaks
# for here (services/consent.py). Consent is recorded in this vault, by its caseworkers.
_NOT_TAKEN = {"relatives": frozenset({"share_with_lawyer", "share_with_media"})}
_CHUNK = 500
# How many exchanged versions' ``updated_at`` a base remembers to recognise old copies by.
_VERSIONS_KEPT = 16
# How many earlier values of each field a base remembers (as marks) to recognise stale ones by.
_EARLIER_KEPT = 8
# A field the base does not know (never exchanged, or withheld when it was).
_UNKNOWN = object()


class Choice(StrEnum):
    OURS = "ours"
    THEIRS = "theirs"


@dataclass(frozen=True)
class FieldDiff:
    name: str
    ours: Any
    theirs: Any


@dataclass(frozen=True)
class Conflict:
    """Both sides changed a record: shown to a person, who keeps ours or takes theirs."""

    entity: str
    record_id: uuid.UUID
    label: str
    diffs: tuple[FieldDiff, ...]
    theirs: dict[str, Any]
    theirs_digest: str
    theirs_updated_at: datetime | None


@dataclass(frozen=True)
class Skipped:
    entity: str
    record_id: uuid.UUID
    reason: str  # "kept_ours", "older", "deleted_here", "parent_missing"


@dataclass
class MergeReport:
    profile: str = ""
    signer_fingerprint: str = ""
    # "this organisation", an address-book name, or "" when the signer is not known here.
    signer_known_as: str = ""
    added: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    renumbered: list[tuple[str, str]] = field(default_factory=list)
    applied: bool = False

    @property
    def changes(self) -> int:
        return sum(self.added.values()) + sum(self.updated.values())


def _shared(key: str, record: BundleRecord) -> dict[str, Any]:
    """The bundle's values the receiving vault holds as its own: not local-only, not refused."""
    skip = _LOCAL_ONLY.get(key, frozenset()) | _NOT_TAKEN.get(key, frozenset())
    return {name: value for name, value in record.values.items() if name not in skip}


def _comparable(key: str, record: BundleRecord) -> dict[str, Any]:
    """The bundle's values that speak for the record: shared, and not altered by redaction."""
    return {k: v for k, v in _shared(key, record).items() if k not in record.redacted}


def _plain(key: str, values: dict[str, Any]) -> dict[str, Any]:
    """Values in their bundle (JSON) form: how a base keeps them and how they are compared."""
    spec = BY_KEY[key].by_name
    return {name: json_value(spec[name], value) for name, value in values.items()}


def _local_values(row: SQLModel, names: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in names}


def _label(key: str, row: Any, record: BundleRecord) -> str:
    values = record.values
    if key == "cases":
        return f"{getattr(row, 'ref', '')} {values.get('full_name', '')}".strip()
    if key == "facilities":
        return str(values.get("name", ""))
    if key == "relatives":
        return str(values.get("full_name", "")) or "anonymous"
    if key == "contact_events":
        return f"contact {values.get('occurred_at', '')}"
    if key == "sources":
        return str(values.get("title", ""))
    return f"{key} {record.id}"


def _refresh_search_key(row: SQLModel) -> None:
    if isinstance(row, Case):
        row.search_key = case_search_key(row)
    elif isinstance(row, Facility):
        row.search_key = facility_search_key(row)
    elif isinstance(row, Relative):
        row.search_key = relative_search_key(row)


def _fetch(
    session: Session, model: type[SQLModel], ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Any]:
    found: dict[uuid.UUID, Any] = {}
    id_col = col(model.id)  # type: ignore[attr-defined]
    for start in range(0, len(ids), _CHUNK):
        rows: Iterable[Any] = session.exec(
            select(model).where(id_col.in_(ids[start : start + _CHUNK]))
        )
        for row in rows:
            found[row.id] = row
    return found


def _bases(session: Session, key: str, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, MergeBase]:
    found: dict[uuid.UUID, MergeBase] = {}
    for start in range(0, len(ids), _CHUNK):
        stmt = select(MergeBase).where(
            MergeBase.entity == key, col(MergeBase.record_id).in_(ids[start : start + _CHUNK])
        )
        for base in session.exec(stmt):
            found[base.record_id] = base
    return found


def _known_fields(base: MergeBase) -> dict[str, Any]:
    return dict(json.loads(base.shared_values)) if base.shared_values else {}


def _ancestor(
    base: MergeBase | None, key: str, theirs: dict[str, Any], ours: dict[str, Any]
) -> dict[str, Any]:
    """The ancestor's value of each field it knows. A base from before schema 6 knows only
    a digest: whichever side still matches it holds the ancestor's values."""
    if base is None:
        return {}
    if base.shared_values:
        return _known_fields(base)
    if base.digest and values_digest(key, theirs) == base.digest:
        return _plain(key, theirs)
    if base.digest and values_digest(key, ours) == base.digest:
        return _plain(key, ours)
    return {}


def _is_old_copy(
    base: MergeBase | None, key: str, record: BundleRecord, ours: dict[str, Any]
) -> bool:
    """The record is a version exchanged before the ancestor (a copy never edited since)."""
    if base is None or record.updated_at is None:
        return False
    if base.shared_values:
        seen, _earlier = _history(base.versions_seen)
        return record.updated_at != base.bundle_updated_at and record.updated_at.isoformat() in seen
    return (  # a base from before schema 6: the bundle's clock against the one taken
        base.bundle_updated_at is not None
        and record.updated_at < base.bundle_updated_at
        and values_digest(key, ours) == base.digest
    )


def weigh(
    theirs: dict[str, Any],
    ours: dict[str, Any],
    ancestor: dict[str, Any],
    earlier: dict[str, list[str]] | None = None,
) -> tuple[list[str], list[str]]:
    """The three-way merge of one record's fields (plain values; ``ours`` has every name of
    ``theirs``): the fields to take (only they changed them) and the conflicting ones (both
    changed them differently, or the ancestor's value is not known). A field only we changed,
    or changed alike on both sides, is in neither.

    A value of theirs that the field held in an earlier exchanged version (``earlier``: marks
    of them, by field) is not taken but listed: the sender may never have seen the newer one
    (a third copy of an older bundle, edited elsewhere)."""
    taken: list[str] = []
    conflicting: list[str] = []
    for name, value in theirs.items():
        outcome = decide(ours[name], value, ancestor.get(name, _UNKNOWN))
        if outcome == "keep":
            continue
        stale = earlier is not None and _mark(value) in earlier.get(name, ())
        (taken if outcome == "take" and not stale else conflicting).append(name)
    return taken, conflicting


def _mark(value: Any) -> str:
    """A short stand-in for a plain value, to recognise it again (not to keep it)."""
    return hashlib.sha256(strict_json.canonical(value)).hexdigest()[:16]


def _history(versions_seen: str) -> tuple[list[str], dict[str, list[str]]]:
    """A base's exchanged versions (their ``updated_at``) and its fields' earlier values."""
    if not versions_seen:
        return [], {}
    found = json.loads(versions_seen)
    return list(found.get("at", [])), dict(found.get("earlier", {}))


def _history_text(seen: list[str], earlier: dict[str, list[str]]) -> str:
    return _canonical({"at": seen, "earlier": earlier})


def _advanced(
    shared_values: str, versions_seen: str, shared: dict[str, Any], updated_at: datetime | None
) -> tuple[str, str]:
    """A base's ``shared_values`` and ``versions_seen`` once ``shared`` (plain values) is the
    ancestor's, over what the base knew of other fields; a value replaced joins the earlier."""
    known = dict(json.loads(shared_values)) if shared_values else {}
    seen, earlier = _history(versions_seen)
    for name, value in shared.items():
        if name in known and known[name] != value:
            old, new = _mark(known[name]), _mark(value)
            marks = [m for m in earlier.get(name, []) if m not in (old, new)]
            earlier[name] = [*marks, old][-_EARLIER_KEPT:]
    known.update(shared)
    if updated_at is not None and updated_at.isoformat() not in seen:
        seen = [*seen, updated_at.isoformat()][-_VERSIONS_KEPT:]
    return _canonical(known), _history_text(seen, earlier)


def _canonical(values: dict[str, Any]) -> str:
    return strict_json.canonical(values).decode("utf-8")


def _digest(shared_values: str) -> str:
    return hashlib.sha256(shared_values.encode("utf-8")).hexdigest()


def remember(
    session: Session,
    key: str,
    record_id: uuid.UUID,
    shared: dict[str, Any],
    updated_at: datetime | None,
    base: MergeBase | None,
) -> bool:
    """Make ``shared`` the ancestor's, touching the row only when it really changes (True if
    so)."""
    if base is None:
        base = MergeBase(entity=key, record_id=record_id, digest="")
    elif base.bundle_updated_at == updated_at and base.shared_values == _canonical(shared):
        return False  # this very version is the ancestor already (a bundle seen again)
    values, seen = _advanced(base.shared_values, base.versions_seen, shared, updated_at)
    if (base.shared_values, base.versions_seen, base.bundle_updated_at) == (
        values,
        seen,
        updated_at,
    ):
        return False
    base.digest = _digest(values)
    base.shared_values, base.versions_seen, base.bundle_updated_at = values, seen, updated_at
    session.add(base)
    return True


# Per kind of record: (id, shared values as canonical JSON, updated_at) of each record sent.
SentVersions = dict[str, list[tuple[uuid.UUID, str, datetime | None]]]


def _as_received(key: str, record: BundleRecord) -> str:
    """What a vault that takes the record new holds of it, as canonical JSON: the values it
    shares, and the empty default of each field withheld. Should that empty value come back,
    it is the ancestor's, so it is never taken over what we know."""
    values = _shared(key, record)
    model_fields = BY_KEY[key].model.model_fields
    for name in record.withheld - values.keys() - _NOT_TAKEN.get(key, frozenset()):
        found = model_fields.get(name)
        if found is not None and not found.is_required():  # else: not known, a conflict
            values[name] = found.get_default(call_default_factory=True)
    return _canonical(_plain(key, values))


def sent_versions(document: CasesDocument) -> SentVersions:
    """What the receiver of a (mergeable) bundle will hold of each record: the ancestor of the
    next merge with what they send back. Made with the export (off the GUI thread); empty for
    a profile that cannot be merged."""
    if document.profile not in MERGEABLE:
        return {}
    return {
        spec.key: [(r.id, _as_received(spec.key, r), r.updated_at) for r in document.of(spec.key)]
        for spec in ENTITIES
    }


def _stamp(moment: datetime | None) -> str | None:
    """A DATETIME as SQLAlchemy writes it in SQLite (services/plain_rows.py reads it)."""
    return None if moment is None else moment.isoformat(sep=" ", timespec="microseconds")


def remember_sent(session: Session, sent: SentVersions) -> int:
    """Record the versions a written bundle carried as the ancestors of their records (after
    ``record_disclosure``: only a file that was written counts). Returns how many changed.

    Through the driver's cursor, as services/plain_rows.py reads: an export of 20,000 cases
    sends about 700,000 records, and this runs where the export is confirmed (the GUI thread)."""
    driver = session.connection().connection.driver_connection
    assert driver is not None  # a checked-out connection always has one
    changed = 0
    for key, versions in sent.items():
        hexes = [record_id.hex for record_id, _values, _at in versions]
        found: dict[str, tuple[Any, ...]] = {}
        for start in range(0, len(hexes), _CHUNK):
            part = hexes[start : start + _CHUNK]
            rows = driver.execute(
                "SELECT record_id, shared_values, versions_seen, bundle_updated_at FROM mergebase"
                f" WHERE entity = ? AND record_id IN ({', '.join('?' * len(part))})",
                (key, *part),
            )
            found.update((row[0], tuple(row[1:])) for row in rows)
        new: list[tuple[Any, ...]] = []
        moved: list[tuple[Any, ...]] = []
        for hex_id, (_id, values, updated_at) in zip(hexes, versions, strict=True):
            stamp = _stamp(updated_at)
            old = found.get(hex_id)
            if old is None and updated_at is not None:  # the rule: _history_text, spelt out
                seen = f'{{"at":["{updated_at.isoformat()}"],"earlier":{{}}}}'
                new.append((key, hex_id, _digest(values), stamp, values, seen))
                continue
            if old is None:
                seen = _history_text([], {})
                new.append((key, hex_id, _digest(values), stamp, values, seen))
                continue
            if (old[0], old[2]) == (values, stamp):
                continue  # this very version is the ancestor already (sent again)
            values, seen = _advanced(old[0], old[1], json.loads(values), updated_at)
            if (values, seen, stamp) != old:
                moved.append((_digest(values), stamp, values, seen, key, hex_id))
        driver.executemany(
            "INSERT INTO mergebase (entity, record_id, digest, bundle_updated_at, shared_values,"
            " versions_seen) VALUES (?, ?, ?, ?, ?, ?)",
            new,
        )
        driver.executemany(
            "UPDATE mergebase SET digest = ?, bundle_updated_at = ?, shared_values = ?, "
            "versions_seen = ? WHERE entity = ? AND record_id = ?",
            moved,
        )
        changed += len(new) + len(moved)
    return changed


class Merger:
    """One merge of one bundle in one session; ``blobs`` is None for a dry run."""

    def __init__(self, session: Session, bundle: OpenedBundle, blobs: BlobStore | None) -> None:
        self.session = session
        self.bundle = bundle
        self.blobs = blobs
        self.new_blobs: list[str] = []
        # Whether anything was written to the session (records or merge bases).
        self.wrote = False
        self.available: dict[str, set[uuid.UUID]] = {}
        self.report = MergeReport(
            profile=bundle.document.profile, signer_fingerprint=bundle.signer_fingerprint
        )
        self.refs_in_use = set(session.exec(select(Case.ref)))

    def run(self) -> MergeReport:
        for spec in ENTITIES:
            self._merge_kind(spec)
            self.session.flush()
        return self.report

    def _merge_kind(self, spec: EntitySpec) -> None:
        records = self.bundle.document.of(spec.key)
        ids = [r.id for r in records]
        existing = _fetch(self.session, spec.model, ids)
        bases = _bases(self.session, spec.key, ids)
        available = self.available.setdefault(spec.key, set(existing))
        for record in records:
            if not self._parents_present(spec, record):
                self.report.skipped.append(Skipped(spec.key, record.id, "parent_missing"))
                continue
            base = bases.get(record.id)
            local = existing.get(record.id)
            if local is None:
                if base is not None:
                    self.report.skipped.append(Skipped(spec.key, record.id, "deleted_here"))
                    continue
                self._insert(spec, record)
                available.add(record.id)
                self.report.added[spec.key] += 1
                shared: dict[str, Any] | None = _plain(spec.key, _shared(spec.key, record))
            else:
                shared = self._merge_record(spec.key, record, local, base)
            if shared is not None and remember(
                self.session, spec.key, record.id, shared, record.updated_at, base
            ):
                self.wrote = True

    def _merge_record(
        self, key: str, record: BundleRecord, local: Any, base: MergeBase | None
    ) -> dict[str, Any] | None:
        """Merge into a record we hold; returns the fields now shared with the sender (the new
        ancestor's), or None when the base stays as it is (an old copy)."""
        theirs = _comparable(key, record)
        ours = _local_values(local, theirs)
        plain_theirs, plain_ours = _plain(key, theirs), _plain(key, ours)
        if plain_theirs == plain_ours:
            self.report.unchanged[key] += 1
            return plain_theirs
        earlier = _history(base.versions_seen)[1] if base is not None else {}
        ancestor = _ancestor(base, key, theirs, ours)
        taken, conflicting = weigh(plain_theirs, plain_ours, ancestor, earlier)
        if (taken or conflicting) and _is_old_copy(base, key, record, ours):
            self.report.skipped.append(Skipped(key, record.id, "older"))
            return None
        if taken:
            self._update(local, {name: theirs[name] for name in taken})
            self.report.updated[key] += 1
        if conflicting:
            self.report.conflicts.append(
                Conflict(
                    entity=key,
                    record_id=record.id,
                    label=_label(key, local, record),
                    diffs=tuple(FieldDiff(n, ours[n], theirs[n]) for n in conflicting),
                    theirs={name: theirs[name] for name in conflicting},
                    theirs_digest=values_digest(key, theirs),
                    theirs_updated_at=record.updated_at,
                )
            )
        elif not taken and base is not None and local.updated_at == base.bundle_updated_at:
            # Ours is the very version exchanged; they hold less of it (redacted, withheld).
            self.report.unchanged[key] += 1
        elif not taken:
            self.report.skipped.append(Skipped(key, record.id, "kept_ours"))
        # A conflicting field keeps its ancestor until a person decides.
        return {name: v for name, v in plain_theirs.items() if name not in conflicting}

    def _parents_present(self, spec: EntitySpec, record: BundleRecord) -> bool:
        for ref in spec.refs:
            target = record.values.get(ref.name)
            assert ref.target is not None
            if target is not None and target not in self.available.get(ref.target, set()):
                return False
        return True

    def _insert(self, spec: EntitySpec, record: BundleRecord) -> None:
        fields = spec.by_name
        refused = _NOT_TAKEN.get(spec.key, frozenset())
        values = {k: v for k, v in record.values.items() if fields[k].in_model and k not in refused}
        if spec.key == "cases":
            ref = str(values.get("ref", ""))
            if not ref or ref in self.refs_in_use:
                new_ref = next_ref(self.session)
                self.report.renumbered.append((ref, new_ref))
                values["ref"] = new_ref
            self.refs_in_use.add(values["ref"])
        if spec.key == "attachments":
            values.update(self._store_attachment(record))
        row = spec.model(
            id=record.id, created_at=record.created_at, updated_at=record.updated_at, **values
        )
        _refresh_search_key(row)
        self.session.add(row)
        self.wrote = True

    def _store_attachment(self, record: BundleRecord) -> dict[str, Any]:
        data = self.bundle.attachment(record.values["member"])
        if (
            len(data) != record.values["size"]
            or hashlib.sha256(data).hexdigest() != record.values["sha256"]
        ):
            raise BundleFormatError(
                translate(
                    "services", "An attachment does not match its size or SHA-256 in cases.json."
                )
            )
        if self.blobs is None:  # dry run: nothing is written
            return {"blob_name": "0" * 32, "blob_key": b""}
        name, key = self.blobs.put(data)
        self.new_blobs.append(name)
        return {"blob_name": name, "blob_key": key}

    def _update(self, row: SQLModel, theirs: dict[str, Any]) -> None:
        for name, value in theirs.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
        _refresh_search_key(row)
        self.session.add(row)
        self.wrote = True


def apply_choices(session: Session, decisions: Sequence[tuple[Conflict, Choice]]) -> int:
    """Settle conflicts: take theirs, or keep ours; either way their values of the conflicting
    fields become the ancestor's, so importing the same bundle again does not ask again (and a
    later edit of theirs is taken). Returns how many records changed."""
    changed = 0
    for conflict, choice in decisions:
        spec = BY_KEY[conflict.entity]
        row = session.get(spec.model, conflict.record_id)
        if row is None:
            continue
        if choice is Choice.THEIRS:
            for name, value in conflict.theirs.items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
            _refresh_search_key(row)
            session.add(row)
            changed += 1
        remember(
            session,
            conflict.entity,
            conflict.record_id,
            _plain(conflict.entity, conflict.theirs),
            conflict.theirs_updated_at,
            session.get(MergeBase, (conflict.entity, conflict.record_id)),
        )
    return changed
