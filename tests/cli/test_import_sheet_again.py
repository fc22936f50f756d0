"""`casetracker import` of the organisation's sample spreadsheet: every man kept, nobody twice,
and messages that say what to do in plain words."""

import json
from pathlib import Path

from tests.cli.conftest import RunCli

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "org-spreadsheet.csv"


def _vault(tmp_path: Path, cli: RunCli) -> Path:
    vault = tmp_path / "v.ctvault"
    assert cli("init", vault)[0] == 0
    return vault


def _cases(cli: RunCli, vault: Path) -> list[dict[str, str]]:
    rows = json.loads(cli("cases", vault, "--json")[1])
    assert isinstance(rows, list)
    return rows


def test_blank_bad_cells_imports_every_man_and_lists_what_was_left_empty(
    tmp_path: Path, cli: RunCli
) -> None:
    vault = _vault(tmp_path, cli)
    code, out, err = cli("import", vault, SAMPLE, "--blank-bad-cells")
    assert code == 0, out + err
    assert "Imported: 40 cases" in out
    assert "line 35: Телефон: “не даёт” is not a phone number — left empty" in out
    assert len(_cases(cli, vault)) == 40


def test_a_second_import_adds_nobody_and_the_dry_run_says_how_many_are_there(
    tmp_path: Path, cli: RunCli
) -> None:
    vault = _vault(tmp_path, cli)
    cli("import", vault, SAMPLE, "--blank-bad-cells")
    code, out, _ = cli("import", vault, SAMPLE, "--blank-bad-cells", "--dry-run")
    assert code == 0 and "Would import: 0 cases" in out
    assert "40 already in the vault, skipped (use --existing update" in out
    code, out, _ = cli("import", vault, SAMPLE, "--blank-bad-cells", "--existing", "update")
    assert code == 0 and "40 already in the vault, updated." in out
    assert len(_cases(cli, vault)) == 40


def test_without_the_options_the_messages_say_what_to_do_in_plain_words(
    tmp_path: Path, cli: RunCli
) -> None:
    vault = _vault(tmp_path, cli)
    code, out, _ = cli("import", vault, SAMPLE)
    assert code == 1 and "Nothing was imported: 2 row(s)" in out
    assert "--blank-bad-cells" in out and '--status-word "???=detained"' in out
    for jargon in ("JSON", "json", "mapping's statuses"):
        assert jargon not in out
    assert _cases(cli, vault) == []


def test_a_status_word_given_on_the_command_line_is_used_and_remembered(
    tmp_path: Path, cli: RunCli
) -> None:
    vault = _vault(tmp_path, cli)
    code, out, err = cli(
        "import", vault, SAMPLE, "--blank-bad-cells", "--status-word", "???=whereabouts_unknown"
    )
    assert code == 0, out + err
    assert "“???”" not in out
    andrei = next(r for r in _cases(cli, vault) if r["full_name"] == "Иванов Андрей Николаевич")
    assert andrei["status"] == "whereabouts_unknown"
    code, out, _ = cli("import", vault, SAMPLE, "--dry-run")  # the word is remembered
    assert "“???”" not in out


def test_a_status_word_without_a_status_is_refused_in_plain_words(
    tmp_path: Path, cli: RunCli
) -> None:
    vault = _vault(tmp_path, cli)
    code, _out, err = cli("import", vault, SAMPLE, "--status-word", "???=lost")
    assert code == 1 and "--status-word wants a word" in err and "whereabouts_unknown" in err


def test_the_spreadsheet_options_on_a_casetracker_csv_are_refused_in_plain_words(
    tmp_path: Path, cli: RunCli
) -> None:
    vault = _vault(tmp_path, cli)
    canonical = tmp_path / "c.csv"
    canonical.write_text("case_ref,full_name,birth_date\n,Иванов Иван,давно\n", "utf-8")
    code, _out, err = cli("import", vault, canonical, "--blank-bad-cells")
    assert code == 1 and "--skip-bad" in err and "your own spreadsheets" in err
    assert _cases(cli, vault) == []


def test_the_preview_names_the_fields_in_words(tmp_path: Path, cli: RunCli) -> None:
    vault = _vault(tmp_path, cli)
    code, out, _ = cli("import", vault, SAMPLE, "--preview", "1")
    assert code == 0
    assert "Последняя связь              -> Last contact (last_contact_date)" in out
    assert "line 2: Full name: Смирнов Максим Иванович; Date of birth: 07.01.1977" in out
    assert "last_contact_date=" not in out
