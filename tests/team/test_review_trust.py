"""Review of issue 17: what a member, an administrator or the server can do beyond what
docs/team.md admits. Each test is a finding, marked xfail until the production code is fixed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from casetracker.model import SCHEMA_VERSION
from casetracker.services.team import TeamError, _keys_of
from casetracker.services.workspace import Workspace
from casetracker.storage.change_sets import ChangeSet, RowChange, TableChanges, encode
from casetracker.team.chain import MemberList
from casetracker.team.keys import new_epoch_key, wrap
from casetracker.team.records import KIND_CHANGES, seal
from tests.team.conftest import TeamDb
from tests.team.test_team_sync import open_vault


@dataclass
class Trio:
    a: Workspace  # founder, administrator
    b: Workspace  # administrator
    c: Workspace  # member


@contextmanager
def three_members(team_db: TeamDb, tmp_path: Path) -> Iterator[Trio]:
    """Anna founds the team; Boris joins as an administrator, Clara as a member."""
    a, b, c = (open_vault(tmp_path, name) for name in ("anna", "boris", "clara"))
    a.cases.create("Ivan Markerov")
    a.team.init(team_db.owner_dsn, "Anna")
    a.team.sync()
    b.team.join(a.team.invite("Boris", admin=True))
    c.team.join(a.team.invite("Clara"))
    a.team.sync()
    b.team.sync()
    c.team.sync()
    try:
        yield Trio(a, b, c)
    finally:
        for ws in (a, b, c):
            ws.close(save=False)


@pytest.fixture
def trio(team_db: TeamDb, tmp_path: Path) -> Iterator[Trio]:
    with three_members(team_db, tmp_path) as members:
        yield members


def append_changes(ws: Workspace, change_set: ChangeSet) -> None:
    """What a member's own (modified) laptop can send: a change set it seals and signs itself,
    as the next link after its head. Nothing here is beyond any member's keys."""
    state = ws.team._state()
    members = MemberList.decode(state.members.encode())
    seq = state.synced_seq + 1
    body = seal(
        kind=KIND_CHANGES,
        team_id=bytes.fromhex(state.team_id),
        seq=seq,
        prev=state.head,
        signing_key=state.signing_key,
        epoch=members.epoch,
        epoch_key=_keys_of(state)[members.epoch],
        plaintext=encode(change_set),
    )
    with ws.team._connect(state) as conn:
        conn.append(seq, KIND_CHANGES, body)


def test_a_member_cannot_write_anothers_local_tables(trio: Trio) -> None:
    """Clara, a plain member, sends a change set that deletes row 1 of `teamstate`. Anna's sync
    applies it: her private keys, epoch keys and login are gone from her vault. The same way a
    member can rewrite another's `orgkeys` (the key that signs her bundles), `teaminvite` (make
    a pending invitee an administrator), `setting`, `meta` or the `team_old_*` shadows."""
    forged = ChangeSet(
        SCHEMA_VERSION,
        (TableChanges("teamstate", ("id",), (RowChange("delete", 1, (1,), None),)),),
    )
    append_changes(trio.c, forged)
    with pytest.raises(TeamError):
        trio.a.team.sync()  # refused, in words
    assert trio.a.team.state() is not None


def test_a_change_set_that_does_not_fit_is_a_typed_error(trio: Trio) -> None:
    """A member's record naming a column the vault does not have (a bug, a newer or a hostile
    client) stops every sync with a bare `ValueError`: the command line says only
    "Unexpected error (ValueError)", the app something as generic. It should be a `TeamError`
    (`ServerDishonest`) naming the record and its author, so that the administrator knows
    which rows the DBA must delete (docs/team.md, "Not yet, and known limits")."""
    forged = ChangeSet(
        SCHEMA_VERSION,
        (TableChanges("case", ("no_such_column",), (RowChange("insert", 99, None, ("x",)),)),),
    )
    append_changes(trio.c, forged)
    with pytest.raises(TeamError):
        trio.a.team.sync()


def test_an_admin_cannot_block_his_own_removal_with_a_key_stored_ahead(trio: Trio) -> None:
    """Boris, an administrator who expects to be removed, stores a key of his own for the next
    epoch, wrapped to Clara, ahead of time (any administrator may store a wrapped key, and the
    server keeps the first one per epoch and member). Anna removes him: her wrapped key for
    Clara is refused as already stored (and the refusal is suppressed), so Clara holds only
    Boris's key, cannot open Anna's new member list, and her sync is broken for good. The same
    happens without malice when two administrators remove members at the same time: one
    stores the keys, the other appends the list."""
    state_b = trio.b.team._state()
    clara = MemberList.decode(state_b.members.encode()).by_role(trio.c.team._state().role)
    assert clara is not None
    with trio.b.team._connect(state_b) as conn:
        conn.put_wrapped_key(
            2,
            clara.role,
            wrap(
                team_id=bytes.fromhex(state_b.team_id),
                epoch=2,
                epoch_key=new_epoch_key(),
                role=clara.role,
                recipient_box=clara.box,
                admin_signing=state_b.signing_key,
            ),
        )
    trio.a.team.remove("Boris")
    ivan = trio.a.cases.get("CT-0001")
    trio.a.cases.update(ivan.id, notes="after Boris left")
    trio.a.team.sync()
    trio.c.team.sync()
    assert trio.c.cases.get(ivan.id).notes == "after Boris left"


def test_a_joiner_between_his_keys_and_his_list_is_told_to_wait(trio: Trio) -> None:
    """An administrator lets a newcomer in by storing his wrapped keys, then appending the
    member list (`send`). When the append loses a race to a teammate's record (`SeqTaken`),
    the keys stay stored and the list comes a round later. A newcomer who syncs in between
    opens the team's records, finds no list naming him, and is told "the team's records do
    not show you let in by the one who invited you" (ServerDishonest, red in the status bar)
    of an honest server. He should simply still be waiting."""
    from casetracker.services.team import Invitation

    d = open_vault(trio.a.path.parent.parent, "dmitri")
    try:
        code = trio.a.team.invite("Dmitri")
        d.team.join(code)
        role = Invitation.decode(code).role
        state_a = trio.a.team._state()
        (request,) = [body for member, body in trio.a.team.fetch(state_a).joins if member == role]
        from casetracker.team.keys import check_join_request

        secret = next(i.secret for i in trio.a.team.invitations() if i.role == role)
        box = check_join_request(
            request, secret=secret, team_id=bytes.fromhex(state_a.team_id), role=role
        ).box
        with trio.a.team._connect(state_a) as conn:
            for epoch, key in sorted(_keys_of(state_a).items()):
                conn.put_wrapped_key(
                    epoch,
                    role,
                    wrap(
                        team_id=bytes.fromhex(state_a.team_id),
                        epoch=epoch,
                        epoch_key=key,
                        role=role,
                        recipient_box=box,
                        admin_signing=state_a.signing_key,
                    ),
                )
        report = d.team.sync()  # the list is a round late
        assert report.waiting_for_key or d.team.status().waiting
        trio.a.team.sync()  # now it comes
        d.team.sync()
        assert [case.full_name for case in d.cases.rows()] == ["Ivan Markerov"]
    finally:
        d.close(save=False)


def test_taking_a_conflict_writes_only_the_case_base(trio: Trio) -> None:
    """The conflicts table syncs like any other, so any member can list a "conflict" of his
    own making; `resolve(..., take_ours=True)` (Take the waiting value) then writes the
    `entity` and `field` it names, local tables included. Clara lists one on Anna's
    `teamstate.dsn`: when Anna takes it, her next syncs go to a server Clara chose. Filtering
    the tables a received change set may touch does not close this path."""
    from casetracker.model import SyncConflict

    evil = "host=evil.example dbname=x sslmode=require"
    with trio.c.session() as session:
        session.add(
            SyncConflict(
                entity="teamstate",
                record_id="1",
                field="dsn",
                kind="field",
                kept='"as it is"',
                ours=f'"{evil}"',
            )
        )
    trio.c.team.sync()
    trio.a.team.sync()
    (conflict,) = trio.a.team.conflicts()
    with pytest.raises(TeamError):
        trio.a.team.resolve(conflict.id, take_ours=True)
    assert trio.a.team._state().dsn != evil


@pytest.mark.xfail(
    strict=True,
    reason="should-fix: a change set without History rows changes cases unseen in History",
)
def test_a_change_sent_without_its_history_entry_still_shows_who_signed_it(trio: Trio) -> None:
    """docs/team.md: "Who did what. History shows 'signed by <member>' beside a change that
    arrived from the team". But "signed by" is written only for the History rows a change set
    itself carries (`_note_authors` on `auditentry`). Clara's modified client sends a change
    of Ivan's notes and no History row: every laptop takes the change, and Ivan's History
    shows nothing of it, nor who signed it. The same change set could delete the History
    rows of what she did before."""
    from casetracker.services.history import entries
    from casetracker.storage.change_capture import columns_of
    from casetracker.storage.database import raw_connection

    ivan = trio.c.cases.get("CT-0001")
    raw = raw_connection(trio.c.engine)
    columns = tuple(columns_of(raw, "case"))
    rowid, *old = raw.execute(
        'SELECT rowid, * FROM main."case" WHERE id = ?', (ivan.id.hex,)
    ).fetchone()
    new = [*old]
    new[columns.index("notes")] = "moved to an unknown place"
    append_changes(
        trio.c,
        ChangeSet(
            SCHEMA_VERSION,
            (TableChanges("case", columns, (RowChange("update", rowid, tuple(old), tuple(new)),)),),
        ),
    )
    trio.a.team.sync()
    assert trio.a.cases.get(ivan.id).notes == "moved to an unknown place"
    with trio.a.reading() as session:
        signers = {entry.signed_by for entry in entries(session, ivan.id)}
    assert "Clara" in signers
