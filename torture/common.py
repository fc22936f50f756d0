"""Shared pieces of the torture suite: the report, secrets, a real tiny filesystem."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Vaults made here use the documented KDF floor, never a calibrated (slower) cost.
os.environ.setdefault("CASETRACKER_KDF_TARGET_MS", "0")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "torture passphrase, long enough"
MARKER = "Zzyxqmarker Щщёмаркер"


@dataclass
class Section:
    """What one part of the suite did: counts for the report, and every failure."""

    name: str
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def fail(self, message: str) -> None:
        self.failures.append(message)

    @property
    def ok(self) -> bool:
        return not self.failures

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "ok": self.ok,
            "seconds": round(self.seconds, 1),
            "counts": dict(sorted(self.counts.items())),
            "failures": self.failures[:50],
            "failure_count": len(self.failures),
            "notes": self.notes,
        }


@contextlib.contextmanager
def timed(section: Section) -> Iterator[Section]:
    start = time.monotonic()
    try:
        yield section
    finally:
        section.seconds += time.monotonic() - start


def can_mount_tmpfs() -> bool:
    return shutil.which("mount") is not None and hasattr(os, "geteuid") and os.geteuid() == 0


@contextlib.contextmanager
def tiny_filesystem(mount_point: Path, size_kib: int) -> Iterator[Path | None]:
    """A real tmpfs of `size_kib` at `mount_point`, or None where mounting is not allowed."""
    mount_point.mkdir(parents=True, exist_ok=True)
    if not can_mount_tmpfs():
        yield None
        return
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        yield None
        return
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, check=False)


def fill(folder: Path, leave_bytes: int = 0) -> Path:
    """Write a filler file until the filesystem is full, then give back `leave_bytes`."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for chunk in (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\xff" * chunk)
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
    if leave_bytes:
        size = filler.stat().st_size
        os.truncate(filler, max(0, size - leave_bytes))
    return filler


def disk_full_error() -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
