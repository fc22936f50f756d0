"""kill -9 at random instants during saves: the vault always opens, holding the old or new data."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from save_loop import index_of, payload_for
from storage_samples import PASSPHRASE

from casetracker.storage.kdf import FLOOR
from casetracker.storage.vault_file import VaultFile

ROUNDS = 25
SAVE_LOOP = Path(__file__).with_name("save_loop.py")
REPO_ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 (SIGKILL) is POSIX")


def run_and_kill(path: Path, recovery_key: str, index: int, delay: float) -> list[int]:
    """Start the save loop, SIGKILL it after `delay` seconds of saving; the indexes it saved."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    loop = subprocess.Popen(
        [sys.executable, str(SAVE_LOOP), str(path), recovery_key, str(index)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    with loop:  # closes the pipes too
        assert loop.stdout is not None and loop.stderr is not None
        ready = loop.stdout.readline().strip()
        if ready != "ready":
            loop.kill()
            raise AssertionError(f"save loop did not start: {loop.stderr.read()}")
        time.sleep(delay)
        loop.send_signal(signal.SIGKILL)
        loop.wait()
        assert loop.returncode == -signal.SIGKILL, loop.stderr.read()
        return [int(line.split()[1]) for line in loop.stdout.read().splitlines() if line]


def test_vault_survives_kill_9_at_random_moments_during_saves(tmp_path: Path) -> None:
    rng = random.Random(20240719)
    path = tmp_path / "org.ctvault"
    vault, recovery_key = VaultFile.create(path, PASSPHRASE, payload_for(0), kdf=FLOOR)
    vault.close()
    index, total_saves = 0, 0
    for _ in range(ROUNDS):
        saved = run_and_kill(path, recovery_key, index, rng.uniform(0.0, 0.12))
        confirmed = saved[-1] if saved else index
        total_saves += len(saved)
        # The lock of the killed process is stale: opening takes it over.
        with VaultFile.open(path, recovery_key=recovery_key) as vault:
            found = index_of(vault.payload)
            assert found in (confirmed, confirmed + 1), (found, confirmed)
            assert vault.payload == payload_for(found)
            # Temp files of a killed save are cleared on open (the folder's, not backups').
            assert [p for p in path.parent.iterdir() if ".tmp-" in p.name] == []
        index = found
    assert total_saves > ROUNDS  # the kills really landed among saves
    assert VaultFile.check(path, recovery_key=recovery_key) == []
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert vault.payload == payload_for(index)
