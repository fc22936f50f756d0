"""The benchmark's save and compaction figures on a real (small) vault: each save measured
on its own, the first after unlock kept apart, the bytes it hands to write() read around it;
a compaction writes the whole file."""

import pytest
from pytest import MonkeyPatch

pytest.importorskip("resource", reason="the benchmarks measure memory with POSIX resource")

from benchmarks import measure
from benchmarks.timing import io_counters
from casetracker.services.workspace import Workspace

linux_io = pytest.mark.skipif(not io_counters(), reason="/proc/self/io is Linux only")


def _cases(ws: Workspace, n: int) -> None:
    for i in range(n):
        ws.cases.create(f"Петров Иван {i}")
    ws.save()


@linux_io
def test_every_save_is_measured_with_its_bytes(ws: Workspace) -> None:
    _cases(ws, measure.SAVE_RUNS)
    out: dict = {}
    measure.measure_save(ws, out)
    save = out["save"]
    assert len(save["runs"]) == measure.SAVE_RUNS and save["first"] == save["runs"][0]
    assert not save["dirty_before_first"] and not ws.dirty
    for run in save["runs"]:
        assert run["durable"] >= run["gui_thread"] > 0
        assert run["wchar"] > 0  # the save wrote, and this process saw it
    assert set(save["median"]) == set(save["first"])


@linux_io
def test_a_compaction_writes_the_whole_file(ws: Workspace) -> None:
    _cases(ws, 3)
    ws.cases.update(ws.cases.rows()[0].ref, notes="before the compaction")
    out: dict = {}
    measure.measure_compaction(ws, out)
    compaction = out["compaction"]
    assert compaction["wchar"] >= ws.path.stat().st_size
    assert compaction["durable"] > 0 and compaction["via"]


def test_unlock_runs_what_the_unlock_page_runs(ws: Workspace, monkeypatch: MonkeyPatch) -> None:
    from casetracker.gui.start import unlock_page

    ran: list[Workspace] = []
    monkeypatch.setattr(unlock_page, "warmed", ran.append)
    measure.unlock_job_warms(ws)
    assert ran == [ws]
