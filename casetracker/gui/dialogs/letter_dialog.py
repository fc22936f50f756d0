"""Write a letter for a case: choose the template (and a request), read it, save it to print.

The letter is filled from the vault at once and shown as editable text, so a caseworker can
add what only he knows before saving; edits here change this letter only, never the template.
Facts the vault lacks are named above the text (they are blank lines in it). Nothing reaches
the disk until "Save as …" and a file name are chosen: the letter is decrypted personal data.
"""

import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui import file_dialogs
from casetracker.gui.dialogs.letter_template_dialog import LetterTemplateDialog
from casetracker.gui.error_messages import error_text
from casetracker.gui.locale_format import date_text
from casetracker.gui.style import set_role
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import (
    ask_to_discard,
    error_label,
    fit_to_screen,
    show_message,
)
from casetracker.model.letters import GENERAL, template_kind_for
from casetracker.model.request_labels import request_kind_label
from casetracker.services import requests
from casetracker.services.letters import (
    FilledLetter,
    LetterService,
    save_letter,
    template_kind_label,
)
from casetracker.sharing.letter_documents import LetterFormat, suggested_name


class LetterDialog(QDialog):
    def __init__(
        self,
        session: VaultSession,
        case_id: uuid.UUID,
        parent: QWidget | None = None,
        *,
        request_id: uuid.UUID | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.case_id = session, case_id
        self.letters = LetterService(session.ws)
        self.filled: FilledLetter | None = None
        # The template and request the text was filled from (combo rows).
        self._filled_from = (0, 0)
        self.saved_to: Path | None = None
        self.setWindowTitle(self.tr("Write a letter"))
        # Closed (or rejected by a lock), the text it holds goes with it.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(self, 920, 680)

        self.template = QComboBox(self)
        self.request = QComboBox(self)
        self.request.addItem(self.tr("No request: the addressee is filled in by hand"), None)
        for r in requests.for_case(session.ws, case_id):
            words = [request_kind_label(r.kind), date_text(r.sent_on)]
            if r.outgoing_number:
                words.append(self.tr("No. %1").replace("%1", r.outgoing_number))
            if r.addressee:
                words.append(r.addressee)
            self.request.addItem(" — ".join(words), str(r.id))
        self.edit_button = QPushButton(self.tr("Edit template…"), self)
        self.edit_button.clicked.connect(self.edit_template)
        self.missing = QLabel(self)
        self.missing.setWordWrap(True)
        set_role(self.missing, "error")
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(self.tr("Text of the letter"))
        self.text.setTabChangesFocus(True)
        hint = QLabel(
            self.tr(
                "You may change the text before saving; the template stays as it was. "
                "Print the saved file, sign it and send it."
            ),
            self,
        )
        hint.setWordWrap(True)
        set_role(hint, "hint")
        self.message = error_label(self)
        self.saved = QLabel(self)
        set_role(self.saved, "ok")

        self.save_buttons: dict[LetterFormat, QPushButton] = {}
        buttons = QDialogButtonBox(self)
        for fmt, text in (
            (LetterFormat.PDF, self.tr("Save as PDF…")),
            (LetterFormat.ODT, self.tr("Save as ODT…")),
            (LetterFormat.DOCX, self.tr("Save as Word (.docx)…")),
        ):
            button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _checked=False, f=fmt: self.save(f))
            self.save_buttons[fmt] = button
        set_role(self.save_buttons[LetterFormat.PDF], "primary")
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        chooser = QHBoxLayout()
        chooser.addWidget(self.template, 1)
        chooser.addWidget(self.edit_button)
        form = QFormLayout()
        form.addRow(self.tr("Template"), chooser)
        form.addRow(self.tr("Request"), self.request)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.missing)
        layout.addWidget(self.text, 1)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.saved)
        layout.addWidget(buttons)

        self._load_templates()
        if request_id is not None:
            self.request.setCurrentIndex(max(0, self.request.findData(str(request_id))))
        self._choose_template_for_request()
        self.template.currentIndexChanged.connect(lambda _i: self.refill())
        self.request.currentIndexChanged.connect(lambda _i: self._request_changed())
        self.refill(ask=False)
        self.template.setFocus()

    # -- choices ----------------------------------------------------------------------------
    def _load_templates(self) -> None:
        before = self.session.ws.unsaved_changes
        templates = self.letters.templates()  # the defaults are stored on first use
        if self.session.ws.unsaved_changes != before:
            self.session.committed()
        current = self.template.currentData()
        self.template.blockSignals(True)
        self.template.clear()
        for t in templates:
            label = template_kind_label(t.kind)
            same = t.title.strip().casefold() in ("", label.casefold())
            self.template.addItem(label if same else f"{label} — {t.title}", t.kind)
        if current is not None:
            self.template.setCurrentIndex(max(0, self.template.findData(current)))
        self.template.blockSignals(False)

    def _request_id(self) -> str | None:
        data = self.request.currentData()
        return str(data) if data else None

    def _choose_template_for_request(self) -> None:
        request_id = self._request_id()
        kind = GENERAL
        if request_id is not None:
            kind = template_kind_for(requests.get(self.session.ws, uuid.UUID(request_id)).kind)
        self.template.blockSignals(True)
        self.template.setCurrentIndex(max(0, self.template.findData(kind)))
        self.template.blockSignals(False)

    def _request_changed(self) -> None:
        self._choose_template_for_request()
        self.refill()

    # -- the letter -------------------------------------------------------------------------
    def refill(self, *, ask: bool = True) -> None:
        """Fill the letter again from the chosen template; asks before dropping typed edits."""
        if ask and self.text.document().isModified():
            answer = QMessageBox.question(
                self,
                self.tr("Fill the letter again"),
                self.tr("Fill the letter again from the template? Your changes to it are lost."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                self._show_choices(*self._filled_from)  # the choices the text was made from
                return
        show_message(self.message, "")
        self._filled_from = (self.template.currentIndex(), self.request.currentIndex())
        try:
            self.filled = self.letters.fill(
                self.case_id, self.template.currentData(), request_id=self._request_id()
            )
        except Exception as exc:
            self.filled = None
            self.text.clear()
            show_message(self.message, error_text(exc))
            self._enable_saving()
            return
        self.text.setPlainText(self.filled.text)
        self.text.document().setModified(False)
        if self.filled.missing:
            self.missing.setText(
                self.tr("Not in the vault, so left as blank lines to fill in by hand: %1.").replace(
                    "%1", ", ".join(self.filled.missing)
                )
            )
        self.missing.setVisible(bool(self.filled.missing))
        self._enable_saving()

    def _show_choices(self, template: int, request: int) -> None:
        for combo, index in ((self.template, template), (self.request, request)):
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)

    def _enable_saving(self) -> None:
        for button in self.save_buttons.values():
            button.setEnabled(self.filled is not None)

    def edit_template(self) -> None:
        kind = self.template.currentData() or GENERAL
        before = self.letters.template(kind).updated_at
        LetterTemplateDialog(self.session, kind, self).exec()
        if self.letters.template(kind).updated_at != before:  # saved, or reset
            self._load_templates()
            self.refill()

    def reject(self) -> None:
        """Esc or Close: a letter edited by hand and not saved is not thrown away unasked."""
        if self.text.document().isModified() and not ask_to_discard(
            self, self.tr("Close without saving the letter? Your changes to it are lost.")
        ):
            return
        super().reject()

    def save(self, fmt: LetterFormat) -> None:
        """Save As: only here does the letter reach the disk, where the caseworker chose."""
        if self.filled is None:
            return
        filters = {
            LetterFormat.PDF: self.tr("PDF document (*.pdf)"),
            LetterFormat.ODT: self.tr("OpenDocument text (*.odt)"),
            LetterFormat.DOCX: self.tr("Word document (*.docx)"),
        }
        case = self.session.ws.cases.get(self.case_id)
        start = Path.home() / suggested_name(case.ref, self.filled.kind, fmt)
        path = file_dialogs.save_file(self, self.tr("Save the letter"), start, filters[fmt])
        if path is None:
            return
        # The chooser asked before replacing the file it named; one with the ending added
        # was not asked about, so it is never replaced.
        confirmed = path.suffix.lower() == "." + fmt.value
        if not confirmed:
            path = path.with_name(path.name + "." + fmt.value)
        try:
            save_letter(path, self.text.toPlainText(), title=self.filled.title, overwrite=confirmed)
        except Exception as exc:
            show_message(self.message, error_text(exc))
            return
        self.saved_to = path
        self.text.document().setModified(False)  # what is on screen is in that file
        show_message(self.message, "")
        self.saved.setText(self.tr("Saved to %1.").replace("%1", str(path)))
