"""Small timing and memory helpers shared by the benchmark modules."""

from __future__ import annotations

import resource
import stat
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def seconds(fn: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def repeat(fn: Callable[[], Any], times: int) -> list[float]:
    return [seconds(fn)[0] for _ in range(times)]


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    """95th percentile, nearest rank (no interpolation: a value that was really measured)."""
    ordered = sorted(values)
    rank = max(1, -(-95 * len(ordered) // 100))
    return ordered[rank - 1]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "median": median(values),
        "p95": p95(values),
        "min": min(values),
        "max": max(values),
        "n": len(values),
    }


def peak_rss_bytes() -> int:
    """Highest resident set size of this process so far."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB


def current_rss_bytes() -> int:
    try:
        with open("/proc/self/statm") as stream:
            pages = int(stream.read().split()[1])
    except OSError:
        return 0
    return pages * resource.getpagesize()


def reset_peak_rss() -> bool:
    """Start a new peak (Linux: VmHWM, via /proc/self/clear_refs), so one phase's peak can be
    read on its own; ``ru_maxrss`` keeps the process's. False where that is not possible."""
    try:
        with open("/proc/self/clear_refs", "w") as stream:
            stream.write("5")
    except OSError:
        return False
    return True


def peak_rss_since_reset_bytes() -> int:
    """Highest resident set size since ``reset_peak_rss`` (the process's, where unsupported)."""
    try:
        with open("/proc/self/status") as stream:
            for line in stream:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return peak_rss_bytes()


def io_counters() -> dict[str, int]:
    """This process's I/O so far (all threads), from /proc/self/io: ``wchar`` is every byte
    handed to write() and the like; ``write_bytes`` what went to the storage layer (page cache
    pages dirtied; a hard link or a rename costs neither). Empty where unsupported."""
    try:
        with open("/proc/self/io") as stream:
            pairs = (line.split(":", 1) for line in stream if ":" in line)
            return {key.strip(): int(value) for key, value in pairs}
    except OSError:
        return {}


def io_delta(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {key: after[key] - before[key] for key in ("wchar", "write_bytes") if key in after}


def disk_usage(root: Path, prefix: str) -> dict[str, int]:
    """What the files in ``root`` whose names start with ``prefix`` (the vault, its lock,
    journal and backups folder, recursively) take: apparent size and allocated bytes, each
    hard-linked file counted once (backups are hard links of old vault files)."""
    seen: set[tuple[int, int]] = set()
    apparent = allocated = files = 0
    stack = [p for p in root.iterdir() if p.name.startswith(prefix)]
    while stack:
        path = stack.pop()
        try:
            info = path.lstat()
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode):
            stack.extend(path.iterdir())
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        files += 1
        apparent += info.st_size
        allocated += info.st_blocks * 512
    return {"apparent": apparent, "allocated": allocated, "files": files}
