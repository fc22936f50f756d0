"""One writer per vault: a `<vault>.lock` file beside it saying who has it open.

The lock file is created with O_CREAT|O_EXCL, so two instances cannot both create it, and
holds only {host, user, pid, since}: the computer name, the OS account, the process id and
the UTC time it was taken. It never holds case data. Because it is an ordinary file it also
travels through synced folders, so a second machine is told who has the vault open.

A lock left behind by a crash is stale and is taken over, but only when it is from this
computer and its holder is provably gone: the process id is not running, or (on POSIX) the
holder's flock(2) on the lock file is free. The flock covers process ids reused after a
reboot; the OS drops it when a process dies, even by kill -9. An empty or unreadable lock
file (a kill between creating and filling it) is stale at once when its flock is free: a
live writer takes the flock before writing a byte.

A lock from another computer is never taken over automatically: `VaultInUse.elsewhere` says
the person may, after a warning, pass that refusal back as `acquire(take_over=...)`. Taking
over moves the lock file aside with rename(2), so of two takers only one moves the file they
both saw; the mover checks it moved that very file (and puts a newer one back), and the new
lock is still created with O_EXCL, so exactly one process ends up holding it. This holds on
one filesystem; a sync service (Dropbox, Syncthing) copies files between computers after
the fact, so two computers that both take over before syncing both win, as they would
without any lock.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import secrets
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from casetracker.storage import atomic_write
from casetracker.storage.errors import LockFailed, VaultInUse

if sys.platform != "win32":
    import fcntl

_MAX_LOCK_BYTES = 4096


def lock_path_for(vault_path: Path) -> Path:
    """`cases.ctvault` -> `cases.ctvault.lock`, beside the real file (symlinks resolved)."""
    real = atomic_write.real_path(vault_path)
    return real.with_name(real.name + ".lock")


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
        elsewhere = self.host != socket.gethostname()
        return VaultInUse(self.host, self.user, self.pid, self.since, elsewhere=elsewhere)

    def is_described_by(self, seen: VaultInUse) -> bool:
        """Whether this is the holder named in a refusal the person saw."""
        return (self.host, self.user, self.pid, self.since) == (
            seen.host,
            seen.user,
            seen.pid,
            seen.since,
        )


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
    return read_owner_at(lock_path_for(vault_path))


def read_owner_at(lock_path: Path) -> LockOwner | None:
    try:
        with open(lock_path, "rb") as stream:
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


def _in_use(owner: LockOwner | None) -> VaultInUse:
    """The refusal naming `owner`, or an anonymous one for an empty or garbled lock file."""
    return owner.in_use_error() if owner else VaultInUse("", "", None, None)


@contextlib.contextmanager
def _judged(lock_path: Path) -> Iterator[tuple[int, tuple[int, int], LockOwner | None] | None]:
    """The lock file open for judging: its descriptor (for flock), its identity (device,
    inode: to act only on the very file judged) and its holder; None if there is none."""
    try:
        fd = os.open(lock_path, os.O_RDONLY)
    except FileNotFoundError:
        yield None
        return
    try:
        info = os.fstat(fd)
        owner = _owner_from_untrusted(os.read(fd, _MAX_LOCK_BYTES))
        yield fd, (info.st_dev, info.st_ino), owner
    finally:
        os.close(fd)


def _remove_if_stale(lock_path: Path) -> None:
    """Delete the lock file if its holder is provably gone; otherwise raise VaultInUse."""
    with _judged(lock_path) as judged:
        if judged is None:
            return
        fd, identity, owner = judged
        flocked = _try_flock(fd)
        if owner is None:
            # Empty or garbled: a writer killed between creating and filling it. A live one
            # took the flock before writing anything, so a free flock means it is gone.
            if flocked is False:
                raise _in_use(None)
        else:
            if owner.host != socket.gethostname():
                raise owner.in_use_error()
            if flocked is False:
                raise owner.in_use_error()
            if flocked is None and owner.pid is not None and _pid_alive(owner.pid):
                raise owner.in_use_error()
        # Holder gone. Delete only the file we judged: another instance may have replaced it
        # with a fresh lock in the meantime.
        _unlink_if_same(lock_path, identity)


def _unlink_if_same(path: Path, identity: tuple[int, int]) -> None:
    try:
        current = os.stat(path)
    except FileNotFoundError:
        return
    if (current.st_dev, current.st_ino) == identity:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)


def _take_over(lock_path: Path, seen: VaultInUse) -> None:
    """Move aside the lock the person agreed to take over; VaultInUse if it changed since.

    Refuses when the file now names another holder than `seen`, or when a live process on
    this computer holds its flock. The rename moves the file to a random name; if what
    was moved is not the file judged here (someone replaced it in between), it is put back.
    """
    with _judged(lock_path) as judged:
        if judged is None:
            return
        fd, identity, owner = judged
        if owner is not None and not owner.is_described_by(seen):
            raise owner.in_use_error()
        if _try_flock(fd) is False:
            raise _in_use(owner)
        aside = lock_path.with_name(f".{lock_path.name}.taken-{secrets.token_hex(8)}")
        try:
            os.rename(lock_path, aside)
        except FileNotFoundError:
            return  # another taker moved it first; O_EXCL decides between us
        moved = os.stat(aside)
        if (moved.st_dev, moved.st_ino) != identity:
            with contextlib.suppress(OSError):
                os.link(aside, lock_path)  # never over a lock made meanwhile
            os.unlink(aside)
            raise _in_use(read_owner_at(lock_path))
        os.unlink(aside)


class WriterLock:
    """A held writer lock. Keep it for as long as the vault is open; `release` on close."""

    def __init__(self, path: Path, fd: int, owner: LockOwner) -> None:
        self.path = path
        self.owner = owner
        self._fd: int | None = fd
        info = os.fstat(fd)
        self._identity = (info.st_dev, info.st_ino)

    @classmethod
    def acquire(cls, vault_path: Path, *, take_over: VaultInUse | None = None) -> WriterLock:
        """Take the lock for `vault_path`, taking over a stale one; raise VaultInUse if held.

        `take_over` is a refusal the person saw and confirmed ("take over"): that holder's
        lock is moved aside even though it names another computer.
        """
        lock_path = lock_path_for(vault_path)
        for attempt in range(3):
            try:
                fd = os.open(lock_path, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
            except FileExistsError:
                if take_over is not None and attempt == 0:
                    _take_over(lock_path, take_over)
                else:
                    _remove_if_stale(lock_path)
                continue
            except OSError as exc:
                raise LockFailed(exc.errno) from exc
            try:
                if _try_flock(fd) is False:
                    # Someone judging our empty file as debris holds its flock: they will
                    # delete it. Leave it to them and try again.
                    os.close(fd)
                    continue
                owner = _this_owner()
                atomic_write.write_all(fd, owner.to_json())
                os.fsync(fd)
                if not _still_at(lock_path, fd):
                    os.close(fd)
                    continue
                return cls(lock_path, fd, owner)
            except BaseException as exc:
                os.close(fd)
                with contextlib.suppress(OSError):
                    os.unlink(lock_path)
                if isinstance(exc, OSError):
                    raise LockFailed(exc.errno) from exc
                raise
        holder = read_owner(vault_path)
        raise _in_use(holder)

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


def _still_at(path: Path, fd: int) -> bool:
    """Whether `fd` is still the file at `path` (not judged stale and replaced meanwhile)."""
    info = os.fstat(fd)
    try:
        current = os.stat(path)
    except FileNotFoundError:
        return False
    return (current.st_dev, current.st_ino) == (info.st_dev, info.st_ino)
