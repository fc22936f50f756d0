"""Found by the team load test (benchmarks/team_sync.py with deletes in its mix).

Boris deletes a case while Anna edits one of its fields, and her edit reaches the server first.
Boris's sync keeps the case, listed as "deleted here" (it changed there). But the rows his
delete took with the case by cascade (its contacts, status changes, relatives) are deleted all
the same, on every member, and no conflict names them: the case stays without its history,
silently. (When Anna adds a contact to the case instead, merge._fix_orphans puts those rows
back and lists each: that path is right.)
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tests.team.conftest import TeamDb
from tests.team.test_team_sync import digest, open_vault


def test_a_case_kept_after_its_delete_keeps_its_contacts(team_db: TeamDb, tmp_path: Path) -> None:
    a, b = open_vault(tmp_path, "anna"), open_vault(tmp_path, "boris")
    try:
        ivan = a.cases.create("Ivan Markerov")
        earlier = a.contacts.log(ivan.id, datetime(2026, 1, 1, 9, 0), direct=True, note="first")
        a.team.init(team_db.owner_dsn, "Anna Markerova")
        a.team.sync()
        b.team.join(a.team.invite("Boris Markerin"))
        a.team.sync()
        b.team.sync()
        b.cases.delete(ivan.id)  # takes the contact with it
        a.cases.update(ivan.id, notes="seen in the Marker garage")
        a.team.sync()
        b.team.sync()  # the case is kept: it changed there
        a.team.sync()
        assert digest(a) == digest(b)
        assert b.cases.get(ivan.id).notes == "seen in the Marker garage"
        listed = {c.record_id for c in b.team.conflicts()}
        assert ivan.id.hex in listed
        notes = {event.note for event in b.contacts.for_case(ivan.id)}
        assert "first" in notes or earlier.id.hex in listed
    finally:
        a.close(save=False)
        b.close(save=False)
