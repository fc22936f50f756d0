"""Settings → Team: start or join a team; once in one, its members, invitations and last sync.

Every action here talks to the team's server and also writes the vault (keys, the member list,
an invitation, merged change sets), and the vault is one SQLite connection for every thread.
So each runs as the bundle imports do: a job of the vault on a worker (``BusyBar`` with
``writes``: what is pending is saved first, saving pauses until the job ends) inside an
application-modal dialog, so that no edit, in this window or a case window, reaches the vault
meanwhile. Start and Join show a small "working" dialog; Invite and Remove are dialogs of
their own. The background sync (gui/sync_controller.py, whose database steps run on the GUI
thread, timers included) is paused while such a job runs. A lock cancels nothing half-way: it
waits for the job (``stop_jobs``). "Sync now" asks that background sync for a round.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui import style
from casetracker.gui.clipboard_guard import clipboard_guard
from casetracker.gui.error_messages import error_text
from casetracker.gui.locale_format import datetime_text
from casetracker.gui.models.column_table import Column
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import error_label, show_message
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.gui.widgets.sharing_parts import BusyBar
from casetracker.model import TeamInvite
from casetracker.model.labels import yes_no
from casetracker.services.history import local_time
from casetracker.services.team import MemberView, SyncReport

T = TypeVar("T")


def _controller(session: VaultSession | None) -> Any:
    """The main window's background sync of this vault (`SyncController`), if there is one."""
    return getattr(session, "sync", None) if session is not None else None


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    style.set_role(label, "hint")
    return label


class TeamJobDialog(QDialog):
    """An application-modal dialog that runs one team job and cannot be closed half-way."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.session = session
        self.busy = BusyBar(session, self)
        self.message = error_label(self)
        session.closed.connect(self._locked)
        self.finished.connect(self.deleteLater)

    def run(
        self,
        text: str,
        job: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[Exception], None] | None = None,
    ) -> None:
        show_message(self.message, "")
        self.set_working(True)
        sync = _controller(self.session)
        if sync is not None:
            sync.pause()  # its next database step waits: one writer at a time

        def ended() -> None:
            self.set_working(False)
            if sync is not None:
                sync.resume()

        def succeeded(result: T) -> None:
            ended()
            done(result)

        def went_wrong(exc: Exception) -> None:
            ended()
            if failed is not None:
                failed(exc)
            else:
                show_message(self.message, error_text(exc))

        self.busy.run(text, job, succeeded, went_wrong, writes=True)

    def set_working(self, working: bool) -> None:
        """Subclasses disable their controls meanwhile."""

    def _locked(self) -> None:
        super().reject()

    def reject(self) -> None:
        if not self.busy.busy:  # a key change half-way is finished, not abandoned
            super().reject()


class WorkingDialog(TeamJobDialog):
    """ "Starting the team…": the job runs at once; the dialog closes when it ends."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Team"))
        self.setMinimumWidth(360)
        layout = QVBoxLayout(self)
        layout.addWidget(self.busy)

    def start(
        self,
        text: str,
        job: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[Exception], None],
    ) -> None:
        def succeeded(result: T) -> None:
            self.accept()
            done(result)

        def went_wrong(exc: Exception) -> None:
            self.accept()
            failed(exc)

        self.open()
        self.run(text, job, succeeded, went_wrong)


class InviteDialog(TeamJobDialog):
    """Name and administrator tick, then the code, shown once, to hand over in person."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Invite a colleague"))
        self.setMinimumWidth(640)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("The new member's name"))
        self.admin = QCheckBox(self.tr("May administer the team (invite and remove members)"))
        self.make_button = QPushButton(self.tr("Make the invitation"), self)
        style.set_role(self.make_button, "primary")
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make)
        self.code = QPlainTextEdit(self)
        self.code.setReadOnly(True)
        self.code.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.code.setAccessibleName(self.tr("Invitation code"))
        self.code.setMinimumHeight(self.fontMetrics().lineSpacing() * 10 + 12)
        self.code.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.code.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setToolTip(
            self.tr("Copy to the clipboard; it is cleared from there after 30 seconds")
        )
        self.copy_button.clicked.connect(lambda: clipboard_guard().copy(self.code.toPlainText()))
        self.warning = QLabel(
            self.tr(
                "Hand this code over in person; anyone who has it can join as this person "
                "until they do."
            ),
            self,
        )
        self.warning.setWordWrap(True)
        style.set_role(self.warning, "error")
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.accept)
        form = QFormLayout()
        form.addRow(self.tr("&Name as the team will see it:"), self.name)
        form.addRow("", self.admin)
        self.code_part = QWidget(self)
        code_layout = QVBoxLayout(self.code_part)
        code_layout.setContentsMargins(0, 0, 0, 0)
        code_layout.addWidget(self.warning)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        code_layout.addLayout(code_row)
        self.code_part.hide()
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.make_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _hint(
                self.tr(
                    "The invitation makes a login on the server for this person alone. They "
                    "join with a new, empty vault; your next sync lets them in."
                ),
                self,
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.code_part)
        layout.addWidget(buttons)
        self.name.setFocus()

    def set_working(self, working: bool) -> None:
        for widget in (self.name, self.admin, self.make_button, self.close_button):
            widget.setEnabled(not working)

    def make(self) -> None:
        name, admin = self.name.text().strip(), self.admin.isChecked()
        if not name:
            show_message(self.message, self.tr("Give the new member's name."))
            return
        team = self.session.ws.team
        self.run(
            self.tr("Making the invitation…"),
            lambda: team.invite(name, admin=admin),
            self.show_code,
        )

    def show_code(self, code: str) -> None:
        self.code.setPlainText(code)
        self.code_part.show()
        self.name.setEnabled(False)
        self.admin.setEnabled(False)
        self.make_button.hide()
        self.copy_button.setFocus()
        self.session.committed()

    def done(self, result: int) -> None:
        self.code.clear()  # the code is a secret: not left in a hidden widget
        super().done(result)


class RemoveDialog(TeamJobDialog):
    """Says what removing does, then does it."""

    def __init__(
        self, session: VaultSession, member: MemberView, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.member = member
        self.setWindowTitle(self.tr("Remove from the team"))
        self.setMinimumWidth(480)
        self.question = QLabel(
            self.tr(
                "Remove %1 from the team? They keep what their laptop already holds, but get "
                "nothing written from now on: the team's key changes and they are not given "
                "the new one, and their login to the server is closed."
            ).replace("%1", member.name),
            self,
        )
        self.question.setWordWrap(True)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove)
        self.buttons = QDialogButtonBox(self)
        self.buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.cancel_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def set_working(self, working: bool) -> None:
        self.buttons.setEnabled(not working)

    def remove(self) -> None:
        team, name = self.session.ws.team, self.member.name

        def removed(_result: object) -> None:
            # Removing syncs first: teammates' changes may have come in, and undo would write
            # old values over them (as after the background sync).
            self.session.undo_stack.clear()
            self.session.committed()
            self.accept()

        self.run(self.tr("Removing %1…").replace("%1", name), lambda: team.remove(name), removed)


class TeamSettingsBox(QGroupBox):
    """The Team section of Settings: two choices outside a team, the team itself inside one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Team"), parent)
        self.session: VaultSession | None = None
        self.dialog: QDialog | None = None
        self._watched: Any = None  # the background sync whose news refresh this box
        self.outside = self._outside_page()
        self.inside = self._inside_page()
        self.inside.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.outside)
        layout.addWidget(self.inside)
        layout.addWidget(self.message)

    # -- outside a team -------------------------------------------------------------------
    def _outside_page(self) -> QWidget:
        page = QWidget(self)
        start = QGroupBox(self.tr("Start a team"), page)
        self.server_address = QLineEdit(start)
        self.server_address.setPlaceholderText(
            self.tr("host=… dbname=… user=… sslmode=verify-full")
        )
        self.server_address.setAccessibleName(self.tr("Server address"))
        self.own_name = QLineEdit(start)
        self.own_name.setAccessibleName(self.tr("Your name as the team will see it"))
        self.start_button = QPushButton(self.tr("Start a team"), start)
        self.start_button.clicked.connect(self.start_team)
        start_form = QFormLayout(start)
        start_form.addRow(
            _hint(
                self.tr(
                    "For the first caseworker of a team, with the PostgreSQL address your "
                    "organisation's server administrator gave you. The server keeps only "
                    "sealed, signed records: it never sees a name, a case or a note."
                ),
                start,
            )
        )
        start_form.addRow(self.tr("Server address:"), self.server_address)
        start_form.addRow(self.tr("Your name as the team will see it:"), self.own_name)
        start_form.addRow("", self.start_button)
        start_form.setAlignment(self.start_button, Qt.AlignmentFlag.AlignRight)
        join = QGroupBox(self.tr("Join a team"), page)
        self.code = QPlainTextEdit(join)
        self.code.setTabChangesFocus(True)
        self.code.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.code.setPlaceholderText(self.tr("Paste the invitation code here"))
        self.code.setAccessibleName(self.tr("Invitation code"))
        self.code.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.join_button = QPushButton(self.tr("Join the team"), join)
        self.join_button.clicked.connect(self.join_team)
        join_layout = QVBoxLayout(join)
        join_layout.addWidget(
            _hint(
                self.tr(
                    "With the code an administrator handed you in person. Join with a new, "
                    "empty vault: the team's cases fill it once an administrator lets you in."
                ),
                join,
            )
        )
        join_layout.addWidget(self.code)
        join_layout.addWidget(self.join_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            _hint(
                self.tr(
                    "One case base for several caseworkers: each laptop keeps all the cases, "
                    "and changes travel, encrypted, through your organisation's server."
                ),
                page,
            )
        )
        layout.addWidget(start)
        layout.addWidget(join)
        return page

    # -- inside a team --------------------------------------------------------------------
    def _inside_page(self) -> QWidget:
        page = QWidget(self)
        self.status = QLabel(page)
        self.status.setWordWrap(True)
        self.members: RecordTable[MemberView] = RecordTable(
            [
                Column(self.tr("Name"), self._member_name),
                Column(
                    self.tr("Administrator"),
                    lambda m: yes_no(m.admin),
                    sort=lambda m: int(m.admin),
                ),
                Column(self.tr("Key fingerprint"), lambda m: m.fingerprint),
            ],
            page,
            stretch_column=2,
            whole_columns=(0,),
        )
        self.members.setAccessibleName(self.tr("Members"))
        self.members.setMinimumHeight(130)
        self.invites: RecordTable[TeamInvite] = RecordTable(
            [
                Column(self.tr("Name"), lambda i: i.name),
                Column(self.tr("Administrator"), lambda i: yes_no(i.admin)),
                Column(
                    self.tr("Invited"),
                    lambda i: datetime_text(local_time(i.created_at)),
                    sort=lambda i: i.created_at.isoformat(),
                ),
            ],
            page,
            stretch_column=2,
            whole_columns=(0,),
        )
        self.invites.setAccessibleName(self.tr("Invitations not answered yet"))
        self.invites.setMaximumHeight(110)
        self.invites_label = QLabel(self.tr("Invitations not answered yet:"), page)
        self.invite_button = QPushButton(self.tr("Invite…"), page)
        self.invite_button.clicked.connect(self.invite)
        self.remove_button = QPushButton(self.tr("Remove…"), page)
        self.remove_button.clicked.connect(self.remove)
        self.sync_button = QPushButton(self.tr("Sync now"), page)
        self.sync_button.clicked.connect(self.sync_now)
        buttons = QHBoxLayout()
        buttons.addWidget(self.invite_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sync_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.members_label = QLabel(self.tr("Members:"), page)
        self.fingerprint_hint = _hint(
            self.tr(
                "Compare each fingerprint with its member in person: the same on their "
                "screen means the changes signed with it are theirs."
            ),
            page,
        )
        layout.addWidget(self.status)
        layout.addWidget(self.members_label)
        layout.addWidget(self.members)
        layout.addWidget(self.fingerprint_hint)
        layout.addWidget(self.invites_label)
        layout.addWidget(self.invites)
        layout.addLayout(buttons)
        return page

    def _show_page(self, page: QWidget) -> None:
        """One page shown, the other hidden: not a stack, which is as tall as its tallest page
        and ignores that wrapped hints grow shorter as the box grows wider."""
        for each in (self.outside, self.inside):
            each.setVisible(each is page)

    def current_page(self) -> QWidget:
        return self.inside if self.inside.isVisibleTo(self) else self.outside

    def _member_name(self, member: MemberView) -> str:
        return self.tr("%1 (you)").replace("%1", member.name) if member.me else member.name

    # -- showing ----------------------------------------------------------------------------
    def set_session(self, session: VaultSession | None) -> None:
        self.session = session
        self._say("")
        if session is None:
            self.members.clear()
            self.invites.clear()
            self.code.clear()
            self.server_address.clear()
            self._show_page(self.outside)
        else:
            self.refresh()

    def refresh(self) -> None:
        if self.session is None or not self.session.is_open:
            return
        sync = _controller(self.session)
        if sync is not None and sync is not self._watched:
            self._watched = sync
            sync.changed.connect(self._sync_changed)
        team = self.session.ws.team
        if team.state() is None:
            self._show_page(self.outside)
            return
        self._show_page(self.inside)
        members = team.members()
        invites = team.invitations()
        self.members.set_records(members)
        for widget in (self.members_label, self.members, self.fingerprint_hint):
            widget.setVisible(bool(members))  # none yet while waiting to be let in
        self.invites.set_records(invites)
        self.invites.setVisible(bool(invites))
        self.invites_label.setVisible(bool(invites))
        admin = any(m.me and m.admin for m in members)
        self.invite_button.setVisible(admin)
        self.remove_button.setVisible(admin)
        self._show_status()

    def _sync_changed(self) -> None:
        """A background round ended (a member let in, changes received): show it."""
        if self.isVisible() and self.session is not None and self.session.is_open:
            self.refresh()

    def _show_status(self) -> None:
        assert self.session is not None
        status = self.session.ws.team.status()
        sync = _controller(self.session)
        view = sync.view() if sync is not None else None
        problem = view.message if view is not None and view.problem else status.last_error
        lines = []
        if status.waiting:
            lines.append(
                self.tr(
                    "Waiting to be let in: an administrator's next sync does it; then Sync "
                    "now brings the team's cases."
                )
            )
        when = status.last_sync_at
        if isinstance(when, datetime):
            lines.append(self.tr("Last sync: %1.").replace("%1", datetime_text(local_time(when))))
        else:
            lines.append(self.tr("Not synced yet."))
        if view is not None and view.syncing:
            lines.append(self.tr("Syncing…"))
        elif problem:
            lines.append(self.tr("The last try failed: %1").replace("%1", problem))
        if status.to_send:
            lines.append(self.tr("Changes to send: %1.").replace("%1", str(status.to_send)))
        if status.open_conflicts:
            lines.append(
                self.tr("Conflicts waiting for a person to decide: %1.").replace(
                    "%1", str(status.open_conflicts)
                )
            )
        self.status.setText(" ".join(lines))
        style.set_role(self.status, "error" if problem else "hint")

    def _say(self, text: str, role: str = "ok") -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        style.set_role(self.message, role)

    # -- actions ---------------------------------------------------------------------------
    def _work(self, text: str, job: Callable[[], T], done: Callable[[T], None]) -> None:
        assert self.session is not None
        dialog = WorkingDialog(self.session, self)
        self.dialog = dialog

        def succeeded(result: T) -> None:
            done(result)
            self._changed()

        def failed(exc: Exception) -> None:
            self._say(error_text(exc), "error")
            self._changed()

        dialog.start(text, job, succeeded, failed)

    def _changed(self) -> None:
        if self.session is not None and self.session.is_open:
            self.session.committed()
            self.refresh()

    def start_team(self) -> None:
        if self.session is None:
            return
        address, name = self.server_address.text().strip(), self.own_name.text().strip()
        if not address:
            self._say(self.tr("Give the server's address."), "error")
            return
        team = self.session.ws.team

        def started(_result: object) -> None:
            self.server_address.clear()  # it may hold the owner's password: not kept in view
            self._say(self.tr("The team is started. Invite your colleagues with Invite…"))

        self._work(self.tr("Starting the team…"), lambda: team.init(address, name), started)

    def join_team(self) -> None:
        if self.session is None:
            return
        code = self.code.toPlainText().strip()
        if not code:
            self._say(self.tr("Paste the invitation code first."), "error")
            return
        team = self.session.ws.team

        def asked(name: object) -> None:
            self.code.clear()
            self._say(
                self.tr(
                    "You asked to join as %1. An administrator's next sync lets you in; "
                    "then Sync now brings the team's cases."
                ).replace("%1", str(name))
            )

        self._work(self.tr("Asking to join…"), lambda: team.join(code), asked)

    def sync_now(self) -> None:
        if self.session is None:
            return
        sync = _controller(self.session)
        if sync is not None:  # the main window's: it says how it went, here and below
            self._say("")
            sync.sync_now()
            self.refresh()
            return
        team = self.session.ws.team

        def synced(report: SyncReport) -> None:
            parts = [
                self.tr("Synced: %1 received, %2 sent.")
                .replace("%1", str(report.received))
                .replace("%2", str(report.sent))
            ]
            if report.joined:
                parts.append(self.tr("Let in: %1.").replace("%1", ", ".join(report.joined)))
            if report.conflicts:
                parts.append(self.tr("New conflicts: %1.").replace("%1", str(report.conflicts)))
            self._say(" ".join(parts))

        self._work(self.tr("Syncing…"), team.sync, synced)

    def invite(self) -> InviteDialog | None:
        if self.session is None:
            return None
        dialog = InviteDialog(self.session, self)
        dialog.finished.connect(lambda _result: self.refresh())
        self.dialog = dialog
        dialog.open()
        return dialog

    def remove(self) -> RemoveDialog | None:
        if self.session is None:
            return None
        member = self.members.current_record()
        if member is None:
            self._say(self.tr("Select the member to remove."), "error")
            return None
        if member.me:
            self._say(self.tr("You cannot remove yourself; ask another administrator."), "error")
            return None
        dialog = RemoveDialog(self.session, member, self)

        def ended(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self._say(self.tr("%1 is no longer in the team.").replace("%1", member.name))
            self.refresh()

        dialog.finished.connect(ended)
        self.dialog = dialog
        dialog.open()
        return dialog
