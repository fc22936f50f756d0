"""What every tab of the case window shares: the session, the case, refresh and clear."""

import uuid

from PySide6.QtWidgets import QWidget

from casetracker.gui.vault_session import VaultSession


class CaseTab(QWidget):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id

    def refresh(self) -> None:
        """Reload from the vault (after any change)."""

    def clear(self) -> None:
        """Forget everything shown (lock)."""
