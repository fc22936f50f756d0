"""kill -9 during a passphrase change and during a bundle import, a few times each.

tests/storage/test_kill_during_save.py kills a plain save loop 25 times. These run the other
two scenarios of the long suite (torture/kills.py, 500 kills each there) with a couple of
kills: after each one the vault opens with the old or the new passphrase and so does every
backup (never neither, and after the next open the retired passphrase opens nothing); an
import killed half-way left either none of the bundle's records or all of them. Half the
kills land at a chosen file-system call (the K-th write, fsync, rename, link, unlink…),
half after a random delay. The suite runs in its own process: it forks a child per kill,
which a process that has started Qt's threads (this one, in a full test run) must not do.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from torture.common import REPO_ROOT

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="the kill torture forks and sends SIGKILL: POSIX only"
)


def test_passphrase_change_and_bundle_import_survive_kill_9(tmp_path: Path) -> None:
    report_path = tmp_path / "report.json"
    done = subprocess.run(
        [sys.executable, "-m", "torture.run", "--only", "kills", "--scenarios",
         "passphrase,import", "--kills", "3", "--workdir", str(tmp_path), "--report",
         str(report_path)],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "CASETRACKER_KDF_TARGET_MS": "0"},
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    report = json.loads(report_path.read_text())
    by_name = {section["name"]: section for section in report["sections"]}
    passphrase, imported = by_name["kills: passphrase"], by_name["kills: import"]
    for section in (passphrase, imported):
        assert section["ok"], section["failures"]
        assert section["counts"]["kills"] == 3
    assert passphrase["counts"]["backups checked"] >= 30
