"""long_detention: held in status ``detained`` for a month or more.

Counted from the day the case entered the status (its newest status change), because that is
when the caseworker learnt he was held; a warning, since it calls for escalation, not rescue.
"""

from datetime import date

from casetracker.model import CaseStatus
from casetracker.rules import thresholds as t
from casetracker.rules.detention import detained_too_long
from casetracker.rules.flag import Flag, Rule, per_case
from casetracker.rules.snapshot import CaseFacts
from casetracker.rules.thresholds import Thresholds
from casetracker.rules.wording import translate

RULE_ID = "long_detention"


def check(case: CaseFacts, th: Thresholds, as_of: date) -> Flag | None:
    if case.status != CaseStatus.DETAINED:
        return None  # before wording a message most cases do not need
    return detained_too_long(
        case,
        th[t.LONG_DETENTION_DAYS],
        as_of,
        RULE_ID,
        translate("rules", "Detained since {date} — {days}; warning after {limit}."),
    )


evaluate = per_case(check)


def title() -> str:
    return translate("rules", "Long detention")


RULE = Rule(
    id=RULE_ID,
    title=title,
    thresholds=(t.LONG_DETENTION_DAYS,),
    evaluate=evaluate,
    description=__doc__ or "",
    check=check,
)
