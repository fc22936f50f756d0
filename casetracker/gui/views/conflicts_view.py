"""Conflicts: what two teammates changed differently before they synced, for a person to decide.

The team never chooses silently: the vault holds the value the server received first, and the
other waits here. For each line a caseworker keeps the current value or takes the waiting one
(`TeamService.resolve`); the decision is an edit like any other and closes the conflict on
every laptop at the next sync. Double-click (or Enter) opens the line's case.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlmodel import SQLModel

from casetracker.gui import style
from casetracker.gui.error_messages import error_text
from casetracker.gui.labels import field_label, field_value
from casetracker.gui.locale_format import EMPTY, datetime_text
from casetracker.gui.models.column_table import Column
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import error_label, show_message
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model import SyncConflict
from casetracker.model.labels import TABLE_KINDS, record_kind_label
from casetracker.services.errors import NotFound
from casetracker.services.history import local_time


@dataclass(frozen=True)
class ConflictLine:
    """One open conflict, in words."""

    id: uuid.UUID
    case_id: uuid.UUID | None
    case: str
    what: str
    current: str
    waiting: str
    whose: str
    when: str
    sort_when: str


class ConflictsView(QWidget):
    case_activated = Signal(object)  # uuid.UUID

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        title = QLabel(self.tr("Conflicts"), self)
        style.set_role(title, "title")
        intro = QLabel(
            self.tr(
                "Two members changed the same thing before they synced. Nothing was chosen for "
                "you: the vault holds the value the team's server received first, and the other "
                "waits here. Decide each line; your decision reaches everyone at the next sync."
            ),
            self,
        )
        intro.setWordWrap(True)
        style.set_role(intro, "hint")
        self.table: RecordTable[ConflictLine] = RecordTable(
            [
                Column(self.tr("Case"), lambda r: r.case),
                Column(self.tr("What"), lambda r: r.what),
                Column(self.tr("Current value"), lambda r: r.current, tooltip=lambda r: r.current),
                Column(self.tr("Waiting value"), lambda r: r.waiting, tooltip=lambda r: r.waiting),
                Column(self.tr("Whose value waits"), lambda r: r.whose),
                Column(self.tr("When"), lambda r: r.when, sort=lambda r: r.sort_when),
            ],
            self,
            stretch_column=3,
            whole_columns=(0,),
        )
        self.table.setAccessibleName(self.tr("Conflicts"))
        self.table.activated_record.connect(self._open)
        self.table.selected_record.connect(lambda _r: self._update_buttons())
        self.empty = QLabel(
            self.tr("Nothing to decide: no two changes of the team clash."),
            self,
        )
        self.empty.setWordWrap(True)
        style.set_role(self.empty, "ok")
        self.keep_button = QPushButton(self.tr("Keep the current value"), self)
        self.keep_button.setToolTip(
            self.tr("The vault keeps what it holds; the waiting value is dropped.")
        )
        self.keep_button.clicked.connect(lambda: self._decide(take_waiting=False))
        self.take_button = QPushButton(self.tr("Take the waiting value"), self)
        self.take_button.setToolTip(
            self.tr("The waiting value replaces the current one, for the whole team.")
        )
        self.take_button.clicked.connect(lambda: self._decide(take_waiting=True))
        self.message = error_label(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(1)  # the buttons at their own width, whether a message shows or not
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        # One of the two shows: the list, or (at the top, the space below it) the empty line.
        layout.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- filling ----------------------------------------------------------------------------
    def set_session(self, session: VaultSession | None) -> None:
        self.session = session
        if session is None:
            self.table.clear()
            self._update_buttons()
        else:
            self.refresh()

    def refresh(self) -> None:
        if self.session is None or not self.session.is_open:
            return
        ws = self.session.ws
        state = ws.team.state()
        me = state.role if state is not None else ""
        lines = [self._line(c, me) for c in ws.team.conflicts()] if state is not None else []
        self.table.replace_records(lines, key=lambda r: r.id, empty=self.empty)
        self._update_buttons()

    def _line(self, conflict: SyncConflict, me: str) -> ConflictLine:
        assert self.session is not None
        team = self.session.ws.team
        case_id = _uuid(conflict.case_id)
        kind = record_kind_label(conflict.entity)
        if conflict.kind == "field":
            label = field_label(conflict.field)
            what = label if conflict.entity == "case" else f"{kind}: {label}"
            current = value_words(conflict.entity, conflict.field, conflict.kept)
            waiting = value_words(conflict.entity, conflict.field, conflict.ours)
        else:
            what = kind
            current, waiting = self._row_words(conflict.kind)
        return ConflictLine(
            id=conflict.id,
            case_id=case_id,
            case=self._case_text(case_id),
            what=what,
            current=current,
            waiting=waiting,
            whose=self._whose(team.name_of(conflict.ours_by), mine=conflict.ours_by == me),
            when=datetime_text(local_time(conflict.created_at)),
            sort_when=conflict.created_at.isoformat(),
        )

    def _whose(self, name: str, *, mine: bool) -> str:
        if mine:
            return self.tr("%1 (you)").replace("%1", name) if name else self.tr("you")
        return name or EMPTY

    def _case_text(self, case_id: uuid.UUID | None) -> str:
        if case_id is None or self.session is None:
            return EMPTY
        try:
            case = self.session.ws.cases.get(case_id)
        except NotFound:
            return self.tr("(a deleted case)")
        return f"{case.ref} {case.full_name}"

    def _row_words(self, kind: str) -> tuple[str, str]:
        """(current, waiting) for a whole record deleted on one side, or not added."""
        if kind == "deleted_here":
            return self.tr("Still there, changed meanwhile"), self.tr("Deleted")
        if kind == "deleted_there":
            return self.tr("Deleted"), self.tr("Still there, with the changes")
        return self.tr("Not added: it no longer fits"), self.tr("Added")

    # -- deciding ---------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        chosen = self.table.current_record() is not None
        for button in (self.keep_button, self.take_button):
            button.setEnabled(chosen)
            button.setVisible(bool(self.table.records()))  # nothing to decide: no buttons

    def _decide(self, *, take_waiting: bool) -> None:
        line = self.table.current_record()
        if self.session is None or line is None:
            return
        try:
            self.session.ws.team.resolve(line.id, take_ours=take_waiting)
        except Exception as exc:
            show_message(self.message, error_text(exc))
            self.refresh()
            return
        show_message(self.message, "")
        self.session.committed()  # saved; this list, the case and the status bar show it

    def _open(self, line: ConflictLine | None) -> None:
        if line is not None and line.case_id is not None:
            self.case_activated.emit(line.case_id)


def value_words(table: str, name: str, stored: str) -> str:
    """A conflict's value (JSON of the SQLite value) as History words it: a status by its label,
    a yes/no field as yes or no (SQLite keeps 1 or 0), a date in the locale's format."""
    try:
        value = json.loads(stored) if stored else None
    except ValueError:
        return stored
    if isinstance(value, dict) and "b64" in value:
        return QCoreApplication.translate("ConflictsView", "(a file's content)")
    if isinstance(value, int) and _is_yes_no(table, name):
        value = bool(value)
    return field_value(TABLE_KINDS.get(table, table), name, value)


def _is_yes_no(table: str, name: str) -> bool:
    """Whether the model declares the field a bool (the tables' own description, no query)."""
    found = SQLModel.metadata.tables.get(table)
    column = found.columns.get(name) if found is not None else None
    try:
        return column is not None and column.type.python_type is bool
    except NotImplementedError:
        return False


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text) if text else None
    except ValueError:
        return None
