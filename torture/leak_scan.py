"""Leak scan: a scripted GUI session under strace, then every file it wrote is searched.

The session (torture/gui_session.py: tests/gui/scripted_session.py plus a bundle export)
runs under ``strace -ff -y -xx -s 16M -e trace=%file,write,pwrite64,writev,…``: every call
that takes a path, and every descriptor call that writes or changes a file, in every thread,
with the path behind each descriptor and every byte written (reads and polls, the rest of
``%desc``, are left out: they write nothing). From the trace:

- the touched paths: opened for writing, created (mkdir, rename or link target), removed,
  or only read; read-only system paths (/usr, /proc, /sys, /dev, /etc, site-packages, the
  Python installation and the repository's sources) are left out of the listing;
- every file opened for writing or created that still exists is read and searched;
- every byte written to a regular file through ``write``/``pwrite``/``writev`` is searched
  too, per file, so a temp file written and deleted during the session is not missed.

The search is for the marker (and each of its words) in UTF-8, UTF-16-LE and UTF-16-BE.
The session's HOME, TMPDIR and XDG folders point into the work folder, and bytecode writing
is off (PYTHONDONTWRITEBYTECODE), so the test harness's own source never lands in a .pyc.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tests.private_home import private_env
from torture.common import MARKER, REPO_ROOT

NEEDLES = [MARKER, *MARKER.split()]
_ESCAPED = re.compile(rb"\\x([0-9a-f]{2})")
_LINE = re.compile(r"^(?P<call>\w+)\((?P<args>.*)\)\s+=\s+(?P<ret>-?\d+|\?)(?P<rest>.*)$")
_STRING = re.compile(r'"((?:\\x[0-9a-f]{2})*)"')
_FD_PATH = re.compile(r"^(-?\d+)<((?:\\x[0-9a-f]{2})*)>")
_RET_PATH = re.compile(r"^<((?:\\x[0-9a-f]{2})*)>")
_WRITE_CALLS = {"write", "pwrite64", "writev", "pwritev", "pwritev2"}
_OPEN_CALLS = {"open", "openat", "openat2", "creat"}
_CREATE_CALLS = {"mkdir", "mkdirat", "link", "linkat", "symlink", "symlinkat", "mknod", "mknodat"}
_RENAME_CALLS = {"rename", "renameat", "renameat2"}
_REMOVE_CALLS = {"unlink", "unlinkat", "rmdir"}
_WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND")
#: Besides every call taking a path (%file): the descriptor calls that write or change files.
#: Reads and polls (most of %desc) are left out: they write nothing and a GUI makes many.
TRACED_FD_CALLS = (
    "write", "pwrite64", "writev", "pwritev", "pwritev2", "close", "dup", "dup2", "dup3",
    "fcntl", "ftruncate", "fallocate", "fsync", "fdatasync", "sendfile", "copy_file_range",
    "splice",
)  # fmt: skip


def patterns(needles: Iterable[str] = NEEDLES) -> list[bytes]:
    return [n.encode(enc) for n in needles for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def _unhex(text: str) -> bytes:
    return _ESCAPED.sub(lambda m: bytes([int(m.group(1), 16)]), text.encode("ascii"))


def _path(text: str) -> str:
    return _unhex(text).decode("utf-8", "surrogateescape")


@dataclass
class Trace:
    written: set[str] = field(default_factory=set)
    created: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    read: set[str] = field(default_factory=set)
    data: dict[str, bytearray] = field(default_factory=dict)
    calls: int = 0


def parse_line(line: str, trace: Trace) -> None:
    match = _LINE.match(line)
    if match is None:
        return
    call, args, ret, rest = match["call"], match["args"], match["ret"], match["rest"]
    trace.calls += 1
    if ret.startswith("-") or ret == "?":
        return
    strings = [_path(s) for s in _STRING.findall(args)]
    if call in _WRITE_CALLS:
        fd = _FD_PATH.match(args)
        if fd and fd.group(2):
            target = _path(fd.group(2))
            if target.startswith("/") and not target.startswith(("/dev/pts", "/dev/null")):
                buffer = trace.data.setdefault(target, bytearray())
                for chunk in _STRING.findall(args):
                    buffer += _unhex(chunk)
        return
    if call in _OPEN_CALLS:
        returned = _RET_PATH.match(rest.strip())
        path = _path(returned.group(1)) if returned else (strings[0] if strings else "")
        if not path:
            return
        if call == "creat" or any(flag in args for flag in _WRITE_FLAGS):
            trace.written.add(path)
        else:
            trace.read.add(path)
        return
    absolute = _absolute_paths(args)
    if call in _CREATE_CALLS and absolute:
        trace.created.add(absolute[-1])
    elif call in _RENAME_CALLS and len(absolute) >= 2:
        trace.removed.add(absolute[0])
        trace.created.add(absolute[-1])
    elif call in _REMOVE_CALLS and absolute:
        trace.removed.add(absolute[-1])


def _absolute_paths(args: str) -> list[str]:
    """Path arguments made absolute with the directory fd strace printed before them."""
    out: list[str] = []
    base = ""
    for token in re.finditer(
        r'(-?\d+|AT_FDCWD)<((?:\\x[0-9a-f]{2})*)>|"((?:\\x[0-9a-f]{2})*)"', args
    ):
        if token.group(2) is not None:
            base = _path(token.group(2))
        else:
            name = _path(token.group(3))
            out.append(name if name.startswith("/") else os.path.join(base or "/", name))
    return out


def parse_logs(paths: Iterable[Path]) -> Trace:
    trace = Trace()
    for path in paths:
        with open(path, encoding="ascii", errors="replace") as stream:
            for line in stream:
                parse_line(line.rstrip("\n"), trace)
    return trace


def system_path(path: str) -> bool:
    """Read-only places left out of the listing (never opened for writing in a session)."""
    prefixes = ("/usr/", "/proc/", "/sys/", "/dev/", "/etc/", "/lib", "/bin/", "/sbin/", "/opt/")
    return (
        path.startswith(prefixes)
        or "site-packages" in path
        or path.startswith(sys.base_prefix)
        or path.startswith(sys.prefix)
        or path.startswith(str(REPO_ROOT / "casetracker"))
        or path.startswith(str(REPO_ROOT / "tests"))
        or path.startswith(str(REPO_ROOT / "torture"))
    )


@dataclass
class ScanResult:
    listing: list[str]
    hits: list[str]
    scanned_files: int
    scanned_written_bytes: int
    syscalls: int


def scan(trace: Trace, needles: Iterable[str] = NEEDLES) -> ScanResult:
    wanted = patterns(needles)
    hits: list[str] = []
    listing: list[str] = []
    touched = trace.written | trace.created
    scanned = 0
    for path in sorted(touched | trace.removed | trace.read):
        if not path.startswith("/"):  # pipe:[…], socket:[…], anon_inode:[…]
            continue
        kinds = [
            name
            for name, group in (
                ("written", trace.written),
                ("created", trace.created),
                ("removed", trace.removed),
            )
            if path in group
        ]
        if not kinds and system_path(path):
            continue
        exists = os.path.lexists(path)
        if path in touched and not (system_path(path) and path.startswith("/dev/")):
            for file_path in _files_under(path):
                scanned += 1
                data = _read(file_path)
                if any(p in data for p in wanted):
                    hits.append(f"{file_path} (file on disk)")
        state = "exists" if exists else "gone"
        listing.append(f"{','.join(kinds) or 'read'}\t{state}\t{path}")
    written_bytes = 0
    for path, written in sorted(trace.data.items()):
        written_bytes += len(written)
        if any(p in written for p in wanted):
            hits.append(f"{path} (bytes written during the session)")
    return ScanResult(listing, hits, scanned, written_bytes, trace.calls)


def _files_under(path: str) -> list[str]:
    if os.path.isdir(path) and not os.path.islink(path):
        return [str(p) for p in Path(path).rglob("*") if p.is_file() and not p.is_symlink()]
    if os.path.isfile(path) and not os.path.islink(path):
        return [path]
    return []


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as stream:
            return stream.read()
    except OSError:
        return b""


def strace_available() -> str:
    """'' when strace can trace here, else why not."""
    if shutil.which("strace") is None:
        return "strace is not installed (Debian package strace)"
    done = subprocess.run(
        ["strace", "-f", "-o", os.devnull, "true"], capture_output=True, check=False
    )
    if done.returncode != 0:
        return f"strace cannot trace here: {done.stderr.decode(errors='replace')[:200]}"
    return ""


def run_traced_session(workdir: Path, timeout: float = 300) -> tuple[ScanResult, Path]:
    """Run torture.gui_session under strace with HOME etc. in `workdir`; scan what it wrote."""
    home, tmp, vault_dir, exports, logs = (
        workdir / n for n in ("home", "tmp", "vault", "exports", "strace")
    )
    for folder in (home, tmp, vault_dir, exports, logs):
        folder.mkdir(parents=True, exist_ok=True)
    (tmp / "runtime").mkdir(mode=0o700, exist_ok=True)
    env = private_env(
        home,
        tmp,
        XDG_RUNTIME_DIR=str(tmp / "runtime"),
        QT_QPA_PLATFORM="offscreen",
        CASETRACKER_KDF_TARGET_MS="0",
        PYTHONDONTWRITEBYTECODE="1",
    )
    session = [
        sys.executable, "-m", "torture.gui_session", str(vault_dir / "org.ctvault"), str(exports)
    ]  # fmt: skip
    result = traced(session, env, logs, timeout)
    if not (exports / "cases.age").exists():
        raise RuntimeError("the traced GUI session did not export its bundle")
    return result, logs


def traced(command: list[str], env: dict[str, str], logs: Path, timeout: float) -> ScanResult:
    """Run `command` under strace (logs in `logs`) and scan everything it wrote."""
    logs.mkdir(parents=True, exist_ok=True)
    strace = [
        "strace", "-ff", "-y", "-xx", "-s", str(16 * 1024 * 1024),
        "-e", f"trace=%file,{','.join(TRACED_FD_CALLS)}",
        "-e", "signal=none", "-o", str(logs / "trace"),
    ]  # fmt: skip
    done = subprocess.run(
        strace + command, env=env, cwd=REPO_ROOT, capture_output=True, timeout=timeout,
        check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"the traced process failed: {done.stderr[-3000:]!r}")
    return scan(parse_logs(sorted(logs.iterdir())))
