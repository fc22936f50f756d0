"""What the request rules know about one request: its kind, dates and reply.

Loaded with the case facts (``services/flags.py``). The days a body has to reply are rule
thresholds (``thresholds.REQUEST_REPLY_DAYS``), not facts: changing one reads nothing again.
"""

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from casetracker.model.requests import ReplyOutcome, RequestKind


def due_on(sent_on: date, days: int) -> date:
    """The last day a reply is on time: the day sent plus the allowed days.

    A reply received on this day is on time; the request is overdue from the day after.
    """
    return sent_on + timedelta(days=days)


@dataclass(frozen=True)
class RequestFacts:
    id: uuid.UUID
    kind: RequestKind
    addressee: str
    sent_on: date
    outgoing_number: str
    replied_on: date | None
    reply_outcome: ReplyOutcome | None
    # Withdrawn or no longer pursued: neither rule looks at it.
    closed: bool

    @property
    def awaiting_reply(self) -> bool:
        return self.replied_on is None and not self.closed
