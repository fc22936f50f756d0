"""Durable file replacement: killing the process at any instant leaves the old or new file.

The recipe: write the new bytes to a fresh temporary file in the same folder, fsync it,
rename it over the target (atomic on POSIX and on NTFS), then fsync the folder so the
rename itself survives a power cut. Temporary names carry a random suffix and the target's
own name only, never anything from the data. Errors are left as OSError for the caller to
translate; the temporary file is removed on failure.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
from collections.abc import Callable
from pathlib import Path

if sys.platform != "win32":
    import fcntl

# Windows opens files in text mode unless told otherwise, turning each 0x0A into 0x0D 0x0A.
BINARY = getattr(os, "O_BINARY", 0)


def write_at(fd: int, data: bytes, offset: int) -> None:
    """Write all of ``data`` at ``offset``. Windows has no ``pwrite``: there the descriptor's
    position is moved instead, which is safe because each caller opens its own descriptor."""
    view = memoryview(data)
    pwrite = getattr(os, "pwrite", None)
    if pwrite is None:
        os.lseek(fd, offset, os.SEEK_SET)
    while view:
        written = pwrite(fd, view, offset) if pwrite is not None else os.write(fd, view)
        view, offset = view[written:], offset + written


def real_path(path: Path) -> Path:
    """`path` with every symlink resolved (the file's and its folders').

    A vault reached through a link is saved, locked and backed up beside the real file:
    renaming a new file over the link would replace the link, not the vault it points to.
    """
    return Path(os.path.realpath(path))


def temp_path_for(target: Path) -> Path:
    """`cases.ctvault` -> `.cases.ctvault.tmp-<16 hex>` in the same folder."""
    return target.with_name(f".{target.name}.tmp-{secrets.token_hex(8)}")


def is_temp_of(candidate: Path, target: Path) -> bool:
    """Whether `candidate` is a temporary file left by a write to `target`."""
    return candidate.name.startswith(f".{target.name}.tmp-")


def write_all(fd: int, data: bytes | bytearray) -> None:
    """os.write may write less than asked; loop until everything is written."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def sync_file(fd: int) -> None:
    """Flush a file to the storage device (on macOS plain fsync stops at the drive cache)."""
    if sys.platform == "darwin":
        try:
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
            return
        except OSError:
            pass
    os.fsync(fd)


def sync_dir(folder: Path) -> None:
    """Make renames and new names in `folder` durable. Windows has no folder fsync."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_new_file(path: Path, data: bytes | bytearray) -> None:
    """Create `path` (mode 0o600, must not exist) holding `data`, synced to disk."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, 0o600)
    try:
        write_all(fd, data)
        sync_file(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    os.close(fd)


def replace_durably(
    target: Path, data: bytes | bytearray, *, before_replace: Callable[[], None] | None = None
) -> None:
    """Write `data` to a synced temp file and rename it over `target`.

    `before_replace` runs after the new bytes are safely on disk and before the rename (the
    vault keeps its backup there). A symlinked `target` has its real file replaced. Does not
    sync the folder; call `sync_dir` afterwards.
    """
    target = real_path(target)
    temp = temp_path_for(target)
    write_new_file(temp, data)
    try:
        if before_replace is not None:
            before_replace()
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def create_durably(target: Path, data: bytes | bytearray) -> None:
    """Like `replace_durably`, but never overwrites: a file appearing meanwhile wins."""
    temp = temp_path_for(target)
    write_new_file(temp, data)
    try:
        try:
            os.link(temp, target)
        except FileExistsError:
            raise
        except OSError:
            # Filesystems without hard links (FAT, some network drives): fall back to rename.
            if os.path.lexists(target):
                raise FileExistsError(target) from None
            os.replace(temp, target)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    sync_dir(target.parent)
