"""Rows for every case read as plain values: one UUID object per id, dates parsed in C.

The case list and the rules read about 100,000 ids and dates at unlock (20,000 cases).
Through SQLAlchemy's typed results each id became a new ``uuid.UUID`` (1.3 µs each, a fifth of
working out Today's flags), although the same few thousand cases come back from every table.
Here statements go to the driver's own cursor (`fetch`) and each id becomes a UUID once per
open vault (`Uuids`).
"""

import uuid
from collections.abc import Collection, Iterable
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Connection
from sqlmodel import Session

from casetracker import cancellation

_KEY = "casetracker.uuid_by_hex"


class Uuids:
    """The UUID of an id as SQLite holds it (32 hex digits: SQLAlchemy's ``Uuid`` there).

    Kept in the info of the vault's one connection, so every remembered value shares one
    object per case and closing the vault (which disposes of the connection) forgets them.
    """

    def __init__(self, connection: Connection) -> None:
        self._made: dict[str, uuid.UUID] = connection.info.setdefault(_KEY, {})

    def __call__(self, text: str) -> uuid.UUID:
        made = self._made.get(text)
        if made is None:
            made = self._made[text] = uuid.UUID(hex=text)
        return made


def in_ids(column: str, ids: Collection[uuid.UUID] | None) -> tuple[str, tuple[str, ...]]:
    """``" AND column IN (?, …)"`` and its parameters; nothing at all for ``None`` (every row)."""
    if ids is None:
        return "", ()
    texts = tuple(value.hex for value in ids)
    return f" AND {column} IN ({', '.join('?' * len(texts))})", texts


def fetch(
    session: Session, sql: str, column: str, ids: Collection[uuid.UUID] | None
) -> tuple[Iterable[tuple[Any, ...]], Uuids]:
    """The rows of ``sql`` as the driver's tuples, where ``{ids}`` stands for `in_ids` of
    ``column`` (the rows of ``ids`` only, or every row for None), and the vault's `Uuids`.

    Straight from the driver's cursor, past SQLAlchemy's result rows (a third of the time of
    reading 100,000 of them); the session's connection and transaction are the same, and the
    cancellation check the engine makes before each statement is made here.
    """
    connection = session.connection()
    where, params = in_ids(column, ids)
    driver = connection.connection.driver_connection
    assert driver is not None  # a checked-out connection always has one
    cancellation.check()
    cursor = driver.execute(sql.replace("{ids}", where), params)
    return cast("Iterable[tuple[Any, ...]]", cursor), Uuids(connection)


def day(text: str | None) -> date | None:
    """A DATE column's value (SQLAlchemy writes ``YYYY-MM-DD``)."""
    return None if text is None else date.fromisoformat(text)


def moment(text: str | None) -> datetime | None:
    """A DATETIME column's value (SQLAlchemy writes ``YYYY-MM-DD HH:MM:SS.ffffff``)."""
    return None if text is None else datetime.fromisoformat(text)
