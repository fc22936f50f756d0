"""Settings → Security: change the passphrase, make a new recovery key.

Each is one service call (``services.vault_keys``) that rewrites the key slots of the vault and
of every backup beside it: seconds at 20,000 cases, so it runs off the GUI thread while the
automatic saving waits, and the dialog cannot be dismissed half-way.
"""

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.background import BackgroundJob
from casetracker.gui.error_messages import error_text
from casetracker.gui.start.recovery_page import RecoveryPage
from casetracker.gui.style import set_role
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import busy_bar, dialog_buttons, error_label, show_message
from casetracker.gui.widgets.passphrase_fields import PassphraseFields
from casetracker.services import vault_keys

T = TypeVar("T")


class KeyChangeDialog(QDialog):
    """Runs one key change in the background with saving paused; shows failures in words."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.job: BackgroundJob[object] | None = None
        self.busy = busy_bar(self)
        self.message = error_label(self)
        session.closed.connect(self._locked)

    def run(self, job: Callable[[], T], done: Callable[[T], None]) -> None:
        if self.job is not None:
            return
        show_message(self.message, "")
        self.session.saver.stop()
        self.set_busy(True)

        def succeeded(result: T) -> None:
            self._finished()
            done(result)

        # Not cancellable: locking waits for a rewrite of the key slots to finish.
        self.job = self.session.run_job(job, succeeded, self._failed, cancellable=False)

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    def _finished(self) -> None:
        self.job = None
        self.set_busy(False)
        if self.session.is_open:
            self.session.saver.resume()

    def _failed(self, exc: Exception) -> None:
        self._finished()
        show_message(self.message, error_text(exc))

    def _locked(self) -> None:
        # Closing the vault waited for a rewrite in progress; its result reaches no one.
        self.job = None
        super().reject()

    def reject(self) -> None:
        if self.job is None:  # a rewrite half-way is finished, not abandoned
            super().reject()


class ChangePassphraseDialog(KeyChangeDialog):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Change the passphrase"))
        self.setMinimumWidth(480)
        text = QLabel(
            self.tr(
                "From now on the new passphrase opens the vault and its backups; the old one "
                "no longer does. The recovery key keeps working."
            ),
            self,
        )
        text.setWordWrap(True)
        self.fields = PassphraseFields(self)
        form = QFormLayout()
        self.fields.add_rows(form)
        buttons, self.ok = dialog_buttons(self, self.tr("Change the passphrase"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.fields.rule)
        layout.addWidget(self.fields.message)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(buttons)
        self.fields.changed.connect(self._update)
        self._update()
        self.fields.passphrase.setFocus()

    def _update(self) -> None:
        self.ok.setEnabled(not self.fields.problem() and self.job is None)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.fields.set_enabled(not busy)
        self._update()

    def submit(self) -> None:
        if self.fields.problem() or self.job is not None:
            return
        ws, secret = self.session.ws, self.fields.text()
        self.run(lambda: vault_keys.change_passphrase(ws, secret), self._changed)

    def _changed(self, _result: object) -> None:
        self.fields.clear()
        self.accept()


class NewRecoveryKeyDialog(KeyChangeDialog):
    """First says what a new key means, then makes it and shows it once."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("New recovery key"))
        self.setMinimumWidth(600)
        intro = QWidget(self)
        text = QLabel(
            self.tr(
                "A new recovery key replaces the current one: the old key will no longer open "
                "the vault or its backups. The new key is shown once; have paper ready to "
                "write it down."
            ),
            intro,
        )
        text.setWordWrap(True)
        self.make_button = QPushButton(self.tr("Make a new recovery key"), intro)
        set_role(self.make_button, "primary")
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make_key)
        self.cancel_button = QPushButton(self.tr("Cancel"), intro)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.make_button)
        intro_layout = QVBoxLayout(intro)
        intro_layout.addWidget(text)
        intro_layout.addWidget(self.message)
        intro_layout.addWidget(self.busy)
        intro_layout.addStretch(1)
        intro_layout.addLayout(buttons)
        self.key_page = RecoveryPage(self)
        self.key_page.continue_button.setText(self.tr("Done"))
        self.key_page.confirmed.connect(self.accept)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(intro)
        self.pages.addWidget(self.key_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.make_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def make_key(self) -> None:
        ws = self.session.ws
        self.run(lambda: vault_keys.new_recovery_key(ws), self._made)

    def _made(self, key: str) -> None:
        self.key_page.show_key(key)
        self.pages.setCurrentWidget(self.key_page)

    def reject(self) -> None:
        # Once made, the new key is the only one that works: Esc or the window's close button
        # must not throw it away before "I have written it down" (only locking may).
        if self.pages.currentWidget() is self.key_page and not self.key_page.written.isChecked():
            self.key_page.written.setFocus()
            return
        super().reject()
