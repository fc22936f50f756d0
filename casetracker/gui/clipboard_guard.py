"""Everything copied from the app leaves the clipboard after 30 seconds, unseen by managers.

A copy button (phone, handle, recovery key) goes through ``copy``. Ctrl+C (or Ctrl+X) in any
widget — a line edit, a text view, a table cell — puts plain text there through Qt itself, so
the guard also watches for those keys, and for the clipboard changing while this process owns
it (a context menu's Copy, where the platform says whose the clipboard is), and re-sets such
a copy with the marks below and the same timer. Taken back only if the clipboard still holds
what we put there: whatever the person copied since is left alone. Locking clears it at once.
"""

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence

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
_MARK = "x-kde-passwordManagerHint"
_COPY_KEYS = (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut)


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clear_after_ms = CLEAR_AFTER_MS
        self._text: str | None = None
        self._watching = False
        self._copy_key_down = False  # a copy key is being handled now
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)

    def copy(self, text: str) -> None:
        data = QMimeData()
        data.setText(text)
        self._put(data)

    def watch_copies(self) -> None:
        """Also guard what Qt's own widgets copy (Ctrl+C, Ctrl+X, menus); once per process."""
        app = QGuiApplication.instance()
        if self._watching or app is None:
            return
        self._watching = True
        app.installEventFilter(self)
        QGuiApplication.clipboard().dataChanged.connect(self._clipboard_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The widget copies while it handles this key, after us; a copy key that copies
        # nothing (no selection, a passphrase field) must not adopt another program's text.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and any(event.matches(key) for key in _COPY_KEYS)
            and not self._copy_key_down
        ):
            self._copy_key_down = True
            QTimer.singleShot(0, self._copy_key_handled)
        return False

    def _copy_key_handled(self) -> None:
        self._copy_key_down = False

    def _clipboard_changed(self) -> None:
        if self._copy_key_down or QGuiApplication.clipboard().ownsClipboard():
            QTimer.singleShot(0, self._adopt)

    def _adopt(self) -> None:
        """Re-set an unmarked copy of ours with the marks, and start the timer."""
        clipboard = QGuiApplication.clipboard()
        found = clipboard.mimeData()
        if found is None or found.hasFormat(_MARK) or not found.text():
            return
        data = QMimeData()
        for kind in found.formats():
            data.setData(kind, found.data(kind))
        data.setText(found.text())
        if found.hasHtml():
            data.setHtml(found.html())
        self._put(data)

    def _put(self, data: QMimeData) -> None:
        for kind, value in SECRET_MARKS.items():
            data.setData(kind, value)
        QGuiApplication.clipboard().setMimeData(data)
        self._text = data.text()
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
        _GUARD.watch_copies()
    return _GUARD
