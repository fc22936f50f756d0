"""Today: one row per man with open flags (and per silent place), worst first.

A row shows his worst flag and, beside it, his other flags; expand it to select any of them.
Select a flag to read why it was raised and how long he has been silent; acknowledge or snooze
it with a note for colleagues in one click; double-click (or Enter, or "Open case") opens the
case.
"""

import uuid
from datetime import date

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.error_messages import error_text
from casetracker.gui.labels import rule_title, severity_label
from casetracker.gui.locale_format import days_ago_text
from casetracker.gui.models.flag_tree import FlagTreeModel
from casetracker.gui.style import set_role, set_severity
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.today_tasks import TodayTasks
from casetracker.gui.widgets.column_widths import ColumnWidths
from casetracker.rules.flag import Flag, Severity
from casetracker.services.cases import CaseRow


class TodayView(QWidget):
    case_activated = Signal(object)  # uuid.UUID
    place_activated = Signal(object)  # uuid.UUID
    # A task's case, to open on its Tasks tab.
    task_case_activated = Signal(object)  # uuid.UUID

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        self._cases: dict[uuid.UUID, CaseRow] = {}
        self.title = QLabel(self.tr("Today"), self)
        set_role(self.title, "title")
        self.summary = QLabel(self)
        set_role(self.summary, "subtitle")

        self.model = FlagTreeModel()
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Open flags"))
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setRootIsDecorated(True)
        self.tree.doubleClicked.connect(lambda _i: self.open_selected())
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        # The reference and the name get the width they need first; headers are never cut off;
        # room left over goes to "What" (the worst flag and the others).
        self.widths = ColumnWidths(self.tree, whole=(0, 1), spare=2)

        self.detail = QFrame(self)
        set_role(self.detail, "panel")
        self.detail.setMinimumWidth(280)  # its scroll area holds the panel's width
        self.badge = QLabel(self.detail)
        set_role(self.badge, "badge")
        self.headline = QLabel(self.detail)
        self.headline.setWordWrap(True)
        set_role(self.headline, "title")
        self.subject = QLabel(self.detail)
        self.subject.setWordWrap(True)
        self.message = QLabel(self.detail)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.proof = QLabel(self.detail)
        self.proof.setWordWrap(True)
        set_role(self.proof, "subtitle")
        self.also = QLabel(self.detail)
        self.also.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open case"), self.detail)
        set_role(self.open_button, "primary")
        self.open_button.clicked.connect(self.open_selected)
        self.note = QLineEdit(self.detail)
        self.note.setPlaceholderText(self.tr("Note for colleagues (required)"))
        self.note.setToolTip(self.tr("Why, in a few words, e.g. lawyer informed"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.returnPressed.connect(self.acknowledge)
        self.ack_button = QPushButton(self.tr("Acknowledge"), self.detail)
        self.ack_button.setToolTip(
            self.tr("Hide this flag until it gets worse; the note is kept in the case history.")
        )
        self.ack_button.clicked.connect(self.acknowledge)
        self.snooze_days = QSpinBox(self.detail)
        self.snooze_days.setRange(1, 365)
        self.snooze_days.setValue(7)
        self.snooze_days.setSuffix(self.tr(" days"))
        self.snooze_days.setAccessibleName(self.tr("Snooze for how many days"))
        self.snooze_button = QPushButton(self.tr("Snooze for"), self.detail)
        self.snooze_button.setToolTip(self.tr("Hide this flag for a while, then show it again."))
        self.snooze_button.clicked.connect(self.snooze)
        self.feedback = QLabel(self.detail)
        self.feedback.setWordWrap(True)
        # One action per line: long translations and 200 % scaling never cut a button off.
        actions = QVBoxLayout()
        ack_row = QHBoxLayout()
        ack_row.addWidget(self.ack_button)
        ack_row.addStretch(1)
        snooze_row = QHBoxLayout()
        snooze_row.addWidget(self.snooze_button)
        snooze_row.addWidget(self.snooze_days)
        snooze_row.addStretch(1)
        actions.addLayout(ack_row)
        actions.addLayout(snooze_row)
        detail_layout = QVBoxLayout(self.detail)
        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addStretch(1)
        detail_layout.addLayout(top)
        detail_layout.addWidget(self.headline)
        detail_layout.addWidget(self.subject)
        detail_layout.addWidget(self.message)
        detail_layout.addWidget(self.proof)
        detail_layout.addWidget(self.also)
        detail_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        detail_layout.addStretch(1)
        detail_layout.addWidget(self.note)
        detail_layout.addLayout(actions)
        detail_layout.addWidget(self.feedback)

        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        set_role(self.empty, "hint")
        splitter = QSplitter(self)
        # The panel scrolls when the window is short (200 % on a small screen) instead of
        # squeezing its lines and buttons over each other.
        self.detail_scroll = QScrollArea(self)
        self.detail_scroll.setWidget(self.detail)
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail_scroll.setMinimumWidth(320)
        self.detail_scroll.setMaximumWidth(480)
        # Tasks due sit under the flags: one line when none are due, never an empty box.
        self.tasks = TodayTasks(self)
        self.tasks.case_activated.connect(self.task_case_activated)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.tasks)
        splitter.addWidget(left)
        splitter.addWidget(self.detail_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([900, 380])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self._show_detail(None)

    # -- data -------------------------------------------------------------------------------
    def set_session(self, session: VaultSession | None) -> None:
        self.session = session
        if session is None:
            self.model.clear_flags()
            self._cases = {}
            self.summary.clear()
            self.note.clear()
            self.feedback.clear()
            self._show_detail(None)
            self.tasks.set_session(None)
        else:
            self.refresh()

    def refresh(self) -> None:
        if self.session is None or not self.session.is_open:
            return
        selected = self.selected_flag()
        subjects = self.session.flags.open_by_subject()
        self._cases = self.session.ws.cases.rows_by_id()
        self.model.set_subjects(subjects, self._cases)
        self.widths.fit()
        # Counted as shown: a man (or a place) once, by his worst flag.
        counts = {s: sum(1 for e in subjects if e.worst.severity is s) for s in Severity}
        if not subjects:
            self.summary.setText(self.tr("Nothing needs attention today."))
        else:
            parts = (
                self.tr("%n critical", "", counts[Severity.CRITICAL]),
                self.tr("%n warning(s)", "", counts[Severity.WARNING]),
                self.tr("%n reminder(s)", "", counts[Severity.INFO]),
            )
            self.summary.setText(self.tr("%1 — worst first").replace("%1", " · ".join(parts)))
        if not self._reselect(selected):
            self.select_first()
        self.tasks.session = self.session
        self.tasks.refresh()

    def flags(self) -> list[Flag]:
        return self.model.current_flags

    # -- selection --------------------------------------------------------------------------
    def select_first(self) -> None:
        first = self.model.find()
        if first.isValid():
            self.tree.setCurrentIndex(first)
        else:
            self._show_detail(None)

    def select_flag(self, rule: str, subject: str) -> bool:
        found = self.model.find(rule, subject)
        if found.isValid():
            self.tree.setCurrentIndex(found)
        return found.isValid()

    def _reselect(self, flag: Flag | None) -> bool:
        return flag is not None and self.select_flag(flag.rule, flag.subject)

    def selected_flag(self) -> Flag | None:
        return self.model.flag_at(self.tree.currentIndex())

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self.feedback.clear()
        self._show_detail(self.selected_flag())

    def _show_detail(self, flag: Flag | None) -> None:
        others = self.model.others_at(self.tree.currentIndex()) if flag is not None else ()
        self.also.setVisible(bool(others))
        self.also.setText(
            self.tr("Also flagged: %1").replace(
                "%1", ", ".join(rule_title(other.rule) for other in others)
            )
        )
        has = flag is not None
        for widget in (self.note, self.ack_button, self.snooze_button, self.snooze_days):
            widget.setEnabled(has)
        if flag is None:
            self.badge.hide()
            self.headline.setText(self.tr("Select a flag"))
            self.subject.setText(
                self.tr("Its explanation, and what you can do about it, appear here.")
            )
            self.message.clear()
            self.proof.clear()
            self.open_button.setEnabled(False)
            return
        self.badge.show()
        self.badge.setText(severity_label(flag.severity))
        set_severity(self.badge, flag.severity)
        self.headline.setText(rule_title(flag.rule))
        self.message.setText(flag.message)
        if flag.case_id is not None:
            row = self._cases.get(flag.case_id)
            name = row.full_name if row else ""
            self.subject.setText(f"<b>{flag.case_ref}</b> — {name}")
            proof = row.last_proof_of_life if row else None
            self.proof.setText(
                self.tr("He himself was last heard: %1").replace("%1", days_ago_text(proof))
            )
            self.open_button.setText(self.tr("Open case"))
        else:
            self.subject.setText(f"<b>{flag.facility_name}</b>")
            self.proof.setText(self.tr("Cases: %1").replace("%1", ", ".join(flag.case_refs)))
            self.open_button.setText(self.tr("Open place"))
        self.open_button.setEnabled(True)

    # -- actions ----------------------------------------------------------------------------
    def open_selected(self) -> None:
        flag = self.selected_flag()
        if flag is None:
            return
        if flag.case_id is not None:
            self.case_activated.emit(flag.case_id)
        elif flag.facility_id is not None:
            self.place_activated.emit(flag.facility_id)

    def acknowledge(self) -> None:
        self._record(None)

    def snooze(self) -> None:
        self._record(self.snooze_days.value())

    def _record(self, snooze_days: int | None) -> None:
        flag = self.selected_flag()
        if flag is None or self.session is None:
            return
        note = self.note.text().strip()
        if not note:
            self._feedback(self.tr("Add a short note saying why, for your colleagues."), "error")
            self.note.setFocus()
            return
        try:
            self.session.flags.acknowledge(
                flag.rule,
                note=note,
                case=flag.case_id,
                facility=flag.facility_id if flag.case_id is None else None,
                snooze_days=snooze_days,
                as_of=date.today(),
            )
        except Exception as exc:
            self._feedback(error_text(exc), "error")
            return
        self.note.clear()
        self.session.committed()
        self._feedback(
            self.tr("Acknowledged.") if snooze_days is None else self.tr("Snoozed."), "ok"
        )

    def _feedback(self, text: str, role: str) -> None:
        self.feedback.setText(text)
        set_role(self.feedback, role)
