"""Undoable task actions and "seen by" reports, in the shape of ``undo_commands``.

Each ``do`` and ``undo_action`` is one service call, so the History shows both directions and
Ctrl+Z in any window of the vault takes a task action back like any other edit.
"""

import uuid
from datetime import date
from typing import Any

from casetracker.gui.undo_commands import ServiceCommand
from casetracker.gui.vault_session import VaultSession
from casetracker.i18n import translate
from casetracker.model import Channel, Task
from casetracker.services import debrief, tasks


class AddTask(ServiceCommand):
    def __init__(self, session: VaultSession, case_id: uuid.UUID, **fields: Any) -> None:
        super().__init__(session, translate("undo", "New task"))
        self.case_id, self.fields = case_id, fields
        self.task_id: uuid.UUID | None = None

    def do(self) -> None:
        task = tasks.add(self.session.ws, self.case_id, task_id=self.task_id, **self.fields)
        self.task_id = task.id

    def undo_action(self) -> None:
        if self.task_id is not None:
            tasks.delete(self.session.ws, self.task_id)


class EditTask(ServiceCommand):
    def __init__(
        self, session: VaultSession, task_id: uuid.UUID, new: dict[str, Any], old: dict[str, Any]
    ) -> None:
        super().__init__(session, translate("undo", "Edit task"))
        self.task_id, self.new, self.old = task_id, new, old

    def do(self) -> None:
        tasks.update(self.session.ws, self.task_id, **self.new)

    def undo_action(self) -> None:
        tasks.update(self.session.ws, self.task_id, **self.old)


class SetTaskDone(ServiceCommand):
    """Done (today, by this caseworker), or to do again; undo puts back what it was."""

    def __init__(self, session: VaultSession, task: Task, done: bool) -> None:
        text = translate("undo", "Task done") if done else translate("undo", "Task to do again")
        super().__init__(session, text)
        self.task_id, self.done = task.id, done
        self.was_on: date | None = task.done_on

    def do(self) -> None:
        self._set(self.done, None)

    def undo_action(self) -> None:
        self._set(self.was_on is not None, self.was_on)

    def _set(self, done: bool, on: date | None) -> None:
        if done:
            tasks.complete(self.session.ws, self.task_id, on)
        else:
            tasks.reopen(self.session.ws, self.task_id)


class DeleteTask(ServiceCommand):
    def __init__(self, session: VaultSession, task: Task) -> None:
        super().__init__(session, translate("undo", "Delete a task"))
        self.task = task

    def do(self) -> None:
        tasks.delete(self.session.ws, self.task.id)

    def undo_action(self) -> None:
        t = self.task
        tasks.add(
            self.session.ws,
            t.case_id,
            t.title,
            note=t.note,
            assignee=t.assignee,
            due_on=t.due_on,
            task_id=t.id,
            done=(t.done_on, t.done_by) if t.done_on is not None else None,
        )


class LogSeenBy(ServiceCommand):
    """A "seen by" report from a debrief, on the other man's case."""

    def __init__(
        self,
        session: VaultSession,
        witness: uuid.UUID,
        seen: uuid.UUID,
        on: date,
        channel: Channel,
        note: str,
    ) -> None:
        super().__init__(session, translate("undo", "Seen by (debrief)"))
        self.witness, self.seen, self.on, self.channel, self.note = witness, seen, on, channel, note
        self.event_id: uuid.UUID | None = None

    def do(self) -> None:
        event = debrief.log_seen_by(
            self.session.ws, self.witness, self.seen, self.on, channel=self.channel, note=self.note
        )
        self.event_id = event.id

    def undo_action(self) -> None:
        if self.event_id is not None:
            self.session.ws.contacts.delete(self.event_id)
