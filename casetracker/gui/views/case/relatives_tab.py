"""Relatives: who reports on this case, how to reach them, and what they consent to."""

import uuid

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from casetracker.gui.clipboard_guard import clipboard_guard
from casetracker.gui.dialogs.consent_dialog import ConsentDialog
from casetracker.gui.dialogs.relative_dialog import RelativeDialog
from casetracker.gui.labels import yes_no
from casetracker.gui.models.column_table import Column
from casetracker.gui.style import set_role
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.case.case_tab import CaseTab
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model import Relative
from casetracker.model.consent_labels import audience_label
from casetracker.services.consent import ConsentService

Linked = tuple[Relative, str]


class RelativesTab(CaseTab):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, case_id, parent)
        # Relative id -> the audiences they agreed to for this case (words).
        self._consents: dict[uuid.UUID, list[str]] = {}
        anonymous = self.tr("Anonymous")
        self.table: RecordTable[Linked] = RecordTable(
            [
                Column(self.tr("Name"), lambda r: r[0].full_name or anonymous),
                Column(self.tr("Relationship"), lambda r: r[1]),
                Column(self.tr("Phones"), lambda r: r[0].phones),
                Column(self.tr("Messengers"), lambda r: r[0].handles),
                Column(self.tr("City"), lambda r: r[0].city),
                Column(self.tr("Stays anonymous"), lambda r: yes_no(r[0].anonymous)),
                Column(self.tr("Agreed to share with"), self._agreed, tooltip=self._agreed),
            ],
            self,
            whole_columns=(0, 2),  # the name and the phone numbers, never shortened
        )
        self.table.setAccessibleName(self.tr("Relatives"))
        self.table.activated_record.connect(lambda r: self.edit())
        self.add_button = QPushButton(self.tr("Add a person…"), self)
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(self.edit)
        self.consent_button = QPushButton(self.tr("Consent…"), self)
        self.consent_button.setToolTip(
            self.tr("Record what the selected person agreed to, for this case")
        )
        self.consent_button.clicked.connect(self.record_consent)
        self.copy_phone = QPushButton(self.tr("Copy phone"), self)
        self.copy_phone.clicked.connect(lambda: self.copy("phones"))
        self.copy_handle = QPushButton(self.tr("Copy messenger"), self)
        self.copy_handle.clicked.connect(lambda: self.copy("handles"))
        self.hint = QLabel(self.tr("Copied numbers leave the clipboard after 30 seconds."), self)
        set_role(self.hint, "hint")
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons_row = (
            self.add_button, self.edit_button, self.consent_button, self.copy_phone,
            self.copy_handle,
        )  # fmt: skip
        for b in buttons_row:
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        self._consents = {}
        for line in ConsentService(self.session.ws).lines(self.case_id):
            if line.active and line.relative_id is not None:
                self._consents.setdefault(line.relative_id, []).append(
                    audience_label(line.audience)
                )
        self.table.set_records(self.session.ws.relatives.for_case(self.case_id))

    def _agreed(self, linked: Linked) -> str:
        return ", ".join(self._consents.get(linked[0].id, [])) or "—"

    def record_consent(self) -> None:
        current = self.table.current_record()
        ConsentDialog(
            self.session,
            self.case_id,
            relative_id=current[0].id if current is not None else None,
            parent=self,
        ).exec()

    def clear(self) -> None:
        self.table.clear()

    def add(self) -> None:
        RelativeDialog(self.session, case_id=self.case_id, parent=self).exec()

    def edit(self) -> None:
        current = self.table.current_record()
        if current is not None:
            RelativeDialog(self.session, relative=current[0], parent=self).exec()

    def copy(self, field: str) -> None:
        current = self.table.current_record()
        if current is None:
            return
        value = str(getattr(current[0], field)).split(";")[0].strip()
        if value:
            clipboard_guard().copy(value)
