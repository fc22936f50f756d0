"""Possible duplicate cases: the same man entered twice under different spellings.

Two cases are pointed out when their names have the same script-neutral skeleton (Александр
Смирнов / Aleksandr Smirnov), or when they share a birth date and their names are similar.
Nothing is merged automatically: a caseworker decides.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlmodel import col, select

from casetracker.model import Case
from casetracker.services.search_text import transliterate

if TYPE_CHECKING:
    from casetracker.services.workspace import Workspace

#: How alike two transliterated names must be (0–1) to count as similar with one birth date.
SIMILAR_NAME_RATIO = 0.75


class Reason(StrEnum):
    SAME_NAME = "same_name"
    SAME_BIRTH_DATE = "same_birth_date"


@dataclass(frozen=True)
class DuplicatePair:
    first_id: uuid.UUID
    first_ref: str
    second_id: uuid.UUID
    second_ref: str
    reason: Reason


def name_key(full_name: str) -> str:
    """Skeleton of a name, word order ignored (Иванов Иван / Ivan Ivanov)."""
    return " ".join(sorted(transliterate(full_name).split()))


def similar(a: str, b: str) -> bool:
    return SequenceMatcher(None, name_key(a), name_key(b)).ratio() >= SIMILAR_NAME_RATIO


def find_pairs(cases: list[tuple[uuid.UUID, str, str, date | None]]) -> list[DuplicatePair]:
    """Pairs among (id, ref, full name, birth date) rows, each pair once, by reference."""
    by_name: dict[str, list[tuple[uuid.UUID, str]]] = defaultdict(list)
    by_birth: dict[date, list[tuple[uuid.UUID, str, str]]] = defaultdict(list)
    for case_id, ref, full_name, birth in cases:
        key = name_key(full_name)
        if key:
            by_name[key].append((case_id, ref))
        if birth is not None:
            by_birth[birth].append((case_id, ref, full_name))
    found: dict[tuple[str, str], DuplicatePair] = {}

    def add(a: tuple[uuid.UUID, str], b: tuple[uuid.UUID, str], reason: Reason) -> None:
        first, second = sorted((a, b), key=lambda item: item[1])
        pair_key = (first[1], second[1])
        if pair_key not in found:
            found[pair_key] = DuplicatePair(first[0], first[1], second[0], second[1], reason)

    for members in by_name.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                add(a, b, Reason.SAME_NAME)
    for born in by_birth.values():
        for i, (a_id, a_ref, a_name) in enumerate(born):
            for b_id, b_ref, b_name in born[i + 1 :]:
                if similar(a_name, b_name):
                    add((a_id, a_ref), (b_id, b_ref), Reason.SAME_BIRTH_DATE)
    return sorted(found.values(), key=lambda p: (p.first_ref, p.second_ref))


def possible_duplicates(ws: "Workspace") -> list[DuplicatePair]:
    """Every pair of cases that may be one man, in one query."""
    with ws.reading() as session:
        rows = session.exec(
            select(Case.id, Case.ref, Case.full_name, col(Case.birth_date)).order_by(col(Case.ref))
        ).all()
    return find_pairs([(r[0], r[1], r[2], r[3]) for r in rows])


def similar_to(
    ws: "Workspace", full_name: str, birth_date: date | None = None
) -> list[tuple[str, str]]:
    """(ref, name) of existing cases a new case with this name may duplicate."""
    key = name_key(full_name)
    if not key:
        return []
    with ws.reading() as session:
        rows = session.exec(select(Case.ref, Case.full_name, col(Case.birth_date))).all()
    out = []
    for ref, name, birth in rows:
        if name_key(name) == key or (
            birth_date is not None and birth == birth_date and similar(name, full_name)
        ):
            out.append((ref, name))
    return sorted(out)
