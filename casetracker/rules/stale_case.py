"""stale_case: an open case on which nothing has been recorded for a month.

"Nothing" means no contact of any kind (second-hand news counts here), no status change and no
custody move. Edits to the case card do not count: fixing a typo is not news about the man.
Only a reminder (info), because the other rules already cover the dangerous silences.
"""

from datetime import date, timedelta

from casetracker.model import CLOSED_STATUSES
from casetracker.rules import thresholds as t
from casetracker.rules.flag import Flag, Rule, Severity, per_case
from casetracker.rules.snapshot import CaseFacts
from casetracker.rules.thresholds import Thresholds
from casetracker.rules.wording import day, days, translate

RULE_ID = "stale_case"


def check(case: CaseFacts, th: Thresholds, as_of: date) -> Flag | None:
    if case.status in CLOSED_STATUSES:
        return None
    limit = th[t.STALE_CASE_DAYS]
    last = case.last_news
    quiet = (as_of - last).days
    if quiet < limit:
        return None
    message = translate(
        "rules",
        "No contact, status change or move recorded since {date} — {days}; reminder after {limit}.",
    )
    return Flag(
        rule=RULE_ID,
        severity=Severity.INFO,
        since=last + timedelta(days=limit),
        message=message.format(date=day(last), days=days(quiet), limit=limit),
        case_id=case.id,
        case_ref=case.ref,
        numbers={"days": quiet, "info_days": limit},
    )


evaluate = per_case(check)


def title() -> str:
    return translate("rules", "No news")


RULE = Rule(
    id=RULE_ID,
    title=title,
    thresholds=(t.STALE_CASE_DAYS,),
    evaluate=evaluate,
    description=__doc__ or "",
    check=check,
)
