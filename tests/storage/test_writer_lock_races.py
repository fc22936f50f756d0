"""Races for one lock: of many processes taking over (or past an empty lock) at once, one wins."""

from __future__ import annotations

import gc
import json
import multiprocessing
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from casetracker.storage.errors import VaultInUse
from casetracker.storage.writer_lock import WriterLock, lock_path_for

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and flock are POSIX")

RACERS = 8


def winners_of_a_race(vault: Path, take_over: VaultInUse | None) -> int:
    """Start RACERS forked processes at once, each trying to take the lock and holding it."""
    ctx = multiprocessing.get_context("fork")
    start, finish = ctx.Event(), ctx.Event()
    results = ctx.Queue()

    def racer() -> None:
        start.wait()
        try:
            lock = WriterLock.acquire(vault, take_over=take_over)
        except BaseException:  # refused (VaultInUse), or anything else: not a winner
            results.put(False)
            return
        results.put(True)
        finish.wait()
        lock.release()

    children = [ctx.Process(target=racer) for _ in range(RACERS)]
    # The children must not collect the test process's garbage: an unclosed pipe of the test
    # runner's, finalised in a racer, would warn there (an error under -W error), not win.
    gc.freeze()
    try:
        for child in children:
            child.start()
    finally:
        gc.unfreeze()
    start.set()
    won = sum(results.get(timeout=30) for _ in children)
    finish.set()
    for child in children:
        child.join(timeout=30)
    return won


def lock_left_on_another_computer(vault: Path) -> VaultInUse:
    owner = {"host": "caseworker-laptop", "user": "olena", "pid": 4242, "since": None}
    lock_path_for(vault).write_text(json.dumps(owner), encoding="utf-8")
    with pytest.raises(VaultInUse) as seen:
        WriterLock.acquire(vault)
    return seen.value


@pytest.mark.parametrize("round_", range(3))
def test_of_many_processes_taking_over_one_lock_at_once_exactly_one_wins(
    tmp_path: Path, round_: int
) -> None:
    vault = tmp_path / "org.ctvault"
    seen = lock_left_on_another_computer(vault)
    assert winners_of_a_race(vault, take_over=seen) == 1


@pytest.mark.parametrize(
    "leave", [lambda lock: lock.write_bytes(b""), lambda lock: None], ids=["empty lock", "none"]
)
def test_of_many_processes_opening_past_an_empty_lock_exactly_one_wins(
    tmp_path: Path, leave: Callable[[Path], object]
) -> None:
    vault = tmp_path / "org.ctvault"
    leave(lock_path_for(vault))
    assert winners_of_a_race(vault, take_over=None) == 1
