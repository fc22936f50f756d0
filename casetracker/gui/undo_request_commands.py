"""Undoable request actions, in the shape of ``undo_commands``: each ``do`` and ``undo_action``
is one service call, so the History shows both directions and Ctrl+Z in any window of the
vault takes a request back like any other edit."""

import uuid
from typing import Any

from casetracker.gui.undo_commands import ServiceCommand
from casetracker.gui.vault_session import VaultSession
from casetracker.i18n import translate
from casetracker.model.requests import Request
from casetracker.services import requests


class AddRequest(ServiceCommand):
    def __init__(self, session: VaultSession, case_id: uuid.UUID, **fields: Any) -> None:
        super().__init__(session, translate("undo", "New request"))
        self.case_id, self.fields = case_id, fields
        self.request_id: uuid.UUID | None = None

    def do(self) -> None:
        self.request_id = requests.add(self.session.ws, self.case_id, **self.fields).id

    def undo_action(self) -> None:
        if self.request_id is not None:
            requests.delete(self.session.ws, self.request_id)


class EditRequest(ServiceCommand):
    """An edit of a request or its reply; with a scan, the scan is stored in the same step and
    undo deletes it again (the file chosen is kept in memory for a redo)."""

    def __init__(
        self,
        session: VaultSession,
        request: Request,
        new: dict[str, Any],
        old: dict[str, Any],
        scan: tuple[bytes, str, str] | None = None,
    ) -> None:
        reply = scan is not None or "replied_on" in new
        text = translate("undo", "Record a reply") if reply else translate("undo", "Edit request")
        super().__init__(session, text)
        self.request_id, self.new, self.old, self.scan = request.id, new, old, scan
        self.previous_scan = request.reply_attachment_id
        self.stored_scan: uuid.UUID | None = None

    def do(self) -> None:
        request = requests.update(self.session.ws, self.request_id, scan=self.scan, **self.new)
        self.stored_scan = request.reply_attachment_id if self.scan is not None else None

    def undo_action(self) -> None:
        ws = self.session.ws
        if self.stored_scan is None:
            requests.update(ws, self.request_id, **self.old)
            return
        requests.update(ws, self.request_id, reply_attachment_id=self.previous_scan, **self.old)
        ws.attachments.delete(self.stored_scan)
        self.stored_scan = None


class DeleteRequest(ServiceCommand):
    def __init__(self, session: VaultSession, request: Request) -> None:
        super().__init__(session, translate("undo", "Delete a request"))
        self.request = request

    def do(self) -> None:
        requests.delete(self.session.ws, self.request.id)

    def undo_action(self) -> None:
        self.request = requests.restore(self.session.ws, self.request)
