"""Every measurement at one size, on a vault made by benchmarks.generate (one child process).

    python -m benchmarks.measure VAULT --cases N --json OUT

``benchmarks.run`` calls this once per size, so each size's peak memory is its own. The app's
own work is measured first and its peak memory read before the baselines (which hold extra
copies of the database) start.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import baselines
from benchmarks.generate import BENCHMARK_PASSPHRASE
from benchmarks.timing import current_rss_bytes, median, peak_rss_bytes, repeat, seconds, summary
from casetracker.model import CaseStatus
from casetracker.services import migrations
from casetracker.services.sharing import ensure_org_keys
from casetracker.services.workspace import Workspace
from casetracker.storage import envelope, key_slots
from casetracker.storage.database import engine_from_snapshot, snapshot
from casetracker.storage.kdf import FLOOR

#: What caseworkers type: names, units, places, notes, in Cyrillic and Latin.
QUERIES = (
    "Смирнов", "Smirnov", "Александр", "Aleksandr", "Юсупов", "Yusupov", "Фёдоров",
    "Fyodorov", "Цыбиков", "Tsybikov", "21005", "Бурятия", "Брянка", "Bryanka", "СИЗО",
    "Luhansk", "Петрова", "прокуратур",
)  # fmt: skip

UNLOCK_RUNS = 3
SAVE_RUNS = 5
RULE_RUNS = 5
EXPORT_CASES = 500


def keystrokes() -> list[str]:
    """Each prefix of each query, as typed one letter at a time."""
    return [query[:n] for query in QUERIES for n in range(1, len(query) + 1)]


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
    """The case list as the GUI builds it: the view's model behind its sort proxy."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt

        from casetracker.gui.models.case_table import CaseSortProxy, CaseTableModel
        from casetracker.gui.models.column_table import SORT_ROLE

        self.model = CaseTableModel()
        self.proxy = CaseSortProxy()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.sort(0, Qt.SortOrder.AscendingOrder)  # the view opens sorted by reference

    def fill(self, rows: Any, flags: Any = None) -> None:
        self.model.set_rows(rows, flags)


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
        # What the unlock page's background job does after opening (gui/start/unlock_page.py).
        warm_s, _ = seconds(ws.warm)
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
    out["unlock"] = {key: median([r[key] for r in runs]) for key in runs[0]} | {"runs": runs}
    return ws


def unlock_breakdown(vault: Path) -> dict[str, float]:
    """The after-KDF steps of Workspace.open one by one (without taking the writer lock).

    Not the app's own path (its memory is not trimmed as `Workspace.open` trims it), so it
    runs after the memory readings."""
    read_s, untrusted = seconds(vault.read_bytes)
    parse_s, parsed = seconds(lambda: envelope.parse(untrusted))
    data_key = key_slots.unlock(
        parsed.header.slots, parsed.header.vault_id, passphrase=BENCHMARK_PASSPHRASE
    )
    decrypt_s, payload = seconds(lambda: envelope.decrypt(parsed, data_key))
    deserialize_s, engine = seconds(lambda: engine_from_snapshot(payload))
    migrate_s, _ = seconds(lambda: (migrations.upgrade(engine), ensure_org_keys(engine)))
    engine.dispose()
    return {
        "read": read_s,
        "parse": parse_s,
        "decrypt_and_decompress": decrypt_s,
        "deserialize": deserialize_s,
        "migrations_check": migrate_s,
    }


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
        "evaluate_unchanged": median(unchanged),
        "open_flags": median(open_flags),
        "flags": len(ws.flags.evaluate()),
    }


def measure_search(ws: Workspace, out: dict[str, Any]) -> None:
    case_list = CaseList()
    service: list[float] = []
    keystroke: list[float] = []
    matches: list[int] = []
    for prefix in keystrokes():
        rows_s, rows = seconds(partial(ws.cases.rows, search=prefix))
        fill_s, _ = seconds(partial(case_list.fill, rows))
        service.append(rows_s)
        keystroke.append(rows_s + fill_s)
        matches.append(len(rows))
    out["search"] = {
        "service": summary(service),
        "keystroke": summary(keystroke),
        "keystrokes": len(keystroke),
        "median_matches": median([float(m) for m in matches]),
    }


def measure_save(ws: Workspace, out: dict[str, Any]) -> None:
    """One edit, then the save as gui/saver.py runs it: prepare on the GUI thread, then write."""
    refs = [row.ref for row in ws.cases.rows()[:SAVE_RUNS]]
    runs = []
    for i, ref in enumerate(refs):
        ws.cases.update(ref, notes=f"benchmark edit {i}")
        gui_s, data = seconds(ws.prepare_save)
        worker_s, stall_s = worker_with_ticks(partial(ws.finish_save, data))
        del data
        runs.append(
            {
                "gui_thread": gui_s,
                "worker": worker_s,
                "durable": gui_s + worker_s,
                "gui_stall_during_worker": stall_s,
            }
        )
    out["save"] = {key: median([r[key] for r in runs]) for key in runs[0]} | {
        "gui_thread_worst": max(r["gui_thread"] for r in runs),
        "gui_stall_worst": max(r["gui_stall_during_worker"] for r in runs),
        "runs": runs,
        "database_bytes": len(snapshot(ws.engine)),
        "file_bytes": ws.path.stat().st_size,
    }


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


def measure_window(ws: Workspace, out: dict[str, Any]) -> None:
    """The real main window right after unlocking: built and shown with Today (what the user
    sees first), then each other section's first showing (sections fill when first shown)."""
    from PySide6.QtWidgets import QApplication

    from casetracker.gui.main_window import MainWindow
    from casetracker.gui.vault_session import VaultSession

    app = QApplication.instance()
    assert app is not None
    session = VaultSession(ws)
    window: MainWindow | None = None

    def build() -> MainWindow:
        made = MainWindow(session)
        made.show()
        app.processEvents()
        return made

    try:
        shown_s, window = seconds(build)
        sections: dict[str, float] = {}
        shown = window

        def show(row: int) -> None:
            shown.show_section(row)
            app.processEvents()

        for row in range(1, len(window.views)):
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


def measure_table(ws: Workspace, out: dict[str, Any]) -> None:
    """The Cases view itself: refresh, sort by each column through its proxy, filter."""
    from PySide6.QtCore import Qt

    from casetracker.gui.vault_session import VaultSession
    from casetracker.gui.views.cases_view import CasesView

    session = VaultSession(ws)
    view = CasesView()
    try:
        refresh_s, _ = seconds(lambda: view.set_session(session))
        rows = ws.cases.rows()
        fill = repeat(lambda: view.model.set_rows(rows, view._flags), 3)
        sorts: dict[str, float] = {}
        for column, name in enumerate(view.model.COLUMNS):
            for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
                elapsed, _ = seconds(partial(view.proxy.sort, column, order))
                sorts[f"{name} {order.name[:-5].lower()}"] = elapsed
        view.proxy.sort(0, Qt.SortOrder.AscendingOrder)
        status_index = view.status_filter.findData(CaseStatus.DETAINED.value)
        filter_s, _ = seconds(lambda: view.status_filter.setCurrentIndex(status_index))
        shown = view.proxy.rowCount()
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
            "view_refresh": refresh_s,
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


def measure_sharing(ws: Workspace, workdir: Path, out: dict[str, Any]) -> None:
    """Export 500 cases (lawyer profile, with the PDF dossier), import them into a new vault."""
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
        open_s, bundle = seconds(lambda: other.sharing.open(result.data))
        merge_s, report = seconds(lambda: other.sharing.import_bundle(bundle))
        out["sharing"] = {
            "export": export_s,
            "import": open_s + merge_s,
            "import_open": open_s,
            "import_merge": merge_s,
            "cases": len(ids),
            "bundle_bytes": len(result.data),
            "records_added": sum(report.added.values()),
            "conflicts": len(report.conflicts),
        }
    finally:
        other.close(save=False)


def measure(vault: Path, cases: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["casetracker-benchmark"])
    out: dict[str, Any] = {"cases": cases}
    with tempfile.TemporaryDirectory(prefix="ct-bench-") as tmp:
        workdir = Path(tmp)
        ws = measure_unlock(vault, out)
        out["memory"] = {"rss_after_unlock": current_rss_bytes()}
        steps: list[Callable[[], None]] = [
            lambda: measure_window(ws, out),
            lambda: measure_rules(ws, out),
            lambda: measure_search(ws, out),
            lambda: measure_save(ws, out),
            lambda: measure_table(ws, out),
            lambda: out["memory"].update(peak_rss_before_export=peak_rss_bytes()),
            lambda: measure_sharing(ws, workdir, out),
        ]
        for step in steps:
            step()
            app.processEvents()
        out["memory"]["peak_rss"] = peak_rss_bytes()
        out["memory"]["rss_end"] = current_rss_bytes()
        # After the memory readings: it holds a second database beside the open one.
        out["unlock"]["breakdown"] = unlock_breakdown(vault)
        payload = snapshot(ws.engine)
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
