"""A task on a case: what to do, by when, who does it, and a note ("call the father on Friday").

"Who" is free text, as colleagues call each other; it offers this caseworker's own name and
the names the vault already knows. The due day may be in the future (that is the point) and
may stay empty: a task without a day is never "due" on Today.
"""

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QPlainTextEdit, QWidget

from casetracker.gui.dialogs.form_dialog import FormDialog
from casetracker.gui.undo_commands import changed_fields
from casetracker.gui.undo_task_commands import AddTask, EditTask
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.optional_date_edit import OptionalDateEdit
from casetracker.model import Task
from casetracker.services import tasks


class TaskDialog(FormDialog):
    def __init__(
        self,
        session: VaultSession,
        case_id: uuid.UUID,
        task: Task | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("New task") if task is None else self.tr("Edit task"),
            self.tr("Add task") if task is None else self.tr("Save"),
            460,
            parent,
        )
        self.session, self.case_id, self.task = session, case_id, task
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("e.g. call the father on Friday"))
        self.title.setAccessibleName(self.tr("What to do"))
        self.due = OptionalDateEdit(self, future=True)
        self.due.edit.setPlaceholderText(self.tr("no day"))
        self.due.edit.setAccessibleName(self.tr("Due"))
        self.assignee = QLineEdit(self)
        self.assignee.setAccessibleName(self.tr("Who does it"))
        names = tasks.assignee_names(session.ws)
        if names:
            self.assignee.setPlaceholderText(self.tr("e.g. %1").replace("%1", names[0]))
        completer = QCompleter(names, self.assignee)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.assignee.setCompleter(completer)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        self.note.setAccessibleName(self.tr("Note"))
        if task is not None:
            self.title.setText(task.title)
            self.due.set_value(task.due_on)
            self.assignee.setText(task.assignee)
            self.note.setPlainText(task.note)
        self.form.addRow(self.tr("What to do"), self.title)
        self.form.addRow(self.tr("Due"), self.due)
        self.form.addRow(self.tr("Who does it"), self.assignee)
        self.form.addRow(self.tr("Note"), self.note)
        self.ok_when(lambda: bool(self.title.text().strip()), self.title.textChanged)

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text().strip(),
            "due_on": self.due.value(),
            "assignee": self.assignee.text().strip(),
            "note": self.note.toPlainText().strip(),
        }

    def save(self) -> None:
        values = self.values()
        if self.task is None:
            title = values.pop("title")
            AddTask(self.session, self.case_id, title=title, **values).execute()
        else:
            new, old = changed_fields(self.task, values)
            if new:
                EditTask(self.session, self.task.id, new, old).execute()
