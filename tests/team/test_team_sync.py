"""Three members on three real vaults, syncing through a real PostgreSQL server."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from casetracker.services.team import ServerDishonest, TeamError, synced_tables
from casetracker.services.workspace import Workspace
from casetracker.storage.database import raw_connection
from casetracker.storage.kdf import FLOOR
from tests.conftest import PASSPHRASE
from tests.team.conftest import TeamDb


def canonical(ws: Workspace) -> bytes:
    """Every synced table, row by row with its row number, as one comparable text."""
    raw = raw_connection(ws.engine)
    out = []
    for table in synced_tables(raw):
        for row in raw.execute(f'SELECT rowid, * FROM main."{table}" ORDER BY rowid'):
            out.append(f"{table} {row!r}")
    return "\n".join(out).encode()


def digest(ws: Workspace) -> str:
    return hashlib.sha256(canonical(ws)).hexdigest()


@dataclass
class Team:
    a: Workspace
    b: Workspace
    c: Workspace

    def all(self) -> tuple[Workspace, Workspace, Workspace]:
        return self.a, self.b, self.c

    def settle(self) -> None:
        for _ in range(2):
            for ws in self.all():
                ws.team.sync()


def open_vault(tmp_path: Path, name: str) -> Workspace:
    ws, _ = Workspace.create(tmp_path / name / "v.ctvault", PASSPHRASE, kdf=FLOOR, actor=name)
    return ws


@pytest.fixture
def team(team_db: TeamDb, tmp_path: Path) -> Iterator[Team]:
    a, b, c = (open_vault(tmp_path, name) for name in ("anna", "boris", "clara"))
    a.cases.create("Ivan Markerov", home_region="Oblast One")
    a.cases.create("Pyotr Markersky", home_region="Oblast Two")
    a.team.init(team_db.owner_dsn, "Anna Markerova")
    a.team.sync()
    b.team.join(a.team.invite("Boris Markerin"))
    c.team.join(a.team.invite("Clara Markerina"))
    a.team.sync()  # lets them in
    b.team.sync()
    c.team.sync()
    yield Team(a, b, c)
    for ws in (a, b, c):
        ws.close(save=False)


def test_members_join_and_receive_the_cases(team: Team) -> None:
    assert {case.full_name for case in team.b.cases.rows()} == {"Ivan Markerov", "Pyotr Markersky"}
    assert digest(team.a) == digest(team.b) == digest(team.c)
    names = {m.name for m in team.c.team.members()}
    assert names == {"Anna Markerova", "Boris Markerin", "Clara Markerina"}


def test_concurrent_offline_edits_converge(team: Team) -> None:
    ivan = team.a.cases.get("CT-0001")
    team.a.cases.update(ivan.id, notes="seen in the garage")
    team.b.cases.update(ivan.id, home_region="Oblast Nine")
    team.c.cases.create("Semyon Markerenko")
    team.b.cases.create("Oleg Markerchuk")
    team.settle()
    assert digest(team.a) == digest(team.b) == digest(team.c)
    case = team.c.cases.get(ivan.id)
    assert (case.notes, case.home_region) == ("seen in the garage", "Oblast Nine")
    refs = sorted(row.ref for row in team.a.cases.rows())
    assert len(refs) == len(set(refs)) == 4
    assert all(ws.team.conflicts() == [] for ws in team.all())


def test_same_field_edits_list_a_conflict_on_every_side(team: Team) -> None:
    ivan = team.a.cases.get("CT-0001")
    team.a.cases.update(ivan.id, home_region="Oblast Alpha")
    team.b.cases.update(ivan.id, home_region="Oblast Beta")
    team.settle()
    assert digest(team.a) == digest(team.b) == digest(team.c)
    for ws in team.all():
        (conflict,) = ws.team.conflicts()
        assert conflict.field == "home_region"
        assert {conflict.kept, conflict.ours} == {'"Oblast Alpha"', '"Oblast Beta"'}
    # A person takes the waiting value; the decision reaches everyone and closes it.
    (conflict,) = team.c.team.conflicts()
    team.c.team.resolve(conflict.id, take_ours=True)
    team.settle()
    assert digest(team.a) == digest(team.b) == digest(team.c)
    assert all(ws.team.conflicts() == [] for ws in team.all())
    waiting = conflict.ours.strip('"')
    assert team.a.cases.get(ivan.id).home_region == waiting


def test_a_removed_member_cannot_read_what_follows(team: Team, team_db: TeamDb) -> None:
    team.a.team.remove("Clara Markerina")
    ivan = team.a.cases.get("CT-0001")
    team.a.cases.update(ivan.id, notes="after Clara left")
    team.a.team.sync()
    team.b.team.sync()
    assert team.b.cases.get(ivan.id).notes == "after Clara left"
    with pytest.raises(TeamError):
        team.c.team.sync()  # her login is closed
    # And with the server's rows in hand, her keys open nothing written since.
    from casetracker.team.chain import KeyMissing, follow
    from casetracker.team.server import LogRow

    rows = [
        LogRow(int(seq), int(kind), str(author), bytes(body))
        for seq, kind, author, body in team_db.superuser_sql(
            "SELECT seq, kind, author, body FROM casetracker.log ORDER BY seq"
        )
    ]
    state = team.c.team._state()
    from casetracker.services.team import _keys_of, _position

    position = _position(state)
    with pytest.raises(KeyMissing):
        for row in rows[position.seq :]:
            link = follow(
                position,
                seq=row.seq,
                kind=row.kind,
                author_role=row.author,
                body=row.body,
                epoch_keys=_keys_of(state),
            )
            position = link.position


@pytest.mark.parametrize("trick", ["modify", "drop", "reorder", "replay"])
def test_a_dishonest_server_is_caught(team: Team, team_db: TeamDb, trick: str) -> None:
    ivan = team.a.cases.get("CT-0001")
    for note in ("one", "two", "three"):
        team.a.cases.update(ivan.id, notes=note)
        team.a.team.sync()
    (head,) = team_db.superuser_sql("SELECT max(seq) FROM casetracker.log")[0]
    last, before = int(head), int(head) - 1
    team_db.superuser_sql("ALTER TABLE casetracker.log DISABLE TRIGGER USER")
    if trick == "modify":
        team_db.superuser_sql(
            "UPDATE casetracker.log SET body = overlay(body placing '\\x00'::bytea from 200) "
            "WHERE seq = %s",
            before,
        )
    elif trick == "drop":
        team_db.superuser_sql("DELETE FROM casetracker.log WHERE seq = %s", before)
        team_db.superuser_sql("UPDATE casetracker.log SET seq = %s WHERE seq = %s", before, last)
    elif trick == "reorder":
        team_db.superuser_sql(
            "UPDATE casetracker.log SET seq = seq + 1000 WHERE seq IN (%s, %s)", before, last
        )
        team_db.superuser_sql(
            "UPDATE casetracker.log SET seq = CASE WHEN seq = %s THEN %s ELSE %s END "
            "WHERE seq > 1000",
            before + 1000,
            last,
            before,
        )
    else:
        team_db.superuser_sql(
            "INSERT INTO casetracker.log (seq, kind, author, body) "
            "SELECT %s, kind, author, body FROM casetracker.log WHERE seq = %s",
            last + 1,
            before,
        )
    before_b = digest(team.b)
    with pytest.raises(ServerDishonest):
        team.b.team.sync()
    assert digest(team.b) == before_b  # nothing from the bad link on was applied


def test_the_server_holds_no_names(team: Team, team_db: TeamDb) -> None:
    team.b.cases.create("Zakhar Markeroff", notes="held in the Markerville basement")
    team.settle()
    dump = team_db.dump()
    assert b"Zakhar" in canonical(team.a)
    for marker in (b"Marker", b"Ivan M", b"Oblast", b"Anna M", b"basement"):
        assert marker not in dump


def test_a_joiner_trusts_only_the_key_in_its_code(team_db: TeamDb, tmp_path: Path) -> None:
    """A code whose administrator key is not the one that lets the member in (a server, or
    someone between, presenting a team of its own) is refused before anything is applied."""
    from casetracker.services.team import Invitation
    from casetracker.team.keys import MemberKeys

    a, d = open_vault(tmp_path, "anna"), open_vault(tmp_path, "dmitri")
    a.cases.create("Ivan Markerov")
    a.team.init(team_db.owner_dsn, "Anna")
    a.team.sync()
    genuine = Invitation.decode(a.team.invite("Dmitri"))
    forged = Invitation(**{**genuine.__dict__, "admin_key": MemberKeys.generate().signing_public})
    d.team.join(forged.encode())
    a.team.sync()
    with pytest.raises(ServerDishonest):
        d.team.sync()
    assert d.cases.rows() == []
    for ws in (a, d):
        ws.close(save=False)


def test_a_server_that_lost_records_is_caught(team: Team, team_db: TeamDb) -> None:
    """An old backup restored on the server (or records withheld from the end): a laptop that
    has seen more says so instead of building on the shorter history."""
    ivan = team.a.cases.get("CT-0001")
    team.a.cases.update(ivan.id, notes="the last word")
    team.a.team.sync()
    team.b.team.sync()
    team_db.superuser_sql("ALTER TABLE casetracker.log DISABLE TRIGGER USER")
    team_db.superuser_sql(
        "DELETE FROM casetracker.log WHERE seq = (SELECT max(seq) FROM casetracker.log)"
    )
    team.b.cases.update(ivan.id, home_region="Oblast Ten")
    with pytest.raises(ServerDishonest, match="fewer records"):
        team.b.team.sync()


def test_a_sync_with_nothing_new_writes_nothing(team: Team) -> None:
    """The app syncs every few minutes and on every teammate's news: an empty round must not
    add to the vault's journal each time."""
    team.settle()
    before = team.b.unsaved_changes
    team.b.team.sync()
    assert team.b.unsaved_changes == before
    assert team.b.team.status().last_sync_at is not None


def test_a_long_chain_comes_page_by_page(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    """A round takes one page of records (500 or 64 MiB on a real server): here one record a
    page, so a sync must go on round after round until it has them all."""
    from casetracker.team import server

    whole = server.TeamServer.records_after

    def one_at_a_time(
        self: server.TeamServer, seq: int, limit: int = 500, max_bytes: int = 64 << 20
    ) -> list[server.LogRow]:
        return whole(self, seq, limit=1, max_bytes=max_bytes)

    monkeypatch.setattr(server.TeamServer, "records_after", one_at_a_time)
    ivan = team.a.cases.get("CT-0001")
    for note in ("one", "two", "three"):
        team.a.cases.update(ivan.id, notes=note)
        team.a.team.sync()
    team.b.team.sync()
    assert digest(team.a) == digest(team.b)
    assert team.b.cases.get(ivan.id).notes == "three"


def test_after_a_sync_the_reference_count_moves_past_teammates(team: Team) -> None:
    """Each laptop counts references itself (`meta.next_ref`); after taking teammates' cases
    its count moves past theirs, so its next case does not try each of theirs in turn."""
    from casetracker.model import Meta

    oleg = team.b.cases.create("Oleg Markerchuk")
    team.b.team.sync()
    team.a.team.sync()
    with team.a.reading() as session:
        counter = session.get(Meta, "next_ref")
    assert counter is not None
    assert int(counter.value) == int(oleg.ref.removeprefix("CT-")) + 1
