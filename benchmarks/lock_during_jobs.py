"""How long closing the vault (what locking does) waits behind each kind of background job.

    python -m benchmarks.lock_during_jobs VAULT [--after 1.0]

Each job (export summary, export, bundle check, spreadsheet check, save) is started on a worker
thread as the GUI starts it (registered with the workspace, cancellable); ``--after`` seconds
into it, ``Workspace.jobs.stop()`` is timed: the cancel, and the wait until the job has left.
Prints one line per job: the wait, and whether the job was cancelled or had already finished.
"""

import argparse
import csv
import io
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.generate import BENCHMARK_PASSPHRASE
from casetracker.cancellation import Cancelled, CancelToken
from casetracker.services.workspace import Workspace


def _timed_stop(ws: Workspace, job: Callable[[], Any], after_s: float) -> tuple[float, str]:
    """Seconds ``jobs.stop()`` took when called ``after_s`` into ``job``, and how it ended."""
    outcome: list[str] = []
    token = CancelToken()

    def run() -> None:
        try:
            with ws.jobs.running(token):
                job()
            outcome.append("finished")
        except Cancelled:
            outcome.append("cancelled")
        except Exception as exc:  # reported, not raised: the figure is what matters
            outcome.append(f"failed: {type(exc).__name__}")

    worker = threading.Thread(target=run)
    worker.start()
    time.sleep(after_s)
    start = time.perf_counter()
    ws.jobs.stop()
    took = time.perf_counter() - start
    worker.join()
    ws.jobs.resume()
    return took, outcome[0] if outcome else "?"


def _sheet(rows: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["ФИО", "Дата рождения", "Часть", "Статус"])
    for i in range(rows):
        writer.writerow([f"Тестов Иван {i}", "01.02.1990", "в/ч 0000", "задержан"])
    return out.getvalue().encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.lock_during_jobs")
    parser.add_argument("vault", type=Path)
    parser.add_argument("--passphrase", default=BENCHMARK_PASSPHRASE)
    parser.add_argument("--after", type=float, default=1.0)
    parser.add_argument("--sheet-rows", type=int, default=20_000)
    args = parser.parse_args(argv)
    from casetracker.gui.dialogs.export_dialog import summarise  # Qt-free function

    ws = Workspace.open(args.vault, passphrase=args.passphrase)
    try:
        sharing = ws.sharing
        everything = sharing.select_cases(everything=True)
        key = sharing.keys().age_public_key
        bundle = sharing.export(
            everything[:2000],
            profile="lawyer",
            recipients=[key],
            without_consent_reason="not about consent",
        ).data
        sheet = ws.sheets.load(_sheet(args.sheet_rows), "sheet.csv")
        mapping = ws.sheets.suggest_mapping(sheet).mapping
        jobs: dict[str, Callable[[], Any]] = {
            "export summary (all cases)": lambda: summarise(
                sharing, lambda: everything, "lawyer", False
            ),
            "export (all cases)": lambda: sharing.export(
                everything, profile="lawyer", recipients=[key], without_consent_reason="benchmark"
            ),
            "bundle check (2,000 cases)": lambda: sharing.open(bundle),
            f"sheet check ({args.sheet_rows:,} rows)": lambda: ws.sheets.apply(
                sheet, mapping, dry_run=True, skip_bad=True, remember=False
            ),
            "save": ws.save,
        }
        for name, job in jobs.items():
            took, outcome = _timed_stop(ws, job, args.after)
            print(f"{name}: lock waited {took:.2f} s ({outcome})", flush=True)
    finally:
        ws.close(save=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
