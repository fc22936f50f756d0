"""Merge faults the team load test found (benchmarks/team_sync.py with deletes in its mix), each
shrunk to a few steps; fixed in 4160b9d, kept here so they stay fixed.

Two of them made `sync` raise ValueError("changes that do not fit together") on every try from
then on (the vault never sent or received again); one undid a delete nobody else touched; one
lost rows silently on every member.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from casetracker.model import ContactEvent
from casetracker.services import demo
from casetracker.services.workspace import Workspace
from tests.team.conftest import TeamDb
from tests.team.test_team_sync import digest, open_vault


@contextmanager
def founded(team_db: TeamDb, tmp_path: Path, *names: str) -> Iterator[list[Workspace]]:
    """A team founded by the first of ``names``, the others joined; every vault synced."""
    vaults = [open_vault(tmp_path, name.split()[0].lower()) for name in names]
    try:
        founder = vaults[0]
        founder.team.init(team_db.owner_dsn, names[0])
        founder.team.sync()
        for ws, name in zip(vaults[1:], names[1:], strict=True):
            ws.team.join(founder.team.invite(name))
        sync(*vaults)
        yield vaults
    finally:
        for ws in vaults:
            ws.close(save=False)


def sync(*vaults: Workspace) -> None:
    for ws in vaults:
        ws.team.sync()


def delete(ws: Workspace, ref: str) -> None:
    ws.cases.delete(ws.cases.get(ref).id)


def call(ws: Workspace, ref: str) -> ContactEvent:
    return ws.contacts.log(ws.cases.get(ref).id, datetime(2026, 1, 1), direct=True)


ANNA, BORIS, CLARA = "Anna Markerova", "Boris Markerin", "Clara Markerina"


def test_a_contact_on_a_case_deleted_there_under_a_taken_row_number(
    team_db: TeamDb, tmp_path: Path
) -> None:
    """Ours was put back under a new row number (Boris's contact took the old one) and then
    looked for under the old one: sync raised ValueError."""
    with founded(team_db, tmp_path, ANNA, BORIS) as (a, b):
        ivan, pyotr = a.cases.create("Ivan Markerov"), a.cases.create("Pyotr Markersky")
        sync(a, b)
        # Both log a contact (the first row of the table on each side); Boris deletes Ivan's
        # case, and his changes reach the server first.
        b.contacts.log(pyotr.id, datetime(2026, 1, 2, 10, 0), direct=True)
        b.cases.delete(ivan.id)
        b.team.sync()
        a.contacts.log(ivan.id, datetime(2026, 1, 2, 11, 0), direct=False, note="Marker call")
        sync(a, b)
        assert digest(a) == digest(b)
        (conflict,) = a.team.conflicts()
        assert (conflict.entity, conflict.kind) == ("contactevent", "not_added")


def test_putting_back_a_case_leaves_alone_a_row_of_a_case_deleted_there(
    team_db: TeamDb, tmp_path: Path
) -> None:
    """Putting Pyotr's case back (Clara's new contact needs it) put back every row Anna had
    deleted, the contact of Ivan's case too, whose case Boris deleted: a new orphan, and sync
    raised ValueError."""
    with founded(team_db, tmp_path, ANNA, BORIS, CLARA) as (a, b, c):
        ivan, pyotr = a.cases.create("Ivan Markerov"), a.cases.create("Pyotr Markersky")
        call = a.contacts.log(ivan.id, datetime(2026, 1, 1, 9, 0), direct=True, note="Marker")
        sync(a, b, c)
        b.cases.delete(ivan.id)  # the call goes with it
        b.team.sync()
        c.contacts.log(pyotr.id, datetime(2026, 1, 2, 9, 0), direct=False, note="new")
        c.team.sync()
        a.cases.delete(pyotr.id)
        a.contacts.delete(call.id)
        sync(a, b, c)
        assert digest(a) == digest(b) == digest(c)
        assert [case.full_name for case in a.cases.rows()] == ["Pyotr Markersky"]


def test_putting_one_case_back_leaves_another_deleted(team_db: TeamDb, tmp_path: Path) -> None:
    """Semyon's case, which nobody else touched, came back with Pyotr's, listed as a conflict."""
    with founded(team_db, tmp_path, ANNA, BORIS) as (a, b):
        pyotr, semyon = a.cases.create("Pyotr Markersky"), a.cases.create("Semyon Markerenko")
        a.contacts.log(pyotr.id, datetime(2026, 1, 1, 9, 0), direct=True, note="old")
        sync(a, b)
        b.contacts.log(pyotr.id, datetime(2026, 1, 2, 9, 0), direct=False, note="new")
        b.team.sync()
        a.cases.delete(semyon.id)
        a.cases.delete(pyotr.id)
        sync(a, b)
        assert digest(a) == digest(b)
        assert [case.full_name for case in a.cases.rows()] == ["Pyotr Markersky"]
        assert semyon.id.hex not in {c.record_id for c in a.team.conflicts()}


def test_a_case_kept_after_its_delete_keeps_its_contacts(team_db: TeamDb, tmp_path: Path) -> None:
    """The case was kept ("deleted here": it changed there), but the contacts Boris's delete
    took with it stayed deleted on every member, and no conflict named them."""
    with founded(team_db, tmp_path, ANNA, BORIS) as (a, b):
        ivan = a.cases.create("Ivan Markerov")
        earlier = a.contacts.log(ivan.id, datetime(2026, 1, 1, 9, 0), direct=True, note="first")
        sync(a, b)
        b.cases.delete(ivan.id)  # takes the contact with it
        a.cases.update(ivan.id, notes="seen in the Marker garage")
        sync(a, b, a)  # Boris's sync keeps the case
        assert digest(a) == digest(b)
        assert b.cases.get(ivan.id).notes == "seen in the Marker garage"
        listed = {c.record_id for c in b.team.conflicts()}
        assert ivan.id.hex in listed
        notes = {event.note for event in b.contacts.for_case(ivan.id)}
        assert "first" in notes or earlier.id.hex in listed


def test_a_contact_on_a_case_deleted_there_while_we_deleted_another(
    team_db: TeamDb, tmp_path: Path
) -> None:
    """Shrunk from the 20 x 1,000 run on 4160b9d (three steps, ten demo cases)."""
    with founded(team_db, tmp_path, ANNA, BORIS, CLARA) as (a, b, c):
        demo.generate(a, 10, seed=1, today=date(2026, 6, 1))
        sync(a, b, c)
        c.cases.delete(c.cases.get("CT-0010").id)
        c.contacts.log(c.cases.get("CT-0002").id, datetime(2026, 1, 1), direct=True)
        a.cases.delete(a.cases.get("CT-0002").id)
        sync(a, b, c, a, b)
        assert digest(a) == digest(b) == digest(c)
        assert [c.kind for c in a.team.conflicts()] == ["not_added"]  # Clara's contact


def test_deletes_on_both_sides_and_contacts_on_cases_deleted_there(
    team_db: TeamDb, tmp_path: Path
) -> None:
    """Shrunk by a random search on 4160b9d (twelve steps, ten demo cases), not further."""
    with founded(team_db, tmp_path, ANNA, BORIS) as (a, b):
        demo.generate(a, 10, seed=1, today=date(2026, 6, 1))
        sync(a, b)

        delete(a, "CT-0010")
        sync(a, b)
        delete(b, "CT-0002")
        delete(a, "CT-0008")
        call(b, "CT-0008")
        delete(a, "CT-0002")
        delete(a, "CT-0004")
        delete(b, "CT-0007")
        b.team.sync()
        delete(a, "CT-0009")
        call(a, "CT-0007")
        sync(a, b, a)
        assert digest(a) == digest(b)


def test_no_contact_is_lost_to_deletes_of_other_cases(team_db: TeamDb, tmp_path: Path) -> None:
    """Shrunk by a random search on 4160b9d that checked what the load test's lost_edits
    checks (thirteen steps, ten demo cases; 1-minimal for that search). Boris deletes CT-0002
    while Anna logs two calls on it: the case is put back with one call; the other is gone,
    unlisted. Boris's own calls on CT-0005 and CT-0007, which nobody deleted, come back as
    conflicts "not added"."""
    with founded(team_db, tmp_path, ANNA, BORIS, CLARA) as (a, b, c):
        demo.generate(a, 10, seed=1, today=date(2026, 6, 1))
        sync(a, b, c)
        calls = [call(c, "CT-0004")]
        delete(a, "CT-0008")
        c.team.sync()
        delete(a, "CT-0003")
        calls.append(call(b, "CT-0005"))
        delete(b, "CT-0004")
        calls += [call(a, "CT-0002"), call(a, "CT-0002")]
        for ref in ("CT-0003", "CT-0009"):
            delete(b, ref)
        calls.append(call(b, "CT-0007"))
        for ref in ("CT-0006", "CT-0002"):
            delete(b, ref)
        sync(a, b, c, a, b, c)
        assert digest(a) == digest(b) == digest(c)
        cases = {case.id for case in a.cases.rows()}
        listed = {conflict.record_id for conflict in a.team.conflicts()}
        contacts = {event.id for case_id in cases for event in a.contacts.for_case(case_id)}
        assert {calls[1].id, calls[4].id} <= contacts  # on cases nobody deleted
        lost = [
            event.id
            for event in calls
            if event.case_id in cases and event.id not in contacts and event.id.hex not in listed
        ]
        assert lost == []
