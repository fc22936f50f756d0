"""The banner over a vault opened read-only (a CD, a read-only drive, no write permission).

Said once, at the top of the window, before the person types anything that could not be kept.
"""

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from casetracker.gui.style import set_role
from casetracker.services.workspace import Workspace


class ReadOnlyBanner(QFrame):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        set_role(self, "banner")
        text = self.tr(
            "This vault is read-only: it is on a drive or in a folder Casetracker cannot write "
            "to, so you can read it but not change it. Copy it to a folder you can write to to "
            "make changes."
        )
        if workspace.unsaved_upgrade:
            text += " " + self.tr(
                "It was made by an older version of Casetracker; it opened, but the update "
                "it needs cannot be saved here."
            )
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label)
