"""A source — document, photo, media report, testimony — and how far it can be trusted."""

import uuid

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from casetracker.gui.dialogs.form_dialog import FormDialog
from casetracker.gui.labels import source_kind_label, verification_label
from casetracker.gui.undo_commands import UpdateRecord, changed_fields
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import EnumCombo
from casetracker.gui.widgets.optional_date_edit import OptionalDateEdit
from casetracker.model import Source, SourceKind, Verification


class SourceDialog(FormDialog):
    """New source backing a case (``case_id``), or edit one (``source``)."""

    def __init__(
        self,
        session: VaultSession,
        *,
        source: Source | None = None,
        case_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Edit source") if source else self.tr("Add a source"),
            self.tr("Save") if source else self.tr("Add"),
            480,
            parent,
        )
        self.session, self.source, self.case_id = session, source, case_id
        self.created: Source | None = None
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("What it is, in a few words"))
        self.kind = EnumCombo(SourceKind, source_kind_label, self)
        self.verification = EnumCombo(Verification, verification_label, self)
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(self.tr("Link, archive number, where the original is"))
        self.published_on = OptionalDateEdit(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setFixedHeight(60)
        self.notes.setTabChangesFocus(True)
        if source is not None:
            self.title_edit.setText(source.title)
            self.kind.set_value(source.kind)
            self.verification.set_value(source.verification)
            self.reference.setText(source.reference)
            self.published_on.set_value(source.published_on)
            self.notes.setPlainText(source.notes)
        self.form.addRow(self.tr("Title"), self.title_edit)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Verification"), self.verification)
        self.form.addRow(self.tr("Reference"), self.reference)
        self.form.addRow(self.tr("Date"), self.published_on)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.ok_when(lambda: bool(self.title_edit.text().strip()), self.title_edit.textChanged)

    def values(self) -> dict[str, object]:
        return {
            "title": self.title_edit.text().strip(),
            "kind": self.kind.value(),
            "verification": self.verification.value(),
            "reference": self.reference.text().strip(),
            "published_on": self.published_on.value(),
            "notes": self.notes.toPlainText().strip(),
        }

    def save(self) -> None:
        ws = self.session.ws
        values = self.values()
        if self.source is None:
            cases: list[str | uuid.UUID] = [self.case_id] if self.case_id else []
            self.created = ws.evidence.add_source(
                str(values["title"]),
                kind=values["kind"],  # type: ignore[arg-type]
                verification=values["verification"],  # type: ignore[arg-type]
                reference=str(values["reference"]),
                published_on=values["published_on"],  # type: ignore[arg-type]
                notes=str(values["notes"]),
                cases=cases,
            )
            self.session.committed()
        else:
            new, old = changed_fields(self.source, values)
            if new:
                UpdateRecord(
                    self.session,
                    self.tr("Edit source"),
                    ws.evidence.update_source,
                    self.source.id,
                    new,
                    old,
                ).execute()
