"""The unlocked vault as the GUI holds it: workspace, undo stack, saving and change signals.

Views read through ``session.ws`` services and never write directly: edits go through undo
commands or one service call followed by ``committed()``, which schedules a save and tells every
view to refresh. Slow work over the vault runs through ``run_job``, so the vault knows it:
locking calls ``stop_jobs`` (cancel, then wait) before the final save, then ``close``;
afterwards the session holds nothing and no late callback of a job reaches a view.
"""

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from casetracker.cancellation import CancelToken
from casetracker.gui.app_settings import AppSettings
from casetracker.gui.background import BackgroundJob, run_in_background
from casetracker.gui.saver import Saver, SaveState
from casetracker.services.flags import FlagService
from casetracker.services.workspace import Workspace
from casetracker.storage.errors import VaultError

if TYPE_CHECKING:
    from casetracker.gui.sync_controller import SyncController

T = TypeVar("T")


class VaultSession(QObject):
    changed = Signal()
    save_state_changed = Signal(str, str)
    closed = Signal()

    def __init__(self, workspace: Workspace, *, demo: bool = False) -> None:
        super().__init__()
        self._ws: Workspace | None = workspace
        self.demo = demo
        # This computer user's own settings (his caseworker name's key); None: demo, tests.
        self.app_settings: AppSettings | None = None
        # The team sync, while a main window shows this vault (None: none, or not yet).
        self.sync: SyncController | None = None
        self.undo_stack = QUndoStack(self)
        self.saver = Saver(workspace, self)
        self.saver.state_changed.connect(self.save_state_changed)
        existing = getattr(workspace, "flags", None)
        self._flags: FlagService | None = (
            existing if isinstance(existing, FlagService) else FlagService(workspace)
        )

    @property
    def ws(self) -> Workspace:
        if self._ws is None:
            raise RuntimeError("the vault is locked")
        return self._ws

    @property
    def is_open(self) -> bool:
        return self._ws is not None

    @property
    def flags(self) -> FlagService:
        if self._flags is None:
            raise RuntimeError("the vault is locked")
        return self._flags

    @property
    def save_state(self) -> SaveState:
        return self.saver.state

    def committed(self) -> None:
        """A change reached the database: save soon and let the views catch up."""
        self.saver.schedule()
        self.changed.emit()

    # -- background jobs --------------------------------------------------------------------
    def run_job(
        self,
        job: Callable[[], T],
        on_done: Callable[[T], None],
        on_failed: Callable[[Exception], None],
        *,
        cancellable: bool = True,
    ) -> BackgroundJob[T]:
        """Run ``job`` on a worker thread as a job of this vault; the callbacks run on the GUI
        thread, and never once the vault is locked. A cancellable job stops at its next check
        when the vault is locked; one that is not (a key change) is waited for. While the vault
        is closing no new job starts: it fails at once with ``Cancelled``."""
        jobs = self.ws.jobs
        token = CancelToken() if cancellable else None

        def registered() -> T:
            with jobs.running(token):
                return job()

        def done(result: T) -> None:
            if self.is_open:
                on_done(result)

        def failed(exc: Exception) -> None:
            if self.is_open:
                on_failed(exc)

        return run_in_background(registered, done, failed, token)

    def cancel_job(self, job: BackgroundJob[object]) -> None:
        """Stop one job (its dialog is closing) and wait until it has ended."""
        if job.token is not None and self._ws is not None:
            self._ws.jobs.cancel(job.token)
        job.wait()

    def stop_jobs(self) -> None:
        """Cancel every job over the vault and wait for all (writes finish); none may start
        until ``resume_jobs``. Locking does this before its final save."""
        if self.sync is not None:
            self.sync.pause()  # its database steps wait too; its network answers are held
        if self._ws is not None:
            self._ws.jobs.stop()

    def resume_jobs(self) -> None:
        if self._ws is not None:
            self._ws.jobs.resume()
        if self.sync is not None:
            self.sync.resume()

    def save_now(self) -> None:
        """Synchronous final save (lock, quit); on failure saving resumes and the error rises."""
        self.saver.stop()
        try:
            if self.ws.dirty:
                self.ws.save()
        except BaseException:  # the workspace still counts the changes as unsaved
            self.saver.resume()
            raise

    def compact_now(self) -> None:
        """After ``save_now``, when quitting: the journal becomes a new snapshot. A failure
        here loses nothing (the edits are in the journal already), so it is not reported."""
        if self.ws.file.journal_records and not self.ws.read_only:
            with contextlib.suppress(VaultError):
                self.ws.compact()

    def close(self, *, discard: bool = False) -> None:
        """Save (unless discarding), drop the keys and forget the data. Idempotent."""
        if self._ws is None:
            return
        self.saver.stop()
        self.undo_stack.clear()
        if self.sync is not None:
            self.sync.stop()
            self.sync = None
        ws, self._ws, self._flags = self._ws, None, None
        try:
            ws.close(save=not discard)
        finally:
            self.closed.emit()
