"""A move recorded without its day ends the last stay on a day not known (schema 4: ``ended``),
never on the day it was typed; "held there now" is read from ``ended``, not from a missing day."""

from datetime import date
from pathlib import Path

from sqlalchemy import text

from casetracker.model import CaseStatus
from casetracker.services.workspace import Workspace
from tests.conftest import PASSPHRASE


def test_a_move_without_a_day_ends_the_last_stay_with_no_end_day(ws: Workspace) -> None:
    ws.cases.create("Зайцев Олег Игоревич", status=CaseStatus.DETAINED)
    basement = ws.facilities.create("Подвал школы")
    garage = ws.facilities.create("Гараж")
    ws.custody.move("CT-0001", basement.id, since=date(2024, 7, 1))
    ws.custody.move("CT-0001", garage.id)

    left, now = ws.custody.timeline("CT-0001")[::-1]  # the undated stay sorts first
    assert (left.facility_id, left.until, left.ended) == (basement.id, None, True)
    assert (now.facility_id, now.since, now.ended) == (garage.id, None, False)
    (row,) = ws.cases.rows()
    assert row.facility_id == garage.id
    assert [c.ref for c in ws.custody.for_facility(garage.id)] == ["CT-0001"]
    assert ws.custody.for_facility(basement.id) == []
    rules = {f.rule for f in ws.flags.evaluate(date(2024, 7, 20))}
    assert "whereabouts_unknown" not in rules  # he is held somewhere known


def test_a_refused_move_to_a_new_place_leaves_no_place(ws: Workspace) -> None:
    ws.cases.create("Зайцев Олег Игоревич")
    basement = ws.facilities.create("Подвал школы")
    ws.custody.move("CT-0001", basement.id, since=date(2024, 7, 10))
    try:
        ws.custody.move_to_new_place("CT-0001", "Гараж", "Брянка", since=date(2024, 7, 1))
    except Exception as refused:
        assert "before the current one" in str(refused)
    else:
        raise AssertionError("a move before the current stay was recorded")
    assert [f.name for f in ws.facilities.all()] == ["Подвал школы"]


def test_a_move_to_a_known_name_creates_no_second_place(ws: Workspace) -> None:
    ws.cases.create("Зайцев Олег Игоревич")
    ws.facilities.create("Гараж", settlement="Брянка")
    period, created = ws.custody.move_to_new_place("CT-0001", "гараж", "Брянка")
    assert created is None
    assert len(ws.facilities.all()) == 1
    assert period.facility_id == ws.facilities.all()[0].id


def test_a_schema_3_vault_keeps_its_open_and_closed_stays(ws: Workspace, vault_path: Path) -> None:
    ws.cases.create("Зайцев Олег Игоревич")
    basement = ws.facilities.create("Подвал школы")
    garage = ws.facilities.create("Гараж")
    ws.custody.move("CT-0001", basement.id, since=date(2024, 7, 1))
    ws.custody.move("CT-0001", garage.id, since=date(2024, 7, 9))
    with ws.session() as session:  # as schema 3 stored it: a stay ended when it had a day
        session.execute(text("ALTER TABLE custodyperiod DROP COLUMN ended"))
        session.execute(text("UPDATE meta SET value = '3' WHERE key = 'schema_version'"))
    ws.close(save=True)

    reopened = Workspace.open(vault_path, passphrase=PASSPHRASE)
    try:
        got = {(p.facility_id, p.until, p.ended) for p in reopened.custody.timeline("CT-0001")}
        assert got == {(basement.id, date(2024, 7, 9), True), (garage.id, None, False)}
        (row,) = reopened.cases.rows()
        assert row.facility_id == garage.id
    finally:
        reopened.close(save=False)
