import json
from collections.abc import Callable
from pathlib import Path

import pytest

from casetracker.cli.main import main
from tests.conftest import PASSPHRASE

RunCli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run ``casetracker`` in-process with the passphrase in the environment."""
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", PASSPHRASE)

    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def demo_vault(tmp_path: Path, cli: RunCli) -> Path:
    path = tmp_path / "demo.ctvault"
    code, _, err = cli("demo", path, "--cases", "60")
    assert code == 0, err
    return path


def as_json(text: str) -> object:
    return json.loads(text)
