"""An allegation (torture, forced labour, threats…) about a case, with its date and source."""

import uuid

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QPlainTextEdit, QVBoxLayout, QWidget

from casetracker.gui.error_messages import error_text
from casetracker.gui.labels import allegation_label
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import EnumCombo, dialog_buttons, error_label, show_message
from casetracker.gui.widgets.optional_date_edit import dates_ready
from casetracker.gui.widgets.uncertain_date_edit import UncertainDateEdit
from casetracker.model import AllegationKind


class AllegationDialog(QDialog):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.case_id = session, case_id
        self.setWindowTitle(self.tr("Add an allegation"))
        self.setMinimumWidth(460)
        self.kind = EnumCombo(AllegationKind, allegation_label, self)
        self.occurred_on = UncertainDateEdit(self)
        self.description = QPlainTextEdit(self)
        self.description.setFixedHeight(80)
        self.description.setTabChangesFocus(True)
        self.source = QComboBox(self)
        self.source.addItem(self.tr("No source yet"), None)
        for source in session.ws.evidence.sources_for_case(case_id):
            self.source.addItem(source.title, source.id)
        form = QFormLayout()
        form.addRow(self.tr("What"), self.kind)
        form.addRow(self.tr("When"), self.occurred_on)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Source"), self.source)
        self.message = error_label(self)
        buttons, _ok = dialog_buttons(self, self.tr("Add"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def submit(self) -> None:
        if not dates_ready(self.occurred_on):
            return
        try:
            self.session.ws.evidence.add_allegation(
                self.kind.value(),
                [self.case_id],
                occurred_on=self.occurred_on.value(),
                description=self.description.toPlainText().strip(),
                source_id=self.source.currentData(),
            )
        except Exception as exc:
            show_message(self.message, error_text(exc))
            return
        self.session.committed()
        self.accept()
