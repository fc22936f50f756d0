"""The debrief list: everyone held at his places while he was there, read generously; a "seen
by" report is second-hand news on the other man's case, tied to the witness, never proof of
life."""

from datetime import date, datetime
from uuid import UUID

import pytest

from casetracker.model import CaseStatus, Channel, CustodyPeriod
from casetracker.services import debrief
from casetracker.services.errors import InvalidInput
from casetracker.services.workspace import Workspace

TODAY = date(2024, 8, 20)


def _stay(
    ws: Workspace,
    ref: str,
    place: UUID,
    since: date | None,
    until: date | None = None,
    *,
    ended: bool = True,
) -> None:
    with ws.session() as s:
        case = ws.cases.get(ref)
        s.add(
            CustodyPeriod(case_id=case.id, facility_id=place, since=since, until=until, ended=ended)
        )


@pytest.fixture
def basement(ws: Workspace) -> UUID:
    """CT-0001, the witness, held in the basement from 1 to 10 July, then released."""
    ws.cases.create("Свидетель Иван", status=CaseStatus.RELEASED)
    place = ws.facilities.create("Подвал школы").id
    _stay(ws, "CT-0001", place, date(2024, 7, 1), date(2024, 7, 10))
    return place


def _listed(ws: Workspace) -> list[str]:
    return [row.ref for row in debrief.debrief_list(ws, "CT-0001", today=TODAY)]


def test_stays_touching_on_one_day_overlap_and_the_day_before_does_not(
    ws: Workspace, basement: UUID
) -> None:
    ws.cases.create("Пришёл в его последний день")
    _stay(ws, "CT-0002", basement, date(2024, 7, 10), date(2024, 7, 30))
    ws.cases.create("Ушёл в его первый день")
    _stay(ws, "CT-0003", basement, date(2024, 6, 1), date(2024, 7, 1))
    ws.cases.create("Ушёл накануне")
    _stay(ws, "CT-0004", basement, date(2024, 6, 1), date(2024, 6, 30))
    ws.cases.create("Пришёл на следующий день")
    _stay(ws, "CT-0005", basement, date(2024, 7, 11), date(2024, 7, 30))
    assert _listed(ws) == ["CT-0002", "CT-0003"]
    first = debrief.debrief_list(ws, "CT-0001", today=TODAY)[0]
    assert first.told_on is None
    (overlap,) = first.overlaps
    assert (overlap.place, overlap.span) == (
        "Подвал школы",
        debrief.Span(date(2024, 7, 10), date(2024, 7, 10)),
    )


def test_open_ended_and_unknown_days_are_read_generously(ws: Workspace, basement: UUID) -> None:
    ws.cases.create("Всё ещё там", status=CaseStatus.DETAINED)
    _stay(ws, "CT-0002", basement, date(2024, 5, 1), ended=False)
    ws.cases.create("Ушёл, день не известен")
    _stay(ws, "CT-0003", basement, date(2024, 7, 5), None)
    ws.cases.create("Начало не известно")
    _stay(ws, "CT-0004", basement, None, date(2024, 7, 2))
    ws.cases.create("Ушёл без дня, но после него пришёл")  # no end, but began after he left
    _stay(ws, "CT-0005", basement, date(2024, 7, 11), None)
    ws.cases.create("В другом месте")
    elsewhere = ws.facilities.create("Гараж").id
    _stay(ws, "CT-0006", elsewhere, date(2024, 7, 1), date(2024, 7, 10))
    assert _listed(ws) == ["CT-0002", "CT-0003", "CT-0004"]


def test_an_open_stay_of_his_lasts_until_today(ws: Workspace) -> None:
    ws.cases.create("Переведён", status=CaseStatus.TRANSFERRED)
    place = ws.facilities.create("СИЗО").id
    _stay(ws, "CT-0001", place, date(2024, 8, 1), ended=False)
    ws.cases.create("Пришёл сегодня")
    _stay(ws, "CT-0002", place, TODAY, ended=False)
    ws.cases.create("Придёт завтра")
    _stay(ws, "CT-0003", place, date(2024, 8, 21), ended=False)
    assert _listed(ws) == ["CT-0002"]


def test_an_uncertain_start_counts_from_its_earliest_day(ws: Workspace, basement: UUID) -> None:
    ws.cases.create("До 12 июля")  # "before 12 July": could have been there all along
    with ws.session() as s:
        s.add(
            CustodyPeriod(
                case_id=ws.cases.get("CT-0002").id,
                facility_id=basement,
                since=date(2024, 7, 12),
                since_edtf="../2024-07-12",
                ended=False,
            )
        )
    assert _listed(ws) == ["CT-0002"]


def test_who_qualifies_for_a_debrief(ws: Workspace, basement: UUID) -> None:
    assert debrief.qualifies(ws, "CT-0001")  # released
    ws.cases.create("Задержан", status=CaseStatus.DETAINED)
    assert not debrief.qualifies(ws, "CT-0002")
    _stay(ws, "CT-0002", basement, date(2024, 7, 1), ended=False)
    assert not debrief.qualifies(ws, "CT-0002")
    other = ws.facilities.create("Гараж").id
    ws.custody.move("CT-0002", other, since=date(2024, 7, 15))  # left the basement
    assert debrief.qualifies(ws, "CT-0002")


def test_seen_by_is_a_contact_but_not_proof_of_life(ws: Workspace, basement: UUID) -> None:
    ws.cases.create("Молчит", status=CaseStatus.DETAINED)
    _stay(ws, "CT-0002", basement, date(2024, 6, 1), ended=False)
    ws.contacts.log("CT-0002", datetime(2024, 6, 20, 12, 0), direct=True)
    as_of = date(2024, 8, 1)
    before = {f.rule for f in ws.flags.evaluate(as_of) if f.case_ref == "CT-0002"}
    assert "lost_contact" in before

    event = debrief.log_seen_by(
        ws, "CT-0001", "ct-0002", date(2024, 7, 25), channel=Channel.VISIT, note="жив, худой"
    )
    after = {f.rule for f in ws.flags.evaluate(as_of) if f.case_ref == "CT-0002"}
    assert after == before  # news of him is not his own voice
    (contact,) = [c for c in ws.contacts.for_case("CT-0002") if not c.direct]
    assert (contact.id, contact.witness_case_id, contact.direct) == (
        event.id,
        ws.cases.get("CT-0001").id,
        False,
    )
    (row,) = [r for r in ws.cases.rows() if r.ref == "CT-0002"]
    assert row.last_contact == datetime(2024, 7, 25)
    assert row.last_proof_of_life == datetime(2024, 6, 20, 12, 0)
    (listed,) = debrief.debrief_list(ws, "CT-0001", today=TODAY)
    assert listed.last_proof_of_life == datetime(2024, 6, 20, 12, 0)
    assert listed.told_on == date(2024, 7, 25)  # he has told us about this man
    assert debrief.witness_labels(ws, {contact.witness_case_id}) == {  # type: ignore[arg-type]
        ws.cases.get("CT-0001").id: "CT-0001 — Свидетель Иван"
    }


def test_he_cannot_witness_himself(ws: Workspace, basement: UUID) -> None:
    with pytest.raises(InvalidInput):
        debrief.log_seen_by(ws, "CT-0001", "CT-0001", date(2024, 7, 25))


def test_deleting_the_witness_keeps_the_news_without_its_link(
    ws: Workspace, basement: UUID
) -> None:
    ws.cases.create("Молчит", status=CaseStatus.DETAINED)
    debrief.log_seen_by(ws, "CT-0001", "CT-0002", date(2024, 7, 25), note="жив")
    ws.cases.delete("CT-0001")
    (contact,) = ws.contacts.for_case("CT-0002")
    assert (contact.note, contact.witness_case_id, contact.direct) == ("жив", None, False)
