"""What a vault holds, record by record: the yardstick of every kill check.

A census maps each kind of record a bundle can carry (cases, status changes, custody periods,
relatives and their links, contacts, places, sources, allegations, attachments) to its rows,
each row reduced to a comparable tuple of its fields. Counting only cases would miss a torn
save that kept the cases and lost their contacts; comparing whole rows also catches a record
that survived but changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlmodel import SQLModel
from sqlmodel import select as sql_select

from casetracker.services.workspace import Workspace
from casetracker.sharing.bundle_schema import ENTITIES

Row = tuple[tuple[str, str], ...]
Census = dict[str, dict[str, Row]]

KINDS: tuple[str, ...] = tuple(spec.key for spec in ENTITIES)


def take(ws: Workspace) -> Census:
    """Every record of every kind in the open workspace, by id."""
    out: Census = {}
    with ws.reading() as session:
        for spec in ENTITIES:
            model: type[SQLModel] = spec.model
            rows: dict[str, Row] = {}
            for record in session.exec(sql_select(model)):
                fields = record.model_dump()
                rows[str(fields["id"])] = tuple(sorted((k, repr(v)) for k, v in fields.items()))
            out[spec.key] = rows
    return out


def of_file(path: Path, **secret: Any) -> Census:
    """The census of the vault at `path`, opened with `passphrase=` or `recovery_key=`."""
    ws = Workspace.open(path, actor="torture", **secret)
    try:
        return take(ws)
    finally:
        ws.close(save=False)


def counts(census: Mapping[str, Mapping[str, Row]]) -> dict[str, int]:
    return {kind: len(rows) for kind, rows in census.items()}


def lost_or_changed(before: Census, after: Census) -> list[str]:
    """Records of `before` missing from `after` or changed there, in words (no content)."""
    problems: list[str] = []
    for kind, rows in before.items():
        now = after.get(kind, {})
        missing = [i for i in rows if i not in now]
        changed = [i for i in rows if i in now and now[i] != rows[i]]
        if missing:
            problems.append(f"{len(missing)} of {len(rows)} {kind} lost")
        if changed:
            problems.append(f"{len(changed)} of {len(rows)} {kind} changed")
    return problems


def added(before: Census, after: Census) -> dict[str, int]:
    """How many records of each kind `after` has that `before` had not."""
    return {
        kind: len(set(after.get(kind, {})) - set(before.get(kind, {})))
        for kind in KINDS
        if set(after.get(kind, {})) - set(before.get(kind, {}))
    }
