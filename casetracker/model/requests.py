"""Requests a caseworker sends to official bodies about a case, and the replies they get.

A request is a letter (or an online or in-person appeal) to a military prosecutor, investigators,
the ombudsman, a commander, a court, the Red Cross or a hospital. Each kind has a reply deadline
kept as data (``services/requests.py``); the rule ``unanswered_request`` flags a request still
without a reply after it, and a reply that refuses. The scan of a reply is an ordinary encrypted
attachment of the case; deleting that attachment leaves the request with its reply text.
"""

import uuid
from datetime import date
from enum import StrEnum
from typing import Optional

from sqlmodel import Field, Relationship

from casetracker.model.tables import _PARENT, Attachment, Case, Record


class RequestKind(StrEnum):
    """Who the request went to: the kind decides the reply deadline."""

    MILITARY_PROSECUTOR = "military_prosecutor"
    MILITARY_INVESTIGATORS = "military_investigators"
    OMBUDSMAN = "ombudsman"
    COMMANDER = "commander"
    COURT = "court"
    RED_CROSS = "red_cross"
    HOSPITAL = "hospital"
    OTHER = "other"


class RequestChannel(StrEnum):
    """How the request was sent; the proof of sending differs (receipt, e-mail, stamp)."""

    POST = "post"
    EMAIL = "email"
    ONLINE_RECEPTION = "online_reception"
    IN_PERSON = "in_person"
    FAX = "fax"
    OTHER = "other"


class ReplyOutcome(StrEnum):
    """What the reply amounts to, in the words a lawyer would file it under."""

    # The body answered on the merits (where he is, what was done).
    ANSWERED = "answered"
    # Answered in part, or a formal reply that says nothing of substance.
    PARTIAL = "partial"
    # Sent on to another body (a new request may follow there).
    FORWARDED = "forwarded"
    # Refused to answer or to act: the rule flags it so an appeal is considered.
    REFUSED = "refused"


class Request(Record, table=True):
    case_id: uuid.UUID = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    kind: RequestKind = RequestKind.OTHER
    # The body or official in words ("Военная прокуратура Южного военного округа").
    addressee: str = ""
    sent_on: date
    channel: RequestChannel = RequestChannel.POST
    # Our own outgoing number (исх. №).
    outgoing_number: str = ""
    # The number the body assigned on receipt (вх. №), once known.
    registration_number: str = ""
    signed_by: str = ""
    note: str = ""
    # The day the reply was received; None while there is none.
    replied_on: date | None = None
    reply_outcome: ReplyOutcome | None = None
    reply_text: str = ""
    reply_attachment_id: uuid.UUID | None = Field(
        default=None, foreign_key="attachment.id", ondelete="SET NULL"
    )
    # Withdrawn or no longer pursued: the deadline is no longer watched.
    closed: bool = False
    case: Optional["Case"] = Relationship(sa_relationship_kwargs=_PARENT)
    reply_attachment: Optional["Attachment"] = Relationship(sa_relationship_kwargs=_PARENT)
