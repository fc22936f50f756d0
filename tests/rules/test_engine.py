import uuid
from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from casetracker.model import CaseStatus
from casetracker.rules import engine, thresholds
from casetracker.rules.flag import Flag, Severity
from casetracker.rules.snapshot import CaseFacts
from casetracker.rules.thresholds import Thresholds
from casetracker.services.settings import SPECS

from .factories import AS_OF, day_ago, facts, silent

DEFAULTS = Thresholds()
PLACES = [uuid.uuid4() for _ in range(3)]


def test_rule_ids_are_the_documented_ones_and_every_rule_explains_itself() -> None:
    assert [r.id for r in engine.RULES] == [
        "lost_contact",
        "silent_after_transfer",
        "long_detention",
        "no_lawyer",
        "whereabouts_unknown",
        "stale_case",
        "facility_silence",
        "unanswered_request",
        "request_refused",
    ]
    for rule in engine.RULES:
        assert rule.title() and rule.description.startswith(rule.id + ":")


def test_every_threshold_is_a_vault_setting_with_its_default() -> None:
    import casetracker.services.flags  # noqa: F401  (registers the thresholds)

    for threshold in thresholds.ALL:
        assert SPECS[threshold.key].default == threshold.default
    assert SPECS["lost_contact.held_warning_days"].default == 7
    assert {t.key for r in engine.RULES for t in r.thresholds} == set(thresholds.BY_KEY)


def test_flags_come_worst_first_then_longest_standing() -> None:
    cases = [
        silent(40, ref="CT-0001", status=CaseStatus.REFUSED),  # lost_contact critical, stale
        silent(8, ref="CT-0002"),  # lost_contact warning
        silent(20, ref="CT-0003"),  # lost_contact critical, younger than CT-0001's
        facts(ref="CT-0004", status=CaseStatus.WHEREABOUTS_UNKNOWN, status_since=day_ago(2)),
    ]
    flags = engine.evaluate(cases, DEFAULTS, AS_OF)
    assert [(f.severity.value, f.case_ref, f.rule) for f in flags] == [
        ("critical", "CT-0001", "lost_contact"),
        ("critical", "CT-0003", "lost_contact"),
        ("critical", "CT-0004", "whereabouts_unknown"),
        ("warning", "CT-0002", "lost_contact"),
        ("info", "CT-0001", "stale_case"),
    ]


def test_flag_json_carries_what_the_command_line_promises() -> None:
    [flag] = engine.evaluate([silent(8)], DEFAULTS, AS_OF)
    assert flag.as_json() == {
        "rule": "lost_contact",
        "severity": "warning",
        "case_ref": "CT-0001",
        "message": (
            "No proof of life since 18.07.2024 — 8 days; warning after 7, critical after 14."
        ),
        "since": "2024-07-25",
        "numbers": {"days": 8, "warning_days": 7, "critical_days": 14},
    }


# -- properties over arbitrary case data ---------------------------------------------------


def _moment(days_ago: int, hour: int) -> datetime:
    return datetime.combine(AS_OF - timedelta(days=days_ago), time(hour))


@st.composite
def case_facts(draw: st.DrawFn) -> CaseFacts:
    days = st.integers(min_value=0, max_value=120)
    proof = draw(st.none() | st.builds(_moment, days, st.integers(0, 23)))
    other = draw(st.none() | st.builds(_moment, days, st.integers(0, 23)))
    last = max((m for m in (proof, other) if m), default=None)
    transfer = draw(st.none() | st.builds(_moment, days, st.integers(0, 23)))
    place = draw(st.none() | st.sampled_from(PLACES))
    return facts(
        id=uuid.uuid4(),
        ref=f"CT-{draw(st.integers(1, 9999)):04d}",
        status=draw(st.sampled_from(list(CaseStatus))),
        status_since=AS_OF - timedelta(days=draw(days)),
        detention_date=draw(st.none() | st.builds(day_ago, days)),
        refusal_date=draw(st.none() | st.builds(day_ago, days)),
        created=AS_OF - timedelta(days=draw(days)),
        lawyer=draw(st.sampled_from(["", "адв. Петрова Е."])),
        last_contact=last,
        last_proof_of_life=proof,
        latest_transfer_report_at=transfer,
        last_contact_reports_transfer=transfer is not None
        and last is not None
        and transfer >= last,
        facility_id=place,
        facility_name="" if place is None else f"place {PLACES.index(place)}",
        last_custody_change=draw(st.none() | st.builds(day_ago, days)),
    )


@settings(max_examples=200, deadline=None)
@given(cases=st.lists(case_facts(), max_size=12), later=st.integers(0, 60))
def test_flags_are_sorted_dated_in_the_past_and_readable(
    cases: list[CaseFacts], later: int
) -> None:
    as_of = AS_OF + timedelta(days=later)
    flags = engine.evaluate(cases, DEFAULTS, as_of)
    assert flags == engine.ordered(flags)
    assert flags == engine.evaluate(cases, DEFAULTS, as_of)  # deterministic
    for flag in flags:
        assert flag.since <= as_of
        assert flag.message and "{" not in flag.message and "None" not in flag.message
        assert (flag.case_id is None) != (flag.facility_id is None)


@settings(max_examples=200, deadline=None)
@given(case=case_facts(), later=st.integers(0, 60))
def test_silence_never_gets_better_by_waiting(case: CaseFacts, later: int) -> None:
    def worst(on: date) -> dict[str, Severity]:
        return {f.rule: f.severity for f in engine.evaluate([case], DEFAULTS, on)}

    today, then = worst(AS_OF), worst(AS_OF + timedelta(days=later))
    for rule, severity in today.items():
        assert rule in then and then[rule].rank >= severity.rank


def _flag(severity: Severity, since: date, ref: str) -> Flag:
    return Flag("lost_contact", severity, since, "m", case_id=uuid.uuid4(), case_ref=ref)


def test_ordering_breaks_ties_by_rule_then_subject() -> None:
    a = _flag(Severity.WARNING, AS_OF, "CT-0002")
    b = _flag(Severity.WARNING, AS_OF, "CT-0001")
    assert engine.ordered([a, b]) == [b, a]
    assert engine.ordered([_flag(Severity.INFO, day_ago(99), "x"), a])[0] is a
