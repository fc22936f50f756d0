"""A real PostgreSQL for the team tests: one throw-away cluster per test process, TLS only.

`pg_cluster` (session) starts one (`pg_cluster.start_cluster`: initdb into a temporary folder,
``postgres`` on a free port of 127.0.0.1, TLS-only scram logins) and stops and deletes it at the
end. `team_db` gives each test its own database and an owner role with CREATEROLE, as a team's
organisation would set up for `team init`. Without Debian's ``postgresql`` binaries the tests
skip (Windows, macOS, a bare machine), or fail in `.ci/run` (tests/required_tools.py).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.required_tools import missing_tool
from tests.team.pg_cluster import (
    PgCluster,
    TeamDb,
    create_team_db,
    drop_team_db,
    postgres_bin,
    start_cluster,
)

__all__ = ["PgCluster", "TeamDb", "pg_cluster", "team_db"]


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    bin_dir = postgres_bin()
    if bin_dir is None:
        missing_tool("PostgreSQL is not installed (Debian package postgresql; scripts/bootstrap)")
    cluster = start_cluster(bin_dir)
    yield cluster
    cluster.stop()


@pytest.fixture
def team_db(pg_cluster: PgCluster) -> Iterator[TeamDb]:
    db = create_team_db(pg_cluster)
    yield db
    drop_team_db(db)
