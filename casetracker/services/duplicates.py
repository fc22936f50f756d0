"""Possible duplicate cases: the same man entered twice under different spellings.

Three ways two cases are pointed out, strongest first:

1. ``SAME_NAME``: their names have the same script-neutral skeleton, word order ignored
   (Александр Смирнов / Aleksandr Smirnov / Смирнов Александр).
2. ``TYPO``: all words but one are the same and that one differs by a single slip — a letter
   left out, added, changed, or two letters swapped (Алесандр / Александр, Петровчи /
   Петрович) — in a word of at least ``TYPO_MIN_LETTERS`` letters, so short names that differ
   by design (Юрий / Юлий, Денис / Демис) are not matched, and not merely by a final "a"
   (Смирнов / Смирнова: his name and hers). Different birth dates rule a pair out.
3. ``SAME_BIRTH_DATE``: the same birth date and names alike by ``SIMILAR_NAME_RATIO``.

Nothing is merged automatically: a caseworker decides. No way compares every case with every
other: names are grouped by key; the typo search indexes the distinct words with one letter
left out (two words one slip apart share such a form); birth dates are compared within one
day, where integer bounds on the matcher's ratio rule out nearly every pair before it runs.
100,000 cases take seconds, not the 5 billion comparisons of every pair.
"""

import gc
import sqlite3
import threading
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from enum import StrEnum
from typing import TYPE_CHECKING, cast

from sqlalchemy import Engine
from sqlalchemy import select as sa_select
from sqlmodel import col

from casetracker import cancellation
from casetracker.model import Case
from casetracker.model.same_person import Verdict
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services.same_person import decided_pairs, pair
from casetracker.services.search_text import transliterate
from casetracker.services.uncertain_dates import as_uncertain
from casetracker.storage.database import change_count
from casetracker.storage.vault_state import Kept, state_of

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

# How alike two transliterated names must be (0–1) to count as similar with one birth date.
SIMILAR_NAME_RATIO = 0.75
# The shortest word (in skeleton letters) in which one slip still counts as a typo.
TYPO_MIN_LETTERS = 6


class Reason(StrEnum):
    SAME_NAME = "same_name"
    TYPO = "typo"
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


def _keys_similar(a: str, b: str) -> bool:
    matcher = SequenceMatcher(None, a, b)
    # The quick ratios are upper bounds of ratio(): most pairs are ruled out without it.
    return (
        matcher.real_quick_ratio() >= SIMILAR_NAME_RATIO
        and matcher.quick_ratio() >= SIMILAR_NAME_RATIO
        and matcher.ratio() >= SIMILAR_NAME_RATIO
    )


def one_slip(a: str, b: str) -> bool:
    """Whether two different words are one insertion, deletion, change or swap apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i, j = diff[0], diff[-1]
        return len(diff) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _typo(a: str, b: str) -> bool:
    """A slip that may be a typing mistake, not a different name (see the module docstring)."""
    if min(len(a), len(b)) < TYPO_MIN_LETTERS or not one_slip(a, b):
        return False
    return not (a + "a" == b or b + "a" == a)


def typo_apart(a: str, b: str) -> bool:
    """Whether two names (any script) are the same but for one typing slip in one word."""
    return _keys_typo_apart(name_key(a), name_key(b))


def _keys_typo_apart(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or wa == wb:
        return False
    only_a = [w for w in wa if w not in wb]
    only_b = [w for w in wb if w not in wa]
    return len(only_a) == len(only_b) == 1 and _typo(only_a[0], only_b[0])


# (id, ref, full name, birth date column, its code: model/uncertain_date.py).
CaseNameRow = tuple[uuid.UUID, str, str, date | None, str]


def _born_apart(a: UncertainDate | None, b: UncertainDate | None) -> bool:
    """Whether two birth dates surely differ: both given, and no day fits both ("1990" and
    15.03.1990 may be one man; 1985 and 1990 are not)."""
    if a is None or b is None:
        return False
    return bool(
        (a.latest is not None and b.earliest is not None and a.latest < b.earliest)
        or (b.latest is not None and a.earliest is not None and b.latest < a.earliest)
    )


def _exact_day(value: UncertainDate | None) -> date | None:
    """A birth day that can pair two men by itself: one known exactly (not "1985": every man
    born "in 1985" would pair with every other)."""
    return value.earliest if value is not None and value.is_exact else None


def find_pairs(
    cases: Sequence[CaseNameRow], key_of: Callable[[str], str] = name_key
) -> list[DuplicatePair]:
    """Pairs among (id, ref, full name, birth date, its code) rows, each pair once, by
    reference.

    Each way compares only within a block of candidates: one name key; the names sharing a
    word with one letter left out (`_typo_pairs`); one exact birth day, where integer bounds
    rule out nearly every pair before the costly ``SequenceMatcher`` (`_similar_pairs`). So
    the work follows the cases and the pairs found, not the cases squared.
    """
    by_name: dict[str, list[tuple[uuid.UUID, str]]] = defaultdict(list)
    by_birth: dict[date, list[tuple[uuid.UUID, str, str]]] = defaultdict(list)
    births: dict[uuid.UUID, UncertainDate | None] = {}
    for case_id, ref, full_name, birth, code in cases:
        key = key_of(full_name)  # once per case: transliterating is the costly part
        if key:
            by_name[key].append((case_id, ref))
        births[case_id] = known = UncertainDate.from_columns(birth, code)
        day = _exact_day(known)
        if day is not None:
            by_birth[day].append((case_id, ref, key))
    found: dict[tuple[str, str], DuplicatePair] = {}

    def add(a: tuple[uuid.UUID, str], b: tuple[uuid.UUID, str], reason: Reason) -> None:
        first, second = (b, a) if b[1] < a[1] else (a, b)
        pair_key = (first[1], second[1])
        if pair_key not in found:
            found[pair_key] = DuplicatePair(first[0], first[1], second[0], second[1], reason)

    for members in by_name.values():  # the most pairs by far: made without `add`
        cancellation.check()  # a worker's job: locking stops it here
        members.sort(key=lambda member: member[1])  # stable: as `add` orders equal refs
        for i, (a_id, a_ref) in enumerate(members):
            for b_id, b_ref in members[i + 1 :]:
                if (a_ref, b_ref) not in found:
                    found[a_ref, b_ref] = DuplicatePair(a_id, a_ref, b_id, b_ref, Reason.SAME_NAME)
    for a, b in _typo_pairs(by_name):
        if not _born_apart(births[a[0]], births[b[0]]):
            add(a, b, Reason.TYPO)
    shared_days = [born for born in by_birth.values() if len(born) > 1]
    names = _NameBounds(key for born in shared_days for _, _, key in born)
    for born in shared_days:
        cancellation.check()
        for a, b in _similar_pairs(born, found, names):
            add(a, b, Reason.SAME_BIRTH_DATE)
    return [found[pair_key] for pair_key in sorted(found)]


class _NameBounds:
    """What bounds ``SequenceMatcher(None, a, b).ratio()`` from above, worked out once per
    name key, so that a pair costs a few integer operations.

    The ratio is 2·M/T, T both lengths and M the letters in the matcher's matching blocks.
    The blocks form a common subsequence, so M is at most the longest one's length
    (`common_subsequence`), which is at most the letters both keys hold (`shared_letters`),
    which is at most the shorter length.
    """

    def __init__(self, keys: Iterable[str]) -> None:
        counted = {key: Counter(key) for key in keys}
        # Each letter owns a field as wide as its largest count in any key; a key sets as
        # many of the field's low bits as it holds that letter, so the letters two keys
        # share are the bits both have set.
        widths: dict[str, int] = {}
        for counts in counted.values():
            for letter, n in counts.items():
                widths[letter] = max(widths.get(letter, 0), n)
        offsets, at = {}, 0
        for letter, width in widths.items():
            offsets[letter], at = at, at + width
        self.letters = {
            key: sum(((1 << n) - 1) << offsets[letter] for letter, n in counts.items())
            for key, counts in counted.items()
        }
        self._positions: dict[str, dict[str, int]] = {}
        self._needed: dict[int, int] = {}

    def needed(self, total: int) -> int:
        """The fewest matching letters for which two keys of ``total`` letters reach
        ``SIMILAR_NAME_RATIO``, by the matcher's own arithmetic (so a bound compares exactly
        as the ratio would)."""
        needed = self._needed.get(total)
        if needed is None:
            needed = 0
            while needed <= total and _ratio(needed, total) < SIMILAR_NAME_RATIO:
                needed += 1
            self._needed[total] = needed
        return needed

    def shared_letters(self, a: str, b: str) -> int:
        return (self.letters[a] & self.letters[b]).bit_count()

    def common_subsequence(self, a: str, b: str) -> int:
        """The length of the longest common subsequence of two keys, by the bit-parallel
        algorithm (Allison and Dix; Hyyrö): one step per letter of ``b``."""
        positions = self._positions.get(a)
        if positions is None:
            positions = defaultdict(int)
            for i, letter in enumerate(a):
                positions[letter] |= 1 << i
            self._positions[a] = positions = dict(positions)
        full = (1 << len(a)) - 1
        row = full
        for letter in b:
            matched = row & positions.get(letter, 0)
            row = ((row + matched) | (row - matched)) & full
        return len(a) - row.bit_count()


def _ratio(matches: int, total: int) -> float:
    """``SequenceMatcher``'s arithmetic for its ratio."""
    return 2.0 * matches / total if total else 1.0


def _similar_pairs(
    born: Sequence[tuple[uuid.UUID, str, str]],
    found: Mapping[tuple[str, str], object],
    names: _NameBounds,
) -> Iterable[tuple[tuple[uuid.UUID, str], tuple[uuid.UUID, str]]]:
    """Pairs of (id, ref, name key) rows of one birth day whose names are alike by
    ``SIMILAR_NAME_RATIO`` (the earlier row first), but those ``found`` already holds.

    The matcher keeps the later name as its second sequence, as comparing the pair alone
    does, so its ratio is exactly that pair's.
    """
    matcher = SequenceMatcher(None, "", "")
    for j in range(1, len(born)):
        b_id, b_ref, b_key = born[j]
        second_set = False
        for a_id, a_ref, a_key in born[:j]:
            if ((a_ref, b_ref) if a_ref <= b_ref else (b_ref, a_ref)) in found:
                continue
            needed = names.needed(len(a_key) + len(b_key))
            if (
                min(len(a_key), len(b_key)) < needed
                or names.shared_letters(a_key, b_key) < needed
                or names.common_subsequence(a_key, b_key) < needed
            ):
                continue
            if not second_set:
                matcher.set_seq2(b_key)
                second_set = True
            matcher.set_seq1(a_key)
            if matcher.ratio() >= SIMILAR_NAME_RATIO:
                yield (a_id, a_ref), (b_id, b_ref)


def _typo_pairs(
    by_name: dict[str, list[tuple[uuid.UUID, str]]],
) -> Iterable[tuple[tuple[uuid.UUID, str], tuple[uuid.UUID, str]]]:
    """Cases whose name keys differ in one word, by one typing slip.

    Words one slip apart share a spelling with one letter left out, so an index of those over
    the distinct words finds every such pair; names are then matched by swapping that word.
    """
    with_word: dict[str, list[str]] = defaultdict(list)
    for key in by_name:
        for word in set(key.split()):
            if len(word) >= TYPO_MIN_LETTERS:
                with_word[word].append(key)
    less_one: dict[str, set[str]] = defaultdict(set)
    for word in with_word:
        less_one[word].add(word)
        for i in range(len(word)):
            less_one[word[:i] + word[i + 1 :]].add(word)
    close: set[tuple[str, str]] = set()
    for words in less_one.values():
        if len(words) > 1:
            ordered = sorted(words)
            close.update(
                (a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :] if _typo(a, b)
            )
    for a, b in sorted(close):
        for key in with_word[a]:
            swapped = " ".join(sorted(b if w == a else w for w in key.split()))
            if swapped != key and swapped in by_name and _keys_typo_apart(key, swapped):
                for first in by_name[key]:
                    for second in by_name[swapped]:
                        yield first, second


@dataclass
class _Known:
    """What one open database's duplicate search has worked out so far."""

    keys: dict[str, str] = field(default_factory=dict)  # full name -> name_key
    rows: list[CaseNameRow] | None = None
    pairs: list[DuplicatePair] = field(default_factory=list)
    # The change count (`storage.database.change_count`) ``pairs`` are known to hold for.
    count: int | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def key(self, full_name: str) -> str:
        # No lock: a dict's get and set are atomic, and a key worked out twice is the same.
        key = self.keys.get(full_name)
        if key is None:
            key = self.keys[full_name] = name_key(full_name)
        return key


# Kept with the vault's other state, which forgets it on lock (so a locked vault's names are
# not kept): transliterating 20,000 names takes about a second, and an edit changes one name
# at most.
_KNOWN: Kept[_Known] = Kept("duplicates", _Known)


def _known(engine: Engine) -> _Known:
    state = state_of(engine)
    return _Known() if state is None else state.kept(_KNOWN)


def remembered_name_key(engine: Engine, full_name: str) -> str:
    """``name_key``, remembered per open database (the import matches every case by it)."""
    return _known(engine).key(full_name)


def possible_duplicates(ws: "OpenVault") -> list[DuplicatePair]:
    """Every pair of cases that may be one man, but those a caseworker marked as not the same
    man.

    Remembered until the database changes: the Cases view asks on every refresh. After a
    change, the pairs are worked out again only if a name, birth date or reference changed
    (most edits are contacts, custody or notes), and then with the names' keys remembered.
    """
    return duplicates_job(ws)()


def remembered_duplicates(ws: "OpenVault") -> list[DuplicatePair] | None:
    """``possible_duplicates`` if nothing has changed since they were last worked out (at
    once, for the GUI thread), else None."""
    known, count = _known(ws.engine), change_count(ws.engine)
    with known.lock:
        found = known.pairs if count is not None and known.count == count else None
    return None if found is None else _not_apart(found, _apart(ws))


def duplicates_job(ws: "OpenVault") -> Callable[[], list[DuplicatePair]]:
    """``possible_duplicates`` as a function for a worker thread: what needs a session (the
    pairs decided "not the same") is read now, on the calling thread.

    The worker reads the cases through SQLite's own connection, never through a session:
    a session closed on another thread rolls the shared connection back, and with it an edit
    the GUI thread may have half-written at that moment. A change made meanwhile moves the
    change count, so what the worker found is then used but not remembered.
    """
    engine, apart = ws.engine, _apart(ws)
    with ws.reading() as session:
        sqlite = cast(sqlite3.Connection, session.connection().connection.driver_connection)
    statement = sa_select(*_NAME_COLUMNS).order_by(col(Case.ref))
    sql = str(statement.compile(dialect=engine.dialect))
    # The column types' own conversions: the rows equal a session's, value for value.
    dialect = engine.dialect
    convert = [
        column.type.dialect_impl(dialect).result_processor(dialect, None)
        for column in statement.selected_columns
    ]

    def read() -> list[CaseNameRow]:
        rows = []
        for i, raw in enumerate(sqlite.execute(sql)):
            if not i % 5000:
                cancellation.check()
            row = tuple(f(v) if f else v for f, v in zip(convert, raw, strict=True))
            rows.append(cast(CaseNameRow, row))
        return rows

    def job() -> list[DuplicatePair]:
        known = _known(engine)
        count = change_count(engine)
        with known.lock:
            if count is not None and known.count == count:
                return _not_apart(known.pairs, apart)
            before = known.rows
        # Half a million pairs at 100,000 cases, none in a cycle: with the cyclic collector on,
        # it walked every live object of the session again every few thousand of them (over a
        # second each time at 100,000 cases, the GUI thread waiting), as in `remembered`.
        collecting = gc.isenabled()
        gc.disable()
        try:
            rows = read()
            pairs = known.pairs if rows == before else find_pairs(rows, known.key)
        finally:
            if collecting:
                gc.enable()
        with known.lock:
            known.rows, known.pairs = rows, pairs
            known.count = count if count is not None and change_count(engine) == count else None
        return _not_apart(pairs, apart)

    return job


def _apart(ws: "OpenVault") -> set[tuple[uuid.UUID, uuid.UUID]]:
    with ws.reading() as session:
        return decided_pairs(session, Verdict.NOT_SAME)


def _not_apart(
    pairs: list[DuplicatePair], apart: Collection[tuple[uuid.UUID, uuid.UUID]]
) -> list[DuplicatePair]:
    if not apart:
        return pairs
    return [p for p in pairs if pair(p.first_id, p.second_id) not in apart]


def similar_to(
    ws: "OpenVault", full_name: str, birth_date: UncertainDate | date | None = None
) -> list[tuple[str, str]]:
    """(ref, name) of existing cases a new case with this name may duplicate."""
    key = name_key(full_name)
    if not key:
        return []
    born = as_uncertain(birth_date)
    day = _exact_day(born)
    with ws.reading() as session:
        rows = session.execute(sa_select(*_NAME_COLUMNS[1:])).all()
    known = _known(ws.engine)
    with known.lock:
        keyed = [(ref, name, birth, code, known.key(name)) for ref, name, birth, code in rows]
    out = []
    for ref, name, birth, code, other in keyed:
        theirs = UncertainDate.from_columns(birth, code)
        if (
            other == key
            or (not _born_apart(born, theirs) and _keys_typo_apart(other, key))
            or (day is not None and _exact_day(theirs) == day and _keys_similar(other, key))
        ):
            out.append((ref, name))
    return sorted(out)


_NAME_COLUMNS = tuple(
    col(c) for c in (Case.id, Case.ref, Case.full_name, Case.birth_date, Case.birth_date_edtf)
)
