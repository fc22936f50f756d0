"""Sources (documents, photos, reports, testimonies) and the allegations they support."""

import uuid
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from casetracker.i18n import translate
from casetracker.model import (
    Allegation,
    AllegationCase,
    AllegationKind,
    Case,
    Facility,
    Source,
    SourceCase,
    SourceFacility,
    SourceKind,
    Verification,
)
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services.cases import get_case
from casetracker.services.errors import InvalidInput, NotFound
from casetracker.services.recurring_values import share_recurring
from casetracker.services.uncertain_dates import store

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One line of the Sources list: a source's own fields, without an ORM object (slotted:
    the list holds one per source, about one per case)."""

    id: uuid.UUID
    title: str
    kind: SourceKind
    verification: Verification
    reference: str
    published_on: date | None
    notes: str


# Columns of ``source_rows`` whose values recur from source to source: the title (the same
# kind of statement again and again), the reference, the publication day and the notes.
_RECURRING = (1, 4, 5, 6)


class EvidenceService:
    def __init__(self, workspace: "OpenVault") -> None:
        self.ws = workspace

    def add_source(
        self,
        title: str,
        *,
        kind: SourceKind = SourceKind.OTHER,
        verification: Verification = Verification.UNVERIFIED,
        reference: str = "",
        published_on: date | None = None,
        notes: str = "",
        cases: list[str | uuid.UUID] | None = None,
        facilities: list[uuid.UUID] | None = None,
    ) -> Source:
        """A source and what it backs, in one step."""
        if not title.strip():
            raise InvalidInput(
                translate("services", "A source needs a short title saying what it is.")
            )
        with self.ws.session() as session:
            source = Source(
                title=title.strip(),
                kind=kind,
                verification=verification,
                reference=reference,
                published_on=published_on,
                notes=notes,
            )
            session.add(source)
            for ref in cases or []:
                session.add(SourceCase(source_id=source.id, case_id=get_case(session, ref).id))
            for facility_id in facilities or []:
                if session.get(Facility, facility_id) is None:
                    raise NotFound(translate("services", "This place is not in the vault."))
                session.add(SourceFacility(source_id=source.id, facility_id=facility_id))
            return source

    def link_case(self, source_id: uuid.UUID, ref_or_id: str | uuid.UUID) -> None:
        with self.ws.session() as session:
            case = get_case(session, ref_or_id)
            exists = session.exec(
                select(SourceCase).where(
                    SourceCase.source_id == source_id, SourceCase.case_id == case.id
                )
            ).first()
            if exists is None:
                session.add(SourceCase(source_id=source_id, case_id=case.id))

    def set_verification(self, source_id: uuid.UUID, verification: Verification) -> Source:
        with self.ws.session() as session:
            source = session.get(Source, source_id)
            if source is None:
                raise NotFound(translate("services", "This source is not in the vault."))
            source.verification = verification
            session.add(source)
            return source

    def sources_for_case(self, ref_or_id: str | uuid.UUID) -> list[Source]:
        with self.ws.reading() as session:
            case = get_case(session, ref_or_id)
            stmt = (
                select(Source)
                .join(SourceCase, col(SourceCase.source_id) == Source.id)
                .where(SourceCase.case_id == case.id)
                .order_by(col(Source.published_on).desc().nulls_last())
            )
            return list(session.exec(stmt))

    def backed_by(self, source_id: uuid.UUID) -> tuple[list[Case], list[Facility]]:
        with self.ws.reading() as session:
            cases = session.exec(
                select(Case)
                .join(SourceCase, col(SourceCase.case_id) == Case.id)
                .where(SourceCase.source_id == source_id)
                .order_by(col(Case.ref))
            )
            facilities = session.exec(
                select(Facility)
                .join(SourceFacility, col(SourceFacility.facility_id) == Facility.id)
                .where(SourceFacility.source_id == source_id)
            )
            return list(cases), list(facilities)

    def backing_counts(self) -> dict[uuid.UUID, tuple[int, int]]:
        """How many cases and places each source backs (as ``backed_by`` finds), every source.

        One query for the whole list: ``backed_by`` per source was two queries each, 40,000 for
        20,000 sources, and the list shows only the numbers.
        """
        cases = (
            select(func.count())
            .select_from(SourceCase)
            .join(Case, col(SourceCase.case_id) == Case.id)
            .where(SourceCase.source_id == Source.id)
            .scalar_subquery()
        )
        places = (
            select(func.count())
            .select_from(SourceFacility)
            .join(Facility, col(SourceFacility.facility_id) == Facility.id)
            .where(SourceFacility.source_id == Source.id)
            .scalar_subquery()
        )
        with self.ws.reading() as session:
            rows = session.exec(select(Source.id, cases, places))
            return {source_id: (n_cases, n_places) for source_id, n_cases, n_places in rows}

    def all_sources(self) -> list[Source]:
        with self.ws.reading() as session:
            return list(session.exec(select(Source).order_by(col(Source.title))))

    def source_rows(self) -> list[SourceRow]:
        """Every source in the order of ``all_sources``, as plain columns.

        Building 20,000 ORM objects (``all_sources``) took almost half a second; the list needs
        only these fields, and ``get_source`` reads the one being edited.
        """
        stmt = sa_select(
            col(Source.id), col(Source.title), col(Source.kind), col(Source.verification),
            col(Source.reference), col(Source.published_on), col(Source.notes),
        ).order_by(col(Source.title))  # fmt: skip
        with self.ws.reading() as session:
            found = session.connection().execute(stmt)
            return [SourceRow(*values) for values in share_recurring(found, _RECURRING)]

    def get_source(self, source_id: uuid.UUID) -> Source:
        with self.ws.reading() as session:
            source = session.get(Source, source_id)
            if source is None:
                raise NotFound(translate("services", "This source is not in the vault."))
            return source

    def add_allegation(
        self,
        kind: AllegationKind,
        cases: list[str | uuid.UUID],
        *,
        occurred_on: UncertainDate | date | None = None,
        description: str = "",
        source_id: uuid.UUID | None = None,
    ) -> Allegation:
        if not cases:
            raise InvalidInput(translate("services", "An allegation concerns at least one case."))
        with self.ws.session() as session:
            allegation = Allegation(kind=kind, description=description, source_id=source_id)
            store(allegation, "occurred_on", occurred_on)
            session.add(allegation)
            for ref in cases:
                case = get_case(session, ref)
                session.add(AllegationCase(allegation_id=allegation.id, case_id=case.id))
            return allegation

    def allegations_for_case(self, ref_or_id: str | uuid.UUID) -> list[Allegation]:
        with self.ws.reading() as session:
            case = get_case(session, ref_or_id)
            stmt = (
                select(Allegation)
                .join(AllegationCase, col(AllegationCase.allegation_id) == Allegation.id)
                .where(AllegationCase.case_id == case.id)
                .order_by(col(Allegation.occurred_on).asc().nulls_last())
            )
            return list(session.exec(stmt))

    def update_source(self, source_id: uuid.UUID, **fields: object) -> Source:
        """Change a source's title, kind, verification, reference, date or notes."""
        allowed = {"title", "kind", "verification", "reference", "published_on", "notes"}
        unknown = set(fields) - allowed
        if unknown:
            raise InvalidInput(
                translate("services", "Unknown source field(s): {names}.").format(
                    names=", ".join(sorted(unknown))
                )
            )
        if "title" in fields and not str(fields["title"]).strip():
            raise InvalidInput(
                translate("services", "A source needs a short title saying what it is.")
            )
        with self.ws.session() as session:
            source = session.get(Source, source_id)
            if source is None:
                raise NotFound(translate("services", "This source is not in the vault."))
            for key, value in fields.items():
                setattr(source, key, value)
            session.add(source)
            return source
