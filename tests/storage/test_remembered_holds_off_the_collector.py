"""Working out a remembered value holds off Python's cyclic garbage collector (hundreds of
thousands of new objects at unlock), and it runs again afterwards."""

import gc

import pytest

from casetracker.storage.database import engine_from_snapshot, remembered


def test_the_collector_is_held_off_while_a_value_is_worked_out() -> None:
    engine = engine_from_snapshot(None)
    seen: list[bool] = []

    def compute() -> int:
        seen.append(gc.isenabled())
        return 1

    assert remembered(engine, "value", compute) == 1
    assert seen == [False]
    assert gc.isenabled()
    engine.dispose()


def test_the_collector_runs_again_after_a_failure() -> None:
    engine = engine_from_snapshot(None)

    def broken() -> int:
        raise RuntimeError("a bug in a rule")

    with pytest.raises(RuntimeError):
        remembered(engine, "value", broken)
    assert gc.isenabled()
    engine.dispose()


def test_a_collector_someone_else_stopped_stays_stopped() -> None:
    engine = engine_from_snapshot(None)
    gc.disable()
    try:
        remembered(engine, "value", lambda: 1)
        assert not gc.isenabled()
    finally:
        gc.enable()
        engine.dispose()
