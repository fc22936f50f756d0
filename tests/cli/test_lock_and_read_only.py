"""The CLI and a lock left on another computer, and a vault that cannot be written."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from casetracker.i18n import format_date
from casetracker.storage.writer_lock import lock_path_for, read_owner
from tests.cli.conftest import RunCli
from tests.read_only_place import read_only_copy

SINCE = datetime(2026, 3, 9, 7, 45, tzinfo=UTC)


@pytest.fixture
def small_vault(tmp_path: Path, cli: RunCli) -> Path:
    path = tmp_path / "org.ctvault"
    code, _, err = cli("demo", path, "--cases", "3")
    assert code == 0, err
    return path


def leave_lock_of_another_computer(vault: Path) -> None:
    owner = {"host": "caseworker-laptop", "user": "olena", "pid": 4242, "since": SINCE.isoformat()}
    lock_path_for(vault).write_text(json.dumps(owner), encoding="utf-8")


def test_lock_of_another_computer_is_named_and_refused_without_the_flag(
    small_vault: Path, cli: RunCli
) -> None:
    leave_lock_of_another_computer(small_vault)
    code, out, err = cli("cases", small_vault)
    assert code == 1 and out == ""
    local = SINCE.astimezone()
    assert f"caseworker-laptop by olena since {format_date(local.date())} {local:%H:%M}" in err
    assert "--take-over-lock" in err and err.count("\n") == 1
    owner = read_owner(small_vault)
    assert owner is not None and owner.host == "caseworker-laptop"


def test_take_over_lock_opens_a_vault_left_locked_on_another_computer(
    small_vault: Path, cli: RunCli
) -> None:
    leave_lock_of_another_computer(small_vault)
    code, out, err = cli("log-contact", small_vault, "--case", "CT-0001", "--date", "2026-03-10",
                         "--take-over-lock")  # fmt: skip
    assert code == 0, err
    assert "Taking over the lock left on caseworker-laptop by olena" in err
    assert not lock_path_for(small_vault).exists()  # released on close, ours not theirs
    code, out, _ = cli("cases", small_vault, "--json")
    assert code == 0 and len(json.loads(out)) == 3


def test_read_only_vault_answers_reading_commands_and_refuses_changes(
    small_vault: Path, cli: RunCli, tmp_path: Path
) -> None:
    with read_only_copy(small_vault, tmp_path / "cdrom") as vault:
        before = vault.read_bytes()
        code, out, err = cli("cases", vault, "--json")
        assert code == 0, err
        assert len(json.loads(out)) == 3
        assert "read-only" in err
        code, _, err = cli("info", vault)
        assert code == 0, err
        code, out, err = cli("log-contact", vault, "--case", "CT-0001", "--date", "2026-03-10")
        assert code == 1
        assert "This vault is read-only, so this change was not made." in err
        assert "Traceback" not in out + err
        new_secret = tmp_path / "new.txt"
        new_secret.write_text("a new and long enough passphrase", encoding="utf-8")
        code, _, err = cli("passwd", vault, "--new-passphrase-file", new_secret)
        assert code == 1 and "read-only" in err
        assert vault.read_bytes() == before
        assert not lock_path_for(vault).exists()
