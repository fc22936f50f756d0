import pytest

from casetracker.model import CaseStatus
from casetracker.rules import no_lawyer
from casetracker.rules import thresholds as t
from casetracker.rules.flag import Severity
from casetracker.rules.thresholds import Thresholds

from .factories import AS_OF, day_ago, facts

DEFAULTS = Thresholds()


@pytest.mark.parametrize(("days", "raised"), [(6, False), (7, True), (8, True)])
def test_warning_after_7_days_detained_without_a_lawyer(days: int, raised: bool) -> None:
    flag = no_lawyer.check(facts(lawyer="", status_since=day_ago(days)), DEFAULTS, AS_OF)
    assert (flag is not None) == raised
    if flag is not None:
        assert flag.severity is Severity.WARNING
        assert flag.since == day_ago(days - 7)
        assert flag.message.startswith("No lawyer assigned; detained since")


def test_a_lawyer_on_the_case_clears_it() -> None:
    case = facts(lawyer="адв. Петрова Е.", status_since=day_ago(50))
    assert no_lawyer.check(case, DEFAULTS, AS_OF) is None


def test_a_blank_lawyer_field_is_no_lawyer() -> None:
    case = facts(lawyer="   ", status_since=day_ago(50))
    assert no_lawyer.check(case, DEFAULTS, AS_OF) is not None


@pytest.mark.parametrize("status", [CaseStatus.TRANSFERRED, CaseStatus.REFUSED, CaseStatus.HOME])
def test_only_the_detained_status_counts(status: CaseStatus) -> None:
    case = facts(status=status, lawyer="", status_since=day_ago(50))
    assert no_lawyer.check(case, DEFAULTS, AS_OF) is None


def test_limit_is_a_setting() -> None:
    case = facts(lawyer="", status_since=day_ago(3))
    assert no_lawyer.check(case, DEFAULTS.replace({t.NO_LAWYER_DAYS: 3}), AS_OF)
