"""Today's tasks: those overdue (in red, first) and those due in the next 7 days, across cases.

Sits under the flags on Today. With nothing due it is one short line, not an empty box.
Double-click or Enter opens the case on its Tasks tab; "Done" (Ctrl+D) marks the selected
task done and it leaves the list (Ctrl+Z brings it back).
"""

import uuid
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from casetracker.gui import style
from casetracker.gui.models.column_table import Column
from casetracker.gui.task_words import due_text
from casetracker.gui.undo_task_commands import SetTaskDone
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.rules.flag import Severity
from casetracker.services import tasks
from casetracker.services.tasks import TaskRow

# Rows shown before the list scrolls: the flags above keep most of the height.
MAX_ROWS = 6


class TodayTasks(QFrame):
    # A task's case, to open on its Tasks tab.
    case_activated = Signal(object)  # uuid.UUID

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        self.today = date.today()
        self.heading = QLabel(self.tr("Tasks"), self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)  # 200 % and long translations: two lines, not wider
        style.set_role(self.summary, "subtitle")
        self.done_button = QPushButton(self.tr("Done"), self)
        self.done_button.setToolTip(self.tr("Mark the selected task done (Ctrl+D)"))
        self.done_button.clicked.connect(self.done_selected)
        self.open_button = QPushButton(self.tr("Open case"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.table: RecordTable[TaskRow] = RecordTable(
            [
                Column(
                    self.tr("Due"),
                    lambda r: due_text(r.task, self.today, with_day=False),
                    sort=lambda r: f"{r.task.due_on}{r.case_ref}",
                    tooltip=lambda r: due_text(r.task, self.today),
                    foreground=self._colour,
                ),
                Column(self.tr("Case"), lambda r: r.case_ref),
                Column(self.tr("Name"), lambda r: r.case_name),
                Column(
                    self.tr("What to do"),
                    lambda r: r.task.title,
                    tooltip=lambda r: "\n".join(filter(None, (r.task.title, r.task.note))),
                ),
                Column(self.tr("Who does it"), lambda r: r.task.assignee),
            ],
            self,
            whole_columns=(0, 1, 2),
            stretch_column=3,
        )
        self.table.setAccessibleName(self.tr("Tasks due"))
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # overdue first, soonest next
        self.table.activated_record.connect(lambda _r: self.open_selected())
        self.table.selected_record.connect(self._selected)
        done = QAction(self)
        done.setShortcut(QKeySequence("Ctrl+D"))
        done.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        done.triggered.connect(self.done_selected)
        self.addAction(done)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.summary, 1)
        top.addWidget(self.done_button)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._selected(None)

    def _colour(self, row: TaskRow) -> QColor | None:
        return style.SEVERITY_FOREGROUND.get(Severity.CRITICAL) if row.overdue(self.today) else None

    def set_session(self, session: VaultSession | None) -> None:
        self.session = session
        if session is None:
            self.table.clear()
            self.summary.clear()
        else:
            self.refresh()

    def refresh(self) -> bool:
        """Reload; whether any task is due (the list is shown only then)."""
        if self.session is None or not self.session.is_open:
            return False
        self.today = date.today()
        due = tasks.due_tasks(self.session.ws, self.today)
        self.table.replace_records(due.overdue + due.this_week, key=lambda r: r.task.id)
        if not due:
            self.summary.setText(self.tr("none overdue or due in the next 7 days"))
        else:
            self.summary.setText(
                " · ".join(
                    (
                        self.tr("%n overdue", "", len(due.overdue)),
                        self.tr("%n due in the next 7 days", "", len(due.this_week)),
                    )
                )
            )
        for widget in (self.table, self.done_button, self.open_button):
            widget.setVisible(bool(due))
        self._fit_height(len(due.overdue) + len(due.this_week))
        self._selected(self.table.current_record())
        return bool(due)

    def _fit_height(self, rows: int) -> None:
        """As tall as its rows (up to MAX_ROWS, then it scrolls): no empty box under them."""
        shown = max(1, min(rows, MAX_ROWS))
        frame = 2 * self.table.frameWidth()
        header = self.table.horizontalHeader().sizeHint().height()
        scrollbar = self.table.horizontalScrollBar().sizeHint().height()
        row = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(frame + header + shown * row + scrollbar)

    def _selected(self, row: TaskRow | None) -> None:
        self.done_button.setEnabled(row is not None)
        self.open_button.setEnabled(row is not None)

    def selected_case(self) -> uuid.UUID | None:
        row = self.table.current_record()
        return row.task.case_id if row else None

    def open_selected(self) -> None:
        case_id = self.selected_case()
        if case_id is not None:
            self.case_activated.emit(case_id)

    def done_selected(self) -> None:
        row = self.table.current_record()
        if row is not None and self.session is not None:
            SetTaskDone(self.session, row.task, True).execute_here(self)
