"""Copy a phone number or handle, and take it back off the clipboard after 30 seconds.

Only if the clipboard still holds what we put there: whatever the person copied since is left
alone. Locking clears it at once.
"""

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 30_000

#: Marks telling clipboard managers and history not to keep the copy (as password managers do):
#: KDE's Klipper, Windows' clipboard history and cloud clipboard, and macOS pasteboard tools.
_WINDOWS = 'application/x-qt-windows-mime;value="{}"'
SECRET_MARKS = {
    "x-kde-passwordManagerHint": b"secret",
    _WINDOWS.format("ExcludeClipboardContentFromMonitorProcessing"): b"1",
    _WINDOWS.format("CanIncludeInClipboardHistory"): b"\x00\x00\x00\x00",
    _WINDOWS.format("CanUploadToCloudClipboard"): b"\x00\x00\x00\x00",
    "org.nspasteboard.ConcealedType": b"",
}


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clear_after_ms = CLEAR_AFTER_MS
        self._text: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)

    def copy(self, text: str) -> None:
        data = QMimeData()
        data.setText(text)
        for kind, value in SECRET_MARKS.items():
            data.setData(kind, value)
        QGuiApplication.clipboard().setMimeData(data)
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
