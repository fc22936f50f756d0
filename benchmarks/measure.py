"""Every measurement at one size, on a vault made by benchmarks.generate (one child process).

    python -m benchmarks.measure VAULT --cases N --json OUT

``benchmarks.run`` calls this once per size, so each size's peak memory is its own. The steps
follow one working session, in a person's order: unlock (through the real app, then step by
step), Today, the Cases view's first showing, searches typed into it, edits saved one by one,
rules, a day's edits saved and the vault locked and unlocked again, the other sections, a
compaction. Its peak memory is read before the export (reported on its own) and before the
baselines (which hold extra copies of the database) start.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import baselines
from benchmarks.generate import BENCHMARK_PASSPHRASE
from benchmarks.timing import (
    current_rss_bytes,
    disk_usage,
    io_counters,
    io_delta,
    median,
    peak_rss_since_reset_bytes,
    repeat,
    reset_peak_rss,
    seconds,
    summary,
)
from casetracker.model import CaseStatus
from casetracker.services import migrations
from casetracker.services.sharing import ensure_org_keys
from casetracker.services.workspace import Workspace
from casetracker.storage import envelope, key_slots
from casetracker.storage.database import engine_from_snapshot, snapshot
from casetracker.storage.kdf import FLOOR

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from casetracker.gui.views.cases_view import CasesView

#: What caseworkers type: names, units, places, notes, in Cyrillic and Latin.
QUERIES = (
    "Смирнов", "Smirnov", "Александр", "Aleksandr", "Юсупов", "Yusupov", "Фёдоров",
    "Fyodorov", "Цыбиков", "Tsybikov", "21005", "Бурятия", "Брянка", "Bryanka", "СИЗО",
    "Luhansk", "Петрова", "прокуратур",
)  # fmt: skip

UNLOCK_RUNS = 3
SAVE_RUNS = 6  # the first after unlock, then five more for a median
RULE_RUNS = 5
JOURNAL_EDITS = 200  # a working day's edits, each saved, before the vault is locked
EXPORT_CASES = 500
CASES_SECTION = 1  # the main window's sections: Today, Cases, …
#: Signals a Cases view may gain to say its results (or its duplicates) are on screen; waited
#: on when present, otherwise the table model's reset is.
SHOWN_SIGNALS = ("results_shown", "search_shown", "rows_shown", "search_done")
DUPLICATES_SIGNALS = ("duplicates_shown", "duplicates_ready", "duplicates_done")
WAIT_S = 600.0  # a result that takes longer than this is a failure, not a figure


def keystrokes() -> list[str]:
    """Each prefix of each query, as typed one letter at a time."""
    return [query[:n] for query in QUERIES for n in range(1, len(query) + 1)]


class Peaks:
    """Peak resident memory per phase (Linux's VmHWM, reset between phases) and over all of
    them: ``ru_maxrss`` cannot be reset, so a phase's own peak needs VmHWM."""

    def __init__(self) -> None:
        self.highest = peak_rss_since_reset_bytes()  # imports, Qt: part of any session

    def read(self) -> int:
        peak = peak_rss_since_reset_bytes()
        self.highest = max(self.highest, peak)
        return peak

    def reset(self) -> None:
        self.read()
        reset_peak_rss()


@contextmanager
def kdf_clock() -> Iterator[list[float]]:
    """Time every key-slot unlock (the Argon2id derivation) inside the block."""
    spent: list[float] = []
    real = key_slots.unlock

    def timed(*args: Any, **kwargs: Any) -> bytes:
        elapsed, result = seconds(lambda: real(*args, **kwargs))
        spent.append(elapsed)
        return result

    key_slots.unlock = timed
    try:
        yield spent
    finally:
        key_slots.unlock = real


class CaseList:
    """The case list as the GUI builds it: the view's model, which sorts itself."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt

        from casetracker.gui.models.case_table import CaseTableModel

        self.model = CaseTableModel()
        self.model.sort(0, Qt.SortOrder.AscendingOrder)  # the view opens sorted by reference

    def fill(self, rows: Any, flags: Any = None) -> None:
        self.model.set_rows(rows, flags)


def unlock_job_warms(ws: Workspace) -> None:
    """What the unlock page's background job runs after opening (gui/start/unlock_page.py:
    ``warmed``, where it exists; else ``Workspace.warm``), so the figure follows the app."""
    from casetracker.gui.start import unlock_page

    warmed: Callable[[Workspace], object] | None = getattr(unlock_page, "warmed", None)
    if warmed is not None:
        warmed(ws)
    else:
        ws.warm()


def collect_widgets() -> None:
    """Delete now the windows the benchmark is done with (``deleteLater`` waits for an event
    loop's turn that ``processEvents`` never gives), so the session's memory is the app's and
    not the benchmark's leftovers."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def measure_unlock_through_app(vault: Path, workdir: Path, out: dict[str, Any]) -> None:
    """The whole unlock as a person meets it: the real App's unlock page given the passphrase,
    its background job, the hand-over to the GUI thread, the main window built and shown with
    Today. First as the process's first unlock (the app just started: what "met" is judged
    on), then again after a lock. Also the GUI thread's longest block meanwhile (the unlock
    page should stay responsive)."""
    from PySide6.QtWidgets import QApplication

    from casetracker.gui.app import App
    from casetracker.gui.app_settings import AppSettings

    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    app = App(settings=AppSettings(workdir / "settings" / "Casetracker.ini"), default_path=vault)
    opened = Counter(app.opened)
    start = app.start_window
    start.show_unlock(vault)
    start.show()
    qapp.processEvents()
    runs = []
    try:
        for n in range(2):  # the first of the app's life, then one after a lock
            if n:
                app.lock(automatic=True)
                qapp.processEvents()
            start.unlock.passphrase.setText(BENCHMARK_PASSPHRASE)
            with kdf_clock() as kdf:
                clock = time.perf_counter()
                start.unlock.unlock()
                stall = loop_until(qapp, lambda n=n: opened.count > n)  # type: ignore[misc]
                total = time.perf_counter() - clock
            runs.append({"after_kdf": total - sum(kdf), "kdf": sum(kdf), "gui_stall": stall})
        out["unlock"]["through_app"] = runs[0] | {"again": runs[1]}
    finally:
        app.shutdown()
        start.close()
        start.deleteLater()
        del app
        collect_widgets()


def measure_unlock(vault: Path, out: dict[str, Any]) -> Workspace:
    """Open, list and fill UNLOCK_RUNS times; the last workspace stays open for the rest."""
    runs = []
    ws: Workspace | None = None
    for _ in range(UNLOCK_RUNS):
        if ws is not None:
            ws.close(save=False)
        case_list = CaseList()
        with kdf_clock() as kdf:
            total, ws = seconds(lambda: Workspace.open(vault, passphrase=BENCHMARK_PASSPHRASE))
        assert ws is not None
        warm_s, _ = seconds(partial(unlock_job_warms, ws))
        rows_s, rows = seconds(ws.cases.rows)
        fill_s, _ = seconds(partial(case_list.fill, rows))
        runs.append(
            {
                "kdf": sum(kdf),
                "open_after_kdf": total - sum(kdf),
                "warm": warm_s,
                "rows": rows_s,
                "fill": fill_s,
                "after_kdf": total - sum(kdf) + warm_s + rows_s + fill_s,
            }
        )
    assert ws is not None
    out["unlock"] = (
        out.get("unlock", {})
        | {key: median([r[key] for r in runs]) for key in runs[0]}
        | {"runs": runs}
    )
    return ws


def unlock_breakdown(vault: Path) -> dict[str, Any]:
    """The after-KDF steps of opening one by one (without taking the writer lock), for a
    file that is one sealed payload; a file with more in it (a journal) gets the steps it
    has, and the reason the rest are missing.

    Not the app's own path (its memory is not trimmed as `Workspace.open` trims it), so it
    runs after the memory readings."""
    steps: dict[str, Any] = {}
    try:
        steps["read"], untrusted = seconds(vault.read_bytes)
        steps["parse"], parsed = seconds(lambda: envelope.parse(untrusted))
        data_key = key_slots.unlock(
            parsed.header.slots, parsed.header.vault_id, passphrase=BENCHMARK_PASSPHRASE
        )
        steps["decrypt_and_decompress"], payload = seconds(
            lambda: envelope.decrypt(parsed, data_key)
        )
        steps["deserialize"], engine = seconds(lambda: engine_from_snapshot(payload))
        steps["migrations_check"], _ = seconds(
            lambda: (migrations.upgrade(engine), ensure_org_keys(engine))
        )
        engine.dispose()
    except Exception as exc:  # a format this breakdown does not know: the figures it has
        steps["unavailable"] = f"{type(exc).__name__}: {exc}"
    return steps


def measure_rules(ws: Workspace, out: dict[str, Any]) -> None:
    """Every rule over every case: right after an edit (facts read from the database again)
    and when nothing changed since the last evaluation (facts remembered)."""
    refs = [row.ref for row in ws.cases.rows()[:RULE_RUNS]]
    after_edit = []
    for i, ref in enumerate(refs):
        ws.cases.update(ref, notes=f"rules benchmark {i}")
        after_edit.append(seconds(ws.flags.evaluate)[0])
    unchanged = repeat(ws.flags.evaluate, RULE_RUNS)
    open_flags = repeat(ws.flags.open_flags, RULE_RUNS)
    out["rules"] = {
        "evaluate": median(after_edit),
        "evaluate_first": after_edit[0],
        "evaluate_unchanged": median(unchanged),
        "open_flags": median(open_flags),
        "flags": len(ws.flags.evaluate()),
    }


def measure_search_service(ws: Workspace, out: dict[str, Any]) -> None:
    """The service alone (``ws.cases.rows(search=…)``), after the view's searches built the
    index: what the FTS5 baseline is compared with."""
    service: list[float] = []
    matches: list[int] = []
    for prefix in keystrokes():
        rows_s, rows = seconds(partial(ws.cases.rows, search=prefix))
        service.append(rows_s)
        matches.append(len(rows))
    out["search"]["service"] = summary(service)
    out["search"]["median_matches"] = median([float(m) for m in matches])


def vault_disk(ws: Workspace) -> dict[str, int]:
    """The vault file, its lock and journal, and its backups folder, as they sit on disk."""
    path = ws.path.resolve()
    return disk_usage(path.parent, path.name)


def _written(before: dict[str, int], after: dict[str, int], disk0: dict[str, int],
             disk1: dict[str, int]) -> dict[str, int]:  # fmt: skip
    io = io_delta(before, after)
    return {
        "wchar": io.get("wchar", 0),
        "write_bytes": io.get("write_bytes", 0),
        "disk_growth": disk1["allocated"] - disk0["allocated"],
        "size_growth": disk1["apparent"] - disk0["apparent"],
    }


def timed_save(ws: Workspace) -> dict[str, Any]:
    """One save as gui/saver.py runs it, with its times and the bytes it wrote."""
    disk0, io0 = vault_disk(ws), io_counters()
    gui_s, prepared = seconds(ws.prepare_save)
    worker_s, stall_s = worker_with_ticks(partial(ws.finish_save, prepared))
    io1, disk1 = io_counters(), vault_disk(ws)
    return {
        "snapshot": getattr(prepared, "snapshot", prepared) is not None,
        "gui_thread": gui_s,
        "worker": worker_s,
        "durable": gui_s + worker_s,
        "gui_stall_during_worker": stall_s,
    } | _written(io0, io1, disk0, disk1)


def measure_save(ws: Workspace, out: dict[str, Any]) -> None:
    """One edit, then the save as gui/saver.py runs it: prepare on the GUI thread, then the
    worker. The first save after unlock is kept on its own (what "met" is judged on); the
    bytes each save hands to the kernel (``wchar``), the storage writes it causes
    (``write_bytes``) and how much the vault and its backups grow on disk are read around it."""
    dirty_before = ws.dirty
    refs = [row.ref for row in ws.cases.rows()[:SAVE_RUNS]]
    runs = []
    for i, ref in enumerate(refs):
        ws.cases.update(ref, notes=f"benchmark edit {i}")
        runs.append(timed_save(ws))
    rest = runs[1:] or runs
    out["save"] = {
        "first": runs[0],
        "median": {key: median([float(r[key]) for r in rest]) for key in runs[0]},
        "gui_thread_worst": max(r["gui_thread"] for r in runs),
        "gui_stall_worst": max(r["gui_stall_during_worker"] for r in runs),
        "dirty_before_first": dirty_before,
        "runs": runs,
        "file_bytes": ws.path.stat().st_size,
        "disk_after": vault_disk(ws),
    }


def measure_reopen(ws: Workspace, vault: Path, out: dict[str, Any]) -> Workspace:
    """A working day's edits, each saved, then the vault closed as locking closes it (no
    compaction, where closing offers that choice) and unlocked again: the unlock that has a
    journal to replay. Returns the reopened workspace, which the session carries on with."""
    refs = [row.ref for row in ws.cases.rows()[:JOURNAL_EDITS]]
    disk0 = vault_disk(ws)
    snapshots = 0
    clock = time.perf_counter()
    for i, ref in enumerate(refs):
        ws.cases.update(ref, notes=f"journal edit {i}")
        prepared = ws.prepare_save()
        snapshots += getattr(prepared, "snapshot", prepared) is not None
        ws.finish_save(prepared)
        del prepared
    saving_s = time.perf_counter() - clock
    disk1 = vault_disk(ws)
    if "compact" in inspect.signature(ws.close).parameters:
        cast(Callable[..., None], ws.close)(compact=False)
    else:
        ws.close()
    with kdf_clock() as kdf:
        total, reopened = seconds(lambda: Workspace.open(vault, passphrase=BENCHMARK_PASSPHRASE))
    warm_s, _ = seconds(partial(unlock_job_warms, reopened))
    open_s = total - sum(kdf)
    out["reopen"] = {
        "edits": len(refs),
        "saves_with_a_snapshot": snapshots,
        "saving": saving_s,
        "growth": disk1["apparent"] - disk0["apparent"],
        "open_after_kdf": open_s,
        "warm": warm_s,
        "after_kdf": open_s + warm_s,
    }
    # The first save after this unlock: the journal is there (a design may compact now).
    if refs:
        reopened.cases.update(refs[0], notes="first edit after the reopen")
        out["reopen"]["first_save"] = timed_save(reopened)
    return reopened


def measure_compaction(ws: Workspace, out: dict[str, Any]) -> None:
    """A full snapshot written, as compaction does. Where ``prepare_save`` takes ``compact``,
    as the saver runs it: the snapshot taken on the calling thread (the GUI's), the write in a
    worker (its longest pause of the GUI thread noted); else ``Workspace.compact()``; else the
    vault file's whole-file save of the serialised database. The JSON says which."""
    disk0, io0 = vault_disk(ws), io_counters()
    gui_s: float | None = None
    stall_s: float | None = None
    if "compact" in inspect.signature(ws.prepare_save).parameters:
        via = "Workspace.prepare_save(compact=True) + finish_save"
        prepare = cast(Callable[..., Any], ws.prepare_save)
        gui_s, prepared = seconds(lambda: prepare(compact=True))
        worker_s, stall_s = worker_with_ticks(partial(ws.finish_save, prepared))
        del prepared
        total_s = gui_s + worker_s
    elif (compact := getattr(ws, "compact", None)) is not None:
        via = "Workspace.compact()"
        total_s, _ = seconds(compact)
    else:
        via = "VaultFile.save(snapshot(engine))"
        gui_s, payload = seconds(lambda: snapshot(ws.engine))
        write_s, _ = seconds(partial(ws.file.save, payload))
        del payload
        total_s = gui_s + write_s
    io1, disk1 = io_counters(), vault_disk(ws)
    out["compaction"] = {
        "via": via,
        "durable": total_s,
        "gui_thread": gui_s,
        "gui_stall_during_worker": stall_s,
        "file_bytes": ws.path.stat().st_size,
        "disk_after": disk1,
    } | _written(io0, io1, disk0, disk1)


def worker_with_ticks(work: Callable[[], object], tick: float = 0.001) -> tuple[float, float]:
    """Run ``work`` on a thread as gui/saver.py does; meanwhile the main thread wakes every
    ``tick`` and notes its longest wait beyond that: what the worker (the GIL, memory
    bandwidth) takes from the GUI thread. Returns (worker seconds, longest stall)."""
    done = threading.Event()
    errors: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:
            errors.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=run)
    start = last = time.perf_counter()
    thread.start()
    stall = 0.0
    while not done.is_set():
        time.sleep(tick)
        now = time.perf_counter()
        stall = max(stall, now - last - tick)
        last = now
    elapsed = time.perf_counter() - start
    thread.join()
    if errors:
        raise errors[0]
    return elapsed, stall


def loop_until(app: QApplication, done: Callable[[], bool], timeout: float = WAIT_S) -> float:
    """Run the GUI event loop until ``done()``; returns the longest time the GUI thread did not
    get back to its loop (a 1 ms timer's longest gap beyond 1 ms): how long a person's input
    would have waited meanwhile. Raises TimeoutError after ``timeout`` seconds."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    ticks = QTimer()
    ticks.setInterval(1)
    state = {"last": time.perf_counter(), "stall": 0.0}
    deadline = state["last"] + timeout

    def tick() -> None:
        now = time.perf_counter()
        state["stall"] = max(state["stall"], now - state["last"] - 0.001)
        state["last"] = now
        if done() or now > deadline:
            loop.quit()

    ticks.timeout.connect(tick)
    if not done():
        ticks.start()
        loop.exec()
        ticks.stop()
    app.processEvents()
    if not done():
        raise TimeoutError("the Cases view did not finish within the benchmark's patience")
    return max(state["stall"], 0.0)


def _signal(view: object, names: tuple[str, ...]) -> tuple[str, Any] | None:
    """The first of ``names`` that is a signal of ``view``, with its name."""
    from PySide6.QtCore import SignalInstance

    for name in names:
        candidate = getattr(view, name, None)
        if isinstance(candidate, SignalInstance):
            return name, candidate
    return None


class Counter:
    """Counts emissions of the signals given (connected once, read as often as needed)."""

    def __init__(self, *signals: Any) -> None:
        self.count = 0
        for signal in signals:
            signal.connect(self._hit)

    def _hit(self, *_args: object) -> None:
        self.count += 1


def type_text(app: QApplication, view: CasesView, text: str, shown: Counter) -> list[float]:
    """Type ``text`` into the view's search field one key at a time, as a person does (a key
    event each, so the line edit's own path runs: textChanged, the view's handlers); after
    each, wait until the view says the rows are shown (or its model was refilled) and the
    screen is painted. Returns each keystroke's time until then."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    times = []
    for char in text:
        before = shown.count
        start = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            app.sendEvent(view.search, event)
        loop_until(app, lambda b=before: shown.count > b)  # type: ignore[misc]
        view.table.viewport().repaint()  # the rows on screen drawn, sized as shown
        times.append(time.perf_counter() - start)
    return times


def clear_search(app: QApplication, view: CasesView, shown: Counter) -> None:
    if not view.search.text():
        return
    before = shown.count
    view.search.clear()
    loop_until(app, lambda: shown.count > before)


@contextmanager
def undelayed(view: CasesView) -> Iterator[dict[str, int]]:
    """The view's own single-shot timers (a search debounce) fire at once meanwhile: the wait
    is deliberate, not work, and is reported on its own. Yields their intervals in ms."""
    from PySide6.QtCore import Qt, QTimer

    timers = [
        t
        for t in view.findChildren(QTimer, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if t.isSingleShot() and t.interval() > 0
    ]
    intervals = {t.objectName() or f"timer{i}": t.interval() for i, t in enumerate(timers)}
    originals = [t.interval() for t in timers]
    for timer in timers:
        timer.setInterval(0)
    try:
        yield intervals
    finally:
        for timer, interval in zip(timers, originals, strict=True):
            timer.setInterval(interval)


def measure_search_in_view(app: QApplication, view: CasesView, out: dict[str, Any]) -> None:
    """Every query typed into the real Cases view, letter by letter; the first keystroke after
    unlock (it builds the search index) on its own, the others as median and p95."""
    found = _signal(view, SHOWN_SIGNALS)
    if found is not None:
        waited_on, shown = f"CasesView.{found[0]}", Counter(found[1])
    else:  # whichever the view changes: its model refilled or re-sorted
        waited_on = "the table model's reset or new layout"
        shown = Counter(view.model.modelReset, view.model.layoutChanged)
    typed: list[float] = []
    with undelayed(view) as debounce:
        for query in QUERIES:
            clear_search(app, view, shown)
            typed += type_text(app, view, query, shown)
        clear_search(app, view, shown)
    out["search"] = {
        "first": typed[0],
        "typed": summary(typed[1:]),  # not "keystroke": earlier runs meant rows + model by it
        "keystrokes": len(typed),
        "debounce_ms": debounce,
        "waited_on": waited_on,
    }


def measure_cases_first(app: QApplication, window: Any, out: dict[str, Any]) -> None:
    """The Cases section shown for the first time: how long the GUI thread is blocked by the
    showing itself, the longest it is blocked afterwards until the duplicates banner is settled,
    and when the banner appears (duplicates may be worked out off the GUI thread)."""
    view: CasesView = window.cases
    ready = _signal(view, DUPLICATES_SIGNALS)
    finished = Counter(ready[1]) if ready is not None else None
    start = time.perf_counter()
    window.show_section(CASES_SECTION)
    app.processEvents()
    gui_s = time.perf_counter() - start

    def settled() -> bool:
        if finished is not None:
            return finished.count > 0
        return view.duplicates_banner.isVisible() or not _duplicates_pending(view)

    stall = loop_until(app, settled)
    banner_s = time.perf_counter() - start
    out["cases_first"] = {
        "gui_thread": gui_s,
        "gui_stall_after": stall,
        "gui_blocked": max(gui_s, stall),
        "duplicates_shown": banner_s if view.duplicates_banner.isVisible() else None,
        "duplicates_settled": banner_s,
        "rows": view.model.rowCount(),
    }


def _duplicates_pending(view: CasesView) -> bool:
    """Whether the view says it is still working duplicates out (if it says so at all)."""
    for name in ("duplicates_pending", "_duplicates_pending", "duplicates_busy"):
        value = getattr(view, name, None)
        if callable(value):
            value = value()
        if isinstance(value, bool):
            return value
    return False


def measure_window(ws: Workspace, out: dict[str, Any]) -> None:
    """The real main window right after unlocking: built and shown with Today (what the user
    sees first), the Cases section's first showing and searches typed into it, then each
    other section's first showing (sections fill when first shown)."""
    from PySide6.QtWidgets import QApplication

    from casetracker.gui.main_window import MainWindow
    from casetracker.gui.vault_session import VaultSession

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    session = VaultSession(ws)
    window: MainWindow | None = None

    def build() -> MainWindow:
        made = MainWindow(session)
        made.show()
        app.processEvents()
        return made

    try:
        shown_s, window = seconds(build)
        assert window is not None
        measure_cases_first(app, window, out)
        measure_search_in_view(app, window.cases, out)
        sections: dict[str, float] = {}
        shown = window

        def show(row: int) -> None:
            shown.show_section(row)
            app.processEvents()

        for row in range(CASES_SECTION + 1, len(window.views)):
            sections[window.nav.item(row).text()], _ = seconds(partial(show, row))
        out["window"] = {
            "today_shown": shown_s,
            "sections": sections,
            "section_worst": max(sections.values()),
            "section_worst_name": max(sections, key=lambda k: sections[k]),
        }
        unlock = out["unlock"]
        unlock["to_window"] = unlock["open_after_kdf"] + unlock["warm"] + shown_s
        out["window"]["gui_thread"] = shown_s
    finally:
        if window is not None:
            window.teardown()
            window.deleteLater()
        session.saver.stop()
        app.processEvents()
        collect_widgets()


def measure_table(ws: Workspace, out: dict[str, Any]) -> None:
    """The Cases view itself, shown at the main window's size (a hidden table measures every
    row's width, a shown one the rows on screen): refresh, sort by each column as a header
    click does, filter."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from casetracker.gui.vault_session import VaultSession
    from casetracker.gui.views.cases_view import CasesView

    session = VaultSession(ws)
    view = CasesView()
    view.resize(1100, 760)
    view.show()
    QApplication.processEvents()
    try:
        refresh_s, _ = seconds(lambda: view.set_session(session))
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        # Duplicates worked out on a worker would take the GIL from what is timed next.
        duplicates_s, _ = seconds(lambda: loop_until(app, lambda: not _duplicates_pending(view)))
        rows = ws.cases.rows()
        fill = repeat(lambda: view.model.set_rows(rows, view._flags), 3)
        sorts: dict[str, float] = {}
        for column, name in enumerate(view.model.COLUMNS):
            for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
                elapsed, _ = seconds(partial(view.table.sortByColumn, column, order))
                sorts[f"{name} {order.name[:-5].lower()}"] = elapsed
        view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        status_index = view.status_filter.findData(CaseStatus.DETAINED.value)
        filter_s, _ = seconds(lambda: view.status_filter.setCurrentIndex(status_index))
        shown = view.model.rowCount()
        clear_s, _ = seconds(view.clear_filters)
        # The whole view per keystroke (after its 150 ms debounce): list, flags, duplicates,
        # filter menus, table. Four queries' prefixes are enough to see it.
        typed: list[float] = []
        for prefix in [q[:n] for q in QUERIES[:4] for n in range(1, len(q) + 1)]:
            view.search.blockSignals(True)
            view.search.setText(prefix)
            view.search.blockSignals(False)
            typed.append(seconds(view.refresh)[0])
        out["table"] = {
            "view_refresh_again": refresh_s,  # earlier runs: "view_refresh", the first
            "duplicates_wait": duplicates_s,
            "fill": median(fill),
            "sort": sorts,
            "sort_worst": max(sorts.values()),
            "sort_worst_column": max(sorts, key=lambda k: sorts[k]),
            "filter": filter_s,
            "filter_clear": clear_s,
            "filter_shown": shown,
            "view_keystroke": summary(typed),
        }
    finally:
        view.set_session(None)
        session.saver.stop()
        view.deleteLater()
        collect_widgets()


def measure_sharing(ws: Workspace, workdir: Path, out: dict[str, Any]) -> None:
    """Export 500 cases (lawyer profile, with the PDF dossier), record them as sent, import
    them into a new vault, and the receiver's bundle of them back into this one."""
    other, _ = Workspace.create(workdir / "second.ctvault", BENCHMARK_PASSPHRASE, kdf=FLOOR)
    try:
        ids = [row.id for row in ws.cases.rows()[:EXPORT_CASES]]
        recipient = other.sharing.keys().age_public_key
        ours = ws.sharing.keys()  # the receiver knows the sender: its files are merged
        other.sharing.add_recipient("sender", ours.age_public_key, signing_key=ours.signing_key)
        export_s, result = seconds(
            lambda: ws.sharing.export(
                ids,
                profile="lawyer",
                recipients=[recipient],
                without_consent_reason="not about consent",
            )
        )
        # Confirming the written file (the GUI thread's part): the disclosure log and the
        # merge base of every record sent.
        record_s, _ = seconds(lambda: ws.sharing.record_disclosure(result))
        open_s, bundle = seconds(lambda: other.sharing.open(result.data))
        merge_s, report = seconds(lambda: other.sharing.import_bundle(bundle))
        # The same records sent back unchanged: merged field by field against those bases.
        theirs = other.sharing.keys()
        ws.sharing.add_recipient("receiver", theirs.age_public_key, signing_key=theirs.signing_key)
        back = other.sharing.export(
            ids, profile="lawyer", recipients=[ours.age_public_key], without_consent_reason="x"
        )
        back_s, back_report = seconds(lambda: ws.sharing.import_bundle(ws.sharing.open(back.data)))
        out["sharing"] = {
            "export": export_s,
            "export_recorded": record_s,
            "import": open_s + merge_s,
            "import_open": open_s,
            "import_merge": merge_s,
            "import_back": back_s,
            "cases": len(ids),
            "bundle_bytes": len(result.data),
            "records_added": sum(report.added.values()),
            "records_sent": sum(len(versions) for versions in result.sent.values()),
            "conflicts": len(report.conflicts),
            "conflicts_back": len(back_report.conflicts),
        }
    finally:
        other.close(save=False)


STARTED = time.perf_counter()


def progress(cases: int, step: str) -> None:
    """A line on stderr per step: at 100,000 cases a run takes long enough to want one."""
    elapsed = time.perf_counter() - STARTED
    print(f"  N = {cases:,}: {step} ({elapsed / 60:.1f} min in)", file=sys.stderr, flush=True)


def measure(vault: Path, cases: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["casetracker-benchmark"])
    out: dict[str, Any] = {"cases": cases}
    peaks = Peaks()
    with tempfile.TemporaryDirectory(prefix="ct-bench-") as tmp:
        workdir = Path(tmp)
        progress(cases, "unlock")
        out["unlock"] = {}
        try:
            measure_unlock_through_app(vault, workdir, out)
        except Exception as exc:  # the parts below are still measured
            out["unlock"]["through_app"] = {"failed": f"{type(exc).__name__}: {exc}"}
        ws = measure_unlock(vault, out)
        out["memory"] = {"rss_after_unlock": current_rss_bytes(), "peak_unlock": peaks.read()}
        # One session, in a person's order; each phase's own peak memory beside the figures.
        steps: list[tuple[str, Callable[[], None]]] = [
            ("window", lambda: measure_window(ws, out)),
            ("save", lambda: measure_save(ws, out)),
            ("rules", lambda: measure_rules(ws, out)),
            ("search_service", lambda: measure_search_service(ws, out)),
            ("table", lambda: measure_table(ws, out)),
            ("compaction", lambda: measure_compaction(ws, out)),
        ]
        for name, step in steps:
            progress(cases, name)
            peaks.reset()
            step()
            app.processEvents()
            out["memory"][f"peak_{name}"] = peaks.read()
            if name == "rules":  # a day's edits, locked and unlocked again: a journal
                progress(cases, "reopen")
                ws = measure_reopen(ws, vault, out)
                out["memory"]["peak_reopen"] = peaks.read()
        out["memory"]["peak_session"] = peaks.highest
        out["memory"]["rss_after_session"] = current_rss_bytes()
        # Not part of the session's target: the export's own peak, from where the session is.
        progress(cases, "export")
        peaks.reset()
        measure_sharing(ws, workdir, out)
        app.processEvents()
        out["memory"]["peak_export"] = peaks.read()
        out["memory"]["rss_end"] = current_rss_bytes()
        # After the memory readings: it holds a second database beside the open one.
        out["unlock"]["breakdown"] = unlock_breakdown(vault)
        payload = snapshot(ws.engine)
        progress(cases, "baselines")
        out["baselines"] = baselines.run_all(payload, workdir, keystrokes())
        ws.close(save=False)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.measure")
    parser.add_argument("vault", type=Path)
    parser.add_argument("--cases", type=int, required=True)
    parser.add_argument("--json", type=Path, required=True)
    args = parser.parse_args(argv)
    result = measure(args.vault, args.cases)
    result["run_id"] = uuid.uuid4().hex[:8]
    args.json.write_text(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
