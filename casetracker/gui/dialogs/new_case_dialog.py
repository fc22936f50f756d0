"""New case (Ctrl+N): the few facts usually known at first, and a warning about duplicates."""

import uuid

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.error_messages import error_text
from casetracker.gui.labels import priority_label, status_label
from casetracker.gui.style import set_role
from casetracker.gui.undo_commands import CreateCase
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import EnumCombo, dialog_buttons, error_label, show_message
from casetracker.gui.widgets.optional_date_edit import dates_ready
from casetracker.gui.widgets.uncertain_date_edit import UncertainDateEdit
from casetracker.model import CaseStatus, Priority
from casetracker.services.duplicates import similar_to


class NewCaseDialog(QDialog):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id: uuid.UUID | None = None
        self.setWindowTitle(self.tr("New case"))
        self.setMinimumWidth(520)
        self.full_name = QLineEdit(self)
        self.full_name.setPlaceholderText(self.tr("Surname, first name, patronymic — as known"))
        self.name_is_changed = QCheckBox(self.tr("This is a changed name or a pseudonym"), self)
        self.aliases = QLineEdit(self)
        self.aliases.setPlaceholderText(self.tr("Other spellings, separated by ;"))
        self.birth_date = UncertainDateEdit(self)
        self.home_region = QLineEdit(self)
        self.military_unit = QLineEdit(self)
        self.status = EnumCombo(CaseStatus, status_label, self)
        self.status.set_value(CaseStatus.DETAINED)
        self.refusal_date = UncertainDateEdit(self)
        self.detention_date = UncertainDateEdit(self)
        self.priority = EnumCombo(Priority, priority_label, self)
        self.priority.set_value(Priority.NORMAL)
        self.caseworker = QComboBox(self)
        self.caseworker.setEditable(True)
        names = sorted({r.caseworker for r in session.ws.cases.rows() if r.caseworker})
        self.caseworker.addItems(names)
        self.caseworker.setCurrentText(session.ws.actor)
        self.notes = QPlainTextEdit(self)
        self.notes.setFixedHeight(70)
        self.notes.setTabChangesFocus(True)
        self.duplicates = QLabel(self)
        self.duplicates.setWordWrap(True)
        set_role(self.duplicates, "hint")
        self.duplicates.hide()

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.full_name)
        form.addRow("", self.name_is_changed)
        form.addRow("", self.duplicates)
        form.addRow(self.tr("Other spellings"), self.aliases)
        form.addRow(self.tr("Date of birth"), self.birth_date)
        form.addRow(self.tr("Home region"), self.home_region)
        form.addRow(self.tr("Military unit"), self.military_unit)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Refusal date"), self.refusal_date)
        form.addRow(self.tr("Detention date"), self.detention_date)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.tr("Caseworker"), self.caseworker)
        form.addRow(self.tr("Notes"), self.notes)
        self.message = error_label(self)
        buttons, self.ok_button = dialog_buttons(self, self.tr("Create case"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._check_timer = QTimer(self, singleShot=True, interval=250)
        self._check_timer.timeout.connect(self.check_duplicates)
        self.full_name.textChanged.connect(lambda _text: self._check_timer.start())

    def check_duplicates(self) -> None:
        if not self.session.is_open:
            return
        birth = self.birth_date.value() if self.birth_date.is_valid() else None
        found = similar_to(self.session.ws, self.full_name.text(), birth)
        if not found:
            self.duplicates.hide()
            return
        listed = ", ".join(f"{ref} {name}" for ref, name in found[:3])
        self.duplicates.setText(
            self.tr(
                "Possibly already in the vault: %1. Check before creating a second case."
            ).replace("%1", listed)
        )
        self.duplicates.show()

    def submit(self) -> None:
        name = self.full_name.text().strip()
        if not name:
            show_message(self.message, self.tr("A case needs at least a name as it is known."))
            return
        if not dates_ready(self.birth_date, self.refusal_date, self.detention_date):
            return
        fields = {
            "name_is_changed": self.name_is_changed.isChecked(),
            "aliases": self.aliases.text().strip(),
            "birth_date": self.birth_date.value(),
            "home_region": self.home_region.text().strip(),
            "military_unit": self.military_unit.text().strip(),
            "refusal_date": self.refusal_date.value(),
            "detention_date": self.detention_date.value(),
            "priority": self.priority.value(),
            "caseworker": self.caseworker.currentText().strip(),
            "notes": self.notes.toPlainText().strip(),
        }
        status: CaseStatus = self.status.value()
        status_on = fields["detention_date"] or fields["refusal_date"]  # None: not known
        command = CreateCase(self.session, name, status=status, status_on=status_on, **fields)
        try:
            command.execute()
        except Exception as exc:
            show_message(self.message, error_text(exc))
            return
        self.case_id = command.case_id
        self.accept()
