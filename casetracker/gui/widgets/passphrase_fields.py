"""A new passphrase, typed twice, with a strength meter and the policy's reason when it is not
accepted yet. Creating a vault, choosing a passphrase after the recovery key, and changing it
in Settings all use these fields, so the rule and its wording are the same everywhere.
"""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from casetracker.gui.style import current_theme, set_role
from casetracker.services.passphrase_policy import (
    MIN_PASSPHRASE_CHARS,
    Strength,
    estimate,
    long_enough,
)


class PassphraseFields(QObject):
    """The widgets (children of ``parent``); ``add_rows`` puts the fields in the caller's form,
    which shows ``rule`` (the policy) and ``message`` (what is wrong) where it likes."""

    changed = Signal()
    submitted = Signal()  # Return pressed in the second field

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.passphrase = QLineEdit(parent)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat = QLineEdit(parent)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        self.meter = QProgressBar(parent)
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(8)
        self.strength = QLabel(parent)
        self.rule = QLabel(
            self.tr(
                "At least %n characters. Several unrelated words are strong and easy to remember.",
                "",
                MIN_PASSPHRASE_CHARS,
            ),
            parent,
        )
        self.rule.setWordWrap(True)
        set_role(self.rule, "hint")
        self.message = QLabel(parent)
        self.message.setWordWrap(True)
        self.passphrase.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self.repeat.returnPressed.connect(self.submitted)
        self._update()

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat it"), self.repeat)
        form.addRow("", self.meter)
        form.addRow("", self.strength)

    def text(self) -> str:
        return self.passphrase.text()

    def problem(self) -> str:
        """Why the passphrase cannot be used yet ("" when it can)."""
        secret = self.passphrase.text()
        if not long_enough(secret):
            return self.tr("The passphrase needs at least %n characters.", "", MIN_PASSPHRASE_CHARS)
        if secret != self.repeat.text():
            return self.tr("The two passphrases are not the same yet.")
        return ""

    def show_problem(self, problem: str) -> None:
        """Say ``problem`` once the person has typed enough for it to be news."""
        typed, repeated = self.passphrase.text(), self.repeat.text()
        show = bool(typed) and (not long_enough(typed) or bool(repeated))
        self.message.setText(problem if show else "")
        set_role(self.message, "error")

    def set_enabled(self, enabled: bool) -> None:
        self.passphrase.setEnabled(enabled)
        self.repeat.setEnabled(enabled)

    def clear(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()

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
        self.show_problem(self.problem())
        self.changed.emit()
