"""Applying a parsed spreadsheet to the vault: all good rows, or nothing."""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from sqlmodel import Session, select

from casetracker.i18n import translate
from casetracker.model import Case, ContactEvent, Facility, Relative, StatusChange
from casetracker.services import audit
from casetracker.services.cases import case_search_key, next_ref
from casetracker.services.custody import move_in
from casetracker.services.facilities import facility_index
from casetracker.services.facilities import find_or_create_in as find_facility
from casetracker.services.relatives import find_or_create_in as find_relative
from casetracker.services.relatives import link_in, relative_index
from casetracker.sharing.canonical_csv import ImportRow, ParsedCsv, RowError

if TYPE_CHECKING:
    from casetracker.services.workspace import Workspace


@dataclass
class ImportReport:
    cases_added: int = 0
    facilities_added: int = 0
    relatives_added: int = 0
    contacts_added: int = 0
    skipped_existing: list[RowError] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    applied: bool = False


@dataclass
class _Indexes:
    facilities: dict[tuple[str, str], Facility]
    relatives: dict[tuple[str, str], Relative]
    refs: set[str]


class ImportService:
    def __init__(self, workspace: "Workspace") -> None:
        self.ws = workspace

    def apply(
        self, parsed: ParsedCsv, *, dry_run: bool = False, skip_bad: bool = False
    ) -> ImportReport:
        """Import in one transaction; with bad rows and no ``skip_bad`` nothing is written.

        A dry run does all the work and rolls it back, so its counts are exactly what a real
        import would do.
        """
        report = ImportReport(errors=list(parsed.errors))
        write = not dry_run and (skip_bad or not report.errors)
        with Session(self.ws.engine, expire_on_commit=False) as session:
            audit.install(session, self.ws.actor)
            try:
                indexes = _Indexes(
                    facility_index(session),
                    relative_index(session),
                    set(session.exec(select(Case.ref))),
                )
                for row in parsed.rows:
                    if row.case_ref and row.case_ref in indexes.refs:
                        report.skipped_existing.append(
                            RowError(
                                row.line,
                                translate("services", "{ref} is already in the vault").format(
                                    ref=row.case_ref
                                ),
                            )
                        )
                        continue
                    _apply_row(session, row, report, indexes)
                if write:
                    session.commit()
                    self.ws.dirty = True
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
        birth_date=row.birth_date,
        home_region=row.home_region,
        military_unit=row.military_unit,
        contract_type=row.contract_type,
        status=row.status,
        refusal_date=row.refusal_date,
        detention_date=row.detention_date,
        notes=row.notes,
    )
    case.search_key = case_search_key(case)
    session.add(case)
    idx.refs.add(case.ref)
    report.cases_added += 1
    session.add(
        StatusChange(
            case_id=case.id,
            status=row.status,
            changed_on=row.detention_date or row.refusal_date or date.today(),
            source_note="spreadsheet import",
        )
    )
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
        move_in(session, case, facility.id, row.custody_since or row.detention_date)
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
    if row.last_contact_date:
        session.add(
            ContactEvent(
                case_id=case.id,
                occurred_at=datetime.combine(row.last_contact_date, time(12, 0)),
                direct=row.last_contact_direct,
                note=row.last_contact_note,
            )
        )
        report.contacts_added += 1
