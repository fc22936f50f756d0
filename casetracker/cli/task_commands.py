"""Commands about tasks: list them, add one to a case, mark one done (or not done after all)."""

import json
from argparse import Namespace
from datetime import date
from pathlib import Path

from casetracker.cli.output import out
from casetracker.cli.parsing import Subcommands, date_option
from casetracker.cli.vault_commands import open_workspace
from casetracker.i18n import format_date, translate
from casetracker.services import tasks
from casetracker.services.tasks import TaskRow

# Characters of a task's id the list prints and `task-done` takes.
SHORT_ID = 8


def add_commands(sub: Subcommands) -> None:
    p = sub.add_parser("tasks", help=translate("cli", "list the tasks still to do, soonest first"))
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("--case", help=translate("cli", "only the tasks of this case, e.g. CT-0042"))
    p.add_argument("--all", action="store_true", help=translate("cli", "the done tasks too"))
    p.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    p.set_defaults(func=cmd_tasks)

    p = sub.add_parser("task-add", help=translate("cli", "add a task to a case"))
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("case", help=translate("cli", "case reference, e.g. CT-0042"))
    p.add_argument("title", help=translate("cli", 'what to do, e.g. "call the father"'))
    p.add_argument("--due", help=translate("cli", "the day it is due, DD.MM.YYYY or YYYY-MM-DD"))
    p.add_argument("--assignee", default="", help=translate("cli", "who does it"))
    p.add_argument("--note", default="", help=translate("cli", "more about it, in a few words"))
    p.set_defaults(func=cmd_task_add)

    p = sub.add_parser("task-done", help=translate("cli", "mark a task done"))
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("id", help=translate("cli", "the task's number as `tasks` prints it"))
    p.add_argument(
        "--undo", action="store_true", help=translate("cli", "it is still to do after all")
    )
    p.set_defaults(func=cmd_task_done)


def when_text(row: TaskRow, today: date) -> str:
    """Its due day and, in words, where it stands: done, overdue, this week."""
    task = row.task
    if task.done_on is not None:
        return translate("cli", "done {day}").format(day=format_date(task.done_on))
    due = format_date(task.due_on) if task.due_on else translate("cli", "no due day")
    if row.overdue(today):
        return translate("cli", "{day}, overdue").format(day=due)
    if task.due_on is not None and task.due_on <= tasks.week_end(today):
        return translate("cli", "{day}, in the next 7 days").format(day=due)
    return due


def cmd_tasks(args: Namespace) -> int:
    today = date.today()
    with open_workspace(args) as ws:
        rows = tasks.rows(ws, case=args.case, done=args.all)
    if args.json:
        out(json.dumps([_json(r, today) for r in rows], ensure_ascii=False, indent=2))
        return 0
    whens = [when_text(r, today) for r in rows]
    width = max(map(len, whens), default=0)
    for row, when in zip(rows, whens, strict=True):
        who = f"  ({row.task.assignee})" if row.task.assignee else ""
        out(
            f"{row.task.id.hex[:SHORT_ID]}  {row.case_ref:<9} {when:<{width}}  "
            f"{row.task.title}{who}"
        )
    out(translate("cli", "{n} task(s)").format(n=len(rows)))
    return 0


def _json(row: TaskRow, today: date) -> dict[str, object]:
    task = row.task
    return {
        "id": str(task.id),
        "case_ref": row.case_ref,
        "title": task.title,
        "note": task.note or None,
        "assignee": task.assignee or None,
        "due_on": task.due_on.isoformat() if task.due_on else None,
        "overdue": row.overdue(today),
        "done_on": task.done_on.isoformat() if task.done_on else None,
        "done_by": task.done_by or None,
    }


def cmd_task_add(args: Namespace) -> int:
    due = date_option("--due", args.due, future=True) if args.due else None
    with open_workspace(args) as ws:
        task = tasks.add(
            ws, args.case, args.title, note=args.note, assignee=args.assignee, due_on=due
        )
    out(
        translate("cli", "Task {id} added to {ref}.").format(
            id=task.id.hex[:SHORT_ID], ref=args.case.strip().upper()
        )
    )
    return 0


def cmd_task_done(args: Namespace) -> int:
    with open_workspace(args) as ws:
        task = tasks.get(ws, args.id)
        if args.undo:
            tasks.reopen(ws, task.id)
            message = translate("cli", "Task {id} is to do again: {title}")
        else:
            tasks.complete(ws, task.id)
            message = translate("cli", "Task {id} done: {title}")
    out(message.format(id=task.id.hex[:SHORT_ID], title=task.title))
    return 0
