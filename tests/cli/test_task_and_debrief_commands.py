"""`tasks`, `task-add`, `task-done`, `debrief` and `seen-by` through the real command line."""

import json
from datetime import date, timedelta
from pathlib import Path

from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR
from tests.cli.conftest import RunCli
from tests.conftest import PASSPHRASE
from tests.services.debrief_cases import witness_and_other


def _vault(tmp_path: Path) -> Path:
    path = tmp_path / "v.ctvault"
    ws, _key = Workspace.create(path, PASSPHRASE, kdf=FLOOR)
    with ws:
        witness_and_other(ws, "Свидетель Иван", "Молчит Пётр")
    return path


def test_tasks_are_added_listed_and_done(tmp_path: Path, cli: RunCli) -> None:
    vault = _vault(tmp_path)
    yesterday = (date.today() - timedelta(days=1)).strftime("%d.%m.%Y")
    code, out, err = cli(
        "task-add", vault, "ct-0002", "позвонить отцу", "--due", yesterday, "--assignee", "Анна"
    )
    assert code == 0, err
    short = out.split()[1]
    code, out, err = cli("task-add", vault, "CT-0001", "send the dossier")
    assert code == 0, err

    code, out, _ = cli("tasks", vault)
    lines = out.splitlines()
    assert lines[0].startswith(f"{short}  CT-0002")
    assert "overdue" in lines[0] and "позвонить отцу  (Анна)" in lines[0]
    assert "no due day" in lines[1]
    assert lines[-1] == "2 task(s)"

    code, out, err = cli("task-done", vault, short)
    assert (code, out.strip()) == (0, f"Task {short} done: позвонить отцу"), err
    listed = json.loads(cli("tasks", vault, "--all", "--json")[1])
    assert [(t["case_ref"], t["overdue"], bool(t["done_on"])) for t in listed] == [
        ("CT-0001", False, False),  # open before done
        ("CT-0002", False, True),
    ]
    assert cli("task-done", vault, short, "--undo")[0] == 0
    assert cli("tasks", vault, "--case", "CT-0002")[1].splitlines()[-1] == "1 task(s)"


def test_a_wrong_task_or_day_is_one_line_and_non_zero(tmp_path: Path, cli: RunCli) -> None:
    vault = _vault(tmp_path)
    code, _out, err = cli("task-add", vault, "CT-0001", "call", "--due", "31.02.2025")
    assert code != 0 and "There is no 31 February" in err
    code, _out, err = cli("task-done", vault, "deadbeef")
    assert code != 0 and err.count("\n") == 1


def test_debrief_lists_and_seen_by_logs_second_hand_news(tmp_path: Path, cli: RunCli) -> None:
    vault = _vault(tmp_path)
    code, out, err = cli("debrief", vault, "CT-0001")
    assert code == 0, err
    first, total = out.splitlines()
    assert first.startswith("CT-0002") and "Молчит Пётр" in first
    assert "Подвал школы 01.07.2024 – 10.07.2024" in first
    assert total == "1 man/men held with him"

    code, out, err = cli(
        "seen-by", vault, "CT-0001", "CT-0002", "--on", "25.07.2024", "--note", "жив"
    )
    assert code == 0, err
    assert "seen by CT-0001" in out
    assert "(he told us of him 25.07.2024)" in cli("debrief", vault, "CT-0001")[1]
    ws = Workspace.open(vault, passphrase=PASSPHRASE)
    with ws:
        (contact,) = ws.contacts.for_case("CT-0002")
        assert (contact.direct, contact.witness_case_id) == (False, ws.cases.get("CT-0001").id)
        (row,) = [r for r in ws.cases.rows() if r.ref == "CT-0002"]
        assert row.last_proof_of_life is None
