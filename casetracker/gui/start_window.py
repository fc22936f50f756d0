"""The window shown whenever no vault is open: first run, unlock, and after every lock.

Pages: welcome (create or open), create (location + passphrase twice), recovery key (shown
once), unlock, the backups of a damaged or missing vault file, and a new passphrase after
unlocking with the recovery key. Nothing from the
vault is ever shown here.
"""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFrame, QLabel, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from casetracker.gui import file_dialogs
from casetracker.gui.start.backups_page import BackupsPage
from casetracker.gui.start.create_page import CreatePage
from casetracker.gui.start.new_passphrase_page import NewPassphrasePage
from casetracker.gui.start.recovery_page import RecoveryPage
from casetracker.gui.start.unlock_page import UnlockPage
from casetracker.gui.start.welcome_page import WelcomePage
from casetracker.gui.style import set_role
from casetracker.gui.widgets.form_parts import fit_to_screen
from casetracker.services.workspace import Workspace


class StartWindow(QWidget):
    unlocked = Signal(object)  # Workspace
    quit_requested = Signal()

    def __init__(self, default_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Casetracker"))
        self._pending: Workspace | None = None
        self.welcome = WelcomePage(self)
        self.create_page = CreatePage(default_path, self)
        self.recovery = RecoveryPage(self)
        self.unlock = UnlockPage(self)
        self.new_passphrase = NewPassphrasePage(self)
        self.backups = BackupsPage(self)
        self.preparing = QLabel(self.tr("Preparing the demo vault with fictional cases…"), self)
        self.preparing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.preparing, "subtitle")
        self.pages = QStackedWidget(self)
        pages = (self.welcome, self.create_page, self.recovery, self.unlock, self.new_passphrase,
                 self.backups)  # fmt: skip
        for page in (*pages, self.preparing):
            self.pages.addWidget(page)
        card = QFrame(self)
        set_role(card, "panel")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(28, 24, 28, 24)
        card_layout.addWidget(self.pages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(card)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # the theme's backdrop

        self.welcome.create_requested.connect(self.show_create)
        self.welcome.open_requested.connect(self.choose_vault)
        self.create_page.back_requested.connect(self.show_welcome)
        self.create_page.created.connect(self._created)
        self.recovery.confirmed.connect(self._recovery_confirmed)
        self.unlock.unlocked.connect(self.unlocked)
        self.unlock.recovered.connect(self.show_new_passphrase)
        self.new_passphrase.done.connect(self.unlocked)
        self.unlock.other_vault_requested.connect(self.choose_vault)
        self.unlock.create_requested.connect(self.show_create)
        self.unlock.backups_requested.connect(self.show_backups)
        self.backups.back_requested.connect(lambda: self.pages.setCurrentWidget(self.unlock))
        self.backups.restored.connect(self._restored)
        fit_to_screen(self, 640, 460)

    @property
    def page(self) -> QWidget | None:
        return self.pages.currentWidget()

    def show_welcome(self) -> None:
        self.pages.setCurrentWidget(self.welcome)

    def show_create(self) -> None:
        self.pages.setCurrentWidget(self.create_page)
        self.create_page.passphrase.setFocus()

    def show_unlock(self, path: Path, note: str = "") -> None:
        self.unlock.set_vault(path, note)
        self.pages.setCurrentWidget(self.unlock)
        self.unlock.passphrase.setFocus()

    def show_new_passphrase(self, workspace: Workspace) -> None:
        self.new_passphrase.start(workspace)
        self.pages.setCurrentWidget(self.new_passphrase)
        self.new_passphrase.fields.passphrase.setFocus()

    def show_backups(self, path: Path, secret: dict[str, str]) -> None:
        self.backups.start(path, secret)
        self.pages.setCurrentWidget(self.backups)

    def _restored(self, workspace: Workspace, text: str, by_recovery_key: bool) -> None:
        """Say which backup became the vault, then carry on as after unlocking."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Backup opened"), text,
                          QMessageBox.StandardButton.Ok, self)  # fmt: skip
        box.setObjectName("backupOpenedBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if by_recovery_key:
            box.finished.connect(lambda _r: self.show_new_passphrase(workspace))
        else:
            box.finished.connect(lambda _r: self.unlocked.emit(workspace))
        box.open()

    def show_preparing(self) -> None:
        self.pages.setCurrentWidget(self.preparing)

    def choose_vault(self) -> None:
        chosen = file_dialogs.open_file(
            self, self.tr("Open a vault"), None, self.tr("Casetracker vaults (*.ctvault)")
        )
        if chosen is not None:
            self.show_unlock(chosen)

    def _created(self, workspace: Workspace, key: str) -> None:
        self._pending = workspace
        self.recovery.show_key(key)
        self.pages.setCurrentWidget(self.recovery)

    def _recovery_confirmed(self) -> None:
        workspace, self._pending = self._pending, None
        if workspace is not None:
            self.unlocked.emit(workspace)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._pending is not None:
            # Closing before confirming the key: keep the vault, drop the keys.
            self._pending.close()
            self._pending = None
        self.new_passphrase.discard()
        self.backups.discard()
        self.quit_requested.emit()
        super().closeEvent(event)
