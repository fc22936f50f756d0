"""Address book and keys: our public key and fingerprints, and the people we send bundles to.

Our age public key is what a partner encrypts to when sending us a bundle; our signing
fingerprint is what whoever opens our bundles sees, to compare over the phone. Recipients are
added with their age public key (an invalid one is refused in plain words) and, optionally,
their signing key so their bundles are recognised by name (and imported without the question
an unknown signer's file asks: ``unknown_signer_dialog.py``). Fingerprints are shown in the short
form two people can read to each other ("3F2A 91C0 7B44 E812 0D5C"). Copies go through the
clipboard guard, which clears them after 30 seconds.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.models.column_table import Column
from casetracker.gui.style import set_role
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import error_label, fit_to_screen, show_message
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.gui.widgets.sharing_parts import KeyField, job_error_text
from casetracker.model import Recipient
from casetracker.services.sharing import recipient_fingerprint
from casetracker.sharing import keys as keyring


class RecipientsDialog(QDialog):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.changed = False
        self.setWindowTitle(self.tr("Address book and keys"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        fit_to_screen(self, 760, 680)  # may shrink (200 %)

        ours = QGroupBox(self.tr("This organisation"), self)
        self.public_key = KeyField(self.tr("Our public key"), ours)
        self.public_fingerprint = QLabel(ours)
        self.public_fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.signing_fingerprint = KeyField(self.tr("Our signing fingerprint"), ours)
        self.signing_key = KeyField(self.tr("Our signing key"), ours)
        ours_hint = QLabel(
            self.tr(
                "Give the public key to partners who send you files. Anyone who opens a file "
                "you made sees the signing fingerprint: read it to them over the phone so they "
                "know the file is really from you. Partners who add your signing key recognise "
                "your files by name."
            ),
            ours,
        )
        ours_hint.setWordWrap(True)
        set_role(ours_hint, "hint")
        ours_form = QFormLayout(ours)
        ours_form.addRow(ours_hint)
        ours_form.addRow(self.tr("Public key"), self.public_key)
        ours_form.addRow("", self.public_fingerprint)
        ours_form.addRow(self.tr("Signing fingerprint"), self.signing_fingerprint)
        ours_form.addRow(self.tr("Signing key"), self.signing_key)
        for field in (self.public_key, self.signing_fingerprint, self.signing_key):
            field.copied.connect(self._copied)

        people = QGroupBox(self.tr("People and organisations we send files to"), self)
        self.table: RecordTable[Recipient] = RecordTable(
            [
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Role"), lambda r: r.role),
                Column(self.tr("Key fingerprint"), recipient_fingerprint),
                Column(
                    self.tr("Files recognised"),
                    lambda r: self.tr("yes") if r.signing_key else self.tr("no"),
                    tooltip=lambda r: (
                        self.tr(
                            "Their signing key is known: files they make are shown with their "
                            "name and imported without asking."
                        )
                        if r.signing_key
                        else ""
                    ),
                ),
                Column(self.tr("Note"), lambda r: r.note),
            ],
            people,
            stretch_column=4,
        )
        self.table.setAccessibleName(self.tr("Recipients"))
        self.table.setMinimumHeight(150)
        self.remove_button = QPushButton(self.tr("Remove from the address book…"), people)
        self.remove_button.setAccessibleName(self.tr("Remove the selected recipient"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.selected_record.connect(lambda r: self.remove_button.setEnabled(r is not None))
        self.remove_button.setEnabled(False)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        people_layout = QVBoxLayout(people)
        people_layout.addWidget(self.table)
        people_layout.addLayout(remove_row)

        add = QGroupBox(self.tr("Add someone"), self)
        self.name = QLineEdit(add)
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("e.g. Lawyer E. Petrova, or the partner organisation"))
        self.role = QComboBox(add)
        self.role.setEditable(True)
        self.role.addItems(
            [self.tr("lawyer"), self.tr("partner organisation"), self.tr("journalist")]
        )
        self.role.setCurrentText("")
        self.role.setAccessibleName(self.tr("Role"))
        self.age_key = QLineEdit(add)
        self.age_key.setAccessibleName(self.tr("Their age public key"))
        self.age_key.setPlaceholderText("age1…")
        self.age_key.textChanged.connect(self._show_key_fingerprint)
        self.key_fingerprint = QLabel(add)
        set_role(self.key_fingerprint, "hint")
        self.key_fingerprint.hide()
        self.their_signing_key = QLineEdit(add)
        self.their_signing_key.setAccessibleName(self.tr("Their signing key (optional)"))
        self.their_signing_key.setPlaceholderText(
            self.tr("ed25519:… — optional, so files from them are recognised")
        )
        self.note = QLineEdit(add)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("e.g. fingerprint checked by phone on 12.08."))
        self.add_button = QPushButton(self.tr("Add to the address book"), add)
        set_role(self.add_button, "primary")
        self.add_button.clicked.connect(self.add)
        self.message = error_label(add)
        add_form = QFormLayout(add)
        add_form.addRow(self.tr("Name"), self.name)
        add_form.addRow(self.tr("Role"), self.role)
        add_form.addRow(self.tr("Age public key"), self.age_key)
        add_form.addRow("", self.key_fingerprint)
        add_form.addRow(self.tr("Signing key"), self.their_signing_key)
        add_form.addRow(self.tr("Note"), self.note)
        add_row = QHBoxLayout()
        add_row.addWidget(self.message, 3)
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        add_form.addRow(add_row)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.status, "ok")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        # The three parts scroll together when the screen is short (200 % scaling).
        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(ours)
        content_layout.addWidget(people, 1)
        content_layout.addWidget(add)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        if not self.session.is_open:
            return
        service = self.session.ws.sharing
        keys = service.keys()
        self.public_key.set_text(keys.age_public_key)
        self.public_fingerprint.setText(
            self.tr("its fingerprint: %1").replace("%1", keys.age_fingerprint)
        )
        self.signing_fingerprint.set_text(keys.fingerprint)
        self.signing_key.set_text(keys.signing_key)
        self.table.set_records(service.recipients())
        self.remove_button.setEnabled(self.table.current_record() is not None)

    def _copied(self) -> None:
        self.status.setText(self.tr("Copied. It is cleared from the clipboard after 30 seconds."))

    def _show_key_fingerprint(self, text: str) -> None:
        text = text.strip()
        if keyring.is_age_recipient(text):
            self.key_fingerprint.setText(
                self.tr("Fingerprint %1 — ask them to read theirs to you and compare.").replace(
                    "%1", keyring.age_fingerprint(text)
                )
            )
        else:
            self.key_fingerprint.clear()
        self.key_fingerprint.setVisible(bool(self.key_fingerprint.text()))

    def add(self) -> None:
        if not self.session.is_open:
            return
        if not self.age_key.text().strip():
            show_message(
                self.message,
                self.tr("Paste their age public key: it starts with age1 and has 62 characters."),
            )
            self.age_key.setFocus()
            return
        try:
            added = self.session.ws.sharing.add_recipient(
                self.name.text(),
                self.age_key.text(),
                role=self.role.currentText(),
                note=self.note.text().strip(),
                signing_key=self.their_signing_key.text(),
            )
        except Exception as exc:
            show_message(self.message, job_error_text(exc))
            return
        show_message(self.message, "")
        for field in (self.name, self.age_key, self.their_signing_key, self.note):
            field.clear()
        self.role.setCurrentText("")
        self.status.setText(
            self.tr("Added %1. Key fingerprint %2: compare it with theirs.")
            .replace("%1", added.name)
            .replace("%2", recipient_fingerprint(added))
        )
        self._committed()
        self.name.setFocus()

    def remove_selected(self) -> None:
        recipient = self.table.current_record()
        if recipient is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove from the address book?"),
            self.tr(
                "Remove %1? Files already sent stay readable for them; you can add them again."
            ).replace("%1", recipient.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove(recipient)

    def remove(self, recipient: Recipient) -> None:
        try:
            self.session.ws.sharing.remove_recipient(recipient.id)
        except Exception as exc:
            show_message(self.message, job_error_text(exc))
            return
        self.status.setText(
            self.tr("Removed %1 from the address book.").replace("%1", recipient.name)
        )
        self._committed()

    def _committed(self) -> None:
        self.changed = True
        self.session.committed()
        self.refresh()
