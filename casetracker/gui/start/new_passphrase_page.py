"""After unlocking with the recovery key: choose a new passphrase before anything else.

Someone who needed the recovery key has forgotten the passphrase, so the vault is not shown
until a new one is set (the policy applies). The recovery key keeps working. The slow key
derivation and the rewrite of the file and its backups run off the GUI thread.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.background import BackgroundJob, run_in_background
from casetracker.gui.error_messages import error_text
from casetracker.gui.style import set_role
from casetracker.gui.widgets.form_parts import busy_bar
from casetracker.gui.widgets.passphrase_fields import PassphraseFields
from casetracker.services import vault_keys
from casetracker.services.workspace import Workspace


class NewPassphrasePage(QWidget):
    done = Signal(object)  # Workspace, now under the new passphrase

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.job: BackgroundJob[object] | None = None
        title = QLabel(self.tr("Choose a new passphrase"), self)
        set_role(title, "title")
        text = QLabel(
            self.tr(
                "You opened the vault with the recovery key. Choose a new passphrase now: "
                "from then on it opens the vault. The recovery key keeps working."
            ),
            self,
        )
        text.setWordWrap(True)
        self.fields = PassphraseFields(self)
        self.busy = busy_bar(self)
        self.set_button = QPushButton(self.tr("Set the passphrase and open the vault"), self)
        set_role(self.set_button, "primary")
        self.set_button.setDefault(True)
        self.set_button.clicked.connect(self.set_passphrase)
        form = QFormLayout()
        self.fields.add_rows(form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.set_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.fields.rule)
        layout.addWidget(self.fields.message)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.fields.changed.connect(self._update)
        self.fields.submitted.connect(self.set_passphrase)
        self._update()

    def start(self, workspace: Workspace) -> None:
        """Hold ``workspace`` (opened with the recovery key) until the new passphrase is set."""
        self.workspace = workspace
        self.fields.clear()
        self.fields.passphrase.setFocus()

    def _update(self) -> None:
        self.set_button.setEnabled(not self.fields.problem() and self.job is None)

    def set_passphrase(self) -> None:
        workspace = self.workspace
        if workspace is None or self.job is not None or self.fields.problem():
            return
        secret = self.fields.text()
        self._set_busy(True)
        self.fields.message.setText(self.tr("Setting the new passphrase… this takes a moment."))
        set_role(self.fields.message, "hint")
        self.job = run_in_background(
            lambda: vault_keys.change_passphrase(workspace, secret), self._done, self._failed
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.fields.set_enabled(not busy)
        self.set_button.setEnabled(not busy)

    def _done(self, _result: object) -> None:
        self.job = None
        self._set_busy(False)
        self.fields.clear()
        workspace, self.workspace = self.workspace, None
        self.done.emit(workspace)

    def _failed(self, exc: Exception) -> None:
        self.job = None
        self._set_busy(False)
        self.fields.message.setText(error_text(exc))
        set_role(self.fields.message, "error")

    def discard(self) -> None:
        """The window closes before a passphrase was set: keep the vault, drop the keys."""
        if self.workspace is not None and self.job is None:
            self.workspace.close(save=False)
            self.workspace = None
