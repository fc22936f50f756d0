"""Found by the team load test (benchmarks/team_sync.py with deletes in its mix).

Anna deletes two cases, Pyotr's and Semyon's; meanwhile Boris logged a new contact on Pyotr's
and his reaches the server first. Anna's sync rightly puts Pyotr's case back ("deleted here":
Boris's contact needs it). But `merge._fix_orphans` puts back every row Anna deleted, so
Semyon's case, which nobody else touched, comes back too, listed as a conflict: a delete undone
that no teammate's change stood against.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tests.team.conftest import TeamDb
from tests.team.test_team_sync import digest, open_vault


def test_putting_one_case_back_leaves_another_deleted(team_db: TeamDb, tmp_path: Path) -> None:
    a, b = open_vault(tmp_path, "anna"), open_vault(tmp_path, "boris")
    try:
        pyotr = a.cases.create("Pyotr Markersky")
        semyon = a.cases.create("Semyon Markerenko")
        a.contacts.log(pyotr.id, datetime(2026, 1, 1, 9, 0), direct=True, note="old")
        a.team.init(team_db.owner_dsn, "Anna Markerova")
        a.team.sync()
        b.team.join(a.team.invite("Boris Markerin"))
        a.team.sync()
        b.team.sync()
        b.contacts.log(pyotr.id, datetime(2026, 1, 2, 9, 0), direct=False, note="new")
        b.team.sync()
        a.cases.delete(semyon.id)
        a.cases.delete(pyotr.id)
        a.team.sync()
        b.team.sync()
        assert digest(a) == digest(b)
        assert [case.full_name for case in a.cases.rows()] == ["Pyotr Markersky"]
        assert semyon.id.hex not in {c.record_id for c in a.team.conflicts()}
    finally:
        a.close(save=False)
        b.close(save=False)
