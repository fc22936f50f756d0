"""Let the C heap reuse large blocks, so serialising the database does not fault in new pages.

Each save copies the whole database (210 MB at 20,000 cases) into a new bytes object on the
GUI thread. glibc serves blocks above its mmap threshold (32 MiB at most, by default) from
fresh mappings and unmaps them on free, so every save faulted in 51,000 new pages: the copy
took 75 ms. With the threshold raised, such blocks come from the heap, and the block freed
after one save is reused by the next: the copy takes about 10 ms. The trim threshold is left
alone, so free memory at the top of the heap still goes back to the system as usual.

Only glibc is tuned. Elsewhere (Windows, macOS, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import platform
import sys
import threading

# mallopt() parameter from glibc's <malloc.h>.
_M_MMAP_THRESHOLD = -3
# Blocks up to 1 GiB come from the heap.
_THRESHOLD = 1 << 30

_done = False
_lock = threading.Lock()


def keep_large_blocks() -> bool:
    """Raise glibc's mmap threshold once per process; True if it is raised."""
    global _done
    with _lock:
        if _done:
            return True
        if sys.platform != "linux" or platform.libc_ver()[0] != "glibc":
            return False
        try:
            mallopt = ctypes.CDLL(None).mallopt
        except (OSError, AttributeError):
            return False
        mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
        mallopt.restype = ctypes.c_int
        _done = bool(mallopt(_M_MMAP_THRESHOLD, _THRESHOLD))
        return _done


def release_free_memory() -> None:
    """Return free heap pages to the system (glibc's malloc_trim), e.g. after closing a vault.

    With the raised threshold a closed vault's database and its copies would stay in the heap
    as free blocks, still holding plaintext, until reused. Trimming hands whole free
    pages back to the kernel, which zeroes them before any reuse.
    """
    if not _done:
        return
    try:
        malloc_trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    malloc_trim.argtypes = (ctypes.c_size_t,)
    malloc_trim.restype = ctypes.c_int
    malloc_trim(0)
