"""The desktop app as a person starts it (``casetracker --demo``), in its own process: no core
dumps, the debug log wired to the vault, and nothing written to the configuration folders."""

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.private_home import private_env

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux /proc")


def wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow  # a demo vault is made (about 4 s on an idle machine)
def test_the_started_app_dumps_no_core_and_follows_the_vault_in_its_log(tmp_path: Path) -> None:
    home = tmp_path / "home"
    log = tmp_path / "support.log"
    env = private_env(home)
    app = subprocess.Popen(
        [sys.executable, "-m", "casetracker", "--demo", "--debug-log", str(log)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        opened = wait_for(lambda: log.exists() and "vault opened" in log.read_text(), 60)
        limits = Path(f"/proc/{app.pid}/limits").read_text()
    finally:
        app.send_signal(signal.SIGTERM)
        _, err = app.communicate(timeout=30)
    assert opened, err[-2000:]
    core = next(line for line in limits.splitlines() if line.startswith("Max core file size"))
    assert core.split()[4:6] == ["0", "0"]
    assert "Traceback" not in err
    assert not (home / ".config" / "QtProject.conf").exists()
