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
import functools
import platform
import sys
import threading

# mallopt() parameter from glibc's <malloc.h>.
_M_MMAP_THRESHOLD = -3
# Blocks up to 1 GiB come from the heap.
_THRESHOLD = 1 << 30

_done = False
_lock = threading.Lock()


@functools.cache
def _glibc() -> ctypes.CDLL | None:
    """The C library, when it is glibc (whose allocator is what is tuned here)."""
    if sys.platform != "linux" or platform.libc_ver()[0] != "glibc":
        return None
    try:
        return ctypes.CDLL(None)
    except OSError:
        return None


def keep_large_blocks() -> bool:
    """Raise glibc's mmap threshold once per process; True if it is raised."""
    global _done
    with _lock:
        if _done:
            return True
        libc = _glibc()
        if libc is None:
            return False
        try:
            mallopt = libc.mallopt
        except AttributeError:
            return False
        mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
        mallopt.restype = ctypes.c_int
        _done = bool(mallopt(_M_MMAP_THRESHOLD, _THRESHOLD))
        return _done


def release_free_memory() -> None:
    """Return free heap pages to the system (glibc's malloc_trim), e.g. after closing a vault.

    A closed vault's database and its copies would otherwise stay in the heap as free blocks,
    still holding plaintext, until reused: with the raised threshold, and without it too for
    every block below glibc's own threshold and every one freed below the top of the heap.
    Trimming hands whole free pages back to the kernel, which zeroes them before any reuse.
    So it does not depend on `keep_large_blocks`.
    """
    libc = _glibc()
    if libc is None:
        return
    try:
        malloc_trim = libc.malloc_trim
    except AttributeError:
        return
    malloc_trim.argtypes = (ctypes.c_size_t,)
    malloc_trim.restype = ctypes.c_int
    malloc_trim(0)
