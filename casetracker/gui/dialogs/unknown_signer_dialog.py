"""The question before a bundle from an unknown signer is imported.

A signer is unknown when its signing key is neither this organisation's nor in the address
book (``services/sharing.py``). The file's signature proves only that it is whole; who made it,
only its fingerprint says, and only a person can compare that with the sender, by phone or in
person — never through the message that brought the file. So the fingerprint is shown large and
grouped, "Cancel" is the default, and the signer can be added to the address book so that the
next file from the same key is recognised by name.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.style import set_role
from casetracker.gui.widgets.form_parts import error_label, fit_to_screen, show_message
from casetracker.gui.widgets.sharing_parts import unbroken


class UnknownSignerDialog(QDialog):
    def __init__(self, fingerprint: str, can_remember: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import from an unknown signer?"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        fit_to_screen(self, 560)
        heading = QLabel(self.tr("Import from an unknown signer?"), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        explained = QLabel(
            self.tr(
                "This file was signed with a key that is not in your address book. Anyone can "
                "make a file that claims to come from a partner: only this fingerprint shows "
                "who signed it."
            ),
            self,
        )
        explained.setWordWrap(True)
        self.fingerprint = QLabel(unbroken(fingerprint), self)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        fixed.setPointSizeF(max(fixed.pointSizeF(), 11) * 1.4)
        fixed.setBold(True)
        self.fingerprint.setFont(fixed)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setTextFormat(Qt.TextFormat.PlainText)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setAccessibleName(self.tr("Signer's fingerprint"))
        set_role(self.fingerprint, "panel")
        advice = QLabel(
            self.tr(
                "Call the sender or meet them, and ask them to read their signing fingerprint "
                "to you (in Casetracker: Address book and keys). Import only if every group "
                "matches. Do not trust a fingerprint that came with the file or in the same "
                "message."
            ),
            self,
        )
        advice.setWordWrap(True)
        self.remember = QCheckBox(self.tr("Add the sender to the address book as:"), self)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name in the address book"))
        self.name.setPlaceholderText(self.tr("e.g. the partner organisation"))
        self.name.setEnabled(False)
        self.message = error_label(self)
        self.remember.toggled.connect(self.name.setEnabled)
        self.remember.toggled.connect(lambda on: self.name.setFocus() if on else None)
        self.name.textEdited.connect(lambda _t: show_message(self.message, ""))
        # The name on a line of its own: long enough to read in any language.
        remember_row = QHBoxLayout()
        remember_row.setContentsMargins(24, 0, 0, 0)
        remember_row.addWidget(self.name, 1)
        remember_hint = QLabel(
            self.tr("Files signed with the same key are then recognised by this name.")
            if can_remember
            else self.tr(
                "This file does not carry the sender's public key: add them to the address "
                "book by hand to recognise their files."
            ),
            self,
        )
        remember_hint.setWordWrap(True)
        set_role(remember_hint, "hint")
        self.remember.setEnabled(can_remember)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName(self.tr("Import from this signer"))
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)  # Enter does not import by accident
        self.import_button.setAutoDefault(False)
        self.import_button.clicked.connect(self._import)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explained)
        layout.addWidget(self.fingerprint)
        layout.addWidget(advice)
        layout.addSpacing(6)
        layout.addWidget(self.remember)
        layout.addLayout(remember_row)
        layout.addWidget(remember_hint)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.cancel_button.setFocus()

    @property
    def remember_as(self) -> str:
        """The address-book name to add the signer under, or "" to add nothing."""
        return self.name.text().strip() if self.remember.isChecked() else ""

    def _import(self) -> None:
        if self.remember.isChecked() and not self.remember_as:
            show_message(self.message, self.tr("Type the name to add them under, or untick it."))
            self.adjustSize()  # room for the message: the advice above must stay whole
            self.name.setFocus()
            return
        self.accept()
