"""The team commands, as a person types them, against a real PostgreSQL."""

import io
import json
from pathlib import Path

import pytest

from tests.cli.conftest import RunCli, cli  # noqa: F401  (the fixture)
from tests.team.conftest import TeamDb


def test_a_team_through_the_command_line(
    tmp_path: Path,
    cli: RunCli,  # noqa: F811
    team_db: TeamDb,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    anna, boris = tmp_path / "anna.ctvault", tmp_path / "boris.ctvault"
    assert cli("demo", anna, "--cases", "12")[0] == 0
    assert cli("init", boris)[0] == 0
    code, out, err = cli("team", "init", anna, "--server", team_db.owner_dsn, "--name", "Anna")
    assert code == 0, err
    assert "administrator" in out
    code, invitation, err = cli("team", "invite", anna, "Boris")
    assert code == 0 and "in person" in err
    # The code is pasted at the prompt, never put on the command line.
    monkeypatch.setattr("sys.stdin", io.StringIO(invitation))
    # Boris keeps the team's CA certificate somewhere else than Anna does.
    his_ca = tmp_path / "boris-has-it-here.crt"
    his_ca.write_bytes(team_db.cluster.ca.read_bytes())
    code, out, err = cli("team", "join", boris, "--server-ca", his_ca)
    assert code == 0, err
    assert "administrator's next sync" in out
    assert "joined the team" in cli("sync", anna)[1]
    code, out, err = cli("sync", boris)
    assert code == 0, err
    rows = json.loads(cli("cases", boris, "--json")[1])
    assert len(rows) == 12
    assert str(his_ca) in _dsn_of(boris)
    code, out, _ = cli("team", "members", boris)
    assert "Anna  (administrator)" in out and "Boris  (you)" in out
    # Same field, both sides: a conflict to decide, decided from the command line.
    ref = rows[0]["ref"]
    assert cli("set-status", anna, ref, "released", "--on", "2026-11-02")[0] == 0
    assert cli("set-status", boris, ref, "deceased", "--on", "2026-11-03")[0] == 0
    cli("sync", anna)
    assert "1 conflict(s) to decide" in cli("sync", boris)[1]
    cli("sync", anna)  # the conflict reaches every side
    code, out, _ = cli("team", "conflicts", anna)
    assert "case.status" in out and "1 conflict(s)" in out, out
    number = out.split()[0]
    assert cli("team", "resolve", anna, number, "--take")[0] == 0
    cli("sync", anna)
    cli("sync", boris)
    assert "0 conflict(s)" in cli("team", "conflicts", boris)[1]
    code, out, _ = cli("team", "remove", anna, "Boris")
    assert code == 0 and "no longer a member" in out
    code, _, err = cli("sync", boris)
    assert code != 0 and "Traceback" not in err


def test_join_refuses_a_damaged_code(tmp_path: Path, cli: RunCli) -> None:  # noqa: F811
    vault = tmp_path / "v.ctvault"
    cli("init", vault)
    code, _, err = cli("team", "join", vault, "CTINV1-garbage")
    assert code != 0
    assert "damaged" in err and "Traceback" not in err


def _dsn_of(vault: Path) -> str:
    from casetracker.services.workspace import Workspace
    from tests.conftest import PASSPHRASE

    with Workspace.open(vault, passphrase=PASSPHRASE) as ws:
        state = ws.team.state()
        assert state is not None
        return state.dsn


def test_join_says_where_the_missing_certificate_should_be(
    tmp_path: Path,
    cli: RunCli,  # noqa: F811
    team_db: TeamDb,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from casetracker.services.team import Invitation, _with_ca

    anna, boris = tmp_path / "anna.ctvault", tmp_path / "boris.ctvault"
    cli("init", anna)
    cli("init", boris)
    assert cli("team", "init", anna, "--server", team_db.owner_dsn, "--name", "Anna")[0] == 0
    genuine = Invitation.decode(cli("team", "invite", anna, "Boris")[1])
    elsewhere = str(tmp_path / "only-on-annas-laptop.crt")
    moved = Invitation(**{**genuine.__dict__, "dsn": _with_ca(genuine.dsn, elsewhere)})
    monkeypatch.setattr("sys.stdin", io.StringIO(moved.encode()))
    code, _, err = cli("team", "join", boris)
    assert code != 0
    assert "only-on-annas-laptop.crt" in err and "--server-ca" in err
