"""Record where he is held now: choose a known place or name a new one.

No place is chosen for the caseworker: a preselected one was recorded as the move whenever
Record move was pressed without looking. The button waits until a place is chosen or named.
"""

import uuid

from PySide6.QtCore import QCollator, QLocale
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from casetracker.gui.error_messages import error_text
from casetracker.gui.labels import certainty_label
from casetracker.gui.undo_commands import MoveCustody
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import EnumCombo, dialog_buttons, error_label, show_message
from casetracker.gui.widgets.optional_date_edit import dates_ready
from casetracker.gui.widgets.uncertain_date_edit import UncertainDateEdit
from casetracker.model import Certainty

NEW_PLACE = "new"  # the data of the "a new place" entry; a known place's is its id


class MoveDialog(QDialog):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.case_id = session, case_id
        self.setWindowTitle(self.tr("Where is he held now?"))
        self.setMinimumWidth(480)
        self.place = QComboBox(self)
        self.place.setPlaceholderText(self.tr("Choose a place…"))
        self.place.addItem(self.tr("A new place (name it below)"), NEW_PLACE)
        order = QCollator(QLocale()).sortKey
        for facility in sorted(session.ws.facilities.all(), key=lambda f: order(f.name)):
            where = f" ({facility.settlement})" if facility.settlement else ""
            self.place.addItem(f"{facility.name}{where}", facility.id)
        self.place.setCurrentIndex(-1)
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText(self.tr("Name of the new place"))
        self.new_settlement = QLineEdit(self)
        self.new_settlement.setPlaceholderText(self.tr("Town or village"))
        self.since = UncertainDateEdit(self)
        self.certainty = EnumCombo(Certainty, certainty_label, self)
        self.certainty.set_value(Certainty.REPORTED)
        self.note = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("New place"), self.new_name)
        form.addRow(self.tr("Settlement"), self.new_settlement)
        form.addRow(self.tr("Since"), self.since)
        form.addRow(self.tr("How sure"), self.certainty)
        form.addRow(self.tr("Note"), self.note)
        self.message = error_label(self)
        buttons, self.ok = dialog_buttons(self, self.tr("Record move"))
        self.place.currentIndexChanged.connect(self._place_changed)
        self.new_name.textChanged.connect(self._place_changed)
        self._place_changed()
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _place_changed(self) -> None:
        # Typing a new place's name is choosing "a new place": the fields stay open to a click,
        # and picking a known place afterwards clears what was typed.
        if self.sender() is self.new_name and self.new_name.text().strip():
            self.place.setCurrentIndex(self.place.findData(NEW_PLACE))
        elif self.sender() is self.place and self.place.currentData() not in (NEW_PLACE, None):
            self.new_name.clear()
            self.new_settlement.clear()
        new = self.place.currentData() == NEW_PLACE
        chosen = self.place.currentIndex() >= 0 and (not new or bool(self.new_name.text().strip()))
        self.ok.setEnabled(chosen)

    def submit(self) -> None:
        if not dates_ready(self.since):
            return
        place: uuid.UUID | tuple[str, str] | None = self.place.currentData()
        if place == NEW_PLACE:
            name = self.new_name.text().strip()
            place = (name, self.new_settlement.text().strip()) if name else None
        if place is None:
            show_message(self.message, self.tr("Choose a place or name a new one."))
            return
        try:
            MoveCustody(
                self.session,
                self.case_id,
                place,
                self.since.value(),
                self.certainty.value(),
                self.note.text().strip(),
            ).execute()
        except Exception as exc:
            show_message(self.message, error_text(exc))
            return
        self.accept()
