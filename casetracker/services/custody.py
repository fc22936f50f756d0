"""Custody timelines: where each man was held, from when until when, and how sure we are."""

import uuid
from datetime import date
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from casetracker.i18n import translate
from casetracker.model import Case, Certainty, CustodyPeriod
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services.cases import get_case, held_there
from casetracker.services.errors import InvalidInput, NotFound
from casetracker.services.facilities import find_or_create_in
from casetracker.services.uncertain_dates import as_uncertain, store

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault


def move_in(
    session: Session,
    case: Case,
    facility_id: uuid.UUID,
    since: UncertainDate | date | None,
    certainty: Certainty = Certainty.REPORTED,
    source_id: uuid.UUID | None = None,
    note: str = "",
) -> CustodyPeriod:
    """End the stays he is held in now and open a new one. The old stays end on the new one's
    first day; without it they end on a day not known, never on the day it was typed. An
    uncertain first day ("July 2024") ends them as uncertainly; only a new place that surely
    starts before the current one (its latest day before the other's earliest) is refused."""
    since = as_uncertain(since)
    latest = None if since is None else since.latest
    for period in session.exec(
        select(CustodyPeriod).where(CustodyPeriod.case_id == case.id, held_there())
    ):
        if latest is not None and period.since is not None and latest < period.since:
            raise InvalidInput(
                translate("services", "The new place starts before the current one; fix the dates.")
            )
        period.ended = True
        store(period, "until", since)
        session.add(period)
    period = CustodyPeriod(
        case_id=case.id,
        facility_id=facility_id,
        certainty=certainty,
        source_id=source_id,
        note=note,
    )
    store(period, "since", since)
    session.add(period)
    return period


class CustodyService:
    def __init__(self, workspace: "OpenVault") -> None:
        self.ws = workspace

    def move(
        self,
        ref_or_id: str | uuid.UUID,
        facility_id: uuid.UUID,
        *,
        since: UncertainDate | date | None = None,
        certainty: Certainty = Certainty.REPORTED,
        source_id: uuid.UUID | None = None,
        note: str = "",
    ) -> CustodyPeriod:
        with self.ws.session() as session:
            case = get_case(session, ref_or_id)
            return move_in(session, case, facility_id, since, certainty, source_id, note)

    def move_to_new_place(
        self,
        ref_or_id: str | uuid.UUID,
        name: str,
        settlement: str = "",
        *,
        since: UncertainDate | date | None = None,
        certainty: Certainty = Certainty.REPORTED,
        note: str = "",
    ) -> tuple[CustodyPeriod, uuid.UUID | None]:
        """Move him to a place named now (found if the vault knows it), in one transaction: a
        refused move leaves no new place behind. Returns the stay and the place it created."""
        if not name.strip():
            raise InvalidInput(
                translate("services", "A place needs a name, even a descriptive one.")
            )
        with self.ws.session() as session:
            case = get_case(session, ref_or_id)
            place, created = find_or_create_in(session, name, settlement)
            session.flush()  # the place's id, before the stay points to it
            period = move_in(session, case, place.id, since, certainty, note=note)
            return period, place.id if created else None

    def end(self, ref_or_id: str | uuid.UUID, until: UncertainDate | date) -> None:
        """He left custody (released, sent home): close the open period."""
        with self.ws.session() as session:
            case = get_case(session, ref_or_id)
            periods = session.exec(
                select(CustodyPeriod).where(CustodyPeriod.case_id == case.id, held_there())
            )
            for period in periods:
                period.ended = True
                store(period, "until", until)
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
                stmt = stmt.where(held_there())
            return list(session.exec(stmt.distinct().order_by(col(Case.ref))))

    def delete(self, period_id: uuid.UUID) -> None:
        with self.ws.session() as session:
            period = session.get(CustodyPeriod, period_id)
            if period is None:
                raise NotFound(translate("services", "This custody period is not in the vault."))
            session.delete(period)
