"""A synthetic organisation for benchmarks: the demo generator at an organisation's scale.

    python -m benchmarks.generate --cases 20000 -o org.ctvault [--seed 7] [--kdf floor]

Per case, on average: 2 relatives, 20 contact events, 3 custody periods, 2 status changes and
1 source; 500 places of detention. Deterministic for a seed (row ids and timestamps aside).
The passphrase is ``BENCHMARK_PASSPHRASE`` unless ``--passphrase`` says otherwise: these vaults
hold fictional people only.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from casetracker.services import demo
from casetracker.services.demo import DemoShape
from casetracker.services.workspace import Workspace
from casetracker.storage.database import snapshot
from casetracker.storage.kdf import DEFAULT_TARGET_SECONDS, FLOOR, KdfParams, calibrate

BENCHMARK_PASSPHRASE = "benchmark vault, fictional people only"
SEED = 7

#: The issue's organisation. Custody periods are drawn only for men held somewhere (about
#: 63% of cases), so 4.8 per held man makes about 3 per case overall.
ORG_SHAPE = DemoShape(
    relatives=2, contacts=20, custody_periods=4.8, status_changes=2, sources=1, facilities=500
)

#: Tables counted in the per-case averages printed after generating.
COUNTED = {
    "relatives": "relative",
    "contacts": "contactevent",
    "custody_periods": "custodyperiod",
    "status_changes": "statuschange",
    "sources": "source",
}


@dataclass(frozen=True)
class Generated:
    path: Path
    cases: int
    seconds_generate: float
    seconds_save: float
    rows: dict[str, int]
    database_bytes: int
    file_bytes: int

    def per_case(self) -> dict[str, float]:
        return {name: self.rows[table] / self.cases for name, table in COUNTED.items()}


def table_counts(payload: bytes) -> dict[str, int]:
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(payload)
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def generate_vault(
    path: Path,
    cases: int,
    *,
    seed: int = SEED,
    kdf: KdfParams | None = None,
    passphrase: str = BENCHMARK_PASSPHRASE,
    today: date | None = None,
    shape: DemoShape = ORG_SHAPE,
) -> Generated:
    """Create a vault at ``path`` holding ``cases`` synthetic cases, saved and closed."""
    ws, _recovery = Workspace.create(path, passphrase, kdf=kdf or FLOOR, actor="benchmark")
    try:
        start = time.perf_counter()
        demo.generate(ws, cases, seed=seed, today=today, shape=shape)
        generated = time.perf_counter() - start
        start = time.perf_counter()
        ws.save()
        saved = time.perf_counter() - start
        payload = snapshot(ws.engine)
    finally:
        ws.close(save=False)
    return Generated(
        path=path,
        cases=cases,
        seconds_generate=generated,
        seconds_save=saved,
        rows=table_counts(payload),
        database_bytes=len(payload),
        file_bytes=path.stat().st_size,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__)
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--passphrase", default=BENCHMARK_PASSPHRASE)
    parser.add_argument(
        "--kdf",
        choices=("calibrated", "floor"),
        default="calibrated",
        help="calibrated: what a real user's new vault gets on this machine (default); "
        "floor: the documented minimum, quicker to open",
    )
    parser.add_argument(
        "--kdf-params",
        metavar="MEMORY_KIB,ITERATIONS,LANES",
        help="exact Argon2id parameters (benchmarks.run passes the ones it calibrated once)",
    )
    parser.add_argument("--json", type=Path, help="also write these facts as JSON here")
    args = parser.parse_args(argv)
    if args.kdf_params:
        memory, iterations, lanes = (int(x) for x in args.kdf_params.split(","))
        kdf = KdfParams(memory_kib=memory, iterations=iterations, lanes=lanes)
    else:
        kdf = calibrate(DEFAULT_TARGET_SECONDS) if args.kdf == "calibrated" else FLOOR
    made = generate_vault(
        args.output, args.cases, seed=args.seed, kdf=kdf, passphrase=args.passphrase
    )
    averages = ", ".join(f"{k} {v:.2f}" for k, v in made.per_case().items())
    print(
        f"{made.cases} cases in {made.seconds_generate:.1f} s (save {made.seconds_save:.1f} s); "
        f"per case: {averages}; facilities {made.rows['facility']}; "
        f"database {made.database_bytes / 1e6:.0f} MB, file {made.file_bytes / 1e6:.0f} MB; "
        f"KDF {kdf.memory_kib // 1024} MiB x {kdf.iterations}"
    )
    if args.json:
        facts = {
            "cases": made.cases,
            "seconds_generate": made.seconds_generate,
            "seconds_save": made.seconds_save,
            "per_case": made.per_case(),
            "rows": made.rows,
            "database_bytes": made.database_bytes,
            "file_bytes": made.file_bytes,
            "kdf": {"memory_kib": kdf.memory_kib, "iterations": kdf.iterations, "lanes": kdf.lanes},
        }
        args.json.write_text(json.dumps(facts, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
