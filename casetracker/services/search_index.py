"""What the case search looks at, kept in memory and updated case by case after an edit."""

import functools
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum

from sqlalchemy import select
from sqlmodel import Session, col

from casetracker.model import Case, CustodyPeriod, Facility
from casetracker.services.change_tracking import replace_in, tables_of
from casetracker.services.plain_rows import fetch
from casetracker.services.search_text import first_field

# What the index is read from (see `storage.database.remembered`).
SEARCH_TABLES = tables_of(Case, CustodyPeriod, Facility)


class Found(IntEnum):
    """Where a search found a case, best first: the order a search lists them in."""

    NAME = 0  # reference, name or alias
    FIELD = 1  # another field of his: unit, region, note, tags, caseworker, lawyer
    PLACE = 2  # only a place he was held at


@dataclass(frozen=True)
class SearchIndex:
    """What a search looks at: each case's key, and each place's key with every case ever
    held there. Searched in memory: one pass over 20,000 keys per keystroke, no query."""

    cases: Mapping[uuid.UUID, str]
    # Per case, the names part of its key (reference, name, aliases): found there, first.
    names: Mapping[uuid.UUID, str]
    # Per case, every place it was ever held at (once each; a tuple of three is a third of a
    # frozenset's size, and there is one per case).
    stays: Mapping[uuid.UUID, tuple[uuid.UUID, ...]]
    places: Mapping[uuid.UUID, str]
    # Per place, every case ever held there.
    held: Mapping[uuid.UUID, frozenset[uuid.UUID]]

    @classmethod
    def read(cls, session: Session) -> "SearchIndex":
        return cls({}, {}, {}, {}, {}).updated(session, None)

    def updated(self, session: Session, case_ids: Collection[uuid.UUID] | None) -> "SearchIndex":
        """This index with ``case_ids`` (None: every case, and the places) read again."""
        # Plain rows, each id the vault's one UUID object for it (`plain_rows.Uuids`): the
        # index holds every case and every stay, and its own copies of the ids were most of it.
        stays_of, uuids = fetch(
            session, "SELECT case_id, facility_id FROM custodyperiod WHERE 1{ids}", "case_id",
            case_ids,
        )  # fmt: skip
        found: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
        for case_hex, facility_hex in stays_of:
            found[uuids(case_hex)].add(uuids(facility_hex))
        fresh = {case_id: tuple(places) for case_id, places in found.items()}
        keys, _ = fetch(session, 'SELECT id, search_key FROM "case" WHERE 1{ids}', "id", case_ids)
        case_keys = {uuids(case_hex): key for case_hex, key in keys}
        case_names = {case_id: first_field(key) for case_id, key in case_keys.items()}
        if case_ids is None:
            place_keys = select(col(Facility.id), col(Facility.search_key))
            places = {fid: key for fid, key in session.connection().execute(place_keys)}
            return SearchIndex(case_keys, case_names, fresh, places, _held(fresh))
        cases = replace_in(self.cases, case_keys, case_ids)
        names = replace_in(self.names, case_names, case_ids)
        stays = replace_in(self.stays, fresh, case_ids)
        # Only the places those cases were or are now held at change their members.
        changed = set(case_ids)
        held = dict(self.held)
        newly = _held(fresh)
        for place in {p for c in changed for p in self.stays.get(c, ())} | set(newly):
            members = (held.get(place, frozenset()) - changed) | newly.get(place, frozenset())
            if members:
                held[place] = frozenset(members)
            else:
                held.pop(place, None)
        return SearchIndex(cases, names, stays, self.places, held)

    def found(self, forms: list[str]) -> dict[uuid.UUID, Found]:
        """The cases whose key, or the key of a place they were held at, has any of ``forms``
        (the folded query, and its transliteration if different), each with where.

        Passes over plain strings (a first letter finds most of 100,000 cases): the keys, the
        names of the cases found there (a name is the start of its key), the places. Each id
        found goes into the answer once: hashing a ``uuid.UUID`` is Python code, and was most
        of a keystroke at 100,000 cases when each was hashed once per pass.
        """
        ids, keys, names = self._aligned
        held: set[uuid.UUID] = set()
        for place, key in self.places.items():
            if any(f in key for f in forms):
                held.update(self.held.get(place, ()))
        out = dict.fromkeys(held, Found.PLACE)
        out.update(_in_keys(ids, keys, names, forms))
        return out

    @functools.cached_property
    def _aligned(self) -> tuple[list[uuid.UUID], list[str], list[str]]:
        """The ids, their keys and their names as three lists in one order (made once per
        index, on its first search)."""
        ids = list(self.cases)
        return ids, [self.cases[c] for c in ids], [self.names[c] for c in ids]


def _in_keys(
    ids: list[uuid.UUID], keys: list[str], names: list[str], forms: list[str]
) -> dict[uuid.UUID, Found]:
    """The cases whose key holds any of ``forms``, found by name or by another field. A query
    has one or two forms (folded, and transliterated): tested inline, as a generator per key
    cost more than the test itself."""
    if len(forms) == 1:
        (first,) = forms
        return {
            ids[i]: Found.NAME if first in names[i] else Found.FIELD
            for i, key in enumerate(keys)
            if first in key
        }
    if len(forms) == 2:
        first, second = forms
        return {
            ids[i]: Found.NAME if first in names[i] or second in names[i] else Found.FIELD
            for i, key in enumerate(keys)
            if first in key or second in key
        }
    return {
        ids[i]: Found.NAME if any(f in names[i] for f in forms) else Found.FIELD
        for i, key in enumerate(keys)
        if any(f in key for f in forms)
    }


def _held(stays: Mapping[uuid.UUID, Iterable[uuid.UUID]]) -> dict[uuid.UUID, frozenset[uuid.UUID]]:
    held: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for case_id, places in stays.items():
        for place in places:
            held[place].add(case_id)
    return {place: frozenset(cases) for place, cases in held.items()}
