"""`same-person` through the real command line: mark, list, not the same, merge."""

import json
from datetime import datetime
from pathlib import Path

from casetracker.services.duplicates import possible_duplicates
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR
from tests.cli.conftest import RunCli
from tests.conftest import PASSPHRASE


def _vault(tmp_path: Path) -> Path:
    path = tmp_path / "v.ctvault"
    ws, _key = Workspace.create(path, PASSPHRASE, kdf=FLOOR)
    with ws:
        for name in ("Александр Смирнов", "Aleksandr Smirnov", "Пётр Иванов"):
            case = ws.cases.create(name)
            ws.contacts.log(case.id, datetime(2024, 7, 19, 18, 0), direct=True)
    return path


def test_mark_list_and_not_same(tmp_path: Path, cli: RunCli) -> None:
    vault = _vault(tmp_path)
    code, out, err = cli("same-person", vault, "ct-0001", "CT-0003", "--likely", "--note", "фото")
    assert code == 0, err
    assert "the same man as CT-0003 (likely): Пётр Иванов" in out and "фото" in out
    code, out, _ = cli("duplicates", vault)
    assert out.splitlines() == [
        "CT-0001 Александр Смирнов  /  CT-0002 Aleksandr Smirnov: same name, spelt differently",
        "1 possible duplicate pair(s)",
    ]
    code, out, err = cli("same-person", vault, "CT-0001", "CT-0002", "--not-same")
    assert code == 0, err
    code, out, _ = cli("duplicates", vault, "--json")
    assert json.loads(out) == []
    code, out, _ = cli("same-person", vault, "CT-0003", "--json")
    assert [(x["other"], x["verdict"], x["certainty"]) for x in json.loads(out)] == [
        ("CT-0001", "same", "likely")
    ]
    with Workspace.open(vault, passphrase=PASSPHRASE) as ws:
        assert possible_duplicates(ws) == []  # the Smirnov pair is never proposed again
    code, out, _ = cli("same-person", vault, "CT-0001", "CT-0002", "--unmark")
    assert "not the same man as CT-0002" not in out
    code, _, err = cli("same-person", vault, "CT-0001", "CT-0002")
    assert code != 0 and "--merge" in err


def test_merge_prints_what_moved(tmp_path: Path, cli: RunCli) -> None:
    vault = _vault(tmp_path)
    code, out, err = cli("same-person", vault, "CT-0001", "CT-0002", "--merge")
    assert code == 0, err
    assert "CT-0002 was merged into CT-0001." in out
    assert "1 contact in the log" in out
    code, out, _ = cli("cases", vault, "--search", "CT-0002", "--json")
    assert [c["ref"] for c in json.loads(out)] == ["CT-0001"]
    with Workspace.open(vault, passphrase=PASSPHRASE) as ws:
        assert len(ws.contacts.for_case("CT-0001")) == 2
    # The old reference, typed where a case is needed, says where the man is now.
    code, _, err = cli("log-contact", vault, "--case", "ct-0002", "--date", "2024-07-20")
    assert code != 0 and "There is no case ct-0002. It was merged into CT-0001." in err
