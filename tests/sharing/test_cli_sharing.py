"""The sharing commands end to end: keys, recipients, export, open-bundle, import-bundle, sheets."""

import json
import re
from argparse import Namespace
from pathlib import Path

import pytest

from casetracker.cli.sharing_commands import is_sheet_import
from tests.conftest import PASSPHRASE
from tests.sharing.conftest import RunCli
from tests.sharing.test_spreadsheet import SAMPLE


@pytest.fixture
def vaults(tmp_path: Path, cli: RunCli) -> tuple[Path, Path]:
    a, b = tmp_path / "a.ctvault", tmp_path / "b.ctvault"
    for vault in (a, b):
        code, _out, err = cli("init", vault)
        assert code == 0, err
    code, _out, err = cli("demo", a, "--cases", "6")
    assert code == 0, err
    return a, b


def _public_key(cli: RunCli, vault: Path) -> dict[str, str]:
    code, out, err = cli("keys", vault, "--json")
    assert code == 0, err
    return json.loads(out)


def test_keys_shows_the_public_key_and_a_short_fingerprint(
    vaults: tuple[Path, Path], cli: RunCli
) -> None:
    a, _b = vaults
    keys = _public_key(cli, a)
    assert keys["age_public_key"].startswith("age1") and len(keys["fingerprint"]) == 24
    code, out, _ = cli("keys", a)
    assert code == 0 and keys["fingerprint"] in out and keys["age_public_key"] in out
    assert "AGE-SECRET-KEY" not in out
    assert _public_key(cli, a) == keys  # made once, kept in the vault


def test_the_address_book(vaults: tuple[Path, Path], cli: RunCli) -> None:
    a, b = vaults
    key_b = _public_key(cli, b)["age_public_key"]
    code, out, err = cli("recipients", a, "add", "Адвокат Петрова", key_b, "--role", "lawyer")
    assert code == 0, err
    assert "fingerprint" in out
    code, out, _ = cli("recipients", a, "list")
    assert "Адвокат Петрова (lawyer)" in out and key_b in out
    code, _out, err = cli("recipients", a, "add", "Кто-то", "age1notakey")
    assert code == 1 and "age public key" in err and err.count("\n") == 1
    code, _out, err = cli("recipients", a, "add", "Адвокат Петрова", key_b)
    assert code == 1 and "already" in err
    assert cli("recipients", a, "remove", "адвокат петрова")[0] == 0
    assert json.loads(cli("recipients", a, "list", "--json")[1]) == []


def test_export_open_and_import_round_trip(
    vaults: tuple[Path, Path], cli: RunCli, tmp_path: Path
) -> None:
    a, b = vaults
    key_b = _public_key(cli, b)["age_public_key"]
    fingerprint_a = _public_key(cli, a)["fingerprint"]
    cli("recipients", a, "add", "Фонд Б", key_b)
    bundle = tmp_path / "out.age"
    code, out, err = cli(
        "export", a, "--all", "--to", "Фонд Б", "--profile", "lawyer", "-o", bundle,
        "--without-consent", "held incommunicado",
    )  # fmt: skip
    assert code == 0, err
    assert fingerprint_a in out and bundle.read_bytes().startswith(b"age-encryption.org/v1")
    code, _out, err = cli(
        "export", a, "--all", "--to", "Фонд Б", "--profile", "lawyer", "-o", bundle,
        "--without-consent", "held incommunicado",
    )  # fmt: skip
    assert code == 1 and "already exists" in err
    keys_a = _public_key(cli, a)  # B adds A after comparing the fingerprint by phone
    cli("recipients", b, "add", "Фонд А", keys_a["age_public_key"], "--signing-key",
        keys_a["signing_key"])  # fmt: skip
    code, out, err = cli("import-bundle", b, bundle)
    assert code == 0, err
    assert fingerprint_a in out and re.search(r"Imported: [1-9][0-9]* added", out)
    assert "known here as: Фонд А" in out
    assert "0 conflict(s)" in out
    first = json.loads(cli("cases", a, "--json")[1])
    second = json.loads(cli("cases", b, "--json")[1])
    assert [c["full_name"] for c in first] == [c["full_name"] for c in second]
    code, out, err = cli("import-bundle", b, bundle, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["added"] == {} and report["updated"] == {} and report["conflicts"] == []


def test_open_bundle_without_the_key_fails_in_one_line(
    vaults: tuple[Path, Path], cli: RunCli, tmp_path: Path
) -> None:
    a, b = vaults
    key_b = _public_key(cli, b)["age_public_key"]
    bundle = tmp_path / "out.age"
    cli(
        "export", a, "--case", "CT-0001", "--to", key_b, "--profile", "anonymised", "-o", bundle,
        "--without-consent", "statistics",
    )  # fmt: skip
    code, out, err = cli("import-bundle", a, bundle)  # A's own key is not a recipient
    assert code == 1 and "not addressed to this key" in err and out == ""
    code, _out, err = cli("import-bundle", b, bundle)
    assert code == 1 and "anonymised" in err


def test_export_with_a_bundle_passphrase_is_not_the_vault_passphrase(
    vaults: tuple[Path, Path], cli: RunCli, tmp_path: Path
) -> None:
    a, _b = vaults
    short = tmp_path / "short.txt"
    short.write_text("short\n")
    code, _out, err = cli(
        "export", a, "--all", "--bundle-passphrase-file", short, "--profile", "lawyer",
        "-o", tmp_path / "p.age", "--passphrase-file", tmp_path / "missing",
    )  # fmt: skip
    assert code == 1  # the vault's passphrase file is missing: the vault stays shut
    vault_secret = tmp_path / "vault.txt"
    vault_secret.write_text(PASSPHRASE)
    code, _out, err = cli(
        "export", a, "--all", "--bundle-passphrase-file", short, "--profile", "lawyer",
        "-o", tmp_path / "p.age", "--passphrase-file", vault_secret,
    )  # fmt: skip
    assert code == 1 and "at least 10 characters" in err
    assert not (tmp_path / "p.age").exists()


def test_import_sheet_lists_unreadable_rows_and_imports_the_rest(
    vaults: tuple[Path, Path], cli: RunCli, tmp_path: Path
) -> None:
    _a, b = vaults
    code, out, _err = cli("import-sheet", b, SAMPLE)
    assert code == 1 and "Nothing was imported: 2 row(s)" in out
    assert "line 35: Телефон: “не даёт” is not a phone number" in out
    code, out, err = cli("import-sheet", b, SAMPLE, "--preview", "3")
    assert code == 0, err
    assert "Последняя связь" in out and "last_contact_date" in out and "line 2:" in out
    mapping = tmp_path / "map.json"
    assert cli("import-sheet", b, SAMPLE, "--write-mapping", mapping)[0] == 0
    edited = json.loads(mapping.read_text())
    edited["statuses"] = {"???": "whereabouts_unknown"}
    mapping.write_text(json.dumps(edited, ensure_ascii=False))
    code, out, err = cli("import-sheet", b, SAMPLE, "--mapping", mapping, "--skip-bad")
    assert code == 0, err
    # The five "давно" dates are read (unknown, before the import); "???" now has a meaning.
    assert "Imported: 39 cases" in out and "line 35:" in out and "“???”" not in out
    rows = json.loads(cli("cases", b, "--json")[1])
    assert len(rows) == 39


def test_import_hands_spreadsheets_to_the_sheet_importer(tmp_path: Path) -> None:
    canonical = tmp_path / "c.csv"
    canonical.write_text("case_ref,full_name\n,Иванов\n")
    for path, options, expected in (
        (canonical, {}, False),
        (canonical, {"mapping": tmp_path / "m.json"}, True),
        (SAMPLE, {}, True),
        (tmp_path / "book.xlsx", {}, True),
    ):
        args = Namespace(file=path, mapping=None, write_mapping=None, preview=None)
        for key, value in options.items():
            setattr(args, key, value)
        assert is_sheet_import(args) is expected, path


def test_the_import_command_can_hand_over_to_the_sheet_importer(
    vaults: tuple[Path, Path], cli: RunCli, capsys: pytest.CaptureFixture[str]
) -> None:
    """The fold-in offered to cli/case_commands.py: same options, one extra check."""
    from argparse import ArgumentParser

    from casetracker.cli.sharing_commands import add_sheet_arguments, cmd_import_sheet

    _a, b = vaults
    parser = ArgumentParser()  # what `casetracker import` declares, plus the sheet options
    parser.add_argument("vault", type=Path)
    parser.add_argument("file", type=Path)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--skip-bad", action="store_true")
    parser.add_argument("--passphrase-file")
    parser.add_argument("--actor", default="tester")
    add_sheet_arguments(parser)
    args = parser.parse_args([str(b), str(SAMPLE), "--skip-bad"])
    assert is_sheet_import(args)
    assert cmd_import_sheet(args) == 0
    assert "Imported: 38 cases" in capsys.readouterr().out
