"""The banner after unlocking a vault whose last saves could not all be read back.

A save appends its changes to the vault file; one cut off by a crash or a power cut is left out
when the vault opens, and so is everything after a change that fails its integrity check. The
person is told once, at the top of the window, so that the case worked on last is checked.
"""

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from casetracker.gui.style import set_role
from casetracker.services.workspace import LeftOut


class JournalBanner(QFrame):
    def __init__(self, left_out: LeftOut, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journalBanner")
        set_role(self, "banner")
        if left_out is LeftOut.DAMAGED:
            text = self.tr(
                "Part of the vault file failed its integrity check, so the changes saved after "
                "it are not in the vault. A copy of the whole file was kept beside the vault "
                "(its name ends in “damaged” and the time) for a specialist. Check the cases "
                "you worked on last."
            )
        else:
            text = self.tr(
                "The last change saved before Casetracker stopped was cut off on the disk and "
                "is not in the vault. Check the case you worked on last."
            )
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.dismiss = QPushButton(self.tr("Understood"), self)
        self.dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.dismiss)
