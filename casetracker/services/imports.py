"""Applying a parsed spreadsheet to the vault: all good rows, or nothing.

A row whose man is already in the vault (same reference, or same name skeleton and birth date)
is not added a second time: it is skipped, or, on request, the case is updated from the row in
the same audited session as any edit, so the history shows what the import changed.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from casetracker import cancellation
from casetracker.i18n import translate
from casetracker.model import (
    Case,
    ContactEvent,
    CustodyPeriod,
    Facility,
    Relative,
    StatusChange,
)
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services import audit
from casetracker.services.cases import case_search_key, held_there, next_ref, set_status_in
from casetracker.services.custody import move_in
from casetracker.services.duplicates import remembered_name_key
from casetracker.services.facilities import facility_index
from casetracker.services.facilities import find_or_create_in as find_facility
from casetracker.services.relatives import find_or_create_in as find_relative
from casetracker.services.relatives import link_in, relative_index
from casetracker.services.uncertain_dates import as_uncertain, read, store
from casetracker.sharing.canonical_csv import Day, ImportRow, ParsedCsv, RowError

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault


class Existing(StrEnum):
    """What to do with a row whose man is already in the vault."""

    SKIP = "skip"
    UPDATE = "update"


@dataclass
class ImportReport:
    cases_added: int = 0
    cases_updated: int = 0
    facilities_added: int = 0
    relatives_added: int = 0
    contacts_added: int = 0
    # Rows whose man is already in the vault, left as they are (the reason names the case).
    skipped_existing: list[RowError] = field(default_factory=list)
    # Rows whose man is already in the vault, updated from the row.
    updated: list[RowError] = field(default_factory=list)
    # Rows imported with unreadable cells left empty (their text is in the case's notes).
    blanked: list[RowError] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    applied: bool = False

    @property
    def already_there(self) -> int:
        """Rows whose man the vault already holds, skipped or updated."""
        return len(self.skipped_existing) + len(self.updated)


@dataclass
class _Indexes:
    facilities: dict[tuple[str, ...], Facility]
    relatives: dict[tuple[str, str], Relative]
    refs: dict[str, uuid.UUID]
    # (name skeleton, birth date) -> case id, or None where two cases share the key.
    # Unknown birth dates match only each other, and only a case that was in the vault before
    # this file: two "Иванов Иван" rows without a birth date may be two men, so both are kept
    # (the duplicate finder shows them) rather than one dropped or merged into the other.
    people: dict[tuple[str, date | None], uuid.UUID | None]
    name_key: Callable[[str], str]

    def find(self, row: ImportRow) -> uuid.UUID | None:
        """The case this row describes, if the vault (or an earlier row) already has it."""
        if row.case_ref and row.case_ref in self.refs:
            return self.refs[row.case_ref]
        key = _person_key(self.name_key(row.full_name), _exact(row.birth_date), row.name_is_changed)
        return self.people.get(key) if key is not None else None

    def remember(self, key: tuple[str, date | None], case_id: uuid.UUID) -> None:
        """Index a case; a key two cases share finds neither (never the wrong man)."""
        self.people[key] = case_id if self.people.get(key, case_id) == case_id else None

    def add(self, case: Case) -> None:
        self.refs[case.ref] = case.id
        born = _exact(read(case, "birth_date"))
        key = _person_key(self.name_key(case.full_name), born, case.name_is_changed)
        if key is not None and key[1] is not None:
            self.remember(key, case.id)


def _exact(value: Day) -> date | None:
    """A birth day that can recognise a man again: only one known to the day."""
    known = as_uncertain(value)
    return known.earliest if known is not None and known.is_exact else None


def _person_key(
    skeleton: str, birth_date: date | None, name_is_changed: bool
) -> tuple[str, date | None] | None:
    """How a man is recognised again: a changed name ("Олег") only with his birth date."""
    if not skeleton or (name_is_changed and birth_date is None):
        return None
    return skeleton, birth_date


def _indexes(session: Session, engine: Engine) -> _Indexes:
    idx = _Indexes(
        facility_index(session),
        relative_index(session),
        {},
        {},
        lambda name: remembered_name_key(engine, name),
    )
    changed = set(session.exec(select(Case.id).where(col(Case.name_is_changed))))
    columns = (Case.id, Case.ref, Case.full_name, Case.birth_date, Case.birth_date_edtf)
    rows = session.execute(sa_select(*(col(c) for c in columns))).all()
    for case_id, ref, full_name, birth_date, birth_code in rows:
        idx.refs[ref] = case_id
        # Keyed as the rows are: by a birth day known exactly, else by the name alone.
        born = _exact(UncertainDate.from_columns(birth_date, birth_code))
        key = _person_key(idx.name_key(full_name), born, case_id in changed)
        if key is not None:
            idx.remember(key, case_id)
    return idx


class ImportService:
    def __init__(self, workspace: "OpenVault") -> None:
        self.ws = workspace

    def apply(
        self,
        parsed: ParsedCsv,
        *,
        dry_run: bool = False,
        skip_bad: bool = False,
        existing: Existing = Existing.SKIP,
    ) -> ImportReport:
        """Import in one transaction; with bad rows and no ``skip_bad`` nothing is written.

        A dry run does all the work and rolls it back, so its counts are exactly what a real
        import would do.
        """
        report = ImportReport(errors=list(parsed.errors))
        skipped: set[int] = set()
        write = not dry_run and (skip_bad or not report.errors)
        with Session(self.ws.engine, expire_on_commit=False) as session:
            audit.install(session, self.ws.actor)
            try:
                indexes = _indexes(session, self.ws.engine)
                for row in parsed.rows:
                    cancellation.check()  # a lock stops a long import; it rolls back
                    found = indexes.find(row)
                    if found is None:
                        _apply_row(session, row, report, indexes)
                        continue
                    case = session.get_one(Case, found)
                    line = RowError(
                        row.line,
                        translate("services", "{ref} ({name}) is already in the vault").format(
                            ref=case.ref, name=case.full_name
                        ),
                    )
                    if existing is Existing.UPDATE:
                        _update_case(session, case, row, report, indexes)
                        report.updated.append(line)
                    else:
                        report.skipped_existing.append(line)
                        skipped.add(row.line)
                # Cells left empty matter only in the rows that were written.
                report.blanked = [b for b in parsed.blanked if b.line not in skipped]
                if write:
                    session.commit()
                    self.ws.record_change()
                    report.applied = True
                else:
                    session.rollback()
            except BaseException:
                session.rollback()
                raise
        return report


def _apply_row(session: Session, row: ImportRow, report: ImportReport, idx: _Indexes) -> None:
    case = Case(
        ref=row.case_ref or next_ref(session),
        full_name=row.full_name,
        name_is_changed=row.name_is_changed,
        aliases=row.aliases,
        home_region=row.home_region,
        military_unit=row.military_unit,
        contract_type=row.contract_type,
        status=row.status,
        notes=row.notes,
    )
    for name in _DATE_FIELDS:
        store(case, name, getattr(row, name))
    case.search_key = case_search_key(case)
    session.add(case)
    idx.add(case)
    report.cases_added += 1
    change = StatusChange(case_id=case.id, status=row.status, source_note=SOURCE_NOTE)
    # The day he was detained (or refused) when the row says; else not known, never the day of
    # the import.
    store(change, "changed_on", row.detention_date or row.refusal_date)
    session.add(change)
    _attach(session, case, row, report, idx, new=True)


SOURCE_NOTE = "spreadsheet import"
# Case fields a row fills in or changes when its man is already in the vault.
_UPDATED_FIELDS = ("home_region", "military_unit", "contract_type")
# Dates among them, each two columns (the day and its code: model/uncertain_date.py).
_DATE_FIELDS = ("birth_date", "refusal_date", "detention_date")


def _update_case(
    session: Session, case: Case, row: ImportRow, report: ImportReport, idx: _Indexes
) -> None:
    """Fill in and change what the row says; an empty cell never erases what the vault knows."""
    for name in _UPDATED_FIELDS:
        value = getattr(row, name)
        if value not in (None, "") and getattr(case, name) != value:
            setattr(case, name, value)
    for name in _DATE_FIELDS:
        value = as_uncertain(getattr(row, name))
        if value is not None and read(case, name) != value:
            store(case, name, value)
    case.aliases = _joined(case.aliases, row.aliases, "; ")
    case.notes = _joined(case.notes, row.notes, "\n")
    if row.name_is_changed and not case.name_is_changed:
        case.name_is_changed = True
    if row.status_given:
        set_status_in(
            session,
            case,
            row.status,
            None,  # the sheet does not say since when
            SOURCE_NOTE,
        )
    case.search_key = case_search_key(case)
    session.add(case)
    report.cases_updated += 1
    _attach(session, case, row, report, idx, new=False)


def _joined(old: str, new: str, separator: str) -> str:
    """``old`` with the parts of ``new`` it does not hold yet."""
    parts = [p for p in old.split(separator) if p.strip()]
    have = {p.strip() for p in parts}
    parts += [p for p in new.split(separator) if p.strip() and p.strip() not in have]
    return separator.join(parts)


def _attach(
    session: Session,
    case: Case,
    row: ImportRow,
    report: ImportReport,
    idx: _Indexes,
    *,
    new: bool,
) -> None:
    """The row's place, relative and last contact, each only if the case does not have it."""
    if row.facility:
        facility, created = find_facility(
            session,
            row.facility,
            row.settlement,
            kind=row.facility_kind,
            region=row.region,
            index=idx.facilities,
        )
        report.facilities_added += created
        since = row.custody_since or row.detention_date
        if new or _moves_to(session, case, facility.id, since):
            move_in(session, case, facility.id, since)
    if row.relative_name or row.relative_phone:
        relative, created = find_relative(
            session,
            row.relative_name,
            row.relative_phone,
            index=idx.relatives,
            anonymous=row.relative_anonymous,
            share_with_lawyer=row.relative_share_with_lawyer,
        )
        report.relatives_added += created
        link_in(session, case, relative, row.relative_relationship)
    heard = _contact_day(row.last_contact_date)
    if heard is not None and (new or not _has_contact_on(session, case, heard)):
        contact = ContactEvent(
            case_id=case.id,
            occurred_at=datetime.combine(_first_day(heard), time()),
            time_known=False,  # a sheet gives the day; no hour is invented
            direct=row.last_contact_direct,
            note=row.last_contact_note,
        )
        contact.occurred_at_edtf = heard.to_edtf()
        session.add(contact)
        report.contacts_added += 1


def _contact_day(value: Day) -> UncertainDate | None:
    """When the sheet says he was last heard. A contact happened: "unknown" means some day
    before this import."""
    known = as_uncertain(value)
    if known is not None and known.column_day is None:
        return UncertainDate.before(date.today())
    return known


def _first_day(value: UncertainDate) -> date:
    day = value.column_day
    assert day is not None  # _contact_day never returns "unknown"
    return day


def _moves_to(session: Session, case: Case, facility_id: uuid.UUID, since: Day) -> bool:
    """Whether the sheet puts him somewhere new, and not surely before a move the vault knows
    of (its latest possible day before the other's first)."""
    current = session.exec(
        select(CustodyPeriod).where(CustodyPeriod.case_id == case.id, held_there())
    ).all()
    if any(p.facility_id == facility_id for p in current):
        return False
    known = as_uncertain(since)
    latest = None if known is None else known.latest
    return not any(p.since is not None and latest is not None and latest < p.since for p in current)


def _has_contact_on(session: Session, case: Case, when: UncertainDate) -> bool:
    start = datetime.combine(_first_day(when), time.min)
    found = session.exec(
        select(ContactEvent.id).where(
            ContactEvent.case_id == case.id,
            col(ContactEvent.occurred_at) >= start,
            col(ContactEvent.occurred_at) < start + timedelta(days=1),
        )
    ).first()
    return found is not None
