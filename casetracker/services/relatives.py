"""Relatives and other people who report on cases, with what they consent to."""

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from casetracker.i18n import translate
from casetracker.model import Case, CaseRelative, Relative
from casetracker.services.cases import get_case
from casetracker.services.errors import InvalidInput, NotFound
from casetracker.services.recurring_values import share_recurring
from casetracker.services.search_text import build_key, fold

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

EDITABLE_FIELDS = frozenset(
    {"full_name", "phones", "handles", "language", "city", "anonymous", "share_with_lawyer",
     "share_with_media", "notes"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One line of the People list: a person's own fields and how many cases they speak for.

    Slotted: the list holds one per person (200,000 at 100,000 cases), and a per-instance
    dict doubled what each row costs beside its values.
    """

    id: uuid.UUID
    full_name: str
    phones: str
    handles: str
    language: str
    city: str
    anonymous: bool
    share_with_lawyer: bool
    share_with_media: bool
    notes: str
    search_key: str
    cases: int


def relative_search_key(r: Relative) -> str:
    return build_key(r.full_name, r.phones, r.handles, r.city)


def phone_digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())


def find_or_create_in(
    session: Session,
    full_name: str,
    phone: str = "",
    index: dict[tuple[str, str], Relative] | None = None,
    **fields: Any,
) -> tuple[Relative, bool]:
    """Match by name + phone (digits only), as the spreadsheet import promises."""
    key = (fold(full_name), phone_digits(phone))
    if index is None:
        index = relative_index(session)
    found = index.get(key)
    if found is not None:
        return found, False
    relative = Relative(full_name=full_name.strip(), phones=phone.strip(), **fields)
    relative.search_key = relative_search_key(relative)
    session.add(relative)
    index[key] = relative
    return relative, True


def relative_index(session: Session) -> dict[tuple[str, str], Relative]:
    index: dict[tuple[str, str], Relative] = {}
    for r in session.exec(select(Relative)):
        first_phone = r.phones.split(";")[0] if r.phones else ""
        index[(fold(r.full_name), phone_digits(first_phone))] = r
    return index


def link_in(session: Session, case: Case, relative: Relative, relationship: str) -> CaseRelative:
    existing = session.exec(
        select(CaseRelative).where(
            CaseRelative.case_id == case.id, CaseRelative.relative_id == relative.id
        )
    ).first()
    if existing is not None:
        return existing
    link = CaseRelative(case_id=case.id, relative_id=relative.id, relationship=relationship)
    session.add(link)
    return link


class RelativeService:
    def __init__(self, workspace: "OpenVault") -> None:
        self.ws = workspace

    def create(self, full_name: str = "", **fields: Any) -> Relative:
        _check(fields)
        if not full_name.strip() and not fields.get("anonymous"):
            raise InvalidInput(
                translate("services", "A relative needs a name, or mark them as anonymous.")
            )
        with self.ws.session() as session:
            relative = Relative(full_name=full_name.strip(), **fields)
            relative.search_key = relative_search_key(relative)
            session.add(relative)
            return relative

    def update(self, relative_id: uuid.UUID, **fields: Any) -> Relative:
        _check(fields)
        with self.ws.session() as session:
            relative = session.get(Relative, relative_id)
            if relative is None:
                raise NotFound(translate("services", "This person is not in the vault."))
            for key, value in fields.items():
                setattr(relative, key, value)
            relative.search_key = relative_search_key(relative)
            session.add(relative)
            return relative

    def link(
        self, ref_or_id: str | uuid.UUID, relative_id: uuid.UUID, relationship: str = ""
    ) -> CaseRelative:
        with self.ws.session() as session:
            case = get_case(session, ref_or_id)
            relative = session.get(Relative, relative_id)
            if relative is None:
                raise NotFound(translate("services", "This person is not in the vault."))
            return link_in(session, case, relative, relationship)

    def for_case(self, ref_or_id: str | uuid.UUID) -> list[tuple[Relative, str]]:
        with self.ws.reading() as session:
            case = get_case(session, ref_or_id)
            stmt = (
                select(Relative, CaseRelative.relationship)
                .join(CaseRelative, col(CaseRelative.relative_id) == Relative.id)
                .where(CaseRelative.case_id == case.id)
                .order_by(col(Relative.full_name))
            )
            return [(r, rel) for r, rel in session.exec(stmt)]

    def cases_of(self, relative_id: uuid.UUID) -> list[Case]:
        with self.ws.reading() as session:
            stmt = (
                select(Case)
                .join(CaseRelative, col(CaseRelative.case_id) == Case.id)
                .where(CaseRelative.relative_id == relative_id)
                .order_by(col(Case.ref))
            )
            return list(session.exec(stmt))

    def case_counts(self) -> dict[uuid.UUID, int]:
        """How many cases each person speaks for, in one query."""
        with self.ws.reading() as session:
            stmt = select(CaseRelative.relative_id, func.count()).group_by(
                col(CaseRelative.relative_id)
            )
            return {relative_id: n for relative_id, n in session.exec(stmt)}

    def all(self) -> list[Relative]:
        with self.ws.reading() as session:
            return list(session.exec(select(Relative).order_by(col(Relative.full_name))))

    def rows(self) -> list[PersonRow]:
        """Everyone, in the order of ``all``, with their case counts: one query, plain columns.

        Building 40,000 ORM objects (``all``) took most of a second; the list needs only these.
        """
        cases = (
            select(func.count())
            .select_from(CaseRelative)
            .where(CaseRelative.relative_id == Relative.id)
            .scalar_subquery()
        )
        stmt = sa_select(
            col(Relative.id), col(Relative.full_name), col(Relative.phones),
            col(Relative.handles), col(Relative.language), col(Relative.city),
            col(Relative.anonymous), col(Relative.share_with_lawyer),
            col(Relative.share_with_media), col(Relative.notes), col(Relative.search_key), cases,
        ).order_by(col(Relative.full_name))  # fmt: skip
        with self.ws.reading() as session:
            found = session.connection().execute(stmt)
            return [PersonRow(*values) for values in share_recurring(found, _RECURRING)]

    def get(self, relative_id: uuid.UUID) -> Relative:
        with self.ws.reading() as session:
            relative = session.get(Relative, relative_id)
            if relative is None:
                raise NotFound(translate("services", "This person is not in the vault."))
            return relative


# Columns of ``rows`` whose values recur from person to person: the name (relatives share
# it), the language and the city.
_RECURRING = (1, 4, 5)


def _check(fields: dict[str, Any]) -> None:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise InvalidInput(
            translate("services", "Unknown field(s) for a person: {names}.").format(
                names=", ".join(sorted(unknown))
            )
        )
