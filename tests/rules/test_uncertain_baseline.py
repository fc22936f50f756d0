"""A date known only roughly is counted from the earliest day it allows (the worst case), and the
flag says how long it is at least and at most; a date with no first day ("before X") starts no
clock: the next date does."""

from datetime import date, datetime, timedelta

import pytest
from sqlmodel import select

from casetracker.model import CaseStatus, ContactEvent
from casetracker.model.uncertain_date import UncertainDate
from casetracker.rules import long_detention, lost_contact
from casetracker.rules.flag import Flag, Severity
from casetracker.rules.thresholds import Thresholds
from casetracker.rules.wording import elapsed
from casetracker.services.cases import get_case
from casetracker.services.workspace import Workspace

from .factories import AS_OF, day_ago, facts

DEFAULTS = Thresholds()  # held: warning after 7 days, critical after 14


def rough_proof(value: UncertainDate) -> Flag | None:
    day = value.column_day
    assert day is not None
    moment = datetime.combine(day, datetime.min.time())
    case = facts(
        last_contact=moment,
        last_proof_of_life=moment,
        proof_of_life_edtf=value.to_edtf(),
        detention_date=day_ago(60),
    )
    return lost_contact.check(case, DEFAULTS, AS_OF)


def ending(earliest: date) -> list[UncertainDate]:
    """A value of every kind whose earliest day is ``earliest``."""
    return [
        UncertainDate.day(earliest, approximate=True),
        UncertainDate.between(earliest, earliest + timedelta(days=3)),
        UncertainDate.after(earliest),
    ]


@pytest.mark.parametrize("index", range(3))
def test_every_kind_is_counted_from_its_earliest_day(index: int) -> None:
    assert rough_proof(ending(day_ago(6))[index]) is None  # the day before the warning
    flag = rough_proof(ending(day_ago(7))[index])  # the warning's first day
    assert flag is not None and flag.severity is Severity.WARNING
    assert flag.numbers["days"] == 7


def test_a_month_counts_from_its_first_day() -> None:
    july = UncertainDate.month(2024, 7)  # AS_OF is 26 July: the 1st was 25 days ago
    flag = rough_proof(july)
    assert flag is not None and flag.severity is Severity.CRITICAL
    assert "at least 0 days, up to 25 days" in flag.message
    assert "(the day is known only as July 2024)" in flag.message
    june = rough_proof(UncertainDate.year(2024, approximate=True))
    assert june is not None and "known only as about 2024)" in june.message


def test_a_range_says_at_least_and_at_most() -> None:
    flag = rough_proof(UncertainDate.between(day_ago(14), day_ago(9)))
    assert flag is not None and flag.severity is Severity.CRITICAL  # the worst case: 14
    assert "at least 9 days, up to 14 days" in flag.message


def test_only_the_upper_bound_known_says_at_least() -> None:
    """The wording for a value with no first day, should a rule ever count from one."""
    text = elapsed(day_ago(8), AS_OF, UncertainDate.before(day_ago(8)))
    assert text.startswith("at least 8 days (the day is known only as before")


def test_an_exact_day_reads_as_before() -> None:
    flag = rough_proof(UncertainDate.day(day_ago(8)))
    assert flag is not None and "— 8 days;" in flag.message and "at least" not in flag.message


def test_a_rough_status_day_counts_detention_from_its_earliest_day() -> None:
    case = facts(status_since=day_ago(31), status_since_edtf=f"{day_ago(31).isoformat()}~")
    flag = long_detention.check(case, DEFAULTS, AS_OF)
    assert flag is not None and "(the day is known only as about" in flag.message


def test_the_vault_facts_carry_the_rough_days(ws: Workspace) -> None:
    """Through the service: a proof of life known as "between 1 and 8 July", a detention "July"."""
    ws.cases.create("Зайцев Олег Игоревич", status=CaseStatus.DETAINED)
    ws.contacts.log("CT-0001", datetime(2024, 7, 1), direct=True, time_known=False)
    with ws.session() as session:  # what the dialogs store for such a day (model/uncertain_date)
        contact = session.exec(select(ContactEvent)).one()
        contact.occurred_at_edtf = "2024-07-01/2024-07-08"
        case = get_case(session, "CT-0001")
        case.detention_date, case.detention_date_edtf = date(2024, 7, 1), "2024-07"
    (flag,) = [f for f in ws.flags.evaluate(date(2024, 7, 26)) if f.rule == "lost_contact"]
    assert flag.numbers["days"] == 25
    assert "at least 18 days, up to 25 days" in flag.message


def test_a_proof_of_life_before_a_day_starts_no_clock(ws: Workspace) -> None:
    """Heard "some time before 20 July": he may have been silent since any day before it, so
    the silence is counted from his detention, as for a man never heard."""
    ws.cases.create(
        "Зайцев Олег Игоревич", status=CaseStatus.DETAINED, detention_date=date(2024, 7, 1)
    )
    ws.contacts.log("CT-0001", UncertainDate.before(date(2024, 7, 20)), direct=True)
    (flag,) = [f for f in ws.flags.evaluate(date(2024, 7, 26)) if f.rule == "lost_contact"]
    assert flag.numbers["days"] == 25
    assert "since detention on 01.07.2024" in flag.message
    ws.contacts.log("CT-0001", UncertainDate.month(2024, 7), direct=True)
    (flag,) = [f for f in ws.flags.evaluate(date(2024, 7, 26)) if f.rule == "lost_contact"]
    assert "at least 0 days, up to 25 days" in flag.message  # the month starts the clock


def test_a_detention_before_a_day_falls_back_to_the_refusal(ws: Workspace) -> None:
    ws.cases.create(
        "Зайцев Олег Игоревич",
        status=CaseStatus.DETAINED,
        refusal_date=date(2024, 6, 1),
        detention_date=UncertainDate.before(date(2024, 7, 20)),
    )
    (flag,) = [f for f in ws.flags.evaluate(date(2024, 7, 26)) if f.rule == "lost_contact"]
    assert "since the refusal on 01.06.2024" in flag.message
