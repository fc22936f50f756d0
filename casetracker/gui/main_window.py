"""The main window: side navigation, the views, save state and lock."""

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from casetracker.gui.views.cases_view import CasesView
from casetracker.gui.views.today_view import TodayView
from casetracker.services.workspace import Workspace


class MainWindow(QMainWindow):
    lock_requested = Signal()

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace: Workspace | None = workspace
        self.setWindowTitle(self.tr("Casetracker"))
        self.nav = QListWidget(self)
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.addItems([self.tr("Today"), self.tr("Cases")])
        self.nav.setFixedWidth(150)
        self.today = TodayView(self)
        self.cases = CasesView(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.today)
        self.stack.addWidget(self.cases)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        find = QAction(self.tr("Find"), self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(self._find)
        lock = QAction(self.tr("Lock"), self, shortcut=QKeySequence("Ctrl+Shift+L"))
        lock.triggered.connect(self.lock_requested.emit)
        self.addActions([find, lock])
        self.statusBar().showMessage(self.tr("All changes saved, encrypted"))
        self.today.set_workspace(workspace)
        self.cases.set_workspace(workspace)
        self.nav.setCurrentRow(0)
        self.resize(1100, 680)

    def _find(self) -> None:
        self.nav.setCurrentRow(1)
        self.cases.search.setFocus()
        self.cases.search.selectAll()

    def drop_workspace(self) -> None:
        """Lock: every view forgets its rows; the caller closes the vault."""
        self.today.set_workspace(None)
        self.cases.set_workspace(None)
        self.workspace = None
