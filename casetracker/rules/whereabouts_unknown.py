"""whereabouts_unknown: nobody knows where he is held.

Either the status says so, or he is detained or transferred and no custody period is open (the
last place was closed, or none was ever recorded). Critical at once: a man with no known place
is the one most at risk, and the first thing a lawyer will ask for.
"""

from datetime import date

from casetracker.model import CaseStatus
from casetracker.rules.flag import Flag, Rule, Severity, per_case
from casetracker.rules.snapshot import CaseFacts
from casetracker.rules.thresholds import Thresholds
from casetracker.rules.wording import day, days, translate

RULE_ID = "whereabouts_unknown"

HELD = frozenset({CaseStatus.DETAINED, CaseStatus.TRANSFERRED})


def check(case: CaseFacts, th: Thresholds, as_of: date) -> Flag | None:
    if case.status == CaseStatus.WHEREABOUTS_UNKNOWN:
        since = case.status_since
        message = translate("rules", "Whereabouts unknown since {date} — {days}.")
    elif case.status in HELD and case.facility_id is None:
        # Unknown since he entered the status or left the last known place, whichever is later.
        since = max(case.status_since, case.custody_ended_on or case.status_since)
        if case.status == CaseStatus.TRANSFERRED:
            message = translate(
                "rules", "Transferred, but no current place is recorded since {date} — {days}."
            )
        else:
            message = translate(
                "rules", "Detained, but no current place is recorded since {date} — {days}."
            )
    else:
        return None
    if since > as_of:
        return None
    unknown = (as_of - since).days
    return Flag(
        rule=RULE_ID,
        severity=Severity.CRITICAL,
        since=since,
        message=message.format(date=day(since), days=days(unknown)),
        case_id=case.id,
        case_ref=case.ref,
        numbers={"days": unknown},
    )


evaluate = per_case(check)


def title() -> str:
    return translate("rules", "Whereabouts unknown")


RULE = Rule(
    id=RULE_ID,
    title=title,
    thresholds=(),
    evaluate=evaluate,
    description=__doc__ or "",
    check=check,
)
