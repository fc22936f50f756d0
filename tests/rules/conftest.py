"""Fixtures for the rule tests that need a vault: a caseload builder and the command line."""

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from casetracker.cli.main import main
from casetracker.model import CaseStatus, Facility
from casetracker.services.flags import FlagService
from casetracker.services.workspace import Workspace
from tests.conftest import PASSPHRASE

#: A fixed past day, so contacts logged relative to it are never "in the future".
AS_OF = date(2024, 7, 26)

RunCli = Callable[..., tuple[int, str, str]]


def at(days_before: int, hour: int = 12) -> datetime:
    return datetime.combine(AS_OF - timedelta(days=days_before), time(hour))


def on(days_before: int) -> date:
    return AS_OF - timedelta(days=days_before)


class Caseload:
    """Builds cases through the real services, dated relative to AS_OF."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.flags = FlagService(ws)
        self._basement: Facility | None = None

    @property
    def basement(self) -> Facility:
        if self._basement is None:
            self._basement = self.ws.facilities.create("Подвал комендатуры")
        return self._basement

    def detained(
        self, name: str, *, days: int = 20, heard: int | None = None, place: bool = True
    ) -> str:
        """A man detained ``days`` ago with a lawyer, heard directly ``heard`` days ago."""
        case = self.ws.cases.create(
            name,
            status=CaseStatus.DETAINED,
            detention_date=on(days),
            refusal_date=on(days + 2),
            lawyer="адв. Петрова Е.",
        )
        if place:
            self.ws.custody.move(case.ref, self.basement.id, since=on(days))
        if heard is not None:
            self.ws.contacts.log(case.ref, at(heard), direct=True)
        return case.ref


@pytest.fixture
def caseload(ws: Workspace) -> Caseload:
    return Caseload(ws)


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run ``casetracker`` in-process with the passphrase in the environment."""
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", PASSPHRASE)

    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
