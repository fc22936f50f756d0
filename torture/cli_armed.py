"""The real CLI, killing itself before its K-th file-system call (torture/kills_cli.py).

Usage: python -m torture.cli_armed CALLS_FILE K -- casetracker arguments…

The same `casetracker.cli.main.main` that ``python -m casetracker`` runs, with the watched
calls of torture.kills (``os.write``, ``fsync``, ``replace``, ``rename``, ``link``,
``unlink``, ``open``, ``mkdir``) counted; with K above 0 the process SIGKILLs itself just
before call K. When it lives to the end it writes how many calls it made to CALLS_FILE.
"""

from __future__ import annotations

import sys
from pathlib import Path

from casetracker.cli.main import main as cli_main
from torture.kills import arm


def main(argv: list[str]) -> int:
    calls_file, after, separator, *cli_args = argv
    if separator != "--":
        raise SystemExit("usage: python -m torture.cli_armed CALLS_FILE K -- ARGS…")
    counter = [0]
    arm(int(after) or None, counter)
    try:
        code = cli_main(cli_args)
    finally:
        Path(calls_file).write_text(str(counter[0]))  # io.open: not a watched call
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
