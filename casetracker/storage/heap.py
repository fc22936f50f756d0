"""Hand free heap pages back to the system, so a closed vault's plaintext does not linger.

A closed vault's database, its serialised copies and the decrypted file stay in the C heap as
free blocks until reused. glibc's `malloc_trim` gives whole free pages back to the kernel, which
zeroes them before any reuse. Only glibc is tuned; elsewhere (Windows, macOS, musl) this does
nothing. (Until vault format 3 this module also raised glibc's mmap threshold, so that the
whole-database copy of every save reused one block; saves now append what changed, and that
tuning is gone.)
"""

from __future__ import annotations

import ctypes
import functools
import platform
import sys


@functools.cache
def _glibc() -> ctypes.CDLL | None:
    """The C library, when it is glibc (whose allocator is what is tuned here)."""
    if sys.platform != "linux" or platform.libc_ver()[0] != "glibc":
        return None
    try:
        return ctypes.CDLL(None)
    except OSError:
        return None


def release_free_memory() -> None:
    """Return free heap pages to the system (glibc's malloc_trim), e.g. after closing a vault.

    A closed vault's database and its copies would otherwise stay in the heap as free blocks,
    still holding plaintext, until reused: every block below glibc's mmap threshold and every
    one freed below the top of the heap. Trimming hands whole free pages back to the kernel,
    which zeroes them before any reuse.
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
