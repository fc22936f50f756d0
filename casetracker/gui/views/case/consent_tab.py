"""Consent: who agreed that this case may be shared, with whom; and what was sent, to whom.

The upper list is every consent on the case, the man's first, then each relative's; a
withdrawn one stays, greyed, with both days. The lower list is the case's disclosure log:
each export that carried the case, to whom (their key's fingerprint), under which profile,
and why it went without his consent when it did. Insert records a consent; the selected one
is withdrawn with "Withdraw…"; Ctrl+Z undoes either.
"""

import json
import uuid
from datetime import UTC

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from casetracker.gui import style
from casetracker.gui.dialogs.consent_dialog import ConsentDialog, person_text
from casetracker.gui.locale_format import date_text, datetime_text
from casetracker.gui.models.column_table import Column
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.case.case_tab import CaseTab
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model import DisclosureEntry
from casetracker.model.consent_labels import (
    audience_label,
    consent_how_label,
    profile_short_label,
)
from casetracker.model.labels import counts_text, profile_label
from casetracker.rules.flag import Severity
from casetracker.services.consent import ConsentLine, ConsentService

Sent = tuple[str, DisclosureEntry]


class ConsentTab(CaseTab):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, case_id, parent)
        himself, unnamed = self.tr("He himself"), self.tr("no name")
        self.table: RecordTable[ConsentLine] = RecordTable(
            [
                Column(
                    self.tr("Who agreed"),
                    lambda c: person_text(
                        c.person, c.relationship, himself=himself, unnamed=unnamed
                    ),
                    # He himself first, then his relatives by name.
                    sort=lambda c: f"{c.relative_id is not None:d}{c.person.casefold()}",
                    foreground=self._grey,
                ),
                Column(
                    self.tr("May be shared with"),
                    lambda c: audience_label(c.audience),
                    foreground=self._grey,
                ),
                Column(
                    self.tr("Given on"),
                    lambda c: date_text(c.given_on) if c.given_on else "—",
                    sort=lambda c: c.given_on.isoformat() if c.given_on else "",
                ),
                Column(self.tr("How"), lambda c: consent_how_label(c.how)),
                Column(self.tr("Through whom"), lambda c: c.given_through),
                Column(
                    self.tr("Withdrawn"),
                    lambda c: date_text(c.withdrawn_on) if c.withdrawn_on else "",
                    sort=lambda c: c.withdrawn_on.isoformat() if c.withdrawn_on else "",
                ),
                Column(self.tr("Note"), lambda c: c.note, tooltip=lambda c: c.note),
            ],
            self,
            stretch_column=6,
            whole_columns=(0, 1),  # who and to whom, never shortened
        )
        self.table.setAccessibleName(self.tr("Consent"))
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.activated_record.connect(lambda _c: self.withdraw())
        self.table.selected_record.connect(lambda _c: self._enable())
        self.new_button = QPushButton(self.tr("Record consent…"), self)
        self.new_button.setToolTip(self.tr("Record who agreed to what (Insert)"))
        style.set_role(self.new_button, "primary")
        self.new_button.clicked.connect(lambda: self.give())
        self.withdraw_button = QPushButton(self.tr("Withdraw…"), self)
        self.withdraw_button.setToolTip(self.tr("Record that the selected consent was withdrawn"))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.hint = QLabel(
            self.tr(
                "An export leaves out every relative who has not agreed to its audience. The "
                "man's own consent is asked for too: without it his case leaves only if you give "
                "a reason, which is kept below."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        style.set_role(self.hint, "hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)

        self.sent_title = QLabel(self.tr("What was sent (disclosure log)"), self)
        style.set_role(self.sent_title, "subtitle")
        self.sent: RecordTable[Sent] = RecordTable(
            [
                Column(
                    self.tr("Sent"),
                    lambda s: datetime_text(
                        s[1].sent_at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
                    ),
                    sort=lambda s: s[1].sent_at.isoformat(),
                ),
                Column(
                    self.tr("Profile"),
                    lambda s: profile_short_label(s[1].profile),
                    tooltip=lambda s: profile_label(s[1].profile),
                ),
                Column(self.tr("To"), self._to, tooltip=self._to),
                Column(self.tr("By"), lambda s: s[1].sent_by),
                Column(
                    self.tr("What"),
                    lambda s: counts_text(json.loads(s[1].counts or "{}")),
                    tooltip=lambda s: counts_text(json.loads(s[1].counts or "{}")),
                ),
                Column(
                    self.tr("Relatives left out"),
                    lambda s: str(s[1].relatives_withheld) if s[1].relatives_withheld else "",
                ),
                Column(
                    self.tr("Without his consent, because"),
                    lambda s: s[1].without_consent_reason,
                    tooltip=lambda s: s[1].without_consent_reason,
                    foreground=lambda s: (
                        style.SEVERITY_FOREGROUND.get(Severity.WARNING)
                        if s[1].without_consent_reason
                        else None
                    ),
                ),
            ],
            self,
            stretch_column=6,  # the reason, last: long ones show whole as a tooltip
            whole_columns=(0, 2),  # when and to whom, never shortened
        )
        self.sent.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the newest first
        self.sent.setAccessibleName(self.tr("What was sent (disclosure log)"))
        self.nothing_sent = QLabel(self.tr("Nothing about this case has been exported."), self)
        style.set_role(self.nothing_sent, "hint")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.sent_title)
        layout.addWidget(self.nothing_sent)
        layout.addWidget(self.sent, 2)
        insert = QAction(self.tr("Record consent"), self)
        insert.setShortcut(QKeySequence(Qt.Key.Key_Insert))
        insert.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        insert.triggered.connect(lambda: self.give())
        self.addAction(insert)
        self._enable()

    def _grey(self, line: ConsentLine) -> QColor | None:
        return None if line.active else style.MUTED

    def _to(self, sent: Sent) -> str:
        entry = sent[1]
        return self.tr("a passphrase") if entry.with_passphrase else entry.recipients

    def _enable(self) -> None:
        current = self.table.current_record()
        self.withdraw_button.setEnabled(current is not None and current.active)

    def refresh(self) -> None:
        service = ConsentService(self.session.ws)
        self.table.set_records(service.lines(self.case_id))
        sent = service.disclosures(self.case_id)
        self.sent.set_records(sent)
        self.nothing_sent.setVisible(not sent)
        self.sent.setVisible(bool(sent))
        self._enable()

    def clear(self) -> None:
        self.table.clear()
        self.sent.clear()

    def give(self, relative_id: uuid.UUID | None = None) -> None:
        ConsentDialog(self.session, self.case_id, relative_id=relative_id, parent=self).exec()

    def withdraw(self) -> None:
        current = self.table.current_record()
        if current is not None and current.active:
            ConsentDialog(self.session, self.case_id, withdrawing=current, parent=self).exec()
