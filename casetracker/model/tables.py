"""The vault's tables.

Every row has a random UUID key so vaults of different units can later be merged without
collisions, and created/updated timestamps (naive UTC) for merge decisions and the audit log.
The services query by plain foreign keys; the ``Relationship`` attributes exist only so that
SQLAlchemy's unit of work inserts parents before children in one flush (it orders by
relationships, not by foreign keys), and are never loaded. Derived facts (last contact, last
proof of life, current custody) are never stored; the services compute them from the rows below.
"""

import uuid
from datetime import UTC, date, datetime
from typing import Optional

from pydantic import NaiveDatetime
from sqlmodel import Field, Relationship, SQLModel

from casetracker.model.enums import (
    AllegationKind,
    AuditAction,
    CaseStatus,
    Certainty,
    Channel,
    FacilityKind,
    Priority,
    SourceKind,
    Verification,
)

# Parent links for flush ordering only: never loaded, never cascaded from the Python side.
_PARENT = {"lazy": "raise", "passive_deletes": True}


def utcnow() -> datetime:
    """Naive UTC: SQLite has no time zones, so we store one convention everywhere."""
    return datetime.now(UTC).replace(tzinfo=None)


class Record(SQLModel):
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: NaiveDatetime = Field(default_factory=utcnow)
    updated_at: NaiveDatetime = Field(default_factory=utcnow)


class Case(Record, table=True):
    ref: str = Field(index=True, unique=True)
    full_name: str
    name_is_changed: bool = False
    aliases: str = ""  # "; "-separated spellings, Cyrillic and Latin
    birth_date: date | None = None
    birth_date_edtf: str = ""  # model/uncertain_date.py: "" when the day is exact
    home_region: str = ""
    military_unit: str = ""
    unit_base: str = ""
    contract_type: str = ""
    contract_start: date | None = None
    contract_end: date | None = None
    refusal_date: date | None = None
    refusal_date_edtf: str = ""
    detention_date: date | None = None
    detention_date_edtf: str = ""
    status: CaseStatus = CaseStatus.REFUSED
    priority: Priority = Priority.NORMAL
    caseworker: str = ""
    lawyer: str = ""
    tags: str = ""
    notes: str = ""
    # Folded, transliterated text the search runs over; rebuilt on every change.
    search_key: str = Field(default="", index=False)


class StatusChange(Record, table=True):
    case_id: uuid.UUID = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    status: CaseStatus
    previous_status: CaseStatus | None = None
    # None when the day is not known (a case opened without refusal or detention date): the
    # rules then count from when the case was entered, and nothing shows a made-up day.
    changed_on: date | None = None
    changed_on_edtf: str = ""
    source_note: str = ""
    case: Optional["Case"] = Relationship(sa_relationship_kwargs=_PARENT)


class Facility(Record, table=True):
    name: str
    kind: FacilityKind = FacilityKind.OTHER
    settlement: str = ""
    region: str = ""
    controlled_by: str = ""
    headcount: int | None = None
    headcount_date: date | None = None
    headcount_source: str = ""
    notes: str = ""
    search_key: str = ""


class CustodyPeriod(Record, table=True):
    case_id: uuid.UUID = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    facility_id: uuid.UUID = Field(foreign_key="facility.id", index=True)
    since: date | None = None
    since_edtf: str = ""
    # The day he left, when known. A stay may have ended on a day nobody gave us.
    until: date | None = None
    until_edtf: str = ""
    # He is no longer held there (``until`` may still be None: the day is not known).
    ended: bool = False
    certainty: Certainty = Certainty.REPORTED
    source_id: uuid.UUID | None = Field(default=None, foreign_key="source.id")
    note: str = ""
    case: Optional["Case"] = Relationship(sa_relationship_kwargs=_PARENT)
    facility: Optional["Facility"] = Relationship(sa_relationship_kwargs=_PARENT)
    source: Optional["Source"] = Relationship(sa_relationship_kwargs=_PARENT)


class Relative(Record, table=True):
    full_name: str = ""
    phones: str = ""  # "; "-separated
    handles: str = ""  # messenger handles, "; "-separated
    language: str = ""
    city: str = ""
    anonymous: bool = False
    share_with_lawyer: bool = False
    share_with_media: bool = False
    notes: str = ""
    search_key: str = ""


class CaseRelative(Record, table=True):
    """A relative reporting on a case; one relative may speak for several men."""

    case_id: uuid.UUID = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    relative_id: uuid.UUID = Field(foreign_key="relative.id", index=True, ondelete="CASCADE")
    relationship: str = ""
    case: Optional["Case"] = Relationship(sa_relationship_kwargs=_PARENT)
    relative: Optional["Relative"] = Relationship(sa_relationship_kwargs=_PARENT)


class ContactEvent(Record, table=True):
    case_id: uuid.UUID = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    # Local wall-clock time of the contact as the caseworker recorded it.
    occurred_at: NaiveDatetime
    # False when only the day is known: occurred_at then holds midnight, shown as the day alone.
    # Contacts from schema 1 keep True (their time is shown as before).
    time_known: bool = True
    # When only a range of days is known (model/uncertain_date.py); occurred_at then holds its
    # earliest day, or its latest for "before …". "" for a day or a moment known exactly.
    occurred_at_edtf: str = ""
    channel: Channel = Channel.CALL
    # True only when the detained man himself was heard: this is proof of life.
    direct: bool = False
    relative_id: uuid.UUID | None = Field(default=None, foreign_key="relative.id")
    participants: str = ""  # who spoke with whom, in words
    reports_transfer: bool = False
    # A "seen by" report: the man whose debrief this news came from (his own case).
    witness_case_id: uuid.UUID | None = Field(
        default=None, foreign_key="case.id", index=True, ondelete="SET NULL"
    )
    note: str = ""
    # Two keys point at cases: the parent link is the case the contact is about.
    case: Optional["Case"] = Relationship(
        sa_relationship_kwargs={**_PARENT, "foreign_keys": "[ContactEvent.case_id]"}
    )
    relative: Optional["Relative"] = Relationship(sa_relationship_kwargs=_PARENT)


class Source(Record, table=True):
    title: str
    kind: SourceKind = SourceKind.OTHER
    verification: Verification = Verification.UNVERIFIED
    reference: str = ""  # URL, archive number, where the original is kept
    published_on: date | None = None
    notes: str = ""


class SourceCase(Record, table=True):
    source_id: uuid.UUID = Field(foreign_key="source.id", index=True, ondelete="CASCADE")
    case_id: uuid.UUID = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    source: Optional["Source"] = Relationship(sa_relationship_kwargs=_PARENT)
    case: Optional["Case"] = Relationship(sa_relationship_kwargs=_PARENT)


class SourceFacility(Record, table=True):
    source_id: uuid.UUID = Field(foreign_key="source.id", index=True, ondelete="CASCADE")
    facility_id: uuid.UUID = Field(foreign_key="facility.id", index=True, ondelete="CASCADE")
    source: Optional["Source"] = Relationship(sa_relationship_kwargs=_PARENT)
    facility: Optional["Facility"] = Relationship(sa_relationship_kwargs=_PARENT)


class Attachment(Record, table=True):
    """An encrypted file kept beside the vault; deleting the row destroys its only key."""

    source_id: uuid.UUID | None = Field(default=None, foreign_key="source.id", index=True)
    case_id: uuid.UUID | None = Field(default=None, foreign_key="case.id", index=True)
    filename: str
    media_type: str = "application/octet-stream"
    size: int = 0
    sha256: str = ""
    blob_name: str  # random, says nothing about the content
    blob_key: bytes
    source: Optional["Source"] = Relationship(sa_relationship_kwargs=_PARENT)
    case: Optional["Case"] = Relationship(sa_relationship_kwargs=_PARENT)


class Allegation(Record, table=True):
    kind: AllegationKind
    occurred_on: date | None = None
    occurred_on_edtf: str = ""
    description: str = ""
    source_id: uuid.UUID | None = Field(default=None, foreign_key="source.id")
    source: Optional["Source"] = Relationship(sa_relationship_kwargs=_PARENT)


class AllegationCase(Record, table=True):
    allegation_id: uuid.UUID = Field(foreign_key="allegation.id", index=True, ondelete="CASCADE")
    case_id: uuid.UUID = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    allegation: Optional["Allegation"] = Relationship(sa_relationship_kwargs=_PARENT)
    case: Optional["Case"] = Relationship(sa_relationship_kwargs=_PARENT)


class FlagState(Record, table=True):
    """What the caseworkers did about a rule's flag: first seen, acknowledged, snoozed."""

    rule: str = Field(index=True)
    case_id: uuid.UUID | None = Field(default=None, foreign_key="case.id", ondelete="CASCADE")
    facility_id: uuid.UUID | None = Field(
        default=None, foreign_key="facility.id", ondelete="CASCADE"
    )
    first_seen: date
    severity_at_ack: str = ""
    acknowledged_on: date | None = None
    snoozed_until: date | None = None
    acknowledged_by: str = ""
    note: str = ""
    case: Optional["Case"] = Relationship(sa_relationship_kwargs=_PARENT)
    facility: Optional["Facility"] = Relationship(sa_relationship_kwargs=_PARENT)


class Setting(SQLModel, table=True):
    key: str = Field(primary_key=True)
    value: str  # JSON


class AuditEntry(SQLModel, table=True):
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    at: NaiveDatetime = Field(default_factory=utcnow, index=True)
    actor: str = ""
    action: AuditAction
    entity: str
    entity_id: str = Field(index=True)
    # The case this change belongs to, so a case's history is one query.
    case_id: str = Field(default="", index=True)
    changes: str = ""  # JSON {field: [old, new]}


class Meta(SQLModel, table=True):
    key: str = Field(primary_key=True)
    value: str


# Schema version of the tables above; services/migrations.py upgrades older vaults.
SCHEMA_VERSION = 6
