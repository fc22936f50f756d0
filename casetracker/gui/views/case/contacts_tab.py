"""Contacts: every time anyone heard from or about him, newest first; delete is undoable."""

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from casetracker.gui import style
from casetracker.gui.labels import channel_label
from casetracker.gui.locale_format import contact_time_text
from casetracker.gui.models.column_table import Column
from casetracker.gui.undo_commands import DeleteContact
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.case.case_tab import CaseTab
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model import ContactEvent


class ContactsTab(CaseTab):
    log_requested = Signal()

    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, case_id, parent)
        direct = self.tr("Yes — proof of life")
        second = self.tr("No — second-hand")
        self.table: RecordTable[ContactEvent] = RecordTable(
            [
                Column(
                    self.tr("When"),
                    lambda e: contact_time_text(e.occurred_at, e.time_known),
                    sort=lambda e: e.occurred_at.isoformat(),
                ),
                Column(self.tr("Channel"), lambda e: channel_label(e.channel)),
                Column(
                    self.tr("Heard him himself"),
                    lambda e: direct if e.direct else second,
                    foreground=lambda e: None if e.direct else style.MUTED,
                ),
                Column(
                    self.tr("Transfer"),
                    lambda e: self.tr("reported") if e.reports_transfer else "",
                ),
                Column(self.tr("Who"), lambda e: e.participants),
                Column(self.tr("Note"), lambda e: e.note, tooltip=lambda e: e.note),
            ],
            self,
        )
        self.table.setAccessibleName(self.tr("Contacts"))
        self.log_button = QPushButton(self.tr("Log a contact…"), self)
        style.set_role(self.log_button, "primary")
        self.log_button.clicked.connect(self.log_requested)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setToolTip(
            self.tr("Delete the selected contact (Ctrl+Z brings it back)")
        )
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        self.table.set_records(self.session.ws.contacts.for_case(self.case_id))

    def clear(self) -> None:
        self.table.clear()

    def delete_selected(self) -> None:
        event = self.table.current_record()
        if event is not None:
            DeleteContact(self.session, event).execute()
