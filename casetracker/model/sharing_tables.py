"""Tables of the sharing layer: the organisation's own keys, an address book, saved mappings.

``OrgKeys`` holds secrets (the age identity and the Ed25519 signing key). It lives only inside
the encrypted vault and is deliberately not a ``Record``, so the audit log, which records the
fields of every ``Record`` it sees change, never copies a secret into its history.
``MergeBase`` remembers, per record, the version last exchanged with a bundle (the one we sent,
or the one we took), field by field, so a later bundle can tell "they changed this field" from
"we changed it" from "both changed it" (services/bundle_merge.py).
"""

import uuid

from pydantic import NaiveDatetime
from sqlmodel import Field, SQLModel

from casetracker.model.tables import Record, utcnow


class OrgKeys(SQLModel, table=True):
    """The organisation's keys: one row, created with the vault or on first use."""

    id: int = Field(default=1, primary_key=True)
    # ``AGE-SECRET-KEY-1…``: bundles addressed to us are decrypted with it.
    age_identity: str
    # Raw 32-byte Ed25519 private key: our bundles' manifests are signed with it.
    signing_key: bytes
    created_at: NaiveDatetime = Field(default_factory=utcnow)


class Recipient(Record, table=True):
    """Someone we send bundles to (or receive them from): public keys only."""

    name: str = Field(index=True)
    role: str = ""  # lawyer, partner organisation, journalist…
    age_public_key: str  # age1…
    # Their Ed25519 key ("ed25519:<base64>") when known, so their bundles are recognised.
    signing_key: str = ""
    note: str = ""


class ImportMapping(Record, table=True):
    """A spreadsheet column mapping, found again by the shape of the header row."""

    header_signature: str = Field(index=True)
    name: str = ""
    mapping: str  # JSON, see docs/formats.md
    last_used: NaiveDatetime = Field(default_factory=utcnow)


class MergeBase(SQLModel, table=True):
    """The version of a record last exchanged with a bundle: the common ancestor of a merge.

    A row without ``shared_values`` (written before schema 6, or a tombstone of ``same_person``)
    knows only the digest of the version taken."""

    entity: str = Field(primary_key=True)
    record_id: uuid.UUID = Field(primary_key=True)
    # SHA-256 of the version's shared values (``shared_values`` when known).
    digest: str
    # ``updated_at`` of that version, as the bundle carried it.
    bundle_updated_at: NaiveDatetime | None = None
    # Canonical JSON object of the version's shared fields, in their bundle (JSON) form.
    shared_values: str = ""
    # JSON ``{"at": [...], "earlier": {field: [...]}}``: the ``updated_at`` of the versions
    # exchanged lately (a record that comes back with one of them is an old copy, not an
    # edit), and short hashes of each field's earlier values (one coming back is stale).
    versions_seen: str = ""
