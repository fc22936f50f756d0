"""The registry of places where men are held."""

import re
import uuid
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from casetracker.i18n import translate
from casetracker.model import Facility, FacilityKind
from casetracker.services.errors import InvalidInput, NotFound
from casetracker.services.search_text import build_key, fold, transliterate

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

EDITABLE_FIELDS = frozenset(
    {"name", "kind", "settlement", "region", "controlled_by", "headcount", "headcount_date",
     "headcount_source", "notes"}
)  # fmt: skip


def facility_search_key(f: Facility) -> str:
    return build_key(f.name, f.settlement, f.region, f.controlled_by)


def _identity(name: str, settlement: str) -> tuple[str, ...]:
    """Name + settlement compared regardless of case and script, their numbers exactly.

    The transliteration skeleton folds doubled letters, and with them doubled digits: without
    the numbers beside it, "СИЗО-11" would be taken for "СИЗО-1" and a man moved there would
    be recorded in the wrong place.
    """
    return (
        transliterate(name),
        " ".join(re.findall(r"\d+", name)),
        transliterate(settlement),
        " ".join(re.findall(r"\d+", settlement)),
    )


def find_or_create_in(
    session: Session,
    name: str,
    settlement: str = "",
    *,
    kind: FacilityKind = FacilityKind.OTHER,
    region: str = "",
    index: dict[tuple[str, ...], Facility] | None = None,
) -> tuple[Facility, bool]:
    """The facility with this name and settlement, created if new; bulk callers pass an index."""
    key = _identity(name, settlement)
    if index is None:
        index = facility_index(session)
    found = index.get(key)
    if found is not None:
        return found, False
    facility = Facility(name=name.strip(), settlement=settlement.strip(), kind=kind, region=region)
    facility.search_key = facility_search_key(facility)
    session.add(facility)
    index[key] = facility
    return facility, True


def facility_index(session: Session) -> dict[tuple[str, ...], Facility]:
    return {_identity(f.name, f.settlement): f for f in session.exec(select(Facility))}


class FacilityService:
    def __init__(self, workspace: "OpenVault") -> None:
        self.ws = workspace

    def create(self, name: str, **fields: Any) -> Facility:
        if not name.strip():
            raise InvalidInput(
                translate("services", "A place needs a name, even a descriptive one.")
            )
        _check(fields)
        with self.ws.session() as session:
            facility = Facility(name=name.strip(), **fields)
            facility.search_key = facility_search_key(facility)
            session.add(facility)
            return facility

    def find_or_create(self, name: str, settlement: str = "", **kw: Any) -> Facility:
        with self.ws.session() as session:
            return find_or_create_in(session, name, settlement, **kw)[0]

    def update(self, facility_id: uuid.UUID, **fields: Any) -> Facility:
        _check(fields)
        with self.ws.session() as session:
            facility = self._get(session, facility_id)
            for key, value in fields.items():
                setattr(facility, key, value)
            facility.search_key = facility_search_key(facility)
            session.add(facility)
            return facility

    def report_headcount(
        self, facility_id: uuid.UUID, headcount: int, on: date, source: str
    ) -> Facility:
        return self.update(
            facility_id, headcount=headcount, headcount_date=on, headcount_source=source
        )

    def get(self, facility_id: uuid.UUID) -> Facility:
        with self.ws.reading() as session:
            return self._get(session, facility_id)

    def all(self, search: str | None = None) -> list[Facility]:
        with self.ws.reading() as session:
            facilities = list(session.exec(select(Facility).order_by(col(Facility.name))))
        if search:
            needle = fold(search)
            facilities = [f for f in facilities if needle in f.search_key]
        return facilities

    @staticmethod
    def _get(session: Session, facility_id: uuid.UUID) -> Facility:
        facility = session.get(Facility, facility_id)
        if facility is None:
            raise NotFound(translate("services", "This place is not in the vault."))
        return facility


def _check(fields: dict[str, Any]) -> None:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise InvalidInput(
            translate("services", "Unknown place field(s): {names}.").format(
                names=", ".join(sorted(unknown))
            )
        )
