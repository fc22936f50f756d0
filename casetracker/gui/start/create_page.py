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
from casetracker.gui.style import current_theme, set_role
from casetracker.services.passphrase_policy import (
    MIN_PASSPHRASE_CHARS,
    Strength,
    estimate,
    long_enough,
)
from casetracker.services.workspace import Workspace


class CreatePage(QWidget):
    created = Signal(object, str)  # Workspace, recovery key
    back_requested = Signal()

    def __init__(self, default_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job: BackgroundJob | None = None
        title = QLabel(self.tr("Create a vault"), self)
        set_role(title, "title")
        self.location = QLineEdit(str(default_path), self)
        self.location.setAccessibleName(self.tr("Vault file"))
        choose = QPushButton(self.tr("Choose…"), self)
        choose.clicked.connect(self._choose)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(8)
        self.strength = QLabel(self)
        self.rule = QLabel(
            self.tr(
                "At least %n characters. Several unrelated words are strong and easy to "
                "remember. There is no way to recover a forgotten passphrase except the "
                "recovery key shown next.",
                "",
                MIN_PASSPHRASE_CHARS,
            ),
            self,
        )
        self.rule.setWordWrap(True)
        set_role(self.rule, "hint")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
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
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat it"), self.repeat)
        form.addRow("", self.meter)
        form.addRow("", self.strength)
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
        self.passphrase.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self.repeat.returnPressed.connect(self.create_vault)
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
        secret = self.passphrase.text()
        if not long_enough(secret):
            return self.tr("The passphrase needs at least %n characters.", "", MIN_PASSPHRASE_CHARS)
        if secret != self.repeat.text():
            return self.tr("The two passphrases are not the same yet.")
        if not self.location.text().strip():
            return self.tr("Choose where to keep the vault.")
        return ""

    def _update(self) -> None:
        result = estimate(self.passphrase.text())
        self.meter.setValue(min(100, result.bits))
        words = {
            Strength.TOO_SHORT: self.tr("Too short"),
            Strength.WEAK: self.tr("Weak: add another word"),
            Strength.FAIR: self.tr("Fair"),
            Strength.STRONG: self.tr("Strong"),
        }
        theme = current_theme()
        colours = {
            Strength.TOO_SHORT: theme.error,
            Strength.WEAK: theme.strength_weak,
            Strength.FAIR: theme.strength_fair,
            Strength.STRONG: theme.ok,
        }
        self.strength.setText(words[result.strength] if self.passphrase.text() else "")
        self.meter.setStyleSheet(
            f"QProgressBar::chunk {{ background: {colours[result.strength]}; }}"
        )
        problem = self.problem()
        self.create_button.setEnabled(not problem and self.job is None)
        typed, repeated = self.passphrase.text(), self.repeat.text()
        show = bool(typed) and (not long_enough(typed) or bool(repeated))
        self.message.setText(problem if show else "")
        set_role(self.message, "error")

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
        for widget in (self.location, self.passphrase, self.repeat, self.back_button):
            widget.setEnabled(not busy)
        self.create_button.setEnabled(not busy)

    def _done(self, result: object) -> None:
        self.job = None
        self._set_busy(False)
        assert isinstance(result, tuple)
        workspace, key = result
        self.clear_secrets()
        self.created.emit(workspace, key)

    def _failed(self, exc: Exception) -> None:
        self.job = None
        self._set_busy(False)
        self.message.setText(error_text(exc))
        set_role(self.message, "error")

    def clear_secrets(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
