"""A case's story in date order: status changes, custody periods, contacts, allegations, and
requests to official bodies with their replies.

The entries are data, not sentences: the GUI words them in the reader's language. Undated
entries (a custody period with no start) sort first, since they are the least certain.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from casetracker.model import (
    Allegation,
    AllegationCase,
    ContactEvent,
    CustodyPeriod,
    Facility,
    Relative,
    StatusChange,
)
from casetracker.model.requests import Request
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services.cases import get_case
from casetracker.services.debrief import witness_labels_in
from casetracker.services.uncertain_dates import uncertain

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault


class EntryKind(StrEnum):
    STATUS = "status"
    CUSTODY_START = "custody_start"
    CUSTODY_END = "custody_end"
    CONTACT = "contact"
    ALLEGATION = "allegation"
    REQUEST_SENT = "request_sent"
    REQUEST_REPLY = "request_reply"


@dataclass(frozen=True)
class TimelineEntry:
    kind: EntryKind
    day: date | None
    # A time of day when the record has one (contacts), for ordering within a day.
    at: datetime | None
    record_id: uuid.UUID
    details: dict[str, Any] = field(default_factory=dict)
    # For an undated entry known to come after a day (a stay that ended on a day not known
    # comes after it began): where it sorts.
    after: date | None = None
    # When the day is not known exactly ("July 2024"): shown in words instead of ``day``,
    # which then holds the earliest day it allows (the latest for "before …").
    when: UncertainDate | None = None

    @property
    def sort_key(self) -> tuple[date, datetime]:
        day = self.day or self.after or date.min
        return day, self.at or datetime.combine(day, time.min)


def case_timeline(ws: "OpenVault", ref_or_id: str | uuid.UUID) -> list[TimelineEntry]:
    """Everything dated on one case, oldest first."""
    entries: list[TimelineEntry] = []
    with ws.reading() as session:
        case = get_case(session, ref_or_id)
        for change in session.exec(select(StatusChange).where(StatusChange.case_id == case.id)):
            entries.append(
                TimelineEntry(
                    EntryKind.STATUS,
                    change.changed_on,
                    None,
                    change.id,
                    {
                        "status": change.status,
                        "previous": change.previous_status,
                        "note": change.source_note,
                    },
                    when=uncertain(change, "changed_on"),
                )
            )
        custody = session.exec(
            select(CustodyPeriod, Facility.name)
            .join(Facility, col(Facility.id) == CustodyPeriod.facility_id)
            .where(CustodyPeriod.case_id == case.id)
        )
        for period, place in custody:
            info = {"place": place, "certainty": period.certainty, "note": period.note}
            entries.append(
                TimelineEntry(
                    EntryKind.CUSTODY_START,
                    period.since,
                    None,
                    period.id,
                    info,
                    when=uncertain(period, "since"),
                )
            )
            if period.ended:  # ``until`` None: he left on a day not known
                entries.append(
                    TimelineEntry(
                        EntryKind.CUSTODY_END,
                        period.until,
                        None,
                        period.id,
                        info,
                        period.since,
                        when=uncertain(period, "until"),
                    )
                )
        names = {
            r.id: r for r in session.exec(select(Relative))
        }  # small table; avoids one query per contact
        contacts = list(session.exec(select(ContactEvent).where(ContactEvent.case_id == case.id)))
        witnesses = witness_labels_in(session, {e.witness_case_id for e in contacts})
        for event in contacts:
            relative = names.get(event.relative_id) if event.relative_id else None
            entries.append(
                TimelineEntry(
                    EntryKind.CONTACT,
                    event.occurred_at.date(),
                    event.occurred_at if event.time_known else None,  # the day alone
                    event.id,
                    {
                        "direct": event.direct,
                        "channel": event.channel,
                        "reports_transfer": event.reports_transfer,
                        "note": event.note,
                        "participants": event.participants,
                        "relative": (
                            None
                            if relative is None
                            else ("" if relative.anonymous else relative.full_name)
                        ),
                        # A "seen by" report from a debrief: the witness's "CT-0042 — name".
                        "witness": witnesses.get(event.witness_case_id)
                        if event.witness_case_id
                        else None,
                    },
                    when=uncertain(event, "occurred_at"),
                )
            )
        allegations = session.exec(
            select(Allegation)
            .join(AllegationCase, col(AllegationCase.allegation_id) == Allegation.id)
            .where(AllegationCase.case_id == case.id)
        )
        for allegation in allegations:
            entries.append(
                TimelineEntry(
                    EntryKind.ALLEGATION,
                    allegation.occurred_on,
                    None,
                    allegation.id,
                    {"allegation": allegation.kind, "note": allegation.description},
                    when=uncertain(allegation, "occurred_on"),
                )
            )
        entries.extend(_requests(session, case.id))
    return sorted(entries, key=lambda e: e.sort_key)


def _requests(session: Session, case_id: uuid.UUID) -> list[TimelineEntry]:
    """A request on the day it was sent, and its reply on the day it came."""
    out = []
    for request in session.exec(select(Request).where(Request.case_id == case_id)):
        info = {
            "kind": request.kind,
            "addressee": request.addressee,
            "number": request.outgoing_number,
            "outcome": request.reply_outcome,
            "note": request.note,
        }
        out.append(TimelineEntry(EntryKind.REQUEST_SENT, request.sent_on, None, request.id, info))
        if request.replied_on is not None:
            reply = {**info, "note": request.reply_text}
            out.append(
                TimelineEntry(EntryKind.REQUEST_REPLY, request.replied_on, None, request.id, reply)
            )
    return out
