"""The debrief list: who a released or transferred man may have seen where he was held.

When a man comes out (released, home, transferred, or any stay of his ended), he is the best
witness there is for everyone else held where he was. The list names every other man recorded
at the same places whose stay overlapped his, so a caseworker can ask him about each. What he
says about one of them is logged on that man's case as a "seen by" contact: second-hand news
(``direct`` False, never proof of life: only the man's own voice is) tied to the witness's case
through ``ContactEvent.witness_case_id``.

Dates are read generously: a stay with no known start began as early as anything; one still
open lasts until today; one that ended on a day nobody gave us overlaps everything after its
start. Asking a released man about one name too many costs a minute; leaving a man off the
list may cost the only news of him anyone will get.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from casetracker.i18n import translate
from casetracker.model import Case, CaseStatus, Channel, ContactEvent, CustodyPeriod, Facility
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services.cases import get_case, last_contacts
from casetracker.services.errors import InvalidInput

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

# Statuses in which a man has come out of the place and can be asked who was there.
DEBRIEF_STATUSES = frozenset({CaseStatus.RELEASED, CaseStatus.HOME, CaseStatus.TRANSFERRED})


@dataclass(frozen=True)
class Span:
    """A stay as an interval of days, both ends included; None is open-ended that way."""

    start: date | None
    end: date | None

    def overlap(self, other: "Span") -> "Span | None":
        """The days both stays share (touching on one day counts), or None."""
        start = _later(self.start, other.start)
        end = _earlier(self.end, other.end)
        if start is not None and end is not None and start > end:
            return None
        return Span(start, end)


def _later(a: date | None, b: date | None) -> date | None:
    return b if a is None else a if b is None else max(a, b)


def _earlier(a: date | None, b: date | None) -> date | None:
    return b if a is None else a if b is None else min(a, b)


class Stay(Protocol):
    """The columns of a custody period a span is read from (a row or a CustodyPeriod)."""

    since: date | None
    since_edtf: str
    until: date | None
    until_edtf: str
    ended: bool


# Those columns, and whose stay it is and where, selected as plain values: building ORM
# objects for every stay at a large place cost most of the time.
_STAY_COLUMNS = (
    col(CustodyPeriod.case_id),
    col(CustodyPeriod.facility_id),
    col(CustodyPeriod.since),
    col(CustodyPeriod.since_edtf),
    col(CustodyPeriod.until),
    col(CustodyPeriod.until_edtf),
    col(CustodyPeriod.ended),
)


def span_of(period: Stay, today: date) -> Span:
    """A stay read generously: from the earliest day its start allows to the latest its end
    allows; still held means until today; an end not known, no end."""
    since = UncertainDate.from_columns(period.since, period.since_edtf)
    start = since.earliest if since is not None else None
    if not period.ended:
        return Span(start, today)
    until = UncertainDate.from_columns(period.until, period.until_edtf)
    return Span(start, until.latest if until is not None else None)


@dataclass(frozen=True)
class Overlap:
    place: str
    facility_id: uuid.UUID
    span: Span


@dataclass(frozen=True)
class DebriefRow:
    """Another man held where the witness was, at the same time, and what we know of him."""

    case_id: uuid.UUID
    ref: str
    full_name: str
    status: CaseStatus
    last_proof_of_life: datetime | None
    # The newest day he told us about this man (a "seen by" report), if he did.
    told_on: date | None
    overlaps: tuple[Overlap, ...]


def qualifies(ws: "OpenVault", ref_or_id: str | uuid.UUID) -> bool:
    """Whether the case is worth a debrief: he is out, moved on, or left a place."""
    with ws.reading() as session:
        case = get_case(session, ref_or_id)
        return _qualifies(session, case)


def _qualifies(session: Session, case: Case) -> bool:
    if case.status in DEBRIEF_STATUSES:
        return True
    ended = select(CustodyPeriod.id).where(
        CustodyPeriod.case_id == case.id, col(CustodyPeriod.ended).is_(True)
    )
    return session.exec(ended).first() is not None


def debrief_list(
    ws: "OpenVault", ref_or_id: str | uuid.UUID, today: date | None = None
) -> list[DebriefRow]:
    """Every other man recorded at his places with a stay overlapping his, by reference.

    One query reads the stays at the places he was held (not one per pair of men); each is
    compared with his own few stays at the same place.
    """
    today = today or date.today()
    with ws.reading() as session:
        case = get_case(session, ref_or_id)
        own: dict[uuid.UUID, list[Span]] = defaultdict(list)
        connection = session.connection()
        mine = sa_select(*_STAY_COLUMNS).where(col(CustodyPeriod.case_id) == case.id)
        for period in connection.execute(mine):
            own[period.facility_id].append(span_of(period, today))
        if not own:
            return []
        stmt = (
            sa_select(
                *_STAY_COLUMNS,
                col(Facility.name),
                col(Case.ref),
                col(Case.full_name),
                col(Case.status),
            )
            .join(Facility, col(Facility.id) == CustodyPeriod.facility_id)
            .join(Case, col(Case.id) == CustodyPeriod.case_id)
            .where(col(CustodyPeriod.facility_id).in_(own), col(CustodyPeriod.case_id) != case.id)
        )
        found: dict[uuid.UUID, list[Overlap]] = defaultdict(list)
        who: dict[uuid.UUID, tuple[str, str, CaseStatus]] = {}
        for stay in connection.execute(stmt):
            theirs = span_of(stay, today)
            for held in own[stay.facility_id]:
                shared = held.overlap(theirs)
                if shared is not None:
                    found[stay.case_id].append(Overlap(stay.name, stay.facility_id, shared))
                    who[stay.case_id] = (stay.ref, stay.full_name, stay.status)
        proofs = last_contacts(session, list(found))
        told = dict(
            connection.execute(
                sa_select(col(ContactEvent.case_id), func.max(ContactEvent.occurred_at))
                .where(col(ContactEvent.witness_case_id) == case.id)
                .group_by(col(ContactEvent.case_id))
            ).all()
        )
    rows = [
        DebriefRow(
            case_id=other,
            ref=who[other][0],
            full_name=who[other][1],
            status=who[other][2],
            last_proof_of_life=proofs.get(other, (None, None))[1],
            told_on=_day(told.get(other)),
            overlaps=tuple(sorted(overlaps, key=lambda o: o.span.start or date.min)),
        )
        for other, overlaps in found.items()
    ]
    return sorted(rows, key=lambda r: r.ref)


def _day(value: object) -> date | None:
    """A day from what SQLite's max() gives back for a timestamp (text, or None)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    return datetime.fromisoformat(str(value)).date()


def log_seen_by(
    ws: "OpenVault",
    witness: str | uuid.UUID,
    seen: str | uuid.UUID,
    on: date,
    *,
    channel: Channel = Channel.VISIT,
    note: str = "",
) -> ContactEvent:
    """Log on the seen man's case that the witness saw him: second-hand news (not proof of
    life), tied to the witness's case so both the source and the debrief stay traceable."""
    if on > date.today():
        raise InvalidInput(translate("services", "A contact cannot be logged in the future."))
    with ws.session() as session:
        witness_case = get_case(session, witness)
        seen_case = get_case(session, seen)
        if witness_case.id == seen_case.id:
            raise InvalidInput(
                translate("services", "A man cannot be his own witness: choose another case.")
            )
        event = ContactEvent(
            case_id=seen_case.id,
            occurred_at=datetime.combine(on, time()),
            time_known=False,
            channel=channel,
            direct=False,
            witness_case_id=witness_case.id,
            note=note.strip(),
        )
        session.add(event)
        return event


def witness_labels(ws: "OpenVault", case_ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    """ "CT-0042 — name" of each witness case, for contact lists."""
    with ws.reading() as session:
        return witness_labels_in(session, case_ids)


def witness_labels_in(session: Session, case_ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    """The same within a session (the timeline's), in one query; None ids are skipped."""
    wanted = {cid for cid in case_ids if cid is not None}
    if not wanted:
        return {}
    found = session.exec(select(Case.id, Case.ref, Case.full_name).where(col(Case.id).in_(wanted)))
    return {cid: f"{ref} — {name}" if name else ref for cid, ref, name in found}
