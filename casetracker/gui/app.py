"""Starting the desktop app: Qt set-up, the start window, the main window, lock and quit.

``App`` owns the one open vault (``VaultSession``) and the windows over it. Locking — by the
shortcut, after idle minutes, or when the system sleeps or locks the screen — saves, closes
every case window, empties every model, closes the vault (keys dropped) and shows only the
unlock screen.
"""

import shutil
import sys
import tempfile
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from casetracker.app_id import APP_ID
from casetracker.gui import caseworker_name, translation
from casetracker.gui.app_settings import AppSettings
from casetracker.gui.background import BackgroundJob, run_in_background
from casetracker.gui.clipboard_guard import clipboard_guard
from casetracker.gui.error_messages import error_text
from casetracker.gui.idle_lock import IdleLock
from casetracker.gui.main_window import MainWindow
from casetracker.gui.start_window import StartWindow
from casetracker.gui.style import install_style
from casetracker.gui.system_lock_watch import SystemLockWatch
from casetracker.gui.vault_session import VaultSession
from casetracker.services import backup_restore, demo, preferences
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR

# The demo vault holds only fictional people, so its passphrase can be printed on screen.
DEMO_PASSPHRASE = "demo passphrase"


def default_vault_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "Casetracker" / "organisation.ctvault"


def make_demo_workspace(folder: Path) -> Workspace:
    """A throw-away vault filled with realistic fictional data."""
    ws, _key = Workspace.create(folder / "demo.ctvault", DEMO_PASSPHRASE, kdf=FLOOR)
    try:
        demo.generate(ws, 60)
        ws.save()
    except BaseException:
        ws.close(save=False)
        raise
    return ws


def close_dialogs() -> None:
    """Lock: every open dialog (log a contact, new case, message boxes) goes, unsaved."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    for widget in QApplication.allWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


class QuitAnswer(Enum):
    SAVE_AGAIN = "save again"
    QUIT = "quit and lose the changes"
    STAY = "cancel"


class App(QObject):
    locked = Signal()
    opened = Signal()

    def __init__(
        self,
        *,
        demo_mode: bool = False,
        settings: AppSettings | None = None,
        default_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.demo_mode = demo_mode
        self.settings = settings or AppSettings()
        self.session: VaultSession | None = None
        self.window: MainWindow | None = None
        self.vault_path: Path | None = None
        self.demo_dir = Path(tempfile.mkdtemp(prefix="ct-")) if demo_mode else None
        self._job: BackgroundJob[object] | None = None
        self.start_window = StartWindow(default_path or default_vault_path())
        self.start_window.unlocked.connect(self._opened)
        self.idle = IdleLock(5, self)
        self.idle.idle.connect(lambda: self.lock(automatic=True))
        self.system_watch = SystemLockWatch(self)
        self.system_watch.lock_now.connect(lambda: self.lock(automatic=True))

    # -- start ------------------------------------------------------------------------------
    def start(self) -> None:
        if self.demo_dir is not None:
            self.start_window.show_preparing()
            folder = self.demo_dir
            self._job = run_in_background(
                lambda: make_demo_workspace(folder), self._opened, self._demo_failed
            )
        else:
            last = self.settings.last_vault()
            # A vault file gone missing is still offered when its backups are there.
            if last is not None and (last.exists() or backup_restore.backups_beside(last)):
                self.start_window.show_unlock(last)
            else:
                self.start_window.show_welcome()
        self.start_window.show()

    def _demo_failed(self, exc: Exception) -> None:
        self.start_window.show_welcome()
        QMessageBox.warning(self.start_window, self.tr("Demo"), error_text(exc))

    def _opened(self, workspace: Workspace) -> None:
        self._job = None
        self.vault_path = workspace.path
        if not self.demo_mode:
            self.settings.remember_vault(workspace.path)
        # The vault's language ("" = the system's), before any window of this vault is built.
        translation.install(str(workspace.settings.get(preferences.LANGUAGE) or ""))
        own_settings = None if self.demo_mode else self.settings
        workspace.actor = caseworker_name.actor_at_unlock(workspace, own_settings)
        self.session = VaultSession(workspace, demo=self.demo_mode)
        self.session.app_settings = own_settings
        self.window = MainWindow(self.session)
        self.window.lock_requested.connect(lambda: self.lock(automatic=False))
        self.window.installEventFilter(self)  # closing it (quitting) asks if changes are unsaved
        self.window.settings_saved.connect(self._apply_autolock)
        self._apply_autolock()
        self.idle.start()
        self.window.show()
        self.start_window.hide()
        self.opened.emit()

    def _apply_autolock(self) -> None:
        if self.session is not None and self.session.is_open:
            minutes = int(self.session.ws.settings.get(preferences.AUTOLOCK_MINUTES))
            self.idle.set_minutes(minutes)

    # -- lock -------------------------------------------------------------------------------
    @property
    def is_locked(self) -> bool:
        return self.session is None

    def lock(self, *, automatic: bool = False, compact: bool = False) -> bool:
        """Save, then drop every model, window and key; show the unlock screen.

        If the final save fails: asked by hand, the person may stay unlocked to fix it; an
        automatic lock locks anyway (an unattended open vault is the bigger risk) and says so.
        ``compact`` (when quitting): fold the session's journal into a new snapshot after the
        save, so the next unlock replays nothing; a lock skips it, since it must be quick.
        """
        if self.session is None or self.window is None:
            return True
        note = ""
        window = self.window
        window.teardown_pending = True  # type: ignore[attr-defined]
        self._keep_edits_in_open_forms()
        # Background jobs first: each stops at its next check (a write finishes), so the final
        # save never catches a job's transaction half-way and nothing reads the database after
        # it is closed; no dialog can start another one from here on.
        self.session.stop_jobs()
        try:
            self.session.save_now()
            if compact:
                self.session.compact_now()
        except Exception as exc:
            reason = error_text(exc)
            if not automatic and not self._confirm_lock_without_saving(reason):
                self.session.resume_jobs()
                return False
            note = self.tr(
                "The vault was locked, but the latest changes could not be saved: %1"
            ).replace("%1", reason)
        self.idle.stop()
        clipboard_guard().clear()
        close_dialogs()
        window.teardown()
        window.hide()
        window.deleteLater()
        self.window = None
        session, self.session = self.session, None
        try:
            session.close(discard=True)
        finally:
            session.deleteLater()
        if self.demo_mode:
            note = note or self.tr("Demo vault. Its passphrase is: %1").replace(
                "%1", DEMO_PASSPHRASE
            )
        if self.vault_path is not None:
            self.start_window.show_unlock(self.vault_path, note)
        self.start_window.show()
        self.start_window.raise_()
        self.locked.emit()
        return True

    def _keep_edits_in_open_forms(self) -> None:
        """A case's details edited but not yet applied go into the vault before the last save."""
        if self.window is not None:
            for case_window in list(self.window.case_windows.values()):
                if case_window.details.dirty:
                    case_window.details.save_before_lock()

    def _confirm_lock_without_saving(self, reason: str) -> bool:
        answer = QMessageBox.warning(
            self.window,
            self.tr("Changes not saved"),
            self.tr(
                "Your latest changes could not be saved: %1\n\nLock anyway and lose them?"
            ).replace("%1", reason),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- quit -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        closing = watched is self.window and event.type() == QEvent.Type.Close
        if closing and not self.confirm_quit():
            event.ignore()
            return True  # the window stays, the vault stays open
        return super().eventFilter(watched, event)

    def confirm_quit(self) -> bool:
        """Closing the main window quits: save first; if that fails, ask whether to save
        again, quit and lose the changes, or stay. False: stay open, the vault unlocked."""
        if self.session is None or not self.session.is_open:
            return True
        self._keep_edits_in_open_forms()
        self.session.stop_jobs()
        while True:
            try:
                self.session.save_now()
                return True
            except Exception as exc:
                answer = self._ask_quit_without_saving(
                    error_text(exc), self.session.ws.unsaved_changes
                )
            if self.session is None:
                return False  # locked (idle) while asking: the unlock screen shows
            if answer == QuitAnswer.QUIT:
                return True  # the lock on quitting tries once more, then locks anyway
            if answer == QuitAnswer.STAY:
                self.session.resume_jobs()
                return False

    def _ask_quit_without_saving(self, reason: str, changes: int) -> "QuitAnswer":
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Changes not saved"))
        box.setText(self.tr("Your latest changes could not be saved."))
        box.setInformativeText(reason)
        again = box.addButton(self.tr("Save again"), QMessageBox.ButtonRole.AcceptRole)
        lose = box.addButton(
            self.tr("Quit and lose %n change(s)", "", changes),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        stay = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(again)
        box.setEscapeButton(stay)
        box.exec()
        clicked = box.clickedButton()
        if clicked is again:
            return QuitAnswer.SAVE_AGAIN
        return QuitAnswer.QUIT if clicked is lose else QuitAnswer.STAY

    def shutdown(self) -> None:
        """Quit: save and close the vault, remove a demo vault."""
        if self.session is not None:
            self.lock(automatic=True, compact=True)
        self.idle.stop()
        self.start_window.hide()
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir, ignore_errors=True)
            self.demo_dir = None


def run(*, demo: bool = False, debug: bool = False) -> int:
    """The desktop app. ``debug``: the debug log (already started) hides the vault's names."""
    from casetracker.gui import crash_report, file_dialogs

    crash_report.install()  # before Qt's first message and the first slot
    file_dialogs.write_no_qt_settings()
    existing = QApplication.instance()
    qt_app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    qt_app.setApplicationName("Casetracker")
    qt_app.setOrganizationName("Casetracker")
    qt_app.setDesktopFileName(APP_ID)  # Wayland's app id: the window joins its menu entry
    qt_app.setQuitOnLastWindowClosed(True)
    install_style(qt_app)
    translation.install("")  # the system's language until a vault says otherwise
    app = App(demo_mode=demo)
    if debug:
        crash_report.follow_vault_names(app)
    qt_app.aboutToQuit.connect(app.shutdown)
    app.start()
    try:
        return qt_app.exec()
    finally:
        app.shutdown()
