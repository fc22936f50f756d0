"""A new place of detention, with what is known about it."""

from PySide6.QtWidgets import QLineEdit, QWidget

from casetracker.gui.dialogs.form_dialog import FormDialog
from casetracker.gui.labels import facility_kind_label
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import EnumCombo
from casetracker.model import Facility, FacilityKind


class FacilityDialog(FormDialog):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New place"), self.tr("Add place"), 440, parent)
        self.session = session
        self.created: Facility | None = None
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. basement of the commandant's office"))
        self.kind = EnumCombo(FacilityKind, facility_kind_label, self)
        self.settlement = QLineEdit(self)
        self.region = QLineEdit(self)
        self.controlled_by = QLineEdit(self)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Settlement"), self.settlement)
        self.form.addRow(self.tr("Region"), self.region)
        self.form.addRow(self.tr("Controlled by"), self.controlled_by)
        self.ok_when(lambda: bool(self.name.text().strip()), self.name.textChanged)

    def save(self) -> None:
        self.created = self.session.ws.facilities.create(
            self.name.text(),
            kind=self.kind.value(),
            settlement=self.settlement.text().strip(),
            region=self.region.text().strip(),
            controlled_by=self.controlled_by.text().strip(),
        )
        self.session.committed()
