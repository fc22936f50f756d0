"""lost_contact: no proof of life for too long.

Only a *direct* contact (he himself was heard) counts; second-hand news does not reset the
clock. Without any proof of life the clock starts at detention, else refusal, else the day the
case was entered. Men held (detained, transferred, whereabouts unknown) get shorter limits than
men serving or who refused; closed cases and men sent back to the front are not watched here
(``stale_case`` still reminds about the latter).
"""

from collections.abc import Mapping
from datetime import date, timedelta

from casetracker.model import CaseStatus
from casetracker.rules import thresholds as t
from casetracker.rules.flag import Flag, Rule, Severity, per_case
from casetracker.rules.snapshot import CaseFacts
from casetracker.rules.thresholds import Thresholds
from casetracker.rules.wording import day, elapsed, translate

RULE_ID = "lost_contact"

HELD = frozenset({CaseStatus.DETAINED, CaseStatus.TRANSFERRED, CaseStatus.WHEREABOUTS_UNKNOWN})
NOT_HELD = frozenset({CaseStatus.SERVING, CaseStatus.REFUSED})


def limits(status: CaseStatus, th: Thresholds) -> tuple[int, int] | None:
    """(warning, critical) days for this status, or None when the rule does not apply."""
    if status in HELD:
        warning, critical = th[t.LOST_CONTACT_HELD_WARNING], th[t.LOST_CONTACT_HELD_CRITICAL]
    elif status in NOT_HELD:
        warning = th[t.LOST_CONTACT_NOT_HELD_WARNING]
        critical = th[t.LOST_CONTACT_NOT_HELD_CRITICAL]
    else:
        return None
    return min(warning, critical), critical


def warning_days(th: Thresholds) -> dict[CaseStatus, int]:
    """Days of silence until the warning, for each status the rule watches."""
    return {status: found[0] for status in CaseStatus if (found := limits(status, th))}


def flagged_since(case: CaseFacts, warnings: Mapping[CaseStatus, int], as_of: date) -> date | None:
    """The ``since`` of the flag `check` raises, without wording it (None: no flag), given
    `warning_days`: what facility_silence asks of every man held somewhere."""
    warning = warnings.get(case.status)
    if warning is None:
        return None
    start = case.baseline[0]
    return start + timedelta(days=warning) if (as_of - start).days >= warning else None


def check(case: CaseFacts, th: Thresholds, as_of: date) -> Flag | None:
    found = limits(case.status, th)
    if found is None:
        return None
    warning, critical = found
    start, why = case.baseline
    silent = (as_of - start).days
    if silent < warning:
        return None
    severity = Severity.CRITICAL if silent >= critical else Severity.WARNING
    head = _head(why).format(date=day(start), days=elapsed(start, as_of, case.baseline_span))
    message = translate("rules", "{head}; warning after {warning}, critical after {critical}.")
    return Flag(
        rule=RULE_ID,
        severity=severity,
        since=start + timedelta(days=warning),
        message=message.format(head=head, warning=warning, critical=critical),
        case_id=case.id,
        case_ref=case.ref,
        numbers={"days": silent, "warning_days": warning, "critical_days": critical},
    )


def _head(why: str) -> str:
    if why == "proof_of_life":
        return translate("rules", "No proof of life since {date} — {days}")
    if why == "detention":
        return translate("rules", "No proof of life since detention on {date} — {days}")
    if why == "refusal":
        return translate("rules", "No proof of life since the refusal on {date} — {days}")
    return translate("rules", "No proof of life since the case was opened on {date} — {days}")


evaluate = per_case(check)


def title() -> str:
    return translate("rules", "Lost contact")


RULE = Rule(
    id=RULE_ID,
    title=title,
    thresholds=(
        t.LOST_CONTACT_HELD_WARNING,
        t.LOST_CONTACT_HELD_CRITICAL,
        t.LOST_CONTACT_NOT_HELD_WARNING,
        t.LOST_CONTACT_NOT_HELD_CRITICAL,
    ),
    evaluate=evaluate,
    description=__doc__ or "",
    check=check,
)
