"""Review of issue 17: what one small record may make every laptop hold. Marked xfail until
the production code is fixed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from casetracker.model import SCHEMA_VERSION
from casetracker.services.team import TeamError
from casetracker.storage.change_capture import columns_of
from casetracker.storage.change_sets import ChangeSet, RowChange, TableChanges, encode
from casetracker.storage.database import raw_connection
from casetracker.team.records import MAX_RECORD_BYTES
from tests.team.conftest import TeamDb
from tests.team.test_review_trust import Trio, append_changes, three_members


@pytest.fixture
def trio(team_db: TeamDb, tmp_path: Path) -> Iterator[Trio]:
    with three_members(team_db, tmp_path) as members:
        yield members


def test_a_small_record_cannot_expand_beyond_what_a_record_may_hold(trio: Trio) -> None:
    """A change set is Zstandard-compressed JSON, and `decode` accepts up to 1 GiB once
    decompressed (MAX_DECODED_BYTES), whatever the record's size. Clara sends a record of a
    few KiB holding a 65 MiB note: it checks out, every laptop decompresses, parses and
    stores it, and keeps it in its vault for good (each save re-encrypts it). At 1 GiB a
    record, and 500 records a page all decoded at once in `_take_in`, a member can make
    every laptop run out of memory at every sync. What a record opens to should be bounded
    like the record itself (MAX_RECORD_BYTES), the sender splitting bigger changes."""
    raw = raw_connection(trio.c.engine)
    columns = tuple(columns_of(raw, "case"))
    rowid, *old = raw.execute('SELECT rowid, * FROM main."case"').fetchone()
    new = [*old]
    new[columns.index("notes")] = "A" * (MAX_RECORD_BYTES + (1 << 20))
    change = RowChange("update", rowid, tuple(old), tuple(new))
    change_set = ChangeSet(SCHEMA_VERSION, (TableChanges("case", columns, (change,)),))
    assert len(encode(change_set)) < 64 << 10  # a few KiB on the wire
    append_changes(trio.c, change_set)
    with pytest.raises(TeamError):
        trio.a.team.sync()
    assert len(trio.a.cases.get("CT-0001").notes) < MAX_RECORD_BYTES


def test_wrapped_keys_left_behind_do_not_fill_every_sync(trio: Trio) -> None:
    """A wrapped key is 180-odd bytes, but the table takes up to 1 MiB a row, any number of
    epochs, and nobody but the owner may delete one. Boris, an administrator (removed later
    or not), stores junk "keys" for Clara under many epochs; every sync of Clara's reads all
    of them (`my_wrapped_keys`: no limit, no "only epochs I lack") before anything else, for
    good. Here 40 of 1 MiB; 5,000 would be 5 GB at each sync."""
    state_b = trio.b.team._state()
    clara = trio.c.team._state()
    with trio.b.team._connect(state_b) as conn:
        for epoch in range(100, 140):
            conn.put_wrapped_key(epoch, clara.role, bytes(1 << 20))
    fetched = trio.c.team.fetch(clara)
    assert sum(len(body) for _epoch, body in fetched.keys) < 1 << 20
