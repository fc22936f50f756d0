"""The performance suite: one command, a table on screen, JSON in benchmarks/results/.

    python -m benchmarks.run                      # N = 2,000 and 20,000
    python -m benchmarks.run --sizes 2000         # quicker
    python -m benchmarks.run --update-doc         # also rewrite the table in docs/performance.md

Run from the repository root with the project's virtualenv. For each size a vault is generated
(benchmarks.generate, with the Argon2id parameters calibrated once for this machine, as a real
user's new vault gets them) and measured in a fresh process (benchmarks.measure), so each
size's peak memory is its own. Nothing here runs in the normal ``pytest`` run.
"""

from __future__ import annotations

import argparse
import json
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
TARGET_SIZE = 20_000

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
    unit: str  # "s", "ms" or "MB"
    target: float | None = None  # in seconds or bytes, at 20,000 cases
    baseline_label: str = ""
    baseline: Getter | None = None


SAVE_BASE = "AES-GCM + fsync of the same bytes"
FTS = "FTS5 prefix query"
POL = "SQL: last proof of life per case"

# fmt: off
ROWS = (
    Row("unlock: KDF (Argon2id, calibrated)", _get("unlock.kdf"), "s"),
    Row("unlock: after KDF until the case list is filled", _get("unlock.after_kdf"), "s", 1.5),
    Row("  of which decrypt + decompress", _get("unlock.breakdown.decrypt_and_decompress"), "s"),
    Row("  of which deserialize", _get("unlock.breakdown.deserialize"), "s"),
    Row("  of which the list and today's flags worked out (`ws.warm()`, unlocking thread)",
        _get("unlock.warm"), "s"),
    Row("  of which `ws.cases.rows()` afterwards", _get("unlock.rows"), "s"),
    Row("  of which case table model filled (sorted)", _get("unlock.fill"), "s"),
    Row("unlock: after KDF until the main window shows Today", _get("unlock.to_window"), "s",
        1.5),
    Row("  of which the GUI thread builds and shows the window", _get("window.gui_thread"), "s"),
    Row("  then each other section's first showing, worst", _get("window.section_worst"), "s"),
    Row("save after one edit: GUI thread blocked", _get("save.gui_thread"), "ms", 0.05,
        SAVE_BASE, _get("baselines.save.encrypt_fsync")),
    Row("  worst of the saves (the first after unlock included)", _get("save.gui_thread_worst"),
        "ms"),
    Row("  longest GUI-thread pause while the worker compresses and writes",
        _get("save.gui_stall_worst"), "ms"),
    Row("save after one edit: durable", _get("save.durable"), "s", 0.5,
        SAVE_BASE, _get("baselines.save.encrypt_fsync")),
    Row("search keystroke (rows + model), median", _get("search.keystroke.median"), "ms", None,
        f"{FTS}, median", _get("baselines.search.fts5.median")),
    Row("search keystroke (rows + model), p95", _get("search.keystroke.p95"), "ms", 0.05,
        f"{FTS}, p95", _get("baselines.search.fts5.p95")),
    Row("rule evaluation after an edit (`FlagService.evaluate`)", _get("rules.evaluate"), "ms",
        0.3, POL, _get("baselines.rules.proof_of_life_sql")),
    Row("rule evaluation, nothing changed since the last", _get("rules.evaluate_unchanged"),
        "ms", None, POL, _get("baselines.rules.proof_of_life_sql")),
    Row("open flags, nothing changed (`FlagService.open_flags`)", _get("rules.open_flags"),
        "ms", None, POL, _get("baselines.rules.proof_of_life_sql")),
    Row("case table: fill (model behind the view's proxy)", _get("table.fill"), "ms"),
    Row("case table: sort by a column, worst column", _get("table.sort_worst"), "ms", 0.2),
    Row("case table: filter by status (Cases view)", _get("table.filter"), "ms"),
    Row("Cases view: first refresh (list, flags, duplicates)", _get("table.view_refresh"), "s"),
    Row("Cases view: whole refresh with a search typed (as after an edit), p95",
        _get("table.view_keystroke.p95"), "ms"),
    Row("export 500 cases with the PDF dossier", _get("sharing.export"), "s", 10.0),
    Row("import that bundle into a second vault", _get("sharing.import"), "s"),
    Row("peak memory (RSS)", _get("memory.peak_rss"), "MB", 500e6),
    Row("  peak before the export (unlock, list, search, saves)",
        _get("memory.peak_rss_before_export"), "MB"),
    Row("memory after unlock (RSS)", _get("memory.rss_after_unlock"), "MB"),
)
# fmt: on

SQLCIPHER_ROWS = (
    (
        "open until the first query answers (no KDF)",
        _get("vault_open_no_kdf"),
        _get("baselines.sqlcipher.open_raw_key"),
    ),
    (
        "open with the passphrase (each one's KDF)",
        _get("vault_open_with_kdf"),
        _get("baselines.sqlcipher.open_with_passphrase"),
    ),
    (
        "one-row update + durable commit",
        _get("save.durable"),
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


def _derive(size: dict[str, Any]) -> None:
    """Figures made of others, for the SQLCipher comparison."""
    steps = size.get("unlock", {}).get("breakdown", {})
    no_kdf = sum(steps.get(k, 0.0) for k in ("read", "parse", "decrypt_and_decompress"))
    no_kdf += steps.get("deserialize", 0.0)
    size["vault_open_no_kdf"] = no_kdf
    size["vault_open_with_kdf"] = no_kdf + size.get("unlock", {}).get("kdf", 0.0)


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "MB":
        return f"{value / 1e6:,.0f} MB"
    if unit == "ms" or value < 1:
        return f"{value * 1000:,.0f} ms" if value * 1000 >= 10 else f"{value * 1000:.1f} ms"
    return f"{value:,.2f} s"


def ratio(value: float | None, base: float | None) -> str:
    if value is None or not base:
        return "—"
    return f"{value / base:,.1f}×"


def results_table(sizes: dict[str, dict[str, Any]]) -> str:
    names = sorted(sizes, key=int)
    target_key = str(TARGET_SIZE) if str(TARGET_SIZE) in sizes else names[-1]
    big = sizes[target_key]
    head = ["measure", f"target at {TARGET_SIZE:,}"]
    head += [f"N = {int(n):,}" for n in names]
    head += [f"baseline at N = {int(target_key):,}", "ratio", "met"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in ROWS:
        cells = [row.label, fmt(row.target, row.unit) if row.target else ""]
        cells += [fmt(row.value(sizes[n]), row.unit) for n in names]
        value = row.value(big)
        if row.baseline is not None:
            base = row.baseline(big)
            cells += [f"{row.baseline_label}: {fmt(base, 'ms')}", ratio(value, base)]
        else:
            cells += ["", ""]
        if row.target is None or value is None:
            cells.append("")
        else:
            cells.append("yes" if value < row.target else "**no**")
        lines.append("| " + " | ".join(cells) + " |")
    cipher = big.get("baselines", {}).get("sqlcipher", {})
    lines.append("")
    if cipher.get("available"):
        lines.append(
            f"Same data in SQLCipher {cipher['cipher_version']} "
            f"(SQLite {cipher['sqlite_version']}, journal {cipher['journal_mode']}, "
            f"synchronous={cipher['synchronous']}), "
            f"N = {int(target_key):,}:"
        )
        lines.append("")
        lines.append("| operation | Casetracker vault | SQLCipher | vault / SQLCipher |")
        lines.append("|---|---|---|---|")
        for label, ours, theirs in SQLCIPHER_ROWS:
            a, b = ours(big), theirs(big)
            lines.append(f"| {label} | {fmt(a, 'ms')} | {fmt(b, 'ms')} | {ratio(a, b)} |")
    else:
        lines.append(f"SQLCipher comparison not run: {cipher.get('reason', 'unknown')}.")
    return "\n".join(lines)


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
            f"{size.get('load_start')} → {size.get('load_end')}"
        )
    return "\n".join(lines)


def update_doc(doc: Path, result: dict[str, Any], before: dict[str, Any] | None = None) -> None:
    text = doc.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        raise SystemExit(f"{doc} has no {BEGIN} … {END} block to replace")
    block = f"{BEGIN}\n{facts_table(result)}\n\n{results_table(result['sizes'])}\n{END}"
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
    subprocess.run(
        [python, "-m", "benchmarks.generate", "--cases", str(n), "-o", str(vault),
         "--kdf-params", kdf, "--json", str(facts)],
        check=True, cwd=ROOT,
    )  # fmt: skip
    load_start = machine.load_average()
    print(f"N = {n:,}: measuring (load {load_start}) …", flush=True)
    subprocess.run(
        [python, "-m", "benchmarks.measure", str(vault), "--cases", str(n),
         "--json", str(measured)],
        check=True, cwd=ROOT,
    )  # fmt: skip
    size: dict[str, Any] = json.loads(measured.read_text())
    size["generated"] = json.loads(facts.read_text())
    size["load_start"], size["load_end"] = load_start, machine.load_average()
    _derive(size)
    return size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 20_000])
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
    print(results_table(result["sizes"]))
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
