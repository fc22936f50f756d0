"""no_lawyer: detained for a week or more and still no lawyer on the case.

A lawyer is often the only person who can reach him and the first step to a complaint, so the
gap is worth a warning once the detention is no longer a matter of days.
"""

from collections.abc import Sequence
from datetime import date, timedelta

from casetracker.i18n import tr
from casetracker.model import CaseStatus
from casetracker.rules import thresholds as t
from casetracker.rules.flag import Flag, Rule, Severity
from casetracker.rules.snapshot import CaseFacts
from casetracker.rules.thresholds import Thresholds
from casetracker.rules.wording import day, days

RULE_ID = "no_lawyer"


def check(case: CaseFacts, th: Thresholds, as_of: date) -> Flag | None:
    if case.status != CaseStatus.DETAINED or case.lawyer.strip():
        return None
    limit = th[t.NO_LAWYER_DAYS]
    held = (as_of - case.status_since).days
    if held < limit:
        return None
    message = tr(
        "rules", "No lawyer assigned; detained since {date} — {days}; warning after {limit}."
    )
    return Flag(
        rule=RULE_ID,
        severity=Severity.WARNING,
        since=case.status_since + timedelta(days=limit),
        message=message.format(date=day(case.status_since), days=days(held), limit=limit),
        case_id=case.id,
        case_ref=case.ref,
        numbers={"days": held, "warning_days": limit},
    )


def evaluate(cases: Sequence[CaseFacts], th: Thresholds, as_of: date) -> list[Flag]:
    return [flag for case in cases if (flag := check(case, th, as_of)) is not None]


def title() -> str:
    return tr("rules", "No lawyer")


RULE = Rule(
    id=RULE_ID,
    title=title,
    thresholds=(t.NO_LAWYER_DAYS,),
    evaluate=evaluate,
    description=__doc__ or "",
)
