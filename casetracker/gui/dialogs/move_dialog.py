"""Record where he is held now: choose a known place or name a new one.

No place is chosen for the caseworker: a preselected one was recorded as the move whenever
Record move was pressed without looking. The button waits until a place is chosen or named.
"""

import uuid

from PySide6.QtCore import QCollator, QLocale
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from casetracker.gui.dialogs.form_dialog import FormDialog
from casetracker.gui.labels import certainty_label
from casetracker.gui.undo_commands import MoveCustody
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import EnumCombo
from casetracker.gui.widgets.uncertain_date_edit import UncertainDateEdit
from casetracker.model import Certainty

NEW_PLACE = "new"  # the data of the "a new place" entry; a known place's is its id


class MoveDialog(FormDialog):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Where is he held now?"), self.tr("Record move"), 480, parent)
        self.session, self.case_id = session, case_id
        self.ok = self.ok_button
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
        self.form.addRow(self.tr("Place"), self.place)
        self.form.addRow(self.tr("New place"), self.new_name)
        self.form.addRow(self.tr("Settlement"), self.new_settlement)
        self.form.addRow(self.tr("Since"), self.since)
        self.form.addRow(self.tr("How sure"), self.certainty)
        self.form.addRow(self.tr("Note"), self.note)
        self.place.currentIndexChanged.connect(self._place_changed)
        self.new_name.textChanged.connect(self._place_changed)
        self.ok_when(self._place_given, self.place.currentIndexChanged, self.new_name.textChanged)

    def _place_changed(self) -> None:
        # Typing a new place's name is choosing "a new place": the fields stay open to a click,
        # and picking a known place afterwards clears what was typed.
        if self.sender() is self.new_name and self.new_name.text().strip():
            self.place.setCurrentIndex(self.place.findData(NEW_PLACE))
        elif self.sender() is self.place and self.place.currentData() not in (NEW_PLACE, None):
            self.new_name.clear()
            self.new_settlement.clear()

    def _place_given(self) -> bool:
        """A known place chosen, or a new one chosen and named."""
        new = self.place.currentData() == NEW_PLACE
        return self.place.currentIndex() >= 0 and (not new or bool(self.new_name.text().strip()))

    def save(self) -> None:
        place: uuid.UUID | tuple[str, str] = self.place.currentData()
        if place == NEW_PLACE:
            place = (self.new_name.text().strip(), self.new_settlement.text().strip())
        MoveCustody(
            self.session,
            self.case_id,
            place,
            self.since.value(),
            self.certainty.value(),
            self.note.text().strip(),
        ).execute()
