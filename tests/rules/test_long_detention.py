import pytest

from casetracker.model import CaseStatus
from casetracker.rules import long_detention
from casetracker.rules import thresholds as t
from casetracker.rules.flag import Severity
from casetracker.rules.thresholds import Thresholds

from .factories import AS_OF, day_ago, facts

DEFAULTS = Thresholds()


@pytest.mark.parametrize(("days", "raised"), [(29, False), (30, True), (31, True)])
def test_warning_after_30_days_detained(days: int, raised: bool) -> None:
    flag = long_detention.check(facts(status_since=day_ago(days)), DEFAULTS, AS_OF)
    assert (flag is not None) == raised
    if flag is not None:
        assert flag.severity is Severity.WARNING
        assert flag.since == day_ago(days - 30)
        assert flag.message == (
            f"Detained since {day_ago(days):%d.%m.%Y} — {days} days; warning after 30."
        )


@pytest.mark.parametrize("status", [s for s in CaseStatus if s is not CaseStatus.DETAINED])
def test_only_the_detained_status_counts(status: CaseStatus) -> None:
    case = facts(status=status, status_since=day_ago(100))
    assert long_detention.check(case, DEFAULTS, AS_OF) is None


def test_counted_from_the_status_change_not_the_recorded_detention_date() -> None:
    # Back in detention after a spell recorded as transferred: the clock restarts.
    case = facts(status_since=day_ago(10), detention_date=day_ago(90))
    assert long_detention.check(case, DEFAULTS, AS_OF) is None


def test_limit_is_a_setting() -> None:
    case = facts(status_since=day_ago(20))
    assert long_detention.check(case, DEFAULTS.replace({t.LONG_DETENTION_DAYS: 20}), AS_OF)
