"""Auto-lock: watch the whole application for input and fire after N idle minutes.

An application-wide event filter sees every key press, click, wheel turn and mouse move in any
window (main window, case windows, dialogs). It only notes the time; a coarse timer compares,
so moving the mouse costs almost nothing.
"""

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleLock(QObject):
    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._limit_s = minutes * 60.0
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self._installed = False

    def set_minutes(self, minutes: int) -> None:
        self.set_limit_seconds(minutes * 60.0)

    def set_limit_seconds(self, seconds: float) -> None:
        self._limit_s = seconds
        # Check often enough to be on time, rarely enough to cost nothing.
        self._timer.setInterval(max(20, min(5000, int(seconds * 1000 / 4))))

    def start(self) -> None:
        self._last = time.monotonic()
        self.set_limit_seconds(self._limit_s)
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last = time.monotonic()
        return False

    def _check(self) -> None:
        if time.monotonic() - self._last >= self._limit_s:
            self.stop()
            self.idle.emit()
