"""Everything copied from the app leaves the clipboard after 30 seconds, unseen by managers.

A copy button (phone, handle, recovery key) goes through ``copy``. Ctrl+C (or Ctrl+X) in any
widget — a line edit, a text view, a table cell — puts plain text there through Qt itself, so
the guard also watches for those keys, and for the clipboard changing while this process owns
it (a context menu's Copy, where the platform says whose the clipboard is), and re-sets such
a copy with the marks below and the same timer. On X11, text merely selected is offered to
other programs too (the "primary selection", pasted with the middle button); it gets the same
marks and timer. Taken back only if the clipboard still holds what we put there: whatever the
person copied since is left alone. Locking clears both at once.
"""

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QKeySequence

CLEAR_AFTER_MS = 30_000

# Marks telling clipboard managers and history not to keep the copy (as password managers do):
# KDE's Klipper, Windows' clipboard history and cloud clipboard, and macOS pasteboard tools.
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


CLIPBOARD, SELECTION = QClipboard.Mode.Clipboard, QClipboard.Mode.Selection


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clear_after_ms = CLEAR_AFTER_MS
        self._texts: dict[QClipboard.Mode, str] = {}  # what we put there, per clipboard
        self._timers: dict[QClipboard.Mode, QTimer] = {}
        for mode in (CLIPBOARD, SELECTION):
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda mode=mode: self._take_back(mode))
            self._timers[mode] = timer
        self._watching = False
        self._copy_key_down = False  # a copy key is being handled now

    def copy(self, text: str) -> None:
        data = QMimeData()
        data.setText(text)
        self._put(data, CLIPBOARD)

    def watch_copies(self) -> None:
        """Also guard what Qt's own widgets copy (Ctrl+C, Ctrl+X, menus) and, on X11, the
        selection a widget offers for middle-click pasting; once per process."""
        app = QGuiApplication.instance()
        if self._watching or app is None:
            return
        self._watching = True
        app.installEventFilter(self)
        clipboard = QGuiApplication.clipboard()
        clipboard.dataChanged.connect(self._clipboard_changed)
        clipboard.selectionChanged.connect(self._selection_changed)

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
            QTimer.singleShot(0, lambda: self._adopt(CLIPBOARD))

    def _selection_changed(self) -> None:
        if QGuiApplication.clipboard().ownsSelection():
            QTimer.singleShot(0, lambda: self._adopt(SELECTION))

    def _adopt(self, mode: QClipboard.Mode) -> None:
        """Re-set an unmarked copy of ours with the marks, and start its timer."""
        found = QGuiApplication.clipboard().mimeData(mode)
        if found is None or found.hasFormat(_MARK) or not found.text():
            return
        data = QMimeData()
        for kind in found.formats():
            data.setData(kind, found.data(kind))
        data.setText(found.text())
        if found.hasHtml():
            data.setHtml(found.html())
        self._put(data, mode)

    def _put(self, data: QMimeData, mode: QClipboard.Mode) -> None:
        for kind, value in SECRET_MARKS.items():
            data.setData(kind, value)
        QGuiApplication.clipboard().setMimeData(data, mode)
        self._texts[mode] = data.text()
        self._timers[mode].start(self.clear_after_ms)

    def clear(self) -> None:
        """Lock: take back both at once."""
        for mode in (CLIPBOARD, SELECTION):
            self._take_back(mode)

    def _take_back(self, mode: QClipboard.Mode) -> None:
        self._timers[mode].stop()
        text = self._texts.pop(mode, None)
        clipboard = QGuiApplication.clipboard()
        if text is not None and clipboard.text(mode) == text:
            clipboard.clear(mode)


_GUARD: ClipboardGuard | None = None


def clipboard_guard() -> ClipboardGuard:
    global _GUARD
    if _GUARD is None:
        _GUARD = ClipboardGuard()
        _GUARD.watch_copies()
    return _GUARD
