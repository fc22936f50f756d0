"""The team sync's line in the status bar: up to date, changes to send, offline, conflicts.

Shown only while the vault is in a team. The text says where this laptop stands with the team;
beside it, a button names the conflicts waiting for a person and opens the Conflicts view. A
click on the text syncs now (as F5 does); its tooltip says when the last sync was.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from casetracker.gui.locale_format import datetime_text
from casetracker.gui.style import set_role
from casetracker.gui.sync_controller import Problem, SyncController, SyncView
from casetracker.services.history import local_time


class _ClickableLabel(QLabel):
    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


# Past this width the line is shortened ("…"), whole in its tooltip: a long reason (or a long
# translation) never widens the window past the screen.
MAX_WIDTH = 460


class SyncStatus(QWidget):
    conflicts_requested = Signal()

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._text = ""
        self.label = _ClickableLabel(self)
        self.label.setObjectName("syncStatus")
        self.label.clicked.connect(controller.sync_now)
        self.conflicts_button = QPushButton(self)
        self.conflicts_button.setObjectName("syncConflicts")
        self.conflicts_button.setFlat(True)
        font = self.conflicts_button.font()
        font.setBold(True)  # a person has to act: it stands out from the quiet states beside it
        self.conflicts_button.setFont(font)
        self.conflicts_button.setToolTip(self.tr("Open the Conflicts view and decide"))
        self.conflicts_button.clicked.connect(self.conflicts_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.conflicts_button)
        controller.changed.connect(self.refresh)
        self.refresh()

    def text(self) -> str:
        """The whole line, even when the label shows it shortened."""
        return self._text

    def refresh(self) -> None:
        view = self.controller.view()
        self.setVisible(view is not None)
        if view is None:
            return
        text, role = self._words(view)
        self._text = text
        metrics = self.label.fontMetrics()
        self.label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, MAX_WIDTH))
        set_role(self.label, role)
        tips = [text] if self.label.text() != text else []
        if view.problem is not Problem.NONE and view.message not in text:
            tips.append(view.message)
        if view.last_sync_at is not None:
            tips.append(
                self.tr("Last synced with the team: %1").replace(
                    "%1", datetime_text(local_time(view.last_sync_at))
                )
            )
        tips.append(self.tr("Click to sync now (F5)"))
        self.label.setToolTip("\n".join(tips))
        self.conflicts_button.setText(
            self.tr("%n conflict(s) to decide", "", view.conflicts) + " →"
        )
        self.conflicts_button.setVisible(view.conflicts > 0)

    def _words(self, view: SyncView) -> tuple[str, str]:
        if view.problem is Problem.DISHONEST:
            return self.tr("The team server's records do not check out"), "error"
        if view.syncing:
            return self.tr("Syncing with the team…"), "hint"
        if view.problem is Problem.OFFLINE:
            return self.tr("Offline — changes are kept and sent later"), "hint"
        if view.problem is Problem.OTHER:
            return self.tr("Not synced: %1").replace("%1", view.message), "error"
        if view.waiting:
            return self.tr("Waiting for an administrator to let you in"), "hint"
        if view.to_send:
            return self.tr("%n change(s) to send", "", view.to_send), "hint"
        return self.tr("Up to date with the team"), "ok"
