import json
from pathlib import Path

from tests.cli.conftest import RunCli

HEADER = (
    "case_ref,full_name,name_is_changed,aliases,birth_date,home_region,military_unit,"
    "contract_type,status,refusal_date,detention_date,facility,facility_kind,settlement,region,"
    "custody_since,relative_name,relative_relationship,relative_phone,relative_anonymous,"
    "relative_share_with_lawyer,last_contact_date,last_contact_direct,last_contact_note,notes"
)


def _csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "cases.csv"
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")
    return path


GOOD = (
    "CT-0100,Смирнов Максим Иванович,нет,Smirnov Maksim,07.01.1977,Тыва,в/ч 21005,контракт,"
    "detained,2022-07-08,10.07.2022,Подвал комендатуры,basement,Брянка,ЛНР,2022-07-10,"
    ",отец,+7 980 534-17-82,да,нет,19.07.2022,да,Двоих увезли в СИЗО,"
)
SAME_PLACE = (
    ",Иванов Степан,,,,,,,detained,,,подвал КОМЕНДАТУРЫ,,Bryanka,,,Юрий Иванов,отец,"
    "+7 984 684-91-34,no,yes,,,,"
)
BAD = ",Ершов Николай,,,давно,,,,detained,,,,,,,,,,,,,,,,"


def test_import_reads_the_canonical_csv(tmp_path: Path, cli: RunCli) -> None:
    vault = tmp_path / "v.ctvault"
    cli("init", vault)
    code, out, err = cli("import", vault, _csv(tmp_path, GOOD, SAME_PLACE))
    assert code == 0, out + err
    assert "2 cases, 1 new places, 2 new relatives, 1 contacts" in out
    rows = json.loads(cli("cases", vault, "--json")[1])
    smirnov = next(r for r in rows if r["ref"] == "CT-0100")
    assert smirnov["facility"] == "Подвал комендатуры"
    assert smirnov["last_proof_of_life"].startswith("2022-07-19")
    assert {r["facility"] for r in rows} == {"Подвал комендатуры"}


def test_bad_rows_are_listed_and_nothing_is_written_without_skip_bad(
    tmp_path: Path, cli: RunCli
) -> None:
    vault = tmp_path / "v.ctvault"
    cli("init", vault)
    csv_file = _csv(tmp_path, GOOD, BAD)
    code, out, _ = cli("import", vault, csv_file)
    assert code == 1
    assert "line 3: birth_date" in out and "Nothing was imported" in out
    assert json.loads(cli("cases", vault, "--json")[1]) == []
    code, out, _ = cli("import", vault, csv_file, "--skip-bad")
    assert code == 0
    assert len(json.loads(cli("cases", vault, "--json")[1])) == 1


def test_dry_run_reports_and_writes_nothing(tmp_path: Path, cli: RunCli) -> None:
    vault = tmp_path / "v.ctvault"
    cli("init", vault)
    code, out, _ = cli("import", vault, _csv(tmp_path, GOOD), "--dry-run")
    assert code == 0 and "Dry run" in out and "1 cases" in out
    assert json.loads(cli("cases", vault, "--json")[1]) == []


def test_importing_the_same_file_twice_skips_known_references(tmp_path: Path, cli: RunCli) -> None:
    vault = tmp_path / "v.ctvault"
    cli("init", vault)
    csv_file = _csv(tmp_path, GOOD)
    cli("import", vault, csv_file)
    code, out, _ = cli("import", vault, csv_file)
    assert code == 0 and "already in the vault" in out
    assert len(json.loads(cli("cases", vault, "--json")[1])) == 1


def test_cases_json_carries_the_documented_fields(demo_vault: Path, cli: RunCli) -> None:
    code, out, _ = cli("cases", demo_vault, "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 60
    for key in ("ref", "full_name", "status", "facility", "last_contact", "last_proof_of_life"):
        assert key in rows[0]


def test_cases_filter_by_status_and_search(demo_vault: Path, cli: RunCli) -> None:
    rows = json.loads(cli("cases", demo_vault, "--json", "--status", "detained")[1])
    assert rows and {r["status"] for r in rows} == {"detained"}
    name = rows[0]["full_name"].split()[0]
    found = json.loads(cli("cases", demo_vault, "--json", "--search", name.upper())[1])
    assert rows[0]["ref"] in {r["ref"] for r in found}


def test_log_contact_direct_moves_proof_of_life(demo_vault: Path, cli: RunCli) -> None:
    code, _, err = cli(
        "log-contact",
        demo_vault,
        "--case",
        "ct-0001",
        "--date",
        "2030-01-01",
        "--direct",
        "--channel",
        "visit",
        "--note",
        "жив",
    )
    assert code == 1 and "future" in err
    code, _out, err = cli(
        "log-contact",
        demo_vault,
        "--case",
        "ct-0001",
        "--date",
        "2024-01-02",
        "--direct",
        "--channel",
        "visit",
        "--reports-transfer",
    )
    assert code == 0, err
    rows = json.loads(cli("cases", demo_vault, "--json")[1])
    row = next(r for r in rows if r["ref"] == "CT-0001")
    assert row["last_contact"].startswith("2024-01-02") or row["last_contact"] > "2024-01-02"


def test_second_hand_news_does_not_count_as_proof_of_life(tmp_path: Path, cli: RunCli) -> None:
    vault = tmp_path / "v.ctvault"
    cli("init", vault)
    cli("import", vault, _csv(tmp_path, GOOD))
    cli("log-contact", vault, "--case", "CT-0100", "--date", "2022-08-01", "--second-hand")
    [row] = json.loads(cli("cases", vault, "--json")[1])
    assert row["last_contact"].startswith("2022-08-01")
    assert row["last_proof_of_life"].startswith("2022-07-19")


def test_unknown_case_is_one_line(demo_vault: Path, cli: RunCli) -> None:
    code, _, err = cli("log-contact", demo_vault, "--case", "CT-9999", "--date", "2024-01-02")
    assert code == 1 and err == "casetracker: There is no case CT-9999.\n"
