"""The recovery key, shown once: the only way in if the passphrase is forgotten."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

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
        layout.addStretch(1)
        layout.addLayout(buttons)

    def show_key(self, key: str) -> None:
        self.written.setChecked(False)
        self.key.setText(key)

    def _confirm(self) -> None:
        self.key.clear()
        self.written.setChecked(False)
        self.confirmed.emit()
