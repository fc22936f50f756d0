"""Spawn mode of torture.kills: one scenario's child in a fresh interpreter.

Usage (by torture.kills only): python -m torture.kills_child SCENARIO ROOT
    --after-calls K (0 = never) --once|--loop [--recovery KEY] [--current N] [--bundle FILE]
Prints "ready", then the scenario's progress lines, then "calls N", "elapsed S", "done".
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from torture.kills import Progress, arm, scenario_for_child


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario")
    parser.add_argument("root", type=Path)
    parser.add_argument("--after-calls", type=int, default=0)
    parser.add_argument("--once", action="store_true")
    parser.add_argument("--loop", action="store_true")
    parser.add_argument("--recovery", default="")
    parser.add_argument("--current", default="0")
    parser.add_argument("--bundle", default="")
    args = parser.parse_args(argv)
    options = {"recovery": args.recovery, "current": args.current, "bundle": args.bundle}
    scenario = scenario_for_child(args.scenario, args.root, options)
    progress = Progress(sys.stdout.fileno())
    scenario.prepare()
    progress.emit("ready")
    counter = [0]
    start = time.monotonic()
    arm(args.after_calls or None, counter)
    scenario.operate(progress, args.once)
    progress.emit(f"calls {counter[0]}")
    progress.emit(f"elapsed {time.monotonic() - start:.6f}")
    progress.emit("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
