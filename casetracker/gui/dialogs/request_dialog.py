"""A request to an official body and, once it comes, its reply: typed from the keyboard.

The same dialog adds a request, edits one, and records the reply ("Record reply…" opens it
with the reply's day ready, today, selected for typing over). Under the sent day it says when
the reply is due, from the vault's deadline for the kind, so a wrong kind shows at once. The
scan of the reply is read into memory and stored encrypted with the change (one undo step).
"""

import mimetypes
import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui import file_dialogs, style
from casetracker.gui.error_messages import error_text
from casetracker.gui.locale_format import date_text
from casetracker.gui.undo_commands import changed_fields
from casetracker.gui.undo_request_commands import AddRequest, EditRequest
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import (
    EnumCombo,
    dialog_buttons,
    error_label,
    fit_to_screen,
    show_message,
)
from casetracker.gui.widgets.optional_date_edit import OptionalDateEdit, dates_ready
from casetracker.model.request_labels import (
    reply_outcome_label,
    request_channel_label,
    request_kind_label,
)
from casetracker.model.requests import ReplyOutcome, Request, RequestChannel, RequestKind
from casetracker.rules.request_facts import due_on
from casetracker.services import requests
from casetracker.services.attachments import MAX_ATTACHMENT_BYTES
from casetracker.services.date_input import DateInputError

# What the scan chooser offers first; any file may still be chosen.
SCAN_FILTER = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.heic"


def _plain_text(parent: QWidget, name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(64)
    edit.setAccessibleName(name)
    return edit


class RequestDialog(QDialog):
    def __init__(
        self,
        session: VaultSession,
        case_id: uuid.UUID,
        request: Request | None = None,
        parent: QWidget | None = None,
        *,
        reply: bool = False,
    ) -> None:
        super().__init__(parent)
        self.session, self.case_id, self.request = session, case_id, request
        self.scan: tuple[bytes, str, str] | None = None
        self.reply_days = requests.reply_days(session.ws)
        if request is None:
            self.setWindowTitle(self.tr("New request"))
        elif reply:
            self.setWindowTitle(self.tr("Record the reply"))
        else:
            self.setWindowTitle(self.tr("Edit request"))

        self.kind = EnumCombo(list(RequestKind), request_kind_label, self)
        self.kind.setAccessibleName(self.tr("To whom"))
        self.addressee = QLineEdit(self)
        self.addressee.setPlaceholderText(
            self.tr("e.g. Military prosecutor's office of the garrison")
        )
        self.addressee.setAccessibleName(self.tr("Body or official"))
        self.sent_on = OptionalDateEdit(self)
        self.sent_on.edit.setPlaceholderText(self.tr("day sent"))
        self.sent_on.edit.setAccessibleName(self.tr("Sent on"))
        self.due = QLabel(self)
        self.due.setWordWrap(True)
        style.set_role(self.due, "hint")
        self.channel = EnumCombo(list(RequestChannel), request_channel_label, self)
        self.channel.setAccessibleName(self.tr("How it was sent"))
        self.outgoing = QLineEdit(self)
        self.outgoing.setAccessibleName(self.tr("Our outgoing No."))
        self.registration = QLineEdit(self)
        self.registration.setPlaceholderText(self.tr("once they tell us"))
        self.registration.setAccessibleName(self.tr("Their registration No."))
        self.signed_by = QLineEdit(self)
        self.signed_by.setAccessibleName(self.tr("Signed by"))
        self.note = _plain_text(self, self.tr("What was asked"))

        self.replied_on = OptionalDateEdit(self)
        self.replied_on.edit.setPlaceholderText(self.tr("no reply yet"))
        self.replied_on.edit.setAccessibleName(self.tr("Reply received on"))
        self.outcome = EnumCombo(
            list(ReplyOutcome), reply_outcome_label, self, none_text=self.tr("—")
        )
        self.outcome.setAccessibleName(self.tr("What the reply amounts to"))
        self.reply_text = _plain_text(self, self.tr("What the reply says"))
        self.scan_button = QPushButton(self.tr("Attach a scan…"), self)
        self.scan_button.clicked.connect(self.choose_scan)
        self.scan_name = QLabel(self)
        style.set_role(self.scan_name, "hint")
        self.closed = QCheckBox(self.tr("No longer pursued (withdrawn or settled)"), self)

        if request is not None:
            self.kind.set_value(request.kind)
            self.addressee.setText(request.addressee)
            self.sent_on.set_value(request.sent_on)
            self.channel.set_value(request.channel)
            self.outgoing.setText(request.outgoing_number)
            self.registration.setText(request.registration_number)
            self.signed_by.setText(request.signed_by)
            self.note.setPlainText(request.note)
            self.replied_on.set_value(request.replied_on)
            self.outcome.set_value(request.reply_outcome)
            self.reply_text.setPlainText(request.reply_text)
            self.closed.setChecked(request.closed)
            if request.reply_attachment_id is not None:
                self.scan_name.setText(self.tr("A scan is attached (see Sources & evidence)."))
        if reply and _day(self.replied_on) is None:
            self.replied_on.set_value(date.today())

        form = QFormLayout()
        form.addRow(self.tr("To whom"), self.kind)
        form.addRow(self.tr("Body or official"), self.addressee)
        form.addRow(self.tr("Sent on"), self.sent_on)
        form.addRow("", self.due)
        form.addRow(self.tr("How it was sent"), self.channel)
        form.addRow(self.tr("Our outgoing No."), self.outgoing)
        form.addRow(self.tr("Their registration No."), self.registration)
        form.addRow(self.tr("Signed by"), self.signed_by)
        form.addRow(self.tr("What was asked"), self.note)
        answer = QGroupBox(self.tr("Reply"), self)
        answer_form = QFormLayout(answer)
        answer_form.addRow(self.tr("Received on"), self.replied_on)
        answer_form.addRow(self.tr("It amounts to"), self.outcome)
        answer_form.addRow(self.tr("What it says"), self.reply_text)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_button)
        scan_row.addWidget(self.scan_name, 1)
        answer_form.addRow(self.tr("Scan"), scan_row)
        answer_form.addRow("", self.closed)
        self.message = error_label(self)
        ok_text = self.tr("Add request") if request is None else self.tr("Save")
        buttons, self.ok_button = dialog_buttons(self, ok_text)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        # The fields scroll when the screen is short (200 % scaling) rather than overlapping.
        fields = QWidget(self)
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addLayout(form)
        fields_layout.addWidget(answer)
        scroll = QScrollArea(self)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        # As tall as the fields want (a short screen then scrolls them), room for wrapped hints.
        for widget in (self, fields, *fields.findChildren(QWidget)):
            widget.ensurePolished()
        wanted = fields.sizeHint()
        extra = buttons.sizeHint().height() + self.message.sizeHint().height() + 48
        fit_to_screen(self, max(640, wanted.width() + 40), wanted.height() + extra)

        self.kind.currentIndexChanged.connect(lambda _i: self._show_due())
        self.sent_on.valueChanged.connect(self._show_due)
        self._show_due()
        if reply:
            self.replied_on.edit.setFocus()
            self.replied_on.edit.selectAll()
        else:
            self.kind.setFocus()

    def _show_due(self) -> None:
        sent = _day(self.sent_on)
        kind = self.kind.value()
        if sent is None or kind is None:
            self.due.setText(self.tr("The reply deadline shows once the day sent is typed."))
            return
        allowed = self.reply_days[kind]
        self.due.setText(
            self.tr("A reply is due by %1 (%n day(s) for this kind of body).", "", allowed).replace(
                "%1", date_text(due_on(sent, allowed))
            )
        )

    def choose_scan(self) -> None:
        path = file_dialogs.open_file(
            self,
            self.tr("Scan or photo of the reply"),
            filter=self.tr("Scans and photos (%1);;All files (*)").replace("%1", SCAN_FILTER),
        )
        if path is None:
            return
        try:
            size = path.stat().st_size
            if size > MAX_ATTACHMENT_BYTES:
                show_message(
                    self.message,
                    self.tr("This file is larger than 64 MB and cannot be attached."),
                )
                return
            untrusted = path.read_bytes()
        except OSError as exc:
            show_message(self.message, error_text(exc))
            return
        media_type = _media_type(path.name)
        self.scan = (untrusted, path.name, media_type)
        self.scan_name.setText(path.name)
        show_message(self.message, "")

    def values(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value(),
            "addressee": self.addressee.text().strip(),
            "sent_on": self.sent_on.value(),
            "channel": self.channel.value(),
            "outgoing_number": self.outgoing.text().strip(),
            "registration_number": self.registration.text().strip(),
            "signed_by": self.signed_by.text().strip(),
            "note": self.note.toPlainText().strip(),
            "replied_on": self.replied_on.value(),
            "reply_outcome": self.outcome.value(),
            "reply_text": self.reply_text.toPlainText().strip(),
            "closed": self.closed.isChecked(),
        }

    def submit(self) -> None:
        if not dates_ready(self.sent_on, self.replied_on):
            return
        values = self.values()
        if values["sent_on"] is None:
            return self._refuse(self.tr("Say on which day it was sent."), self.sent_on.edit)
        has_reply = values["reply_outcome"] is not None or values["reply_text"] or self.scan
        if values["replied_on"] is None and has_reply:
            return self._refuse(self.tr("Say on which day the reply came."), self.replied_on.edit)
        if values["replied_on"] is not None and values["reply_outcome"] is None:
            return self._refuse(self.tr("Say what the reply amounts to."), self.outcome)
        try:
            if self.request is None:
                AddRequest(self.session, self.case_id, scan=self.scan, **values).execute()
            else:
                new, old = changed_fields(self.request, values)
                if new or self.scan is not None:
                    EditRequest(self.session, self.request, new, old, self.scan).execute()
        except Exception as exc:
            show_message(self.message, error_text(exc))
            return
        self.accept()

    def _refuse(self, text: str, field: QWidget) -> None:
        show_message(self.message, text)
        field.setFocus()


def _media_type(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def _day(field: OptionalDateEdit) -> date | None:
    """The day typed so far, or None while it is empty or not (yet) a day."""
    try:
        return field.value()
    except DateInputError:
        return None
