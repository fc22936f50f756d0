"""One writer per vault: a second opener is told who holds it; crashed holders are taken over."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from storage_samples import FIRST_PAYLOAD, PASSPHRASE, MakeVault

from casetracker.storage.errors import VaultInUse, WrongPassphrase
from casetracker.storage.vault_file import VaultFile
from casetracker.storage.writer_lock import WriterLock, break_lock, lock_path_for, read_owner

REPO_ROOT = Path(__file__).resolve().parents[2]


def dead_pid() -> int:
    """The id of a process that has exited (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def write_lock(vault: Path, **fields: object) -> None:
    owner = {"host": socket.gethostname(), "user": "someone", "pid": dead_pid()}
    owner["since"] = datetime.now(UTC).isoformat()
    owner.update(fields)
    lock_path_for(vault).write_text(json.dumps(owner), encoding="utf-8")


def test_second_open_is_told_the_vault_is_in_use_and_by_whom(make_vault: MakeVault) -> None:
    path, recovery_key = make_vault()
    with VaultFile.open(path, passphrase=PASSPHRASE):
        for secret in ({"passphrase": PASSPHRASE}, {"recovery_key": recovery_key}):
            with pytest.raises(VaultInUse) as caught:
                VaultFile.open(path, **secret)
            error = caught.value
            assert error.host == socket.gethostname()
            assert error.pid == os.getpid()
            assert error.since is not None
            assert abs(datetime.now(UTC) - error.since) < timedelta(minutes=1)
            assert str(error).startswith(f"This vault is open on {error.host} by {error.user}")
            assert str(error).endswith("Close it there first.")
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert vault.payload == FIRST_PAYLOAD


def test_lock_file_holds_only_host_user_pid_and_time(make_vault: MakeVault) -> None:
    path, _ = make_vault()
    with VaultFile.open(path, passphrase=PASSPHRASE):
        content = json.loads(lock_path_for(path).read_text(encoding="utf-8"))
        assert set(content) == {"host", "user", "pid", "since"}
        assert content["pid"] == os.getpid()
    assert not lock_path_for(path).exists()


def test_failed_open_releases_the_lock(make_vault: MakeVault) -> None:
    path, _ = make_vault()
    with pytest.raises(WrongPassphrase):
        VaultFile.open(path, passphrase="wrong")
    assert not lock_path_for(path).exists()
    with VaultFile.open(path, passphrase=PASSPHRASE):
        pass


def test_stale_lock_of_a_dead_process_on_this_computer_is_taken_over(
    make_vault: MakeVault,
) -> None:
    path, _ = make_vault()
    write_lock(path)
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert vault.payload == FIRST_PAYLOAD
        owner = read_owner(path)
        assert owner is not None and owner.pid == os.getpid()


def test_lock_from_another_computer_is_respected_even_if_its_pid_is_unused_here(
    make_vault: MakeVault,
) -> None:
    path, _ = make_vault()
    write_lock(path, host="caseworker-laptop", user="olena")
    with pytest.raises(VaultInUse) as caught:
        VaultFile.open(path, passphrase=PASSPHRASE)
    assert (caught.value.host, caught.value.user) == ("caseworker-laptop", "olena")
    assert "open on caseworker-laptop by olena since" in str(caught.value)
    break_lock(path)  # what a GUI does after the person confirms the laptop is closed
    with VaultFile.open(path, passphrase=PASSPHRASE):
        pass


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_lock_whose_pid_was_reused_after_a_crash_is_taken_over(make_vault: MakeVault) -> None:
    # The recorded pid now belongs to an unrelated live process, but nobody holds the flock
    # a live Casetracker keeps on its lock file, so the holder is gone.
    path, _ = make_vault()
    write_lock(path, pid=os.getppid())
    with VaultFile.open(path, passphrase=PASSPHRASE):
        pass


def test_unreadable_lock_is_respected_while_fresh_and_taken_over_when_old(
    make_vault: MakeVault,
) -> None:
    path, _ = make_vault()
    lock = lock_path_for(path)
    lock.write_bytes(b"")  # as if its writer were between creating and filling it
    with pytest.raises(VaultInUse):
        VaultFile.open(path, passphrase=PASSPHRASE)
    an_hour_ago = time.time() - 3600
    os.utime(lock, (an_hour_ago, an_hour_ago))
    with VaultFile.open(path, passphrase=PASSPHRASE):
        pass


HOLDER = """
import sys
from pathlib import Path
from casetracker.storage.writer_lock import WriterLock
lock = WriterLock.acquire(Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.readline()
"""


def test_vault_held_by_another_process_is_in_use_until_that_process_dies(
    make_vault: MakeVault,
) -> None:
    path, _ = make_vault()
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(VaultInUse) as caught:
            VaultFile.open(path, passphrase=PASSPHRASE)
        assert caught.value.pid == holder.pid
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert vault.payload == FIRST_PAYLOAD


def test_release_is_idempotent_and_leaves_a_lock_taken_by_someone_else(tmp_path: Path) -> None:
    vault = tmp_path / "org.ctvault"
    lock = WriterLock.acquire(vault)
    lock_path_for(vault).unlink()
    write_lock(vault, host="other-host")  # someone broke our lock and took it
    lock.release()
    lock.release()
    assert not lock.held
    owner = read_owner(vault)
    assert owner is not None and owner.host == "other-host"
