from datetime import timedelta

import pytest

from casetracker.model import CLOSED_STATUSES, CaseStatus
from casetracker.rules import lost_contact
from casetracker.rules import thresholds as t
from casetracker.rules.flag import Severity
from casetracker.rules.thresholds import Thresholds

from .factories import AS_OF, LONG_AGO, ago, day_ago, facts, silent

DEFAULTS = Thresholds()
HELD = [CaseStatus.DETAINED, CaseStatus.TRANSFERRED, CaseStatus.WHEREABOUTS_UNKNOWN]
NOT_HELD = [CaseStatus.SERVING, CaseStatus.REFUSED]


def severity(days: int, status: CaseStatus) -> Severity | None:
    flag = lost_contact.check(silent(days, status=status), DEFAULTS, AS_OF)
    return flag.severity if flag else None


@pytest.mark.parametrize("status", HELD)
@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (6, None),
        (7, Severity.WARNING),
        (8, Severity.WARNING),
        (13, Severity.WARNING),
        (14, Severity.CRITICAL),
        (15, Severity.CRITICAL),
    ],
)
def test_held_men_warn_at_7_days_and_turn_critical_at_14(
    status: CaseStatus, days: int, expected: Severity | None
) -> None:
    assert severity(days, status) == expected


@pytest.mark.parametrize("status", NOT_HELD)
@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (13, None),
        (14, Severity.WARNING),
        (15, Severity.WARNING),
        (29, Severity.WARNING),
        (30, Severity.CRITICAL),
        (31, Severity.CRITICAL),
    ],
)
def test_serving_or_refused_men_warn_at_14_days_and_turn_critical_at_30(
    status: CaseStatus, days: int, expected: Severity | None
) -> None:
    assert severity(days, status) == expected


@pytest.mark.parametrize("status", [*sorted(CLOSED_STATUSES), CaseStatus.RETURNED_TO_FRONT])
def test_closed_cases_and_men_back_at_the_front_are_not_watched(status: CaseStatus) -> None:
    assert severity(400, status) is None


def test_message_quotes_the_date_the_days_and_the_limits() -> None:
    flag = lost_contact.check(silent(37), DEFAULTS, AS_OF)
    assert flag is not None
    assert flag.message == (
        "No proof of life since 19.06.2024 — 37 days; warning after 7, critical after 14."
    )
    assert flag.case_ref == "CT-0001"
    assert flag.numbers == {"days": 37, "warning_days": 7, "critical_days": 14}


def test_since_is_the_day_the_warning_limit_was_reached() -> None:
    flag = lost_contact.check(silent(37), DEFAULTS, AS_OF)
    assert flag is not None and flag.since == day_ago(37) + timedelta(days=7)


def test_second_hand_news_does_not_reset_lost_contact() -> None:
    case = silent(20, last_contact=ago(1))
    flag = lost_contact.check(case, DEFAULTS, AS_OF)
    assert flag is not None and flag.numbers["days"] == 20


@pytest.mark.parametrize(
    ("overrides", "wording"),
    [
        ({}, "since detention on 16.07.2024"),
        ({"detention_date": None}, "since the refusal on 16.07.2024"),
        ({"detention_date": None, "refusal_date": None}, "since the case was opened on 16.07.2024"),
    ],
)
def test_without_any_proof_of_life_the_clock_starts_at_detention_then_refusal_then_creation(
    overrides: dict[str, object], wording: str
) -> None:
    start = day_ago(10)
    no_proof = {"last_contact": None, "last_proof_of_life": None}
    dates = {"detention_date": start, "refusal_date": start, "created": start}
    case = facts(**{**no_proof, **dates, **overrides})
    flag = lost_contact.check(case, DEFAULTS, AS_OF)
    assert flag is not None and wording in flag.message
    assert flag.severity is Severity.WARNING and flag.numbers["days"] == 10


def test_baseline_prefers_detention_over_an_older_refusal_and_creation() -> None:
    case = facts(last_proof_of_life=None, detention_date=day_ago(3), refusal_date=LONG_AGO)
    assert lost_contact.check(case, DEFAULTS, AS_OF) is None


def test_a_status_change_changes_the_limits() -> None:
    case = silent(10, status=CaseStatus.REFUSED)
    assert lost_contact.check(case, DEFAULTS, AS_OF) is None
    detained = silent(10, status=CaseStatus.DETAINED)
    assert lost_contact.check(detained, DEFAULTS, AS_OF) is not None
    released = silent(10, status=CaseStatus.RELEASED)
    assert lost_contact.check(released, DEFAULTS, AS_OF) is None


def test_thresholds_come_from_settings() -> None:
    stricter = DEFAULTS.replace({t.LOST_CONTACT_HELD_WARNING: 3, t.LOST_CONTACT_HELD_CRITICAL: 5})
    flag = lost_contact.check(silent(5), stricter, AS_OF)
    assert flag is not None and flag.severity is Severity.CRITICAL
    assert "warning after 3, critical after 5" in flag.message


def test_a_warning_limit_above_the_critical_one_still_raises_at_the_critical_one() -> None:
    odd = DEFAULTS.replace({t.LOST_CONTACT_HELD_WARNING: 20})
    flag = lost_contact.check(silent(14), odd, AS_OF)
    assert flag is not None and flag.severity is Severity.CRITICAL


def test_one_day_is_singular() -> None:
    one = DEFAULTS.replace({t.LOST_CONTACT_HELD_WARNING: 1})
    flag = lost_contact.check(silent(1), one, AS_OF)
    assert flag is not None and "— 1 day;" in flag.message


def test_a_contact_after_the_evaluation_day_raises_nothing() -> None:
    assert lost_contact.check(silent(-3), DEFAULTS, AS_OF) is None
