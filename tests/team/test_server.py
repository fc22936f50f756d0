"""The team server on a real PostgreSQL: members append and read, and nothing more."""

from __future__ import annotations

import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict

from casetracker.team import server
from casetracker.team.server import (
    AlreadyStored,
    InsecureConnection,
    LogRow,
    SeqGap,
    SeqTaken,
    ServerRefused,
    ServerUnreachable,
    TeamServer,
    TeamServerError,
)
from tests.team.conftest import PgCluster, TeamDb


@dataclass
class Team:
    db: TeamDb
    prefix: str
    admin: str
    member: str
    other: str

    def login(self, role: str) -> TeamServer:
        return server.connect(self.db.owner_dsn, role=role, password=password_of(role))

    def raw(self, role: str) -> psycopg.Connection:
        """A plain psycopg connection as ``role``: what a hostile member's own code could do."""
        return psycopg.connect(self.db.dsn(role, password_of(role)), autocommit=True)


def password_of(role: str) -> str:
    return "pw-" + role[::-1]


@pytest.fixture
def team(team_db: TeamDb) -> Iterator[Team]:
    prefix = server.new_prefix()
    roles = [server.new_role_name(prefix) for _ in range(3)]
    with server.connect(team_db.owner_dsn) as owner:
        owner.install_schema(prefix)
        owner.create_member(roles[0], password_of(roles[0]), admin=True)
        for role in roles[1:]:
            owner.create_member(role, password_of(role), admin=False)
    yield Team(team_db, prefix, *roles)


def test_installing_makes_the_group_roles_and_states_the_prefix(team: Team) -> None:
    groups = team.db.superuser_sql(
        "SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname IN (%s, %s) ORDER BY 1",
        team.prefix + "_admin",
        team.prefix + "_member",
    )
    assert groups == [(team.prefix + "_admin", False), (team.prefix + "_member", False)]
    with team.login(team.member) as member:
        assert member.prefix == team.prefix
        assert member.role == team.member


def test_installing_twice_is_refused_and_changes_nothing(team: Team) -> None:
    with server.connect(team.db.owner_dsn) as owner, pytest.raises(TeamServerError):
        owner.install_schema(server.new_prefix())
    assert team.db.superuser_sql("SELECT prefix FROM casetracker.team") == [(team.prefix,)]


def test_an_install_that_fails_half_way_leaves_nothing_behind(team_db: TeamDb) -> None:
    """Role names are cluster-wide: another team's roles may hold the prefix already."""
    prefix = server.new_prefix()
    team_db.superuser_sql(f"CREATE ROLE {prefix}_admin NOLOGIN")
    try:
        with server.connect(team_db.owner_dsn) as owner, pytest.raises(TeamServerError):
            owner.install_schema(prefix)
        schemas = team_db.superuser_sql(
            "SELECT count(*) FROM pg_namespace WHERE nspname = 'casetracker'"
        )
        roles = team_db.superuser_sql(
            "SELECT count(*) FROM pg_roles WHERE rolname = %s", prefix + "_member"
        )
        assert schemas == roles == [(0,)]
    finally:
        team_db.superuser_sql(f"DROP ROLE {prefix}_admin")


def test_a_dba_installs_the_same_schema_with_psql(team_db: TeamDb, pg_cluster: PgCluster) -> None:
    prefix = server.new_prefix()
    subprocess.run(
        [
            pg_cluster.bin / "psql",
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "--single-transaction",
            "-v",
            f"prefix={prefix}",
            "-f",
            Path(server.__file__).with_name("schema.sql"),
            team_db.owner_dsn,
        ],
        check=True,
        capture_output=True,
    )
    role = server.new_role_name(prefix)
    with server.connect(team_db.owner_dsn) as owner:
        owner.create_member(role, "secret words", admin=True)
    with server.connect(team_db.owner_dsn, role=role, password="secret words") as admin:
        admin.append(1, server.KIND_MEMBER_LIST, b"list")
        assert admin.head() == 1


def test_members_append_in_order_and_read_everything(team: Team) -> None:
    with team.login(team.admin) as admin, team.login(team.member) as member:
        assert member.head() == 0
        admin.append(1, server.KIND_MEMBER_LIST, b"members")
        member.append(2, server.KIND_CHANGE_SET, b"\x00change")
        assert admin.head() == member.head() == 2
        assert member.records_after(0) == [
            LogRow(1, 1, team.admin, b"members"),
            LogRow(2, 2, team.member, b"\x00change"),
        ]
        assert [row.seq for row in admin.records_after(1)] == [2]
        assert member.records_after(0, limit=1) == [LogRow(1, 1, team.admin, b"members")]


FORBIDDEN_TO_MEMBERS = [
    "UPDATE casetracker.log SET body = 'x'",
    "DELETE FROM casetracker.log",
    "TRUNCATE casetracker.log",
    "INSERT INTO casetracker.log (seq, kind, body, author) VALUES (2, 2, 'x', '{other}')",
    "INSERT INTO casetracker.log (seq, kind, body, received_at) VALUES (2, 2, 'x', now())",
    "DELETE FROM casetracker.wrapped_key",
    "INSERT INTO casetracker.join_request (member, body) VALUES ('{other}', 'x')",
    "SELECT * FROM casetracker.join_request",
    "UPDATE casetracker.team SET prefix = 'ct_mine'",
    "SELECT casetracker.create_member('{prefix}_abc', 'x', true)",
    "SELECT casetracker.remove_member('{other}')",
    "CREATE TABLE casetracker.mine (x int)",
    "CREATE TABLE public.mine (x int)",
]


def test_a_member_may_only_append_and_read(team: Team) -> None:
    """Each statement a member's own code could send is refused by the server itself."""
    with team.login(team.admin) as admin:
        admin.append(1, server.KIND_MEMBER_LIST, b"members")
    with team.raw(team.member) as conn:
        for statement in FORBIDDEN_TO_MEMBERS:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement.format(other=team.other, prefix=team.prefix))
    assert team.db.superuser_sql("SELECT seq, body FROM casetracker.log") == [(1, b"members")]


def test_only_admins_write_member_lists_wrapped_keys_and_members(team: Team) -> None:
    with team.login(team.member) as member:
        with pytest.raises(ServerRefused):
            member.append(1, server.KIND_MEMBER_LIST, b"a list of my own")
        with pytest.raises(ServerRefused):
            member.put_wrapped_key(0, team.member, b"key")
        with pytest.raises(ServerRefused):
            member.create_member(server.new_role_name(team.prefix), "pw", admin=True)
        with pytest.raises(ServerRefused):
            member.remove_member(team.other)
        with pytest.raises(ServerRefused):
            member.join_requests()
        assert member.head() == 0
    assert team.db.superuser_sql("SELECT count(*) FROM casetracker.wrapped_key") == [(0,)]


def test_admins_manage_only_their_own_teams_roles(team: Team) -> None:
    with team.login(team.admin) as admin:
        for outsider in (team.db.owner, "postgres", team.prefix + "_admin", "ct_other_abc"):
            with pytest.raises(ServerRefused):
                admin.remove_member(outsider)
        with pytest.raises(ServerRefused):
            admin.create_member("ct_other_abc", "pw", admin=False)
        named_like_a_member = team.prefix + "_owner"
        team.db.superuser_sql(f"CREATE ROLE {named_like_a_member} LOGIN")
        with pytest.raises(ServerRefused):
            admin.remove_member(named_like_a_member)
        new = server.new_role_name(team.prefix)
        admin.create_member(new, "pw", admin=False)
        with pytest.raises(TeamServerError):
            admin.create_member(new, "pw", admin=False)
    can_log_in = team.db.superuser_sql(
        "SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname IN (%s, %s) ORDER BY 1",
        team.db.owner,
        named_like_a_member,
    )
    assert can_log_in == sorted([(team.db.owner, True), (named_like_a_member, True)])
    team.db.superuser_sql(f"DROP ROLE {named_like_a_member}")


def test_the_server_gets_a_scram_verifier_never_the_password(team: Team) -> None:
    stored = team.db.superuser_sql(
        "SELECT rolpassword FROM pg_authid WHERE rolname = %s", team.member
    )
    assert stored[0][0].startswith("SCRAM-SHA-256$")
    assert password_of(team.member) not in stored[0][0]
    with team.raw(team.admin) as conn, pytest.raises(psycopg.errors.InvalidParameterValue):
        conn.execute(
            "SELECT casetracker.create_member(%s, 'plain password', false)",
            (server.new_role_name(team.prefix),),
        )


def test_a_number_past_the_end_is_refused_as_a_gap(team: Team) -> None:
    with team.login(team.admin) as admin:
        with pytest.raises(SeqGap):
            admin.append(2, server.KIND_MEMBER_LIST, b"members")
        admin.append(1, server.KIND_MEMBER_LIST, b"members")
        with pytest.raises(SeqTaken):
            admin.append(1, server.KIND_CHANGE_SET, b"again")
        assert admin.head() == 1


def test_two_members_sending_the_same_number_leave_one_row_and_one_seq_taken(
    team: Team,
) -> None:
    """The first insert holds its row uncommitted while the second arrives and waits on it."""
    with team.login(team.admin) as admin:
        admin.append(1, server.KIND_MEMBER_LIST, b"members")
    first = team.raw(team.member)
    outcome: list[BaseException | None] = []
    with team.login(team.other) as second:

        def send() -> None:
            try:
                second.append(2, server.KIND_CHANGE_SET, b"second")
                outcome.append(None)
            except TeamServerError as error:
                outcome.append(error)

        with first.transaction():
            first.execute("INSERT INTO casetracker.log (seq, kind, body) VALUES (2, 2, 'first')")
            thread = threading.Thread(target=send)
            thread.start()
            deadline = time.monotonic() + 10
            while not team.db.superuser_sql(
                "SELECT 1 FROM pg_stat_activity WHERE usename = %s AND wait_event_type = 'Lock'",
                team.other,
            ):
                assert time.monotonic() < deadline, "the second insert never waited"
                time.sleep(0.01)
        thread.join(10)
    first.close()
    assert len(outcome) == 1 and isinstance(outcome[0], SeqTaken)
    assert team.db.superuser_sql("SELECT seq, author, body FROM casetracker.log ORDER BY 1") == [
        (1, team.admin, b"members"),
        (2, team.member, b"first"),
    ]


def test_a_member_reads_only_its_own_wrapped_keys(team: Team) -> None:
    with team.login(team.admin) as admin:
        for epoch in (0, 1):
            for role in (team.admin, team.member, team.other):
                admin.put_wrapped_key(epoch, role, f"{epoch}:{role}".encode())
        with pytest.raises(AlreadyStored):
            admin.put_wrapped_key(1, team.member, b"a replacement")
        assert admin.my_wrapped_keys() == [
            (0, f"0:{team.admin}".encode()),
            (1, f"1:{team.admin}".encode()),
        ]
    with team.login(team.member) as member:
        assert member.my_wrapped_keys() == [
            (0, f"0:{team.member}".encode()),
            (1, f"1:{team.member}".encode()),
        ]
    with team.raw(team.member) as conn:
        visible = conn.execute("SELECT DISTINCT member FROM casetracker.wrapped_key").fetchall()
    assert visible == [(team.member,)]


def test_a_join_request_is_sent_once_for_oneself_and_read_by_admins(team: Team) -> None:
    with team.login(team.member) as member:
        member.put_join_request(b"my public keys")
        with pytest.raises(AlreadyStored):
            member.put_join_request(b"other keys")
    with team.login(team.admin) as admin:
        assert admin.join_requests() == [(team.member, b"my public keys")]


def test_a_removed_member_can_no_longer_log_in_or_read_and_its_records_stay(
    team: Team,
) -> None:
    with team.login(team.admin) as admin, team.login(team.member) as member:
        admin.append(1, server.KIND_MEMBER_LIST, b"members")
        member.append(2, server.KIND_CHANGE_SET, b"before removal")
        admin.remove_member(team.member)
        with pytest.raises((ServerRefused, ServerUnreachable)):
            member.records_after(0)
        admin.remove_member(team.member)  # again, as after a removal cut short: nothing
        admin.append(3, server.KIND_CHANGE_SET, b"after removal")
        assert [row.author for row in admin.records_after(0)] == [
            team.admin,
            team.member,
            team.admin,
        ]
    with pytest.raises(ServerRefused):
        team.login(team.member)


def test_a_removal_that_cannot_take_every_right_changes_nothing(team: Team) -> None:
    """A DBA gave the member the team's rights a second way, by hand: the removal fails in
    words instead of leaving the admin sure that the member is out."""
    side_door = team.prefix + "_door"
    team.db.superuser_sql(f"CREATE ROLE {side_door} NOLOGIN IN ROLE {team.prefix}_member")
    team.db.superuser_sql(f"GRANT {side_door} TO {team.member}")
    with team.login(team.admin) as admin, pytest.raises(ServerRefused):
        admin.remove_member(team.member)
    with team.login(team.member) as member:
        assert member.head() == 0


def test_an_append_waits_behind_an_unfinished_one_only_until_the_timeout(team: Team) -> None:
    """A member's code that inserts and never commits must not hold everyone's sync forever."""
    with team.login(team.admin) as admin:
        admin.append(1, server.KIND_MEMBER_LIST, b"members")
    outcome: list[BaseException | None] = []
    with team.raw(team.member) as stuck, stuck.transaction():
        stuck.execute("INSERT INTO casetracker.log (seq, kind, body) VALUES (2, 2, 'stuck')")
        other = server.connect(
            team.db.owner_dsn, role=team.other, password=password_of(team.other), timeout=0.3
        )

        def send() -> None:
            try:
                other.append(2, server.KIND_CHANGE_SET, b"waiting")
                outcome.append(None)
            except TeamServerError as error:
                outcome.append(error)

        thread = threading.Thread(target=send, daemon=True)
        thread.start()
        thread.join(10)
        finished_in_time = not thread.is_alive()
    thread.join(10)  # the rollback above frees it in any case
    other.close()
    assert finished_in_time
    assert len(outcome) == 1 and isinstance(outcome[0], ServerUnreachable)


def test_a_listener_hears_of_others_records_not_its_own(team: Team) -> None:
    with team.login(team.admin) as admin, team.login(team.member) as member:
        member.listen()
        assert not member.wait_for_news(0.05)
        admin.append(1, server.KIND_MEMBER_LIST, b"members")
        assert member.wait_for_news(5)
        admin.append(2, server.KIND_CHANGE_SET, b"change")
        assert member.wait_for_news(5)
        assert not member.wait_for_news(0.05)
        member.append(3, server.KIND_CHANGE_SET, b"mine")
        assert not member.wait_for_news(0.05)


@pytest.mark.parametrize("sslmode", ["", "sslmode=disable", "sslmode=allow", "sslmode=prefer"])
def test_a_dsn_without_required_tls_is_refused_before_connecting(sslmode: str) -> None:
    """Port 1 answers nobody: had a connection been tried, this would be ServerUnreachable."""
    with pytest.raises(InsecureConnection):
        server.connect(f"host=127.0.0.1 port=1 dbname=team user=u password=hunter2 {sslmode}")


def test_a_malformed_dsn_is_refused_in_words_that_hold_no_password() -> None:
    with pytest.raises(TeamServerError) as refused:
        server.connect("password=Hunter2-Secret host='db.example.org sslmode=verify-full")
    assert not isinstance(refused.value, InsecureConnection | ServerUnreachable)
    assert "Hunter2-Secret" not in str(refused.value)


@pytest.mark.parametrize("host", ["/var/run/postgresql", "db.example.org,/tmp", "@abstract"])
def test_a_unix_socket_dsn_is_refused(host: str) -> None:
    with pytest.raises(InsecureConnection):
        server.connect(f"host={host} dbname=team sslmode=require")


def test_a_dead_network_is_noticed_within_the_timeout_unless_the_dsn_says_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without tcp_user_timeout and keepalives, a query sent into a dead network waits for the
    system's own limit (a quarter of an hour on Linux) before the app may say "offline"."""
    seen: list[dict[str, str]] = []

    def fake_connect(conninfo: str, **_kwargs: object) -> None:
        seen.append({k: str(v) for k, v in conninfo_to_dict(conninfo).items()})
        raise psycopg.OperationalError("connection refused")

    monkeypatch.setattr(psycopg, "connect", fake_connect)
    with pytest.raises(ServerUnreachable):
        server.connect("host=db.example.org sslmode=verify-full", timeout=6)
    with pytest.raises(ServerUnreachable):
        server.connect("host=db.example.org sslmode=verify-full keepalives_idle=60", timeout=6)
    assert seen[0]["connect_timeout"] == "6"
    assert seen[0]["tcp_user_timeout"] == "6000"
    assert (seen[0]["keepalives"], seen[0]["keepalives_idle"]) == ("1", "6")
    assert seen[1]["keepalives_idle"] == "60"


def test_a_wrong_password_is_refused_in_words_that_hold_no_password(team: Team) -> None:
    with pytest.raises(ServerRefused) as refused:
        server.connect(team.db.owner_dsn, role=team.member, password="Wrong-Password-42")
    assert "Wrong-Password-42" not in str(refused.value)
    assert team.member not in str(refused.value)


def test_a_closed_port_is_offline(pg_cluster: PgCluster) -> None:
    dsn = pg_cluster.dsn("someone", "Secret-Password-42").replace(
        f"port={pg_cluster.port}", "port=1"
    )
    with pytest.raises(ServerUnreachable) as offline:
        server.connect(dsn, timeout=2)
    assert "Secret-Password-42" not in str(offline.value)


def test_a_connection_cut_during_the_tls_handshake_is_offline_not_insecure() -> None:
    """libpq calls it "SSL error: unexpected eof": a network failure, not a forged server."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def agree_to_tls_then_hang_up() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(8)  # the SSLRequest
            conn.sendall(b"S")

    thread = threading.Thread(target=agree_to_tls_then_hang_up, daemon=True)
    thread.start()
    try:
        with pytest.raises(ServerUnreachable):
            server.connect(f"host=127.0.0.1 port={port} dbname=t user=u sslmode=require")
    finally:
        thread.join(5)
        listener.close()


def test_a_server_whose_certificate_does_not_match_is_insecure(team_db: TeamDb) -> None:
    dsn = team_db.owner_dsn.replace("host=localhost", "host=casetracker.invalid")
    with pytest.raises(InsecureConnection) as insecure:
        server.connect(dsn)
    assert team_db.owner_password not in str(insecure.value)


def test_a_page_of_records_stops_before_it_passes_its_size(team: Team) -> None:
    with team.login(team.admin) as admin:
        admin.append(1, server.KIND_MEMBER_LIST, b"m" * 3000)
        for seq in range(2, 6):
            admin.append(seq, server.KIND_CHANGE_SET, bytes([seq]) * 1000)
        assert [row.seq for row in admin.records_after(0, max_bytes=10)] == [1]
        assert [row.seq for row in admin.records_after(0, max_bytes=5000)] == [1, 2, 3]
        assert [row.seq for row in admin.records_after(1, max_bytes=2999)] == [2, 3]
        assert [row.seq for row in admin.records_after(1, limit=3)] == [2, 3, 4]
        assert [row.seq for row in admin.records_after(5)] == []


def test_the_server_refuses_bodies_larger_than_a_record_may_be(team: Team) -> None:
    with team.login(team.member) as member, pytest.raises(ServerRefused):
        member.put_join_request(b"k" * (1024 * 1024 + 1))


def test_a_login_outside_the_team_cannot_connect_to_its_database(team: Team) -> None:
    team.db.superuser_sql("CREATE ROLE outsider_x LOGIN PASSWORD 'outsider words'")
    try:
        with pytest.raises(ServerRefused):
            server.connect(team.db.owner_dsn, role="outsider_x", password="outsider words")
    finally:
        team.db.superuser_sql("DROP ROLE outsider_x")


def test_a_dump_shows_a_body_kept_in_clear(team: Team) -> None:
    """The fixture's dump is what "the server holds no names" tests search: it must find a name
    that a careless client stored in clear (pg_dump alone writes bytea as hex)."""
    with team.login(team.member) as member:
        member.put_join_request("Zzyxqmarker Щщёмаркер".encode())
    dump = team.db.dump()
    assert "Zzyxqmarker Щщёмаркер".encode() in dump
    assert b"CREATE TABLE casetracker.log" in dump
