"""Start-up time of the frozen app on Linux: launch to the unlock window, under Xvfb.

No hook in the app is needed: the timer starts when the process is launched and stops when
X reports a mapped (viewable) top-level window titled "Casetracker", polled every few
milliseconds with ``xwininfo``. A vault made by the frozen CLI is remembered as the last one
(the INI file of gui/app_settings.py), so the app opens straight on its unlock page, as it does
for a caseworker every morning. The first run is reported apart: its files may not have been
in the page cache yet.
"""

import os
import shutil
import statistics
import subprocess
import time
from collections.abc import Mapping
from pathlib import Path

from installer.checks import Report, clean_env
from installer.commands import run, say, scratch
from installer.layout import MAX_START_SECONDS, WINDOW_TITLE, BuildError

POLL_SECONDS = 0.005
GIVE_UP_SECONDS = 30


def free_display() -> str:
    for number in range(97, 140):
        taken = Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists()
        if not taken:
            return f":{number}"
    raise BuildError("no free X display between :97 and :139")


def window_is_viewable(display: str, title: str) -> bool:
    info = subprocess.run(
        ["xwininfo", "-display", display, "-name", title], capture_output=True, text=True
    )
    return info.returncode == 0 and "Map State: IsViewable" in info.stdout


def time_one_start(binary: Path, env: Mapping[str, str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(binary)], env=dict(env), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        while not window_is_viewable(env["DISPLAY"], WINDOW_TITLE):
            if process.poll() is not None:
                error = process.stderr.read().decode(errors="replace") if process.stderr else ""
                raise BuildError(
                    f"the app exited ({process.returncode}) before its window:\n{error}"
                )
            if time.perf_counter() - started > GIVE_UP_SECONDS:
                raise BuildError(f"no window after {GIVE_UP_SECONDS} s")
            time.sleep(POLL_SECONDS)
        return time.perf_counter() - started
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def drop_page_cache() -> None:
    """Linux, root: forget cached file contents so the next start reads from disk."""
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n", encoding="ascii")


def measure(binary: Path, report: Report, runs: int = 6, *, cold: bool = False) -> list[float]:
    """Seconds per start; fails the build when the median after the first is over budget.

    ``cold`` (root only) empties the page cache before the first run, so it includes reading
    the app from disk, as the first start after booting does.
    """
    for tool in ("Xvfb", "xwininfo"):
        if shutil.which(tool) is None:
            raise BuildError(f"--measure needs {tool} (apt-get install xvfb x11-utils)")
    times: list[float] = []
    with scratch("measure-") as tmp:
        env = clean_env(tmp / "home")
        vault = tmp / "home" / "org.ctvault"
        secrets = {
            "CASETRACKER_PASSPHRASE": "start-up timing only",
            "CASETRACKER_KDF_TARGET_MS": "0",
        }
        run([binary, "init", vault], env={**env, **secrets}, capture=True)
        settings = Path(env["XDG_CONFIG_HOME"]) / "Casetracker" / "Casetracker.ini"
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(f"[vault]\nlast_path={vault}\n", encoding="utf-8")
        display = free_display()
        xvfb = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 10
            while subprocess.run(
                ["xwininfo", "-display", display, "-root"], capture_output=True
            ).returncode:
                if time.monotonic() > deadline:
                    raise BuildError("Xvfb did not start")
                time.sleep(0.05)
            if cold:
                drop_page_cache()
            times = [time_one_start(binary, {**env, "DISPLAY": display}) for _ in range(runs)]
        finally:
            xvfb.terminate()
            xvfb.wait(10)
    first, rest = times[0], times[1:] or times[:1]
    median = statistics.median(rest)
    say(
        f"launch to unlock window: first ({'cold' if cold else 'warm'}) {first:.2f} s, "
        f"then median {median:.2f} s "
        f"(min {min(rest):.2f}, max {max(rest):.2f}) over {len(rest)} runs"
    )
    report.startup_seconds = [round(t, 3) for t in times]
    if median >= MAX_START_SECONDS:
        raise BuildError(f"start-up takes {median:.2f} s, over the {MAX_START_SECONDS} s budget")
    first_kind = "cold" if cold else "first"
    report.passed(
        f"start-up median {median:.2f} s, {first_kind} {first:.2f} s (< {MAX_START_SECONDS} s)"
    )
    return times
