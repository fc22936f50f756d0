"""Cases: create, change, find and list the detained men an organisation follows."""

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from casetracker.i18n import translate
from casetracker.model import (
    Case,
    CaseStatus,
    ContactEvent,
    CustodyPeriod,
    Facility,
    Meta,
    Priority,
    StatusChange,
)
from casetracker.model.ordering import status_order
from casetracker.model.records import made
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services import plain_rows
from casetracker.services.change_tracking import replace_cases, replace_in, tables_of
from casetracker.services.errors import InvalidInput, NotFound
from casetracker.services.search_index import SEARCH_TABLES, Found, SearchIndex
from casetracker.services.search_text import (
    build_fields_key,
    build_key,
    excerpt,
    field_of,
    query_forms,
)
from casetracker.services.uncertain_dates import read, store
from casetracker.storage.database import remembered, remembered_in

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

# Fields a caseworker may set directly; status goes through ``set_status`` to keep its history.
EDITABLE_FIELDS = frozenset(
    {
        "full_name", "name_is_changed", "aliases", "birth_date", "home_region", "military_unit",
        "unit_base", "contract_type", "contract_start", "contract_end", "refusal_date",
        "detention_date", "priority", "caseworker", "lawyer", "tags", "notes",
    }
)  # fmt: skip
REF_PREFIX = "CT-"
# The case's dates that may be uncertain: each is stored with its ``_edtf`` code beside it.
UNCERTAIN_FIELDS = ("birth_date", "refusal_date", "detention_date")


def _dates_of(fields: dict[str, Any]) -> dict[str, UncertainDate | date | None]:
    """Take the uncertain dates out of ``fields``: ``store`` writes both of their columns."""
    return {name: fields.pop(name) for name in UNCERTAIN_FIELDS if name in fields}


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list, with the facts derived from the logs."""

    id: uuid.UUID
    ref: str
    full_name: str
    status: CaseStatus
    facility: str
    facility_id: uuid.UUID | None
    last_contact: datetime | None
    last_proof_of_life: datetime | None
    caseworker: str
    military_unit: str
    home_region: str
    priority: str
    # When he was detained, as known (None: not entered); lists sort by its earliest day.
    detained: UncertainDate | None = None

    @classmethod
    def of(cls, **fields: Any) -> "CaseRow":
        """A line from every one of its fields, for bulk readers (see `model.records`)."""
        return made(cls, fields)

    def as_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "full_name": self.full_name,
            "status": self.status.value,
            "facility": self.facility or None,
            "last_contact": self.last_contact.isoformat() if self.last_contact else None,
            "last_proof_of_life": (
                self.last_proof_of_life.isoformat() if self.last_proof_of_life else None
            ),
            "caseworker": self.caseworker or None,
            "military_unit": self.military_unit or None,
            "home_region": self.home_region or None,
            "detention_date": (
                day.isoformat()
                if self.detained is not None and (day := self.detained.column_day)
                else None
            ),
            "detention_date_edtf": self.detained.to_edtf() if self.detained else "",
        }


# What a case search looks at, field by field in the order of their parts in the stored key:
# the names first, so a search lists the men it found by name before the others.
SEARCH_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("name", ("ref", "full_name", "aliases")),
    ("unit", ("military_unit", "unit_base")),
    ("region", ("home_region",)),
    ("note", ("notes",)),
    ("tags", ("tags",)),
    ("caseworker", ("caseworker",)),
    ("lawyer", ("lawyer",)),
)


def case_search_key(case: Case) -> str:
    return build_fields_key(
        *([getattr(case, attr) for attr in attrs] for _field, attrs in SEARCH_FIELDS)
    )


@dataclass(frozen=True)
class SearchHit:
    """Where a search found a case, when not in his name: the field and its words there."""

    # "alias", a field of ``SEARCH_FIELDS`` other than the name, or "place".
    field: str
    text: str


def next_ref(session: Session) -> str:
    meta = session.get(Meta, "next_ref") or Meta(key="next_ref", value="1")
    number = int(meta.value)
    while True:
        ref = f"{REF_PREFIX}{number:04d}"
        number += 1
        if session.exec(select(Case.id).where(Case.ref == ref)).first() is None:
            break
    meta.value = str(number)
    session.add(meta)
    return ref


def get_case(session: Session, ref_or_id: str | uuid.UUID) -> Case:
    if isinstance(ref_or_id, uuid.UUID):
        case = session.get(Case, ref_or_id)
    else:
        case = session.exec(select(Case).where(Case.ref == ref_or_id.strip().upper())).first()
    if case is None:
        raise NotFound(_no_case(session, ref_or_id))
    return case


def _no_case(session: Session, ref_or_id: str | uuid.UUID) -> str:
    """ "There is no case CT-0002.", and into which case it was merged if it was (a merge
    keeps the absorbed reference among the kept case's aliases)."""
    text = translate("services", "There is no case {ref}.").format(ref=ref_or_id)
    ref = ref_or_id.strip().upper() if isinstance(ref_or_id, str) else ""
    if ref:
        holders = select(Case.ref, Case.aliases).where(col(Case.aliases).contains(ref))
        for kept, aliases in session.exec(holders):
            if ref in (alias.strip().upper() for alias in aliases.split(";")):
                merged = translate("services", "It was merged into {ref}.").format(ref=kept)
                return f"{text} {merged}"
    return text


class CaseService:
    def __init__(self, workspace: "OpenVault") -> None:
        self.ws = workspace

    def create(
        self,
        full_name: str,
        *,
        status: CaseStatus = CaseStatus.REFUSED,
        status_on: UncertainDate | date | None = None,
        ref: str | None = None,
        **fields: Any,
    ) -> Case:
        full_name = full_name.strip()
        if not full_name:
            raise InvalidInput(
                translate("services", "A case needs at least a name as it is known.")
            )
        self._check_fields(fields)
        with self.ws.session() as session:
            if ref:
                ref = ref.strip().upper()
                if session.exec(select(Case.id).where(Case.ref == ref)).first():
                    raise InvalidInput(
                        translate(
                            "services", "The reference {ref} is already used by another case."
                        ).format(ref=ref)
                    )
            dates = _dates_of(fields)
            case = Case(full_name=full_name, ref=ref or next_ref(session), status=status, **fields)
            for column, value in dates.items():
                store(case, column, value)
            case.search_key = case_search_key(case)
            session.add(case)
            change = StatusChange(case_id=case.id, status=status, source_note="")
            known = [read(case, "detention_date"), read(case, "refusal_date")]
            store(change, "changed_on", status_on or next((v for v in known if v), None))
            session.add(change)
            return case

    def get(self, ref_or_id: str | uuid.UUID) -> Case:
        with self.ws.reading() as session:
            return get_case(session, ref_or_id)

    def update(self, ref_or_id: str | uuid.UUID, **fields: Any) -> Case:
        self._check_fields(fields)
        if "full_name" in fields and not str(fields["full_name"]).strip():
            raise InvalidInput(
                translate("services", "A case needs at least a name as it is known.")
            )
        with self.ws.session() as session:
            case = get_case(session, ref_or_id)
            for column, day in _dates_of(fields).items():
                store(case, column, day)
            for key, value in fields.items():
                setattr(case, key, value)
            case.search_key = case_search_key(case)
            session.add(case)
            return case

    def set_status(
        self,
        ref_or_id: str | uuid.UUID,
        status: CaseStatus,
        *,
        on: UncertainDate | date | None = None,
        source_note: str = "",
    ) -> Case:
        with self.ws.session() as session:
            case = get_case(session, ref_or_id)
            set_status_in(session, case, status, on or date.today(), source_note)
            return case

    def delete(self, ref_or_id: str | uuid.UUID) -> None:
        with self.ws.session() as session:
            session.delete(get_case(session, ref_or_id))

    def status_history(self, ref_or_id: str | uuid.UUID) -> list[StatusChange]:
        with self.ws.reading() as session:
            case = get_case(session, ref_or_id)
            stmt = (
                select(StatusChange)
                .where(StatusChange.case_id == case.id)
                .order_by(col(StatusChange.created_at))
            )
            return sorted(session.exec(stmt), key=lambda c: status_order(
                c.changed_on, c.previous_status is None, c.created_at
            ))  # fmt: skip

    def count(self) -> int:
        with self.ws.reading() as session:
            return session.exec(select(func.count()).select_from(Case)).one()

    def rows(
        self,
        *,
        search: str | None = None,
        status: CaseStatus | None = None,
        facility_id: uuid.UUID | None = None,
        caseworker: str | None = None,
    ) -> list[CaseRow]:
        """The case list: a handful of queries for all cases, never one per case. With
        ``search``, the men found by name first, then by another field, then by a place.

        The whole list and the search keys are built once and remembered (after an edit, only
        the cases it touched are read again), so a search or a filter (each keystroke in the
        Cases view) is one pass over them in memory, with the same substring matching SQL's
        ``instr`` did.
        """
        with self.ws.reading() as session:
            every = remembered(
                self.ws.engine,
                "case_rows",
                lambda: all_case_rows(session),
                tables=CASE_ROW_TABLES,
                update=lambda old, ids: replace_cases(old, all_case_rows(session, ids), ids),
            )
            forms = query_forms(search) if search else []
            found: dict[uuid.UUID, Found] | None = None
            if forms:
                index = remembered(
                    self.ws.engine,
                    "search_keys",
                    lambda: SearchIndex.read(session),
                    tables=SEARCH_TABLES,
                    update=lambda old, ids: old.updated(session, ids),
                )
                found = index.found(forms)
        rows = [
            row
            for row in every
            if (status is None or row.status == status)
            and (not caseworker or row.caseworker == caseworker)
            and (facility_id is None or row.facility_id == facility_id)
        ]
        if found is None:
            return rows
        # Found by name first, then by another field of his, then by a place; by reference
        # within each (one pass, no sort: a first letter finds most cases).
        ranked: list[list[CaseRow]] = [[] for _ in Found]
        for row in rows:
            where = found.get(row.id)
            if where is not None:
                ranked[where].append(row)
        return [row for rank in ranked for row in rank]

    def rows_by_id(self) -> dict[uuid.UUID, CaseRow]:
        """Every line of the list by case id, remembered until the next change (Today looks up
        the men it names; worked out when unlocking, off the GUI thread). Shared: callers must
        not modify it."""
        return remembered(
            self.ws.engine, "case_rows_by_id", lambda: {row.id: row for row in self.rows()}
        )

    def search_hits(
        self, case_ids: Collection[uuid.UUID], search: str
    ) -> dict[uuid.UUID, SearchHit | None]:
        """Where ``search`` found each of these cases, for a list to say so: None when his
        name or reference holds it (the list shows those), or nothing does. Meant for the
        rows on screen: two queries for them all, and the stored key says which field to
        look at."""
        forms = query_forms(search)
        if not forms or not case_ids:
            return {}
        attrs = [attr for _field, names in SEARCH_FIELDS for attr in names]
        cases = sa_select(
            col(Case.id), col(Case.search_key), *(getattr(Case, attr) for attr in attrs)
        ).where(col(Case.id).in_(case_ids))
        places = (
            sa_select(
                col(CustodyPeriod.case_id), col(Facility.search_key), col(Facility.name),
                col(Facility.settlement), col(Facility.region), col(Facility.controlled_by),
            )
            .join(Facility, col(Facility.id) == CustodyPeriod.facility_id)
            .where(col(CustodyPeriod.case_id).in_(case_ids))
            .order_by(col(CustodyPeriod.since).desc())
        )  # fmt: skip
        holds = _Holds(forms)
        with self.ws.reading() as session:
            connection = session.connection()
            held: dict[uuid.UUID, list[tuple[str, ...]]] = {}
            for case_id, *place in connection.execute(places):
                held.setdefault(case_id, []).append(tuple(place))
            return {
                case_id: _hit(
                    key, dict(zip(attrs, texts, strict=True)), held.get(case_id, []), holds
                )
                for case_id, key, *texts in connection.execute(cases)
            }

    def search_hit(self, case_id: uuid.UUID, search: str) -> SearchHit | None:
        """``search_hits`` for one case."""
        return self.search_hits([case_id], search).get(case_id)

    @staticmethod
    def _check_fields(fields: dict[str, Any]) -> None:
        unknown = set(fields) - EDITABLE_FIELDS
        if unknown:
            raise InvalidInput(
                translate("services", "Unknown case field(s): {names}.").format(
                    names=", ".join(sorted(unknown))
                )
            )


def _hit(
    key: str, texts: dict[str, str], places: list[tuple[str, ...]], holds: "_Holds"
) -> SearchHit | None:
    """Where the query is in a case with this stored ``key`` and field ``texts``, when not in
    his name or reference: the field that has them, else the latest of the ``places`` he was
    held at (search key, name and details) that does, led by what matched. The key says which
    field; a text is folded again only where a field has several."""
    forms = holds.forms
    field = field_of(key, forms)
    if field is not None:
        name, attrs = SEARCH_FIELDS[field]
        if name == "name":
            if not texts["aliases"] or holds(f"{texts['ref']} {texts['full_name']}"):
                return None
            name, attrs = "alias", ("aliases",)
        given = [attr for attr in attrs if texts[attr]]
        attr = next((a for a in given if holds(texts[a])), given[0]) if given else None
        if attr is not None:
            text = texts[attr]
            return SearchHit(name, excerpt(text, forms) if name == "note" else text)
    for place_key, place, *details in places:
        if any(form in place_key for form in forms):
            # What matched first, so that a narrow column still shows it: "Брянка (Подвал)".
            found = [text for text in details if holds(text)]
            if holds(place) or not found:
                return SearchHit("place", place)
            return SearchHit("place", f"{found[0]} ({place})")
    return None


class _Holds:
    """Whether a text holds any of the query's forms; each text folded once per call of
    ``search_hits`` (the men found through a place share a few places)."""

    def __init__(self, forms: list[str]) -> None:
        self.forms = forms
        self._keys: dict[str, str] = {}

    def __call__(self, text: str) -> bool:
        if not text:
            return False
        key = self._keys.get(text)
        if key is None:
            key = self._keys[text] = build_key(text)
        return any(form in key for form in self.forms)


def set_status_in(
    session: Session,
    case: Case,
    status: CaseStatus,
    on: UncertainDate | date | None,
    source_note: str = "",
) -> None:
    if status == case.status:
        return
    change = StatusChange(
        case_id=case.id, status=status, previous_status=case.status, source_note=source_note
    )
    store(change, "changed_on", on)
    session.add(change)
    case.status = status
    session.add(case)


# The tables the derived facts below are read from, for `remembered`: an edit to any other
# table leaves them as they are, and an edit here is applied to the cases it touched.
CONTACT_TABLES = tables_of(ContactEvent)
CUSTODY_TABLES = tables_of(CustodyPeriod, Facility)
CASE_ROW_TABLES = tables_of(Case) | CONTACT_TABLES | CUSTODY_TABLES


_UNSEEN: Any = object()


def all_case_rows(session: Session, case_ids: Collection[uuid.UUID] | None = None) -> list[CaseRow]:
    """Every case (or those of ``case_ids``) as a line of the list, by reference; plain
    columns, no ORM objects (see `plain_rows`)."""
    contacts = remembered_contacts(session)
    custody = remembered_custody(session)
    found, uuids = plain_rows.fetch(
        session,
        "SELECT id, ref, full_name, status, caseworker, military_unit, home_region, priority,"
        ' detention_date, detention_date_edtf FROM "case" WHERE 1{ids} ORDER BY ref',
        "id",
        case_ids,
    )
    rows = []
    # A few hundred distinct detention days among 20,000 men: each made once (immutable).
    days: dict[tuple[str | None, str], UncertainDate | None] = {}
    for hex_id, ref, name, status, caseworker, unit, region, priority, detained, code in found:
        when = days.get((detained, code or ""), _UNSEEN)
        if when is _UNSEEN:
            when = days[(detained, code or "")] = UncertainDate.from_columns(
                plain_rows.day(detained), code or ""
            )
        case_id = uuids(hex_id)
        last, proof, _transfer, _rough = contacts.get(case_id, NO_CONTACT)
        fac_id, fac_name = custody.get(case_id, (None, ""))
        rows.append(
            CaseRow.of(
                id=case_id,
                ref=ref,
                full_name=name,
                status=CaseStatus[status],
                facility=fac_name,
                facility_id=fac_id,
                last_contact=last,
                last_proof_of_life=proof,
                caseworker=caseworker,
                military_unit=unit,
                home_region=region,
                priority=Priority[priority].value,
                detained=when,
            )
        )
    return rows


# Per case: the last contact, the last proof of life (a direct contact), the newest contact
# that reported a transfer, and whether some direct contact known only roughly (an
# ``occurred_at_edtf`` code) shares the proof of life's moment.
Contact = tuple[datetime | None, datetime | None, datetime | None, bool]
Contacts = dict[uuid.UUID, Contact]
Custody = dict[uuid.UUID, tuple[uuid.UUID, str]]
NO_CONTACT: Contact = (None, None, None, False)


def remembered_contacts(session: Session) -> Contacts:
    """`last_contacts` of every case, remembered; shared by the case list and the rules."""
    return remembered_in(
        session,
        "last_contacts",
        lambda: last_contacts(session),
        tables=CONTACT_TABLES,
        update=lambda old, ids: replace_in(old, last_contacts(session, ids), ids),
    )


def remembered_custody(session: Session) -> Custody:
    """`current_custody` of every case, remembered; shared by the case list and the rules."""
    return remembered_in(
        session,
        "current_custody",
        lambda: current_custody(session),
        tables=CUSTODY_TABLES,
        update=lambda old, ids: replace_in(old, current_custody(session, ids), ids),
    )


def last_contacts(session: Session, case_ids: Collection[uuid.UUID] | None = None) -> Contacts:
    """What the list and the rules need from the contact log (see `Contact`), in one pass
    over it: it is the largest table (20 rows a case), so each extra pass cost a tenth of a
    second at 20,000 cases (``FILTER`` steps the aggregate only for its rows: a tenth less
    than ``max(iif(…))``)."""
    found, uuids = plain_rows.fetch(
        session,
        "SELECT case_id, max(occurred_at), max(occurred_at) FILTER (WHERE direct),"
        " max(occurred_at) FILTER (WHERE reports_transfer),"
        " max(occurred_at) FILTER (WHERE direct AND occurred_at_edtf != '')"
        " FROM contactevent WHERE 1{ids} GROUP BY case_id",
        "case_id",
        case_ids,
    )
    return {
        uuids(case_id): (
            plain_rows.moment(last),
            plain_rows.moment(proof),
            plain_rows.moment(transfer),
            rough is not None and rough == proof,
        )
        for case_id, last, proof, transfer, rough in found
    }


def held_there() -> ColumnElement[bool]:
    """The custody periods that have not ended: where he is held now. An ended one may have no
    end day (nobody said when he left), so ``until IS NULL`` does not mean "still there"."""
    return col(CustodyPeriod.ended).is_(False)


def current_custody(session: Session, case_ids: Collection[uuid.UUID] | None = None) -> Custody:
    """The open custody period of each case (the latest if several are open): see
    `held_there`."""
    found, uuids = plain_rows.fetch(
        session,
        "SELECT p.case_id, f.id, f.name FROM custodyperiod AS p"
        " JOIN facility AS f ON f.id = p.facility_id"
        " WHERE p.ended IS 0{ids} ORDER BY p.since ASC NULLS FIRST, p.created_at",
        "p.case_id",
        case_ids,
    )
    return {uuids(case_id): (uuids(place_id), name) for case_id, place_id, name in found}
