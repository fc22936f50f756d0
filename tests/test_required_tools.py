"""tests/required_tools.py: a missing tool skips its tests, but fails them in `.ci/run`."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

USES_A_MISSING_TOOL = """
from tests.required_tools import missing_tool, needs_tool


@needs_tool(False, "the frobnicator is not installed")
def test_marked() -> None:
    raise FileNotFoundError("frobnicator")


def test_asks() -> None:
    missing_tool("the frobnicator is not installed")
"""


def _outcome(tmp_path: Path, **env: str) -> str:
    """Run the two tests above in a child pytest; its summary line."""
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (tmp_path / "test_tool.py").write_text(USES_A_MISSING_TOOL, encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if k != "CASETRACKER_REQUIRE_TOOLS"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "-p",
            "no:pytestqt",
        ],
        cwd=tmp_path,
        env={**environ, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.stdout.strip().splitlines()[-1]


def test_a_missing_tool_skips_where_it_is_not_required(tmp_path: Path) -> None:
    """GitHub sets CI on every runner, Windows and macOS too: that alone requires nothing."""
    assert _outcome(tmp_path, CI="true").startswith("2 skipped")


def test_a_missing_tool_fails_in_ci_run(tmp_path: Path) -> None:
    assert _outcome(tmp_path, CASETRACKER_REQUIRE_TOOLS="1").startswith("2 failed")


# Modules Windows does not have. A test module (or a helper it imports) that imports one at its
# top stops the whole Windows run at collection, not only its own tests.
POSIX_ONLY = {"fcntl", "grp", "pty", "pwd", "resource", "termios", "tty"}


def test_no_test_module_imports_a_posix_only_module_at_its_top() -> None:
    found = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            found += [f"{path.relative_to(ROOT)}: {n}" for n in names if n in POSIX_ONLY]
    assert found == [], "import it where it is used, or skip the module off POSIX"
