"""A relative or other person reporting on cases: contacts, language, and what they consent to."""

import uuid

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from casetracker.gui.dialogs.form_dialog import FormDialog
from casetracker.gui.style import set_role
from casetracker.gui.undo_commands import UpdateRecord, changed_fields
from casetracker.gui.vault_session import VaultSession
from casetracker.model import Relative


class RelativeDialog(FormDialog):
    """New person linked to a case (``case_id``), or edit an existing one (``relative``)."""

    def __init__(
        self,
        session: VaultSession,
        *,
        relative: Relative | None = None,
        case_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Edit person") if relative else self.tr("Add a person"),
            self.tr("Save") if relative else self.tr("Add"),
            480,
            parent,
        )
        self.session, self.relative, self.case_id = session, relative, case_id
        self.full_name = QLineEdit(self)
        self.relationship = QLineEdit(self)
        self.relationship.setPlaceholderText(self.tr("e.g. father, wife, comrade"))
        self.phones = QLineEdit(self)
        self.phones.setPlaceholderText(self.tr("Several separated by ;"))
        self.handles = QLineEdit(self)
        self.handles.setPlaceholderText(self.tr("Messenger handles, separated by ;"))
        self.language = QLineEdit(self)
        self.city = QLineEdit(self)
        self.anonymous = QCheckBox(self.tr("Wants to stay anonymous: never share who they are"))
        # What each person agreed to is recorded per case and audience (the Consent tab).
        self.consent_hint = QLabel(
            self.tr(
                "What they agree to share, and with whom, is recorded for each case: "
                "Consent… in the Relatives tab, or the case's Consent tab."
            ),
            self,
        )
        self.consent_hint.setWordWrap(True)
        set_role(self.consent_hint, "hint")
        self.notes = QPlainTextEdit(self)
        self.notes.setFixedHeight(60)
        self.notes.setTabChangesFocus(True)
        form = self.form
        form.addRow(self.tr("Name"), self.full_name)
        if relative is None and case_id is not None:
            form.addRow(self.tr("Relationship"), self.relationship)
        form.addRow(self.tr("Phones"), self.phones)
        form.addRow(self.tr("Messengers"), self.handles)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("City"), self.city)
        form.addRow(self.tr("Consent"), self.anonymous)
        form.addRow("", self.consent_hint)
        form.addRow(self.tr("Notes"), self.notes)
        if relative is not None:
            self.full_name.setText(relative.full_name)
            self.phones.setText(relative.phones)
            self.handles.setText(relative.handles)
            self.language.setText(relative.language)
            self.city.setText(relative.city)
            self.anonymous.setChecked(relative.anonymous)
            self.notes.setPlainText(relative.notes)
        # A name, unless they stay anonymous (as the service asks).
        self.ok_when(
            lambda: bool(self.full_name.text().strip()) or self.anonymous.isChecked(),
            self.full_name.textChanged,
            self.anonymous.toggled,
        )

    def values(self) -> dict[str, object]:
        return {
            "full_name": self.full_name.text().strip(),
            "phones": self.phones.text().strip(),
            "handles": self.handles.text().strip(),
            "language": self.language.text().strip(),
            "city": self.city.text().strip(),
            "anonymous": self.anonymous.isChecked(),
            "notes": self.notes.toPlainText().strip(),
        }

    def save(self) -> None:
        ws = self.session.ws
        values = self.values()
        if self.relative is None:
            name = str(values.pop("full_name"))
            created = ws.relatives.create(name, **values)
            if self.case_id is not None:
                ws.relatives.link(self.case_id, created.id, self.relationship.text().strip())
            self.session.committed()
        else:
            new, old = changed_fields(self.relative, values)
            if new:
                UpdateRecord(
                    self.session,
                    self.tr("Edit person"),
                    ws.relatives.update,
                    self.relative.id,
                    new,
                    old,
                ).execute()
