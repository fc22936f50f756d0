"""Copy a phone number or handle, and take it back off the clipboard after 30 seconds.

Only if the clipboard still holds what we put there: whatever the person copied since is left
alone. Locking clears it at once.
"""

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 30_000


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clear_after_ms = CLEAR_AFTER_MS
        self._text: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._text = text
        self._timer.start(self.clear_after_ms)

    def clear(self) -> None:
        self._timer.stop()
        if self._text is None:
            return
        clipboard = QGuiApplication.clipboard()
        if clipboard.text() == self._text:
            clipboard.clear()
        self._text = None


_GUARD: ClipboardGuard | None = None


def clipboard_guard() -> ClipboardGuard:
    global _GUARD
    if _GUARD is None:
        _GUARD = ClipboardGuard()
    return _GUARD
