"""The performance suite: one command, a table on screen, JSON in benchmarks/results/.

    python -m benchmarks.run                      # N = 2,000, 20,000 and 100,000
    python -m benchmarks.run --sizes 2000         # a quick look
    python -m benchmarks.run --update-doc         # also rewrite the table in docs/performance.md

Run from the repository root with the project's virtualenv. For each size a vault is generated
(benchmarks.generate, with the Argon2id parameters calibrated once for this machine, as a real
user's new vault gets them) and measured in a fresh process (benchmarks.measure), so each
size's peak memory is its own. Nothing here runs in the normal ``pytest`` run.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import machine
from casetracker.storage.kdf import DEFAULT_TARGET_SECONDS, calibrate

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
DOC = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"
CMP_BEGIN, CMP_END = "<!-- compare:begin -->", "<!-- compare:end -->"
DEFAULT_SIZES = (2_000, 20_000, 100_000)

Getter = Callable[[dict[str, Any]], float | None]


def _get(path: str) -> Getter:
    def get(size: dict[str, Any]) -> float | None:
        value: Any = size
        for key in path.split("."):
            if not isinstance(value, dict) or key not in value:
                return None
            value = value[key]
        return float(value) if isinstance(value, int | float) else None

    return get


@dataclass(frozen=True)
class Row:
    label: str
    value: Getter
    unit: str  # "s", "ms", "MB" (memory, in bytes) or "B" (bytes written)
    targets: dict[int, float] | None = None  # per size: seconds or bytes
    baseline_label: str = ""
    baseline: Getter | None = None


#: The sizes issue 16 sets targets for; each gets its own target and "met" column.
TARGET_SIZES = (20_000, 100_000)
SNAPSHOT_BASE = "AES-GCM + fsync of the same bytes"
COMMIT_BASE = "SQLCipher one-row update + commit"
FTS = "FTS5 prefix query"
POL = "SQL: last proof of life per case"

# fmt: off
ROWS = (
    Row("unlock: KDF (Argon2id, calibrated)", _get("unlock.kdf"), "s"),
    Row("unlock: after the KDF until Today shows (the real app, its first unlock)",
        _get("unlock.through_app.after_kdf"), "s", {20_000: 1.0, 100_000: 4.0}),
    Row("  longest GUI-thread block meanwhile", _get("unlock.through_app.gui_stall"), "ms"),
    Row("  the same after a lock (the app already warm)",
        _get("unlock.through_app.again.after_kdf"), "s"),
    Row("  the same added up from its parts (medians of three unlocks)",
        _get("unlock.to_window"), "s"),
    Row("  of which opening the vault (`Workspace.open` without its KDF)",
        _get("unlock.open_after_kdf"), "s"),
    Row("    of which decrypt + decompress", _get("unlock.breakdown.decrypt_and_decompress"), "s"),
    Row("    of which deserialize", _get("unlock.breakdown.deserialize"), "s"),
    Row("  of which the list, flags and Today's list worked out (the unlock job's `warmed`)",
        _get("unlock.warm"), "s"),
    Row("  of which the GUI thread builds and shows the window with Today",
        _get("window.gui_thread"), "s"),
    Row("unlock: after the KDF until the case list is filled (no window)",
        _get("unlock.after_kdf"), "s"),
    Row("unlock after a lock with 200 saved edits in the journal: open + `warmed`",
        _get("reopen.after_kdf"), "s"),
    Row("  of which opening the vault (replaying the journal)", _get("reopen.open_after_kdf"),
        "s"),
    Row("  what the 200 saves added to the vault file", _get("reopen.growth"), "B"),
    Row("  then one edit saved, durable (the journal there)",
        _get("reopen.first_save.durable"), "ms"),
    Row("    and what it wrote (write() bytes)", _get("reopen.first_save.wchar"), "B"),
    Row("Cases view, first showing: GUI thread blocked (longest)",
        _get("cases_first.gui_blocked"), "ms", {100_000: 0.3}),
    Row("  of which the showing itself", _get("cases_first.gui_thread"), "ms"),
    Row("  longest pause afterwards, until the duplicates are settled",
        _get("cases_first.gui_stall_after"), "ms"),
    Row("  until the duplicates banner shows", _get("cases_first.duplicates_shown"), "s"),
    Row("each other section's first showing, worst", _get("window.section_worst"), "s"),
    Row("search keystroke, Cases view: the first after unlock (builds the index)",
        _get("search.first"), "ms"),
    Row("search keystroke, Cases view (filters, model, sizing, painted), median",
        _get("search.typed.median"), "ms"),
    Row("search keystroke, Cases view (filters, model, sizing, painted), p95",
        _get("search.typed.p95"), "ms", {20_000: 0.05, 100_000: 0.15}),
    Row("  of which `ws.cases.rows(search=…)`, median", _get("search.service.median"), "ms",
        None, f"{FTS}, median", _get("baselines.search.fts5.median")),
    Row("  of which `ws.cases.rows(search=…)`, p95", _get("search.service.p95"), "ms", None,
        f"{FTS}, p95", _get("baselines.search.fts5.p95")),
    Row("one edit saved, durable: the first save after unlock", _get("save.first.durable"),
        "ms", {20_000: 0.03, 100_000: 0.05}, f"{COMMIT_BASE}, first",
        _get("baselines.sqlcipher.update_commit_first")),
    Row("  the next saves, median", _get("save.median.durable"), "ms", None,
        f"{COMMIT_BASE}, median", _get("baselines.sqlcipher.update_commit")),
    Row("  written by the first save (the larger of write() bytes and disk growth)",
        _get("save.first.written"), "B", {20_000: 1e6}, f"{COMMIT_BASE}, write() bytes",
        _get("baselines.sqlcipher.update_commit_wchar")),
    Row("    bytes handed to write() (`wchar`), first save", _get("save.first.wchar"), "B"),
    Row("    storage writes (`write_bytes`), first save", _get("save.first.write_bytes"), "B"),
    Row("    vault + backups growth on disk, first save", _get("save.first.disk_growth"), "B"),
    Row("  written by the next saves, median", _get("save.median.written"), "B"),
    Row("  GUI thread blocked, first save", _get("save.first.gui_thread"), "ms"),
    Row("  GUI thread blocked, median", _get("save.median.gui_thread"), "ms"),
    Row("  longest GUI-thread pause while a worker writes", _get("save.gui_stall_worst"), "ms"),
    Row("compaction (a full snapshot written), durable", _get("compaction.durable"), "s", None,
        SNAPSHOT_BASE, _get("baselines.save.encrypt_fsync")),
    Row("  GUI thread blocked (the snapshot taken)", _get("compaction.gui_thread"), "ms"),
    Row("  longest GUI-thread pause while its worker writes",
        _get("compaction.gui_stall_during_worker"), "ms"),
    Row("  written by it (the larger of write() bytes and disk growth)",
        _get("compaction.written"), "B"),
    Row("  vault + backups on disk after the session", _get("compaction.disk_after.allocated"),
        "B"),
    Row("rules after an edit (`FlagService.evaluate`), median", _get("rules.evaluate"), "ms",
        {20_000: 0.1}, POL, _get("baselines.rules.proof_of_life_sql")),
    Row("  the first after unlock", _get("rules.evaluate_first"), "ms"),
    Row("rule evaluation, nothing changed (remembered, no query)",
        _get("rules.evaluate_unchanged"), "ms"),
    Row("open flags, nothing changed (`FlagService.open_flags`, remembered)",
        _get("rules.open_flags"), "ms"),
    Row("case table: fill (the view's own model, which sorts itself)", _get("table.fill"), "ms"),
    Row("case table: sort by a column, worst column", _get("table.sort_worst"), "ms"),
    Row("case table: filter by status (Cases view)", _get("table.filter"), "ms"),
    Row("Cases view: refresh again (list, flags, duplicates remembered)",
        _get("table.view_refresh_again"), "s"),
    Row("Cases view: whole refresh with a search typed (as after an edit), p95",
        _get("table.view_keystroke.p95"), "ms"),
    Row("peak memory of the whole session (unlock, Today, Cases, searches, saves, rules, "
        "compaction)", _get("memory.peak_session"), "MB", {20_000: 500e6, 100_000: 1.8e9}),
    Row("  peak while unlocking", _get("memory.peak_unlock"), "MB"),
    Row("  peak during the saves", _get("memory.peak_save"), "MB"),
    Row("  peak during the compaction", _get("memory.peak_compaction"), "MB"),
    Row("memory after unlock (RSS)", _get("memory.rss_after_unlock"), "MB"),
    Row("export 500 cases with the PDF dossier", _get("sharing.export"), "s"),
    Row("  its peak memory (after the session; not part of its target)",
        _get("memory.peak_export"), "MB"),
    Row("  recording it as sent (disclosure log, merge bases; the GUI thread)",
        _get("sharing.export_recorded"), "s"),
    Row("import that bundle into a second vault", _get("sharing.import"), "s"),
    Row("its records sent back unchanged, imported (a round trip)",
        _get("sharing.import_back"), "s"),
)
# fmt: on

SQLCIPHER_ROWS = (
    (
        "open until the first query answers (no KDF)",
        _get("unlock.open_after_kdf"),
        _get("baselines.sqlcipher.open_raw_key"),
    ),
    (
        "open with the passphrase (each one's own KDF, named above)",
        _get("vault_open_with_kdf"),
        _get("baselines.sqlcipher.open_with_passphrase"),
    ),
    (
        "one edit, durable: the first after opening",
        _get("save.first.durable"),
        _get("baselines.sqlcipher.update_commit_first"),
    ),
    (
        "one edit, durable: median of the next",
        _get("save.median.durable"),
        _get("baselines.sqlcipher.update_commit"),
    ),
    (
        "query: last proof of life per case (warm)",
        _get("baselines.rules.proof_of_life_sql"),
        _get("baselines.sqlcipher.query_warm"),
    ),
    (
        "query: same, first after opening (cold)",
        _get("baselines.rules.proof_of_life_sql"),
        _get("baselines.sqlcipher.query_cold"),
    ),
)
SQLCIPHER_BYTES = (
    ("bytes handed to write() per edit", _get("save.median.wchar"),
     _get("baselines.sqlcipher.update_commit_wchar")),
    ("storage writes per edit (`write_bytes`)", _get("save.median.write_bytes"),
     _get("baselines.sqlcipher.update_commit_write_bytes")),
)  # fmt: skip


def _derive(size: dict[str, Any]) -> None:
    """Figures made of others: what a save wrote (the larger of the bytes handed to write()
    and the growth of the vault and its backups on disk: a backup copy costs disk even where
    it costs no write), and the open with each one's KDF for the SQLCipher comparison."""
    for part in (size.get("save", {}).get("first"), size.get("save", {}).get("median"),
                 size.get("compaction")):  # fmt: skip
        if isinstance(part, dict) and "wchar" in part:
            part["written"] = max(part.get("wchar", 0), part.get("disk_growth", 0))
    unlock = size.get("unlock", {})
    if "open_after_kdf" in unlock:
        size["vault_open_with_kdf"] = unlock["open_after_kdf"] + unlock.get("kdf", 0.0)


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "B":
        if value >= 1e6:
            return f"{value / 1e6:,.1f} MB" if value < 1e7 else f"{value / 1e6:,.0f} MB"
        return f"{value / 1024:,.1f} KiB" if value < 10240 else f"{value / 1024:,.0f} KiB"
    if unit == "MB":
        return f"{value / 1e9:,.2f} GB" if value >= 1e9 else f"{value / 1e6:,.0f} MB"
    if unit == "ms" or value < 1:
        return f"{value * 1000:,.0f} ms" if value * 1000 >= 10 else f"{value * 1000:.1f} ms"
    return f"{value:,.2f} s"


def ratio(value: float | None, base: float | None) -> str:
    if value is None or not base:
        return "—"
    return f"{value / base:,.1f}×"


def _met(row: Row, n: int, sizes: dict[str, dict[str, Any]]) -> str:
    target = (row.targets or {}).get(n)
    if target is None or str(n) not in sizes:
        return ""
    value = row.value(sizes[str(n)])
    if value is None:
        return "not measured"
    return "yes" if value < target else "**no**"


def results_table(sizes: dict[str, dict[str, Any]], kdf: dict[str, int] | None = None) -> str:
    """One row per figure: each size's value, the targets and whether each size meets its
    own, and the baseline (on the same rows, at the largest size measured)."""
    names = sorted(sizes, key=int)
    base_key = names[-1]
    big = sizes[base_key]
    head = ["measure"] + [f"target at {n:,}" for n in TARGET_SIZES]
    head += [f"N = {int(n):,}" for n in names]
    head += [f"baseline at N = {int(base_key):,}", "ratio"]
    head += [f"met at {n:,}" for n in TARGET_SIZES]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in ROWS:
        targets = row.targets or {}
        cells = [row.label]
        cells += [fmt(targets[n], row.unit) if n in targets else "" for n in TARGET_SIZES]
        cells += [fmt(row.value(sizes[n]), row.unit) for n in names]
        if row.baseline is not None:
            base = row.baseline(big)
            cells += [f"{row.baseline_label}: {fmt(base, row.unit)}",
                      ratio(row.value(big), base)]  # fmt: skip
        else:
            cells += ["", ""]
        cells += [_met(row, n, sizes) for n in TARGET_SIZES]
        lines.append("| " + " | ".join(cells) + " |")
    cipher = big.get("baselines", {}).get("sqlcipher", {})
    lines.append("")
    if cipher.get("available"):
        lines.append(
            f"Same data in SQLCipher {cipher['cipher_version']} "
            f"(SQLite {cipher['sqlite_version']}; journal {cipher['journal_mode']}, "
            f"synchronous={cipher['synchronous']}, temp_store={cipher.get('temp_store')}, "
            f"page cache {abs(int(cipher.get('cache_size', 0))) / 1024:,.0f} MiB: the whole "
            f"database, as the in-memory one holds it), N = {int(base_key):,}. KDFs: the vault's "
            f"{_argon2id(kdf)}, SQLCipher's {cipher.get('kdf', 'default')}:"
        )
        lines.append("")
        lines.append("| operation | Casetracker vault | SQLCipher | vault / SQLCipher |")
        lines.append("|---|---|---|---|")
        for label, ours, theirs in SQLCIPHER_ROWS:
            a, b = ours(big), theirs(big)
            lines.append(f"| {label} | {fmt(a, 'ms')} | {fmt(b, 'ms')} | {ratio(a, b)} |")
        for label, ours, theirs in SQLCIPHER_BYTES:
            a, b = ours(big), theirs(big)
            lines.append(f"| {label} | {fmt(a, 'B')} | {fmt(b, 'B')} | {ratio(a, b)} |")
    else:
        lines.append(f"SQLCipher comparison not run: {cipher.get('reason', 'unknown')}.")
    return "\n".join(lines)


def _argon2id(kdf: dict[str, int] | None) -> str:
    if not kdf:
        return "Argon2id"
    return (
        f"Argon2id ({kdf['memory_kib'] // 1024} MiB, {kdf['iterations']} passes, "
        f"{kdf['lanes']} lane(s), as calibrated here)"
    )


def compare_table(before: dict[str, Any], after: dict[str, Any]) -> str:
    """Each figure at the largest size both runs have: before, after, and how much faster."""
    common = sorted(set(before["sizes"]) & set(after["sizes"]), key=int)
    if not common:
        return "(no size in common)"
    n = common[-1]
    old, new = before["sizes"][n], after["sizes"][n]
    lines = [
        f"| measure (N = {int(n):,}) | before ({before['label']}) | after ({after['label']}) "
        "| change |",
        "|---|---|---|---|",
    ]
    for row in ROWS:
        a, b = row.value(old), row.value(new)
        if a is None and b is None:
            continue
        if a and b and a >= b:
            change = f"{a / b:,.1f}× lower"
        else:
            change = ratio(b, a).replace("×", "× higher")
        lines.append(f"| {row.label} | {fmt(a, row.unit)} | {fmt(b, row.unit)} | {change} |")
    return "\n".join(lines)


def facts_table(result: dict[str, Any]) -> str:
    m = result["machine"]
    kdf = result["kdf"]
    lines = [
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['memory_bytes'] / 2**30:.1f} GiB RAM; "
        f"{m['os']}",
        f"- Python {m['python']}, SQLite {m['sqlite']}, PySide6 {m['pyside6']}, "
        f"SQLAlchemy {m['sqlalchemy']}, cryptography {m['cryptography']}, "
        f"sqlcipher3-binary {m['sqlcipher3']}",
        f"- Argon2id as calibrated here: {kdf['memory_kib'] // 1024} MiB, "
        f"{kdf['iterations']} passes, {kdf['lanes']} lane(s)",
        f"- Run {result['started']} ({result['label']}); load average (1, 5, 15 min) "
        f"at start {result['load_start']}, at end {result['load_end']}",
    ]
    for n, size in sorted(result["sizes"].items(), key=lambda kv: int(kv[0])):
        gen = size.get("generated", {})
        per = ", ".join(
            f"{k.replace('_', ' ')} {v:.1f}" for k, v in gen.get("per_case", {}).items()
        )
        lines.append(
            f"- N = {int(n):,}: generated in {gen.get('seconds_generate', 0):.1f} s; per case "
            f"{per}; {gen.get('rows', {}).get('facility', 0)} places; database "
            f"{gen.get('database_bytes', 0) / 1e6:.0f} MB, vault file "
            f"{gen.get('file_bytes', 0) / 1e6:.0f} MB; load during measuring "
            f"{size.get('load_start')} → {size.get('load_end')}{_wall(size)}"
        )
    return "\n".join(lines)


def _wall(size: dict[str, Any]) -> str:
    wall = size.get("wall")
    if not wall:
        return ""
    return (
        f"; wall clock {wall['generate'] / 60:.1f} min generating (with its save), "
        f"{wall['measure'] / 60:.1f} min measuring"
    )


def update_doc(doc: Path, result: dict[str, Any], before: dict[str, Any] | None = None) -> None:
    text = doc.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        raise SystemExit(f"{doc} has no {BEGIN} … {END} block to replace")
    table = results_table(result["sizes"], result.get("kdf"))
    block = f"{BEGIN}\n{facts_table(result)}\n\n{table}\n{END}"
    if before is not None:
        compared = f"{CMP_BEGIN}\n{compare_table(before, result)}\n{CMP_END}"
        if CMP_BEGIN in text and CMP_END in text:
            head, rest = text.split(CMP_BEGIN, 1)
            text = head + compared + rest.split(CMP_END, 1)[1]
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    doc.write_text(head + block + tail, encoding="utf-8")


def run_size(n: int, kdf: str, workdir: Path) -> dict[str, Any]:
    vault = workdir / f"org-{n}.ctvault"
    facts = workdir / f"generated-{n}.json"
    measured = workdir / f"measured-{n}.json"
    python = sys.executable
    print(f"N = {n:,}: generating …", flush=True)
    clock = time.perf_counter()
    subprocess.run(
        [python, "-m", "benchmarks.generate", "--cases", str(n), "-o", str(vault),
         "--kdf-params", kdf, "--json", str(facts)],
        check=True, cwd=ROOT,
    )  # fmt: skip
    generate_s = time.perf_counter() - clock
    load_start = machine.load_average()
    print(f"N = {n:,}: measuring (load {load_start}) …", flush=True)
    clock = time.perf_counter()
    subprocess.run(
        [python, "-m", "benchmarks.measure", str(vault), "--cases", str(n),
         "--json", str(measured)],
        check=True, cwd=ROOT,
    )  # fmt: skip
    size: dict[str, Any] = json.loads(measured.read_text())
    size["generated"] = json.loads(facts.read_text())
    size["wall"] = {"generate": generate_s, "measure": time.perf_counter() - clock}
    for path in workdir.glob(f"org-{n}.ctvault*"):  # the next size's disk and page cache
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    size["load_start"], size["load_end"] = load_start, machine.load_average()
    _derive(size)
    return size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--label", default="run", help="a word for the JSON file name")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument(
        "--update-doc", action="store_true", help=f"rewrite the results block of {DOC.name}"
    )
    parser.add_argument(
        "--from-json", type=Path, help="print (and with --update-doc, write) an earlier run"
    )
    parser.add_argument(
        "--compare", type=Path, metavar="BEFORE_JSON", help="also show a before/after table"
    )
    args = parser.parse_args(argv)
    if args.from_json:
        result = json.loads(args.from_json.read_text())
    else:
        started = datetime.now(UTC)
        load_start = machine.load_average()
        params = calibrate(DEFAULT_TARGET_SECONDS)
        kdf = f"{params.memory_kib},{params.iterations},{params.lanes}"
        result = {
            "label": args.label,
            "started": started.strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine.describe(),
            "kdf": {"memory_kib": params.memory_kib, "iterations": params.iterations,
                    "lanes": params.lanes},
            "load_start": load_start,
            "sizes": {},
        }  # fmt: skip
        clock = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="ct-bench-") as tmp:
            for n in args.sizes:
                result["sizes"][str(n)] = run_size(n, kdf, Path(tmp))
        result["load_end"] = machine.load_average()
        result["seconds"] = time.perf_counter() - clock
        args.out.mkdir(parents=True, exist_ok=True)
        path = args.out / f"{started:%Y%m%d-%H%M%S}-{args.label}.json"
        path.write_text(json.dumps(result, indent=2, default=str))
        print(f"Results: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    print()
    print(facts_table(result))
    print()
    print(results_table(result["sizes"], result.get("kdf")))
    before = json.loads(args.compare.read_text()) if args.compare else None
    if before is not None:
        print()
        print(compare_table(before, result))
    if args.update_doc:
        update_doc(DOC, result, before)
        print(f"\nUpdated {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
