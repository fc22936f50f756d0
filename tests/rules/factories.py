"""Small factories for hand-made case facts: each test states only what it is about."""

import uuid
from datetime import date, datetime, time, timedelta
from typing import Any

from casetracker.model import CaseStatus
from casetracker.rules.snapshot import CaseFacts

AS_OF = date(2024, 7, 26)
LONG_AGO = AS_OF - timedelta(days=400)


def ago(days: int, hour: int = 12) -> datetime:
    """A moment ``days`` before AS_OF, at ``hour`` o'clock."""
    return datetime.combine(AS_OF - timedelta(days=days), time(hour))


def day_ago(days: int) -> date:
    return AS_OF - timedelta(days=days)


def facts(**overrides: Any) -> CaseFacts:
    """A detained man heard yesterday, with a lawyer and a known place: raises nothing."""
    values: dict[str, Any] = {
        "id": uuid.uuid4(),
        "ref": "CT-0001",
        "full_name": "Смирнов Максим Иванович",
        "status": CaseStatus.DETAINED,
        "status_since": day_ago(1),
        "detention_date": day_ago(1),
        "refusal_date": day_ago(5),
        "created": LONG_AGO,
        "updated": LONG_AGO,
        "lawyer": "адв. Петрова Е.",
        "last_contact": ago(1),
        "last_proof_of_life": ago(1),
        "last_contact_reports_transfer": False,
        "latest_transfer_report_at": None,
        "facility_id": uuid.uuid4(),
        "facility_name": "Подвал комендатуры",
        "last_custody_change": day_ago(1),
        "custody_ended_on": None,
    }
    values.update(overrides)
    return CaseFacts(**values)


def silent(days: int, **overrides: Any) -> CaseFacts:
    """Last heard directly ``days`` ago; everything else quiet for as long."""
    quiet = {
        "last_contact": ago(days),
        "last_proof_of_life": ago(days),
        "status_since": day_ago(days),
        "detention_date": day_ago(days),
        "last_custody_change": day_ago(days),
    }
    return facts(**{**quiet, **overrides})
