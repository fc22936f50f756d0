"""A process started through ``casetracker``'s entry point can leave no core dump behind.

Each check runs the real ``cli.main.main`` in a child process (the guard is process-wide and
cannot be undone), then reads the child's limits from outside and makes it crash.
"""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux /proc, prctl")

ROOT = Path(__file__).resolve().parents[1]

#: Raises the core limit as far as the system lets it (so the guard has something to lower;
#: as root even past a hard limit of 0 inherited from this test process, which the CLI tests
#: that call ``main`` in-process have guarded), then enters like the `casetracker` command,
#: reports, and waits for "crash" or "exit".
CHILD = textwrap.dedent(
    """
    import json, os, resource, sys
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY,) * 2)
    except (OSError, ValueError):
        _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))
    if sys.argv[1] == "guarded":
        from casetracker.cli.main import main
        try:
            main(["--version"])
        except SystemExit:
            pass
    from casetracker import process_guard
    state = process_guard.status()
    print(json.dumps({"core": state.core_limit, "dumpable": state.dumpable}), flush=True)
    if sys.stdin.readline().strip() == "crash":
        os.abort()
    """
)


def start_child(mode: str, cwd: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, mode],
        cwd=cwd,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def first_report(child: subprocess.Popen[str]) -> dict[str, object]:
    assert child.stdout is not None
    while True:
        line = child.stdout.readline()
        if not line or line.startswith("{"):
            return dict(json.loads(line)) if line else {}


def finish(child: subprocess.Popen[str], word: str) -> int:
    assert child.stdin is not None
    with child:  # closes the pipes too
        child.stdin.write(word + "\n")
        child.stdin.flush()
        return child.wait(timeout=30)


def max_core_line(pid: int) -> str:
    limits = Path(f"/proc/{pid}/limits").read_text()
    return next(line for line in limits.splitlines() if line.startswith("Max core file size"))


def test_the_entry_point_forbids_core_files_and_dumps(tmp_path: Path) -> None:
    child = start_child("guarded", tmp_path)
    try:
        state = first_report(child)
        assert state == {"core": [0, 0], "dumpable": False}
        # Read from outside too: soft and hard limit 0, so nothing in the process can raise it.
        assert max_core_line(child.pid).split()[4:6] == ["0", "0"]
    finally:
        finish(child, "exit")


def test_a_crash_after_start_writes_no_core_file(tmp_path: Path) -> None:
    control_dir, guarded_dir = tmp_path / "control", tmp_path / "guarded"
    control_dir.mkdir()
    guarded_dir.mkdir()
    control = start_child("control", control_dir)
    first_report(control)
    finish(control, "crash")
    if not any(control_dir.iterdir()):
        pattern = Path("/proc/sys/kernel/core_pattern").read_text().strip()
        pytest.skip(f"this system writes no core file here (core_pattern {pattern!r})")

    guarded = start_child("guarded", guarded_dir)
    first_report(guarded)
    assert finish(guarded, "crash") != 0  # it did crash
    assert list(guarded_dir.iterdir()) == []
