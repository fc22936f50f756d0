"""Undoable edits: each command does its action through the services and knows how to revert it.

Commands are executed once *before* they are pushed (``execute``), so a refused edit (a service
error) never lands on the stack; ``redo`` after an undo repeats the service call. Undo uses the
services too (``undo_support`` for exact reversals), so the audit log records both directions.
"""

import uuid
from datetime import date, datetime
from typing import Any

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from casetracker.gui.error_messages import show_error
from casetracker.gui.vault_session import VaultSession
from casetracker.i18n import translate
from casetracker.model import CaseStatus, Certainty, Channel, ContactEvent
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services import uncertain_dates, undo_support
from casetracker.services.contacts import contact_when


class ServiceCommand(QUndoCommand):
    """Base: ``do``/``undo_action`` call services; errors become calm messages, not crashes."""

    def __init__(self, session: VaultSession, text: str) -> None:
        super().__init__(text)
        self.session = session
        self._first = True

    def do(self) -> None:
        raise NotImplementedError

    def undo_action(self) -> None:
        raise NotImplementedError

    def execute(self) -> None:
        """Do it now (may raise) and put it on the stack when it worked."""
        self.do()
        self.session.undo_stack.push(self)
        self.session.committed()

    def execute_here(self, parent: QWidget) -> bool:
        """``execute`` for a key or button with no dialog of its own: a refusal (a read-only
        vault, a record gone meanwhile) is said in a calm message; whether it was done."""
        try:
            self.execute()
        except Exception as exc:
            show_error(parent, exc)
            return False
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._guarded(self.do)

    def undo(self) -> None:
        self._guarded(self.undo_action)

    def _guarded(self, action: Any) -> None:
        if not self.session.is_open:
            return
        try:
            action()
        except Exception as exc:
            self.setObsolete(True)
            show_error(None, exc)
        self.session.committed()


class CreateCase(ServiceCommand):
    def __init__(self, session: VaultSession, full_name: str, **fields: Any) -> None:
        super().__init__(session, translate("undo", "New case"))
        self.full_name = full_name
        self.fields = fields
        self.case_id: uuid.UUID | None = None
        self.ref: str | None = None

    def do(self) -> None:
        extra = dict(self.fields)
        if self.ref is not None:
            extra["ref"] = self.ref
        case = self.session.ws.cases.create(self.full_name, **extra)
        self.case_id, self.ref = case.id, case.ref

    def undo_action(self) -> None:
        if self.case_id is not None:
            self.session.ws.cases.delete(self.case_id)


class UpdateCase(ServiceCommand):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, new: dict[str, Any], old: dict[str, Any]
    ) -> None:
        super().__init__(session, translate("undo", "Edit case"))
        self.case_id, self.new, self.old = case_id, new, old

    def do(self) -> None:
        self.session.ws.cases.update(self.case_id, **self.new)

    def undo_action(self) -> None:
        self.session.ws.cases.update(self.case_id, **self.old)


class SetStatus(ServiceCommand):
    def __init__(
        self,
        session: VaultSession,
        case_id: uuid.UUID,
        status: CaseStatus,
        on: UncertainDate | date,
        note: str = "",
    ) -> None:
        super().__init__(session, translate("undo", "Change status"))
        self.case_id, self.status, self.on, self.note = case_id, status, on, note
        self.change_id: uuid.UUID | None = None

    def do(self) -> None:
        before = undo_support.newest_status_change(self.session.ws, self.case_id)
        self.session.ws.cases.set_status(
            self.case_id, self.status, on=self.on, source_note=self.note
        )
        after = undo_support.newest_status_change(self.session.ws, self.case_id)
        self.change_id = after if after != before else None

    def undo_action(self) -> None:
        if self.change_id is not None:
            undo_support.revert_status_change(self.session.ws, self.change_id)


class MoveCustody(ServiceCommand):
    """Move to another place (closing the open period); undo reopens it exactly.

    ``place`` is a known place's id, or (name, settlement) of a new one: the move creates it in
    the same service call, so a refused move leaves no place behind and undo removes both.
    """

    def __init__(
        self,
        session: VaultSession,
        case_id: uuid.UUID,
        place: uuid.UUID | tuple[str, str],
        since: UncertainDate | date | None,
        certainty: Certainty = Certainty.REPORTED,
        note: str = "",
    ) -> None:
        super().__init__(session, translate("undo", "Move to another place"))
        self.case_id, self.place, self.since = case_id, place, since
        self.certainty, self.note = certainty, note
        self.period_id: uuid.UUID | None = None
        self.created_place: uuid.UUID | None = None
        self.closed: list[uuid.UUID] = []

    def do(self) -> None:
        ws = self.session.ws
        self.closed = list(undo_support.open_periods(ws, self.case_id))
        kw: dict[str, Any] = {"since": self.since, "certainty": self.certainty, "note": self.note}
        if isinstance(self.place, tuple):
            name, settlement = self.place
            period, self.created_place = ws.custody.move_to_new_place(
                self.case_id, name, settlement, **kw
            )
        else:
            period = ws.custody.move(self.case_id, self.place, **kw)
        self.period_id = period.id

    def undo_action(self) -> None:
        if self.period_id is not None:
            undo_support.undo_move(self.session.ws, self.period_id, self.closed, self.created_place)


class LogContact(ServiceCommand):
    """A contact, with the optional status change and move logged in the same dialog."""

    def __init__(
        self,
        session: VaultSession,
        case_id: uuid.UUID,
        occurred_at: datetime | UncertainDate,
        *,
        direct: bool,
        channel: Channel,
        time_known: bool = True,
        reports_transfer: bool = False,
        note: str = "",
        participants: str = "",
        relative_id: uuid.UUID | None = None,
        new_status: CaseStatus | None = None,
        move_to: uuid.UUID | None = None,
        move_certainty: Certainty = Certainty.REPORTED,
    ) -> None:
        super().__init__(session, translate("undo", "Log a contact"))
        self.case_id = case_id
        self.kwargs: dict[str, Any] = {
            "direct": direct,
            "channel": channel,
            "time_known": time_known,
            "reports_transfer": reports_transfer,
            "note": note,
            "participants": participants,
            "relative_id": relative_id,
        }
        self.occurred_at = occurred_at
        self.new_status = new_status
        self.move_to = move_to
        self.move_certainty = move_certainty
        self.event_id: uuid.UUID | None = None
        self.change_id: uuid.UUID | None = None
        self.move: MoveCustody | None = None

    def do(self) -> None:
        ws = self.session.ws
        before = undo_support.newest_status_change(ws, self.case_id)
        event = ws.contacts.log(
            self.case_id, self.occurred_at, new_status=self.new_status, **self.kwargs
        )
        self.event_id = event.id
        after = undo_support.newest_status_change(ws, self.case_id)
        self.change_id = after if after != before else None
        if self.move_to is not None:
            self.move = MoveCustody(
                self.session,
                self.case_id,
                self.move_to,
                self.occurred_at
                if isinstance(self.occurred_at, UncertainDate)
                else self.occurred_at.date(),
                self.move_certainty,
                self.kwargs["note"],
            )
            self.move.do()

    def undo_action(self) -> None:
        ws = self.session.ws
        if self.move is not None:
            self.move.undo_action()
        if self.change_id is not None:
            undo_support.revert_status_change(ws, self.change_id)
        if self.event_id is not None:
            ws.contacts.delete(self.event_id)


class DeleteContact(ServiceCommand):
    def __init__(self, session: VaultSession, event: ContactEvent) -> None:
        super().__init__(session, translate("undo", "Delete a contact"))
        self.event = event
        self.event_id: uuid.UUID | None = event.id

    def do(self) -> None:
        if self.event_id is not None:
            self.session.ws.contacts.delete(self.event_id)

    def undo_action(self) -> None:
        e = self.event
        restored = self.session.ws.contacts.log(
            e.case_id,
            contact_when(e) or e.occurred_at,
            time_known=e.time_known,
            direct=e.direct,
            channel=e.channel,
            reports_transfer=e.reports_transfer,
            note=e.note,
            participants=e.participants,
            relative_id=e.relative_id,
        )
        self.event_id = restored.id


class UpdateRecord(ServiceCommand):
    """An edit of a place, a person or a source: ``update(id, **fields)`` both ways."""

    def __init__(
        self,
        session: VaultSession,
        text: str,
        update: Any,
        record_id: uuid.UUID,
        new: dict[str, Any],
        old: dict[str, Any],
    ) -> None:
        super().__init__(session, text)
        self.update, self.record_id, self.new, self.old = update, record_id, new, old

    def do(self) -> None:
        self.update(self.record_id, **self.new)

    def undo_action(self) -> None:
        self.update(self.record_id, **self.old)


def changed_fields(record: Any, new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only what differs: (new values, old values) for an update command. A date that may be
    uncertain (it has an ``_edtf`` column) is compared, and restored, as the value both hold."""
    new_out, old_out = {}, {}
    for key, value in new.items():
        if hasattr(record, f"{key}_edtf"):
            old, value = uncertain_dates.read(record, key), uncertain_dates.as_uncertain(value)
        else:
            old = getattr(record, key)
        if old != value:
            new_out[key], old_out[key] = value, old
    return new_out, old_out
