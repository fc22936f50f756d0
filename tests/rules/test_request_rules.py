"""The two request rules as pure functions of hand-made facts, for any day and deadline."""

import uuid
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from casetracker.model import ReplyOutcome, RequestKind
from casetracker.rules import request_refused, unanswered_request
from casetracker.rules import thresholds as t
from casetracker.rules.request_facts import RequestFacts
from casetracker.rules.thresholds import Thresholds

from .factories import AS_OF, facts


def request(sent: date, **overrides: object) -> RequestFacts:
    values: dict[str, object] = {
        "id": uuid.uuid4(),
        "kind": RequestKind.COURT,
        "addressee": "",
        "sent_on": sent,
        "outgoing_number": "",
        "replied_on": None,
        "reply_outcome": None,
        "closed": False,
    }
    values.update(overrides)
    return RequestFacts(**values)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(
    sent_ago=st.integers(min_value=0, max_value=400),
    allowed=st.integers(min_value=1, max_value=365),
    kind=st.sampled_from(list(RequestKind)),
    replied=st.booleans(),
    closed=st.booleans(),
)
def test_flagged_exactly_when_unanswered_after_the_due_day(
    sent_ago: int, allowed: int, kind: RequestKind, replied: bool, closed: bool
) -> None:
    sent = AS_OF - timedelta(days=sent_ago)
    reply = {"replied_on": sent, "reply_outcome": ReplyOutcome.ANSWERED} if replied else {}
    case = facts(requests=(request(sent, kind=kind, closed=closed, **reply),))
    th = Thresholds().replace({t.REQUEST_REPLY_DAYS[kind]: allowed})
    flag = unanswered_request.check(case, th, AS_OF)
    late = not replied and not closed and sent_ago > allowed
    assert (flag is not None) == late
    if flag is not None:
        assert flag.numbers["days"] == sent_ago - allowed >= 1
        assert flag.since == sent + timedelta(days=allowed + 1) <= AS_OF


def test_the_flag_counts_every_late_request_and_names_the_oldest() -> None:
    oldest = request(AS_OF - timedelta(days=50), addressee="Суд гарнизона", outgoing_number="3")
    newer = request(AS_OF - timedelta(days=35))
    case = facts(requests=(newer, oldest, request(AS_OF - timedelta(days=3))))
    flag = unanswered_request.check(case, Thresholds(), AS_OF)
    assert flag is not None and flag.numbers["requests"] == 2 and flag.numbers["days"] == 20
    assert "Суд гарнизона" in flag.message and "No. 3" in flag.message
    assert flag.since == AS_OF - timedelta(days=4)  # the newer one's first late day


def test_only_a_refusal_not_closed_and_already_received_is_flagged() -> None:
    refused = {"replied_on": AS_OF, "reply_outcome": ReplyOutcome.REFUSED}
    sent = AS_OF - timedelta(days=10)
    assert request_refused.check(facts(requests=(request(sent, **refused),)), Thresholds(), AS_OF)
    for other in (
        request(sent, **refused, closed=True),
        request(sent, replied_on=AS_OF, reply_outcome=ReplyOutcome.FORWARDED),
        request(sent),
    ):
        assert request_refused.check(facts(requests=(other,)), Thresholds(), AS_OF) is None
    tomorrow = {"replied_on": AS_OF + timedelta(days=1), "reply_outcome": ReplyOutcome.REFUSED}
    case = facts(requests=(request(sent, **tomorrow),))
    assert request_refused.check(case, Thresholds(), AS_OF) is None  # a look at an earlier day
