"""First run: create a vault, or open one that already exists."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from casetracker.gui.style import set_role


class WelcomePage(QWidget):
    create_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to Casetracker"), self)
        set_role(title, "title")
        text = QLabel(
            self.tr(
                "Casetracker keeps your cases in one encrypted vault, protected by a passphrase. "
                "Without it, whoever holds this computer learns nothing: not names, not places, "
                "not how many cases there are."
            ),
            self,
        )
        text.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Create a vault"), self)
        set_role(self.create_button, "primary")
        self.create_button.setMinimumHeight(40)
        self.create_button.clicked.connect(self.create_requested)
        create_hint = QLabel(self.tr("For a new organisation or a new laptop."), self)
        set_role(create_hint, "hint")
        self.open_button = QPushButton(self.tr("Open a vault…"), self)
        self.open_button.setMinimumHeight(40)
        self.open_button.clicked.connect(self.open_requested)
        open_hint = QLabel(self.tr("A vault file you already have (.ctvault)."), self)
        set_role(open_hint, "hint")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addSpacing(16)
        layout.addWidget(self.create_button)
        layout.addWidget(create_hint)
        layout.addSpacing(8)
        layout.addWidget(self.open_button)
        layout.addWidget(open_hint)
        layout.addStretch(2)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
