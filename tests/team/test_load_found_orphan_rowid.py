"""Found by the team load test (benchmarks/team_sync.py with deletes in its mix).

A contact logged here on a case a teammate deleted meanwhile should come back as a conflict
("not added"). When the teammate's own new contact took the same row number first, ours is put
back under another number, `merge._fix_orphans` looks for it under the old one, does not find
it, and `sync` raises ValueError("changes that do not fit together") instead: every later sync of
this vault fails the same way, so it never sends or receives anything again.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tests.team.conftest import TeamDb
from tests.team.test_team_sync import digest, open_vault


def test_a_contact_on_a_case_deleted_there_under_a_taken_row_number(
    team_db: TeamDb, tmp_path: Path
) -> None:
    a, b = open_vault(tmp_path, "anna"), open_vault(tmp_path, "boris")
    try:
        x = a.cases.create("Ivan Markerov")
        y = a.cases.create("Pyotr Markersky")
        a.team.init(team_db.owner_dsn, "Anna Markerova")
        a.team.sync()
        b.team.join(a.team.invite("Boris Markerin"))
        a.team.sync()
        b.team.sync()
        # Both log a contact (the first row of the table on each side); Boris deletes Ivan's
        # case, and his changes reach the server first.
        b.contacts.log(y.id, datetime(2026, 1, 2, 10, 0), direct=True)
        b.cases.delete(x.id)
        b.team.sync()
        a.contacts.log(x.id, datetime(2026, 1, 2, 11, 0), direct=False, note="Marker call")
        a.team.sync()
        b.team.sync()
        assert digest(a) == digest(b)
        (conflict,) = a.team.conflicts()
        assert (conflict.entity, conflict.kind) == ("contactevent", "not_added")
    finally:
        a.close(save=False)
        b.close(save=False)
