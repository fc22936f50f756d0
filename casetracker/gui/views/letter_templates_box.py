"""Settings → Letter templates: every template, whose text it is, and a way to edit it.

The same editor opens from a letter being written; here an organisation can word its letters
before anyone writes one. Listing changes nothing in the vault (the defaults are stored only
when a template is first used or edited).
"""

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.dialogs.letter_template_dialog import LetterTemplateDialog
from casetracker.gui.style import set_role
from casetracker.gui.vault_session import VaultSession
from casetracker.services.letters import LetterService, template_kind_label


class LetterTemplatesBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Letter templates"), parent)
        self.session: VaultSession | None = None
        hint = QLabel(
            self.tr(
                "Letters to officials are written from these templates (a case window: "
                "Write a letter…). Your changes are kept in the vault for everyone using it."
            ),
            self,
        )
        hint.setWordWrap(True)
        set_role(hint, "hint")
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Letter templates"))
        self.list.setMinimumHeight(120)
        self.list.itemActivated.connect(lambda _item: self.edit())
        self.edit_button = QPushButton(self.tr("Edit template…"), self)
        self.edit_button.clicked.connect(self.edit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def set_session(self, session: VaultSession | None) -> None:
        if session is not None and session is self.session:
            self.refresh()
            return
        if self.session is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.session.changed.disconnect(self.refresh)
        self.session = session
        self.list.clear()
        if session is not None:
            session.changed.connect(self.refresh)
            self.refresh()

    def refresh(self) -> None:
        if self.session is None or not self.session.is_open:
            return
        row = max(0, self.list.currentRow())
        self.list.clear()
        for t in LetterService(self.session.ws).templates(store=False):
            label = template_kind_label(t.kind)
            state = self.tr("changed") if t.edited else self.tr("the app's text")
            item = QListWidgetItem(f"{label} — {t.title} ({state})", self.list)
            item.setData(Qt.ItemDataRole.UserRole, t.kind)
        self.list.setCurrentRow(min(row, self.list.count() - 1))

    def edit(self) -> None:
        item = self.list.currentItem()
        if self.session is None or item is None:
            return
        LetterTemplateDialog(self.session, str(item.data(Qt.ItemDataRole.UserRole)), self).exec()
