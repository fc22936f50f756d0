"""Requests: every request still awaiting its reply, across all cases, the most overdue first.

A morning look at which official bodies owe an answer; double-click (or Enter) opens the case
on its Requests tab, where the reply is recorded and the row leaves this list.
"""

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from casetracker.gui import style
from casetracker.gui.locale_format import date_text
from casetracker.gui.models.column_table import Column
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.request_words import lateness_text
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model.request_labels import request_kind_label
from casetracker.rules.flag import Severity
from casetracker.services import requests
from casetracker.services.requests import OpenRequest


class RequestsView(QWidget):
    # A case to open on its Requests tab.
    case_activated = Signal(object)  # uuid.UUID

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        title = QLabel(self.tr("Requests awaiting a reply"), self)
        style.set_role(title, "title")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        style.set_role(self.summary, "hint")
        self.table: RecordTable[OpenRequest] = RecordTable(
            [
                Column(
                    self.tr("Reply due"),
                    lambda r: date_text(r.due),
                    sort=lambda r: r.due.isoformat(),
                    foreground=self._colour,
                ),
                Column(
                    self.tr("Late"),
                    lambda r: lateness_text(r.due, r.days_late, with_day=False),
                    sort=lambda r: -r.days_late,
                    foreground=self._colour,
                ),
                Column(self.tr("Case"), lambda r: r.case_ref),
                Column(self.tr("Name"), lambda r: r.full_name),
                Column(self.tr("To whom"), self._body, tooltip=lambda r: r.addressee),
                Column(
                    self.tr("Sent"),
                    self._sent,
                    sort=lambda r: r.sent_on.isoformat(),
                ),
            ],
            self,
            stretch_column=4,
        )
        self.table.setAccessibleName(self.tr("Requests awaiting a reply"))
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.activated_record.connect(self._open)
        self.empty = QLabel(
            self.tr(
                "No request is awaiting a reply. Requests are recorded in each case's Requests tab."
            ),
            self,
        )
        self.empty.setWordWrap(True)
        style.set_role(self.empty, "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def _body(self, row: OpenRequest) -> str:
        return row.addressee or request_kind_label(row.kind)

    def _sent(self, row: OpenRequest) -> str:
        if not row.outgoing_number:
            return date_text(row.sent_on)
        return (
            self.tr("%1, No. %2")
            .replace("%1", date_text(row.sent_on))
            .replace("%2", row.outgoing_number)
        )

    def _colour(self, row: OpenRequest) -> QColor | None:
        if row.days_late > 0:
            return style.SEVERITY_FOREGROUND.get(Severity.CRITICAL)
        return None

    def _open(self, row: OpenRequest | None) -> None:
        if row is not None:
            self.case_activated.emit(row.case_id)

    def set_session(self, session: VaultSession | None) -> None:
        self.session = session
        if session is None:
            self.table.clear()
            self.summary.clear()
        else:
            self.refresh()

    def refresh(self) -> None:
        if self.session is None or not self.session.is_open:
            return
        rows = requests.open_requests(self.session.ws, date.today())
        self.table.replace_records(rows, key=lambda r: r.id, empty=self.empty)
        late = sum(1 for r in rows if r.days_late > 0)
        self.summary.setText(
            self.tr("%n request(s) awaiting a reply", "", len(rows))
            + " · "
            + self.tr("%n past the deadline", "", late)
        )
