"""unanswered_request: a request to an official body still has no reply after its deadline.

The deadline is the request kind's number of days (a threshold per kind; the defaults' legal
basis is in ``services/requests.py``) counted from the day it was sent: a reply is on time up
to and including the due day, so the flag shows from the day after. One flag per man, however
many of his requests are late; it names the oldest and counts the others. Its ``since`` is the
day the newest of them became late, so a request that falls late after the flag was
acknowledged shows the flag again.
"""

from datetime import date, timedelta

from casetracker.i18n import Context
from casetracker.model.request_labels import request_kind_label
from casetracker.rules import thresholds as t
from casetracker.rules.flag import Flag, Rule, Severity, per_case
from casetracker.rules.request_facts import RequestFacts, due_on
from casetracker.rules.snapshot import CaseFacts
from casetracker.rules.thresholds import Thresholds
from casetracker.rules.wording import day, days, translate

# Plural messages of the rules (named as its context: pyside6-lupdate reads the name).
rules = Context("rules")

RULE_ID = "unanswered_request"


def sent_words(request: RequestFacts) -> str:
    """ "01.07.2026" or "01.07.2026, No. 12/7": how the flags name a request."""
    if not request.outgoing_number.strip():
        return day(request.sent_on)
    return translate("rules", "{date}, No. {number}").format(
        date=day(request.sent_on), number=request.outgoing_number.strip()
    )


def body_words(request: RequestFacts) -> str:
    """The addressee as typed, else the kind's name."""
    return request.addressee.strip() or request_kind_label(request.kind)


def check(case: CaseFacts, th: Thresholds, as_of: date) -> Flag | None:
    late = []
    for request in case.requests:
        allowed = th[t.REQUEST_REPLY_DAYS[request.kind]]
        due = due_on(request.sent_on, allowed)
        if request.awaiting_reply and as_of > due:
            late.append((due, request.sent_on, allowed, request))
    if not late:
        return None
    due, _sent, allowed, oldest = min(late, key=lambda item: item[:2])
    overdue = (as_of - due).days
    if len(late) == 1:
        message = translate(
            "rules",
            "{body}: no reply to the request of {sent}; it was due on {due} ({allowed} to "
            "reply), {late} overdue. Send a reminder or complain to the superior body.",
        )
    else:
        message = translate(
            "rules",
            "{count}; the oldest: {body}, request of {sent}, due on {due} ({allowed} to reply), "
            "{late} overdue. Send reminders or complain to the superior bodies.",
        )
    return Flag(
        rule=RULE_ID,
        severity=Severity.WARNING,
        since=max(item[0] for item in late) + timedelta(days=1),
        message=message.format(
            count=rules.tr("%n request(s) without a reply in time", "", len(late)),
            body=body_words(oldest),
            sent=sent_words(oldest),
            due=day(due),
            allowed=days(allowed),
            late=days(overdue),
        ),
        case_id=case.id,
        case_ref=case.ref,
        numbers={"requests": len(late), "days": overdue, "days_allowed": allowed},
    )


evaluate = per_case(check)


def title() -> str:
    return translate("rules", "Request without a reply")


RULE = Rule(
    id=RULE_ID,
    title=title,
    thresholds=tuple(t.REQUEST_REPLY_DAYS.values()),
    evaluate=evaluate,
    description=__doc__ or "",
    check=check,
)
