"""The recovery key, shown once: the only way in if the passphrase is forgotten.

Shown after creating a vault and after Settings → Security → New recovery key. A copy goes to
the clipboard only on request, and is taken back after 30 seconds (``clipboard_guard``).
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from casetracker.gui.clipboard_guard import clipboard_guard
from casetracker.gui.style import set_role


class RecoveryPage(QWidget):
    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Write down your recovery key"), self)
        set_role(title, "title")
        text = QLabel(
            self.tr(
                "If the passphrase is ever forgotten, this key opens the vault. Write it on "
                "paper and keep it somewhere safe, away from this laptop. It is shown only "
                "now and is not stored anywhere in readable form."
            ),
            self,
        )
        text.setWordWrap(True)
        self.key = QLabel(self)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(16)
        font.setWeight(QFont.Weight.Bold)
        self.key.setFont(font)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setWordWrap(True)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.key, "recovery-key")
        self.copy_button = QPushButton(self.tr("Copy the key"), self)
        self.copy_button.setToolTip(
            self.tr("Copies it to the clipboard for 30 seconds, e.g. for a password manager.")
        )
        self.copy_button.clicked.connect(lambda: clipboard_guard().copy(self.key.text()))
        self.copied = QLabel(self)
        set_role(self.copied, "hint")
        self.copy_button.clicked.connect(
            lambda: self.copied.setText(self.tr("Copied; the clipboard is cleared in 30 seconds."))
        )
        copy_row = QHBoxLayout()
        copy_row.addStretch(1)
        copy_row.addWidget(self.copied)
        copy_row.addWidget(self.copy_button)
        copy_row.addStretch(1)
        self.written = QCheckBox(self.tr("I have written it down"), self)
        self.continue_button = QPushButton(self.tr("Continue"), self)
        set_role(self.continue_button, "primary")
        self.continue_button.setEnabled(False)
        self.written.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(self.written)
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addSpacing(12)
        layout.addWidget(self.key)
        layout.addLayout(copy_row)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def show_key(self, key: str) -> None:
        self.written.setChecked(False)
        self.copied.clear()
        self.key.setText(key)

    def _confirm(self) -> None:
        self.key.clear()
        self.copied.clear()
        self.written.setChecked(False)
        self.confirmed.emit()
