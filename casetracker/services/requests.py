"""Requests to official bodies about a case, their replies, and the reply deadlines.

Each function is one caseworker action and one unit of work (audited, undoable from the GUI).

Reply deadlines are data: one vault setting per kind (``unanswered_request.<kind>_days``,
declared with the other rule thresholds in ``rules/thresholds.py``). Where the law sets a term,
it is the default; where it sets none, the default is a practice figure, said as such. The
count runs from the day the request was sent, while the legal terms run from its registration
by the body (up to three days after it arrives, Federal Law No. 59-FZ, art. 8 part 2), so a
letter by post may be flagged a few days before the body is strictly late: a reminder then is
early, never too late.

- military prosecutor's office: 30 days — Federal Law No. 59-FZ of 02.05.2006 "On the
  procedure for considering appeals of citizens of the Russian Federation", art. 12 part 1,
  and the Instruction on considering appeals in the prosecution bodies (order of the
  Prosecutor General No. 45 of 30.01.2013), item 5.1 (15 days for an appeal that needs no
  further study; 30 is the general term).
- military investigators (Investigative Committee): 30 days for an appeal (59-FZ, art. 12); a
  report of a crime is decided in 3 days, extendable to 10 and 30 (Code of Criminal Procedure,
  art. 144): set the kind lower when that is what was sent.
- human rights commissioner: 30 days, a practice default. The Federal Constitutional Law
  No. 1-FKZ of 26.02.1997 obliges the Commissioner only to tell the applicant within 10 days
  whether the complaint is taken up (art. 20); it sets no term for the outcome.
- unit commander: 30 days — an official of a state body (59-FZ, art. 12; the Internal Service
  Regulations of the Armed Forces refer complaints to the terms of the law).
- court: 30 days, a practice default for a letter to the court's office (answered under 59-FZ's
  terms by the courts' records instructions); procedural filings have their own terms (a
  complaint under art. 125 of the Code of Criminal Procedure is heard within 5 days).
- Red Cross (ICRC): 60 days, a practice default. The ICRC is not bound by any national term;
  tracing requests often take months.
- hospital: 30 days — state and municipal institutions answer under 59-FZ (art. 1 part 4);
  copies of medical records are due within 30 days (order of the Ministry of Health No. 789n of
  31.07.2020).
- other body: 30 days, the general term of 59-FZ.
"""

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from casetracker.i18n import translate
from casetracker.model import Attachment, Case, Setting
from casetracker.model.requests import ReplyOutcome, Request, RequestChannel, RequestKind
from casetracker.rules.request_facts import RequestFacts, due_on
from casetracker.rules.thresholds import REQUEST_REPLY_DAYS, Thresholds
from casetracker.services.cases import get_case
from casetracker.services.change_tracking import tables_of
from casetracker.services.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

# The days each kind of body has by default (the rule thresholds' defaults, one place).
DEFAULT_REPLY_DAYS: Mapping[RequestKind, int] = {
    kind: threshold.default for kind, threshold in REQUEST_REPLY_DAYS.items()
}
# What the rules' request facts are read from (the days are thresholds, not facts).
REQUEST_FACT_TABLES = tables_of(Request)

# Fields an edit may change (the reply's too: "Record reply…" is an edit of these).
EDITABLE = frozenset(
    {
        "kind",
        "addressee",
        "sent_on",
        "channel",
        "outgoing_number",
        "registration_number",
        "signed_by",
        "note",
        "closed",
        "replied_on",
        "reply_outcome",
        "reply_text",
        "reply_attachment_id",
    }
)


@dataclass(frozen=True)
class OpenRequest:
    """A request still awaiting its reply, as the Requests view and ``requests`` list it."""

    id: uuid.UUID
    case_id: uuid.UUID
    case_ref: str
    full_name: str
    kind: RequestKind
    addressee: str
    sent_on: date
    outgoing_number: str
    due: date
    # Positive: days past the due day; 0 on it; negative: days still left.
    days_late: int


# -- deadlines ---------------------------------------------------------------------------------
def reply_days(ws: "OpenVault") -> dict[RequestKind, int]:
    """The days each kind of body has to reply: the vault's settings over the defaults."""
    th = Thresholds.from_settings(ws.settings.all())
    return {kind: th[threshold] for kind, threshold in REQUEST_REPLY_DAYS.items()}


def set_reply_days(ws: "OpenVault", changes: Mapping[RequestKind, int]) -> dict[RequestKind, int]:
    """Change the deadline of some kinds in one step; a value outside 1–365 days is refused."""
    for kind, value in changes.items():
        threshold = REQUEST_REPLY_DAYS[RequestKind(kind)]
        if not threshold.minimum <= int(value) <= threshold.maximum:
            raise InvalidInput(
                translate("services", "A reply deadline is from {min} to {max} days.").format(
                    min=threshold.minimum, max=threshold.maximum
                )
            )
    with ws.session() as session:
        for kind, value in changes.items():
            key = REQUEST_REPLY_DAYS[RequestKind(kind)].key
            row = session.get(Setting, key) or Setting(key=key, value="null")
            row.value = json.dumps(int(value))
            session.add(row)
    return reply_days(ws)


def parse_kind(text: str) -> RequestKind:
    """A kind from its stored name, with "-" for "_" ("military-prosecutor")."""
    try:
        return RequestKind(text.strip().lower().replace("-", "_"))
    except ValueError:
        raise InvalidInput(
            translate(
                "services", "There is no request kind {kind}. The kinds are: {kinds}."
            ).format(kind=text, kinds=", ".join(k.value.replace("_", "-") for k in RequestKind))
        ) from None


# -- facts for the rules -----------------------------------------------------------------------
def request_facts(
    session: Session, case_ids: Any = None
) -> dict[uuid.UUID, tuple[RequestFacts, ...]]:
    """Every case's requests (or those of ``case_ids``) as the rules see them, in one query."""
    stmt = select(Request).order_by(col(Request.sent_on), col(Request.id))
    if case_ids is not None:
        stmt = stmt.where(col(Request.case_id).in_(case_ids))
    out: dict[uuid.UUID, list[RequestFacts]] = {}
    for r in session.exec(stmt):
        out.setdefault(r.case_id, []).append(
            RequestFacts(
                id=r.id,
                kind=r.kind,
                addressee=r.addressee,
                sent_on=r.sent_on,
                outgoing_number=r.outgoing_number,
                replied_on=r.replied_on,
                reply_outcome=r.reply_outcome,
                closed=r.closed,
            )
        )
    return {case_id: tuple(facts) for case_id, facts in out.items()}


# -- actions -----------------------------------------------------------------------------------
def add(
    ws: "OpenVault",
    ref_or_id: str | uuid.UUID,
    *,
    kind: RequestKind,
    sent_on: date,
    addressee: str = "",
    channel: RequestChannel = RequestChannel.POST,
    outgoing_number: str = "",
    registration_number: str = "",
    signed_by: str = "",
    note: str = "",
    scan: tuple[bytes, str, str] | None = None,
    **reply: Any,
) -> Request:
    """Record a request sent about a case; an old one may come with its reply (``replied_on``,
    ``reply_outcome``, ``reply_text``, ``closed``) and the reply's scan, in one unit of work."""
    unknown = set(reply) - {"replied_on", "reply_outcome", "reply_text", "closed"}
    if unknown:
        raise InvalidInput(
            translate("services", "A request has no field {field}.").format(
                field=", ".join(sorted(unknown))
            )
        )
    _not_future(sent_on)
    with ws.reading() as session:
        case_id = get_case(session, ref_or_id).id
    request = Request(
        case_id=case_id,
        kind=kind,
        sent_on=sent_on,
        addressee=addressee.strip(),
        channel=channel,
        outgoing_number=outgoing_number.strip(),
        registration_number=registration_number.strip(),
        signed_by=signed_by.strip(),
        note=note.strip(),
        **reply,
    )
    if scan is None:
        return _store(ws, request, None)
    data, filename, media_type = scan
    with ws.attachments.storing(data, filename, media_type=media_type, case_id=case_id) as stored:
        return _store(ws, request, stored)


def _store(ws: "OpenVault", request: Request, scan: Attachment | None) -> Request:
    if request.replied_on is not None:
        _not_future(request.replied_on)
    _check_reply(request)
    with ws.session() as session:
        if scan is not None:
            session.add(scan)
            request.reply_attachment_id = scan.id
        session.add(request)
        return request


def update(
    ws: "OpenVault",
    request_id: uuid.UUID,
    *,
    scan: tuple[bytes, str, str] | None = None,
    **fields: Any,
) -> Request:
    """Change some fields of a request (the GUI's edit and every undo go through here); with
    ``scan`` (data, file name, media type) the reply's scan is stored as an encrypted attachment
    of the case in the same unit of work."""
    unknown = set(fields) - EDITABLE
    if unknown:
        raise InvalidInput(
            translate("services", "A request has no field {field}.").format(
                field=", ".join(sorted(unknown))
            )
        )
    for key in ("sent_on", "replied_on"):
        if fields.get(key) is not None:
            _not_future(fields[key])
    if scan is None:
        return _apply(ws, request_id, fields, None)
    with ws.reading() as session:
        case_id = _get(session, request_id).case_id
    data, filename, media_type = scan
    with ws.attachments.storing(data, filename, media_type=media_type, case_id=case_id) as stored:
        return _apply(ws, request_id, fields, stored)


def _apply(
    ws: "OpenVault", request_id: uuid.UUID, fields: dict[str, Any], scan: Attachment | None
) -> Request:
    with ws.session() as session:
        request = _get(session, request_id)
        for key, value in fields.items():
            setattr(request, key, value)
        if scan is not None:
            session.add(scan)
            request.reply_attachment_id = scan.id
        _check_reply(request)
        session.add(request)
        return request


def record_reply(
    ws: "OpenVault",
    request_id: uuid.UUID,
    *,
    replied_on: date,
    outcome: ReplyOutcome,
    text: str = "",
    scan: tuple[bytes, str, str] | None = None,
) -> Request:
    """Record the reply, with its scan (data, file name, media type) as an encrypted attachment
    of the case, in one unit of work."""
    return update(
        ws,
        request_id,
        scan=scan,
        replied_on=replied_on,
        reply_outcome=outcome,
        reply_text=text.strip(),
    )


def delete(ws: "OpenVault", request_id: uuid.UUID) -> None:
    """Delete a request; the scan of its reply stays among the case's attachments."""
    with ws.session() as session:
        request = session.get(Request, request_id)
        if request is not None:
            session.delete(request)


def restore(ws: "OpenVault", old: Request) -> Request:
    """Put back a deleted request with every field it had (undo of a deletion)."""
    with ws.session() as session:
        copy = Request(**{k: getattr(old, k) for k in EDITABLE | {"case_id", "created_at"}})
        scan = copy.reply_attachment_id
        if scan is not None and session.get(Attachment, scan) is None:
            copy.reply_attachment_id = None
        session.add(copy)
        return copy


def find(ws: "OpenVault", text: str) -> Request:
    """A request by its id or the first characters of it (as ``requests`` lists them)."""
    wanted = text.strip().lower().replace("-", "")
    with ws.reading() as session:
        ids = [i for i in session.exec(select(Request.id)) if i.hex.startswith(wanted)]
        if not wanted or not ids:
            raise NotFound(
                translate("services", "There is no request {id}.").format(id=text.strip())
            )
        if len(ids) > 1:
            raise InvalidInput(
                translate(
                    "services", "Several requests begin with {id}; give more of the id."
                ).format(id=text.strip())
            )
        return _get(session, ids[0])


def get(ws: "OpenVault", request_id: uuid.UUID) -> Request:
    with ws.reading() as session:
        return _get(session, request_id)


def for_case(ws: "OpenVault", ref_or_id: str | uuid.UUID) -> list[Request]:
    """A case's requests, newest sent first."""
    with ws.reading() as session:
        case = get_case(session, ref_or_id)
        stmt = (
            select(Request)
            .where(Request.case_id == case.id)
            .order_by(col(Request.sent_on).desc(), col(Request.created_at).desc())
        )
        return list(session.exec(stmt))


def open_requests(ws: "OpenVault", as_of: date | None = None) -> list[OpenRequest]:
    """Every request still awaiting a reply, across all cases, the most overdue first."""
    on = as_of or date.today()
    days = reply_days(ws)
    with ws.reading() as session:
        stmt = (
            select(Request, Case.ref, Case.full_name)
            .join(Case, col(Case.id) == Request.case_id)
            .where(col(Request.replied_on).is_(None), col(Request.closed).is_(False))
        )
        rows = list(session.exec(stmt))
    out = []
    for request, ref, name in rows:
        due = due_on(request.sent_on, days[request.kind])
        out.append(
            OpenRequest(
                id=request.id,
                case_id=request.case_id,
                case_ref=ref,
                full_name=name,
                kind=request.kind,
                addressee=request.addressee,
                sent_on=request.sent_on,
                outgoing_number=request.outgoing_number,
                due=due,
                days_late=(on - due).days,
            )
        )
    out.sort(key=lambda r: (r.due, r.sent_on, r.case_ref))
    return out


# -- checks ------------------------------------------------------------------------------------
def _get(session: Session, request_id: uuid.UUID) -> Request:
    request = session.get(Request, request_id)
    if request is None:
        raise NotFound(translate("services", "This request is not in the vault."))
    return request


def _not_future(day: date) -> None:
    if day > date.today():
        raise InvalidInput(translate("services", "That day has not come yet."))


def _check_reply(request: Request) -> None:
    if request.replied_on is not None and request.replied_on < request.sent_on:
        raise InvalidInput(
            translate("services", "A reply cannot come before the request was sent.")
        )
    if request.replied_on is not None and request.reply_outcome is None:
        raise InvalidInput(translate("services", "Say what the reply amounts to."))
