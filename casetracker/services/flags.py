"""Flags for caseworkers: the rules evaluated on the vault, and what was done about them.

Evaluating never writes: ``evaluate``/``open_flags`` only read, so the dashboard can refresh as
often as it likes. The only writes are explicit caseworker actions (``acknowledge``), each one
audited. An acknowledgement belongs to one *occurrence* of a flag: it applies only while the
flag's ``since`` (the day the condition became true, computed from the data) is on or before
the day it was acknowledged. When the condition clears and later comes back, ``since`` moves
past the acknowledgement and the flag shows again; no clean-up of old rows is needed.
"""

import uuid
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func
from sqlmodel import Session, col, select

from casetracker import i18n
from casetracker.i18n import translate
from casetracker.model import (
    AuditAction,
    CaseStatus,
    ContactEvent,
    Facility,
    FlagState,
    Setting,
    StatusChange,
)
from casetracker.rules import engine
from casetracker.rules import thresholds as rule_thresholds
from casetracker.rules.flag import Flag, Severity
from casetracker.rules.snapshot import CaseFacts
from casetracker.rules.thresholds import Thresholds
from casetracker.rules.wording import day
from casetracker.services import audit, plain_rows
from casetracker.services.cases import (
    CASE_ROW_TABLES,
    NO_CONTACT,
    get_case,
    remembered_contacts,
    remembered_custody,
)
from casetracker.services.change_tracking import replace_cases, tables_of
from casetracker.services.errors import InvalidInput, NotFound
from casetracker.services.requests import REQUEST_FACT_TABLES, request_facts
from casetracker.services.settings import SettingSpec, register
from casetracker.storage.database import remembered

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

register(
    *(
        SettingSpec(t.key, int, t.default, t.label, t.minimum, t.maximum)
        for t in rule_thresholds.ALL
    )
)

MAX_SNOOZE_DAYS = 365
# Where "never heard directly" sorts among days of silence: longer than any.
NEVER_HEARD = 1_000_000


# Everything the facts are read from (see `load_facts`).
FACT_TABLES = CASE_ROW_TABLES | tables_of(StatusChange) | REQUEST_FACT_TABLES
# Everything the flags follow from: the facts and the thresholds (settings).
FLAG_TABLES = FACT_TABLES | tables_of(Setting)


def load_facts(session: Session, case_ids: Collection[uuid.UUID] | None = None) -> list[CaseFacts]:
    """What the rules need about every case (or those of ``case_ids``): one pass over each
    table, plain values (see `plain_rows`), whatever the number of cases."""
    # Shared with the case list (same helpers, same values), remembered until the next change.
    contacts = remembered_contacts(session)
    custody = remembered_custody(session)
    found, uuids = plain_rows.fetch(
        session,
        "SELECT id, ref, full_name, status, detention_date, refusal_date, created_at,"
        " updated_at, lawyer, detention_date_edtf, refusal_date_edtf"
        ' FROM "case" WHERE 1{ids} ORDER BY ref',
        "id",
        case_ids,
    )
    cases = list(found)
    moves = {
        case_id: (since, until)
        for case_id, since, until in plain_rows.fetch(
            session,
            "SELECT case_id, max(since), max(until) FROM custodyperiod WHERE 1{ids}"
            " GROUP BY case_id",
            "case_id",
            case_ids,
        )[0]
    }
    entered, rough_status = _status_days(session, {case[0]: case[3] for case in cases}, case_ids)
    requests = request_facts(session, case_ids)
    # A proof of life known only roughly: its code, from the few rows that have one.
    rough = [case_id for case_id, contact in contacts.items() if contact[3]]
    if case_ids is not None:
        rough = [case_id for case_id in rough if case_id in case_ids]
    rough_proof = _rough_proofs(session, rough) if rough else {}
    # A proof of life known only as "before 8 July" bounds nothing: the man may have been
    # silent since any day before it, so the clock starts at his latest proof that has a first
    # day (or, without one, at detention, refusal or the case's opening, as for a man never heard).
    unbounded = {
        case for (case, at), code in rough_proof.items()
        if no_first_day(code) and contacts.get(case, NO_CONTACT)[1] == at
    }  # fmt: skip
    bounded = _bounded_proofs(session, unbounded) if unbounded else {}
    facts = []
    # Below, each lookup that is rarely needed is made only when it can find something: a
    # UUID's hash is Python code, and this loop runs for every case at unlock.
    statuses = {status.name: status for status in CaseStatus}
    day = date.fromisoformat
    for (
        hex_id, ref, name, status, detained_on, refused_on, created, updated, lawyer,
        detained_edtf, refused_edtf,
    ) in cases:  # fmt: skip
        case_id = uuids(hex_id)
        last, proof, transfer_at, _rough = contacts.get(case_id, NO_CONTACT)
        if unbounded and case_id in unbounded:
            proof = bounded.get(case_id)
        since_text = entered.get(hex_id)
        since_code = (
            rough_status.get((hex_id, since_text), "") if rough_status and since_text else ""
        )
        # A day with no first day ("before …") starts no clock either: the next date does.
        if since_code and no_first_day(since_code):
            since_text, since_code = None, ""
        since = day(since_text) if since_text else None
        first_day = not detained_edtf or not no_first_day(detained_edtf)
        detained = day(detained_on) if detained_on and first_day else None
        first_day = not refused_edtf or not no_first_day(refused_edtf)
        refused = day(refused_on) if refused_on and first_day else None
        facility_id, facility_name = custody.get(case_id, (None, ""))
        moved_in, moved_out = moves.get(hex_id, (None, None))
        moved = max(moved_in or "", moved_out or "")
        first_seen = day(created[:10])
        facts.append(
            CaseFacts.of(
                id=case_id,
                ref=ref,
                full_name=name,
                status=statuses[status],
                status_since=since or detained or refused or first_seen,
                detention_date=detained,
                refusal_date=refused,
                created=first_seen,
                updated=day(updated[:10]),
                lawyer=lawyer,
                last_contact=last,
                last_proof_of_life=proof,
                last_contact_reports_transfer=(
                    transfer_at is not None and last is not None and transfer_at >= last
                ),
                latest_transfer_report_at=transfer_at,
                facility_id=facility_id,
                facility_name=facility_name,
                last_custody_change=day(moved) if moved else None,
                custody_ended_on=day(moved_out) if moved_out else None,
                requests=requests.get(case_id, ()) if requests else (),
                proof_of_life_edtf=(
                    rough_proof.get((case_id, proof), "") if proof and rough_proof else ""
                ),
                detention_date_edtf=detained_edtf,
                refusal_date_edtf=refused_edtf,
                status_since_edtf=since_code,
            )
        )
    return facts


def no_first_day(code: str) -> bool:
    """Whether a stored date code has no earliest day: "before …" or "unknown"."""
    return code.startswith("../") or code == "XXXX"


def _status_days(
    session: Session, status_of: Mapping[str, str], case_ids: Collection[uuid.UUID] | None
) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """By case (as the text SQLite holds): the day he entered his current status (the newest
    change to it), and the codes of the roughly known days among those changes, by (case,
    day). One pass over the status changes: few rows a case, and the join it replaces looked
    up each case again."""
    entered: dict[str, str] = {}
    rough: dict[tuple[str, str], str] = {}
    found, _uuids = plain_rows.fetch(
        session,
        "SELECT case_id, status, changed_on, changed_on_edtf FROM statuschange WHERE 1{ids}",
        "case_id",
        case_ids,
    )
    for case_id, status, on, code in found:
        if on is None or status_of.get(case_id) != status:
            continue
        if on > entered.get(case_id, ""):
            entered[case_id] = on
        if code:
            rough[(case_id, on)] = code
    return entered, rough


def _rough_proofs(
    session: Session, case_ids: Collection[uuid.UUID]
) -> dict[tuple[uuid.UUID, datetime], str]:
    """The codes of the roughly known direct contacts of these cases, by (case, the moment
    the column holds)."""
    found, uuids = plain_rows.fetch(
        session,
        "SELECT case_id, occurred_at, occurred_at_edtf FROM contactevent"
        " WHERE direct AND occurred_at_edtf != ''{ids}",
        "case_id",
        case_ids,
    )
    return {(uuids(case_id), datetime.fromisoformat(at)): code for case_id, at, code in found}


def _bounded_proofs(session: Session, case_ids: set[uuid.UUID]) -> dict[uuid.UUID, datetime]:
    """The latest proof of life of each case that has a first day (not "before …")."""
    stmt = (
        select(ContactEvent.case_id, func.max(ContactEvent.occurred_at))
        .where(col(ContactEvent.direct), col(ContactEvent.case_id).in_(case_ids))
        .where(col(ContactEvent.occurred_at_edtf).not_like("../%"))
        .group_by(col(ContactEvent.case_id))
    )
    return {
        case_id: at if isinstance(at, datetime) else datetime.fromisoformat(str(at))
        for case_id, at in session.connection().execute(stmt)
        if at is not None
    }


def remembered_facts(ws: "OpenVault", session: Session) -> list[CaseFacts]:
    """The facts of every case, remembered: views ask again and again between edits, and an
    edit reads again only the cases it touched."""
    return remembered(
        ws.engine,
        "case_facts",
        lambda: load_facts(session),
        tables=FACT_TABLES,
        update=lambda old, ids: replace_cases(old, load_facts(session, ids), ids),
    )


def acknowledgement_applies(state: FlagState, flag: Flag) -> bool:
    """True when ``state`` was made for this occurrence of the flag, not an earlier one."""
    return state.acknowledged_on is not None and flag.since <= state.acknowledged_on


def is_hidden(flag: Flag, state: FlagState | None, as_of: date) -> bool:
    """Acknowledged: hidden until worse. Snoozed: hidden until the snooze ends or it gets worse."""
    if state is None or state.acknowledged_on is None or not acknowledgement_applies(state, flag):
        return False
    if as_of < state.acknowledged_on:
        return False  # a look at a day before anyone acknowledged it
    try:
        acknowledged = Severity(state.severity_at_ack)
    except ValueError:
        return False  # unreadable bookkeeping must never hide a flag
    if flag.severity.rank > acknowledged.rank:
        return False
    return state.snoozed_until is None or as_of < state.snoozed_until


@dataclass(frozen=True)
class FlagReview:
    """A raised flag with what caseworkers did about it (``state`` is None when nothing yet)."""

    flag: Flag
    state: FlagState | None
    hidden: bool


@dataclass(frozen=True)
class SubjectFlags:
    """One man's open flags (or one silent place's), worst first: one row of Today."""

    flags: tuple[Flag, ...]
    # A man: days since he himself was last heard (None: never). A place: days it is silent.
    days_silent: int | None

    @property
    def worst(self) -> Flag:
        return self.flags[0]

    @property
    def others(self) -> tuple[Flag, ...]:
        return self.flags[1:]


def by_subject(
    flags: Iterable[Flag], last_heard: Mapping[uuid.UUID, datetime | None], today: date
) -> list[SubjectFlags]:
    """``flags`` (worst first, as ``evaluate`` gives them) gathered per man and per place.

    Ordered as a morning review reads them: the worst flag's severity, then the longest
    without proof of life (never heard counts as longest), then the flag order itself.
    """
    # Gathered by the subject's number: a UUID's own hash is Python code (21,000 flags at
    # 20,000 cases); ids of cases and places are UUIDs, never equal.
    gathered: dict[int | None, list[Flag]] = {}
    for flag in flags:
        subject = flag.case_id if flag.case_id is not None else flag.facility_id
        gathered.setdefault(None if subject is None else subject.int, []).append(flag)
    keyed = []
    for members in gathered.values():
        first = members[0]
        days: int | None
        if first.case_id is not None:
            heard = last_heard.get(first.case_id)
            days = None if heard is None else (today - heard.date()).days
        else:
            days = first.numbers.get("days")
        order = engine.sort_key(first)
        silent = NEVER_HEARD if days is None else days
        keyed.append(((order[0], -silent, order), SubjectFlags(tuple(members), days)))
    # The worst flag's severity (sort_key's first part), the longest silent, the flag order;
    # a stable sort, on the key alone, as before.
    keyed.sort(key=lambda pair: pair[0])
    return [subject for _key, subject in keyed]


class FlagService:
    def __init__(self, workspace: "OpenVault") -> None:
        self.ws = workspace

    def thresholds(self) -> Thresholds:
        return Thresholds.from_settings(self.ws.settings.all())

    def evaluate(self, as_of: date | None = None) -> list[Flag]:
        """Every flag the rules raise on ``as_of`` (default today), acknowledged or not."""
        on = as_of or date.today()

        def facts() -> list[CaseFacts]:
            with self.ws.reading() as session:
                return remembered_facts(self.ws, session)

        def afresh() -> engine.Evaluation:
            return engine.Evaluation(engine.evaluate(facts(), self.thresholds(), on))

        def update(old: engine.Evaluation, changed: frozenset[uuid.UUID]) -> engine.Evaluation:
            return engine.updated(old, facts(), changed, self.thresholds(), on)

        # Until the next change (thresholds and facts are in the vault), per day and per
        # interface language (the messages are worded): Today, the case list and the export all
        # ask, and the rules over 20,000 cases take a quarter of a second. After an edit only
        # the cases it touched are checked again; a threshold changed means every case.
        name = f"flags:{on.isoformat()}:{i18n.generation()}"
        found = remembered(self.ws.engine, name, afresh, tables=FLAG_TABLES, update=update)
        return list(found.flags)

    def review(
        self,
        as_of: date | None = None,
        *,
        severity: Severity | None = None,
        case: str | uuid.UUID | None = None,
    ) -> list[FlagReview]:
        """Every raised flag with its acknowledgement, worst and oldest first.

        ``severity`` keeps that level and worse; ``case`` keeps the flags on that case and any
        place flag naming it.
        """
        as_of = as_of or date.today()
        if case is not None:  # one case (its window): its few flags, reviewed now
            target = self.ws.cases.get(case)
            flags = [
                f
                for f in self.evaluate(as_of)
                if f.case_id == target.id or target.ref in f.case_refs
            ]
            reviews = self._reviewed(flags, as_of)
        else:
            # Remembered like the flags (and until any change: acknowledgements are in the
            # vault): Today, the Cases view and the Places view all ask after unlocking.
            name = f"review:{as_of.isoformat()}:{i18n.generation()}"
            reviews = remembered(
                self.ws.engine, name, lambda: self._reviewed(self.evaluate(as_of), as_of)
            )
        if severity is not None:
            reviews = [r for r in reviews if r.flag.severity.rank >= severity.rank]
        return list(reviews)

    def _reviewed(self, flags: list[Flag], as_of: date) -> list[FlagReview]:
        with self.ws.reading() as session:
            states = {
                (s.rule, s.case_id, s.facility_id): s for s in session.exec(select(FlagState))
            }
        out = []
        for flag in flags:
            state = states.get((flag.rule, flag.case_id, flag.facility_id))
            if state is not None and not acknowledgement_applies(state, flag):
                state = None
            out.append(FlagReview(flag, state, is_hidden(flag, state, as_of)))
        return out

    def open_flags(
        self,
        as_of: date | None = None,
        *,
        severity: Severity | None = None,
        case: str | uuid.UUID | None = None,
    ) -> list[Flag]:
        """What needs attention: raised and neither acknowledged nor snoozed (see ``review``)."""
        return [r.flag for r in self.review(as_of, severity=severity, case=case) if not r.hidden]

    def open_by_subject(self, as_of: date | None = None) -> list[SubjectFlags]:
        """What needs attention, one entry per man or silent place, worst first (see
        ``by_subject``): Today's list."""
        on = as_of or date.today()

        def subjects() -> list[SubjectFlags]:
            flags = self.open_flags(on)
            with self.ws.reading() as session:
                facts = remembered_facts(self.ws, session)
            return by_subject(flags, {f.id: f.last_proof_of_life for f in facts}, on)

        # Remembered like the flags: unlocking works it out ahead (gui/start/unlock_page.py),
        # so the window only shows it.
        name = f"by_subject:{on.isoformat()}:{i18n.generation()}"
        return list(remembered(self.ws.engine, name, subjects))

    def acknowledge(
        self,
        rule: str,
        *,
        note: str,
        case: str | uuid.UUID | None = None,
        facility: str | uuid.UUID | None = None,
        snooze_days: int | None = None,
        as_of: date | None = None,
    ) -> FlagState:
        """Record that a caseworker saw a raised flag; with ``snooze_days``, only for that long."""
        as_of = as_of or date.today()
        if rule not in engine.BY_ID:
            raise InvalidInput(
                translate(
                    "rules", "There is no rule called {rule}. The rules are: {rules}."
                ).format(rule=rule, rules=", ".join(engine.BY_ID))
            )
        if (case is None) == (facility is None):
            raise InvalidInput(
                translate("rules", "Say which case or which place the flag is about.")
            )
        note = note.strip()
        if not note:
            raise InvalidInput(
                translate("rules", "Add a short note saying why, for the colleagues.")
            )
        if snooze_days is not None and not 1 <= snooze_days <= MAX_SNOOZE_DAYS:
            raise InvalidInput(
                translate("rules", "A snooze lasts from 1 to {max} days.").format(
                    max=MAX_SNOOZE_DAYS
                )
            )
        with self.ws.reading() as session:
            if case is not None:
                target = get_case(session, case)
                case_id, facility_id, subject = target.id, None, target.ref
            else:
                place = _find_facility(session, facility)
                case_id, facility_id, subject = None, place.id, place.name
        raised = [
            f
            for f in self.evaluate(as_of)
            if f.rule == rule and f.case_id == case_id and f.facility_id == facility_id
        ]
        if not raised:
            raise InvalidInput(
                translate(
                    "rules",
                    "{subject} has no {rule} flag on {date}, so there is nothing to acknowledge.",
                ).format(subject=subject, rule=rule, date=day(as_of))
            )
        flag = raised[0]
        with self.ws.session() as session:
            stmt = select(FlagState).where(
                FlagState.rule == rule,
                FlagState.case_id == case_id,
                FlagState.facility_id == facility_id,
            )
            state = session.exec(stmt).first() or FlagState(
                rule=rule, case_id=case_id, facility_id=facility_id, first_seen=flag.since
            )
            state.first_seen = flag.since
            state.severity_at_ack = flag.severity.value
            state.acknowledged_on = as_of
            state.snoozed_until = as_of + timedelta(days=snooze_days) if snooze_days else None
            state.acknowledged_by = self.ws.actor
            state.note = note
            session.add(state)
            audit.record(
                session,
                self.ws.actor,
                AuditAction.ACKNOWLEDGE,
                "FlagState",
                str(state.id),
                str(case_id) if case_id else "",
                rule=rule,
                subject=subject,
                severity=flag.severity.value,
                since=flag.since,
                snoozed_until=state.snoozed_until,
                note=note,
            )
            return state


def _find_facility(session: Session, name_or_id: str | uuid.UUID | None) -> Facility:
    """A place by id or by its exact name (any letter case)."""
    if isinstance(name_or_id, uuid.UUID):
        found = session.get(Facility, name_or_id)
        if found is None:
            raise NotFound(translate("rules", "This place is not in the vault."))
        return found
    text = (name_or_id or "").strip()
    try:
        found = session.get(Facility, uuid.UUID(text))
    except ValueError:
        found = None
    if found is not None:
        return found
    matches: Sequence[Facility] = session.exec(
        select(Facility).where(func.lower(Facility.name) == text.lower())
    ).all()
    if not matches:
        # SQLite's lower() folds only ASCII; compare Cyrillic names in Python.
        folded = text.casefold()
        matches = [f for f in session.exec(select(Facility)) if f.name.casefold() == folded]
    if not matches:
        raise NotFound(translate("rules", "There is no place called {name}.").format(name=text))
    if len(matches) > 1:
        raise InvalidInput(
            translate(
                "rules", "Several places are called {name}; give the place's id instead."
            ).format(name=text)
        )
    return matches[0]
