"""Tables of the sharing layer: the organisation's own keys, an address book, saved mappings.

``OrgKeys`` holds secrets (the age identity and the Ed25519 signing key). It lives only inside
the encrypted vault and is deliberately not a ``Record``, so the audit log, which records the
fields of every ``Record`` it sees change, never copies a secret into its history.
``MergeBase`` remembers, per imported record, which version we last took from a bundle, so a
later bundle can tell "they changed it" from "we changed it" from "both changed it".
"""

import uuid

from pydantic import NaiveDatetime
from sqlmodel import Field, SQLModel

from casetracker.model.tables import Record, utcnow


class OrgKeys(SQLModel, table=True):
    """The organisation's keys: one row, created with the vault or on first use."""

    id: int = Field(default=1, primary_key=True)
    #: ``AGE-SECRET-KEY-1…``: bundles addressed to us are decrypted with it.
    age_identity: str
    #: Raw 32-byte Ed25519 private key: our bundles' manifests are signed with it.
    signing_key: bytes
    created_at: NaiveDatetime = Field(default_factory=utcnow)


class Recipient(Record, table=True):
    """Someone we send bundles to (or receive them from): public keys only."""

    name: str = Field(index=True)
    role: str = ""  # lawyer, partner organisation, journalist…
    age_public_key: str  # age1…
    #: Their Ed25519 key ("ed25519:<base64>") when known, so their bundles are recognised.
    signing_key: str = ""
    note: str = ""


class ImportMapping(Record, table=True):
    """A spreadsheet column mapping, found again by the shape of the header row."""

    header_signature: str = Field(index=True)
    name: str = ""
    mapping: str  # JSON, see docs/formats.md
    last_used: NaiveDatetime = Field(default_factory=utcnow)


class MergeBase(SQLModel, table=True):
    """The version of a record last taken from (or confirmed against) a bundle."""

    entity: str = Field(primary_key=True)
    record_id: uuid.UUID = Field(primary_key=True)
    digest: str
    bundle_updated_at: NaiveDatetime | None = None
