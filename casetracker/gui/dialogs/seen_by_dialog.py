"""He saw this man: what a released or moved man said about another, logged on the other's case.

It is second-hand news — never proof of life, which only the man's own voice gives — and it
stays tied to the witness's case, so the other man's contacts say whose debrief it came from.
"""

import uuid
from datetime import date

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from casetracker.gui.error_messages import error_text
from casetracker.gui.labels import channel_label
from casetracker.gui.style import set_role
from casetracker.gui.undo_task_commands import LogSeenBy
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import EnumCombo, dialog_buttons, error_label, show_message
from casetracker.gui.widgets.optional_date_edit import OptionalDateEdit, dates_ready
from casetracker.model import Channel


class SeenByDialog(QDialog):
    def __init__(
        self,
        session: VaultSession,
        witness: tuple[uuid.UUID, str],
        seen: tuple[uuid.UUID, str],
        parent: QWidget | None = None,
    ) -> None:
        """``witness`` and ``seen``: each case's id and its "CT-0042 — name" label."""
        super().__init__(parent)
        self.session, self.witness_id, self.seen_id = session, witness[0], seen[0]
        self.setWindowTitle(self.tr("He saw this man"))
        self.setMinimumWidth(500)
        about = QLabel(
            self.tr("<b>%1</b> was seen by <b>%2</b>.")
            .replace("%1", seen[1])
            .replace("%2", witness[1]),
            self,
        )
        about.setWordWrap(True)
        self.on = OptionalDateEdit(self)
        self.on.set_value(date.today())
        self.on.edit.setPlaceholderText("")
        self.channel = EnumCombo(Channel, channel_label, self)
        self.channel.set_value(Channel.VISIT)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("What he saw: when, where, in what state"))
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(70)
        form = QFormLayout()
        form.addRow(self.tr("He told us on"), self.on)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("What he saw"), self.note)
        hint = QLabel(
            self.tr(
                "Logged on the other man's case as news about him (second-hand), not as proof "
                "of life: only his own voice is."
            ),
            self,
        )
        hint.setWordWrap(True)
        set_role(hint, "hint")
        self.message = error_label(self)
        buttons, self.ok_button = dialog_buttons(self, self.tr("Log"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.note.setFocus()

    def submit(self) -> None:
        if not dates_ready(self.on):
            return
        on = self.on.value()
        if on is None:
            show_message(self.message, self.tr("Say on which day he told you."))
            self.on.setFocus()
            return
        try:
            LogSeenBy(
                self.session,
                self.witness_id,
                self.seen_id,
                on,
                self.channel.value(),
                self.note.toPlainText().strip(),
            ).execute()
        except Exception as exc:
            show_message(self.message, error_text(exc))
            return
        self.accept()
