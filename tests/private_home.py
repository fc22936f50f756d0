"""The environment of a child process that must leave nothing in the real user's folders: its
home, XDG folders and (when given) temporary folder are the test's, where the test can look.

Windows and macOS find their known folders without these variables, so there a child still
writes to the user's own: the tests that scan what was left behind say so where they run."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def private_env(home: Path, tmp: Path | None = None, **extra: str) -> dict[str, str]:
    """``os.environ`` with the checkout importable and every user folder under ``home``."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
    }
    if tmp is not None:
        env["TMPDIR"] = str(tmp)
    env.update(extra)
    return env
