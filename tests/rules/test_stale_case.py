import pytest

from casetracker.model import CLOSED_STATUSES, CaseStatus
from casetracker.rules import stale_case
from casetracker.rules.flag import Severity
from casetracker.rules.thresholds import Thresholds

from .factories import AS_OF, ago, day_ago, silent

DEFAULTS = Thresholds()


@pytest.mark.parametrize(("days", "raised"), [(29, False), (30, True), (31, True)])
def test_a_reminder_after_30_quiet_days(days: int, raised: bool) -> None:
    flag = stale_case.check(silent(days), DEFAULTS, AS_OF)
    assert (flag is not None) == raised
    if flag is not None:
        assert flag.severity is Severity.INFO
        assert flag.since == day_ago(days - 30)
        assert flag.message == (
            f"No contact, status change or move recorded since {day_ago(days):%d.%m.%Y} "
            f"— {days} days; reminder after 30."
        )


def test_second_hand_news_counts_as_news_on_the_case() -> None:
    assert stale_case.check(silent(40, last_contact=ago(3)), DEFAULTS, AS_OF) is None


def test_a_status_change_counts_as_news() -> None:
    assert stale_case.check(silent(40, status_since=day_ago(2)), DEFAULTS, AS_OF) is None


def test_a_custody_move_counts_as_news() -> None:
    assert stale_case.check(silent(40, last_custody_change=day_ago(2)), DEFAULTS, AS_OF) is None


def test_editing_the_case_card_is_not_news() -> None:
    assert stale_case.check(silent(40, updated=AS_OF), DEFAULTS, AS_OF) is not None


@pytest.mark.parametrize("status", sorted(CLOSED_STATUSES))
def test_closed_cases_are_not_reminded(status: CaseStatus) -> None:
    assert stale_case.check(silent(100, status=status), DEFAULTS, AS_OF) is None


def test_men_sent_back_to_the_front_are_still_reminded() -> None:
    case = silent(40, status=CaseStatus.RETURNED_TO_FRONT)
    assert stale_case.check(case, DEFAULTS, AS_OF) is not None
