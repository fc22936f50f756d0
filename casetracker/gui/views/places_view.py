"""Places: the registry of facilities, each with who is held there now and their flags."""

import uuid
from collections import Counter, defaultdict

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui import style
from casetracker.gui.dialogs.facility_dialog import FacilityDialog
from casetracker.gui.error_messages import error_text
from casetracker.gui.labels import facility_kind_label, rule_title, status_label
from casetracker.gui.locale_format import date_text
from casetracker.gui.models.column_table import Column
from casetracker.gui.undo_commands import UpdateRecord, changed_fields
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import EnumCombo, error_label, show_message
from casetracker.gui.widgets.list_detail import list_beside_panel
from casetracker.gui.widgets.optional_date_edit import OptionalDateEdit, dates_ready
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model import Facility, FacilityKind
from casetracker.rules.flag import Flag
from casetracker.services.cases import CaseRow
from casetracker.services.search_text import matches


class PlacesView(QWidget):
    case_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        self._held: Counter[uuid.UUID] = Counter()
        self._flags: dict[str, list[Flag]] = defaultdict(list)
        self._rows: list[CaseRow] = []
        self.current: Facility | None = None
        title = QLabel(self.tr("Places"), self)
        style.set_role(title, "title")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find a place by name, town, region or controller"))
        self.search.setAccessibleName(self.tr("Search places"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.new_button = QPushButton(self.tr("New place…"), self)
        self.new_button.clicked.connect(self.new_place)
        self.table: RecordTable[Facility] = RecordTable(
            [
                Column(self.tr("Name"), lambda f: f.name),
                Column(self.tr("Kind"), lambda f: facility_kind_label(f.kind)),
                Column(self.tr("Settlement"), lambda f: f.settlement),
                Column(self.tr("Region"), lambda f: f.region),
                Column(self.tr("Controlled by"), lambda f: f.controlled_by),
                Column(
                    self.tr("Held now"),
                    lambda f: str(self._held.get(f.id, 0)),
                    sort=lambda f: self._held.get(f.id, 0),
                    align_right=True,
                ),
                Column(
                    self.tr("Reported head-count"),
                    lambda f: "" if f.headcount is None else str(f.headcount),
                    sort=lambda f: f.headcount or 0,
                    align_right=True,
                ),
            ],
            self,
            whole_columns=(0,),  # the place's name, never shortened
        )
        self.table.setAccessibleName(self.tr("Places"))
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # A→Z, А→Я
        self.table.selected_record.connect(self._select)

        panel = QFrame(self)
        style.set_role(panel, "panel")
        self.heading = QLabel(panel)
        style.set_role(self.heading, "title")
        self.heading.setWordWrap(True)
        self.name = QLineEdit(panel)
        self.kind = EnumCombo(FacilityKind, facility_kind_label, panel)
        self.settlement = QLineEdit(panel)
        self.region = QLineEdit(panel)
        self.controlled_by = QLineEdit(panel)
        self.headcount = QSpinBox(panel)
        self.headcount.setRange(0, 100_000)
        self.headcount.setSpecialValueText(self.tr("not known"))
        self.headcount_date = OptionalDateEdit(panel)
        self.headcount_source = QLineEdit(panel)
        self.notes = QPlainTextEdit(panel)
        self.notes.setFixedHeight(60)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Settlement"), self.settlement)
        form.addRow(self.tr("Region"), self.region)
        form.addRow(self.tr("Controlled by"), self.controlled_by)
        form.addRow(self.tr("Reported head-count"), self.headcount)
        form.addRow(self.tr("Reported on"), self.headcount_date)
        form.addRow(self.tr("Reported by"), self.headcount_source)
        form.addRow(self.tr("Notes"), self.notes)
        self.save_button = QPushButton(self.tr("Save place"), panel)
        style.set_role(self.save_button, "primary")
        self.save_button.clicked.connect(self.save)
        self.message = error_label(panel)
        held_label = QLabel(self.tr("Held here now (double-click to open)"), panel)
        style.set_role(held_label, "subtitle")
        self.cases: RecordTable[CaseRow] = RecordTable(
            [
                Column(self.tr("Ref"), lambda r: r.ref),
                Column(self.tr("Full name"), lambda r: r.full_name),
                Column(self.tr("Status"), lambda r: status_label(r.status)),
                Column(
                    self.tr("Flags"),
                    lambda r: ", ".join(rule_title(f.rule) for f in self._flags.get(r.ref, [])),
                    tooltip=lambda r: "\n".join(f.message for f in self._flags.get(r.ref, [])),
                    foreground=lambda r: (
                        style.SEVERITY_FOREGROUND[self._flags[r.ref][0].severity]
                        if self._flags.get(r.ref)
                        else None
                    ),
                ),
            ],
            panel,
            stretch_column=3,
            whole_columns=(1,),
        )
        self.cases.setAccessibleName(self.tr("Cases held here"))
        self.cases.activated_record.connect(lambda r: self.case_activated.emit(r.id))
        panel_layout = QVBoxLayout(panel)
        panel_layout.addWidget(self.heading)
        panel_layout.addLayout(form)
        save_row = QHBoxLayout()
        save_row.addWidget(self.message, 1)
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        panel_layout.addLayout(save_row)
        panel_layout.addWidget(held_label)
        panel_layout.addWidget(self.cases, 1)

        splitter = list_beside_panel(self, [self.search, self.new_button], self.table, panel)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)
        self._select(None)

    def set_session(self, session: VaultSession | None) -> None:
        self.session = session
        if session is None:
            self.table.clear()
            self.cases.clear()
            self._rows, self._held, self._flags = [], Counter(), defaultdict(list)
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
        self._rows = ws.cases.rows()
        self._held = Counter(r.facility_id for r in self._rows if r.facility_id)
        self._flags = defaultdict(list)
        for flag in self.session.flags.open_flags():
            for ref in (flag.case_ref, *flag.case_refs):
                if ref:
                    self._flags[ref].append(flag)
        facilities = ws.facilities.all()
        query = self.search.text().strip()
        if query:
            facilities = [f for f in facilities if matches(f.search_key, query)]
        self.table.set_records(facilities)
        self.select(keep)

    def select(self, facility_id: uuid.UUID | None) -> None:
        for row in range(self.table.source_model.rowCount()):
            index = self.table.source_model.index(row, 0)
            record = self.table.record_at(index)
            if record is not None and (facility_id is None or record.id == facility_id):
                self.table.setCurrentIndex(index)
                self._select(record)
                return
        self._select(None)

    def _select(self, facility: Facility | None) -> None:
        self.current = facility
        enabled = facility is not None
        for w in (self.name, self.kind, self.settlement, self.region, self.controlled_by,
                  self.headcount, self.headcount_date, self.headcount_source, self.notes,
                  self.save_button):  # fmt: skip
            w.setEnabled(enabled)
        show_message(self.message, "")
        if facility is None:
            self.heading.setText(self.tr("Select a place"))
            self.cases.clear()
            return
        self.heading.setText(facility.name)
        self.name.setText(facility.name)
        self.kind.set_value(facility.kind)
        self.settlement.setText(facility.settlement)
        self.region.setText(facility.region)
        self.controlled_by.setText(facility.controlled_by)
        self.headcount.setValue(facility.headcount or 0)
        self.headcount_date.set_value(facility.headcount_date)
        self.headcount_source.setText(facility.headcount_source)
        for field in (self.name, self.settlement, self.region, self.controlled_by):
            field.setCursorPosition(0)  # a long name shows its start, not its end
        self.notes.setPlainText(facility.notes)
        self.cases.set_records([r for r in self._rows if r.facility_id == facility.id])
        if facility.headcount_date:
            self.headcount_date.setToolTip(date_text(facility.headcount_date))

    def save(self) -> None:
        if self.session is None or self.current is None:
            return
        if not dates_ready(self.headcount_date):
            return
        values = {
            "name": self.name.text().strip(),
            "kind": self.kind.value(),
            "settlement": self.settlement.text().strip(),
            "region": self.region.text().strip(),
            "controlled_by": self.controlled_by.text().strip(),
            "headcount": self.headcount.value() or None,
            "headcount_date": self.headcount_date.value(),
            "headcount_source": self.headcount_source.text().strip(),
            "notes": self.notes.toPlainText().strip(),
        }
        if not values["name"]:
            show_message(self.message, self.tr("A place needs a name, even a descriptive one."))
            return
        new, old = changed_fields(self.current, values)
        if not new:
            return
        try:
            UpdateRecord(
                self.session,
                self.tr("Edit place"),
                self.session.ws.facilities.update,
                self.current.id,
                new,
                old,
            ).execute()
        except Exception as exc:
            show_message(self.message, error_text(exc))

    def new_place(self) -> None:
        if self.session is None:
            return
        dialog = FacilityDialog(self.session, self)
        if dialog.exec() and dialog.created is not None:
            self.select(dialog.created.id)
