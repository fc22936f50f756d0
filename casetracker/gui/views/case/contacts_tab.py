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
from casetracker.gui.views.case.debrief_tab import seen_by_text
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model import ContactEvent
from casetracker.services.contacts import contact_when
from casetracker.services.debrief import witness_labels
from casetracker.services.uncertain_dates import describe


class ContactsTab(CaseTab):
    log_requested = Signal()

    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, case_id, parent)
        self._witnesses: dict[uuid.UUID, str] = {}
        direct = self.tr("Yes — proof of life")
        second = self.tr("No — second-hand")
        self.table: RecordTable[ContactEvent] = RecordTable(
            [
                Column(
                    self.tr("When"),
                    lambda e: (
                        describe(when)
                        if (when := contact_when(e))
                        else contact_time_text(e.occurred_at, e.time_known)
                    ),
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
                Column(self.tr("Who"), self._who, tooltip=self._who),
                Column(self.tr("Note"), lambda e: e.note, tooltip=lambda e: e.note),
            ],
            self,
            whole_columns=(4,),  # "seen by CT-0042 — his name (debrief)" is read whole
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
        contacts = self.session.ws.contacts.for_case(self.case_id)
        self._witnesses = witness_labels(self.session.ws, {e.witness_case_id for e in contacts})
        self.table.set_records(contacts)

    def _who(self, event: ContactEvent) -> str:
        """Who spoke with whom; for a debrief's report, whose ("seen by CT-0042 — name")."""
        witness = self._witnesses.get(event.witness_case_id) if event.witness_case_id else None
        seen = seen_by_text(witness) if witness else ""
        return " · ".join(part for part in (seen, event.participants) if part)

    def clear(self) -> None:
        self.table.clear()

    def delete_selected(self) -> None:
        event = self.table.current_record()
        if event is not None:
            DeleteContact(self.session, event).execute_here(self)
