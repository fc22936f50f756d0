"""Every date of the model takes an uncertain value, stored in both columns; plain days work."""

from datetime import date, datetime

import pytest
from sqlmodel import select

from casetracker.model import AllegationKind, CaseStatus, ContactEvent, CustodyPeriod, StatusChange
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services.contacts import contact_when
from casetracker.services.errors import InvalidInput
from casetracker.services.uncertain_dates import read
from casetracker.services.workspace import Workspace

JULY = UncertainDate.month(2024, 7, approximate=True)
FIRST_WEEK = UncertainDate.between(date(2024, 7, 1), date(2024, 7, 8))


def test_case_dates_store_the_earliest_day_and_the_code(ws: Workspace) -> None:
    case = ws.cases.create(
        "Смирнов",
        status=CaseStatus.DETAINED,
        birth_date=UncertainDate.year(1990, approximate=True),
        refusal_date=UncertainDate.before(date(2024, 6, 30)),
        detention_date=JULY,
    )
    stored = ws.cases.get(case.ref)
    assert (stored.detention_date, stored.detention_date_edtf) == (date(2024, 7, 1), "2024-07~")
    assert (stored.birth_date, stored.birth_date_edtf) == (date(1990, 1, 1), "1990~")
    assert (stored.refusal_date, stored.refusal_date_edtf) == (date(2024, 6, 30), "../2024-06-30")
    # The first status takes the detention value itself, uncertainty and all.
    (first,) = ws.cases.status_history(case.ref)
    assert read(first, "changed_on") == JULY


def test_an_edit_to_a_plain_day_makes_the_date_exact_again(ws: Workspace) -> None:
    case = ws.cases.create("A", detention_date=JULY)
    ws.cases.update(case.ref, detention_date=date(2024, 7, 3))
    stored = ws.cases.get(case.ref)
    assert (stored.detention_date, stored.detention_date_edtf) == (date(2024, 7, 3), "")
    ws.cases.update(case.ref, detention_date=UncertainDate.unknown())
    stored = ws.cases.get(case.ref)
    assert (stored.detention_date, stored.detention_date_edtf) == (None, "XXXX")
    ws.cases.update(case.ref, detention_date=None)
    assert ws.cases.get(case.ref).detention_date_edtf == ""


def test_plain_days_keep_working_everywhere(ws: Workspace) -> None:
    case = ws.cases.create("A", detention_date=date(2024, 7, 3))
    ws.cases.set_status(case.ref, CaseStatus.RELEASED, on=date(2024, 8, 1))
    with ws.reading() as s:
        changes = list(s.exec(select(StatusChange).where(StatusChange.case_id == case.id)))
    assert {(c.changed_on, c.changed_on_edtf) for c in changes} == {
        (date(2024, 7, 3), ""),
        (date(2024, 8, 1), ""),
    }


def test_status_change_on_an_uncertain_day(ws: Workspace) -> None:
    case = ws.cases.create("A")
    ws.cases.set_status(case.ref, CaseStatus.RELEASED, on=FIRST_WEEK)
    last = ws.cases.status_history(case.ref)[-1]
    assert (last.changed_on, last.changed_on_edtf) == (date(2024, 7, 1), FIRST_WEEK.to_edtf())


def test_custody_since_and_until(ws: Workspace) -> None:
    case = ws.cases.create("A")
    first = ws.facilities.create("Подвал")
    second = ws.facilities.create("СИЗО")
    ws.custody.move(case.ref, first.id, since=UncertainDate.year(2023))
    ws.custody.move(case.ref, second.id, since=JULY)
    old, new = ws.custody.timeline(case.ref)
    assert read(old, "since") == UncertainDate.year(2023)
    assert read(old, "until") == JULY and old.ended
    assert (new.since, new.since_edtf) == (date(2024, 7, 1), "2024-07~")
    ws.custody.end(case.ref, UncertainDate.after(date(2024, 9, 1)))
    with ws.reading() as s:
        ended = s.get(CustodyPeriod, new.id)
        assert ended is not None and read(ended, "until") == UncertainDate.after(date(2024, 9, 1))


def test_a_new_place_surely_before_the_current_one_is_refused(ws: Workspace) -> None:
    case = ws.cases.create("A")
    first = ws.facilities.create("Подвал")
    second = ws.facilities.create("СИЗО")
    ws.custody.move(case.ref, first.id, since=date(2024, 7, 10))
    # July may end after the 10th: not surely before, so allowed …
    ws.custody.move(case.ref, second.id, since=UncertainDate.month(2024, 7))
    # … but June surely is.
    with pytest.raises(InvalidInput):
        ws.custody.move(case.ref, first.id, since=UncertainDate.month(2024, 6))


def test_contact_on_an_uncertain_day_has_no_time(ws: Workspace) -> None:
    case = ws.cases.create("A")
    event = ws.contacts.log(case.ref, FIRST_WEEK, direct=True, new_status=CaseStatus.DETAINED)
    with ws.reading() as s:
        stored = s.get(ContactEvent, event.id)
        assert stored is not None
        assert (stored.occurred_at, stored.time_known) == (datetime(2024, 7, 1), False)
        assert contact_when(stored) == FIRST_WEEK
    assert read(ws.cases.status_history(case.ref)[-1], "changed_on") == FIRST_WEEK


def test_contact_on_an_exact_day_stays_a_plain_day(ws: Workspace) -> None:
    case = ws.cases.create("A")
    event = ws.contacts.log(case.ref, UncertainDate.day(date(2024, 7, 3)), direct=False)
    assert (event.occurred_at, event.time_known, event.occurred_at_edtf) == (
        datetime(2024, 7, 3),
        False,
        "",
    )
    with pytest.raises(InvalidInput):
        ws.contacts.log(case.ref, UncertainDate.unknown(), direct=False)


def test_allegation_occurred_on(ws: Workspace) -> None:
    case = ws.cases.create("A")
    kind = next(iter(AllegationKind))
    allegation = ws.evidence.add_allegation(kind, [case.ref], occurred_on=JULY)
    assert (allegation.occurred_on, allegation.occurred_on_edtf) == (date(2024, 7, 1), "2024-07~")
    plain = ws.evidence.add_allegation(kind, [case.ref], occurred_on=date(2024, 7, 2))
    assert plain.occurred_on_edtf == ""


def test_a_merge_takes_a_date_with_its_code_or_notes_it_in_words(ws: Workspace) -> None:
    from casetracker.services import same_person

    kept = ws.cases.create("Иванов Иван", detention_date=date(2024, 7, 3))
    other = ws.cases.create("Иванов Иван", detention_date=JULY, birth_date=FIRST_WEEK)
    same_person.merge(ws, kept.ref, other.ref)
    merged = ws.cases.get(kept.ref)
    # His own exact day stays, whole: never 3 July with "July" as its code.
    assert (merged.detention_date, merged.detention_date_edtf) == (date(2024, 7, 3), "")
    assert "about July 2024" in merged.notes
    # A date he did not have is taken with its code.
    assert read(merged, "birth_date") == FIRST_WEEK
