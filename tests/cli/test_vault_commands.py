import json
from pathlib import Path

import pytest

from casetracker.cli.main import main
from tests.cli.conftest import RunCli
from tests.conftest import PASSPHRASE


def test_init_creates_a_vault_and_prints_the_recovery_key_once(tmp_path: Path, cli: RunCli) -> None:
    code, out, err = cli("init", tmp_path / "v.ctvault")
    assert code == 0, err
    assert "Recovery key" in out
    assert (tmp_path / "v.ctvault").exists()


def test_init_refuses_a_short_passphrase(tmp_path: Path, cli: RunCli, monkeypatch) -> None:
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", "short")
    code, _, err = cli("init", tmp_path / "v.ctvault")
    assert code == 1 and "at least 10 characters" in err
    assert not (tmp_path / "v.ctvault").exists()


def test_init_refuses_to_overwrite(tmp_path: Path, cli: RunCli) -> None:
    cli("init", tmp_path / "v.ctvault")
    code, _, err = cli("init", tmp_path / "v.ctvault")
    assert code == 1 and err.count("\n") == 1


def test_wrong_passphrase_is_one_line_and_exit_1(
    demo_vault: Path, cli: RunCli, monkeypatch
) -> None:
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", "not the passphrase at all")
    code, out, err = cli("cases", demo_vault)
    assert code == 1
    assert err == "casetracker: The passphrase is not correct.\n"
    assert "Traceback" not in out + err


def test_passphrase_file_wins_over_the_environment(
    demo_vault: Path, cli: RunCli, tmp_path: Path, monkeypatch
) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", "wrong wrong wrong")
    code, _, err = cli("cases", demo_vault, "--passphrase-file", secret)
    assert code == 0, err


def test_no_passphrase_and_no_terminal_is_a_clear_error(
    demo_vault: Path, cli: RunCli, monkeypatch
) -> None:
    monkeypatch.delenv("CASETRACKER_PASSPHRASE")
    code, _, err = cli("cases", demo_vault)
    assert code == 1 and "--passphrase-file" in err


def test_info_counts_tables_and_describes_protection(demo_vault: Path, cli: RunCli) -> None:
    code, out, _ = cli("info", demo_vault, "--json")
    assert code == 0
    info = json.loads(out)
    assert info["counts"]["case"] == 60
    assert info["file"]["kdf"]["memory_kib"] >= 65536
    code, out, _ = cli("info", demo_vault)
    assert "Argon2id" in out


def test_passwd_changes_the_passphrase_and_keeps_the_data(
    demo_vault: Path, cli: RunCli, monkeypatch
) -> None:
    monkeypatch.setenv("CASETRACKER_NEW_PASSPHRASE", "a brand new passphrase")
    code, _, err = cli("passwd", demo_vault)
    assert code == 0, err
    assert cli("cases", demo_vault)[0] == 1
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", "a brand new passphrase")
    code, out, _ = cli("cases", demo_vault, "--json")
    assert code == 0 and len(json.loads(out)) == 60


def test_recovery_key_is_replaced_and_printed(demo_vault: Path, cli: RunCli) -> None:
    from casetracker.services.workspace import Workspace

    code, out, _ = cli("recovery-key", demo_vault)
    assert code == 0
    key = out.strip().splitlines()[-1].strip()
    with Workspace.open(demo_vault, recovery_key=key) as ws:
        assert ws.cases.count() == 60


def test_check_reports_a_healthy_vault_and_a_damaged_one(demo_vault: Path, cli: RunCli) -> None:
    code, out, _ = cli("check", demo_vault)
    assert code == 0, out
    data = bytearray(demo_vault.read_bytes())
    data[-100] ^= 0x01
    demo_vault.write_bytes(bytes(data))
    code, out, err = cli("check", demo_vault)
    assert code == 1
    assert "integrity check" in (out + err)


def test_backups_list_and_restore(demo_vault: Path, cli: RunCli) -> None:
    cli("log-contact", demo_vault, "--case", "CT-0001", "--date", "2024-01-02", "--direct")
    code, out, _ = cli("backups", demo_vault)
    assert code == 0 and out.strip()
    before = json.loads(cli("cases", demo_vault, "--json")[1])
    cli("log-contact", demo_vault, "--case", "CT-0002", "--date", "2024-01-03", "--direct")
    code, _, err = cli("restore", demo_vault, "--backup", "1")
    assert code == 0, err
    assert json.loads(cli("cases", demo_vault, "--json")[1]) == before


def test_every_command_has_help(capsys) -> None:
    for command in (
        "init",
        "info",
        "passwd",
        "recovery-key",
        "check",
        "import",
        "cases",
        "log-contact",
        "demo",
        "backups",
        "restore",
    ):
        with pytest.raises(SystemExit) as exit_info:
            main([command, "--help"])
        assert exit_info.value.code == 0
        assert "usage: casetracker " + command in capsys.readouterr().out


def test_a_second_instance_is_told_the_vault_is_in_use(demo_vault: Path, cli: RunCli) -> None:
    from casetracker.services.workspace import Workspace

    with Workspace.open(demo_vault, passphrase=PASSPHRASE):
        code, _, err = cli("cases", demo_vault)
    assert code == 1 and "open on" in err


def test_passwd_asks_twice_at_a_terminal_and_refuses_a_mismatch(
    demo_vault: Path, cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["a brand new passphrase", "a brand new passphrasE"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda _prompt: next(answers))
    code, _, err = cli("passwd", demo_vault)
    assert code == 1 and "not the same" in err
    answers = iter(["a brand new passphrase", "a brand new passphrase"])
    code, _, err = cli("passwd", demo_vault)
    assert code == 0, err


def test_the_passphrase_prompt_is_used_when_nothing_else_is_given(
    demo_vault: Path, cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CASETRACKER_PASSPHRASE")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda _prompt: PASSPHRASE)
    code, out, err = cli("cases", demo_vault)
    assert code == 0, err
    assert "60 case(s)" in out


def test_starting_the_app_without_a_screen_is_one_line_not_an_abort(
    cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    code, _, err = cli()
    assert code == 1
    assert err.startswith("casetracker: No screen") and err.count("\n") == 1


def test_self_test_runs_the_whole_chain_and_exits_0(cli: RunCli) -> None:
    code, out, err = cli("--self-test")
    assert code == 0, out + err
    assert "Self-test passed" in out
