"""Consent and the disclosure log: who agreed to what leaving, and what did leave.

``Consent`` is one person's agreement, for one case, that one audience may see what we hold:
the detained man himself (``relative_id`` None) or one of his relatives. Withdrawing keeps the
row (``withdrawn_on``): when it was given, how and when it was taken back is history.

``DisclosureEntry`` is one case's line in the disclosure log, written after an export left:
what (the profile and record counts), to whom (the recipients' names and age key fingerprints,
or "a passphrase"), when and by whom, and, when the man's own consent was missing, the reason a
caseworker gave for sending it anyway. It never holds a copy of what was sent, nor the path or
name of the file written (a path may name a person or a folder on a seized laptop).
"""

import uuid
from datetime import date
from enum import StrEnum
from typing import Optional

from pydantic import NaiveDatetime
from sqlmodel import Field, Relationship

from casetracker.model.tables import _PARENT, Case, Record, Relative, utcnow


class Audience(StrEnum):
    """Who may see a case's records. Stable identifiers: stored in vaults and typed in the CLI."""

    LAWYER = "lawyer"
    PARTNER = "partner"
    MEDIA = "media"
    STATISTICS = "statistics"


class ConsentHow(StrEnum):
    IN_PERSON = "in_person"
    BY_PHONE = "by_phone"
    THROUGH_RELATIVE = "through_relative"
    IN_WRITING = "in_writing"
    # A "may share" tick from before consent was tracked (or from an imported file): nobody
    # recorded when or how it was given.
    RECORDED_BEFORE = "recorded_before"


class Consent(Record, table=True):
    case_id: uuid.UUID = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    # None: the detained man himself.
    relative_id: uuid.UUID | None = Field(
        default=None, foreign_key="relative.id", index=True, ondelete="CASCADE"
    )
    audience: Audience
    given_on: date
    how: ConsentHow = ConsentHow.IN_PERSON
    # Who passed it on or took it down ("his mother, by phone to Anna"), free text.
    given_through: str = ""
    note: str = ""
    withdrawn_on: date | None = None
    case: Optional["Case"] = Relationship(sa_relationship_kwargs=_PARENT)
    relative: Optional["Relative"] = Relationship(sa_relationship_kwargs=_PARENT)


class DisclosureEntry(Record, table=True):
    case_id: uuid.UUID = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    sent_at: NaiveDatetime = Field(default_factory=utcnow)
    # The redaction profile: lawyer, media, anonymised.
    profile: str
    # Who can open it: "name (fingerprint)" per recipient, "; "-separated, or "" (passphrase).
    recipients: str = ""
    with_passphrase: bool = False
    # How many records of this case left, per kind ({"contact_events": 4, ...}), JSON.
    counts: str = "{}"
    # How many of his relatives were withheld for lack of consent.
    relatives_withheld: int = 0
    # The man had not consented to this audience: the reason the caseworker gave to send anyway.
    without_consent_reason: str = ""
    # The signing key's fingerprint the recipient sees: which organisation key signed it.
    signer_fingerprint: str = ""
    sent_by: str = ""
    case: Optional["Case"] = Relationship(sa_relationship_kwargs=_PARENT)
