"""Create a vault: where it lives, and a passphrase typed twice, with a strength meter.

The passphrase must have at least ``MIN_PASSPHRASE_CHARS`` characters; the meter nudges
toward several words. The slow key derivation runs off the GUI thread.
"""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui import file_dialogs
from casetracker.gui.background import BackgroundJob, run_in_background
from casetracker.gui.error_messages import error_text
from casetracker.gui.style import set_role
from casetracker.gui.widgets.passphrase_fields import PassphraseFields
from casetracker.services.passphrase_policy import MIN_PASSPHRASE_CHARS
from casetracker.services.workspace import Workspace


class CreatePage(QWidget):
    created = Signal(object, str)  # Workspace, recovery key
    back_requested = Signal()

    def __init__(self, default_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job: BackgroundJob[object] | None = None
        title = QLabel(self.tr("Create a vault"), self)
        set_role(title, "title")
        self.location = QLineEdit(str(default_path), self)
        self.location.setAccessibleName(self.tr("Vault file"))
        choose = QPushButton(self.tr("Choose…"), self)
        choose.clicked.connect(self._choose)
        self.fields = PassphraseFields(self)
        self.passphrase, self.repeat = self.fields.passphrase, self.fields.repeat
        self.strength, self.message = self.fields.strength, self.fields.message
        self.rule = self.fields.rule
        self.rule.setText(
            self.tr(
                "At least %n characters. Several unrelated words are strong and easy to "
                "remember. There is no way to recover a forgotten passphrase except the "
                "recovery key shown next.",
                "",
                MIN_PASSPHRASE_CHARS,
            )
        )
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.back_button = QPushButton(self.tr("Back"), self)
        self.back_button.clicked.connect(self.back_requested)
        self.create_button = QPushButton(self.tr("Create the vault"), self)
        set_role(self.create_button, "primary")
        self.create_button.clicked.connect(self.create_vault)
        location_row = QHBoxLayout()
        location_row.addWidget(self.location, 1)
        location_row.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("Vault file"), location_row)
        self.fields.add_rows(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.rule)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.fields.changed.connect(self._update)
        self.fields.submitted.connect(self.create_vault)
        self._update()

    def _choose(self) -> None:
        chosen = file_dialogs.save_file(
            self, self.tr("Where to keep the vault"), Path(self.location.text()).parent,
            self.tr("Casetracker vaults (*.ctvault)"),
        )  # fmt: skip
        if chosen is not None:
            if chosen.suffix != ".ctvault":
                chosen = chosen.with_name(chosen.name + ".ctvault")
            self.location.setText(str(chosen))

    def problem(self) -> str:
        """Why the vault cannot be created yet ("" when it can)."""
        problem = self.fields.problem()
        if not problem and not self.location.text().strip():
            problem = self.tr("Choose where to keep the vault.")
        return problem

    def _update(self) -> None:
        problem = self.problem()
        self.create_button.setEnabled(not problem and self.job is None)
        self.fields.show_problem(problem)

    def create_vault(self) -> None:
        if self.problem() or self.job is not None:
            self._update()
            return
        path = Path(self.location.text().strip()).expanduser()
        secret = self.passphrase.text()
        self._set_busy(True)
        self.message.setText(self.tr("Creating the encrypted vault… this takes a moment."))
        set_role(self.message, "hint")
        self.job = run_in_background(
            lambda: Workspace.create(path, secret), self._done, self._failed
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.location, self.back_button):
            widget.setEnabled(not busy)
        self.fields.set_enabled(not busy)
        self.create_button.setEnabled(not busy)

    def _done(self, result: tuple[Workspace, str]) -> None:
        self.job = None
        self._set_busy(False)
        workspace, key = result
        self.clear_secrets()
        self.created.emit(workspace, key)

    def _failed(self, exc: Exception) -> None:
        self.job = None
        self._set_busy(False)
        self.message.setText(error_text(exc))
        set_role(self.message, "error")

    def clear_secrets(self) -> None:
        self.fields.clear()
