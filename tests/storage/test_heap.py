"""Closing a vault hands its free heap pages back to the system (storage/heap.py)."""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

import pytest

BLOCK_MB = 64

glibc_only = pytest.mark.skipif(
    sys.platform != "linux" or platform.libc_ver()[0] != "glibc",
    reason="malloc_trim is glibc's",
)


_CLOSE_SCENARIO = """
import sys
from pathlib import Path
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR

def rss():
    return int(Path("/proc/self/status").read_text().split("VmRSS:")[1].split()[0]) / 1024

folder = Path(sys.argv[1])
ws, _ = Workspace.create(folder / "warm.ctvault", "a long enough passphrase", kdf=FLOOR)
ws.close()
baseline = rss()
ws, _ = Workspace.create(folder / "v.ctvault", "a long enough passphrase", kdf=FLOOR)
with ws.engine.begin() as conn:
    conn.exec_driver_sql("CREATE TABLE ballast (x BLOB)")
    for _ in range({mb}):
        conn.exec_driver_sql("INSERT INTO ballast VALUES (randomblob(1048576))")
ws.record_change()
ws.save()
later = [bytes(4096) for _ in range(64)]  # what the app allocates later sits above
opened = rss()
ws.close(save=False)
del ws
print(opened - baseline, rss() - baseline)
"""


@glibc_only
def test_closing_a_workspace_hands_its_freed_plaintext_back_to_the_system(
    tmp_path: Path,
) -> None:
    """The database and its copies must not stay behind as free heap blocks after a lock.

    In a fresh interpreter, so what other tests left in this process's heap does not count.
    """
    script = _CLOSE_SCENARIO.replace("{mb}", str(BLOCK_MB))
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    opened, closed = (float(x) for x in done.stdout.split())
    assert opened > BLOCK_MB  # the database was resident
    assert closed < BLOCK_MB / 8


_TRIM_SCENARIO = """
from pathlib import Path
from casetracker.storage import heap

def rss():
    return int(Path("/proc/self/status").read_text().split("VmRSS:")[1].split()[0]) / 1024

baseline = rss()
blocks = [b"x" * 100_000 for _ in range({n})]  # below glibc's own mmap threshold: the heap
above = b"y" * 100_000  # keeps the heap's top in use, so free() alone returns nothing
filled = rss()
del blocks
freed = rss()
heap.release_free_memory()
print(filled - baseline, freed - baseline, rss() - baseline)
"""


@glibc_only
def test_freed_blocks_go_back_to_the_system_without_the_raised_threshold_too() -> None:
    """A format 3 vault no longer needs `keep_large_blocks`; closing must still trim."""
    n = BLOCK_MB * 11  # 100 KB each: 67 MiB
    done = subprocess.run(
        [sys.executable, "-c", _TRIM_SCENARIO.replace("{n}", str(n))],
        capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    filled, freed, trimmed = (float(x) for x in done.stdout.split())
    assert filled > BLOCK_MB and freed > BLOCK_MB  # resident, though free
    assert trimmed < BLOCK_MB / 8
