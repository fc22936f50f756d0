"""Debounced, crash-safe saving: gather the changes here; seal and write them in a worker thread.

After each committed change the session calls ``schedule``; 300 ms later (so a burst of edits is
one save) ``Workspace.prepare_save`` (the rows changed since the last save, or now and then a
memory copy of the whole database) runs on the GUI thread and ``finish_save`` (sealing, the
durable append, or a compaction's compression and write) on a worker thread. A failed write
leaves the edits in memory, marks the vault unsaved and reports the storage error's plain
message; the next change or ``retry`` tries again.
"""

from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from casetracker.gui.background import named_thread
from casetracker.gui.error_messages import error_text
from casetracker.services.workspace import PreparedSave, Workspace

DEBOUNCE_MS = 300


class SaveState(StrEnum):
    SAVED = "saved"
    SAVING = "saving"
    FAILED = "failed"


class _Writer(QObject):
    written = Signal()
    failed = Signal(object)

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self._ws = workspace

    @Slot(object)
    def write(self, data: PreparedSave) -> None:
        try:
            self._ws.finish_save(data)
        except Exception as exc:  # reported to the GUI thread, which words it
            self.failed.emit(exc)
            return
        self.written.emit()


class Saver(QObject):
    state_changed = Signal(str, str)  # SaveState, message for people
    _request = Signal(object)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.state = SaveState.SAVED
        self.message = ""
        self._in_flight = False
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)
        self._thread = named_thread("casetracker-save")
        self._writer = _Writer(workspace)
        self._writer.moveToThread(self._thread)
        self._request.connect(self._writer.write)
        self._writer.written.connect(self._on_written)
        self._writer.failed.connect(self._on_failed)
        self._thread.start()
        self._stopped = False

    @property
    def busy(self) -> bool:
        return self._in_flight or self._timer.isActive()

    def schedule(self) -> None:
        if self._stopped:
            return
        self._set(SaveState.SAVING, "")
        self._timer.start()

    def retry(self) -> None:
        self.schedule()

    def _set(self, state: SaveState, message: str) -> None:
        self.state, self.message = state, message
        self.state_changed.emit(state.value, message)

    @Slot()
    def _start(self) -> None:
        if self._stopped:
            return
        if self._in_flight:
            self._again = True
            return
        try:
            data = self._ws.prepare_save()
        except Exception as exc:  # the vault stays dirty: nothing was written
            self._set(SaveState.FAILED, error_text(exc))
            return
        self._in_flight = True
        self._request.emit(data)

    @Slot()
    def _on_written(self) -> None:
        self._in_flight = False
        if self._stopped:
            return
        if self._again or self._ws.dirty:
            self._again = False
            self._start()
        else:
            self._set(SaveState.SAVED, "")

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        self._in_flight = False
        self._again = False
        if self._stopped:
            return
        assert isinstance(exc, BaseException)
        self._set(SaveState.FAILED, error_text(exc))

    def stop(self) -> None:
        """Wait for a write in progress (never cut) and stop the worker; the caller saves what
        is left. A prepared save that did not reach the disk leaves the vault dirty (the
        workspace counts what is on disk), so the final save writes the current state.
        """
        if self._stopped:
            return
        self._stopped = True
        self._timer.stop()
        self._thread.quit()
        self._thread.wait()
        self._in_flight = False
        self._again = False

    def resume(self) -> None:
        """Start again after ``stop`` (the final save failed and the vault stays open)."""
        if not self._stopped:
            return
        self._stopped = False
        self._thread.start()
        if self._ws.dirty:
            self.schedule()
