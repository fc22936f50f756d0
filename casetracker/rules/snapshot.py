"""The facts the rules look at: one frozen record per case.

Rules never touch the database. ``casetracker.services.flags.load_facts`` reads these for all
cases in a few bulk queries (with the same helpers the case list uses, so the list and the
flags never disagree) and the rules are pure functions of the result, easy to test with
hand-made facts.
"""

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from casetracker.model import CaseStatus
from casetracker.model.records import made
from casetracker.model.uncertain_date import EdtfError, UncertainDate
from casetracker.rules.request_facts import RequestFacts


@dataclass(frozen=True)
class CaseFacts:
    id: uuid.UUID
    ref: str
    full_name: str
    status: CaseStatus
    # The day the case entered its current status.
    status_since: date
    detention_date: date | None
    refusal_date: date | None
    # The day the case was first seen (entered in the vault).
    created: date
    updated: date
    lawyer: str
    # Any contact, direct or second-hand.
    last_contact: datetime | None
    # The last time he himself was heard.
    last_proof_of_life: datetime | None
    last_contact_reports_transfer: bool
    # The newest contact that reported he was being moved.
    latest_transfer_report_at: datetime | None
    # The open custody period's place, if any.
    facility_id: uuid.UUID | None
    facility_name: str
    # Newest start or end of any custody period: a move is news on the case.
    last_custody_change: date | None
    # Newest end of a closed custody period.
    custody_ended_on: date | None
    # Requests sent to official bodies about him (rules/unanswered_request.py).
    requests: tuple[RequestFacts, ...] = ()
    # Codes of the dates above when only roughly known (model/uncertain_date.py); "" = exact.
    # The date fields then hold the earliest day the value allows, the day the rules count
    # from: the worst case. A date with no earliest day ("before …") is not given here at all
    # (services/flags.load_facts): it starts no clock.
    proof_of_life_edtf: str = ""
    detention_date_edtf: str = ""
    refusal_date_edtf: str = ""
    status_since_edtf: str = ""

    @classmethod
    def of(cls, **fields: Any) -> "CaseFacts":
        """Facts from every one of their fields, for bulk readers (see `model.records`)."""
        return made(cls, fields)

    @property
    def baseline(self) -> tuple[date, str]:
        """Where the silence clock starts, and why: proof of life, detention, refusal, creation."""
        if self.last_proof_of_life is not None:
            return self.last_proof_of_life.date(), "proof_of_life"
        if self.detention_date is not None:
            return self.detention_date, "detention"
        if self.refusal_date is not None:
            return self.refusal_date, "refusal"
        return self.created, "created"

    @property
    def baseline_span(self) -> UncertainDate | None:
        """What is known of the baseline's day when it is not exact; None when it is."""
        code = {
            "proof_of_life": self.proof_of_life_edtf,
            "detention": self.detention_date_edtf,
            "refusal": self.refusal_date_edtf,
        }.get(self.baseline[1], "")
        return span_of(code)

    @property
    def status_since_span(self) -> UncertainDate | None:
        return span_of(self.status_since_edtf)

    @property
    def last_news(self) -> date:
        """The newest dated event on the case: a contact, a status change, a move."""
        days = [self.status_since]
        if self.last_contact is not None:
            days.append(self.last_contact.date())
        if self.last_custody_change is not None:
            days.append(self.last_custody_change)
        return max(days)


def span_of(code: str) -> UncertainDate | None:
    """The uncertain value a stored code holds; None for an exact day (or a damaged code,
    which then counts as the exact day the date column holds)."""
    if not code:
        return None
    try:
        value = UncertainDate.from_edtf(code)
    except EdtfError:
        return None
    return None if value.is_exact else value
