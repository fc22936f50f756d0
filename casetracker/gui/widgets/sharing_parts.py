"""Parts the sharing dialogs share: slow work off the GUI thread, a copyable key, counts in words.

``BusyBar`` runs one job at a time on a worker thread and says what it is doing. The vault is one
in-memory SQLite database shared by every thread, so a job that writes (a bundle merged, a
spreadsheet imported — or only tried, in a transaction that is rolled back) first saves what is
pending and pauses the saver until it ends: a snapshot must never be taken in the middle of the
job's transaction, and a lock arriving meanwhile then has nothing to save. The dialogs using it
are application-modal, so nothing else touches the database meanwhile. Jobs run as jobs of the
vault (``VaultSession.run_job``): closing the dialog cancels the running one, waits for it to
stop and drops its result; locking cancels and waits for it before the final save.
"""

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from casetracker.gui.background import BackgroundJob
from casetracker.gui.clipboard_guard import clipboard_guard
from casetracker.gui.error_messages import error_text
from casetracker.gui.style import set_role
from casetracker.gui.vault_session import VaultSession
from casetracker.i18n import Context
from casetracker.sharing.errors import SharingError

T = TypeVar("T")

# Shared words of the sharing dialogs (named as its context: pyside6-lupdate reads the name).
sharing_parts = Context("sharing_parts")


def job_error_text(exc: BaseException) -> str:
    """A failure in plain words: sharing errors carry their own (already translated) message."""
    if isinstance(exc, SharingError):
        return str(exc)
    return error_text(exc)


class BusyBar(QWidget):
    """ "Checking the bundle…" and a moving bar while one job runs off the GUI thread."""

    # After the job's own callback (which may already have started the next job).
    finished = Signal()

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._job: BackgroundJob[object] | None = None
        self._saver_paused = False
        self._generation = 0
        self.label = QLabel(self)
        set_role(self.label, "hint")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.bar.setAccessibleName(sharing_parts.tr("Working"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        self.hide()

    @property
    def busy(self) -> bool:
        return self._job is not None

    def run(
        self,
        text: str,
        job: Callable[[], T],
        on_done: Callable[[T], None],
        on_failed: Callable[[Exception], None],
        *,
        writes: bool = False,
    ) -> bool:
        """Start ``job``; False (and nothing started) while another job still runs or once
        the vault is locked."""
        if self._job is not None or not self._session.is_open:
            return False
        if writes and self._session.is_open:
            try:
                self._session.save_now()  # stops the saver, after writing what is pending
            except Exception:
                self._session.saver.stop()  # still unsaved: retried when the job is over
            self._saver_paused = True
        generation = self._generation
        self.label.setText(text)
        self.show()

        def done(result: T) -> None:
            if generation == self._generation:
                self._release()
                on_done(result)
                self.finished.emit()

        def failed(exc: Exception) -> None:
            if generation == self._generation:
                self._release()
                on_failed(exc)
                self.finished.emit()

        self._job = self._session.run_job(job, done, failed)
        return True

    def _release(self) -> None:
        """The job is over: free the bar (a callback may start the next job) and the saver."""
        self._job = None
        self.hide()
        if self._saver_paused:
            self._saver_paused = False
            if self._session.is_open:
                self._session.saver.resume()

    def abandon(self) -> None:
        """Cancel the running job (if any), wait for it to stop and forget its result: the
        dialog is closing. ``finished`` is not emitted: nothing may follow on a closing dialog.
        """
        job = self._job
        if job is None:
            return
        self._generation += 1
        self._session.cancel_job(job)
        self._release()


class KeyField(QWidget):
    """A public key or fingerprint, selectable, with a Copy button (cleared after 30 s)."""

    copied = Signal()

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_field = QLineEdit(self)
        self.text_field.setReadOnly(True)
        self.text_field.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text_field.setAccessibleName(accessible_name)
        self.copy_button = QPushButton(sharing_parts.tr("Copy"), self)
        self.copy_button.setAccessibleName(
            sharing_parts.tr("Copy: %1").replace("%1", accessible_name)
        )
        self.copy_button.setToolTip(
            sharing_parts.tr("Copy to the clipboard; it is cleared from there after 30 seconds")
        )
        self.copy_button.clicked.connect(self.copy)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_field, 1)
        layout.addWidget(self.copy_button)

    def set_text(self, text: str) -> None:
        self.text_field.setText(text)
        self.text_field.setCursorPosition(0)

    def text(self) -> str:
        return self.text_field.text()

    def copy(self) -> None:
        if self.text():
            clipboard_guard().copy(self.text())
            self.copied.emit()


def unbroken(fingerprint: str) -> str:
    """A fingerprint that word wrap never splits (its groups joined by no-break spaces)."""
    return fingerprint.replace(" ", "\u00a0")
