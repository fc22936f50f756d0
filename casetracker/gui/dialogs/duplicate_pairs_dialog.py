"""The possible duplicates, pair by pair, each with its decision: the same man (how sure), not
the same (never proposed again), or the same and merged. Every decision is undoable.

A pair is worded when the list shows it: at 100,000 cases there may be half a million pairs,
and wording them all took longer than anyone would wait for the list.
"""

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.dialogs.same_person_dialogs import MergeDialog, SamePersonDialog
from casetracker.gui.locale_format import date_text
from casetracker.gui.style import set_role
from casetracker.gui.undo_same_person_commands import SetSamePerson
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import fit_to_screen
from casetracker.model import Verdict
from casetracker.services import same_person
from casetracker.services.duplicates import DuplicatePair, Reason, possible_duplicates
from casetracker.services.same_person import Link, certainty_label
from casetracker.services.workspace import Workspace


class _PairTexts(QAbstractListModel):
    """``count`` rows, each worded by ``word(row)`` when a view first asks for it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._word: Callable[[int], str] = str
        self._worded: dict[int, str] = {}

    def show(self, count: int, word: Callable[[int], str]) -> None:
        self.beginResetModel()
        self._count, self._word, self._worded = count, word, {}
        self.endResetModel()

    def text(self, row: int) -> str:
        text = self._worded.get(row)
        if text is None:
            text = self._worded[row] = self._word(row)
        return text

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() and index.row() < self._count:
            return self.text(index.row())
        return None


class DuplicatePairsDialog(QDialog):
    # Both cases of the chosen pair, to look at them before deciding.
    open_cases = Signal(object, object)

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.pairs: list[DuplicatePair] = []
        self.setWindowTitle(self.tr("Possible duplicates"))
        fit_to_screen(self, 820, 460)
        intro = QLabel(
            self.tr(
                "Each pair may be one man entered twice. Decide pair by pair: a pair marked "
                "“not the same” is never proposed again."
            ),
            self,
        )
        intro.setWordWrap(True)
        # Rows of one height, worded as shown: 500,000 pairs list in a blink.
        self.model = _PairTexts(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setAlternatingRowColors(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(self.tr("Possible duplicates"))
        self.list.selectionModel().currentRowChanged.connect(lambda _a, _b: self._enable())
        self.empty = QLabel(self.tr("No possible duplicates are left."), self)
        set_role(self.empty, "hint")
        self.same_button = QPushButton(self.tr("&Same man…"), self)
        self.same_button.clicked.connect(self.mark_same)
        self.not_same_button = QPushButton(self.tr("&Not the same"), self)
        self.not_same_button.clicked.connect(self.mark_not_same)
        self.merge_button = QPushButton(self.tr("Same — &merge…"), self)
        self.merge_button.clicked.connect(self.merge)
        self.open_button = QPushButton(self.tr("O&pen both cases"), self)
        self.open_button.clicked.connect(self.open_both)
        self.buttons = (self.same_button, self.not_same_button, self.merge_button, self.open_button)
        actions = QHBoxLayout()
        for button in self.buttons[:3]:
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.open_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(actions)
        layout.addWidget(close)
        # Ctrl+Z works here too: a wrong decision is taken back without leaving the list.
        undo = session.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.addAction(undo)
        session.changed.connect(self.refresh)
        self.finished.connect(lambda _r: session.changed.disconnect(self.refresh))
        self.refresh()

    def _reason(self, reason: Reason) -> str:
        return {
            Reason.SAME_NAME: self.tr("same name, spelt differently"),
            Reason.TYPO: self.tr("names one typing slip apart"),
            Reason.SAME_BIRTH_DATE: self.tr("same birth date, similar name"),
        }[reason]

    def refresh(self) -> None:
        if not self.session.is_open:
            return
        ws = self.session.ws
        row = max(self.list.currentIndex().row(), 0)
        self.pairs = pairs = possible_duplicates(ws)
        names = {r.id: r.full_name for r in ws.cases.rows()}
        facts = _facts(ws)
        verdicts = same_person.pair_verdicts(ws)
        self.model.show(len(pairs), lambda i: self._word(pairs[i], names, facts, verdicts))
        self.empty.setVisible(not self.pairs)
        if self.pairs:
            self.list.setCurrentIndex(self.model.index(min(row, len(self.pairs) - 1)))
        self._enable()
        # A decided pair leaves the list: the keys stay in it (or on Close once it is empty).
        (self.list if self.pairs else self.close_button).setFocus()

    def _word(
        self,
        pair: DuplicatePair,
        names: dict[uuid.UUID, str],
        facts: dict[uuid.UUID, str],
        verdicts: dict[tuple[uuid.UUID, uuid.UUID], Link],
    ) -> str:
        first, second = (
            f"{ref} {names.get(case_id, '')}{facts.get(case_id, '')}"
            for ref, case_id in ((pair.first_ref, pair.first_id), (pair.second_ref, pair.second_id))
        )
        text = f"{first}   ·   {second}\n{self._reason(pair.reason)}"
        link = verdicts.get(same_person.pair(pair.first_id, pair.second_id))
        if link is not None and link.verdict is Verdict.SAME:
            text += " — " + self.tr("marked: the same man (%1)").replace(
                "%1", certainty_label(link.certainty)
            )
        return text

    def texts(self) -> list[str]:
        """The pairs as listed, one text each."""
        return [self.model.text(row) for row in range(self.model.rowCount())]

    def _enable(self) -> None:
        chosen = self.list.currentIndex().row() >= 0
        for button in self.buttons:
            button.setEnabled(chosen)

    def _current(self) -> DuplicatePair | None:
        row = self.list.currentIndex().row()
        return self.pairs[row] if 0 <= row < len(self.pairs) else None

    def mark_same(self) -> None:
        pair = self._current()
        if pair is not None:
            SamePersonDialog(self.session, pair.first_id, pair.second_id, self).exec()
            self.activateWindow()  # back to the list, for the next pair

    def mark_not_same(self) -> None:
        pair = self._current()
        if pair is None:
            return
        state = same_person.verdict_state(self.session.ws, Verdict.NOT_SAME, None, "")
        SetSamePerson(self.session, pair.first_id, pair.second_id, state).execute_here(self)

    def open_both(self) -> None:
        pair = self._current()
        if pair is not None:
            self.open_cases.emit(pair.first_id, pair.second_id)

    def merge(self) -> None:
        pair = self._current()
        if pair is not None:
            MergeDialog(self.session, pair.first_id, pair.second_id, self).exec()
            self.activateWindow()


def _facts(ws: Workspace) -> dict[uuid.UUID, str]:
    """ " (01.03.1990, в/ч 12345)" per case: what tells two men of one name apart."""
    out = {}
    for case_id, (born, unit) in same_person.telling_facts(ws).items():
        parts = ([date_text(born)] if born else []) + ([unit] if unit else [])
        if parts:
            out[case_id] = f" ({', '.join(parts)})"
    return out
