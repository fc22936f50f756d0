"""One writer per vault: a `<vault>.lock` file beside it saying who has it open.

The lock file is created with O_CREAT|O_EXCL, so two instances cannot both create it, and
holds only {host, user, pid, since}: the computer name, the OS account, the process id and
the UTC time it was taken. It never holds case data. Because it is an ordinary file it also
travels through synced folders, so a second machine is told who has the vault open.

A lock left behind by a crash is stale and is taken over, but only when it is from this
computer and its holder is provably gone: the process id is not running, or (on POSIX) the
holder's flock(2) on the lock file is free. The flock covers process ids reused after a
reboot; the OS drops it when a process dies, even by kill -9. A lock from another computer
is never taken over automatically; `break_lock` exists for a GUI "open anyway" after the
person has confirmed the other machine is really closed.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from casetracker.storage import atomic_write
from casetracker.storage.errors import LockFailed, VaultInUse

if sys.platform != "win32":
    import fcntl

# A lock file that cannot be parsed is probably being written right now; after this long it
# is debris from a crash in the middle of writing it.
_UNREADABLE_GRACE_SECONDS = 10.0
_MAX_LOCK_BYTES = 4096


def lock_path_for(vault_path: Path) -> Path:
    """`cases.ctvault` -> `cases.ctvault.lock`, in the same folder."""
    return vault_path.with_name(vault_path.name + ".lock")


@dataclass(frozen=True)
class LockOwner:
    """Who holds a lock, as recorded in the lock file."""

    host: str
    user: str
    pid: int | None
    since: datetime | None

    def to_json(self) -> bytes:
        since = self.since.isoformat() if self.since else None
        return json.dumps(
            {"host": self.host, "user": self.user, "pid": self.pid, "since": since}
        ).encode("utf-8")

    def in_use_error(self) -> VaultInUse:
        return VaultInUse(self.host, self.user, self.pid, self.since)


def _this_owner() -> LockOwner:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    return LockOwner(socket.gethostname(), user, os.getpid(), datetime.now(UTC))


def _owner_from_untrusted(untrusted: bytes) -> LockOwner | None:
    """Parse a lock file someone else wrote; None when it is not a readable lock."""
    try:
        obj = json.loads(untrusted.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(obj, dict):
        return None
    host, user, pid, since = obj.get("host"), obj.get("user"), obj.get("pid"), obj.get("since")
    if not isinstance(host, str) or not isinstance(user, str):
        return None
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        pid = None
    when: datetime | None = None
    if isinstance(since, str):
        try:
            when = datetime.fromisoformat(since)
        except ValueError:
            when = None
        if when is not None and when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
    return LockOwner(host[:255], user[:255], pid, when)


def read_owner(vault_path: Path) -> LockOwner | None:
    """Who holds the vault's lock, or None when it is not locked (or the lock is unreadable)."""
    try:
        with open(lock_path_for(vault_path), "rb") as stream:
            return _owner_from_untrusted(stream.read(_MAX_LOCK_BYTES))
    except FileNotFoundError:
        return None


def _pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer."""
    if sys.platform == "win32":
        # os.kill(pid, 0) would send CTRL_C_EVENT on Windows; ask the kernel instead.
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _try_flock(fd: int) -> bool | None:
    """Try to take an exclusive flock: True taken, False held by someone, None unsupported."""
    if sys.platform == "win32":
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        return None
    return True


def _remove_if_stale(lock_path: Path) -> None:
    """Delete the lock file if its holder is provably gone; otherwise raise VaultInUse."""
    try:
        fd = os.open(lock_path, os.O_RDONLY)
    except FileNotFoundError:
        return
    try:
        info = os.fstat(fd)
        owner = _owner_from_untrusted(os.read(fd, _MAX_LOCK_BYTES))
        if owner is None:
            if time.time() - info.st_mtime < _UNREADABLE_GRACE_SECONDS:
                raise VaultInUse("", "", None, None)
            owner = LockOwner(socket.gethostname(), "", None, None)
        if owner.host != socket.gethostname():
            raise owner.in_use_error()
        flocked = _try_flock(fd)
        if flocked is False:
            raise owner.in_use_error()
        if flocked is None and owner.pid is not None and _pid_alive(owner.pid):
            raise owner.in_use_error()
        # Holder gone. Delete only the file we judged: another instance may have replaced it
        # with a fresh lock in the meantime.
        try:
            current = os.stat(lock_path)
        except FileNotFoundError:
            return
        if (current.st_dev, current.st_ino) == (info.st_dev, info.st_ino):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(lock_path)
    finally:
        os.close(fd)


class WriterLock:
    """A held writer lock. Keep it for as long as the vault is open; `release` on close."""

    def __init__(self, path: Path, fd: int, owner: LockOwner) -> None:
        self.path = path
        self.owner = owner
        self._fd: int | None = fd
        info = os.fstat(fd)
        self._identity = (info.st_dev, info.st_ino)

    @classmethod
    def acquire(cls, vault_path: Path) -> WriterLock:
        """Take the lock for `vault_path`, taking over a stale one; raise VaultInUse if held."""
        lock_path = lock_path_for(vault_path)
        for _ in range(3):
            try:
                fd = os.open(lock_path, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
            except FileExistsError:
                _remove_if_stale(lock_path)
                continue
            except OSError as exc:
                raise LockFailed(exc.errno) from exc
            try:
                _try_flock(fd)
                owner = _this_owner()
                atomic_write.write_all(fd, owner.to_json())
                os.fsync(fd)
                return cls(lock_path, fd, owner)
            except BaseException as exc:
                os.close(fd)
                with contextlib.suppress(OSError):
                    os.unlink(lock_path)
                if isinstance(exc, OSError):
                    raise LockFailed(exc.errno) from exc
                raise
        holder = read_owner(vault_path)
        raise holder.in_use_error() if holder else VaultInUse("", "", None, None)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Delete the lock file (if it is still ours) and drop the flock. Idempotent.

        On POSIX the file is deleted while the flock is still held, so nobody can judge it
        stale and replace it in between; Windows cannot delete an open file, so it closes
        first.
        """
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if sys.platform == "win32":
            os.close(fd)
        try:
            current = os.stat(self.path)
            if (current.st_dev, current.st_ino) == self._identity:
                os.unlink(self.path)
        except OSError:
            pass
        finally:
            if sys.platform != "win32":
                os.close(fd)


def break_lock(vault_path: Path) -> None:
    """Remove a lock whatever its state: only after a person confirmed the holder is closed."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(lock_path_for(vault_path))
