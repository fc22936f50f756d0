import pytest

from casetracker.model import CaseStatus
from casetracker.rules import whereabouts_unknown
from casetracker.rules.flag import Severity
from casetracker.rules.thresholds import Thresholds

from .factories import AS_OF, day_ago, facts

DEFAULTS = Thresholds()


def test_the_status_whereabouts_unknown_is_critical_at_once() -> None:
    case = facts(status=CaseStatus.WHEREABOUTS_UNKNOWN, status_since=day_ago(0))
    flag = whereabouts_unknown.check(case, DEFAULTS, AS_OF)
    assert flag is not None and flag.severity is Severity.CRITICAL
    assert flag.since == AS_OF
    assert flag.message == "Whereabouts unknown since 26.07.2024 — 0 days."


@pytest.mark.parametrize("status", [CaseStatus.DETAINED, CaseStatus.TRANSFERRED])
def test_held_with_no_open_custody_period_is_critical(status: CaseStatus) -> None:
    case = facts(status=status, status_since=day_ago(10), facility_id=None, facility_name="")
    flag = whereabouts_unknown.check(case, DEFAULTS, AS_OF)
    assert flag is not None and flag.severity is Severity.CRITICAL
    assert flag.since == day_ago(10)
    assert "no current place is recorded since 16.07.2024 — 10 days" in flag.message


def test_counted_from_the_end_of_the_last_known_place() -> None:
    case = facts(
        status=CaseStatus.TRANSFERRED,
        status_since=day_ago(10),
        facility_id=None,
        custody_ended_on=day_ago(4),
    )
    flag = whereabouts_unknown.check(case, DEFAULTS, AS_OF)
    assert flag is not None and flag.since == day_ago(4)
    assert flag.message.startswith("Transferred, but no current place")


def test_held_at_a_known_place_is_fine() -> None:
    assert whereabouts_unknown.check(facts(), DEFAULTS, AS_OF) is None


@pytest.mark.parametrize("status", [CaseStatus.REFUSED, CaseStatus.HOME, CaseStatus.SERVING])
def test_men_not_held_need_no_place(status: CaseStatus) -> None:
    case = facts(status=status, facility_id=None, status_since=day_ago(40))
    assert whereabouts_unknown.check(case, DEFAULTS, AS_OF) is None


def test_a_status_entered_after_the_evaluation_day_raises_nothing() -> None:
    case = facts(status=CaseStatus.WHEREABOUTS_UNKNOWN, status_since=day_ago(-1))
    assert whereabouts_unknown.check(case, DEFAULTS, AS_OF) is None
