import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest

from casetracker.model import CaseStatus
from casetracker.rules import facility_silence, lost_contact
from casetracker.rules import thresholds as t
from casetracker.rules.flag import Severity
from casetracker.rules.snapshot import CaseFacts
from casetracker.rules.thresholds import Thresholds

from .factories import AS_OF, ago, silent

DEFAULTS = Thresholds()
BASEMENT = uuid.uuid4()
GARAGE = uuid.uuid4()


def held(n: int, heard: datetime, place: uuid.UUID = BASEMENT, **overrides: Any) -> CaseFacts:
    values = {
        "ref": f"CT-{n:04d}",
        "last_proof_of_life": heard,
        "last_contact": heard,
        "facility_id": place,
        "facility_name": "Подвал комендатуры" if place == BASEMENT else "Гараж",
        **overrides,
    }
    return silent((AS_OF - heard.date()).days, **values)


def evaluate(*cases: CaseFacts, th: Thresholds = DEFAULTS) -> list[Any]:
    return facility_silence.evaluate(cases, th, AS_OF)


def test_three_men_at_one_place_silent_together_raise_one_critical_flag_naming_them() -> None:
    cases = [held(2, ago(17, 9)), held(3, ago(16, 20)), held(4, ago(16, 8))]
    [flag] = evaluate(*cases)
    assert flag.severity is Severity.CRITICAL
    assert flag.facility_id == BASEMENT and flag.case_id is None
    assert flag.case_refs == ("CT-0002", "CT-0003", "CT-0004")
    assert flag.message == (
        "3 cases at Подвал комендатуры fell silent within 72 hours (last proof of life "
        "09.07.2024–10.07.2024): CT-0002, CT-0003, CT-0004. Possible mass transfer."
    )
    # The group existed once its third member reached lost_contact.
    member_flags = [lost_contact.check(c, DEFAULTS, AS_OF) for c in cases]
    assert flag.since == max(f.since for f in member_flags if f is not None)


def test_two_men_are_not_a_group() -> None:
    assert evaluate(held(2, ago(17)), held(3, ago(17))) == []


@pytest.mark.parametrize(
    ("spread", "raised"),
    [
        (timedelta(hours=71, minutes=59), True),
        (timedelta(hours=72), True),
        (timedelta(hours=72, minutes=1), False),
    ],
)
def test_last_proofs_of_life_must_fall_within_72_hours(spread: timedelta, raised: bool) -> None:
    first = ago(20, 8)
    cases = [held(2, first), held(3, first + spread / 2), held(4, first + spread)]
    assert bool(evaluate(*cases)) == raised


def test_every_member_must_have_lost_contact() -> None:
    heard_recently = held(4, ago(5))  # 5 days: not yet a warning for a detained man
    assert evaluate(held(2, ago(16)), held(3, ago(16)), heard_recently) == []


def test_men_at_different_places_are_not_grouped() -> None:
    cases = [held(2, ago(16)), held(3, ago(16)), held(4, ago(16), place=GARAGE)]
    assert evaluate(*cases) == []


def test_men_with_no_open_custody_period_are_not_counted() -> None:
    cases = [held(2, ago(16)), held(3, ago(16)), held(4, ago(16), facility_id=None)]
    assert evaluate(*cases) == []


def test_men_never_heard_directly_are_left_out() -> None:
    never = held(4, ago(16), last_proof_of_life=None)
    assert evaluate(held(2, ago(16)), held(3, ago(16)), never) == []


def test_the_largest_group_at_a_place_is_named_and_the_rest_left_out() -> None:
    early = held(9, ago(40))
    group = [held(2, ago(16)), held(3, ago(16)), held(4, ago(15)), held(5, ago(14))]
    [flag] = evaluate(early, *group)
    assert flag.case_refs == ("CT-0002", "CT-0003", "CT-0004", "CT-0005")


def test_serving_men_count_once_they_too_have_lost_contact() -> None:
    serving = held(4, ago(16), status=CaseStatus.SERVING)  # 16 days: warning at 14 for him
    assert len(evaluate(held(2, ago(16)), held(3, ago(16)), serving)) == 1


def test_group_size_and_window_are_settings() -> None:
    pair = [held(2, ago(16)), held(3, ago(20))]
    th = DEFAULTS.replace(
        {t.FACILITY_SILENCE_MIN_CASES: 2, t.FACILITY_SILENCE_WINDOW_HOURS: 24 * 5}
    )
    [flag] = evaluate(*pair, th=th)
    assert "within 120 hours" in flag.message


def test_a_long_list_is_shortened_in_the_message_but_kept_on_the_flag() -> None:
    cases = [held(n, ago(16)) for n in range(1, 15)]
    [flag] = evaluate(*cases)
    assert len(flag.case_refs) == 14
    assert "CT-0010 and 4 more" in flag.message
    assert "(last proof of life 10.07.2024)" in flag.message
