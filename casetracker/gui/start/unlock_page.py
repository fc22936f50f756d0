"""Unlock: the passphrase (or the recovery key), checked off the GUI thread.

A wrong passphrase gets a calm message and the field is ready for another try. A damaged or
missing vault file offers its backups (``BackupsPage``). Another running Casetracker holding
the vault is named. A vault opened with the recovery key is handed on as ``recovered``: a new
passphrase comes first.
"""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.background import BackgroundJob, run_in_background
from casetracker.gui.error_messages import error_text
from casetracker.gui.start.take_over import ask_to_take_over
from casetracker.gui.style import set_role
from casetracker.gui.widgets.form_parts import busy_bar
from casetracker.services import backup_restore
from casetracker.services.workspace import Workspace
from casetracker.storage.errors import VaultDamaged, VaultInUse, VaultNotFound, WrongPassphrase


def warmed(workspace: Workspace) -> Workspace:
    """``workspace.warm()`` on the unlocking thread: the case list and Today's own list (open
    flags by man, worst first) worked out, so that the window's GUI thread only shows them.
    The vault is closed again on any error."""
    return workspace.warm()


class UnlockPage(QWidget):
    unlocked = Signal(object)  # Workspace
    recovered = Signal(object)  # Workspace opened with the recovery key
    other_vault_requested = Signal()
    create_requested = Signal()
    backups_requested = Signal(object, object)  # vault path, {"passphrase" or "recovery_key": …}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.job: BackgroundJob[object] | None = None
        self._with_recovery_key = False
        self.title = QLabel(self.tr("Unlock the vault"), self)
        set_role(self.title, "title")
        self.vault = QLabel(self)
        self.vault.setWordWrap(True)
        set_role(self.vault, "subtitle")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        set_role(self.note, "hint")
        self.note.hide()
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setMinimumHeight(32)
        self.passphrase.returnPressed.connect(self.unlock)
        self.use_recovery = QCheckBox(self.tr("I forgot it: use the recovery key instead"), self)
        self.use_recovery.toggled.connect(self._recovery_toggled)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        set_role(self.unlock_button, "primary")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.busy = busy_bar(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Choose a backup to open…"), self)
        self.backup_button.clicked.connect(self.open_backup)
        self.backup_button.hide()
        # A lock left on another computer (crash, renamed laptop): offered after a warning.
        self._refusal: VaultInUse | None = None
        self.take_over_button = QPushButton(self.tr("Take over from the other computer…"), self)
        self.take_over_button.clicked.connect(self.take_over)
        self.take_over_button.hide()
        self.other_button = QPushButton(self.tr("Open another vault…"), self)
        self.other_button.setFlat(True)
        self.other_button.clicked.connect(self.other_vault_requested)
        self.create_button = QPushButton(self.tr("Create a new vault…"), self)
        self.create_button.setFlat(True)
        self.create_button.clicked.connect(self.create_requested)
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        links = QHBoxLayout()
        links.addWidget(self.other_button)
        links.addWidget(self.create_button)
        links.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.vault)
        layout.addWidget(self.note)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.use_recovery)
        layout.addWidget(self.message)
        layout.addWidget(self.backup_button)
        layout.addWidget(self.take_over_button)
        layout.addStretch(2)
        layout.addLayout(links)

    def set_vault(self, path: Path, note: str = "") -> None:
        self.path = path
        self.vault.setText(
            self.tr("Vault: %1\nin %2").replace("%1", path.name).replace("%2", str(path.parent))
        )
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.message.clear()
        self.backup_button.hide()
        self.take_over_button.hide()
        self._refusal = None
        self.use_recovery.setChecked(False)
        self.passphrase.clear()
        self.passphrase.setFocus()

    def _recovery_toggled(self, on: bool) -> None:
        self.passphrase.clear()
        self.passphrase.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        )
        self.passphrase.setPlaceholderText(
            self.tr("Recovery key, e.g. ABCD-EFGH-…") if on else self.tr("Passphrase")
        )
        self.passphrase.setFocus()

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy.setVisible(busy)
        for widget in (self.passphrase, self.unlock_button, self.use_recovery, self.other_button,
                       self.create_button, self.backup_button):  # fmt: skip
            widget.setEnabled(not busy)
        if text:
            self.message.setText(text)
            set_role(self.message, "hint")

    def _secret(self) -> dict[str, str]:
        value = self.passphrase.text()
        return {"recovery_key": value} if self.use_recovery.isChecked() else {"passphrase": value}

    def take_over(self) -> None:
        """Warn, naming the other computer; on "Take over", unlock taking its lock."""
        refusal = self._refusal
        if refusal is None or self.job is not None:
            return
        box = ask_to_take_over(self, refusal)
        box.accepted.connect(lambda: self.unlock(take_over=refusal))

    def unlock(self, take_over: VaultInUse | None = None) -> None:
        if self.path is None or self.job is not None:
            return
        if not self.passphrase.text():
            self.message.setText(self.tr("Type the passphrase first."))
            set_role(self.message, "error")
            return
        path, secret = self.path, self._secret()
        self._with_recovery_key = "recovery_key" in secret
        self._set_busy(True, self.tr("Unlocking… this takes a moment, on purpose."))
        self.backup_button.hide()
        self.take_over_button.hide()
        self._refusal = None
        passphrase, recovery_key = secret.get("passphrase"), secret.get("recovery_key")
        self.job = run_in_background(
            lambda: warmed(
                Workspace.open(
                    path, passphrase=passphrase, recovery_key=recovery_key, take_over=take_over
                )
            ),
            self._done,
            self._failed,
        )

    def open_backup(self) -> None:
        """The vault file is damaged or missing: on to the list of its backups."""
        if self.path is None or self.job is not None or not self.passphrase.text():
            return
        path, secret = self.path, self._secret()
        self.passphrase.clear()
        self.message.clear()
        self.backup_button.hide()
        self.backups_requested.emit(path, secret)

    def _done(self, workspace: Workspace) -> None:
        self.job = None
        self._set_busy(False)
        self.passphrase.clear()
        self.message.clear()
        if self._with_recovery_key:
            self.recovered.emit(workspace)
        else:
            self.unlocked.emit(workspace)

    def _failed(self, exc: Exception) -> None:
        self.job = None
        self._set_busy(False)
        if isinstance(exc, WrongPassphrase):
            text = error_text(exc) + " " + self.tr("Check the keyboard layout and Caps Lock.")
        else:
            text = error_text(exc)
        self.message.setText(text)
        set_role(self.message, "error")
        offer = isinstance(exc, VaultDamaged) or (
            isinstance(exc, VaultNotFound)
            and self.path is not None
            and bool(backup_restore.backups_beside(self.path))
        )
        if offer and not isinstance(exc, VaultDamaged):
            self.message.setText(text + " " + self.tr("Backups of it were found beside it."))
        self.backup_button.setVisible(offer)
        self._refusal = exc if isinstance(exc, VaultInUse) and exc.elsewhere else None
        self.take_over_button.setVisible(self._refusal is not None)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
