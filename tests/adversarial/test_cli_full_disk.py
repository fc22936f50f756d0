"""The command line on a full disk: the change is said to be NOT saved, the exit code is not
0, and the vault on disk is the one from before, still opening.

The app keeps a refused change in memory and may say "your changes are still here"; a CLI
process ends right after, so it must never say that.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from casetracker.cli.main import main
from casetracker.services.workspace import Workspace
from casetracker.storage.errors import SaveFailed
from casetracker.storage.kdf import FLOOR
from casetracker.storage.vault_file import VaultFile
from tests.adversarial.conftest import SmallDisk, incompressible
from tests.conftest import PASSPHRASE

# A save appends only the change, and a full disk still takes what fits in the free end of
# the vault file's last block: the note makes the change bigger than the room left below.
NOTE = incompressible(24_000)
LOG_CONTACT = ("log-contact", "--case", "CT-0001", "--date", "2024-07-19", "--direct",
               "--note", NOTE)  # fmt: skip


def make_vault(folder: Path) -> Path:
    path = folder / "org.ctvault"
    ws, _ = Workspace.create(path, PASSPHRASE, kdf=FLOOR, actor="tester")
    with ws:
        ws.cases.create("Only on the full disk", notes="x" * 20_000)
    return path


def contacts(path: Path) -> int:
    with Workspace.open(path, passphrase=PASSPHRASE) as ws:
        return len(ws.contacts.for_case(ws.cases.rows()[0].id))


def assert_not_saved(code: int, out: str, err: str, path: Path, before: bytes) -> None:
    assert code != 0
    assert err.startswith("casetracker: NOT saved: ") and "disk is full" in err, err
    assert "still here" not in out + err
    assert "Logged for" not in out
    assert path.read_bytes() == before
    assert VaultFile.check(path, passphrase=PASSPHRASE) == []


def test_a_cli_change_refused_by_a_real_full_disk_says_not_saved(tmp_path: Path) -> None:
    from torture.common import fill, tiny_filesystem

    with tiny_filesystem(tmp_path / "disk", 1024) as mounted:
        if mounted is None:
            pytest.skip("mounting a tmpfs needs root and mount(8); the injected test runs")
        path = make_vault(mounted)
        before = path.read_bytes()
        filler = fill(mounted, leave_bytes=8192)  # room for the lock file, not the change
        env = dict(os.environ, CASETRACKER_PASSPHRASE=PASSPHRASE)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "casetracker.cli.main",
                LOG_CONTACT[0],
                str(path),
                *LOG_CONTACT[1:],
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert_not_saved(done.returncode, done.stdout, done.stderr, path, before)
        filler.unlink()
        assert contacts(path) == 0


def test_a_cli_change_refused_by_a_disk_error_says_not_saved(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    disk = SmallDisk(tmp_path, False)
    path = make_vault(tmp_path)
    before = path.read_bytes()
    real_open = Workspace.open.__func__  # type: ignore[attr-defined]

    def open_then_fill(cls: type[Workspace], /, *args: object, **kwargs: object) -> Workspace:
        ws: Workspace = real_open(cls, *args, **kwargs)
        disk.fill()  # the disk fills while the command runs: the save at its end is refused
        return ws

    monkeypatch.setattr(Workspace, "open", classmethod(open_then_fill))
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", PASSPHRASE)
    code = main([LOG_CONTACT[0], str(path), *LOG_CONTACT[1:]])
    captured = capsys.readouterr()
    disk.free()
    monkeypatch.undo()
    assert_not_saved(code, captured.out, captured.err, path, before)
    assert contacts(path) == 0


def test_a_cli_change_appended_but_not_compacted_is_said_saved(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Room for the change set but not for a whole snapshot: the change is in the vault, so
    the command must say so; "NOT saved" would make the person log the contact twice."""
    path = make_vault(tmp_path)

    def no_room_for_a_snapshot(self: VaultFile, file_bytes: bytes | bytearray) -> None:
        raise SaveFailed(errno.ENOSPC)

    monkeypatch.setattr(VaultFile, "write", no_room_for_a_snapshot)
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", PASSPHRASE)
    code = main([LOG_CONTACT[0], str(path), *LOG_CONTACT[1:]])
    captured = capsys.readouterr()
    monkeypatch.undo()
    assert contacts(path) == 1  # appended: this already holds
    assert "NOT saved" not in captured.err, captured.err
    assert code == 0 and "Logged for" in captured.out
