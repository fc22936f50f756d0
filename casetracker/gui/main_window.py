"""The main window: side navigation, the sections, frequent actions, save state and lock.

Sections: Today (flags), Cases, Places, People, Sources, Reports, Settings. The toolbar and
shortcuts cover what caseworkers do most: New case (Ctrl+N), Log a contact (Ctrl+L),
Find (Ctrl+F), Undo/Redo, Lock (Ctrl+Shift+L). The File menu holds the sharing screens: Export
for a lawyer (Ctrl+E, also on the toolbar and the case list's context menu), Open a bundle
(Ctrl+O), Import a spreadsheet, Address book and keys. Cases open in their own windows, which
lock closes. The status bar always says whether everything is saved. In a team: Sync now (F5),
the sync's state in the status bar, and Conflicts among the sections (`sync_controller`).
"""

import uuid
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.clipboard_guard import clipboard_guard
from casetracker.gui.dialogs.bundle_import_dialog import BundleImportDialog
from casetracker.gui.dialogs.export_dialog import ExportDialog
from casetracker.gui.dialogs.import_wizard import ImportWizard
from casetracker.gui.dialogs.log_contact_dialog import LogContactDialog
from casetracker.gui.dialogs.new_case_dialog import NewCaseDialog
from casetracker.gui.dialogs.recipients_dialog import RecipientsDialog
from casetracker.gui.saver import SaveState
from casetracker.gui.style import set_role
from casetracker.gui.sync_controller import SyncController
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.case.case_window import CaseWindow
from casetracker.gui.views.cases_view import CasesView
from casetracker.gui.views.conflicts_view import ConflictsView
from casetracker.gui.views.people_view import PeopleView
from casetracker.gui.views.places_view import PlacesView
from casetracker.gui.views.reports_view import ReportsView
from casetracker.gui.views.requests_view import RequestsView
from casetracker.gui.views.settings_view import SettingsView
from casetracker.gui.views.sources_view import SourcesView
from casetracker.gui.views.today_view import TodayView
from casetracker.gui.widgets.form_parts import fit_to_screen
from casetracker.gui.widgets.journal_banner import JournalBanner
from casetracker.gui.widgets.read_only_banner import ReadOnlyBanner
from casetracker.gui.widgets.sync_status import SyncStatus
from casetracker.services.workspace import LeftOut

TODAY, CASES, REQUESTS, PLACES, PEOPLE, SOURCES, REPORTS, SETTINGS, CONFLICTS = range(9)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    settings_saved = Signal()

    def __init__(self, session: VaultSession) -> None:
        super().__init__()
        self.session: VaultSession | None = session
        self.case_windows: dict[uuid.UUID, CaseWindow] = {}
        clipboard_guard()  # from now on, what Ctrl+C copies in any widget is guarded too
        self.setWindowTitle(self.tr("Casetracker"))
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setFixedWidth(170)
        self.nav.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.today = TodayView(self)
        self.cases = CasesView(self)
        self.requests = RequestsView(self)
        self.places = PlacesView(self)
        self.people = PeopleView(self)
        self.sources = SourcesView(self)
        self.reports = ReportsView(self)
        self.settings = SettingsView(self)
        self.conflicts = ConflictsView(self)  # listed only while the vault is in a team
        self.views = [
            self.today, self.cases, self.requests, self.places, self.people, self.sources,
            self.reports, self.settings, self.conflicts,
        ]  # fmt: skip
        names = [
            self.tr("Today"),
            self.tr("Cases"),
            self.tr("Requests"),
            self.tr("Places"),
            self.tr("People"),
            self.tr("Sources"),
            self.tr("Reports"),
            self.tr("Settings"),
            self.tr("Conflicts"),
        ]
        self.stack = QStackedWidget(self)
        for view, name in zip(self.views, names, strict=True):
            self.nav.addItem(name)
            self.stack.addWidget(view)
        self.nav.currentRowChanged.connect(self._section_changed)
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.read_only_banner: ReadOnlyBanner | None = None
        if session.ws.read_only:
            self.read_only_banner = ReadOnlyBanner(session.ws, central)
            outer.addWidget(self.read_only_banner)
        self.journal_banner: JournalBanner | None = None
        if session.ws.left_out is not LeftOut.NOTHING:
            self.journal_banner = JournalBanner(session.ws.left_out, central)
            outer.addWidget(self.journal_banner)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)

        for view in (self.today, self.cases, self.places, self.people, self.sources):
            view.case_activated.connect(self.open_case)
        self.today.place_activated.connect(self.open_place)
        self.requests.case_activated.connect(self.open_case_requests)
        self.conflicts.case_activated.connect(self.open_case)
        self.today.task_case_activated.connect(self.open_case_tasks)
        self.sources.place_activated.connect(self.open_place)
        self.settings.restored.connect(self._close_case_windows)
        self.settings.settings_saved.connect(self.settings_saved)
        self.settings.settings_saved.connect(self._retitle_case_windows)

        self.sync = SyncController(session, self)
        session.sync = self.sync  # locking pauses it with the vault's jobs
        self._build_actions()
        self._build_status_bar()
        session.changed.connect(self._on_changed)
        session.save_state_changed.connect(self._on_save_state)
        # Only the section on screen is filled now; the others when first shown (a refresh of
        # every section took seconds at 20,000 cases, before the window could appear).
        self._stale: set[QWidget] = set()
        for view in self.views:
            if view is self.views[TODAY]:
                view.set_session(session)  # type: ignore[attr-defined]
            else:
                view.session = session  # type: ignore[attr-defined]
                self._stale.add(view)
        self.nav.setCurrentRow(TODAY)
        self.sync.changed.connect(self._on_sync_changed)
        self._on_sync_changed()
        self.sync.start()  # if the vault is in a team
        fit_to_screen(self, 1280, 800)

    # -- actions ----------------------------------------------------------------------------
    def _build_actions(self) -> None:
        assert self.session is not None
        toolbar = QToolBar(self.tr("Actions"), self)
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(16, 16))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(toolbar)

        def action(
            text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str, slot: Any, tip: str
        ) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.setToolTip(
                f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
            )
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.new_case_action = action(
            self.tr("New case"), QKeySequence.StandardKey.New, self.new_case,
            self.tr("Open a case for a man we have not followed yet"),
        )  # fmt: skip
        self.log_action = action(
            self.tr("Log a contact"), "Ctrl+L", self.log_contact,
            self.tr("Record a call, message or visit about the selected case"),
        )  # fmt: skip
        self.find_action = action(
            self.tr("Find"), QKeySequence.StandardKey.Find, self.focus_find,
            self.tr("Search the cases"),
        )  # fmt: skip
        self.undo_action = self.session.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self.session.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.addActions([self.undo_action, self.redo_action])
        self.lock_action = action(
            self.tr("Lock"), "Ctrl+Shift+L", self.lock_requested.emit,
            self.tr("Lock the vault now: everything disappears until the passphrase is typed"),
        )  # fmt: skip
        self.export_action = action(
            self.tr("Export for a lawyer…"), "Ctrl+E", self.export_cases,
            self.tr("An encrypted, signed file of the chosen cases for a lawyer or a partner"),
        )  # fmt: skip
        self.open_bundle_action = action(
            self.tr("Open a bundle…"), "Ctrl+O", self.open_bundle,
            self.tr("Check a file from a partner and merge it into the vault"),
        )  # fmt: skip
        self.import_sheet_action = action(
            self.tr("Import a spreadsheet…"), "Ctrl+Shift+I", self.import_spreadsheet,
            self.tr("Bring in cases from your own CSV or Excel spreadsheet"),
        )  # fmt: skip
        self.recipients_action = action(
            self.tr("Address book and keys…"), "Ctrl+Shift+K", self.show_recipients,
            self.tr("Our public key and fingerprint; the people we send files to"),
        )  # fmt: skip
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([self.export_action, self.open_bundle_action])
        file_menu.addAction(self.import_sheet_action)
        file_menu.addSeparator()
        file_menu.addAction(self.recipients_action)
        self.sync_action = action(
            self.tr("Sync now"), "F5", self.sync.sync_now,
            self.tr("Send this laptop's changes to the team and take in the others'"),
        )  # fmt: skip
        file_menu.addAction(self.sync_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        # Closes the window: the app asks first if changes could not be saved (App.confirm_quit).
        self.quit_action = action(
            self.tr("Quit"), "Ctrl+Q", self.close,
            self.tr("Save, lock and close Casetracker"),
        )  # fmt: skip
        file_menu.addAction(self.quit_action)
        self.cases.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.cases.table.addActions([self.log_action, self.export_action])
        for act in (self.new_case_action, self.log_action, self.find_action):
            toolbar.addAction(act)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        toolbar.addAction(self.export_action)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(
            spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred
        )
        toolbar.addWidget(spacer)
        toolbar.addAction(self.lock_action)
        for number in range(len(self.views)):
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            act.triggered.connect(lambda _c=False, n=number: self._go_to_section(n))
            self.addAction(act)

    def _build_status_bar(self) -> None:
        assert self.session is not None
        bar = self.statusBar()
        self.save_label = QLabel(self)
        # Wraps rather than widening the window (long translations, 200 % scaling).
        self.save_label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Try saving again"), self)
        self.retry_button.clicked.connect(self._retry_save)
        self.retry_button.hide()
        bar.addWidget(self.save_label, 1)
        bar.addWidget(self.retry_button)
        if self.session.demo:
            demo = QLabel(self.tr("Demo vault: fictional people"), self)
            demo.setToolTip(self.tr("Only fictional people; the vault is deleted when you quit."))
            set_role(demo, "badge")
            bar.addPermanentWidget(demo)
        self.sync_status = SyncStatus(self.sync, self)
        self.sync_status.conflicts_requested.connect(lambda: self.show_section(CONFLICTS))
        bar.addPermanentWidget(self.sync_status)
        lock = QPushButton(self.tr("Lock (Ctrl+Shift+L)"), self)
        lock.setFlat(True)
        lock.clicked.connect(self.lock_requested.emit)
        bar.addPermanentWidget(lock)
        self._on_save_state(SaveState.SAVED.value, "")

    def _retry_save(self) -> None:
        if self.session is not None:
            self.session.saver.retry()

    def _on_save_state(self, state: str, message: str) -> None:
        self.retry_button.setVisible(state == SaveState.FAILED.value)
        if state == SaveState.SAVED.value and self.read_only_banner is not None:
            self.save_label.setText(self.tr("Read-only: nothing here can be changed"))
            set_role(self.save_label, "hint")
        elif state == SaveState.SAVED.value:
            self.save_label.setText(self.tr("All changes saved, encrypted"))
            set_role(self.save_label, "ok")
        elif state == SaveState.SAVING.value:
            self.save_label.setText(self.tr("Saving…"))
            set_role(self.save_label, "hint")
        else:
            self.save_label.setText(message)
            self.save_label.setToolTip(message)
            set_role(self.save_label, "error")

    def save_text(self) -> str:
        return self.save_label.text()

    # -- sections ---------------------------------------------------------------------------
    def _section_changed(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        view = self.views[row]
        if view in self._stale:
            self._stale.discard(view)
            view.refresh()  # type: ignore[attr-defined]

    def _on_changed(self) -> None:
        current = self.stack.currentWidget()
        self._stale = {v for v in self.views if v is not current}
        if current is not None:
            current.refresh()  # type: ignore[attr-defined]

    def show_section(self, row: int) -> None:
        self.nav.setCurrentRow(row)

    def _go_to_section(self, row: int) -> None:
        item = self.nav.item(row)
        if item is not None and not item.isHidden():
            self.nav.setCurrentRow(row)

    def _on_sync_changed(self) -> None:
        """In a team or not (joined in Settings meanwhile): Conflicts and Sync now follow."""
        view = self.sync.view()
        in_team = view is not None
        item = self.nav.item(CONFLICTS)
        item.setHidden(not in_team)
        waiting = view.conflicts if view is not None else 0
        item.setText(
            self.tr("Conflicts (%1)").replace("%1", str(waiting))
            if waiting
            else self.tr("Conflicts")
        )
        self.sync_action.setEnabled(in_team)

    # -- frequent actions -------------------------------------------------------------------
    def _context_case(self) -> uuid.UUID | None:
        current = self.stack.currentWidget()
        if current is self.cases:
            return self.cases.selected_case_id()
        if current is self.today:
            if self.today.tasks.table.hasFocus():  # a task chosen: its case
                return self.today.tasks.selected_case()
            flag = self.today.selected_flag()
            return flag.case_id if flag else None
        return None

    def new_case(self) -> NewCaseDialog | None:
        if self.session is None:
            return None
        dialog = NewCaseDialog(self.session, self)
        dialog.accepted.connect(lambda: dialog.case_id and self.open_case(dialog.case_id))
        dialog.open()
        return dialog

    def log_contact(self) -> LogContactDialog | None:
        if self.session is None:
            return None
        dialog = LogContactDialog(self.session, self._context_case(), self)
        dialog.open()
        return dialog

    def export_cases(self) -> ExportDialog | None:
        """Export: the cases selected in the Cases list (or the case in context) come chosen."""
        if self.session is None:
            return None
        if self.stack.currentWidget() is self.cases:
            selected = self.cases.selected_case_ids()
        else:
            selected = [c for c in [self._context_case()] if c is not None]
        dialog = ExportDialog(self.session, selected, self)
        dialog.show()  # application-modal (not open(), which would make it window-modal)
        return dialog

    def open_bundle(self) -> BundleImportDialog | None:
        if self.session is None:
            return None
        dialog = BundleImportDialog(self.session, self)
        dialog.show()
        return dialog

    def import_spreadsheet(self) -> ImportWizard | None:
        if self.session is None:
            return None
        dialog = ImportWizard(self.session, self)
        dialog.show()
        return dialog

    def show_recipients(self) -> RecipientsDialog | None:
        if self.session is None:
            return None
        dialog = RecipientsDialog(self.session, self)
        dialog.show()
        return dialog

    def _retitle_case_windows(self) -> None:
        for window in self.case_windows.values():
            window.retitle()

    def focus_find(self) -> None:
        self.nav.setCurrentRow(CASES)
        self.cases.focus_search()

    def open_case(self, case_id: uuid.UUID) -> CaseWindow | None:
        if self.session is None or not self.session.is_open:
            return None
        window = self.case_windows.get(case_id)
        if window is None:
            window = CaseWindow(self.session, case_id)
            window.lock_requested.connect(self.lock_requested)
            window.case_requested.connect(self.open_case)
            window.closed.connect(lambda cid: self.case_windows.pop(cid, None))
            self.case_windows[case_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_case_tasks(self, case_id: uuid.UUID) -> CaseWindow | None:
        """The case, on its Tasks tab (from Today's tasks)."""
        window = self.open_case(case_id)
        if window is not None:
            window.tabs.setCurrentWidget(window.tasks)
            window.tasks.table.setFocus()  # so Ctrl+D, Insert and Delete act on its tasks
        return window

    def open_case_requests(self, case_id: uuid.UUID) -> CaseWindow | None:
        """The case, on its Requests tab (from the Requests section)."""
        window = self.open_case(case_id)
        if window is not None:
            window.tabs.setCurrentWidget(window.requests)
            window.requests.table.setFocus()  # so Ctrl+R, Insert and Delete act on it
        return window

    def open_place(self, facility_id: uuid.UUID) -> None:
        self.nav.setCurrentRow(PLACES)
        self.places.select(facility_id)

    # -- lock -------------------------------------------------------------------------------
    def _close_case_windows(self) -> None:
        for window in list(self.case_windows.values()):
            window.wipe()
        self.case_windows.clear()

    def teardown(self) -> None:
        """Lock: close case windows, empty every model; the caller then closes the vault."""
        self._close_case_windows()
        self.sync.stop()
        session = self.session
        if session is not None:
            try:
                session.changed.disconnect(self._on_changed)
                session.save_state_changed.disconnect(self._on_save_state)
            except (RuntimeError, TypeError):
                pass
        for view in self.views:
            view.set_session(None)  # type: ignore[attr-defined]
        self.session = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self._close_case_windows()
        super().closeEvent(event)
