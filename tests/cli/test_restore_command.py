"""`restore` and `check` when the vault file itself is broken: damaged, cut off, a folder or
missing. The backup takes the main file's place; what stood there is kept beside it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from casetracker.storage.kdf import FLOOR
from casetracker.storage.vault_file import VaultFile
from tests.cli.conftest import RunCli
from tests.conftest import PASSPHRASE

NEW_PASSPHRASE = "a brand new passphrase"


@pytest.fixture
def saved_thrice(tmp_path: Path, cli: RunCli) -> Path:
    """A vault of three cases saved three more times: backups 1 (newest) to 4."""
    path = tmp_path / "my vault.ctvault"
    assert cli("demo", path, "--cases", "3")[0] == 0
    for day in ("01", "02", "03"):
        code, _, err = cli("log-contact", path, "--case", "CT-0001", "--date", f"2024-01-{day}")
        assert code == 0, err
    return path


def flip_payload(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-100] ^= 0x01
    path.write_bytes(bytes(data))


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:300])


def folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


BREAK: dict[str, Callable[[Path], None]] = {
    "damaged": flip_payload,
    "truncated": truncate,
    "folder": folder,
    "missing": Path.unlink,
}


def case_count(cli: RunCli, path: Path) -> int:
    code, out, err = cli("cases", path, "--json")
    assert code == 0, err
    rows = json.loads(out)
    return len(rows)


@pytest.mark.parametrize("kind", list(BREAK), ids=list(BREAK))
def test_restore_puts_a_backup_in_place_of_a_broken_vault_file(
    saved_thrice: Path, cli: RunCli, kind: str
) -> None:
    path = saved_thrice
    BREAK[kind](path)
    code, out, _ = cli("check", path)
    assert code == 1
    last = out.strip().splitlines()[-1]
    assert last.startswith("To go back to the newest readable backup (")
    assert last.endswith(f"casetracker restore '{path}' --backup 1")
    code, out, err = cli("restore", path, "--backup", "2")
    assert code == 0, err
    assert "Backup 2 (" in out and "save #3" in out
    assert path.is_file()
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert vault.generation >= 5  # newer than every backup
    aside = list(path.parent.glob(path.name + ".damaged-*"))
    assert len(aside) == (0 if kind == "missing" else 1)
    if aside:
        assert aside[0].name in out
        assert aside[0].is_dir() == (kind == "folder")
    code, out, err = cli("check", path)
    assert code == 0, out + err
    assert case_count(cli, path) == 3
    if aside and aside[0].is_dir():
        shutil.rmtree(aside[0])


def test_check_of_a_vault_with_no_backup_that_opens_says_to_keep_the_files(
    tmp_path: Path, cli: RunCli
) -> None:
    path = tmp_path / "v.ctvault"
    assert cli("init", path)[0] == 0
    truncate(path)
    code, out, _ = cli("check", path)
    assert code == 1
    assert out.strip().splitlines()[-1].startswith("No backup could be verified")


def interrupted_passphrase_change(path: Path) -> None:
    """`passwd` killed after the main file was written, before any backup was re-keyed."""
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        vault._rekey_backups = lambda: None  # type: ignore[method-assign]
        vault.change_passphrase(NEW_PASSPHRASE, FLOOR)


def retired_passphrase_opens(path: Path) -> list[str]:
    """The backups whose key slots still open with the passphrase that was replaced."""
    from casetracker.storage import backups, envelope, key_slots
    from casetracker.storage.errors import WrongPassphrase

    opened = []
    for backup in backups.all_backup_paths(path, include_damaged=True):
        header = envelope.parse(backup.read_bytes()).header
        try:
            key_slots.unlock(header.slots, header.vault_id, passphrase=PASSPHRASE)
        except WrongPassphrase:
            continue
        opened.append(backup.name)
    return opened


def test_check_after_an_interrupted_passphrase_change_finishes_it(
    saved_thrice: Path, cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    interrupted_passphrase_change(saved_thrice)
    assert len(retired_passphrase_opens(saved_thrice)) == 6  # v1-v5 and the daily
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", NEW_PASSPHRASE)
    code, out, err = cli("check", saved_thrice)
    assert code == 0, out + err
    assert out.startswith("Every byte of the vault and its backups checked: no damage found.")
    assert retired_passphrase_opens(saved_thrice) == []


def test_check_with_the_retired_passphrase_names_the_command_that_finishes(
    saved_thrice: Path, cli: RunCli
) -> None:
    interrupted_passphrase_change(saved_thrice)
    code, out, _ = cli("check", saved_thrice)
    assert code == 1
    assert out.strip().splitlines()[-1].endswith(f"casetracker check '{saved_thrice}'")
    code, _, err = cli("restore", saved_thrice, "--backup", "1")
    assert code == 1 and "passphrase is not correct" in err  # no roll-back through a backup


@pytest.mark.parametrize("command", ["info", "cases", "flags", "settings"])
def test_any_command_that_opens_the_vault_retires_the_old_passphrase_everywhere(
    saved_thrice: Path, cli: RunCli, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    interrupted_passphrase_change(saved_thrice)
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", NEW_PASSPHRASE)
    code, _, err = cli(command, saved_thrice)
    assert code == 0, err
    assert retired_passphrase_opens(saved_thrice) == []


def test_restoring_after_an_interrupted_passphrase_change_finishes_it(
    saved_thrice: Path, cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    interrupted_passphrase_change(saved_thrice)
    flip_payload(saved_thrice)  # and then the vault file was damaged
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", NEW_PASSPHRASE)
    code, _, err = cli("restore", saved_thrice, "--backup", "1")
    assert code == 0, err
    assert retired_passphrase_opens(saved_thrice) == []
    assert cli("check", saved_thrice)[0] == 0


def test_check_describes_damage_even_while_the_app_holds_the_vault(
    saved_thrice: Path, cli: RunCli
) -> None:
    from casetracker.services.workspace import Workspace

    with Workspace.open(saved_thrice, passphrase=PASSPHRASE):
        code, _, err = cli("check", saved_thrice)
        assert code == 1 and "open on" in err  # sound files: the rest needs the vault closed
        flip_payload(saved_thrice)
        code, out, _ = cli("check", saved_thrice)
    assert code == 1
    assert "integrity check" in out
    assert out.strip().splitlines()[-1].endswith("--backup 1")
