"""Tests that need a program from outside Python (age, strace, Xvfb, PostgreSQL): skip or fail.

On a developer's machine, and on Windows and macOS where these tools do not exist, such a test
skips and says what is missing. `.ci/run` (Linux, after scripts/bootstrap installed them all)
sets CASETRACKER_REQUIRE_TOOLS=1: there a missing tool fails its tests instead, so CI cannot go
green by skipping them. Not the `CI` variable: GitHub sets that on every runner, Windows and
macOS included.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

REQUIRE_TOOLS = os.environ.get("CASETRACKER_REQUIRE_TOOLS") == "1"


def needs_tool(present: bool, reason: str) -> pytest.MarkDecorator:
    """A mark: skip when the tool is missing, unless required; then the test runs and fails."""
    return pytest.mark.skipif(not present and not REQUIRE_TOOLS, reason=reason)


def missing_tool(reason: str) -> NoReturn:
    """Inside a test or fixture that found its tool missing: fail if required, else skip."""
    if REQUIRE_TOOLS:
        pytest.fail(f"{reason} (CASETRACKER_REQUIRE_TOOLS=1: scripts/bootstrap installs it)")
    pytest.skip(reason)
