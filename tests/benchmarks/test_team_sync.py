"""The team load test's judgement of "no edit lost", on made-up members and a made-up end state.

The load test itself runs outside pytest (it starts PostgreSQL and twenty processes); these
check that its verdict flags a missing row and accepts every row a delete or a conflict explains.
"""

from __future__ import annotations

from argparse import Namespace
from collections.abc import Sequence
from typing import Any

import pytest

pytest.importorskip("resource", reason="the benchmarks measure memory with POSIX resource")

from benchmarks import team_sync


def _member(**made: list[str]) -> dict[str, Any]:
    return {"made": {name: made.get(name, []) for name in team_sync.TRACKED}}


def _end(cases: list[str], contacts: list[str], conflicts: Sequence[str] = ()) -> dict[str, Any]:
    return {
        "present": {"cases": cases, "contacts": contacts},
        "conflicts": [("case", row, "notes", "field", '"a"', '"b"', "r") for row in conflicts],
    }


def test_everything_added_and_kept_is_no_loss() -> None:
    done = [_member(cases=["c1"], contacts=["e1 c1"]), _member(contacts=["e2 c0"])]
    lost = team_sync.lost_edits(done, _end(["c0", "c1"], ["e1", "e2"]))
    assert lost == {"cases": [], "contacts": [], "deletes": []}


def test_a_missing_case_or_contact_is_lost() -> None:
    done = [_member(cases=["c1", "c2"]), _member(contacts=["e1 c1", "e2 c1"])]
    lost = team_sync.lost_edits(done, _end(["c1"], ["e1"]))
    assert lost == {"cases": ["c2"], "contacts": ["e2"], "deletes": []}


def test_a_delete_by_another_member_explains_a_missing_row() -> None:
    # b deleted a's new case (its contact went with it) and a's other contact.
    a = _member(cases=["c1"], contacts=["e1 c1", "e2 c0"])
    b = _member(deleted_cases=["c1"], deleted_contacts=["e2"])
    assert team_sync.lost_edits([a, b], _end(["c0"], [])) == {
        "cases": [],
        "contacts": [],
        "deletes": [],
    }


def test_a_deleted_row_still_there_is_lost_unless_in_conflict() -> None:
    done = [_member(deleted_cases=["c1", "c2"], deleted_contacts=["e1"])]
    lost = team_sync.lost_edits(done, _end(["c1", "c2"], ["e1"], conflicts=["c2"]))
    assert lost["deletes"] == ["c1", "e1"]


def test_a_conflict_explains_a_case_not_added() -> None:
    lost = team_sync.lost_edits([_member(cases=["c9"])], _end([], [], conflicts=["c9"]))
    assert lost["cases"] == []


def test_hot_and_deletes_replace_their_shares_of_the_mix() -> None:
    mix = team_sync.mix_of(Namespace(hot=0.2, deletes=0.0))
    assert mix == team_sync.MIX | {"hot": 0.2, "delete_contact": 0.0, "delete_case": 0.0}
    mix = team_sync.mix_of(Namespace(hot=0.05, deletes=0.03))
    assert mix["delete_contact"] == pytest.approx(0.02)
    assert mix["delete_case"] == pytest.approx(0.01)
    assert team_sync.percentile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert team_sync.percentile([], 0.95) is None
