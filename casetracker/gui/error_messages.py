"""Failures worded for people: typed errors keep their plain message, anything else is generic.

Never a traceback and never the text of an unexpected exception (it may quote case data).
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from casetracker.services.errors import ServiceError
from casetracker.storage.errors import VaultError


def error_text(exc: BaseException) -> str:
    if isinstance(exc, VaultError | ServiceError):
        return str(exc)  # worded, and translated, where it was raised
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate(
            "errors", "There is not enough memory for this. Close other programs and try again."
        )
    if isinstance(exc, OSError):
        reason = exc.strerror or QCoreApplication.translate("errors", "unknown reason")
        return QCoreApplication.translate(
            "errors", "A file could not be read or written ({reason})."
        ).format(reason=reason)
    return QCoreApplication.translate(
        "errors", "Something unexpected went wrong ({kind}). Nothing was changed."
    ).format(kind=type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> QMessageBox:
    """A calm, non-blocking message box; returned so callers and tests can follow it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("errors", "Casetracker"))
    box.setText(error_text(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setObjectName("errorBox")
    box.open()
    return box
