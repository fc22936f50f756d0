"""Requests: what was asked of which official body about this man, and what came back.

Newest sent first; a request past its reply deadline is shown red with the days late. From
the keyboard: Insert (or "New request…") adds one, Enter edits the selected one, Ctrl+R records
its reply (with a scan), Delete removes it; Ctrl+Z undoes each. "Write a letter…" fills a
letter from the case and the selected request.
"""

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from casetracker.gui import style
from casetracker.gui.dialogs.letter_dialog import LetterDialog
from casetracker.gui.dialogs.request_dialog import RequestDialog
from casetracker.gui.locale_format import date_text
from casetracker.gui.models.column_table import Column
from casetracker.gui.undo_request_commands import DeleteRequest
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.case.case_tab import CaseTab
from casetracker.gui.views.request_words import lateness_text
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model.request_labels import reply_outcome_label, request_kind_label
from casetracker.model.requests import ReplyOutcome, Request, RequestKind
from casetracker.rules.flag import Severity
from casetracker.rules.request_facts import due_on
from casetracker.services import requests


class RequestsTab(CaseTab):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, case_id, parent)
        self.reply_days: dict[RequestKind, int] = {}
        self.table: RecordTable[Request] = RecordTable(
            [
                Column(
                    self.tr("Sent"),
                    lambda r: date_text(r.sent_on),
                    sort=lambda r: r.sent_on.isoformat(),
                ),
                Column(self.tr("To whom"), self._body, tooltip=lambda r: r.addressee),
                Column(self.tr("Our No."), lambda r: r.outgoing_number),
                Column(
                    self.tr("Reply"),
                    self._state,
                    sort=lambda r: (r.replied_on or date.max).isoformat(),
                    foreground=self._colour,
                    tooltip=lambda r: r.reply_text,
                ),
                Column(self.tr("What was asked"), lambda r: r.note, tooltip=lambda r: r.note),
            ],
            self,
            stretch_column=4,
        )
        self.table.setAccessibleName(self.tr("Requests"))
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.activated_record.connect(self.edit)
        self.table.selected_record.connect(lambda _r: self._enable())
        self.new_button = QPushButton(self.tr("New request…"), self)
        self.new_button.setToolTip(self.tr("Record a request sent to an official body (Insert)"))
        style.set_role(self.new_button, "primary")
        self.new_button.clicked.connect(self.add)
        self.reply_button = QPushButton(self.tr("Record reply…"), self)
        self.reply_button.setToolTip(self.tr("Record the reply and attach its scan (Ctrl+R)"))
        self.reply_button.clicked.connect(self.record_reply)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(lambda: self.edit(self.table.current_record()))
        self.letter_button = QPushButton(self.tr("Write a letter…"), self)
        self.letter_button.setToolTip(self.tr("A letter filled from the case and this request"))
        self.letter_button.clicked.connect(self.write_letter)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setToolTip(
            self.tr("Delete the selected request (Ctrl+Z brings it back)")
        )
        self.delete_button.clicked.connect(self.delete_selected)
        self.empty = QLabel(
            self.tr(
                "No requests yet. Record each letter or appeal sent to a prosecutor, "
                "investigators, a commander, a court, the ombudsman, the Red Cross or a "
                "hospital: a reply that does not come in time is flagged."
            ),
            self,
        )
        self.empty.setWordWrap(True)
        style.set_role(self.empty, "hint")
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.reply_button,
            self.edit_button,
            self.letter_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Insert), self.add),
            (QKeySequence("Ctrl+R"), self.record_reply),
            (QKeySequence(QKeySequence.StandardKey.Delete), self.delete_selected),
        ):
            action = QAction(self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self._enable()

    # -- what a row says ------------------------------------------------------------------------
    def _body(self, request: Request) -> str:
        return request.addressee or request_kind_label(request.kind)

    def _due(self, request: Request) -> date:
        return due_on(request.sent_on, self.reply_days.get(request.kind, 30))

    def _state(self, request: Request) -> str:
        if request.replied_on is not None and request.reply_outcome is not None:
            return (
                self.tr("%1: %2")
                .replace("%1", date_text(request.replied_on))
                .replace("%2", reply_outcome_label(request.reply_outcome))
            )
        if request.closed:
            return self.tr("closed without a reply")
        due = self._due(request)
        return lateness_text(due, (date.today() - due).days)

    def _colour(self, request: Request) -> QColor | None:
        if request.closed:
            return style.MUTED
        if request.reply_outcome == ReplyOutcome.REFUSED:
            return style.SEVERITY_FOREGROUND.get(Severity.WARNING)
        if request.replied_on is None and date.today() > self._due(request):
            return style.SEVERITY_FOREGROUND.get(Severity.CRITICAL)
        return None

    # -- refresh --------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.reply_days = requests.reply_days(self.session.ws)
        records = requests.for_case(self.session.ws, self.case_id)
        self.table.replace_records(records, key=lambda r: r.id, empty=self.empty)
        self._enable()

    def clear(self) -> None:
        self.table.clear()

    def _enable(self) -> None:
        request = self.table.current_record()
        for button in (self.reply_button, self.edit_button, self.delete_button):
            button.setEnabled(request is not None)
        self.reply_button.setText(
            self.tr("Edit reply…") if request and request.replied_on else self.tr("Record reply…")
        )

    # -- actions --------------------------------------------------------------------------------
    def add(self) -> None:
        RequestDialog(self.session, self.case_id, None, self).exec()

    def edit(self, request: Request | None) -> None:
        if request is not None:
            RequestDialog(self.session, self.case_id, request, self).exec()

    def record_reply(self) -> None:
        request = self.table.current_record()
        if request is not None:
            RequestDialog(self.session, self.case_id, request, self, reply=True).exec()

    def write_letter(self) -> LetterDialog:
        request = self.table.current_record()
        dialog = LetterDialog(
            self.session, self.case_id, self, request_id=request.id if request else None
        )
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        request = self.table.current_record()
        if request is not None:
            DeleteRequest(self.session, request).execute_here(self)
