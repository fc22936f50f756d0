"""Every thread the app starts is named, so Qt never asks a Python thread object for its
meta-object from the new thread (a race in PySide that crashed the app at unlock: see
``gui/background.named_thread``). Read back from the system, where Qt put the name."""

import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from casetracker.gui.background import run_in_background
from casetracker.gui.vault_session import VaultSession

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads thread names from /proc"
)


def _thread_names() -> set[str]:
    return {(task / "comm").read_text().strip() for task in Path("/proc/self/task").iterdir()}


def test_the_saver_thread_is_named(qtbot: QtBot, session: VaultSession) -> None:
    # The new thread sets its own name once it runs: on a loaded machine, a moment after
    # the session exists (the full suite failed here, under load, without the wait).
    qtbot.waitUntil(lambda: "casetracker-sav" in _thread_names(), timeout=10_000)


def test_a_background_job_runs_on_a_named_thread(qtbot: QtBot) -> None:
    seen: list[str] = []
    inside = threading.Event()
    leave = threading.Event()

    def job() -> None:
        seen.extend(_thread_names())
        inside.set()
        leave.wait(10)

    done: list[object] = []
    run_in_background(job, done.append, done.append)
    assert inside.wait(10)
    leave.set()
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert "casetracker-job" in seen
