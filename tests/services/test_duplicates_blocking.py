"""The duplicate search compares only within blocks (one name key, a shared word less one
letter, one birth day behind integer bounds), yet finds exactly the pairs that comparing
every case with every other finds."""

from __future__ import annotations

import uuid
from datetime import date
from difflib import SequenceMatcher

from hypothesis import given, settings
from hypothesis import strategies as st

from casetracker.model.uncertain_date import UncertainDate
from casetracker.services.duplicates import (
    SIMILAR_NAME_RATIO,
    CaseNameRow,
    DuplicatePair,
    Reason,
    _born_apart,
    _exact_day,
    _keys_typo_apart,
    _NameBounds,
    find_pairs,
    name_key,
)


def every_pair(cases: list[CaseNameRow]) -> list[DuplicatePair]:
    """The test oracle: the module's three ways, tried on every pair, strongest first."""
    found = []
    for i, (a_id, a_ref, a_name, a_birth, a_code) in enumerate(cases):
        a_key, a_born = name_key(a_name), UncertainDate.from_columns(a_birth, a_code)
        for b_id, b_ref, b_name, b_birth, b_code in cases[i + 1 :]:
            b_key, b_born = name_key(b_name), UncertainDate.from_columns(b_birth, b_code)
            day = _exact_day(a_born)
            reason = None
            if a_key and a_key == b_key:
                reason = Reason.SAME_NAME
            elif not _born_apart(a_born, b_born) and _keys_typo_apart(a_key, b_key):
                reason = Reason.TYPO
            elif (
                day is not None
                and day == _exact_day(b_born)
                and SequenceMatcher(None, a_key, b_key).ratio() >= SIMILAR_NAME_RATIO
            ):
                reason = Reason.SAME_BIRTH_DATE
            if reason is not None:
                first, second = sorted(((a_id, a_ref), (b_id, b_ref)), key=lambda x: x[1])
                found.append(DuplicatePair(first[0], first[1], second[0], second[1], reason))
    return sorted(found, key=lambda p: (p.first_ref, p.second_ref))


_WORDS = (
    "Александр", "Алесандр", "Aleksandr", "Смирнов", "Смирнова", "Smirnov", "Петрович",
    "Петровчи", "Юрий", "Юлий", "Кузнецов", "Кузнецоф", "Иван", "Ivanov", "Иванов",
)  # fmt: skip


@st.composite
def _word(draw: st.DrawFn) -> str:
    """A real name, often with one slip (left out, added, changed, swapped), or letters from
    a small alphabet (ratios near the threshold)."""
    if draw(st.booleans()):
        return draw(st.text(alphabet="абвгдеab", min_size=1, max_size=12))
    word = draw(st.sampled_from(_WORDS))
    slip = draw(st.sampled_from(["none", "drop", "add", "change", "swap"]))
    at = draw(st.integers(0, len(word) - 1))
    letter = draw(st.sampled_from("аеиоуrsk"))
    if slip == "drop":
        return word[:at] + word[at + 1 :]
    if slip == "add":
        return word[:at] + letter + word[at:]
    if slip == "change":
        return word[:at] + letter + word[at + 1 :]
    if slip == "swap" and at + 1 < len(word):
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return word


_BIRTH = st.one_of(
    st.none(),
    st.sampled_from([date(1990, 3, 15), date(1985, 1, 1)]).map(UncertainDate.day),
    st.sampled_from([1990, 1985]).map(UncertainDate.year),
    st.just(UncertainDate.year(1990, approximate=True)),
)


@st.composite
def _cases(draw: st.DrawFn) -> list[CaseNameRow]:
    names = draw(st.lists(st.lists(_word(), max_size=3).map(" ".join), max_size=12))
    refs = draw(st.permutations([f"CT-{i:04d}" for i in range(len(names))]))
    rows: list[CaseNameRow] = []
    for name, ref in zip(names, refs, strict=True):
        born = draw(_BIRTH)
        column, code = (born.column_day, born.to_edtf()) if born else (None, "")
        rows.append((uuid.UUID(int=draw(st.integers(0, 2**128 - 1))), ref, name, column, code))
    return rows


@settings(max_examples=400, deadline=None)
@given(cases=_cases())
def test_the_blocked_search_finds_exactly_the_pairs_of_every_comparison(
    cases: list[CaseNameRow],
) -> None:
    assert find_pairs(cases) == every_pair(cases)


def _longest_common_subsequence(a: str, b: str) -> int:
    lengths = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            lengths[i + 1][j + 1] = (
                lengths[i][j] + 1 if x == y else max(lengths[i][j + 1], lengths[i + 1][j])
            )
    return lengths[-1][-1]


@settings(max_examples=300, deadline=None)
@given(a=st.text(alphabet="abcа ", max_size=20), b=st.text(alphabet="abcа ", max_size=20))
def test_the_bounds_never_undercut_the_matchers_ratio(a: str, b: str) -> None:
    """Each bound is at least what the matcher matches: a pair it rules out is never one
    the matcher would have found alike."""
    bounds = _NameBounds([a, b])
    matched = sum(block.size for block in SequenceMatcher(None, a, b).get_matching_blocks())
    subsequence = bounds.common_subsequence(a, b)
    assert subsequence == _longest_common_subsequence(a, b)
    assert matched <= subsequence <= bounds.shared_letters(a, b) <= min(len(a), len(b))
    total = len(a) + len(b)
    assert (SequenceMatcher(None, a, b).ratio() >= SIMILAR_NAME_RATIO) <= (
        matched >= bounds.needed(total)
    )
