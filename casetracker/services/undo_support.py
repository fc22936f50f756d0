"""Exact reversal of caseworker actions, for the app's undo.

The ordinary services only move forward (a status change adds a history row; a move closes the
open custody period). Undo must put the vault back as it was, so these functions remove what an
action added and restore what it changed. Each runs in one audited session, so the history of
changes shows the undo too.
"""

import uuid
from datetime import date
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from casetracker.i18n import translate
from casetracker.model import CaseStatus, CustodyPeriod, Facility, SourceFacility, StatusChange
from casetracker.services.cases import get_case, held_there
from casetracker.services.errors import NotFound

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault


def newest_status_change(ws: "OpenVault", ref_or_id: str | uuid.UUID) -> uuid.UUID | None:
    """The id of the most recently recorded status change of a case."""
    with ws.reading() as session:
        case = get_case(session, ref_or_id)
        return session.exec(
            select(StatusChange.id)
            .where(StatusChange.case_id == case.id)
            .order_by(col(StatusChange.created_at).desc())
        ).first()


def revert_status_change(ws: "OpenVault", change_id: uuid.UUID) -> None:
    """Remove one status change and give the case back the status it had before."""
    with ws.session() as session:
        change = session.get(StatusChange, change_id)
        if change is None:
            raise NotFound(translate("services", "This status change is no longer in the vault."))
        case = get_case(session, change.case_id)
        if change.previous_status is not None and case.status == change.status:
            case.status = CaseStatus(change.previous_status)
            session.add(case)
        session.delete(change)


def open_periods(ws: "OpenVault", ref_or_id: str | uuid.UUID) -> dict[uuid.UUID, None]:
    """Ids of the custody periods still open on a case (a move closes them)."""
    with ws.reading() as session:
        case = get_case(session, ref_or_id)
        ids = session.exec(
            select(CustodyPeriod.id).where(CustodyPeriod.case_id == case.id, held_there())
        )
        return dict.fromkeys(ids)


def undo_move(
    ws: "OpenVault",
    new_period_id: uuid.UUID,
    reopened: list[uuid.UUID],
    created_place: uuid.UUID | None = None,
) -> None:
    """Remove the period a move opened, reopen the periods it closed, and remove the place the
    move created (unless something else has come to point to it since)."""
    with ws.session() as session:
        period = session.get(CustodyPeriod, new_period_id)
        if period is not None:
            session.delete(period)
        for period_id in reopened:
            old = session.get(CustodyPeriod, period_id)
            if old is not None:
                old.ended, old.until, old.until_edtf = False, None, ""
                session.add(old)
        session.flush()
        place = session.get(Facility, created_place) if created_place else None
        if place is not None and not _place_in_use(session, place.id):
            session.delete(place)


def _place_in_use(session: Session, facility_id: uuid.UUID) -> bool:
    stays = select(CustodyPeriod.id).where(CustodyPeriod.facility_id == facility_id)
    sources = select(SourceFacility.source_id).where(SourceFacility.facility_id == facility_id)
    return session.exec(stays).first() is not None or session.exec(sources).first() is not None


def closed_on(ws: "OpenVault", period_ids: list[uuid.UUID]) -> dict[uuid.UUID, date | None]:
    """The end dates of some periods, to restore them exactly."""
    with ws.reading() as session:
        return {
            pid: period.until
            for pid in period_ids
            if (period := session.get(CustodyPeriod, pid)) is not None
        }
