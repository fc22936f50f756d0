"""Review of issue 17: a sync that takes the chain a page at a time. Marked xfail until the
production code is fixed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from casetracker.services.team import TeamService
from casetracker.team import server
from tests.team.conftest import TeamDb
from tests.team.test_review_trust import Trio, three_members
from tests.team.test_team_sync import open_vault


@pytest.fixture
def trio(team_db: TeamDb, tmp_path: Path) -> Iterator[Trio]:
    with three_members(team_db, tmp_path) as members:
        yield members


class TooManyRounds(Exception):
    pass


def test_a_joiner_whose_admission_is_pages_away_gets_in(
    trio: Trio, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A round now takes one page of the chain (500 records or 64 MiB). A newcomer starts
    from record 1, and the list that lets him in is at the end: his first page holds
    records but no list naming him, which `merge` takes for "keys handed out, list not
    appended yet" and throws away, while saying more pages follow. `sync` then fetches the
    same first page again, without end (the command line hangs; `_MAX_ROUNDS` does not count
    these rounds). Any team with more than 500 records before his admission. Here a page is
    two records, and the rounds are counted to stop the loop."""
    real_page = server.TeamServer.records_after

    def small_pages(self: server.TeamServer, seq: int, *_args: Any, **_kwargs: Any) -> Any:
        return real_page(self, seq, limit=2)

    monkeypatch.setattr(server.TeamServer, "records_after", small_pages)
    for note in ("one", "two", "three"):
        trio.a.cases.update("CT-0001", notes=note)
        trio.a.team.sync()
    d = open_vault(trio.a.path.parent.parent, "dmitri")
    real_fetch = TeamService.fetch
    rounds = 0

    def counted(self: TeamService, state: Any) -> Any:
        nonlocal rounds
        rounds += 1
        if rounds > 100:
            raise TooManyRounds
        return real_fetch(self, state)

    try:
        d.team.join(trio.a.team.invite("Dmitri"))
        trio.a.team.sync()
        monkeypatch.setattr(TeamService, "fetch", counted)
        d.team.sync()
        assert d.cases.get("CT-0001").notes == "three"
    finally:
        d.close(save=False)
