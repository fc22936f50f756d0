"""A new place of detention, with what is known about it."""

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from casetracker.gui.error_messages import error_text
from casetracker.gui.labels import facility_kind_label
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import EnumCombo, dialog_buttons, error_label, show_message
from casetracker.model import Facility, FacilityKind


class FacilityDialog(QDialog):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.created: Facility | None = None
        self.setWindowTitle(self.tr("New place"))
        self.setMinimumWidth(440)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. basement of the commandant's office"))
        self.kind = EnumCombo(FacilityKind, facility_kind_label, self)
        self.settlement = QLineEdit(self)
        self.region = QLineEdit(self)
        self.controlled_by = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Settlement"), self.settlement)
        form.addRow(self.tr("Region"), self.region)
        form.addRow(self.tr("Controlled by"), self.controlled_by)
        self.message = error_label(self)
        buttons, _ok = dialog_buttons(self, self.tr("Add place"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def submit(self) -> None:
        try:
            self.created = self.session.ws.facilities.create(
                self.name.text(),
                kind=self.kind.value(),
                settlement=self.settlement.text().strip(),
                region=self.region.text().strip(),
                controlled_by=self.controlled_by.text().strip(),
            )
        except Exception as exc:
            show_message(self.message, error_text(exc))
            return
        self.session.committed()
        self.accept()
