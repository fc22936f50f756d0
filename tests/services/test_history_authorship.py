"""History names the team member whose signed change set brought an entry (issue 17)."""

from pathlib import Path

from casetracker.services.history import case_history
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR
from tests.cli.conftest import RunCli, as_json, cli
from tests.conftest import PASSPHRASE
from tests.team.conftest import TeamDb, pg_cluster, team_db

# The team tests' PostgreSQL and the command line tests' runner, used here too.
__all__ = ["cli", "pg_cluster", "team_db"]


def _vault(tmp_path: Path, actor: str) -> Workspace:
    ws, _ = Workspace.create(tmp_path / actor / "v.ctvault", PASSPHRASE, kdf=FLOOR, actor=actor)
    return ws


def test_an_entry_from_a_teammate_shows_who_signed_it(
    team_db: TeamDb, tmp_path: Path, cli: RunCli
) -> None:
    anna, boris = _vault(tmp_path, "anna"), _vault(tmp_path, "boris")
    try:
        case = anna.cases.create("Ivan Markerov", home_region="Oblast One")
        anna.team.init(team_db.owner_dsn, "Anna Markerova")
        boris.team.join(anna.team.invite("Boris Markerin"))
        anna.team.sync()  # lets him in
        boris.team.sync()
        boris.cases.update(case.ref, notes="seen in the garage")
        boris.team.sync()
        anna.team.sync()

        by_boris = [e for e in case_history(anna, case.ref) if e.actor == "boris"]
        assert by_boris and {e.signed_by for e in by_boris} == {"Boris Markerin"}
        # Anna's own entries went to the team under her signature too; a local vault's none.
        assert {e.signed_by for e in case_history(anna, case.ref) if e.actor == "anna"} == {
            "Anna Markerova"
        }

        anna.team.remove("Boris Markerin")
        by_boris = [e for e in case_history(anna, case.ref) if e.actor == "boris"]
        assert {e.signed_by for e in by_boris} == {"a former member"}
    finally:
        anna.close()
        boris.close(save=False)
    code, out, err = cli("history", tmp_path / "anna" / "v.ctvault", case.ref)
    assert code == 0, err
    assert "boris (signed by a former member)  case changed" in out
    code, out, err = cli("history", tmp_path / "anna" / "v.ctvault", case.ref, "--json")
    entries = as_json(out)
    assert isinstance(entries, list)
    assert {e["signed_by"] for e in entries if e["actor"] == "anna"} == {"Anna Markerova"}
