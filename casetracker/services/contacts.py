"""The contact log: every time anyone heard from or about a detained man."""

import uuid
from datetime import datetime, time
from typing import TYPE_CHECKING

from sqlmodel import col, select

from casetracker.i18n import translate
from casetracker.model import CaseStatus, Channel, ContactEvent
from casetracker.services.cases import get_case, set_status_in
from casetracker.services.errors import InvalidInput

if TYPE_CHECKING:
    from casetracker.services.workspace import Workspace


class ContactService:
    def __init__(self, workspace: "Workspace") -> None:
        self.ws = workspace

    def log(
        self,
        ref_or_id: str | uuid.UUID,
        occurred_at: datetime,
        *,
        direct: bool,
        channel: Channel = Channel.CALL,
        reports_transfer: bool = False,
        note: str = "",
        participants: str = "",
        relative_id: uuid.UUID | None = None,
        new_status: CaseStatus | None = None,
        time_known: bool = True,
    ) -> ContactEvent:
        """Log one contact; optionally change the status in the same step (one undo unit).

        ``time_known=False``: only the day is known; it is stored at midnight and shown alone.
        """
        if not time_known:
            occurred_at = datetime.combine(occurred_at.date(), time())
        if (
            occurred_at > datetime.now().replace(microsecond=0)
            and (occurred_at - datetime.now()).days >= 1
        ):
            raise InvalidInput(translate("services", "A contact cannot be logged in the future."))
        with self.ws.session() as session:
            case = get_case(session, ref_or_id)
            event = ContactEvent(
                case_id=case.id,
                occurred_at=occurred_at,
                time_known=time_known,
                channel=channel,
                direct=direct,
                reports_transfer=reports_transfer,
                note=note,
                participants=participants,
                relative_id=relative_id,
            )
            session.add(event)
            if new_status is not None:
                set_status_in(session, case, new_status, occurred_at.date(), note)
            return event

    def for_case(self, ref_or_id: str | uuid.UUID) -> list[ContactEvent]:
        with self.ws.reading() as session:
            case = get_case(session, ref_or_id)
            stmt = (
                select(ContactEvent)
                .where(ContactEvent.case_id == case.id)
                .order_by(col(ContactEvent.occurred_at).desc())
            )
            return list(session.exec(stmt))

    def delete(self, event_id: uuid.UUID) -> None:
        with self.ws.session() as session:
            event = session.get(ContactEvent, event_id)
            if event is not None:
                session.delete(event)
