"""Today: the open flags, worst first, each with its plain explanation."""

from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from casetracker.services.workspace import Workspace


class TodayView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Open flags"))
        self.list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.list)

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.list.clear()
        self.title.clear()
        flags_service = getattr(workspace, "flags", None) if workspace else None
        if flags_service is None:
            return
        flags = flags_service.open_flags()
        self.title.setText(self.tr("%n open flag(s), worst first", "", len(flags)))
        for flag in flags:
            who = getattr(flag, "case_ref", None) or getattr(flag, "facility_name", "") or ""
            item = QListWidgetItem(f"[{flag.severity.name.lower()}] {who}: {flag.message}")
            self.list.addItem(item)
