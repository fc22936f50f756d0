import pytest

from casetracker.model import CaseStatus
from casetracker.rules import silent_after_transfer
from casetracker.rules import thresholds as t
from casetracker.rules.flag import Severity
from casetracker.rules.thresholds import Thresholds

from .factories import AS_OF, ago, day_ago, silent

DEFAULTS = Thresholds()


@pytest.mark.parametrize(("days", "raised"), [(1, False), (2, True), (3, True)])
def test_critical_two_days_after_a_reported_transfer(days: int, raised: bool) -> None:
    # He himself said "we are being moved" and has not been heard since.
    case = silent(days, latest_transfer_report_at=ago(days), last_contact_reports_transfer=True)
    flag = silent_after_transfer.check(case, DEFAULTS, AS_OF)
    assert (flag is not None) == raised
    if flag is not None:
        assert flag.severity is Severity.CRITICAL
        assert flag.since == day_ago(days - 2)


def test_message_says_when_the_transfer_was_reported() -> None:
    case = silent(3, latest_transfer_report_at=ago(3), last_contact_reports_transfer=True)
    flag = silent_after_transfer.check(case, DEFAULTS, AS_OF)
    assert flag is not None
    assert flag.message == (
        "No proof of life since the transfer reported on 23.07.2024 — 3 days; critical after 2."
    )


def test_proof_of_life_after_the_report_clears_it() -> None:
    case = silent(1, latest_transfer_report_at=ago(5))
    assert silent_after_transfer.check(case, DEFAULTS, AS_OF) is None


def test_second_hand_news_after_the_report_does_not_clear_it() -> None:
    case = silent(10, latest_transfer_report_at=ago(5), last_contact=ago(1))
    flag = silent_after_transfer.check(case, DEFAULTS, AS_OF)
    assert flag is not None and flag.numbers["days"] == 5


def test_a_report_from_a_relative_counts_when_he_has_never_been_heard() -> None:
    case = silent(3, last_proof_of_life=None, latest_transfer_report_at=ago(3))
    assert silent_after_transfer.check(case, DEFAULTS, AS_OF) is not None


def test_no_transfer_report_no_flag() -> None:
    assert silent_after_transfer.check(silent(30), DEFAULTS, AS_OF) is None


def test_closed_cases_are_not_watched() -> None:
    case = silent(5, status=CaseStatus.HOME, latest_transfer_report_at=ago(5))
    assert silent_after_transfer.check(case, DEFAULTS, AS_OF) is None


def test_limit_is_a_setting() -> None:
    case = silent(3, latest_transfer_report_at=ago(3))
    patient = DEFAULTS.replace({t.SILENT_AFTER_TRANSFER_DAYS: 4})
    assert silent_after_transfer.check(case, patient, AS_OF) is None
