"""Unlock or create a vault; the key derivation runs off the GUI thread."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.cli.passphrase import MIN_PASSPHRASE_CHARS
from casetracker.services.errors import ServiceError
from casetracker.services.workspace import Workspace
from casetracker.storage.errors import VaultError


class _Worker(QObject):
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Callable[[], object]) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        try:
            self.done.emit(self._job())
        except (VaultError, ServiceError) as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # the edge: a message, never a traceback
            self.failed.emit(f"Unexpected error ({type(exc).__name__}).")


class UnlockDialog(QDialog):
    """Open an existing vault, or create a new one at a chosen place."""

    def __init__(self, default_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.recovery_key = ""
        self.setWindowTitle(self.tr("Unlock Casetracker"))
        self.path = QLineEdit(str(default_path), self)
        self.path.setAccessibleName(self.tr("Vault file"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat passphrase"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Unlock"), self)
        self.open_button.setDefault(True)
        self.create_button = QPushButton(self.tr("Create a new vault"), self)
        self.open_button.clicked.connect(self._open)
        self.create_button.clicked.connect(self._create)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Vault"), row)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat (new vault only)"), self.repeat)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._thread: QThread | None = None
        self.resize(560, 200)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Vault file"), self.path.text(), self.tr("Vaults (*.ctvault)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if chosen:
            self.path.setText(chosen)

    def _busy(self, text: str) -> None:
        self.message.setText(text)
        for w in (self.open_button, self.create_button, self.passphrase, self.repeat):
            w.setEnabled(False)

    def _idle(self, text: str) -> None:
        self.message.setText(text)
        for w in (self.open_button, self.create_button, self.passphrase, self.repeat):
            w.setEnabled(True)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _run(self, job: Callable[[], object], on_done: Callable[[object], None]) -> None:
        thread = QThread(self)
        worker = _Worker(job)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.done.connect(on_done)
        worker.failed.connect(self._idle)
        worker.done.connect(thread.quit)
        worker.failed.connect(thread.quit)
        thread.finished.connect(worker.deleteLater)
        self._thread, self._worker = thread, worker
        thread.start()

    def _open(self) -> None:
        path, secret = Path(self.path.text()), self.passphrase.text()
        self._busy(self.tr("Unlocking… this takes a moment on purpose."))
        self._run(lambda: Workspace.open(path, passphrase=secret), self._opened)

    def _create(self) -> None:
        secret = self.passphrase.text()
        if len(secret.strip()) < MIN_PASSPHRASE_CHARS:
            self.message.setText(
                self.tr("A passphrase needs at least %n characters; several words are best.", "",
                        MIN_PASSPHRASE_CHARS)
            )
            return
        if secret != self.repeat.text():
            self.message.setText(self.tr("The two passphrases are not the same."))
            return
        path = Path(self.path.text())
        self._busy(self.tr("Creating the encrypted vault…"))
        self._run(lambda: Workspace.create(path, secret), self._created)

    def _opened(self, workspace: object) -> None:
        assert isinstance(workspace, Workspace)
        self.workspace = workspace
        self.passphrase.clear()
        self.accept()

    def _created(self, result: object) -> None:
        workspace, key = result  # type: ignore[misc]
        QMessageBox.information(
            self,
            self.tr("Recovery key"),
            self.tr(
                "Write this recovery key on paper and keep it apart from the laptop. "
                "It opens the vault if the passphrase is forgotten, and it is shown only now:"
            )
            + f"\n\n{key}",
        )
        self._opened(workspace)
