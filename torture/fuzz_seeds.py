"""Make the fuzz seeds and context in FOLDER (a real vault, a signed bundle, spreadsheets).

Usage: python -m torture.fuzz_seeds FOLDER. Run as its own process because exporting a
bundle renders the dossier PDF with Qt, which the forking parts of the runner must not load.
"""

from __future__ import annotations

import sys
from pathlib import Path

from torture import fuzz

if __name__ == "__main__":
    seeds = fuzz.build_context_and_seeds(Path(sys.argv[1]))
    print(" ".join(f"{name}:{len(items)}" for name, items in seeds.items()))
