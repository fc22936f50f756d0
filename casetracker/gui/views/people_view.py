"""People: relatives and other reporters, with every case each one speaks for."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui import style
from casetracker.gui.clipboard_guard import clipboard_guard
from casetracker.gui.dialogs.relative_dialog import RelativeDialog
from casetracker.gui.labels import status_label, yes_no
from casetracker.gui.models.column_table import Column
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.list_detail import list_beside_panel
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model import Case
from casetracker.services.errors import NotFound
from casetracker.services.relatives import PersonRow
from casetracker.services.search_text import matches


class PeopleView(QWidget):
    case_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        self.current: PersonRow | None = None
        anonymous = self.tr("Anonymous")
        title = QLabel(self.tr("People"), self)
        style.set_role(title, "title")
        subtitle = QLabel(self.tr("Relatives and others who report on cases"), self)
        style.set_role(subtitle, "subtitle")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find by name, phone, messenger or city"))
        self.search.setAccessibleName(self.tr("Search people"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.table: RecordTable[PersonRow] = RecordTable(
            [
                Column(self.tr("Name"), lambda r: r.full_name or anonymous),
                Column(self.tr("Phones"), lambda r: r.phones),
                Column(self.tr("Messengers"), lambda r: r.handles),
                Column(self.tr("City"), lambda r: r.city),
                Column(self.tr("Anonymous"), lambda r: yes_no(r.anonymous)),
                Column(
                    self.tr("Cases"),
                    lambda r: str(r.cases),
                    sort=lambda r: r.cases,
                    align_right=True,
                ),
            ],
            self,
            whole_columns=(0, 1),  # the name and the phone numbers, never shortened
        )
        self.table.setAccessibleName(self.tr("People"))
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # A→Z, А→Я
        self.table.selected_record.connect(self._select)
        self.table.activated_record.connect(lambda _r: self.edit())

        panel = QFrame(self)
        style.set_role(panel, "panel")
        self.heading = QLabel(panel)
        style.set_role(self.heading, "title")
        self.facts = QLabel(panel)
        self.facts.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit…"), panel)
        self.edit_button.clicked.connect(self.edit)
        self.copy_phone = QPushButton(self.tr("Copy phone"), panel)
        self.copy_phone.clicked.connect(lambda: self.copy("phones"))
        self.copy_handle = QPushButton(self.tr("Copy messenger"), panel)
        self.copy_handle.clicked.connect(lambda: self.copy("handles"))
        cases_label = QLabel(self.tr("Cases this person reports on (double-click to open)"), panel)
        style.set_role(cases_label, "subtitle")
        self.cases: RecordTable[Case] = RecordTable(
            [
                Column(self.tr("Ref"), lambda c: c.ref),
                Column(self.tr("Name"), lambda c: c.full_name),
                Column(self.tr("Status"), lambda c: status_label(c.status)),
            ],
            panel,
            whole_columns=(1,),
        )
        self.cases.setAccessibleName(self.tr("Cases this person reports on"))
        self.cases.activated_record.connect(lambda c: self.case_activated.emit(c.id))
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.copy_phone)
        buttons.addWidget(self.copy_handle)
        buttons.addStretch(1)
        panel_layout = QVBoxLayout(panel)
        panel_layout.addWidget(self.heading)
        panel_layout.addWidget(self.facts)
        panel_layout.addLayout(buttons)
        panel_layout.addWidget(cases_label)
        panel_layout.addWidget(self.cases, 1)

        splitter = list_beside_panel(self, [self.search], self.table, panel)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(splitter, 1)
        self._select(None)

    def set_session(self, session: VaultSession | None) -> None:
        self.session = session
        if session is None:
            self.table.clear()
            self.cases.clear()
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self._select(None)
        else:
            self.refresh()

    def refresh(self) -> None:
        if self.session is None or not self.session.is_open:
            return
        ws = self.session.ws
        keep = self.current.id if self.current else None
        people = ws.relatives.rows()
        query = self.search.text().strip()
        if query:
            people = [p for p in people if matches(p.search_key, query)]
        self.table.set_records(people)
        if not self.table.select_first_where(lambda r: keep is None or r.id == keep):
            self._select(None)

    def _select(self, person: PersonRow | None) -> None:
        self.current = person
        for w in (self.edit_button, self.copy_phone, self.copy_handle):
            w.setEnabled(person is not None)
        if person is None or self.session is None:
            self.heading.setText(self.tr("Select a person"))
            self.facts.clear()
            self.cases.clear()
            return
        self.heading.setText(person.full_name or self.tr("Anonymous"))
        lines = []
        if person.anonymous:
            lines.append(self.tr("Wants to stay anonymous: their identity is never shared."))
        # Consent is per case and audience now: each case's Consent tab says who may know.
        lines.append(self.tr("What they agreed to share is recorded in each case's Consent tab."))
        if person.city or person.language:
            lines.append(" · ".join(p for p in (person.city, person.language) if p))
        if person.notes:
            lines.append(person.notes)
        self.facts.setText("\n".join(lines))
        self.cases.set_records(self.session.ws.relatives.cases_of(person.id))

    def edit(self) -> None:
        if self.session is None or self.current is None:
            return
        try:
            relative = self.session.ws.relatives.get(self.current.id)
        except NotFound:  # gone since the list was read: show the list as it is now
            self.refresh()
            return
        RelativeDialog(self.session, relative=relative, parent=self).exec()

    def copy(self, field: str) -> None:
        if self.current is None:
            return
        value = str(getattr(self.current, field)).split(";")[0].strip()
        if value:
            clipboard_guard().copy(value)
