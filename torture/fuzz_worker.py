"""One fuzz target in its own process, under an address-space limit, for a time budget.

Usage: python -m torture.fuzz_worker TARGET FOLDER --seconds S [--engine mutate|atheris]
           [--limit-mb 2048] [--timeout 10] [--seed N] --out RESULT.json

FOLDER holds what `fuzz.build_context_and_seeds` made. The result (inputs tried, outcomes,
unexpected errors with the input saved under FOLDER/findings/, hangs, peak RSS) is written
to --out as JSON. With the atheris engine the result file is rewritten every second, since
libFuzzer ends the process itself when the time is up.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

from torture import fuzz


def _write(path: Path, result: fuzz.FuzzResult) -> None:
    temp = path.with_suffix(".tmp")
    temp.write_text(json.dumps(result.to_json(), ensure_ascii=False))
    os.replace(temp, path)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("target")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--engine", choices=["mutate", "atheris"], default="mutate")
    parser.add_argument("--limit-mb", type=int, default=2048)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    fuzz.limit_memory(args.limit_mb)
    if args.engine == "atheris":
        _instrument_the_app()
    target = fuzz.targets()[args.target]
    context = fuzz.Context.from_files(args.folder)
    seeds = fuzz.load_seeds(args.folder, args.target)
    if args.engine == "mutate":
        result = fuzz.mutate_loop(
            target, context, seeds, args.seconds, seed=args.seed, timeout=args.timeout
        )
        _write(args.out, result)
        context.close()
        return 0
    return _atheris(target, context, seeds, args)


def _instrument_the_app() -> None:
    """Import the app's readers with atheris' coverage instrumentation (only casetracker:
    instrumenting SQLAlchemy, openpyxl and the rest would take minutes and guide nothing)."""
    import importlib

    import atheris

    with atheris.instrument_imports(include=["casetracker"]):
        for name in (
            "casetracker.storage.envelope", "casetracker.storage.key_slots",
            "casetracker.storage.kdf", "casetracker.storage.migrations",
            "casetracker.sharing.strict_json", "casetracker.sharing.archive",
            "casetracker.sharing.bundle_schema", "casetracker.sharing.bundle",
            "casetracker.sharing.keys", "casetracker.sharing.canonical_csv",
            "casetracker.sharing.spreadsheet", "casetracker.services.bundle_merge",
            "casetracker.services.imports", "casetracker.services.sharing",
            "casetracker.services.workspace",
        ):  # fmt: skip
            importlib.import_module(name)


def _atheris(
    target: fuzz.Target, context: fuzz.Context, seeds: list[bytes], args: argparse.Namespace
) -> int:
    import atheris  # optional: pip install atheris

    result = fuzz.FuzzResult(target.name, "atheris")
    last_write = [time.monotonic()]
    corpus = args.folder / "corpus" / target.name
    corpus.mkdir(parents=True, exist_ok=True)
    (args.folder / "findings").mkdir(exist_ok=True)
    for i, seed in enumerate(seeds):
        (corpus / f"seed-{i}").write_bytes(seed)
    started = time.monotonic()

    def test_one_input(data: bytes) -> None:
        fuzz.run_one(target, context, data, result, 0)  # libFuzzer's -timeout watches
        now = time.monotonic()
        if now - last_write[0] > 1.0:
            result.seconds = now - started
            result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            _write(args.out, result)
            last_write[0] = now

    def custom_mutator(data: bytes, max_size: int, seed: int) -> bytes:
        rng = random.Random(seed)
        if rng.random() < 0.5:
            mutated: Any = atheris.Mutate(data, max_size)
            return bytes(mutated)
        return target.mutate(data, rng, seeds)[:max_size]

    atheris.Setup(
        [
            sys.argv[0],
            str(corpus),
            f"-max_total_time={int(args.seconds)}",
            f"-timeout={int(args.timeout)}",
            f"-rss_limit_mb={args.limit_mb}",
            "-max_len=1000000",
            f"-seed={args.seed}",
            f"-artifact_prefix={args.folder / 'findings'}/{target.name}-",
            "-print_final_stats=1",
        ],
        test_one_input,
        custom_mutator=custom_mutator,
    )
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
