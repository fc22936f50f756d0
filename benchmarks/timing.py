"""Small timing and memory helpers shared by the benchmark modules."""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def seconds(fn: Callable[[], Any]) -> tuple[float, Any]:
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
