"""He saw this man: what a released or moved man said about another, logged on the other's case.

It is second-hand news — never proof of life, which only the man's own voice gives — and it
stays tied to the witness's case, so the other man's contacts say whose debrief it came from.
"""

import uuid
from datetime import date

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from casetracker.gui.dialogs.form_dialog import FormDialog
from casetracker.gui.labels import channel_label
from casetracker.gui.style import set_role
from casetracker.gui.undo_task_commands import LogSeenBy
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import EnumCombo
from casetracker.gui.widgets.optional_date_edit import OptionalDateEdit
from casetracker.model import Channel


class SeenByDialog(FormDialog):
    def __init__(
        self,
        session: VaultSession,
        witness: tuple[uuid.UUID, str],
        seen: tuple[uuid.UUID, str],
        parent: QWidget | None = None,
    ) -> None:
        """``witness`` and ``seen``: each case's id and its "CT-0042 — name" label."""
        super().__init__(self.tr("He saw this man"), self.tr("Log"), 500, parent)
        self.session, self.witness_id, self.seen_id = session, witness[0], seen[0]
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
        self.form.addRow(self.tr("He told us on"), self.on)
        self.form.addRow(self.tr("Channel"), self.channel)
        self.form.addRow(self.tr("What he saw"), self.note)
        hint = QLabel(
            self.tr(
                "Logged on the other man's case as news about him (second-hand), not as proof "
                "of life: only his own voice is."
            ),
            self,
        )
        hint.setWordWrap(True)
        set_role(hint, "hint")
        self.add_above(about)
        self.add_below(hint)
        self.require_day(self.on, self.tr("Say on which day he told you."))
        self.note.setFocus()  # the day is today's, the channel a visit: what he saw is asked

    def save(self) -> None:
        on = self.on.value()
        assert on is not None  # (a required day: submit asked for it)
        LogSeenBy(
            self.session,
            self.witness_id,
            self.seen_id,
            on,
            self.channel.value(),
            self.note.toPlainText().strip(),
        ).execute()
