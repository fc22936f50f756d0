"""One writer per vault: a second opener is told who holds it; crashed holders are taken over."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from storage_samples import FIRST_PAYLOAD, PASSPHRASE, MakeVault

from casetracker.storage import writer_lock
from casetracker.storage.errors import VaultInUse, WrongPassphrase
from casetracker.storage.vault_file import VaultFile
from casetracker.storage.writer_lock import WriterLock, lock_path_for, read_owner

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
    assert caught.value.elsewhere
    assert "marked as open on caseworker-laptop by olena since" in str(caught.value)
    assert "take the vault over" in str(caught.value)
    # What the GUI and --take-over-lock do after the person confirms the laptop is closed.
    with VaultFile.open(path, passphrase=PASSPHRASE, take_over=caught.value):
        owner = read_owner(path)
        assert owner is not None and owner.pid == os.getpid()
    assert not list(path.parent.glob(".*taken*"))


def test_take_over_refuses_a_lock_that_changed_since_the_person_saw_it(
    make_vault: MakeVault,
) -> None:
    path, _ = make_vault()
    write_lock(path, host="caseworker-laptop", user="olena")
    with pytest.raises(VaultInUse) as seen:
        VaultFile.open(path, passphrase=PASSPHRASE)
    write_lock(path, host="office-pc", user="petro")  # the office opened it meanwhile
    with pytest.raises(VaultInUse) as caught:
        VaultFile.open(path, passphrase=PASSPHRASE, take_over=seen.value)
    assert (caught.value.host, caught.value.user) == ("office-pc", "petro")
    assert read_owner(path) is not None


def test_of_two_takers_of_one_lock_only_one_wins(tmp_path: Path) -> None:
    vault = tmp_path / "org.ctvault"
    write_lock(vault, host="caseworker-laptop", user="olena")
    with pytest.raises(VaultInUse) as seen:
        WriterLock.acquire(vault)
    first = WriterLock.acquire(vault, take_over=seen.value)
    try:
        with pytest.raises(VaultInUse) as second:
            WriterLock.acquire(vault, take_over=seen.value)
        assert second.value.pid == os.getpid() and not second.value.elsewhere
        assert read_owner(vault) == first.owner
    finally:
        first.release()


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_take_over_never_breaks_a_lock_held_by_a_live_process_here(make_vault: MakeVault) -> None:
    path, _ = make_vault()
    held = WriterLock.acquire(path)
    try:
        with pytest.raises(VaultInUse) as seen:
            VaultFile.open(path, passphrase=PASSPHRASE)
        assert not seen.value.elsewhere
        with pytest.raises(VaultInUse):
            VaultFile.open(path, passphrase=PASSPHRASE, take_over=seen.value)
        assert read_owner(path) == held.owner
    finally:
        held.release()


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_lock_whose_pid_was_reused_after_a_crash_is_taken_over(make_vault: MakeVault) -> None:
    # The recorded pid now belongs to an unrelated live process, but nobody holds the flock
    # a live Casetracker keeps on its lock file, so the holder is gone.
    path, _ = make_vault()
    write_lock(path, pid=os.getppid())
    with VaultFile.open(path, passphrase=PASSPHRASE):
        pass


@pytest.mark.parametrize("content", [b"", b'{"host": "lap', b"\xff\xfe garbage"])
def test_empty_or_unreadable_lock_left_by_a_kill_is_stale_at_once(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    path, _ = make_vault()
    lock_path_for(path).write_bytes(content)  # killed between creating and filling it
    monkeypatch.setattr(time, "sleep", lambda _s: pytest.fail("waited for a dead lock"))
    started = time.monotonic()
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert vault.payload == FIRST_PAYLOAD
    print(f"opened past an unreadable lock in {time.monotonic() - started:.3f} s")


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_empty_lock_of_a_writer_still_filling_it_is_respected(tmp_path: Path) -> None:
    vault = tmp_path / "org.ctvault"
    fd = os.open(lock_path_for(vault), os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
    try:
        assert writer_lock._try_flock(fd)  # a live writer flocks before writing a byte
        with pytest.raises(VaultInUse):
            WriterLock.acquire(vault)
    finally:
        os.close(fd)
    WriterLock.acquire(vault).release()


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
        holder.kill()  # SIGKILL; Windows has no such signal, TerminateProcess instead
        holder.communicate()  # reaps it and closes the pipes
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
