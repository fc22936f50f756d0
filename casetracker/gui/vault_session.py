"""The unlocked vault as the GUI holds it: workspace, undo stack, saving and change signals.

Views read through ``session.ws`` services and never write directly: edits go through undo
commands or one service call followed by ``committed()``, which schedules a save and tells every
view to refresh. Locking calls ``close``; afterwards the session holds nothing.
"""

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from casetracker.gui.saver import Saver, SaveState
from casetracker.services.flags import FlagService
from casetracker.services.workspace import Workspace


class VaultSession(QObject):
    changed = Signal()
    save_state_changed = Signal(str, str)
    closed = Signal()

    def __init__(self, workspace: Workspace, *, demo: bool = False) -> None:
        super().__init__()
        self._ws: Workspace | None = workspace
        self.demo = demo
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

    def save_now(self) -> None:
        """Synchronous final save (lock, quit); on failure saving resumes and the error rises."""
        self.saver.stop()
        try:
            if self.ws.dirty:
                self.ws.save()
        except BaseException:
            self.ws.dirty = True
            self.saver.resume()
            raise

    def close(self, *, discard: bool = False) -> None:
        """Save (unless discarding), drop the keys and forget the data. Idempotent."""
        if self._ws is None:
            return
        self.saver.stop()
        self.undo_stack.clear()
        ws, self._ws, self._flags = self._ws, None, None
        try:
            ws.close(save=not discard)
        finally:
            self.closed.emit()
