"""Lock when the computer sleeps or the desktop session locks, where the system tells us.

Qt reports an application being suspended or hidden (``applicationStateChanged``); on Linux
the session and system buses also announce sleep (logind ``PrepareForSleep``), screen locking
(logind ``Lock``) and the screensaver. Anything not available is skipped silently: auto-lock
after idle minutes still applies.
"""

import os
import sys

from PySide6.QtCore import SLOT, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication


def _slot(signature: str) -> bytes:
    return SLOT(signature).encode()


class SystemLockWatch(QObject):
    lock_now = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
        if sys.platform.startswith("linux") and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            self._watch_dbus()

    @Slot(Qt.ApplicationState)
    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state in (
            Qt.ApplicationState.ApplicationSuspended,
            Qt.ApplicationState.ApplicationHidden,
        ):
            self.lock_now.emit()

    def _watch_dbus(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        system = QDBusConnection.systemBus()
        session = QDBusConnection.sessionBus()
        login = "org.freedesktop.login1"
        if system.isConnected():
            system.connect(
                login, "/org/freedesktop/login1", f"{login}.Manager", "PrepareForSleep",
                self, _slot("_sleeping(bool)"),
            )  # fmt: skip
            system.connect(login, "", f"{login}.Session", "Lock", self, _slot("_locked()"))
        if session.isConnected():
            for service, path in (
                ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
                ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
            ):
                session.connect(
                    service, path, service, "ActiveChanged", self, _slot("_screensaver(bool)")
                )

    @Slot(bool)
    def _sleeping(self, starting: bool) -> None:
        if starting:
            self.lock_now.emit()

    @Slot()
    def _locked(self) -> None:
        self.lock_now.emit()

    @Slot(bool)
    def _screensaver(self, active: bool) -> None:
        if active:
            self.lock_now.emit()
