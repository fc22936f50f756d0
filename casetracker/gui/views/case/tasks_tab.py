"""Tasks: what is still to do for this man, soonest first; done ones stay below, greyed.

Everything works from the keyboard: Insert (or "New task…") adds one, Enter opens the selected
one to edit, Ctrl+D marks it done (again: to do), Delete removes it; Ctrl+Z undoes each.
"""

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from casetracker.gui import style
from casetracker.gui.dialogs.task_dialog import TaskDialog
from casetracker.gui.locale_format import date_text
from casetracker.gui.models.column_table import Column
from casetracker.gui.task_words import due_text
from casetracker.gui.undo_task_commands import DeleteTask, SetTaskDone
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.case.case_tab import CaseTab
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model import Task
from casetracker.rules.flag import Severity
from casetracker.services import tasks


class TasksTab(CaseTab):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, case_id, parent)
        self.table: RecordTable[Task] = RecordTable(
            [
                Column(
                    self.tr("Due"),
                    lambda t: due_text(t, date.today()),
                    sort=lambda t: f"{t.done_on is not None:d}{t.due_on or '9999'}",
                    foreground=self._colour,
                ),
                Column(self.tr("What to do"), lambda t: t.title, foreground=self._colour),
                Column(self.tr("Who does it"), lambda t: t.assignee),
                Column(
                    self.tr("Done"),
                    lambda t: self._done_text(t),
                    sort=lambda t: t.done_on.isoformat() if t.done_on else "",
                ),
                Column(self.tr("Note"), lambda t: t.note, tooltip=lambda t: t.note),
            ],
            self,
            stretch_column=1,
        )
        self.table.setAccessibleName(self.tr("Tasks"))
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # to do by day, then done
        self.table.activated_record.connect(self.edit)
        self.table.selected_record.connect(lambda _t: self._enable())
        self.new_button = QPushButton(self.tr("New task…"), self)
        self.new_button.setToolTip(self.tr("Add a task (Insert)"))
        style.set_role(self.new_button, "primary")
        self.new_button.clicked.connect(self.add)
        self.done_button = QPushButton(self.tr("Done"), self)
        self.done_button.setToolTip(self.tr("Mark the selected task done (Ctrl+D)"))
        self.done_button.clicked.connect(self.toggle_done)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(lambda: self.edit(self.table.current_record()))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setToolTip(self.tr("Delete the selected task (Ctrl+Z brings it back)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.empty = QLabel(self.tr("No tasks for this case yet."), self)
        style.set_role(self.empty, "hint")
        buttons = QHBoxLayout()
        for button in (self.new_button, self.done_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Insert), self.add),
            (QKeySequence("Ctrl+D"), self.toggle_done),
            (QKeySequence(QKeySequence.StandardKey.Delete), self.delete_selected),
        ):
            action = QAction(self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self._enable()

    def _colour(self, task: Task) -> QColor | None:
        if task.done_on is not None:
            return style.MUTED
        if tasks.is_overdue(task, date.today()):
            return style.SEVERITY_FOREGROUND.get(Severity.CRITICAL)
        return None

    def _done_text(self, task: Task) -> str:
        if task.done_on is None:
            return ""
        who = f" — {task.done_by}" if task.done_by else ""
        return date_text(task.done_on) + who

    def refresh(self) -> None:
        records = tasks.for_case(self.session.ws, self.case_id)
        self.table.replace_records(records, key=lambda t: t.id, empty=self.empty)
        self._enable()

    def clear(self) -> None:
        self.table.clear()

    def _enable(self) -> None:
        task = self.table.current_record()
        for button in (self.done_button, self.edit_button, self.delete_button):
            button.setEnabled(task is not None)
        self.done_button.setText(
            self.tr("Not done after all") if task and task.done_on else self.tr("Done")
        )

    def add(self) -> None:
        TaskDialog(self.session, self.case_id, None, self).exec()

    def edit(self, task: Task | None) -> None:
        if task is not None:
            TaskDialog(self.session, self.case_id, task, self).exec()

    def toggle_done(self) -> None:
        task = self.table.current_record()
        if task is not None:
            SetTaskDone(self.session, task, task.done_on is None).execute_here(self)

    def delete_selected(self) -> None:
        task = self.table.current_record()
        if task is not None:
            DeleteTask(self.session, task).execute_here(self)
