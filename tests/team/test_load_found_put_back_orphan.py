"""Found by the team load test (benchmarks/team_sync.py with deletes in its mix), shrunk from a
random run to these steps.

Anna deletes Pyotr's case and, separately, a contact of Ivan's case. Meanwhile Boris deleted
Ivan's case (the contact went with it) and Clara logged a new contact on Pyotr's case; theirs
reach the server first. Anna's sync must put Pyotr's case back ("deleted here": Clara's contact
needs it). `merge._fix_orphans` puts back every row Anna deleted, the contact of Ivan's case
too, whose case is gone there: a new orphan, and sync raises ValueError("changes that do not fit
together") - on every sync from then on.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tests.team.conftest import TeamDb
from tests.team.test_team_sync import digest, open_vault


def test_putting_back_a_case_leaves_alone_a_row_of_a_case_deleted_there(
    team_db: TeamDb, tmp_path: Path
) -> None:
    a, b, c = (open_vault(tmp_path, name) for name in ("anna", "boris", "clara"))
    try:
        ivan = a.cases.create("Ivan Markerov")
        pyotr = a.cases.create("Pyotr Markersky")
        call = a.contacts.log(ivan.id, datetime(2026, 1, 1, 9, 0), direct=True, note="Marker")
        a.team.init(team_db.owner_dsn, "Anna Markerova")
        a.team.sync()
        b.team.join(a.team.invite("Boris Markerin"))
        c.team.join(a.team.invite("Clara Markerina"))
        a.team.sync()
        b.team.sync()
        c.team.sync()
        b.cases.delete(ivan.id)  # the call goes with it
        b.team.sync()
        c.contacts.log(pyotr.id, datetime(2026, 1, 2, 9, 0), direct=False, note="new")
        c.team.sync()
        a.cases.delete(pyotr.id)
        a.contacts.delete(call.id)
        a.team.sync()
        b.team.sync()
        c.team.sync()
        assert digest(a) == digest(b) == digest(c)
        assert a.cases.get(pyotr.id).full_name == "Pyotr Markersky"  # put back for his contact
        assert [case.full_name for case in a.cases.rows()] == ["Pyotr Markersky"]
    finally:
        for ws in (a, b, c):
            ws.close(save=False)
