"""The contact log: every time anyone heard from or about a detained man."""

import uuid
from datetime import datetime, time
from typing import TYPE_CHECKING

from sqlmodel import col, select

from casetracker.i18n import translate
from casetracker.model import CaseStatus, Channel, ContactEvent
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services.cases import get_case, set_status_in
from casetracker.services.errors import InvalidInput
from casetracker.services.uncertain_dates import uncertain


def _midnight_of(value: UncertainDate) -> datetime:
    if value.column_day is None:  # "unknown": a contact is placed in time, if only roughly
        raise InvalidInput(
            translate(
                "services", "A contact needs at least a rough day: a month, a year or a range."
            )
        )
    return datetime.combine(value.column_day, time())


def contact_when(event: ContactEvent) -> UncertainDate | None:
    """When a contact happened as an uncertain value: None when the day (and time) are exact."""
    return uncertain(event, "occurred_at")


if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault


class ContactService:
    def __init__(self, workspace: "OpenVault") -> None:
        self.ws = workspace

    def log(
        self,
        ref_or_id: str | uuid.UUID,
        occurred_at: datetime | UncertainDate,
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
        An UncertainDate ("between 1 and 8 July") has no time either: its earliest day (latest
        for "before …") is stored at midnight with its code beside it.
        """
        when: UncertainDate | None = None
        if isinstance(occurred_at, UncertainDate):
            when, occurred_at, time_known = occurred_at, _midnight_of(occurred_at), False
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
            if when is not None:
                event.occurred_at_edtf = when.to_edtf()
            session.add(event)
            if new_status is not None:
                set_status_in(session, case, new_status, when or occurred_at.date(), note)
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
