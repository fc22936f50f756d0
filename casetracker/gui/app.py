"""Starting the desktop app: Qt set-up, unlock, the main window, lock and quit."""

import secrets
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog

from casetracker import i18n
from casetracker.gui.dialogs.unlock_dialog import UnlockDialog
from casetracker.gui.main_window import MainWindow
from casetracker.services import demo
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR


def default_vault_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("Casetracker", appauthor=False)) / "unit.ctvault"


def make_demo_workspace(folder: Path) -> Workspace:
    """A throw-away vault: fictional data, a random passphrase nobody needs to know."""
    ws, _key = Workspace.create(folder / "demo.ctvault", secrets.token_urlsafe(24), kdf=FLOOR)
    demo.generate(ws, 60)
    ws.save()
    return ws


class App:
    def __init__(self, qt_app: QApplication, demo_mode: bool) -> None:
        self.qt = qt_app
        self.demo_mode = demo_mode
        self.window: MainWindow | None = None
        self.demo_dir = Path(tempfile.mkdtemp(prefix="ct-")) if demo_mode else None

    def start(self) -> bool:
        if self.demo_dir is not None:
            workspace = make_demo_workspace(self.demo_dir)
        else:
            dialog = UnlockDialog(default_vault_path())
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.workspace is None:
                return False
            workspace = dialog.workspace
        self.window = MainWindow(workspace)
        self.window.lock_requested.connect(self.lock)
        self.window.show()
        return True

    def lock(self) -> None:
        if self.window is None:
            return
        workspace = self.window.workspace
        self.window.drop_workspace()
        self.window.hide()
        if workspace is not None:
            path = workspace.path
            workspace.close()
        if self.demo_mode:
            self.qt.quit()
            return
        dialog = UnlockDialog(path)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.workspace is not None:
            self.window.deleteLater()
            self.window = MainWindow(dialog.workspace)
            self.window.lock_requested.connect(self.lock)
            self.window.show()
        else:
            self.qt.quit()

    def shutdown(self) -> None:
        if self.window is not None and self.window.workspace is not None:
            self.window.workspace.close()
            self.window.drop_workspace()
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir, ignore_errors=True)


def run(*, demo: bool = False) -> int:
    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName("Casetracker")
    qt_app.setOrganizationName("Casetracker")
    i18n.install(QCoreApplication.translate)
    app = App(qt_app, demo)
    try:
        if not app.start():
            return 0
        return qt_app.exec()
    finally:
        app.shutdown()
