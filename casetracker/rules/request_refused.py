"""request_refused: an official body refused a request, so the next step is a complaint.

Raised for every request whose recorded reply is a refusal, until the request is marked closed
(the caseworker decided what to do) or the flag is acknowledged. One flag per man; its
``since`` is the day of the newest refusal, so a new refusal shows it again.
"""

from datetime import date

from casetracker.i18n import Context
from casetracker.model.requests import ReplyOutcome
from casetracker.rules.flag import Flag, Rule, Severity, per_case
from casetracker.rules.snapshot import CaseFacts
from casetracker.rules.thresholds import Thresholds
from casetracker.rules.unanswered_request import body_words, sent_words
from casetracker.rules.wording import day, translate

# Plural messages of the rules (named as its context: pyside6-lupdate reads the name).
rules = Context("rules")

RULE_ID = "request_refused"


def check(case: CaseFacts, _th: Thresholds, as_of: date) -> Flag | None:
    refused = [
        r
        for r in case.requests
        if r.reply_outcome == ReplyOutcome.REFUSED
        and not r.closed
        and r.replied_on is not None
        and r.replied_on <= as_of
    ]
    if not refused:
        return None
    newest = max(refused, key=lambda r: (r.replied_on or r.sent_on, r.sent_on))
    assert newest.replied_on is not None
    if len(refused) == 1:
        message = translate(
            "rules",
            "{body} refused on {replied} (request of {sent}). Consider a complaint to the "
            "superior body or to a court.",
        )
    else:
        message = translate(
            "rules",
            "{count}; the newest: {body} on {replied} (request of {sent}). Consider "
            "complaints to the superior bodies or to a court.",
        )
    return Flag(
        rule=RULE_ID,
        severity=Severity.WARNING,
        since=newest.replied_on,
        message=message.format(
            count=rules.tr("%n request(s) refused", "", len(refused)),
            body=body_words(newest),
            replied=day(newest.replied_on),
            sent=sent_words(newest),
        ),
        case_id=case.id,
        case_ref=case.ref,
        numbers={"requests": len(refused)},
    )


evaluate = per_case(check)


def title() -> str:
    return translate("rules", "Request refused")


RULE = Rule(
    id=RULE_ID,
    title=title,
    thresholds=(),
    evaluate=evaluate,
    description=__doc__ or "",
    check=check,
)
