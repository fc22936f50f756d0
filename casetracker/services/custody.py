"""Custody timelines: where each man was held, from when until when, and how sure we are."""

import uuid
from datetime import date
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from casetracker.i18n import translate
from casetracker.model import Case, Certainty, CustodyPeriod
from casetracker.services.cases import get_case
from casetracker.services.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from casetracker.services.workspace import Workspace


def move_in(
    session: Session,
    case: Case,
    facility_id: uuid.UUID,
    since: date | None,
    certainty: Certainty = Certainty.REPORTED,
    source_id: uuid.UUID | None = None,
    note: str = "",
) -> CustodyPeriod:
    """Close the open periods (on the day of the move) and open a new one."""
    open_periods = session.exec(
        select(CustodyPeriod).where(
            CustodyPeriod.case_id == case.id, col(CustodyPeriod.until).is_(None)
        )
    )
    for period in open_periods:
        if since is not None and period.since is not None and since < period.since:
            raise InvalidInput(
                translate("services", "The new place starts before the current one; fix the dates.")
            )
        period.until = since or date.today()
        session.add(period)
    period = CustodyPeriod(
        case_id=case.id,
        facility_id=facility_id,
        since=since,
        certainty=certainty,
        source_id=source_id,
        note=note,
    )
    session.add(period)
    return period


class CustodyService:
    def __init__(self, workspace: "Workspace") -> None:
        self.ws = workspace

    def move(
        self,
        ref_or_id: str | uuid.UUID,
        facility_id: uuid.UUID,
        *,
        since: date | None = None,
        certainty: Certainty = Certainty.REPORTED,
        source_id: uuid.UUID | None = None,
        note: str = "",
    ) -> CustodyPeriod:
        with self.ws.session() as session:
            case = get_case(session, ref_or_id)
            return move_in(session, case, facility_id, since, certainty, source_id, note)

    def end(self, ref_or_id: str | uuid.UUID, until: date) -> None:
        """He left custody (released, sent home): close the open period."""
        with self.ws.session() as session:
            case = get_case(session, ref_or_id)
            periods = session.exec(
                select(CustodyPeriod).where(
                    CustodyPeriod.case_id == case.id, col(CustodyPeriod.until).is_(None)
                )
            )
            for period in periods:
                period.until = until
                session.add(period)

    def timeline(self, ref_or_id: str | uuid.UUID) -> list[CustodyPeriod]:
        with self.ws.reading() as session:
            case = get_case(session, ref_or_id)
            stmt = (
                select(CustodyPeriod)
                .where(CustodyPeriod.case_id == case.id)
                .order_by(col(CustodyPeriod.since).asc().nulls_first())
            )
            return list(session.exec(stmt))

    def for_facility(self, facility_id: uuid.UUID, *, open_only: bool = True) -> list[Case]:
        with self.ws.reading() as session:
            stmt = (
                select(Case)
                .join(CustodyPeriod, col(CustodyPeriod.case_id) == Case.id)
                .where(CustodyPeriod.facility_id == facility_id)
            )
            if open_only:
                stmt = stmt.where(col(CustodyPeriod.until).is_(None))
            return list(session.exec(stmt.distinct().order_by(col(Case.ref))))

    def delete(self, period_id: uuid.UUID) -> None:
        with self.ws.session() as session:
            period = session.get(CustodyPeriod, period_id)
            if period is None:
                raise NotFound(translate("services", "This custody period is not in the vault."))
            session.delete(period)
