"""What the detention-length rules share: days in status ``detained`` against one limit."""

from datetime import date, timedelta

from casetracker.model import CaseStatus
from casetracker.rules.flag import Flag, Severity
from casetracker.rules.snapshot import CaseFacts
from casetracker.rules.wording import day, elapsed


def detained_too_long(
    case: CaseFacts, limit: int, as_of: date, rule_id: str, message: str
) -> Flag | None:
    """A warning once he has been detained ``limit`` days; ``message`` takes date/days/limit."""
    if case.status != CaseStatus.DETAINED:
        return None
    held = (as_of - case.status_since).days
    if held < limit:
        return None
    return Flag(
        rule=rule_id,
        severity=Severity.WARNING,
        since=case.status_since + timedelta(days=limit),
        message=message.format(
            date=day(case.status_since),
            days=elapsed(case.status_since, as_of, case.status_since_span),
            limit=limit,
        ),
        case_id=case.id,
        case_ref=case.ref,
        numbers={"days": held, "warning_days": limit},
    )
