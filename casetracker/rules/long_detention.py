"""long_detention: held in status ``detained`` for a month or more.

Counted from the day the case entered the status (its newest status change), because that is
when the caseworker learnt he was held; a warning, since it calls for escalation, not rescue.
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

RULE_ID = "long_detention"


def check(case: CaseFacts, th: Thresholds, as_of: date) -> Flag | None:
    if case.status != CaseStatus.DETAINED:
        return None
    limit = th[t.LONG_DETENTION_DAYS]
    held = (as_of - case.status_since).days
    if held < limit:
        return None
    message = tr("rules", "Detained since {date} — {days}; warning after {limit}.")
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
    return tr("rules", "Long detention")


RULE = Rule(
    id=RULE_ID,
    title=title,
    thresholds=(t.LONG_DETENTION_DAYS,),
    evaluate=evaluate,
    description=__doc__ or "",
)
