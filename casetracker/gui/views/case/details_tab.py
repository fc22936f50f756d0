"""Details: every fact about the man and his contract, editable, saved as one undoable edit."""

import uuid
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.error_messages import error_text
from casetracker.gui.labels import priority_label
from casetracker.gui.style import set_role
from casetracker.gui.undo_commands import UpdateCase, changed_fields
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.case.case_tab import CaseTab
from casetracker.gui.widgets.form_parts import EnumCombo, error_label, show_message
from casetracker.gui.widgets.optional_date_edit import OptionalDateEdit, dates_ready
from casetracker.gui.widgets.uncertain_date_edit import UncertainDateEdit
from casetracker.model import Case, Priority
from casetracker.services.cases import UNCERTAIN_FIELDS
from casetracker.services.uncertain_dates import read

TEXT_FIELDS = (
    "full_name", "aliases", "home_region", "military_unit", "unit_base", "contract_type",
    "lawyer", "tags",
)  # fmt: skip
DATE_FIELDS = (
    "birth_date", "contract_start", "contract_end", "refusal_date", "detention_date",
)  # fmt: skip
# A contract may be signed ahead or run on; everything else has already happened.
FUTURE_DATE_FIELDS = frozenset({"contract_start", "contract_end"})


class DetailsTab(CaseTab):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, case_id, parent)
        self._case: Case | None = None
        self._loading = False
        self.texts: dict[str, QLineEdit] = {name: QLineEdit(self) for name in TEXT_FIELDS}
        # What relatives say of a birth, a refusal or a detention may be a month or a range.
        self.dates: dict[str, OptionalDateEdit | UncertainDateEdit] = {
            name: UncertainDateEdit(self)
            if name in UNCERTAIN_FIELDS
            else OptionalDateEdit(self, future=name in FUTURE_DATE_FIELDS)
            for name in DATE_FIELDS
        }
        self.name_is_changed = QCheckBox(self.tr("Changed name or pseudonym"), self)
        self.priority = EnumCombo(Priority, priority_label, self)
        self.caseworker = QComboBox(self)
        self.caseworker.setEditable(True)
        self.notes = QPlainTextEdit(self)
        self.notes.setMinimumHeight(90)
        self.texts["aliases"].setPlaceholderText(self.tr("Other spellings, separated by ;"))
        self.texts["tags"].setPlaceholderText(self.tr("Separated by ;"))

        person = QGroupBox(self.tr("Person"), self)
        pf = QFormLayout(person)
        pf.addRow(self.tr("Name as known"), self.texts["full_name"])
        pf.addRow("", self.name_is_changed)
        pf.addRow(self.tr("Other spellings"), self.texts["aliases"])
        pf.addRow(self.tr("Date of birth"), self.dates["birth_date"])
        pf.addRow(self.tr("Home region"), self.texts["home_region"])

        service = QGroupBox(self.tr("Service"), self)
        sf = QFormLayout(service)
        sf.addRow(self.tr("Military unit"), self.texts["military_unit"])
        sf.addRow(self.tr("Home base"), self.texts["unit_base"])
        sf.addRow(self.tr("Contract type"), self.texts["contract_type"])
        sf.addRow(self.tr("Contract from"), self.dates["contract_start"])
        sf.addRow(self.tr("Contract until"), self.dates["contract_end"])
        sf.addRow(self.tr("Refusal date"), self.dates["refusal_date"])
        sf.addRow(self.tr("Detention date"), self.dates["detention_date"])

        work = QGroupBox(self.tr("Our work"), self)
        wf = QFormLayout(work)
        wf.addRow(self.tr("Priority"), self.priority)
        wf.addRow(self.tr("Caseworker"), self.caseworker)
        wf.addRow(self.tr("Lawyer"), self.texts["lawyer"])
        wf.addRow(self.tr("Tags"), self.texts["tags"])

        notes = QGroupBox(self.tr("Notes"), self)
        QVBoxLayout(notes).addWidget(self.notes)

        self.save_button = QPushButton(self.tr("Save changes"), self)
        set_role(self.save_button, "primary")
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Discard changes"), self)
        self.revert_button.clicked.connect(self.refresh)
        self.message = error_label(self)

        grid = QGridLayout()
        grid.addWidget(person, 0, 0)
        grid.addWidget(service, 0, 1)
        grid.addWidget(work, 1, 0)
        grid.addWidget(notes, 1, 1)
        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.addLayout(grid)
        content_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        for edit in self.texts.values():
            edit.textChanged.connect(self._changed)
        for date_edit in self.dates.values():
            date_edit.valueChanged.connect(self._changed)
        self.name_is_changed.toggled.connect(self._changed)
        self.priority.currentIndexChanged.connect(self._changed)
        self.caseworker.currentTextChanged.connect(self._changed)
        self.notes.textChanged.connect(self._changed)
        self._set_dirty(False)

    def values(self) -> dict[str, Any]:
        """What the fields hold; a date that cannot be stored is left out (kept as it was)."""
        out: dict[str, Any] = {name: edit.text().strip() for name, edit in self.texts.items()}
        out.update({name: edit.value() for name, edit in self.dates.items() if edit.is_valid()})
        out["name_is_changed"] = self.name_is_changed.isChecked()
        out["priority"] = self.priority.value()
        out["caseworker"] = self.caseworker.currentText().strip()
        out["notes"] = self.notes.toPlainText().strip()
        return out

    def refresh(self) -> None:
        case = self.session.ws.cases.get(self.case_id)
        self._case = case
        self._loading = True
        try:
            for name, edit in self.texts.items():
                edit.setText(getattr(case, name))
            for name, date_edit in self.dates.items():
                if isinstance(date_edit, UncertainDateEdit):
                    date_edit.set_value(read(case, name))
                else:
                    value: date | None = getattr(case, name)
                    date_edit.set_value(value)
            self.name_is_changed.setChecked(case.name_is_changed)
            self.priority.set_value(case.priority)
            names = sorted({r.caseworker for r in self.session.ws.cases.rows() if r.caseworker})
            self.caseworker.clear()
            self.caseworker.addItems(names)
            self.caseworker.setCurrentText(case.caseworker)
            self.notes.setPlainText(case.notes)
        finally:
            self._loading = False
        show_message(self.message, "")
        self._set_dirty(False)

    def clear(self) -> None:
        self._loading = True
        for edit in self.texts.values():
            edit.clear()
        for date_edit in self.dates.values():
            date_edit.clear_value()
        self.notes.clear()
        self.caseworker.clear()
        self._case = None
        self._loading = False

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def save(self) -> None:
        if self._case is not None and dates_ready(*self.dates.values()):
            self._store()

    def save_before_lock(self) -> None:
        """Keep what was typed when the vault locks; a wrong date keeps its stored value."""
        if self._case is not None:
            self._store()

    def _store(self) -> None:
        assert self._case is not None
        new, old = changed_fields(self._case, self.values())
        if not new:
            self._set_dirty(False)
            return
        try:
            UpdateCase(self.session, self.case_id, new, old).execute()
        except Exception as exc:
            show_message(self.message, error_text(exc))
            return
        self._set_dirty(False)
