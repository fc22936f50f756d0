"""Running tools for the build: echo the command, fail with its output, clean up after."""

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from installer.layout import BUILD, ROOT, BuildError


def say(text: str) -> None:
    print(f"[build] {text}", flush=True)


def run(
    cmd: Sequence[str | Path],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    capture: bool = False,
    timeout: float | None = None,
    hide: Sequence[str] = (),
) -> subprocess.CompletedProcess[str]:
    """Run a command; BuildError (with its output when captured) if it fails.

    The command is echoed first, with every string in ``hide`` (passwords) masked.
    """
    args = [str(c) for c in cmd]
    shown = " ".join(args)
    for secret in filter(None, hide):
        shown = shown.replace(secret, "***")
    say("$ " + shown)
    result = subprocess.run(
        args,
        env=dict(env) if env is not None else None,
        cwd=cwd,
        text=True,
        capture_output=capture,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        detail = (result.stdout or "") + (result.stderr or "") if capture else ""
        raise BuildError(f"{args[0]} exited with {result.returncode}\n{detail}".rstrip())
    return result


def output_of(cmd: Sequence[str]) -> str:
    """stdout of a quiet query (readelf, dpkg -S…); empty when the tool fails."""
    result = subprocess.run(list(cmd), capture_output=True, text=True, check=False)
    return result.stdout if result.returncode == 0 else ""


@contextmanager
def scratch(prefix: str) -> Iterator[Path]:
    """A temporary folder under build/, removed afterwards whatever happens."""
    BUILD.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=BUILD))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def tree_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of the regular files under ``folder``; symlinks are not followed."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            count += 1
    return total, count


def mib(size: int) -> str:
    return f"{size / 1048576:.1f} MiB"


def source_date_epoch() -> int:
    """Timestamp for archive members: SOURCE_DATE_EPOCH, else the last commit, else now."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    stamp = output_of(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"]).strip()
    return int(stamp) if stamp.isdigit() else int(time.time())
