"""An unexpected error in the desktop app: a calm dialog, and a report that names no record.

PySide6 hands an exception raised in a slot or an event handler (a click, a key, a timer) to
``sys.excepthook`` and carries on with the event loop; a Python thread's goes to
``threading.excepthook``; Qt's own warnings go to the message handler. ``install`` replaces
all three. Each prints to stderr only what ``diagnostics.describe`` allows (the exception's
kind and code locations, never its message, source lines or locals; for Qt, the kind and
category of the message, never its text) and, for exceptions, shows one dialog at a time on
the GUI thread. With ``--debug``, ``follow_vault_names`` keeps the debug log's name filter
current with the open vault.
"""

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from casetracker import diagnostics
from casetracker.services.person_names import person_names

if TYPE_CHECKING:
    from casetracker.gui.app import App

QT_LOG = logging.getLogger("casetracker.qt")
_QT_KINDS = {
    QtMsgType.QtDebugMsg: "debug",
    QtMsgType.QtInfoMsg: "info",
    QtMsgType.QtWarningMsg: "warning",
    QtMsgType.QtCriticalMsg: "critical",
    QtMsgType.QtFatalMsg: "fatal",
}


def report(kind: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> str:
    """Print and log the content-free description; returned for the caller."""
    text = diagnostics.describe(kind, exc, tb)
    diagnostics.say(f"unexpected error {text}")
    return text


def qt_message(mode: QtMsgType, context: QMessageLogContext, _message: str) -> None:
    """Qt's messages may quote text on screen: only their kind, category and place."""
    kind = _QT_KINDS.get(mode, "message")
    line = f"Qt {kind} ({context.category or 'default'})"
    if context.file:
        line += f" at {diagnostics.code_path(context.file)}:{context.line} in {context.function}"
    if mode in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
        QT_LOG.debug(line)
    else:
        diagnostics.say(line, logging.WARNING)


class CrashReporter(QObject):
    """Receives the hooks' calls from any thread; shows the dialog on the GUI thread."""

    happened = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.box: QMessageBox | None = None
        self.happened.connect(self.show_dialog, Qt.ConnectionType.QueuedConnection)

    def excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        report(kind, exc, tb)
        self.happened.emit(kind.__name__)

    def thread_hook(self, args: Any) -> None:
        if args.exc_type is SystemExit:
            return
        report(args.exc_type, args.exc_value, args.exc_traceback)
        self.happened.emit(args.exc_type.__name__)

    def show_dialog(self, kind: str) -> None:
        if self.box is not None and shiboken6.isValid(self.box) and self.box.isVisible():
            return  # one at a time: an error in a paint handler must not pile up dialogs
        try:
            self._open_box(kind)
        except Exception as exc:  # never back into the hook: that would loop
            report(type(exc), exc, exc.__traceback__)

    def _open_box(self, kind: str) -> None:
        box = QMessageBox(QApplication.activeWindow())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("crashBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Something went wrong"))
        box.setText(
            self.tr(
                "Casetracker ran into a problem it did not expect, and what you just did may "
                "not have finished."
            )
        )
        box.setInformativeText(
            self.tr(
                "Your saved work is safe: the changes you made before this stay in the "
                "encrypted vault. The last change may not have been saved — please check it. "
                "If the app keeps misbehaving, lock it and unlock it again.\n\nFor support: %1"
            ).replace("%1", kind)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.box = box
        box.open()


_REPORTER: CrashReporter | None = None


def install() -> Callable[[], None]:
    """Replace the three hooks; returns what puts the previous ones back (tests)."""
    global _REPORTER
    if _REPORTER is None:
        _REPORTER = CrashReporter()
    reporter = _REPORTER
    previous = (sys.excepthook, threading.excepthook)
    sys.excepthook = reporter.excepthook
    threading.excepthook = reporter.thread_hook
    previous_qt = qInstallMessageHandler(qt_message)

    def uninstall() -> None:
        sys.excepthook, threading.excepthook = previous
        qInstallMessageHandler(previous_qt)

    return uninstall


def reporter() -> CrashReporter | None:
    return _REPORTER


def follow_vault_names(app: "App") -> None:
    """Tell the debug log's filter every person name of the open vault, kept current after
    each change, and forget them on lock."""

    def remember() -> None:
        session = app.session
        if session is not None and session.is_open:
            diagnostics.NAMES.remember(person_names(session.ws))

    def opened() -> None:
        remember()
        if app.session is not None:
            app.session.changed.connect(remember)
        diagnostics.LOGGER.debug("vault opened")

    def locked() -> None:
        diagnostics.NAMES.forget()
        diagnostics.LOGGER.debug("vault locked")

    app.opened.connect(opened)
    app.locked.connect(locked)
