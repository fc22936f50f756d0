"""An unexpected failure on the command line says its kind and where, never the data, on the
screen and in the ``--debug-log`` file."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from casetracker import diagnostics
from casetracker.services.cases import CaseService
from tests.cli.conftest import RunCli

MARKER = "Щукарёв Ёжинмаркер"


@pytest.fixture
def no_debug_log_left() -> Iterator[None]:
    before = list(diagnostics.LOGGER.handlers)
    yield
    for handler in diagnostics.LOGGER.handlers:
        if handler not in before:
            diagnostics.stop_debug_log(handler)


def test_an_unexpected_error_is_logged_by_kind_and_place_only(
    demo_vault: Path,
    tmp_path: Path,
    cli: RunCli,
    monkeypatch: pytest.MonkeyPatch,
    no_debug_log_left: None,
) -> None:
    def fails(self: CaseService, **_filters: object) -> list[object]:
        raise ValueError(f"UNIQUE constraint failed: case.full_name = '{MARKER}'")

    monkeypatch.setattr(CaseService, "rows", fails)
    log_file = tmp_path / "support.log"
    code, out, err = cli("--debug-log", log_file, "cases", demo_vault, "--search", MARKER)
    assert code == 1
    assert "Unexpected error (ValueError)" in err
    log = log_file.read_text(encoding="utf-8")
    assert "ERROR casetracker: unexpected error ValueError" in log
    assert "casetracker/cli/case_commands.py:" in log and "in cmd_cases" in log
    for word in MARKER.split():
        assert word not in out + err + log
