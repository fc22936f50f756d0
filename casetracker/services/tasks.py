"""Tasks: what a caseworker still has to do for a case, and which of them are due.

Each function is one caseworker action in one audited session, so the case's History shows
who added, changed, completed or deleted a task. "Due this week" means the next seven days
counting today (today up to today + 6): the same span whichever day of the week it is, and
it reads the same in English and Russian ("in the next 7 days" / "в ближайшие 7 дней"), where
"until Sunday" would shrink to nothing on a Sunday.
"""

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from casetracker.i18n import translate
from casetracker.model import Case, Task
from casetracker.services.cases import get_case
from casetracker.services.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

# Days in "due this week", today included.
WEEK_DAYS = 7
# What a caseworker may change on a task with ``update``; done/reopen have their own calls.
EDITABLE_FIELDS = frozenset({"title", "note", "assignee", "due_on"})


@dataclass(frozen=True)
class TaskRow:
    """A task with the case it belongs to, for lists across cases (Today, the CLI)."""

    task: Task
    case_ref: str
    case_name: str

    def overdue(self, as_of: date) -> bool:
        return is_overdue(self.task, as_of)


@dataclass(frozen=True)
class DueTasks:
    """Open tasks past their day, and those due in the next seven days counting today."""

    overdue: list[TaskRow]
    this_week: list[TaskRow]

    def __bool__(self) -> bool:
        return bool(self.overdue or self.this_week)


def is_overdue(task: Task, as_of: date) -> bool:
    return task.done_on is None and task.due_on is not None and task.due_on < as_of


def week_end(as_of: date) -> date:
    """The last day of "this week": six days after ``as_of``."""
    return as_of + timedelta(days=WEEK_DAYS - 1)


def _title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise InvalidInput(translate("services", "Say what is to be done."))
    return title


def _get(session: Session, task_id: uuid.UUID) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise NotFound(translate("services", "This task is no longer in the vault."))
    return task


def add(
    ws: "OpenVault",
    ref_or_id: str | uuid.UUID,
    title: str,
    *,
    note: str = "",
    assignee: str = "",
    due_on: date | None = None,
    task_id: uuid.UUID | None = None,
    done: tuple[date, str] | None = None,
) -> Task:
    """A new task on a case. ``task_id`` and ``done`` (day, by whom): a deleted task given back
    as it was (undo)."""
    with ws.session() as session:
        case = get_case(session, ref_or_id)
        task = Task(
            case_id=case.id,
            title=_title(title),
            note=note.strip(),
            assignee=" ".join(assignee.split()),
            due_on=due_on,
        )
        if task_id is not None:
            task.id = task_id
        if done is not None:
            task.done_on, task.done_by = done
        session.add(task)
        return task


def update(ws: "OpenVault", task_id: uuid.UUID, **fields: Any) -> Task:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")  # a programming slip
    if "title" in fields:
        fields["title"] = _title(fields["title"])
    with ws.session() as session:
        task = _get(session, task_id)
        for key, value in fields.items():
            setattr(task, key, value)
        session.add(task)
        return task


def complete(ws: "OpenVault", task_id: uuid.UUID, on: date | None = None) -> Task:
    """Mark a task done today (or ``on``), by this caseworker."""
    with ws.session() as session:
        task = _get(session, task_id)
        task.done_on = on or date.today()
        task.done_by = ws.actor
        session.add(task)
        return task


def reopen(ws: "OpenVault", task_id: uuid.UUID) -> Task:
    """Still to do after all (or a "Done" undone)."""
    with ws.session() as session:
        task = _get(session, task_id)
        task.done_on, task.done_by = None, ""
        session.add(task)
        return task


def delete(ws: "OpenVault", task_id: uuid.UUID) -> None:
    with ws.session() as session:
        session.delete(_get(session, task_id))


def get(ws: "OpenVault", task_id: uuid.UUID | str) -> Task:
    """A task by its id, or by the first characters of it as the CLI prints (at least 4)."""
    with ws.reading() as session:
        if isinstance(task_id, uuid.UUID):
            return _get(session, task_id)
        wanted = task_id.strip().lower().replace("-", "")
        if len(wanted) < 4 or any(c not in "0123456789abcdef" for c in wanted):
            raise InvalidInput(
                translate("services", "A task number is the 8 characters `tasks` prints.")
            )
        found = [t for t in session.exec(select(Task)) if t.id.hex.startswith(wanted)]
        if len(found) != 1:
            raise NotFound(
                translate("services", "There is no task {id}.").format(id=task_id)
                if not found
                else translate("services", "Several tasks begin with {id}: type more.").format(
                    id=task_id
                )
            )
        return found[0]


def _order(task: Task) -> tuple[bool, bool, date, Any]:
    """Open before done, dated before undated, soonest first, then as entered."""
    return (
        task.done_on is not None,
        task.due_on is None,
        task.due_on or date.max,
        task.created_at,
    )


def for_case(ws: "OpenVault", ref_or_id: str | uuid.UUID, *, done: bool = True) -> list[Task]:
    """A case's tasks: open ones first by due day, then (``done``) the done ones."""
    with ws.reading() as session:
        case = get_case(session, ref_or_id)
        stmt = select(Task).where(Task.case_id == case.id)
        if not done:
            stmt = stmt.where(col(Task.done_on).is_(None))
        return sorted(session.exec(stmt), key=_order)


def rows(
    ws: "OpenVault", *, case: str | uuid.UUID | None = None, done: bool = False
) -> list[TaskRow]:
    """Tasks across cases (or of one case) with the case's reference and name, soonest first."""
    with ws.reading() as session:
        stmt = select(Task, Case.ref, Case.full_name).join(Case, col(Case.id) == Task.case_id)
        if case is not None:
            stmt = stmt.where(Task.case_id == get_case(session, case).id)
        if not done:
            stmt = stmt.where(col(Task.done_on).is_(None))
        found = [TaskRow(task, ref, name) for task, ref, name in session.exec(stmt)]
    return sorted(found, key=lambda r: (*_order(r.task), r.case_ref))


def due_tasks(ws: "OpenVault", as_of: date) -> DueTasks:
    """Open tasks due before ``as_of`` (overdue) and from it to six days after (this week).

    Tasks without a day are not "due"; done tasks never are.
    """
    with ws.reading() as session:
        stmt = (
            select(Task, Case.ref, Case.full_name)
            .join(Case, col(Case.id) == Task.case_id)
            .where(col(Task.done_on).is_(None), col(Task.due_on) <= week_end(as_of))
        )
        found = [TaskRow(task, ref, name) for task, ref, name in session.exec(stmt)]
    found.sort(key=lambda r: (*_order(r.task), r.case_ref))
    return DueTasks(
        overdue=[r for r in found if r.overdue(as_of)],
        this_week=[r for r in found if not r.overdue(as_of)],
    )


def assignee_names(ws: "OpenVault") -> list[str]:
    """Names to offer for "who does it": this caseworker's own, then the vault's caseworkers
    and earlier assignees, alphabetically."""
    with ws.reading() as session:
        known = set(session.exec(select(Case.caseworker).distinct()))
        known |= set(session.exec(select(Task.assignee).distinct()))
    known.discard("")
    own = ws.actor.strip()
    known.discard(own)
    return ([own] if own else []) + sorted(known, key=str.casefold)
