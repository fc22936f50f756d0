"""After an edit the rules check again only the cases it touched (and the rules over several
cases, afresh), and the flags are what evaluating every case afresh gives."""

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest
from sqlmodel import Session

from casetracker.model import CaseStatus
from casetracker.rules import engine
from casetracker.rules import thresholds as t
from casetracker.rules.flag import Flag
from casetracker.rules.snapshot import CaseFacts
from casetracker.services import flags as flag_module
from casetracker.services.flags import load_facts
from casetracker.services.workspace import Workspace

AS_OF = date(2024, 7, 26)
SILENT_SINCE = datetime(2024, 6, 1, 12)


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[list[str]]]:
    """The references of the cases each call of the engine was given."""
    calls: list[list[str]] = []
    real = engine.evaluate

    def spy(cases: list[CaseFacts], thresholds: t.Thresholds, as_of: date) -> list[Flag]:
        calls.append([case.ref for case in cases])
        return real(cases, thresholds, as_of)

    monkeypatch.setattr(engine, "evaluate", spy)
    yield calls


def afresh(ws: Workspace) -> list[Flag]:
    with Session(ws.engine) as session:
        return engine.evaluate(load_facts(session), ws.flags.thresholds(), AS_OF)


def detained(ws: Workspace, n: int) -> list[str]:
    return [
        ws.cases.create(
            f"Задержанный {i}", status=CaseStatus.DETAINED, detention_date=date(2024, 5, 1)
        ).ref
        for i in range(n)
    ]


def test_a_contact_logged_clears_his_flag_checking_only_his_case(
    ws: Workspace, checked: list[list[str]]
) -> None:
    refs = detained(ws, 4)
    before = ws.flags.evaluate(AS_OF)
    assert {f.case_ref for f in before if f.rule == "lost_contact"} == set(refs)
    ws.contacts.log(refs[1], datetime(2024, 7, 25, 10), direct=True)
    after = ws.flags.evaluate(AS_OF)
    assert checked[-1] == [refs[1]]
    assert {f.case_ref for f in after if f.rule == "lost_contact"} == set(refs) - {refs[1]}
    assert after == afresh(ws)


def test_a_man_moved_to_a_silent_place_raises_the_place_flag(
    ws: Workspace, checked: list[list[str]]
) -> None:
    place = ws.facilities.create("Подвал комендатуры")
    refs = detained(ws, 3)
    for ref in refs:
        ws.contacts.log(ref, SILENT_SINCE, direct=True)
    for ref in refs[:2]:
        ws.custody.move(ref, place.id, since=date(2024, 5, 2))
    assert not [f for f in ws.flags.evaluate(AS_OF) if f.rule == "facility_silence"]
    ws.custody.move(refs[2], place.id, since=date(2024, 5, 3))
    after = ws.flags.evaluate(AS_OF)
    assert checked[-1] == [refs[2]]
    [flag] = [f for f in after if f.rule == "facility_silence"]
    assert flag.case_refs == tuple(refs)
    assert after == afresh(ws)


def test_a_deleted_case_loses_its_flags(ws: Workspace) -> None:
    refs = detained(ws, 3)
    ws.flags.evaluate(AS_OF)
    ws.cases.delete(refs[0])
    after = ws.flags.evaluate(AS_OF)
    assert refs[0] not in {f.case_ref for f in after}
    assert after == afresh(ws)


def test_a_threshold_changed_checks_every_case_again(
    ws: Workspace, checked: list[list[str]]
) -> None:
    refs = detained(ws, 3)
    ws.flags.evaluate(AS_OF)
    ws.settings.set(t.NO_LAWYER_DAYS.key, 5)
    after = ws.flags.evaluate(AS_OF)
    assert sorted(checked[-1]) == sorted(refs)
    assert after == afresh(ws)


def test_todays_list_follows_an_acknowledgement_and_a_contact(ws: Workspace) -> None:
    refs = detained(ws, 3)
    first = ws.flags.open_by_subject(AS_OF)
    assert ws.flags.open_by_subject(AS_OF) == first  # remembered, not worked out again
    assert {s.worst.case_ref for s in first} == set(refs)
    ws.flags.acknowledge("lost_contact", case=refs[0], note="звонили адвокату", as_of=AS_OF)
    ws.flags.acknowledge("no_lawyer", case=refs[0], note="ищем адвоката", as_of=AS_OF)
    ws.contacts.log(refs[1], datetime(2024, 7, 25, 10), direct=True)
    after = ws.flags.open_by_subject(AS_OF)
    mine = {s.worst.case_ref: {f.rule for f in s.flags} for s in after}
    assert "lost_contact" not in mine.get(refs[0], set())
    assert "lost_contact" not in mine[refs[1]]
    assert "lost_contact" in mine[refs[2]]
    assert [r.flag for r in ws.flags.review(AS_OF) if not r.hidden] == ws.flags.open_flags(AS_OF)


def test_a_cases_own_flags_are_reviewed_alone_after_an_edit(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """His window asks for his flags after each edit: not a review of every flag."""
    refs = detained(ws, 4)
    ws.flags.open_flags(AS_OF)
    ws.cases.update(refs[2], notes="звонили в СИЗО")
    reviewed: list[str | None] = []
    real = flag_module.is_hidden

    def counting(flag: Flag, *args: Any) -> bool:
        reviewed.append(flag.case_ref)
        return real(flag, *args)

    monkeypatch.setattr(flag_module, "is_hidden", counting)
    mine = ws.flags.open_flags(AS_OF, case=refs[2])
    assert {f.case_ref for f in mine} == {refs[2]}
    assert set(reviewed) == {refs[2]}
