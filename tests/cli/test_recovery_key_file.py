"""``passwd`` and ``recovery-key`` with ``--recovery-key-file``: the way back in when the
passphrase is forgotten, without ever asking for it."""

from pathlib import Path

import pytest

from casetracker.services.workspace import Workspace
from tests.cli.conftest import RunCli


@pytest.fixture
def vault_and_key(tmp_path: Path, cli: RunCli) -> tuple[Path, Path]:
    path = tmp_path / "v.ctvault"
    code, out, err = cli("init", path)
    assert code == 0, err
    key_file = tmp_path / "recovery.txt"
    key_file.write_text(out.strip().splitlines()[-1].strip() + "\n", encoding="utf-8")
    return path, key_file


def test_passwd_with_the_recovery_key_file_never_needs_the_old_passphrase(
    vault_and_key: tuple[Path, Path], cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, key_file = vault_and_key
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", "forgotten, and wrong anyway")
    monkeypatch.setenv("CASETRACKER_NEW_PASSPHRASE", "a brand new passphrase")
    code, out, err = cli("passwd", path, "--recovery-key-file", key_file)
    assert code == 0, err
    assert "passphrase was changed" in out
    Workspace.open(path, passphrase="a brand new passphrase").close()
    # The recovery key itself still works.
    Workspace.open(path, recovery_key=key_file.read_text(encoding="utf-8").strip()).close()


def test_passwd_with_the_recovery_key_still_applies_the_passphrase_policy(
    vault_and_key: tuple[Path, Path], cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, key_file = vault_and_key
    monkeypatch.setenv("CASETRACKER_NEW_PASSPHRASE", "short")
    code, _, err = cli("passwd", path, "--recovery-key-file", key_file)
    assert code == 1 and "at least 10 characters" in err and err.count("\n") == 1


def test_recovery_key_with_the_recovery_key_file_replaces_it(
    vault_and_key: tuple[Path, Path], cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, key_file = vault_and_key
    monkeypatch.delenv("CASETRACKER_PASSPHRASE")
    code, out, err = cli("recovery-key", path, "--recovery-key-file", key_file)
    assert code == 0, err
    new_key = out.strip().splitlines()[-1].strip()
    Workspace.open(path, recovery_key=new_key).close()
    code, _, err = cli("recovery-key", path, "--recovery-key-file", key_file)
    assert code == 1 and "Traceback" not in err  # the old key no longer opens it


def test_an_unreadable_recovery_key_file_is_named_in_one_line(
    vault_and_key: tuple[Path, Path], cli: RunCli, tmp_path: Path
) -> None:
    path, _ = vault_and_key
    code, _, err = cli("passwd", path, "--recovery-key-file", tmp_path / "missing.txt")
    assert code == 1
    assert "recovery key file cannot be read" in err and err.count("\n") == 1
