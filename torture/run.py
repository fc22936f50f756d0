"""The long adversarial suite, from one command, with a report of what it did.

    .venv/bin/python -m torture.run --kills 500 --fuzz-seconds 60

Parts (all by default; ``--only kills,cli,gui,disk,fuzz,leak,lock`` to choose):

kills  kill -9 torture (torture/kills.py): scenarios save, passphrase and import, each until
       ``--kills`` children were SIGKILLed mid-operation, the vault checked after each;
cli    kill -9 torture of the real CLI process (torture/kills_cli.py): demo, log-contact,
       import-sheet, import-bundle and passwd (``--cli-commands``), each until
       ``--cli-kills`` runs were SIGKILLed, the receiver's own records checked after each;
gui    kill -9 torture of the real GUI process (torture/kills_gui.py): cases and contacts
       typed into the window, saved by the app, ``--gui-kills`` times SIGKILLed;
disk   full-disk torture (torture/full_disk.py), ``--disk-rounds`` rounds;
fuzz   every fuzz target (torture/fuzz.py) for ``--fuzz-seconds`` each, in its own process
       under an address-space limit (``--fuzz-limit-mb``) and a per-input timeout; engine
       ``atheris`` (coverage-guided) when installed, else the built-in ``mutate``;
leak   the scripted GUI session with a bundle export under strace, every file it wrote
       searched for the marker (torture/leak_scan.py); skipped if strace cannot run;
lock   tests/adversarial/test_lock_releases_memory.py (models empty, keys unreachable).

Prints a summary and writes the full report as JSON (``--report``, default
torture-report.json in the work folder). Exits 0 only when every part passed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

from torture.common import REPO_ROOT, Section

PARTS = ("kills", "cli", "gui", "disk", "fuzz", "leak", "lock")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m torture.run", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--kills", type=int, default=500, help="kills per scenario (500)")
    parser.add_argument("--scenarios", default="save,passphrase,import")
    parser.add_argument("--spawn", action="store_true", help="fresh interpreters, not forks")
    parser.add_argument("--cli-kills", type=int, default=30, help="kills per CLI command (30)")
    parser.add_argument("--cli-commands", default=",".join(_cli_commands()))
    parser.add_argument("--gui-kills", type=int, default=30, help="kills of the GUI (30)")
    parser.add_argument("--disk-rounds", type=int, default=200)
    parser.add_argument("--fuzz-seconds", type=float, default=60.0, help="per target (60)")
    parser.add_argument("--fuzz-engine", choices=["auto", "mutate", "atheris"], default="auto")
    parser.add_argument("--fuzz-targets", default="", help="comma-separated; default all")
    parser.add_argument("--fuzz-limit-mb", type=int, default=2048)
    parser.add_argument("--fuzz-timeout", type=float, default=10.0, help="seconds per input")
    parser.add_argument("--only", default=",".join(PARTS))
    parser.add_argument("--seed", type=int, default=20240719)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--report", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    parts = [p for p in args.only.split(",") if p]
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s): {', '.join(sorted(unknown))}")
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="ct-torture-"))
    workdir.mkdir(parents=True, exist_ok=True)
    report_path = args.report or workdir / "torture-report.json"
    sections: list[Section] = []
    started = time.monotonic()
    print(f"torture: work folder {workdir}", flush=True)
    # Order matters: the kill torture forks, so it runs before anything starts Qt here.
    if "kills" in parts:
        for name in [s for s in args.scenarios.split(",") if s]:
            sections.append(
                _guarded(f"kills: {name}", lambda s, n=name: _kills(s, n, args, workdir))
            )
    if "cli" in parts:
        sections.append(_guarded("kills: real CLI", lambda s: _cli(s, args, workdir)))
    if "gui" in parts:
        sections.append(_guarded("kills: real GUI", lambda s: _gui(s, args, workdir)))
    if "disk" in parts:
        sections.append(_guarded("full disk", lambda s: _disk(s, args, workdir)))
    if "fuzz" in parts:
        sections.append(_guarded("fuzz", lambda s: _fuzz(s, args, workdir)))
    if "leak" in parts:
        sections.append(_guarded("leak scan (GUI, strace)", lambda s: _leak(s, workdir)))
    if "lock" in parts:
        sections.append(_guarded("lock and memory", lambda s: _lock(s)))
    report = {
        "command": " ".join(
            [Path(sys.executable).name, "-m", "torture.run", *(argv or sys.argv[1:])]
        ),
        "seconds": round(time.monotonic() - started, 1),
        "ok": all(s.ok for s in sections),
        "sections": [s.to_json() for s in sections],
    }
    report_path.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(summary(report), flush=True)
    print(f"torture: report written to {report_path}", flush=True)
    if not args.keep and args.workdir is None and report["ok"]:
        shutil.rmtree(workdir / "runs", ignore_errors=True)
    return 0 if report["ok"] else 1


def _guarded(name: str, work: Any) -> Section:
    section = Section(name)
    print(f"torture: {name} …", flush=True)
    started = time.monotonic()
    try:
        work(section)
    except Exception:
        section.fail("crashed: " + traceback.format_exc()[-3000:])
    section.seconds = time.monotonic() - started  # the part's own timers may count less
    print(
        f"torture: {name}: {'ok' if section.ok else 'FAILED'} in {section.seconds:.0f} s",
        flush=True,
    )
    return section


def _kills(section: Section, name: str, args: argparse.Namespace, workdir: Path) -> None:
    from torture import kills

    root = workdir / "runs" / f"kills-{name}"
    root.mkdir(parents=True, exist_ok=True)
    kills.torture(name, args.kills, root, section, seed=args.seed, spawn=args.spawn)
    if section.counts.get("kills", 0) < args.kills:
        section.fail(f"only {section.counts.get('kills', 0)} of {args.kills} kills landed")


def _cli_commands() -> tuple[str, ...]:
    from torture.kills_cli import COMMANDS

    return COMMANDS


def _cli(section: Section, args: argparse.Namespace, workdir: Path) -> None:
    from torture import kills_cli

    root = workdir / "runs" / "cli"
    root.mkdir(parents=True, exist_ok=True)
    names = [c for c in args.cli_commands.split(",") if c]
    kills_cli.torture(names, args.cli_kills, root, section, seed=args.seed)
    for name in names:
        if section.counts.get(f"kills: {name}", 0) < args.cli_kills:
            section.fail(f"{name}: only {section.counts.get(f'kills: {name}', 0)} kills landed")


def _gui(section: Section, args: argparse.Namespace, workdir: Path) -> None:
    from torture import kills_gui

    root = workdir / "runs" / "gui"
    root.mkdir(parents=True, exist_ok=True)
    kills_gui.torture(args.gui_kills, root, section, seed=args.seed)
    if section.counts.get("kills", 0) < args.gui_kills:
        section.fail(f"only {section.counts.get('kills', 0)} of {args.gui_kills} kills landed")


def _disk(section: Section, args: argparse.Namespace, workdir: Path) -> None:
    from torture import full_disk

    root = workdir / "runs" / "disk"
    root.mkdir(parents=True, exist_ok=True)
    full_disk.torture(args.disk_rounds, root, section, seed=args.seed)


def _engine(choice: str) -> str:
    if choice != "auto":
        return choice
    try:
        import atheris  # noqa: F401
    except ImportError:
        return "mutate"
    return "atheris"


def _fuzz(section: Section, args: argparse.Namespace, workdir: Path) -> None:
    from torture import fuzz

    folder = workdir / "runs" / "fuzz"
    folder.mkdir(parents=True, exist_ok=True)
    env = fuzz.env_for_worker()
    made = subprocess.run(
        [sys.executable, "-m", "torture.fuzz_seeds", str(folder)],
        env=env, cwd=REPO_ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if made.returncode != 0:
        section.fail(f"making the seeds failed: {made.stderr[-2000:]}")
        return
    engine = _engine(args.fuzz_engine)
    names = [t for t in args.fuzz_targets.split(",") if t] or list(fuzz.TARGET_NAMES)
    section.notes.append(
        f"engine {engine}; {args.fuzz_seconds:g} s per target; address space limited to "
        f"{args.fuzz_limit_mb} MiB; {args.fuzz_timeout:g} s per input"
    )
    for number, name in enumerate(names):
        out = folder / f"result-{name}.json"
        log = folder / f"log-{name}.txt"
        command = [
            sys.executable, "-m", "torture.fuzz_worker", name, str(folder),
            "--seconds", str(args.fuzz_seconds), "--engine", engine,
            "--limit-mb", str(args.fuzz_limit_mb), "--timeout", str(args.fuzz_timeout),
            "--seed", str(args.seed + number), "--out", str(out),
        ]  # fmt: skip
        with open(log, "wb") as stream:
            try:
                done = subprocess.run(
                    command, env=env, cwd=REPO_ROOT, stdout=stream, stderr=stream,
                    timeout=args.fuzz_seconds * 2 + 300, check=False,
                )  # fmt: skip
                code = done.returncode
            except subprocess.TimeoutExpired:
                code = -1
        result = json.loads(out.read_text()) if out.exists() else {}
        text = log.read_text(errors="replace")
        runs = _libfuzzer_runs(text)
        inputs = max(runs, int(result.get("inputs", 0)))
        section.add(f"inputs: {name}", inputs)
        section.add("inputs (all targets)", inputs)
        section.add(f"hangs: {name}", int(result.get("hangs", 0)) + ("ALARM: working" in text))
        for finding in result.get("unexpected", []):
            section.fail(f"{name}: {finding['kind']} at {finding['where']} ({finding['input']})")
        kdf_target = name in (
            "vault-raw",
            "vault-header",
            "vault-payload",
        )  # MemoryError: documented
        if "out-of-memory" in text or ("MemoryError" in text and not kdf_target):
            section.fail(f"{name}: ran out of the {args.fuzz_limit_mb} MiB limit (see {log})")
        if "ALARM: working on the last Unit" in text:
            section.fail(f"{name}: an input ran past {args.fuzz_timeout:g} s (see {log})")
        if code != 0 and not section.failures:
            section.fail(f"{name}: the worker exited with {code} (see {log})")
        section.notes.append(
            f"{name}: {inputs} inputs, peak RSS {result.get('peak_rss_mb', 0)} MiB, "
            f"outcomes {result.get('outcomes', {})}"
        )


def _libfuzzer_runs(text: str) -> int:
    for line in reversed(text.splitlines()):
        if line.startswith("Done ") and " runs in " in line:
            return int(line.split()[1])
        if line.startswith("stat::number_of_executed_units:"):
            return int(line.split()[-1])
    return 0


def _leak(section: Section, workdir: Path) -> None:
    from torture import leak_scan

    why_not = leak_scan.strace_available()
    if why_not:
        section.fail(f"skipped: {why_not}")
        return
    result, _logs = leak_scan.run_traced_session(workdir / "runs" / "leak")
    section.add("syscalls traced", result.syscalls)
    section.add("files scanned", result.scanned_files)
    section.add("bytes written and scanned", result.scanned_written_bytes)
    section.add("paths listed", len(result.listing))
    section.add("marker hits", len(result.hits))
    section.notes.append("touched paths (kind, state, path):")
    section.notes.extend(result.listing)
    for hit in result.hits:
        section.fail(f"marker found: {hit}")


def _lock(section: Section) -> None:
    test = "tests/adversarial/test_lock_releases_memory.py"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CASETRACKER_KDF_TARGET_MS": "0"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", test],
        env=env, cwd=REPO_ROOT, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    section.add("tests passed", 1 if done.returncode == 0 else 0)
    if done.returncode != 0:
        section.fail(f"{test} failed: {done.stdout[-3000:]}")


def summary(report: dict[str, Any]) -> str:
    lines = [
        "",
        "=" * 78,
        f"torture: {'PASSED' if report['ok'] else 'FAILED'} in {report['seconds']} s",
    ]
    for section in report["sections"]:
        state = "ok" if section["ok"] else f"FAILED ({section['failure_count']})"
        lines.append(f"-- {section['name']}: {state}, {section['seconds']} s")
        for key, value in section["counts"].items():
            lines.append(f"   {value:>10}  {key}")
        for failure in section["failures"][:10]:
            lines.append(f"   FAILURE: {failure[:300]}")
    lines.append("=" * 78)
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
