"""silent_after_transfer: he was reported moved and has not been heard himself since.

Men often disappear in transit, so this is critical after only a short silence. The clock
starts at the newest contact that reported a transfer; only proof of life *after* that report
stops it (second-hand news does not). Closed cases are not watched.
"""

from datetime import date, timedelta

from casetracker.model import CLOSED_STATUSES
from casetracker.rules import thresholds as t
from casetracker.rules.flag import Flag, Rule, Severity, per_case
from casetracker.rules.snapshot import CaseFacts
from casetracker.rules.thresholds import Thresholds
from casetracker.rules.wording import day, days, translate

RULE_ID = "silent_after_transfer"


def check(case: CaseFacts, th: Thresholds, as_of: date) -> Flag | None:
    reported = case.latest_transfer_report_at
    if reported is None or case.status in CLOSED_STATUSES:
        return None
    proof = case.last_proof_of_life
    if proof is not None and proof > reported:
        return None
    limit = th[t.SILENT_AFTER_TRANSFER_DAYS]
    silent = (as_of - reported.date()).days
    if silent < limit:
        return None
    message = translate(
        "rules",
        "No proof of life since the transfer reported on {date} — {days}; critical after {limit}.",
    )
    return Flag(
        rule=RULE_ID,
        severity=Severity.CRITICAL,
        since=reported.date() + timedelta(days=limit),
        message=message.format(date=day(reported.date()), days=days(silent), limit=limit),
        case_id=case.id,
        case_ref=case.ref,
        numbers={"days": silent, "critical_days": limit},
    )


evaluate = per_case(check)


def title() -> str:
    return translate("rules", "Silent after transfer")


RULE = Rule(
    id=RULE_ID,
    title=title,
    thresholds=(t.SILENT_AFTER_TRANSFER_DAYS,),
    evaluate=evaluate,
    description=__doc__ or "",
    check=check,
)
