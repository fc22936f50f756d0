"""Review of issue 17: merging real services' rows. Each test is a finding, marked xfail until
the production code is fixed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from casetracker.services.errors import ServiceError
from tests.team.conftest import TeamDb
from tests.team.test_review_trust import Trio, three_members


@pytest.fixture
def trio(team_db: TeamDb, tmp_path: Path) -> Iterator[Trio]:
    with three_members(team_db, tmp_path) as members:
        yield members


def test_taking_a_contact_whose_case_was_deleted_is_refused_in_words(trio: Trio) -> None:
    """Anna deletes a case while Boris logs a contact on it; hers reaches the server first.
    Boris's contact waits as "not added". Take the waiting value writes the row back with
    INSERT OR REPLACE, its case is gone, and SQLite's foreign key check raises a bare
    `sqlalchemy.exc.IntegrityError` (the command line: "Unexpected error (IntegrityError)"),
    whose text holds the SQL and the contact's values. The conflict can never be taken. It
    should be refused in plain words (the case was deleted: put it back first), or put the
    case back with it."""
    semyon = trio.a.cases.create("Semyon Markerenko")
    for ws in (trio.a, trio.b):
        ws.team.sync()
    trio.a.cases.delete(semyon.id)
    trio.b.contacts.log(semyon.id, datetime(2026, 1, 2, 9, 0), direct=True, note="on him")
    trio.a.team.sync()
    trio.b.team.sync()
    (conflict,) = trio.b.team.conflicts()
    assert (conflict.kind, conflict.entity) == ("not_added", "contactevent")
    with pytest.raises(ServiceError):
        trio.b.team.resolve(conflict.id, take_ours=True)
