"""Taking over a vault marked as open on another computer: who, since when, and the risk.

A crash there, a renamed laptop or a synced folder can leave a lock nobody will ever release.
The person may take it over, but only after being told plainly what happens if Casetracker is
in fact still open there: both computers save, and one loses the other's work.
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from casetracker.storage.errors import VaultInUse, when_text


def ask_to_take_over(parent: QWidget, refusal: VaultInUse) -> QMessageBox:
    """A window-modal warning naming the other computer; its "Take over" button's role is
    AcceptRole, Cancel is the default. Shown with ``open()``; follow ``accepted``."""
    box = QMessageBox(parent)
    box.setObjectName("takeOverBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("TakeOver", "Take over the vault?"))
    box.setText(
        QCoreApplication.translate("TakeOver", "This vault is marked as open on %1 by %2 since %3.")
        .replace("%1", refusal.host or QCoreApplication.translate("TakeOver", "another computer"))
        .replace("%2", refusal.user or QCoreApplication.translate("TakeOver", "another user"))
        .replace("%3", when_text(refusal.since))
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "TakeOver",
            "Take it over only if Casetracker is closed on that computer: it crashed, was "
            "switched off, or has been renamed. If the vault is really still open there, both "
            "computers will save it and one will lose the other's work.",
        )
    )
    take = box.addButton(
        QCoreApplication.translate("TakeOver", "Take over"), QMessageBox.ButtonRole.AcceptRole
    )
    take.setObjectName("takeOverButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.open()
    return box
