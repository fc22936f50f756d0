"""One case in its own window: a header that says where things stand, and tabs for the rest.

The header answers the caseworker's first questions at a glance: who, status, open flags,
when he himself was last heard, where he is held. The most frequent action, logging a contact
(Ctrl+L), is the first button. Locking closes every case window.
"""

import contextlib
import logging
import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.dialogs.letter_dialog import LetterDialog
from casetracker.gui.dialogs.log_contact_dialog import LogContactDialog
from casetracker.gui.dialogs.move_dialog import MoveDialog
from casetracker.gui.dialogs.status_dialog import StatusDialog
from casetracker.gui.labels import rule_title, severity_label, status_label
from casetracker.gui.locale_format import date_text, days_ago_text
from casetracker.gui.style import set_role, set_severity
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.case.allegations_tab import AllegationsTab
from casetracker.gui.views.case.case_tab import CaseTab
from casetracker.gui.views.case.consent_tab import ConsentTab
from casetracker.gui.views.case.contacts_tab import ContactsTab
from casetracker.gui.views.case.debrief_tab import DebriefTab
from casetracker.gui.views.case.details_tab import DetailsTab
from casetracker.gui.views.case.evidence_tab import EvidenceTab
from casetracker.gui.views.case.history_tab import HistoryTab
from casetracker.gui.views.case.relatives_tab import RelativesTab
from casetracker.gui.views.case.requests_tab import RequestsTab
from casetracker.gui.views.case.same_person_line import SamePersonLine
from casetracker.gui.views.case.tasks_tab import TasksTab
from casetracker.gui.views.case.timeline_tab import TimelineTab
from casetracker.gui.widgets.flow_layout import FlowLayout
from casetracker.gui.widgets.form_parts import fit_to_screen
from casetracker.model import Case
from casetracker.services import debrief, preferences
from casetracker.services.contacts import contact_when
from casetracker.services.errors import NotFound
from casetracker.services.uncertain_dates import describe, uncertain

# Debug log lines name the case by reference (casetracker.diagnostics): never its content.
LOG = logging.getLogger(__name__)


class CaseWindow(QWidget):
    lock_requested = Signal()
    closed = Signal(object)  # case id
    case_requested = Signal(object)  # another case's id, to open (a same-person link)

    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.case_id = case_id
        self.case: Case | None = None
        fit_to_screen(self, 1080, 720)

        self.ref = QLabel(self)
        set_role(self.ref, "subtitle")
        self.name = QLabel(self)
        set_role(self.name, "title")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        set_role(self.status, "badge")
        self.status_since = QLabel(self)
        set_role(self.status_since, "subtitle")
        self.proof = QLabel(self)
        self.held = QLabel(self)
        # Badges wrap onto a second line rather than widening the window.
        self.flags_row = FlowLayout(spacing=6)
        self.flag_badges: list[QLabel] = []
        # The other cases he may be (or is not), and marking one by hand.
        self.same_person = SamePersonLine(session, case_id, self)
        self.same_person.case_requested.connect(self.case_requested)

        self.log_button = QPushButton(self.tr("Log a contact (Ctrl+L)"), self)
        set_role(self.log_button, "primary")
        self.log_button.clicked.connect(self.log_contact)
        self.status_button = QPushButton(self.tr("Change status…"), self)
        self.status_button.clicked.connect(self.change_status)
        self.move_button = QPushButton(self.tr("Moved to another place…"), self)
        self.move_button.clicked.connect(self.record_move)
        self.letter_button = QPushButton(self.tr("Write a letter…"), self)
        self.letter_button.clicked.connect(self.write_letter)

        header = QFrame(self)
        set_role(header, "panel")
        head = QVBoxLayout(header)
        line1 = QHBoxLayout()
        line1.addWidget(self.ref)
        line1.addStretch(1)
        line1.addWidget(self.log_button)
        line1.addWidget(self.status_button)
        line1.addWidget(self.move_button)
        line2 = QHBoxLayout()
        line2.addWidget(self.name)
        line2.addWidget(self.status)
        line2.addWidget(self.status_since)
        line2.addStretch(1)
        line3 = QHBoxLayout()
        line3.addWidget(self.proof)
        line3.addSpacing(24)
        line3.addWidget(self.held)
        line3.addStretch(1)
        head.addLayout(line1)
        head.addLayout(line2)
        head.addLayout(line3)
        head.addLayout(self.flags_row)
        # Beside the same-man line, whose text wraps: "Held at" and a long place name keep
        # their room at 200 %.
        line5 = QHBoxLayout()
        line5.addWidget(self.same_person, 1)
        line5.addWidget(self.letter_button)
        head.addLayout(line5)

        self.details = DetailsTab(session, case_id, self)
        self.timeline = TimelineTab(session, case_id, self)
        self.relatives = RelativesTab(session, case_id, self)
        self.consent = ConsentTab(session, case_id, self)
        self.contacts = ContactsTab(session, case_id, self)
        self.contacts.log_requested.connect(self.log_contact)
        self.evidence = EvidenceTab(session, case_id, self)
        self.allegations = AllegationsTab(session, case_id, self)
        self.history = HistoryTab(session, case_id, self)
        self.tasks = TasksTab(session, case_id, self)
        self.requests = RequestsTab(session, case_id, self)
        self.debrief = DebriefTab(session, case_id, self)
        self.tabs = QTabWidget(self)
        for tab, title in (
            (self.details, self.tr("Details")),
            (self.timeline, self.tr("Timeline")),
            (self.relatives, self.tr("Relatives")),
            (self.consent, self.tr("Consent")),
            (self.contacts, self.tr("Contacts")),
            (self.evidence, self.tr("Sources && evidence")),
            (self.allegations, self.tr("Allegations")),
            (self.tasks, self.tr("Tasks")),
            (self.requests, self.tr("Requests")),
            (self.debrief, self.tr("Debrief")),
            (self.history, self.tr("History")),
        ):
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_tab())

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.tabs, 1)

        for text, shortcut, slot in (
            (self.tr("Log a contact"), QKeySequence("Ctrl+L"), self.log_contact),
            (self.tr("Lock"), QKeySequence("Ctrl+Shift+L"), self.lock_requested.emit),
            (self.tr("Close"), QKeySequence(QKeySequence.StandardKey.Close), self.close),
        ):
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        undo = session.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        redo = session.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.addActions([undo, redo])
        self._stale: set[CaseTab] = set()
        session.changed.connect(self.refresh)
        self.refresh()
        LOG.debug("case window opened: %s", self.case.ref if self.case else case_id)

    def tab_widgets(self) -> list[CaseTab]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]  # type: ignore[misc]

    def refresh(self) -> None:
        if not self.session.is_open:
            return
        try:
            self.case = self.session.ws.cases.get(self.case_id)
        except NotFound:
            self.close()  # the case was deleted (e.g. its creation undone)
            return
        self._refresh_header()
        # Only once he is out or has left a place is there anyone to ask him about.
        self.tabs.setTabVisible(
            self.tabs.indexOf(self.debrief), debrief.qualifies(self.session.ws, self.case_id)
        )
        if self.details.dirty:
            self._stale = {t for t in self.tab_widgets() if t is not self.details}
        else:
            self._stale = set(self.tab_widgets())
        self._refresh_tab()

    def _refresh_tab(self) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, CaseTab) and tab in self._stale:
            self._stale.discard(tab)
            tab.refresh()

    def retitle(self) -> None:
        """The case reference only: a title is seen on the taskbar, in the window switcher and
        by anyone the screen is shared with. Names only if the vault's settings allow them."""
        case = self.case
        if case is None or not self.session.is_open:
            return
        names = bool(self.session.ws.settings.get(preferences.NAMES_IN_TITLES))
        self.setWindowTitle(
            f"{case.ref} — {case.full_name}" if names and case.full_name else case.ref
        )

    def _refresh_header(self) -> None:
        ws = self.session.ws
        case = self.case
        assert case is not None
        self.retitle()
        self.ref.setText(case.ref)
        self.name.setText(case.full_name)
        self.status.setText(status_label(case.status))
        history = ws.cases.status_history(self.case_id)
        change = next((c for c in reversed(history) if c.status == case.status), None)
        since = change.changed_on if change is not None else None
        when = uncertain(change, "changed_on") if change is not None else None
        if when is not None:  # "since" does not go with "about July 2024": just the words
            self.status_since.setText(
                self.tr("(%1)", "when a status began, not known to the day").replace(
                    "%1", describe(when)
                )
            )
        else:
            self.status_since.setText(
                self.tr("since %1").replace("%1", date_text(since)) if since else ""
            )
        contacts = ws.contacts.for_case(self.case_id)
        heard = next((c for c in contacts if c.direct), None)
        proof = heard.occurred_at if heard is not None else None
        when = contact_when(heard) if heard is not None else None
        self.proof.setText(
            self.tr("He himself was last heard: %1").replace(
                "%1", days_ago_text(proof, shown=describe(when) if when else "")
            )
        )
        held = [p for p in ws.custody.timeline(self.case_id) if not p.ended]
        if held:
            facility = ws.facilities.get(held[-1].facility_id)
            self.held.setText(self.tr("Held at: %1").replace("%1", facility.name))
        else:
            self.held.setText(self.tr("Held at: not known"))
        for badge in self.flag_badges:
            self.flags_row.removeWidget(badge)
            badge.hide()
            badge.deleteLater()
        self.flag_badges = []
        flags = self.session.flags.open_flags(case=self.case_id)
        for flag in flags:
            badge = QLabel(f"{severity_label(flag.severity)}: {rule_title(flag.rule)}", self)
            badge.setToolTip(flag.message)
            set_role(badge, "badge")
            set_severity(badge, flag.severity)
            self.flags_row.insertWidget(len(self.flag_badges), badge)
            self.flag_badges.append(badge)
        if not flags:
            badge = QLabel(self.tr("No open flags"), self)
            set_role(badge, "badge")
            self.flags_row.insertWidget(0, badge)
            self.flag_badges.append(badge)
        self.same_person.refresh()

    def flag_texts(self) -> list[str]:
        return [b.text() for b in self.flag_badges]

    def log_contact(self) -> LogContactDialog:
        dialog = LogContactDialog(self.session, self.case_id, self)
        dialog.open()
        return dialog

    def change_status(self) -> None:
        if self.case is not None:
            StatusDialog(self.session, self.case_id, self.case.status, self).exec()

    def record_move(self) -> None:
        MoveDialog(self.session, self.case_id, self).exec()

    def write_letter(self) -> LetterDialog:
        dialog = LetterDialog(self.session, self.case_id, self)
        dialog.open()
        return dialog

    def wipe(self) -> None:
        """Lock: keep typed edits (saved with the vault), forget everything shown, close."""
        if self.details.dirty:
            self.details.save_before_lock()
        for tab in self.tab_widgets():
            tab.clear()
        self.case = None
        self.name.clear()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        LOG.debug("case window closed: %s", self.case.ref if self.case else self.case_id)
        with contextlib.suppress(RuntimeError, TypeError):
            self.session.changed.disconnect(self.refresh)
        self.closed.emit(self.case_id)
        super().closeEvent(event)
