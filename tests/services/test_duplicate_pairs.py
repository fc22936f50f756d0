"""Possible duplicates follow every edit, but are worked out again only when names,
birth dates or references changed (a contact or a note leaves them as they were)."""

from __future__ import annotations

import gc
import threading
from datetime import date, datetime
from typing import Any

import pytest
from sqlmodel import select

from casetracker.model import Case
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services import duplicates
from casetracker.services.duplicates import Reason, find_pairs, possible_duplicates, similar_to
from casetracker.services.workspace import Workspace


def _fresh(ws: Workspace) -> list[duplicates.DuplicatePair]:
    """The pairs computed from scratch, without anything remembered."""
    with ws.reading() as session:
        cases = session.exec(select(Case)).all()
        rows = [(c.id, c.ref, c.full_name, c.birth_date, c.birth_date_edtf) for c in cases]
    return find_pairs(sorted(rows, key=lambda r: r[1]))


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = duplicates.find_pairs

    def counting(cases, key_of=duplicates.name_key):  # type: ignore[no-untyped-def]
        calls.append(len(cases))
        return real(cases, key_of)

    monkeypatch.setattr(duplicates, "find_pairs", counting)
    return calls


def test_edits_that_cannot_change_a_pair_reuse_the_pairs(ws: Workspace, counted: list[int]) -> None:
    ws.cases.create("Кузьмин Аркадий Петрович", birth_date=date(1990, 5, 1))
    ws.cases.create("Kuzmin Arkadii Petrovich")
    third = ws.cases.create("Смирнов Алексей Иванович", birth_date=date(1985, 1, 2))
    first = possible_duplicates(ws)
    assert [p.reason for p in first] == [Reason.SAME_NAME]
    assert len(counted) == 1

    ws.cases.update(third.ref, notes="a visit is planned")
    ws.contacts.log(third.ref, datetime(2026, 11, 1, 12, 0), direct=True)
    assert possible_duplicates(ws) == first
    assert len(counted) == 1  # nothing that decides a pair changed

    ws.cases.update(third.ref, full_name="Кузьмин Аркадий Петрович")
    after = possible_duplicates(ws)
    assert len(counted) == 2
    assert after == _fresh(ws)
    assert len(after) == 3


def test_pairs_after_a_series_of_edits_match_a_fresh_computation(ws: Workspace) -> None:
    a = ws.cases.create("Петров Иван Сергеевич", birth_date=date(1991, 3, 4))
    b = ws.cases.create("Petrov Ivan Sergeevich", birth_date=date(1991, 3, 4))
    c = ws.cases.create("Алесандр Смирнов", birth_date=date(1980, 1, 1))
    ws.cases.create("Александр Смирнов")
    steps = [
        lambda: ws.cases.update(b.ref, birth_date=date(1992, 3, 4)),
        lambda: ws.cases.update(c.ref, full_name="Александр Смирнов"),
        lambda: ws.cases.update(a.ref, full_name="Петров Иван Сергеевич-Оглы"),
        lambda: ws.cases.create("Petrov Ivan Sergeevich-Ogly"),
        lambda: ws.cases.update(c.ref, birth_date=None),
    ]
    for step in steps:
        step()
        assert possible_duplicates(ws) == _fresh(ws)


def test_a_new_case_is_compared_with_names_remembered_or_not(ws: Workspace) -> None:
    ws.cases.create("Кузьмин Аркадий Петрович", birth_date=date(1990, 5, 1))
    possible_duplicates(ws)  # remembers the keys of the names present
    assert similar_to(ws, "Kuzmin Arkadii Petrovich") != []
    assert similar_to(ws, "Kuzmin Arkadiy Petr", date(1990, 5, 1)) != []
    assert similar_to(ws, "Kuzmin Arkadiy Petr", date(1991, 5, 1)) == []
    assert similar_to(ws, "Кузьмина Ольга") == []


def test_a_rough_birth_date_neither_hides_nor_invents_a_pair(ws: Workspace) -> None:
    """Born "1990" may be the man born 15.03.1990 (a typo pair is kept); two men born "in
    1985" are not a pair for that alone, nor are men born in different years."""
    exact = ws.cases.create("Александр Петров", birth_date=date(1990, 3, 15))
    rough = ws.cases.create("Алесандр Петров", birth_date=UncertainDate.year(1990))
    ws.cases.create("Сергей Кузнецов", birth_date=UncertainDate.year(1985))
    ws.cases.create("Сергей Кузнецоф", birth_date=UncertainDate.year(1987))
    ws.cases.create("Иван Сидоров", birth_date=UncertainDate.year(1985))
    ws.cases.create("Иван Сидорук", birth_date=UncertainDate.year(1985))
    found = {(p.first_ref, p.second_ref): p.reason for p in possible_duplicates(ws)}
    assert found[(exact.ref, rough.ref)] is Reason.TYPO
    assert Reason.SAME_BIRTH_DATE not in found.values()
    assert len(found) == 1
    assert similar_to(ws, "Алесандр Петров", UncertainDate.year(1990)) == [
        (exact.ref, exact.full_name),
        (rough.ref, rough.full_name),
    ]


def test_pairs_worked_out_on_a_worker_leave_a_half_written_edit_alone(ws: Workspace) -> None:
    """The Cases view works the pairs out on a worker thread while the GUI thread may be in
    the middle of an edit: the worker's reading must not roll the shared connection back."""
    case = ws.cases.create("Кузьмин Аркадий Петрович")
    ws.cases.create("Kuzmin Arkadii Petrovich")
    job = duplicates.duplicates_job(ws)  # made on the GUI thread
    found: list[list[duplicates.DuplicatePair]] = []
    with ws.session() as session:
        mine = session.get(Case, case.id)
        assert mine is not None
        mine.notes = "half-written"
        session.flush()  # written, not committed yet
        worker = threading.Thread(target=lambda: found.append(job()))
        worker.start()
        worker.join()
    with ws.reading() as session:
        assert session.get(Case, case.id).notes == "half-written"  # type: ignore[union-attr]
    assert [p.reason for p in found[0]] == [Reason.SAME_NAME]


def test_remembered_pairs_are_offered_at_once_only_while_nothing_changed(ws: Workspace) -> None:
    first = ws.cases.create("Кузьмин Аркадий Петрович")
    ws.cases.create("Kuzmin Arkadii Petrovich")
    assert duplicates.remembered_duplicates(ws) is None  # not worked out yet
    pairs = possible_duplicates(ws)
    assert duplicates.remembered_duplicates(ws) == pairs
    ws.cases.update(first.ref, notes="a visit is planned")
    assert duplicates.remembered_duplicates(ws) is None  # the worker decides whether it matters
    assert possible_duplicates(ws) == pairs
    assert duplicates.remembered_duplicates(ws) == pairs


def test_the_collector_waits_while_the_pairs_are_made(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Half a million pairs at 100,000 cases, none in a cycle: the cyclic collector walking
    the whole session every few thousand of them stopped the GUI thread for seconds."""
    ws.cases.create("Кузьмин Аркадий Петрович")
    ws.cases.create("Kuzmin Arkadii Petrovich")
    collecting: list[bool] = []
    real = duplicates.find_pairs

    def finding(*args: Any) -> list[duplicates.DuplicatePair]:
        collecting.append(gc.isenabled())
        return real(*args)

    monkeypatch.setattr(duplicates, "find_pairs", finding)
    assert gc.isenabled()
    assert len(possible_duplicates(ws)) == 1
    assert collecting == [False] and gc.isenabled()
    ws.cases.create("Кузьмин Аркадий")
    gc.disable()  # someone else's pause is theirs to end
    try:
        possible_duplicates(ws)
        assert not gc.isenabled()
    finally:
        gc.enable()
