"""No memory image of an open vault on disk: core dumps and crash-report heaps are turned off.

A crash of a process holding a decrypted database, its keys or a typed passphrase would
otherwise let the system write the whole memory to a core file (``core``, systemd-coredump,
apport) or a crash report (Windows Error Reporting). ``harden()`` runs first thing in
``cli.main.main`` — the one entry of the command line, the desktop app and the frozen builds —
before any vault is read. Qt-free and best effort: a call the system refuses is skipped
quietly; ``status()`` says what holds.
"""

import contextlib
import ctypes
import ctypes.util
import sys
from dataclasses import dataclass

# Linux <sys/prctl.h>
PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3
# Windows: SetErrorMode flags and WerSetFlags
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002
WER_FAULT_REPORTING_FLAG_NOHEAP = 1


@dataclass(frozen=True)
class GuardStatus:
    """What the process allows now (``None``: not known on this system)."""

    core_limit: tuple[int, int] | None
    dumpable: bool | None


def harden() -> None:
    """Forbid core files and memory dumps of this process and its children."""
    _no_core_files()
    if sys.platform.startswith("linux"):
        _not_dumpable()
    elif sys.platform == "win32":
        _no_windows_error_reporting()


def status() -> GuardStatus:
    core: tuple[int, int] | None = None
    try:
        import resource

        core = resource.getrlimit(resource.RLIMIT_CORE)
    except (ImportError, OSError, ValueError):
        pass
    dumpable: bool | None = None
    if sys.platform.startswith("linux"):
        libc = _libc()
        if libc is not None:
            dumpable = bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
    return GuardStatus(core_limit=core, dumpable=dumpable)


def _no_core_files() -> None:
    """RLIMIT_CORE 0, soft and hard, so neither we nor a child can raise it again (Unix)."""
    try:
        import resource
    except ImportError:  # Windows
        return
    with contextlib.suppress(OSError, ValueError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _not_dumpable() -> None:
    """PR_SET_DUMPABLE 0: the kernel then writes no core at all, not even to a core_pattern
    pipe (systemd-coredump, apport), which RLIMIT_CORE alone does not stop; it also keeps
    other processes of the same user from attaching a debugger (ptrace)."""
    libc = _libc()
    if libc is not None:
        libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def _no_windows_error_reporting() -> None:
    """No crash dialog; any error report without the heap (where the decrypted database
    lives); and the frozen app's own .exe excluded from Windows Error Reporting altogether
    (a per-user registry entry naming only that file; never python.exe, which would hide
    every Python program's crashes)."""
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return
    try:
        kernel32 = windll.kernel32
        kernel32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
        kernel32.WerSetFlags(WER_FAULT_REPORTING_FLAG_NOHEAP)
        if getattr(sys, "frozen", False):
            windll.wer.WerAddExcludedApplication(ctypes.c_wchar_p(sys.executable), False)
    except (AttributeError, OSError):
        pass


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c") or "libc.so.6"
    try:
        libc = ctypes.CDLL(name, use_errno=True)
    except OSError:
        return None
    libc.prctl.argtypes = [
        ctypes.c_int,
        ctypes.c_ulong,
        ctypes.c_ulong,
        ctypes.c_ulong,
        ctypes.c_ulong,
    ]
    libc.prctl.restype = ctypes.c_int
    return libc
