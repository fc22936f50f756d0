"""Tasks: due this week is today and the six days after; overdue is before today; done is gone."""

import json
from datetime import date, timedelta

import pytest
from sqlmodel import select

from casetracker.model import AuditEntry
from casetracker.services import demo, tasks
from casetracker.services.errors import InvalidInput, NotFound
from casetracker.services.workspace import Workspace

TODAY = date(2024, 8, 5)


def _due(ws: Workspace) -> tuple[list[str], list[str]]:
    found = tasks.due_tasks(ws, TODAY)
    return [r.task.title for r in found.overdue], [r.task.title for r in found.this_week]


def test_due_this_week_runs_from_today_to_six_days_on(ws: Workspace) -> None:
    ws.cases.create("Зайцев Олег Игоревич")
    for title, offset in (
        ("yesterday", -1), ("today", 0), ("tomorrow", 1), ("sixth day", 6), ("seventh day", 7),
    ):  # fmt: skip
        tasks.add(ws, "CT-0001", title, due_on=TODAY + timedelta(days=offset))
    tasks.add(ws, "CT-0001", "some day")
    overdue, week = _due(ws)
    assert overdue == ["yesterday"]
    assert week == ["today", "tomorrow", "sixth day"]


def test_one_task_seen_the_week_before_the_day_before_of_and_after_its_day(ws: Workspace) -> None:
    ws.cases.create("Зайцев Олег Игоревич")
    tasks.add(ws, "CT-0001", "call", due_on=TODAY)

    def where(as_of: date) -> str:
        found = tasks.due_tasks(ws, as_of)
        return "overdue" if found.overdue else "this week" if found.this_week else "not due"

    assert where(TODAY - timedelta(days=7)) == "not due"
    assert where(TODAY - timedelta(days=6)) == "this week"
    assert where(TODAY - timedelta(days=1)) == "this week"
    assert where(TODAY) == "this week"
    assert where(TODAY + timedelta(days=1)) == "overdue"


def test_a_done_task_is_no_longer_due_and_reopened_it_is_again(ws: Workspace) -> None:
    ws.cases.create("Зайцев Олег Игоревич")
    late = tasks.add(ws, "CT-0001", "call the father", due_on=TODAY - timedelta(days=3))
    tasks.complete(ws, late.id, on=TODAY)
    assert _due(ws) == ([], [])
    done = tasks.get(ws, late.id)
    assert (done.done_on, done.done_by) == (TODAY, "tester")
    tasks.reopen(ws, late.id)
    assert _due(ws) == (["call the father"], [])


def test_rows_name_the_case_and_each_change_is_in_its_history(ws: Workspace) -> None:
    case = ws.cases.create("Зайцев Олег Игоревич")
    task = tasks.add(
        ws, "ct-0001", "  send the dossier  ", assignee="Анна", due_on=TODAY, note="to Petrov"
    )
    tasks.update(ws, task.id, due_on=TODAY + timedelta(days=2))
    tasks.complete(ws, task.id, on=TODAY)
    (row,) = tasks.rows(ws, done=True)
    assert (row.case_ref, row.case_name, row.task.title) == (
        "CT-0001",
        "Зайцев Олег Игоревич",
        "send the dossier",
    )
    assert tasks.rows(ws) == []  # open only by default
    tasks.delete(ws, task.id)
    with ws.reading() as s:
        entries = s.exec(select(AuditEntry).where(AuditEntry.entity == "Task")).all()
    assert [e.action.value for e in entries] == ["create", "update", "update", "delete"]
    assert {e.case_id for e in entries} == {str(case.id)}
    assert json.loads(entries[1].changes)["due_on"] == ["2024-08-05", "2024-08-07"]


def test_a_task_needs_words_and_is_found_by_its_first_characters(ws: Workspace) -> None:
    ws.cases.create("Зайцев Олег Игоревич")
    with pytest.raises(InvalidInput):
        tasks.add(ws, "CT-0001", "   ")
    task = tasks.add(ws, "CT-0001", "call")
    assert tasks.get(ws, task.id.hex[:8]).id == task.id
    with pytest.raises(NotFound):
        tasks.get(ws, "ffffffff" if not task.id.hex.startswith("ffff") else "00000000")
    with pytest.raises(InvalidInput):
        tasks.get(ws, "ab")


def test_assignees_offered_are_mine_first_then_the_vaults(ws: Workspace) -> None:
    ws.cases.create("Зайцев Олег Игоревич", caseworker="Мария")
    tasks.add(ws, "CT-0001", "call", assignee="Анна")
    tasks.add(ws, "CT-0001", "write", assignee="tester")
    assert tasks.assignee_names(ws) == ["tester", "Анна", "Мария"]


def test_deleting_the_case_deletes_its_tasks(ws: Workspace) -> None:
    ws.cases.create("Зайцев Олег Игоревич")
    tasks.add(ws, "CT-0001", "call", due_on=TODAY)
    ws.cases.delete("CT-0001")
    assert tasks.rows(ws, done=True) == []


def test_the_demo_has_tasks_overdue_due_this_week_later_and_done(ws: Workspace) -> None:
    demo.generate(ws, 12, today=TODAY)
    overdue, week = _due(ws)
    assert (len(overdue), len(week)) == (2, 3)
    assert len(tasks.rows(ws)) == 6 and len(tasks.rows(ws, done=True)) == 7
