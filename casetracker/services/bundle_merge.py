"""Merging a verified bundle into a vault, record by record, by UUID.

For each record of the bundle (parents first):

- not in the vault: added (unless it was imported before and deleted here since: kept deleted);
- the same as ours on every field the bundle shares: unchanged;
- different, and we remember the version we last took from a bundle (``MergeBase``):
    - theirs is that version: we changed it since; ours is kept;
    - ours is that version: they changed it; theirs is taken (unless the bundle is older than
      the version we already took);
    - both moved on: a **conflict**, listed for a person to decide, never overwritten;
- different, and we never took it from a bundle: theirs is taken when its timestamp is newer
  than ours; otherwise it is a conflict.

Only the fields present in the bundle are compared or written: a field the sender withheld is
never erased here. A case reference already used by another case here is renumbered.
Everything happens in one transaction; importing the same bundle twice changes nothing.
"""

import hashlib
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
from casetracker.sharing.bundle import OpenedBundle
from casetracker.sharing.bundle_schema import ENTITIES, BundleRecord, EntitySpec, values_digest
from casetracker.sharing.errors import BundleFormatError
from casetracker.storage.blob_store import BlobStore

#: Fields that are the receiving vault's own business: written on insert, never compared.
_LOCAL_ONLY = {"cases": frozenset({"ref"}), "attachments": frozenset({"member"})}
#: Bundle values never taken into this vault. A relative's old share ticks stand for consent,
#: and the sender's consent is not ours: taken, a tick would count for every case she speaks
#: for here (services/consent.py). Consent is recorded in this vault, by its caseworkers.
_NOT_TAKEN = {"relatives": frozenset({"share_with_lawyer", "share_with_media"})}
_CHUNK = 500


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
    #: "this organisation", an address-book name, or "" when the signer is not known here.
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


def _comparable(key: str, record: BundleRecord) -> dict[str, Any]:
    """The bundle's values that speak for the record: not local-only, not altered by redaction."""
    skip = _LOCAL_ONLY.get(key, frozenset()) | _NOT_TAKEN.get(key, frozenset()) | record.redacted
    return {name: value for name, value in record.values.items() if name not in skip}


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


def remember(
    session: Session,
    key: str,
    record_id: uuid.UUID,
    digest: str,
    updated_at: datetime | None,
    base: MergeBase | None,
) -> bool:
    """Upsert the merge base, touching the row only when it really changes (True if so)."""
    if base is None:
        session.add(
            MergeBase(entity=key, record_id=record_id, digest=digest, bundle_updated_at=updated_at)
        )
        return True
    if base.digest != digest or base.bundle_updated_at != updated_at:
        base.digest = digest
        base.bundle_updated_at = updated_at
        session.add(base)
        return True
    return False


class Merger:
    """One merge of one bundle in one session; ``blobs`` is None for a dry run."""

    def __init__(self, session: Session, bundle: OpenedBundle, blobs: BlobStore | None) -> None:
        self.session = session
        self.bundle = bundle
        self.blobs = blobs
        self.new_blobs: list[str] = []
        #: Whether anything was written to the session (records or merge bases).
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
            theirs = _comparable(spec.key, record)
            digest = values_digest(spec.key, theirs)
            base = bases.get(record.id)
            local = existing.get(record.id)
            if local is None:
                if base is not None:
                    self.report.skipped.append(Skipped(spec.key, record.id, "deleted_here"))
                    continue
                self._insert(spec, record)
                available.add(record.id)
                self.report.added[spec.key] += 1
            else:
                ours = _local_values(local, theirs)
                ours_digest = values_digest(spec.key, ours)
                if ours_digest == digest:
                    self.report.unchanged[spec.key] += 1
                elif base is not None and digest == base.digest:
                    self.report.skipped.append(Skipped(spec.key, record.id, "kept_ours"))
                elif base is not None and ours_digest == base.digest:
                    older = (
                        base.bundle_updated_at is not None
                        and record.updated_at is not None
                        and record.updated_at < base.bundle_updated_at
                    )
                    if older:
                        self.report.skipped.append(Skipped(spec.key, record.id, "older"))
                        continue
                    self._update(local, theirs)
                    self.report.updated[spec.key] += 1
                elif (
                    base is None
                    and record.updated_at is not None
                    and record.updated_at > local.updated_at
                ):
                    self._update(local, theirs)
                    self.report.updated[spec.key] += 1
                else:
                    self.report.conflicts.append(
                        Conflict(
                            entity=spec.key,
                            record_id=record.id,
                            label=_label(spec.key, local, record),
                            diffs=tuple(
                                FieldDiff(name, ours[name], theirs[name])
                                for name in theirs
                                if ours[name] != theirs[name]
                            ),
                            theirs=theirs,
                            theirs_digest=digest,
                            theirs_updated_at=record.updated_at,
                        )
                    )
                    continue
            if remember(self.session, spec.key, record.id, digest, record.updated_at, base):
                self.wrote = True

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
    """Settle conflicts: take theirs, or keep ours; either way the bundle's version is remembered
    so importing the same bundle again does not ask again. Returns how many records changed."""
    changed = 0
    by_key = {spec.key: spec for spec in ENTITIES}
    for conflict, choice in decisions:
        spec = by_key[conflict.entity]
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
        base = session.get(MergeBase, (conflict.entity, conflict.record_id))
        remember(
            session,
            conflict.entity,
            conflict.record_id,
            conflict.theirs_digest,
            conflict.theirs_updated_at,
            base,
        )
    return changed
