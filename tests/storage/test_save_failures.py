"""A save that fails (full disk, I/O error) leaves the previous vault intact and no debris."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from storage_samples import FIRST_PAYLOAD, PASSPHRASE, MakeVault, temp_files

from casetracker.storage import atomic_write, backups
from casetracker.storage.errors import LockFailed, SaveFailed
from casetracker.storage.kdf import FLOOR
from casetracker.storage.vault_file import VaultFile


def failing(code: int) -> Callable[..., None]:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return fail


# Each way the disk can refuse, injected at a different step of the save.
INJECTIONS: dict[str, tuple[object, str, int]] = {
    "write: disk full": (atomic_write, "write_all", errno.ENOSPC),
    "fsync: I/O error": (os, "fsync", errno.EIO),
    "backup: disk full": (backups, "link_or_copy", errno.ENOSPC),
    "rename: I/O error": (os, "replace", errno.EIO),
}


@pytest.mark.parametrize("step", sorted(INJECTIONS))
def test_failed_save_keeps_the_previous_file_and_a_later_save_succeeds(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path, _ = make_vault(saves=(b"saved before",))
    target, name, code = INJECTIONS[step]
    before = path.read_bytes()
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        with monkeypatch.context() as patch:
            patch.setattr(target, name, failing(code))
            with pytest.raises(SaveFailed) as caught:
                vault.save(b"unsaved edits")
        assert caught.value.errno == code
        assert "previously saved version is intact" in str(caught.value)
        assert "still here, not yet saved" in str(caught.value)
        assert path.read_bytes() == before
        assert temp_files(path.parent) == []
        assert (vault.payload, vault.generation) == (b"saved before", 2)
        vault.save(b"saved after")
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert vault.payload == b"saved after"
    assert VaultFile.check(path, passphrase=PASSPHRASE) == []


def test_failed_save_message_names_the_full_disk() -> None:
    assert "because the disk is full" in str(SaveFailed(errno.ENOSPC))
    assert "because the disk reported an error" in str(SaveFailed(errno.EIO))


def test_failed_create_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic_write, "write_new_file", failing(errno.ENOSPC))
    path = tmp_path / "org.ctvault"
    with pytest.raises(SaveFailed) as caught:
        VaultFile.create(path, PASSPHRASE, b"first", kdf=FLOOR)
    assert "could not create the vault because the disk is full" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def tiny_tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A real 256 KiB filesystem to fill up; skipped where mounting is not allowed."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    if shutil.which("mount") is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root and mount(8)")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("this environment does not allow mounting a tmpfs")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, check=False)


def fill(folder: Path) -> Path:
    """Write to `folder` until the filesystem is full; return the file to delete later."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\xff" * 4096)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def test_full_disk_refuses_the_save_and_keeps_the_previous_vault(tiny_tmpfs: Path) -> None:
    path = tiny_tmpfs / "org.ctvault"
    vault, _ = VaultFile.create(path, PASSPHRASE, FIRST_PAYLOAD, kdf=FLOOR)
    with vault:
        vault.save(b"second")
        before = path.read_bytes()
        filler = fill(tiny_tmpfs)
        with pytest.raises(SaveFailed) as caught:
            vault.save(os.urandom(64 * 1024))
        assert caught.value.errno == errno.ENOSPC
        assert path.read_bytes() == before
        assert temp_files(tiny_tmpfs) == []
        filler.unlink()
        vault.save(b"third")
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert vault.payload == b"third"


def test_full_disk_while_opening_is_a_clear_error_not_a_crash(tiny_tmpfs: Path) -> None:
    path = tiny_tmpfs / "org.ctvault"
    VaultFile.create(path, PASSPHRASE, FIRST_PAYLOAD, kdf=FLOOR)[0].close()
    fill(tiny_tmpfs)
    with pytest.raises(LockFailed) as caught:
        VaultFile.open(path, passphrase=PASSPHRASE)
    assert "because the disk is full" in str(caught.value)
    assert not (tiny_tmpfs / "org.ctvault.lock").exists()
