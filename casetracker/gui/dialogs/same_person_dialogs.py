"""Same man or not: a verdict on two cases (chosen by hand or from the duplicate list), and the
confirmation before merging them, which says which case stays, what moves, and that Ctrl+Z
undoes it."""

import uuid

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.error_messages import error_text
from casetracker.gui.style import set_role
from casetracker.gui.undo_same_person_commands import MergeCases, SetSamePerson
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import EnumCombo, dialog_buttons, error_label, show_message
from casetracker.model import Case, SameCertainty, Verdict
from casetracker.services import same_person
from casetracker.services.cases import CaseRow

# The verdicts a caseworker chooses from: how sure "same", or "not the same".
CHOICES: tuple[SameCertainty | Verdict, ...] = (*SameCertainty, Verdict.NOT_SAME)


class SamePersonDialog(QDialog):
    """Mark this case and another as one man (how sure) or as two men, with a note.

    Without ``other_id`` the other case is typed, by reference or name. "Merge…" goes on to
    the merge confirmation for the same pair.
    """

    def __init__(
        self,
        session: VaultSession,
        case_id: uuid.UUID,
        other_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.case_id, self.other_id = session, case_id, other_id
        self.setWindowTitle(self.tr("Same man?"))
        self.setMinimumWidth(520)
        case = session.ws.cases.get(case_id)
        self.this = QLabel(_case_text(case), self)
        self.other = QLineEdit(self)
        self.other.setPlaceholderText(self.tr("Reference or name, e.g. CT-0043"))
        self.other.setAccessibleName(self.tr("The other case"))
        self.found = QLabel(self)
        set_role(self.found, "hint")
        self.found.setWordWrap(True)
        self.verdict = EnumCombo(CHOICES, self._choice_text, self)
        self.verdict.setAccessibleName(self.tr("Same man or not"))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Why, e.g. the same birth date and unit"))
        self.note.setAccessibleName(self.tr("Note"))
        form = QFormLayout()
        form.addRow(self.tr("This case"), self.this)
        if other_id is None:
            form.addRow(self.tr("The other case"), self.other)
            form.addRow("", self.found)
            self.other.textChanged.connect(lambda _t: self._show_found())
        else:
            form.addRow(
                self.tr("The other case"), QLabel(_case_text(session.ws.cases.get(other_id)))
            )
            self.other.hide()
            self.found.hide()
            links = same_person.links_for(session.ws, case_id)
            known = next((link for link in links if link.other_id == other_id), None)
            if known is not None:
                self.verdict.set_value(known.certainty or known.verdict)
                self.note.setText(known.note)
        form.addRow(self.tr("Verdict"), self.verdict)
        form.addRow(self.tr("Note"), self.note)
        self.message = error_label(self)
        buttons, _ok = dialog_buttons(self, self.tr("Save"))
        self.merge_button = buttons.addButton(
            self.tr("Same — merge…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.merge_button.clicked.connect(self.merge)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _choice_text(self, choice: SameCertainty | Verdict) -> str:
        return {
            SameCertainty.CERTAIN: self.tr("The same man — certain"),
            SameCertainty.LIKELY: self.tr("The same man — likely"),
            SameCertainty.POSSIBLE: self.tr("Possibly the same man"),
            Verdict.NOT_SAME: self.tr("Not the same man"),
        }[choice]

    def _matches(self) -> list[CaseRow]:
        text = self.other.text().strip()
        if not text:
            return []
        rows = [r for r in self.session.ws.cases.rows(search=text) if r.id != self.case_id]
        exact = [r for r in rows if r.ref.casefold() == text.casefold()]
        return exact or rows

    def _show_found(self) -> None:
        rows = self._matches()
        if not self.other.text().strip():
            text = ""
        elif not rows:
            text = self.tr("No case matches.")
        elif len(rows) == 1:
            text = f"→ {rows[0].ref} — {rows[0].full_name}"
        else:
            text = self.tr(
                "%n cases match: type more of the name, or the reference.", "", len(rows)
            )
        self.found.setText(text)

    def _other(self) -> uuid.UUID | None:
        if self.other_id is not None:
            return self.other_id
        rows = self._matches()
        if len(rows) == 1:
            return rows[0].id
        show_message(
            self.message,
            self.tr("Type the other case's reference or name until one case matches."),
        )
        self.other.setFocus()
        return None

    def submit(self) -> None:
        other = self._other()
        if other is None:
            return
        choice = self.verdict.value()
        verdict = Verdict.NOT_SAME if choice is Verdict.NOT_SAME else Verdict.SAME
        certainty = None if verdict is Verdict.NOT_SAME else SameCertainty(choice)
        state = same_person.verdict_state(self.session.ws, verdict, certainty, self.note.text())
        try:
            SetSamePerson(self.session, self.case_id, other, state).execute()
        except Exception as exc:
            show_message(self.message, error_text(exc))
            return
        self.accept()

    def merge(self) -> None:
        other = self._other()
        if other is None:
            return
        if MergeDialog(self.session, self.case_id, other, self).exec():
            self.accept()


class MergeDialog(QDialog):
    """Which case stays, what moves from the other, and that Ctrl+Z undoes the merge."""

    def __init__(
        self,
        session: VaultSession,
        a: uuid.UUID,
        b: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Merge two cases"))
        self.setMinimumWidth(560)
        cases = sorted((session.ws.cases.get(a), session.ws.cases.get(b)), key=lambda c: c.ref)
        self.cases = cases
        self.choice = QButtonGroup(self)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Which case stays?"), self)
        set_role(title, "subtitle")
        layout.addWidget(title)
        for i, case in enumerate(cases):
            button = QRadioButton(self.tr("Keep %1").replace("%1", _case_text(case)), self)
            self.choice.addButton(button, i)
            layout.addWidget(button)
        self.choice.button(0).setChecked(True)
        self.choice.idToggled.connect(self._toggled)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.undo_hint = QLabel(
            self.tr(
                "Undo (Ctrl+Z, or Undo in the toolbar) puts both cases back exactly as they were."
            ),
            self,
        )
        set_role(self.undo_hint, "hint")
        self.undo_hint.setWordWrap(True)
        self.message = error_label(self)
        buttons, self.ok = dialog_buttons(self, self.tr("Merge"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.summary)
        layout.addWidget(self.undo_hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._explain()

    def _toggled(self, _id: int, on: bool) -> None:
        if on:
            self._explain()

    def keep_and_absorb(self) -> tuple[Case, Case]:
        keep = self.choice.checkedId()
        return self.cases[keep], self.cases[1 - keep]

    def _explain(self) -> None:
        keep, absorb = self.keep_and_absorb()
        _k, _a, moved = same_person.merge_preview(self.session.ws, keep.id, absorb.id)
        text = (
            self.tr("Everything recorded on %1 moves to %2: %3.")
            .replace("%3", ", ".join(moved) or self.tr("nothing yet"))
            .replace("%1", absorb.ref)
            .replace("%2", keep.ref)
        )
        text += " " + self.tr(
            "Where both hold the same relative, source or flag, it is kept once. Details that "
            "differ are written into the notes of %2; %1 becomes another spelling of his name, "
            "so searching for %1 finds %2. Case %1 itself is then removed."
        ).replace("%1", absorb.ref).replace("%2", keep.ref)
        self.summary.setText(text)

    def submit(self) -> None:
        keep, absorb = self.keep_and_absorb()
        try:
            MergeCases(self.session, keep.id, absorb.id).execute()
        except Exception as exc:
            show_message(self.message, error_text(exc))
            return
        self.accept()


def _case_text(case: Case) -> str:
    return f"{case.ref} — {case.full_name}"
