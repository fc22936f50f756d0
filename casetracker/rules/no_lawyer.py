"""no_lawyer: detained for a week or more and still no lawyer on the case.

A lawyer is often the only person who can reach him and the first step to a complaint, so the
gap is worth a warning once the detention is no longer a matter of days.
"""

from datetime import date

from casetracker.model import CaseStatus
from casetracker.rules import thresholds as t
from casetracker.rules.detention import detained_too_long
from casetracker.rules.flag import Flag, Rule, per_case
from casetracker.rules.snapshot import CaseFacts
from casetracker.rules.thresholds import Thresholds
from casetracker.rules.wording import translate

RULE_ID = "no_lawyer"


def check(case: CaseFacts, th: Thresholds, as_of: date) -> Flag | None:
    if case.status != CaseStatus.DETAINED or case.lawyer.strip():
        return None  # before wording a message most cases do not need
    return detained_too_long(
        case,
        th[t.NO_LAWYER_DAYS],
        as_of,
        RULE_ID,
        translate(
            "rules", "No lawyer assigned; detained since {date} — {days}; warning after {limit}."
        ),
    )


evaluate = per_case(check)


def title() -> str:
    return translate("rules", "No lawyer")


RULE = Rule(
    id=RULE_ID,
    title=title,
    thresholds=(t.NO_LAWYER_DAYS,),
    evaluate=evaluate,
    description=__doc__ or "",
    check=check,
)
