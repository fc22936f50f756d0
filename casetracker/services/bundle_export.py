"""Collecting the records of selected cases for a bundle, closed under their references.

Everything a selected case points to comes along (its places, sources, relatives, allegations),
and nothing else: another case's data never rides along because it shares a place or a source.
Which fields of these rows may leave is the redaction profile's business (sharing/redaction.py).
"""

import uuid
from collections.abc import Iterable
from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from casetracker import cancellation
from casetracker.cancellation import Cancelled
from casetracker.i18n import translate
from casetracker.model import (
    Allegation,
    AllegationCase,
    Attachment,
    Case,
    CaseRelative,
    ContactEvent,
    CustodyPeriod,
    Facility,
    Relative,
    Source,
    SourceCase,
    SourceFacility,
    StatusChange,
)
from casetracker.sharing.redaction import ExportFlag, ExportSource

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault


# Rows built between two cancellation checks (about 50 ms of work).
_ROWS_AT_A_TIME = 5_000


def _in(column: Any, ids: Iterable[uuid.UUID]) -> Any:
    return col(column).in_(list(ids))


def _all(session: Session, statement: Any) -> list[Any]:
    """The statement's rows, built a few thousand at a time with a cancellation check between:
    at 20,000 cases SQLAlchemy spends seconds building the objects of one table's rows."""
    rows: list[Any] = []
    for part in session.exec(statement.execution_options(yield_per=_ROWS_AT_A_TIME)).partitions():
        cancellation.check()
        rows.extend(part)
    return rows


def collect(session: Session, case_ids: list[uuid.UUID]) -> ExportSource:
    """Rows of the selected cases and of everything they reference, in stable order."""
    cases = _all(session, select(Case).where(_in(Case.id, case_ids)).order_by(col(Case.ref)))
    ids = [c.id for c in cases]
    status_changes = _all(
        session,
        select(StatusChange)
        .where(_in(StatusChange.case_id, ids))
        .order_by(col(StatusChange.changed_on), col(StatusChange.created_at)),
    )
    custody = _all(
        session,
        select(CustodyPeriod)
        .where(_in(CustodyPeriod.case_id, ids))
        .order_by(col(CustodyPeriod.since), col(CustodyPeriod.created_at)),
    )
    contacts = _all(
        session,
        select(ContactEvent)
        .where(_in(ContactEvent.case_id, ids))
        .order_by(col(ContactEvent.occurred_at)),
    )
    case_relatives = _all(session, select(CaseRelative).where(_in(CaseRelative.case_id, ids)))
    relative_ids = {link.relative_id for link in case_relatives} | {
        c.relative_id for c in contacts if c.relative_id is not None
    }
    relatives = _all(
        session, select(Relative).where(_in(Relative.id, relative_ids)).order_by(col(Relative.id))
    )
    source_cases = _all(session, select(SourceCase).where(_in(SourceCase.case_id, ids)))
    allegation_cases = _all(session, select(AllegationCase).where(_in(AllegationCase.case_id, ids)))
    allegations = _all(
        session,
        select(Allegation)
        .where(_in(Allegation.id, {a.allegation_id for a in allegation_cases}))
        .order_by(col(Allegation.occurred_on), col(Allegation.id)),
    )
    source_ids = (
        {s.source_id for s in source_cases}
        | {p.source_id for p in custody if p.source_id is not None}
        | {a.source_id for a in allegations if a.source_id is not None}
    )
    sources = _all(
        session, select(Source).where(_in(Source.id, source_ids)).order_by(col(Source.id))
    )
    facility_ids = {p.facility_id for p in custody}
    facilities = _all(
        session, select(Facility).where(_in(Facility.id, facility_ids)).order_by(col(Facility.name))
    )
    source_facilities = _all(
        session,
        select(SourceFacility).where(
            _in(SourceFacility.source_id, source_ids),
            _in(SourceFacility.facility_id, facility_ids),
        ),
    )
    attachments = _all(
        session,
        select(Attachment)
        .where(_in(Attachment.case_id, ids) | _in(Attachment.source_id, source_ids))
        .order_by(col(Attachment.filename)),
    )
    return ExportSource(
        rows={
            "facilities": facilities,
            "sources": sources,
            "cases": cases,
            "status_changes": status_changes,
            "custody_periods": custody,
            "relatives": relatives,
            "case_relatives": case_relatives,
            "contact_events": contacts,
            "source_cases": source_cases,
            "source_facilities": source_facilities,
            "allegations": allegations,
            "allegation_cases": allegation_cases,
            "attachments": attachments,
        }
    )


def attachment_member(attachment: Attachment) -> str:
    """``attachments/<id>.<ext>``: a name we choose, never the original file name."""
    suffix = PurePath(attachment.filename).suffix.lower().lstrip(".")
    ext = suffix if suffix.isascii() and suffix.isalnum() and 0 < len(suffix) <= 8 else ""
    return f"attachments/{attachment.id}" + (f".{ext}" if ext else "")


def current_flags(ws: "OpenVault", cases: list[Case], as_of: date) -> list[ExportFlag]:
    """The rules' flags about these cases, from ``ws.flags`` (or the flag service) if present."""
    service = getattr(ws, "flags", None)
    if service is None:
        try:
            from casetracker.services.flags import FlagService
        except ImportError:  # the rules layer is optional for exports
            return []
        service = FlagService(ws)
    evaluate = getattr(service, "evaluate", None)
    if evaluate is None:
        return []
    try:
        flags = list(evaluate(as_of))
    except Cancelled:  # the vault is being locked: stop, rather than export without flags
        raise
    except Exception:  # a rules bug must not stop a lawyer from getting the file
        return []
    by_id = {c.id: c for c in cases}
    by_ref = {c.ref: c for c in cases}
    out: list[ExportFlag] = []
    for flag in flags:
        severity = str(getattr(flag.severity, "value", flag.severity))
        case_id = getattr(flag, "case_id", None)
        if case_id in by_id:
            out.append(ExportFlag(case_id, flag.rule, severity, flag.since, flag.message))
            continue
        # A place's flag: attach it to each exported case it names, without the other refs.
        for ref in getattr(flag, "case_refs", ()):
            if ref in by_ref:
                numbers = getattr(flag, "numbers", {}) or {}
                message = _place_flag_message(getattr(flag, "facility_name", ""), numbers)
                out.append(ExportFlag(by_ref[ref].id, flag.rule, severity, flag.since, message))
    return out


def _place_flag_message(place: str | None, numbers: Any) -> str:
    return translate(
        "sharing", "{count} men held at {place} fell silent together: possible mass transfer."
    ).format(count=numbers.get("cases", "several"), place=place or "—")
