"""Change a case's status, with the day it happened and where we learnt it (kept in history)."""

import uuid

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from casetracker.gui.error_messages import error_text
from casetracker.gui.labels import status_label
from casetracker.gui.undo_commands import SetStatus
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import EnumCombo, dialog_buttons, error_label, show_message
from casetracker.gui.widgets.optional_date_edit import dates_ready
from casetracker.gui.widgets.uncertain_date_edit import UncertainDateEdit
from casetracker.model import CaseStatus


class StatusDialog(QDialog):
    def __init__(
        self,
        session: VaultSession,
        case_id: uuid.UUID,
        current: CaseStatus,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.case_id = session, case_id
        self.setWindowTitle(self.tr("Change status"))
        self.setMinimumWidth(440)
        self.status = EnumCombo(CaseStatus, status_label, self)
        self.status.set_value(current)
        self.on = UncertainDateEdit(self)
        self.on.edit.setPlaceholderText(self.tr("the day it changed, or e.g. July 2024"))
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(self.tr("How we know, e.g. the father's call"))
        form = QFormLayout()
        form.addRow(self.tr("New status"), self.status)
        form.addRow(self.tr("Since"), self.on)
        form.addRow(self.tr("Source"), self.source)
        self.message = error_label(self)
        buttons, _ok = dialog_buttons(self, self.tr("Change status"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def submit(self) -> None:
        if not dates_ready(self.on):
            return
        on = self.on.value()
        if on is None:
            show_message(self.message, self.tr("Type the day the status changed."))
            self.on.setFocus()
            return
        command = SetStatus(
            self.session,
            self.case_id,
            self.status.value(),
            on,
            self.source.text().strip(),
        )
        try:
            command.execute()
        except Exception as exc:
            show_message(self.message, error_text(exc))
            return
        self.accept()
