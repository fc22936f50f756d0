"""A short run of every fuzz target and every bomb, in one memory-limited process.

Usage: python -m torture.fuzz_smoke FOLDER [--seconds 0.4] [--inputs N] [--limit-mb 2048]
Makes the seeds in FOLDER (torture.fuzz.build_context_and_seeds), limits the address space,
then prints the JSON report of `torture.fuzz.smoke`. The fast test
tests/adversarial/test_fuzz_fast.py runs it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from torture import fuzz


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seconds", type=float, default=0.4, help="per target, at most")
    parser.add_argument("--inputs", type=int, default=None, help="per target, at most")
    parser.add_argument("--limit-mb", type=int, default=2048)
    args = parser.parse_args(argv)
    fuzz.build_context_and_seeds(args.folder)
    fuzz.limit_memory(args.limit_mb)
    report = fuzz.smoke(args.folder, args.seconds, args.inputs)
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
