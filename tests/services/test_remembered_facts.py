"""The case list, search and the rules' facts are remembered between edits, never past one."""

from datetime import date, datetime

import pytest
from sqlmodel import select

from casetracker.model import Case, CaseStatus
from casetracker.services.workspace import Workspace
from casetracker.storage.database import change_count, remembered


def test_the_list_follows_each_committed_edit(ws: Workspace) -> None:
    case = ws.cases.create("Смирнов Максим", status=CaseStatus.DETAINED)
    assert [r.full_name for r in ws.cases.rows()] == ["Смирнов Максим"]
    ws.cases.update(case.ref, full_name="Смирнов Максим Иванович")
    ws.contacts.log(case.ref, datetime(2024, 7, 1, 10), direct=True)
    place = ws.facilities.create("СИЗО-1", settlement="Луганск")
    ws.custody.move(case.ref, place.id, since=date(2024, 7, 2))
    [row] = ws.cases.rows()
    assert row.full_name == "Смирнов Максим Иванович"
    assert row.last_proof_of_life == datetime(2024, 7, 1, 10)
    assert row.facility == "СИЗО-1"
    assert [r.ref for r in ws.cases.rows(search="Luhansk")] == [case.ref]


def test_a_rolled_back_edit_never_shows(ws: Workspace) -> None:
    ws.cases.create("Иванов Степан")
    assert [r.full_name for r in ws.cases.rows(search="иван")] == ["Иванов Степан"]
    with pytest.raises(RuntimeError), ws.session() as session:
        case = session.exec(select(Case)).one()
        case.full_name = "Никто"
        session.flush()
        raise RuntimeError("the caseworker cancelled")
    assert [r.full_name for r in ws.cases.rows(search="иван")] == ["Иванов Степан"]


def test_the_flags_follow_a_new_proof_of_life(ws: Workspace) -> None:
    case = ws.cases.create("A", status=CaseStatus.DETAINED, detention_date=date(2024, 1, 1))
    as_of = date(2024, 3, 1)
    assert any(f.rule == "lost_contact" for f in ws.flags.evaluate(as_of))
    ws.contacts.log(case.ref, datetime(2024, 2, 29, 12), direct=True)
    assert not any(f.rule == "lost_contact" for f in ws.flags.evaluate(as_of))


def test_nothing_is_remembered_inside_a_write_transaction(ws: Workspace) -> None:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    with ws.session() as session:
        session.add(Case(ref="CT-9000", full_name="Uncommitted"))
        session.flush()
        assert change_count(ws.engine) is None
        assert remembered(ws.engine, "probe", compute) == 1
        assert remembered(ws.engine, "probe", compute) == 2
    assert remembered(ws.engine, "probe", compute) == 3
    assert remembered(ws.engine, "probe", compute) == 3
