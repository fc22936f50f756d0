"""Log a contact (Ctrl+L): the dialog caseworkers use most, so it opens ready to type.

The time defaults to now, selected so typing replaces it; a day typed without a time is stored
as a day alone (the time unknown), never as an invented hour. Whether *he himself* was heard is
asked explicitly every time, because only that is proof of life; nothing is pre-selected so a
second-hand message is never logged as proof by accident. A status change and a move can be
recorded in the same step, and undone with it.
"""

import uuid
from datetime import datetime, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.error_messages import error_text
from casetracker.gui.labels import certainty_label, channel_label, status_label
from casetracker.gui.style import set_role
from casetracker.gui.undo_commands import LogContact
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import EnumCombo, dialog_buttons, error_label, show_message
from casetracker.gui.widgets.optional_date_edit import dates_ready
from casetracker.gui.widgets.uncertain_date_edit import UncertainMomentEdit
from casetracker.model import CaseStatus, Certainty, Channel
from casetracker.model.uncertain_date import UncertainDate


class LogContactDialog(QDialog):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.command: LogContact | None = None
        self.setWindowTitle(self.tr("Log a contact"))
        self.setMinimumWidth(560)

        self.case_combo = QComboBox(self)
        self.case_combo.setEditable(True)
        self.case_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.case_combo.setAccessibleName(self.tr("Case"))
        for row in session.ws.cases.rows():
            self.case_combo.addItem(f"{row.ref} — {row.full_name}", str(row.id))
        completer = self.case_combo.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        if case_id is not None:
            index = self.case_combo.findData(str(case_id))
            self.case_combo.setCurrentIndex(index)
            self.case_combo.setEnabled(False)
        else:
            self.case_combo.setCurrentIndex(-1)
            line = self.case_combo.lineEdit()
            if line is not None:
                line.setPlaceholderText(self.tr("Type a reference or a name"))
        self.case_combo.currentIndexChanged.connect(self._case_changed)

        self.when = UncertainMomentEdit(self)
        self.when.edit.setAccessibleName(self.tr("When"))

        self.direct = QRadioButton(self.tr("He himself was heard — proof of life"), self)
        self.second_hand = QRadioButton(self.tr("Only news about him (second-hand)"), self)
        self.heard = QButtonGroup(self)
        self.heard.addButton(self.direct)
        self.heard.addButton(self.second_hand)
        heard_box = QVBoxLayout()
        heard_box.setSpacing(2)
        heard_box.addWidget(self.direct)
        heard_box.addWidget(self.second_hand)

        self.channel = EnumCombo(Channel, channel_label, self)
        self.relative = QComboBox(self)
        self.relative.setAccessibleName(self.tr("Who reported"))
        self.participants = QLineEdit(self)
        self.participants.setPlaceholderText(self.tr("e.g. the father spoke with his son"))
        self.transfer = QCheckBox(self.tr("Reports a transfer (he is being moved)"), self)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("What was said"))
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(60)  # grows with the dialog; small enough for 200 %

        self.status = EnumCombo(
            CaseStatus, status_label, self, none_text=self.tr("No change of status")
        )
        self.place = QComboBox(self)
        self.place.addItem(self.tr("No move"), None)
        for facility in session.ws.facilities.all():
            where = f" ({facility.settlement})" if facility.settlement else ""
            self.place.addItem(f"{facility.name}{where}", facility.id)
        self.certainty = EnumCombo(Certainty, certainty_label, self)
        self.certainty.set_value(Certainty.REPORTED)
        self.place.setAccessibleName(self.tr("Moved to"))
        self.certainty.setAccessibleName(self.tr("How sure"))

        form = QFormLayout()
        form.addRow(self.tr("Case"), self.case_combo)
        form.addRow(self.tr("When"), self.when)
        when_hint = QLabel(
            self.tr(
                "Type the day alone if the hour is not known; a month or a range (1–8 July 2024) "
                "if the day is not."
            ),
            self,
        )
        when_hint.setWordWrap(True)
        set_role(when_hint, "hint")
        form.addRow("", when_hint)
        form.addRow(self.tr("Heard"), heard_box)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Reported by"), self.relative)
        form.addRow(self.tr("Who spoke with whom"), self.participants)
        form.addRow("", self.transfer)
        form.addRow(self.tr("Note"), self.note)

        also = QGroupBox(self.tr("Also record (optional)"), self)
        also_form = QFormLayout(also)
        also_form.addRow(self.tr("New status"), self.status)
        move_row = QHBoxLayout()
        move_row.addWidget(self.place, 1)
        move_row.addWidget(self.certainty)
        also_form.addRow(self.tr("Moved to"), move_row)

        self.message = error_label(self)
        buttons, self.ok_button = dialog_buttons(self, self.tr("Log contact"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Only a contact in which he himself was heard resets the clock."))
        set_role(hint, "hint")
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(also)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._case_changed()
        if case_id is not None:
            self.direct.setFocus()

    def case_id(self) -> uuid.UUID | None:
        data = self.case_combo.currentData()
        return uuid.UUID(data) if isinstance(data, str) else None

    def _case_changed(self) -> None:
        self.relative.clear()
        self.relative.addItem(self.tr("—"), None)
        case_id = self.case_id()
        if case_id is None:
            return
        for relative, relationship in self.session.ws.relatives.for_case(case_id):
            name = relative.full_name if not relative.anonymous else self.tr("Anonymous")
            label = f"{name} ({relationship})" if relationship else name
            self.relative.addItem(label, relative.id)
        if self.relative.count() == 2:
            self.relative.setCurrentIndex(1)

    def when_value(self) -> tuple[datetime | UncertainDate, bool]:
        """When the contact happened, and whether its time is known (False: the day only); an
        UncertainDate when not even the day is known."""
        read = self.when.read()
        if isinstance(read, UncertainDate):
            return read, False
        day, at = read
        return datetime.combine(day, at or time()), at is not None

    def submit(self) -> None:
        case_id = self.case_id()
        if case_id is None:
            show_message(self.message, self.tr("Choose the case this contact is about."))
            return
        if self.heard.checkedButton() is None:
            show_message(
                self.message,
                self.tr("Say whether he himself was heard, or only news about him."),
            )
            return
        if not dates_ready(self.when):
            return
        occurred_at, time_known = self.when_value()
        command = LogContact(
            self.session,
            case_id,
            occurred_at,
            time_known=time_known,
            direct=self.direct.isChecked(),
            channel=self.channel.value(),
            reports_transfer=self.transfer.isChecked(),
            note=self.note.toPlainText().strip(),
            participants=self.participants.text().strip(),
            relative_id=self.relative.currentData(),
            new_status=self.status.value(),
            move_to=self.place.currentData(),
            move_certainty=self.certainty.value(),
        )
        try:
            command.execute()
        except Exception as exc:
            show_message(self.message, error_text(exc))
            return
        self.command = command
        self.accept()
