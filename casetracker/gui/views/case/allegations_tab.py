"""Allegations: torture, forced labour, threats… with date, description and source."""

import uuid

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from casetracker.gui.dialogs.allegation_dialog import AllegationDialog
from casetracker.gui.labels import allegation_label
from casetracker.gui.locale_format import date_text
from casetracker.gui.models.column_table import Column
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.case.case_tab import CaseTab
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model import Allegation
from casetracker.services.uncertain_dates import describe_columns


class AllegationsTab(CaseTab):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, case_id, parent)
        self._sources: dict[uuid.UUID, str] = {}
        self.table: RecordTable[Allegation] = RecordTable(
            [
                Column(
                    self.tr("When"),
                    lambda a: describe_columns(a, "occurred_on") or date_text(None),
                    sort=lambda a: a.occurred_on.isoformat() if a.occurred_on else "",
                ),
                Column(self.tr("What"), lambda a: allegation_label(a.kind)),
                Column(
                    self.tr("Description"), lambda a: a.description, tooltip=lambda a: a.description
                ),
                Column(
                    self.tr("Source"),
                    lambda a: self._sources.get(a.source_id, "") if a.source_id else "",
                ),
            ],
            self,
        )
        self.table.setAccessibleName(self.tr("Allegations"))
        self.add_button = QPushButton(self.tr("Add an allegation…"), self)
        self.add_button.clicked.connect(self.add)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        ws = self.session.ws
        self._sources = {s.id: s.title for s in ws.evidence.source_rows()}
        self.table.set_records(ws.evidence.allegations_for_case(self.case_id))

    def clear(self) -> None:
        self._sources = {}
        self.table.clear()

    def add(self) -> None:
        AllegationDialog(self.session, self.case_id, self).exec()
