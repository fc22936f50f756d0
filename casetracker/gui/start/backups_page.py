"""Choose a backup when the vault file is damaged, cut off, missing or a folder.

The backups beside the vault are listed newest first, by when they were saved (in the person's
own date format) and their save number; the newest is chosen already, so Enter opens it. The
chosen one is opened and written as the vault at once, off the GUI thread
(``backup_restore.restore_in_place``), so the app never says "saved" while the vault file is
still broken. What stood in the vault's place is kept beside it, renamed, never deleted.
"""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.background import BackgroundJob, run_in_background
from casetracker.gui.error_messages import error_text
from casetracker.gui.locale_format import datetime_text
from casetracker.gui.start.unlock_page import warmed
from casetracker.gui.style import set_role
from casetracker.gui.widgets.form_parts import busy_bar
from casetracker.services import backup_restore
from casetracker.services.workspace import Workspace
from casetracker.storage.backups import BackupInfo


def _restore(path: Path, number: int, secret: dict[str, str]) -> tuple[Workspace, BackupInfo]:
    """On the worker thread: the backup becomes the vault, and the first screen is worked out."""
    ws, info = backup_restore.restore_in_place(path, number, **secret)
    return warmed(ws), info


class BackupsPage(QWidget):
    restored = Signal(object, str, bool)  # Workspace, what was done in words, by recovery key
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.job: BackgroundJob[object] | None = None
        self._secret: dict[str, str] = {}
        self._infos: list[BackupInfo] = []
        self.title = QLabel(self.tr("Open a backup"), self)
        set_role(self.title, "title")
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Backups, newest first"))
        self.list.itemActivated.connect(lambda _item: self.open_chosen())
        self.busy = busy_bar(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.back_button = QPushButton(self.tr("Back"), self)
        self.back_button.clicked.connect(self.go_back)
        self.open_button = QPushButton(self.tr("Open this backup"), self)
        set_role(self.open_button, "primary")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_chosen)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def start(self, path: Path, secret: dict[str, str]) -> None:
        """List the backups of `path`, to be opened with `secret` (kept only until used)."""
        self.path, self._secret = path, dict(secret)
        if path.exists():
            text = self.tr(
                "The vault file %1 cannot be opened. Choose a backup: it becomes the vault, "
                "and the damaged file is kept beside it under another name, not deleted."
            )
        else:
            text = self.tr(
                "The vault file %1 is not there, but its backups are. Choose one: it becomes "
                "the vault again."
            )
        self.explanation.setText(text.replace("%1", path.name))
        self._infos = backup_restore.backups_beside(path)
        self.list.clear()
        for info in self._infos:
            self.list.addItem(self._words(info, newest=info.number == 1))
        self.list.setCurrentRow(0)
        self.message.clear()
        self.open_button.setEnabled(bool(self._infos))
        self.list.setFocus()

    def _words(self, info: BackupInfo, *, newest: bool = False) -> str:
        when = datetime_text(info.mtime)
        if info.generation is None:
            return self.tr("%1 (cannot be read)").replace("%1", when)
        text = self.tr("%1, save %2 (newest)") if newest else self.tr("%1, save %2")
        return text.replace("%1", when).replace("%2", str(info.generation))

    def open_chosen(self) -> None:
        row = self.list.currentRow()
        if self.path is None or self.job is not None or not 0 <= row < len(self._infos):
            return
        path, number, secret = self.path, self._infos[row].number, self._secret
        self._set_busy(True)
        self.job = run_in_background(
            lambda: _restore(path, number, secret), self._done, self._failed
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.list, self.open_button, self.back_button):
            widget.setEnabled(not busy)
        if busy:
            self.message.setText(self.tr("Opening the backup and saving it as the vault…"))
            set_role(self.message, "hint")

    def _done(self, result: tuple[Workspace, BackupInfo]) -> None:
        self.job = None
        self._set_busy(False)
        ws, info = result
        by_recovery_key = "recovery_key" in self._secret
        text = self.tr("Opened backup %1 from %2 (save %3). It is now the vault.")
        text = text.replace("%1", str(info.number)).replace("%2", datetime_text(info.mtime))
        text = text.replace("%3", str(info.generation))
        aside = ws.file.set_aside_path
        if aside is not None:
            text += " " + self.tr(
                "What stood in its place was kept beside it, untouched, as %1."
            ).replace("%1", aside.name)
        self.discard()
        self.restored.emit(ws, text, by_recovery_key)

    def _failed(self, exc: Exception) -> None:
        self.job = None
        self._set_busy(False)
        self.message.setText(error_text(exc))
        set_role(self.message, "error")
        self.list.setFocus()

    def go_back(self) -> None:
        if self.job is None:
            self.discard()
            self.back_requested.emit()

    def discard(self) -> None:
        """Forget the passphrase (or recovery key) this page was given."""
        self._secret = {}
