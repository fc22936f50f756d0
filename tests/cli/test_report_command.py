"""`report` through the real command line: a plain table, CSV files, references on request."""

import csv
import io
from datetime import date
from pathlib import Path

from casetracker.model import CaseStatus
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR
from tests.cli.conftest import RunCli
from tests.conftest import PASSPHRASE


def _vault(tmp_path: Path) -> Path:
    path = tmp_path / "v.ctvault"
    ws, _key = Workspace.create(path, PASSPHRASE, kdf=FLOOR)
    with ws:
        ws.cases.create(
            "=cmd|' /C calc'!A0", status=CaseStatus.DETAINED, detention_date=date(2024, 6, 30)
        )
        ws.cases.create("Гусев Пётр", status=CaseStatus.DETAINED, detention_date=date(2024, 7, 1))
        place = ws.facilities.create("=Подвал школы")
        ws.custody.move("CT-0001", place.id, since=date(2024, 7, 1))
    return path


def _read(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def test_report_prints_a_plain_table(tmp_path: Path, cli: RunCli) -> None:
    vault = _vault(tmp_path)
    code, out, err = cli("report", vault, "--which", "detentions-monthly", "--as-of", "15.07.2024")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "New detentions per month"
    assert lines[1].split() == ["Month", "Detention", "date", "Detentions"]
    rows = [line.split() for line in lines[2:]]
    assert len(rows) == 13  # the last twelve months, and a blank line
    assert rows[-3:] == [["2024-06", "month", "known", "1"], ["2024-07", "month", "known", "1"], []]
    assert "CT-000" not in out  # counts only unless asked


def test_report_all_writes_one_csv_per_report_counts_only(tmp_path: Path, cli: RunCli) -> None:
    vault = _vault(tmp_path)
    target = tmp_path / "out" / "july.csv"
    target.parent.mkdir()
    code, out, err = cli("report", vault, "--csv", target, "--as-of", "2024-07-15")
    assert code == 0, err
    written = sorted(p.name for p in target.parent.iterdir())
    assert sorted(Path(line).name for line in out.splitlines()) == written  # each path said
    assert written == [
        "july-detentions-monthly.csv", "july-places-timeline.csv",
        "july-silence-weeks.csv", "july-status-monthly.csv",
    ]  # fmt: skip
    places = _read(target.parent / "july-places-timeline.csv")
    assert places[0] == ["Month", "Place", "Men held"]
    # A place's name never runs as a formula; one man there is "fewer than 5" (anonymity_k).
    assert ["2024-07", "'=Подвал школы", "<5"] in places
    for name in written:
        text = (target.parent / name).read_text(encoding="utf-8-sig")
        assert "CT-0001" not in text and "calc" not in text


def test_report_with_refs_names_the_cases_and_overwrites_only_if_told(
    tmp_path: Path, cli: RunCli
) -> None:
    vault = _vault(tmp_path)
    target = tmp_path / "silence.csv"
    args = ("report", vault, "--which", "silence-weeks", "--csv", target, "--with-refs")
    code, _out, err = cli(*args, "--as-of", "2024-07-14")
    assert code == 0, err
    rows = _read(target)
    assert rows[0] == ["Without proof of life", "Group", "Men", "Case references"]
    assert ["2–4 weeks", "held", "1", "CT-0001"] in rows  # detained 30 June: 14 days
    assert ["1–2 weeks", "held", "1", "CT-0002"] in rows  # detained 1 July: 13 days
    code, _out, err = cli(*args)
    assert code == 1 and "already exists" in err
    code, _out, err = cli(*args, "--force")  # replaced when asked for
    assert code == 0, err
    missing = tmp_path / "no such folder" / "silence.csv"
    code, _out, err = cli("report", vault, "--which", "silence-weeks", "--csv", missing)
    assert code == 1 and str(missing) in err and ".tmp-" not in err
