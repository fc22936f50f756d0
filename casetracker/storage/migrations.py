"""Header migrations: how a file written by an older format version is read today.

Each entry upgrades a header dict from version N to N+1. Migrations only reshape the parsed
header; the bytes on disk stay as written, so authentication (which covers the raw bytes)
is unaffected. The next save writes the current version. The database schema inside the
payload migrates separately (in services).

Format 2 changed only the payload's compression (zlib to Zstandard, chosen by the version in
`envelope`), so its header migration is the identity. Format 3 put a journal of change sets
after the snapshot, so its header gives the snapshot's length; an older file is all snapshot
(`snapshot_length` None).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from casetracker.storage.errors import UnsupportedVersion

CURRENT_FORMAT_VERSION = 3

HeaderMigration = Callable[[dict[str, Any]], dict[str, Any]]


# from_version -> function turning a header of that version into one of from_version + 1
def _no_journal(header: dict[str, Any]) -> dict[str, Any]:
    return {**header, "snapshot_length": None}


MIGRATIONS: dict[int, HeaderMigration] = {1: dict, 2: _no_journal}


def migrate_header(version: int, header: dict[str, Any]) -> dict[str, Any]:
    """Bring a header of `version` up to CURRENT_FORMAT_VERSION, step by step."""
    if version > CURRENT_FORMAT_VERSION:
        raise UnsupportedVersion(version, newer=True)
    while version < CURRENT_FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise UnsupportedVersion(version, newer=False)
        header = step(dict(header))
        version += 1
    return header
