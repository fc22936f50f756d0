"""Record a consent (who agreed, to which audience, on what day, how) or withdraw one.

One dialog for both, so they read alike: recording asks for everything; withdrawing shows what
was given and asks only for the day it was taken back. Each is one undoable command.
"""

import uuid
from datetime import date
from itertools import pairwise

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from casetracker.gui.dialogs.form_dialog import FormDialog
from casetracker.gui.locale_format import date_text
from casetracker.gui.undo_consent_commands import GiveConsent, WithdrawConsent
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import EnumCombo
from casetracker.gui.widgets.optional_date_edit import OptionalDateEdit
from casetracker.model import Audience, ConsentHow
from casetracker.model.consent_labels import audience_label, consent_how_label
from casetracker.services.consent import ConsentLine


def person_text(name: str, relationship: str, *, himself: str, unnamed: str) -> str:
    """ "He himself", or "Ольга Матвеева (мать)" for a relative."""
    if name or relationship:
        return f"{name or unnamed} ({relationship})" if relationship else name
    return himself


class ConsentDialog(FormDialog):
    """Record consent for the case ``case_id``; with ``withdrawing``, withdraw that one."""

    def __init__(
        self,
        session: VaultSession,
        case_id: uuid.UUID,
        *,
        relative_id: uuid.UUID | None = None,
        withdrawing: ConsentLine | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Record consent") if withdrawing is None else self.tr("Withdraw consent"),
            self.tr("Record") if withdrawing is None else self.tr("Withdraw"),
            520,
            parent,
        )
        self.session, self.case_id, self.withdrawing = session, case_id, withdrawing
        form = self.form
        self.on = OptionalDateEdit(self)
        self.on.set_value(date.today())
        self.audience = EnumCombo(Audience, audience_label, self)
        self.how = EnumCombo(
            [h for h in ConsentHow if h is not ConsentHow.RECORDED_BEFORE], consent_how_label, self
        )
        self.through = QLineEdit(self)
        self.through.setPlaceholderText(self.tr("e.g. his mother, by phone to Anna"))
        self.note = QLineEdit(self)
        self.require_day(self.on, self.tr("Type the day."))
        if withdrawing is None:
            himself = self.tr("He himself")
            people: dict[uuid.UUID | None, str] = {None: himself}
            for relative, relationship in session.ws.relatives.for_case(case_id):
                people[relative.id] = person_text(
                    relative.full_name, relationship, himself=himself, unnamed=self.tr("no name")
                )
            self.who = EnumCombo(people, people.__getitem__, self)
            self.who.setAccessibleName(self.tr("Who agreed"))
            self.who.set_value(relative_id)
            form.addRow(self.tr("Who agreed"), self.who)
            form.addRow(self.tr("May be shared with"), self.audience)
            form.addRow(self.tr("Given on"), self.on)
            form.addRow(self.tr("How"), self.how)
            form.addRow(self.tr("Through whom"), self.through)
            form.addRow(self.tr("Note"), self.note)
            # Tab follows the rows (the fields were made before "who", which comes first).
            order = (self.who, self.audience, self.on, self.how, self.through, self.note)
            for first, then in pairwise(order):
                QWidget.setTabOrder(first, then)
            for field, name in (
                (self.audience, self.tr("May be shared with")),
                (self.how, self.tr("How")),
                (self.through, self.tr("Through whom")),
                (self.note, self.tr("Note")),
            ):
                field.setAccessibleName(name)
            self.who.setFocus()
        else:
            given = (
                self.tr("given %1, %2")
                .replace("%1", date_text(withdrawing.given_on) if withdrawing.given_on else "—")
                .replace("%2", consent_how_label(withdrawing.how))
            )
            what = QLabel(
                "\n".join(
                    [
                        person_text(
                            withdrawing.person,
                            withdrawing.relationship,
                            himself=self.tr("He himself"),
                            unnamed=self.tr("no name"),
                        ),
                        self.tr("May be shared with %1").replace(
                            "%1", audience_label(withdrawing.audience)
                        ),
                        given,
                    ]
                ),
                self,
            )
            what.setWordWrap(True)
            form.addRow(self.tr("Consent"), what)
            form.addRow(self.tr("Withdrawn on"), self.on)
            hint = QLabel(
                self.tr(
                    "The record stays in the case, with both days: the next export leaves "
                    "this person out."
                ),
                self,
            )
            hint.setWordWrap(True)
            form.addRow("", hint)

    def save(self) -> None:
        on = self.on.value()
        assert on is not None  # (a required day: submit asked for it)
        line = self.withdrawing
        if line is None:
            GiveConsent(
                self.session,
                self.case_id,
                self.audience.value(),
                on,
                relative_id=self.who.value(),
                how=self.how.value(),
                given_through=self.through.text().strip(),
                note=self.note.text().strip(),
            ).execute()
        else:
            WithdrawConsent(
                self.session, self.case_id, line.audience, on, line.relative_id
            ).execute()
