"""An allegation (torture, forced labour, threats…) about a case, with its date and source."""

import uuid

from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from casetracker.gui.dialogs.form_dialog import FormDialog
from casetracker.gui.labels import allegation_label
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import EnumCombo
from casetracker.gui.widgets.uncertain_date_edit import UncertainDateEdit
from casetracker.model import AllegationKind


class AllegationDialog(FormDialog):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Add an allegation"), self.tr("Add"), 460, parent)
        self.session, self.case_id = session, case_id
        self.kind = EnumCombo(AllegationKind, allegation_label, self)
        self.occurred_on = UncertainDateEdit(self)
        self.description = QPlainTextEdit(self)
        self.description.setFixedHeight(80)
        self.description.setTabChangesFocus(True)
        self.source = QComboBox(self)
        self.source.addItem(self.tr("No source yet"), None)
        for source in session.ws.evidence.sources_for_case(case_id):
            self.source.addItem(source.title, source.id)
        self.form.addRow(self.tr("What"), self.kind)
        self.form.addRow(self.tr("When"), self.occurred_on)
        self.form.addRow(self.tr("Description"), self.description)
        self.form.addRow(self.tr("Source"), self.source)

    def save(self) -> None:
        self.session.ws.evidence.add_allegation(
            self.kind.value(),
            [self.case_id],
            occurred_on=self.occurred_on.value(),
            description=self.description.toPlainText().strip(),
            source_id=self.source.currentData(),
        )
        self.session.committed()
