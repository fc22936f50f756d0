"""Fixtures for the adversarial tests: a small disk that can be filled up and freed again.

``small_disk`` is a real 4 MiB tmpfs where this machine lets us mount one (root, mount(8)),
and otherwise a folder whose writes fail with ENOSPC while "full" (injected into
``atomic_write.write_all``, which every whole-file write of the app goes through: snapshots,
backups copied where links are not possible, attachment blobs, bundles, the lock file; and
into ``os.pwrite``, with which a save appends its change set to the vault's journal).

A real full disk still takes an append that fits in the free end of the file's last block:
the edits that must be refused are made bigger than a block (see `incompressible`).
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from casetracker.storage import atomic_write
from torture.common import fill, tiny_filesystem


def incompressible(size: int) -> str:
    """Random text of `size` characters: an edit carrying it needs more than one fresh block
    of the disk even after compression, so a full disk cannot take it in a file's slack."""
    return secrets.token_urlsafe(size)[:size]


class SmallDisk:
    def __init__(self, folder: Path, real: bool) -> None:
        self.folder = folder
        self.real = real
        self._patch = pytest.MonkeyPatch()
        self._filler: Path | None = None

    def fill(self, leave_bytes: int = 0) -> None:
        if self.real:
            self._filler = fill(self.folder, leave_bytes)
            return
        real_write_all = atomic_write.write_all
        folder = str(self.folder.resolve())

        def on_this_disk(fd: int) -> bool:
            try:
                target = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                target = folder  # no /proc: every durable write counts as on this disk
            return target.startswith(folder)

        def write_all(fd: int, data: bytes | bytearray) -> None:
            if on_this_disk(fd):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real_write_all(fd, data)

        real_pwrite = os.pwrite

        def pwrite(fd: int, data: bytes | bytearray | memoryview, offset: int, /) -> int:
            if on_this_disk(fd):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_pwrite(fd, data, offset)

        self._patch.setattr(atomic_write, "write_all", write_all)
        self._patch.setattr(os, "pwrite", pwrite)

    def free(self) -> None:
        if self.real:
            if self._filler is not None:
                self._filler.unlink()
                self._filler = None
            return
        self._patch.undo()


@pytest.fixture(params=["tmpfs", "injected"])
def small_disk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SmallDisk]:
    mount_point = tmp_path / "disk"
    if request.param == "injected":
        mount_point.mkdir()
        disk = SmallDisk(mount_point, False)
        yield disk
        disk.free()
        return
    with tiny_filesystem(mount_point, 4096) as mounted:
        if mounted is None:
            pytest.skip("mounting a tmpfs needs root and mount(8); the injected variant runs")
        disk = SmallDisk(mounted, True)
        yield disk
        disk.free()
