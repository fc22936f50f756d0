"""Change a case's status, with the day it happened and where we learnt it (kept in history)."""

import uuid

from PySide6.QtWidgets import QLineEdit, QWidget

from casetracker.gui.dialogs.form_dialog import FormDialog
from casetracker.gui.labels import status_label
from casetracker.gui.undo_commands import SetStatus
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import EnumCombo
from casetracker.gui.widgets.uncertain_date_edit import UncertainDateEdit
from casetracker.model import CaseStatus


class StatusDialog(FormDialog):
    def __init__(
        self,
        session: VaultSession,
        case_id: uuid.UUID,
        current: CaseStatus,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Change status"), self.tr("Change status"), 440, parent)
        self.session, self.case_id = session, case_id
        self.status = EnumCombo(CaseStatus, status_label, self)
        self.status.set_value(current)
        self.on = UncertainDateEdit(self)
        self.on.edit.setPlaceholderText(self.tr("the day it changed, or e.g. July 2024"))
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(self.tr("How we know, e.g. the father's call"))
        self.form.addRow(self.tr("New status"), self.status)
        self.form.addRow(self.tr("Since"), self.on)
        self.form.addRow(self.tr("Source"), self.source)
        self.require_day(self.on, self.tr("Type the day the status changed."))

    def save(self) -> None:
        on = self.on.value()
        assert on is not None  # (a required day: submit asked for it)
        SetStatus(
            self.session, self.case_id, self.status.value(), on, self.source.text().strip()
        ).execute()
