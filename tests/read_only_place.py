"""A folder that really cannot be written, for read-only vault tests.

As root (chmod does not stop root) it is a small tmpfs remounted read-only, so writes fail with
EROFS exactly as on a CD or a read-only mount; otherwise the folder and its files lose their
write permission (EACCES). When neither works the test is skipped, never faked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(folder: Path) -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=32m,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
    )
    return done.returncode == 0


@contextmanager
def read_only_copy(vault: Path, folder: Path) -> Iterator[Path]:
    """`vault` copied into `folder`, which is then made read-only; yields the copy's path."""
    folder.mkdir(parents=True)
    mounted = _mount(folder)
    copy = folder / vault.name
    shutil.copy2(vault, copy)
    try:
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            copy.chmod(0o444)
            folder.chmod(0o555)
        if os.access(folder, os.W_OK):
            pytest.skip("no way to make a folder read-only here")
        yield copy
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=False)
        else:
            folder.chmod(0o755)
