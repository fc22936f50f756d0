"""The team server's client: a PostgreSQL database over TLS that stores opaque bytes.

The server keeps one append-only chain of sealed, signed records (``casetracker.log``), the data
key wrapped to each member and join requests (``schema.sql`` beside this file, installed by
`TeamServer.install_schema`). It is trusted to let members append and read, never with content:
callers verify every signature and the hash chain of what comes back, so rows here are
``untrusted`` until they have.

Every failure is a `TeamServerError` with a message in plain words; none carries the DSN, a
password or the server's own text (which may name a role or a host). psycopg is used here only.
"""

from __future__ import annotations

import math
import re
import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from types import TracebackType
from typing import Any, LiteralString

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from casetracker.i18n import translate

SECURE_SSLMODES = frozenset({"require", "verify-ca", "verify-full"})
KIND_MEMBER_LIST = 1
KIND_CHANGE_SET = 2

_PREFIX = re.compile(r"[a-z][a-z0-9_]{1,30}")
_ROLE = re.compile(r"[a-z0-9_]{1,50}")
_PSQL_SET = re.compile(r"\\set (\w+) :prefix '(\w+)'")
_PSQL_VARIABLE = re.compile(r""":(['"])(\w+)\1""")

# SQLSTATEs the schema and PostgreSQL answer with.
_TAKEN = frozenset({"23505", "42P06", "42710"})  # unique violation, schema or role exists
_GAP = "CTGAP"
_BUSY = ("too many", "starting up", "shutting down", "recovery")
# libpq's words for a server that cannot prove who it is or will not speak TLS. Not any "SSL"
# failure: "SSL error: unexpected eof" is a network cut mid-handshake, so offline.
_UNTRUSTED = ("certificate", "does not support ssl", "alert")


# A wrapped key is 248 bytes (team/keys.py); rows much bigger are not one.
WRAPPED_KEY_MAX = 1024


class TeamServerError(Exception):
    """A failure talking to the team server, with a message a caseworker can read."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ServerUnreachable(TeamServerError):
    """The network is down, the server refused the connection or did not answer: offline."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or translate(
                "TeamServer",
                "The team server cannot be reached. Work goes on here; changes are sent "
                "when it can be reached again.",
            )
        )


class InsecureConnection(TeamServerError):
    """The connection would not be encrypted, or the server could not prove who it is."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or translate(
                "TeamServer",
                "The team server's address does not require an encrypted connection "
                "(sslmode=verify-full, verify-ca or require), so nothing was sent to it.",
            )
        )


class ServerRefused(TeamServerError):
    """The server said no: a wrong password, a removed member, or a right the role lacks."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or translate(
                "TeamServer",
                "The team server refused this: the password may be wrong, this member may "
                "have been removed from the team, or only an admin may do it.",
            )
        )


class AlreadyStored(ServerRefused):
    """The server already holds this wrapped key or join request; it is never replaced."""

    def __init__(self) -> None:
        super().__init__(
            translate("TeamServer", "The team server already holds this; it is never replaced.")
        )


class ServerMisbehaved(TeamServerError):
    """The server answered what its own schema forbids (a record without a kind): altered."""

    def __init__(self) -> None:
        super().__init__(
            translate("TeamServer", "The team server answered with a record it cannot hold.")
        )


class SeqTaken(TeamServerError):
    """Another member appended a record with this number first: pull, then try again."""

    def __init__(self) -> None:
        super().__init__(
            translate(
                "TeamServer",
                "Another member sent changes at the same moment. Theirs are fetched first, "
                "then ours are sent again.",
            )
        )


class SeqGap(TeamServerError):
    """The number is past the server's last record: the server holds less than we have seen."""

    def __init__(self) -> None:
        super().__init__(
            translate(
                "TeamServer",
                "The team server holds fewer records than this computer has already seen: "
                "it may have lost or be withholding some.",
            )
        )


@dataclass(frozen=True)
class LogRow:
    """One record of the chain as the server returned it: unverified until the caller checks."""

    seq: int
    kind: int
    author: str
    body: bytes


def new_prefix() -> str:
    """A team's prefix for role and channel names: random, so it names no organisation."""
    return "ct_" + secrets.token_hex(4)


def new_role_name(prefix: str) -> str:
    """A member's login role: random, so the server's role list names nobody."""
    return f"{prefix}_{secrets.token_hex(6)}"


def check_dsn(dsn: str) -> dict[str, str]:
    """The DSN's parts if it demands TLS to a network host; `InsecureConnection` before any
    connection otherwise (an absent sslmode means "prefer", which falls back to plain text)."""
    try:
        parts = {key: str(value) for key, value in conninfo_to_dict(dsn).items()}
    except psycopg.ProgrammingError:
        raise TeamServerError(
            translate("TeamServer", "The team server's address is not written correctly.")
        ) from None
    hosts = parts.get("host", "").split(",")
    if parts.get("sslmode") not in SECURE_SSLMODES or any(
        not host or host.startswith(("/", "@")) for host in hosts
    ):
        raise InsecureConnection()
    return parts


def connect(
    dsn: str, *, role: str | None = None, password: str | None = None, timeout: float = 10
) -> TeamServer:
    """A connection to the team server as ``role`` (else the DSN's user), in autocommit.

    ``timeout`` bounds the login, and (unless the DSN says otherwise) how long sent data may go
    unacknowledged and an idle connection unanswered: a network gone mid-sync is "offline"
    within about that time, not after the system's quarter of an hour."""
    parts = check_dsn(dsn)
    seconds = max(2, math.ceil(timeout))
    defaults = {
        "tcp_user_timeout": seconds * 1000,
        "keepalives": 1,
        "keepalives_idle": seconds,
        "keepalives_interval": max(1, seconds // 3),
        "keepalives_count": 3,
    }
    overrides: dict[str, str | int] = {k: v for k, v in defaults.items() if k not in parts}
    overrides["connect_timeout"] = seconds
    if role is not None:
        overrides["user"] = role
    if password is not None:
        overrides["password"] = password
    try:
        conn = psycopg.connect(make_conninfo(dsn, **overrides), autocommit=True)
    except psycopg.Error as error:
        raise _failed_login(error) from None
    return TeamServer(conn, lock_timeout=timeout)


class TeamServer:
    """One autocommit connection to a team's database; a context manager that closes it."""

    def __init__(self, conn: psycopg.Connection, *, lock_timeout: float = 10) -> None:
        """``lock_timeout``: how long an append may wait behind another member's unfinished
        one (a member's code that never commits would otherwise hold ours forever)."""
        self._conn = conn
        self._prefix: str | None = None
        try:
            with self._errors():
                conn.execute(
                    "SELECT set_config('lock_timeout', %s, false)",
                    (f"{max(1, round(lock_timeout * 1000))}ms",),
                )
            self.role: str = str(self._one("SELECT current_user"))
        except TeamServerError:
            conn.close()
            raise

    def __enter__(self) -> TeamServer:
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    @property
    def prefix(self) -> str:
        """The team's prefix as the server states it (checked: it becomes identifiers)."""
        if self._prefix is None:
            untrusted = self._one("SELECT prefix FROM casetracker.team")
            if not isinstance(untrusted, str) or not _PREFIX.fullmatch(untrusted):
                raise ServerRefused()
            self._prefix = untrusted
        return self._prefix

    # -- the owner's and admins' work ----------------------------------------------------------

    def install_schema(self, prefix: str) -> None:
        """Create the team's tables, group roles and functions, all or nothing (as the owner)."""
        if not _PREFIX.fullmatch(prefix):
            raise ValueError("a team prefix is a-z, then 1 to 30 of a-z, 0-9 and _")
        with self._errors(taken=_already_installed), self._conn.transaction():
            self._conn.execute(schema_statements(prefix))
        self._prefix = prefix

    def create_member(self, role: str, password: str, *, admin: bool) -> None:
        """A login role for a new member (admin or not); the server gets a SCRAM verifier,
        never the password."""
        _check_role(role)
        with self._errors(taken=_role_taken):
            verifier = self._conn.pgconn.encrypt_password(
                password.encode(), role.encode(), b"scram-sha-256"
            )
            self._conn.execute(
                "SELECT casetracker.create_member(%s, %s, %s)",
                (role, verifier.decode("ascii"), admin),
            )

    def remove_member(self, role: str) -> None:
        """The role can no longer log in, read or append; its past records stay."""
        _check_role(role)
        with self._errors():
            self._conn.execute("SELECT casetracker.remove_member(%s)", (role,))

    def change_own_password(self, password: str) -> None:
        """This login's new password (a SCRAM verifier made here): the one an invitation
        carried stops working once its member has joined."""
        with self._errors():
            verifier = self._conn.pgconn.encrypt_password(
                password.encode(), self.role.encode(), b"scram-sha-256"
            )
            self._conn.execute(
                sql.SQL("ALTER ROLE CURRENT_USER PASSWORD {}").format(
                    sql.Literal(verifier.decode("ascii"))
                )
            )

    def logins_made_by(self, role: str) -> list[str]:
        """The logins of this team's member group that ``role`` made and that still open
        (admins only)."""
        with self._errors():
            # Down the whole line: a login made with a login he made is his too.
            rows = self._conn.execute(
                "WITH RECURSIVE made(role) AS ("
                "  SELECT role FROM casetracker.login WHERE made_by = %s"
                "  UNION SELECT l.role FROM casetracker.login AS l"
                "  JOIN made ON l.made_by = made.role"
                ") SELECT made.role FROM made"
                " JOIN pg_catalog.pg_roles AS r ON r.rolname = made.role"
                " WHERE r.rolcanlogin ORDER BY made.role",
                (role,),
            ).fetchall()
        return [str(name) for (name,) in rows]

    def logins(self) -> list[str]:
        """Every login of this team that still opens (admins only)."""
        with self._errors():
            rows = self._conn.execute(
                "SELECT l.role FROM casetracker.login AS l"
                " JOIN pg_catalog.pg_roles AS r ON r.rolname = l.role"
                " WHERE r.rolcanlogin ORDER BY l.role"
            ).fetchall()
        return [str(name) for (name,) in rows]

    def put_wrapped_key(self, epoch: int, member: str, body: bytes) -> None:
        """The data key of ``epoch`` wrapped to ``member`` (admins only; never replaced)."""
        with self._errors(taken=AlreadyStored):
            self._conn.execute(
                "INSERT INTO casetracker.wrapped_key (epoch, member, body) VALUES (%s, %s, %s)",
                (epoch, member, body),
            )

    def join_requests(self) -> list[tuple[str, bytes]]:
        """Every join request, oldest first, as (role, body) (admins only)."""
        with self._errors():
            rows = self._conn.execute(
                "SELECT member, body FROM casetracker.join_request ORDER BY received_at, member"
            ).fetchall()
        return [(str(member), bytes(body)) for member, body in rows]

    # -- every member's work -------------------------------------------------------------------

    def append(self, seq: int, kind: int, body: bytes) -> None:
        """Record ``seq`` (the server's head + 1); `SeqTaken` when another member was first."""
        if seq < 1 or kind not in (KIND_MEMBER_LIST, KIND_CHANGE_SET):
            raise ValueError("a record has a number from 1 and kind 1 or 2")
        with self._errors(taken=SeqTaken):
            self._conn.execute(
                "INSERT INTO casetracker.log (seq, kind, body) VALUES (%s, %s, %s)",
                (seq, kind, body),
            )

    def records_after(self, seq: int, limit: int = 500, max_bytes: int = 64 << 20) -> list[LogRow]:
        """Up to ``limit`` records numbered above ``seq``, in order (unverified), stopping
        before their bodies pass ``max_bytes`` together (the first always comes): a page of
        large change sets must not fill the memory."""
        with self._errors():
            rows = self._conn.execute(
                "SELECT seq, kind, author, body FROM ("
                "  SELECT *, sum(octet_length(body)) OVER (ORDER BY seq) AS upto FROM ("
                "    SELECT seq, kind, author, body FROM casetracker.log"
                "    WHERE seq > %s ORDER BY seq LIMIT %s"
                "  ) AS next_rows"
                ") AS page WHERE upto <= %s OR upto = octet_length(body) ORDER BY seq",
                (seq, limit, max_bytes),
            ).fetchall()
        if any(value is None for row in rows for value in row):
            raise ServerMisbehaved()
        return [LogRow(int(s), int(k), str(a), bytes(b)) for s, k, a, b in rows]

    def head(self) -> int:
        """The last record's number; 0 when the chain is empty."""
        return int(self._one("SELECT coalesce(max(seq), 0) FROM casetracker.log"))

    def my_wrapped_keys(self, held: Sequence[int] = ()) -> list[tuple[int, bytes]]:
        """(epoch, wrapped data key) wrapped to this role, oldest first: only epochs not
        ``held`` already, and only rows of a wrapped key's size (anything bigger, stored by an
        administrator gone bad, is not read at every sync)."""
        with self._errors():
            rows = self._conn.execute(
                "SELECT epoch, body FROM casetracker.wrapped_key"
                " WHERE member = current_user AND NOT (epoch = ANY(%s))"
                " AND octet_length(body) <= %s ORDER BY epoch LIMIT 1000",
                (list(held), WRAPPED_KEY_MAX),
            ).fetchall()
        return [(int(epoch), bytes(body)) for epoch, body in rows]

    def put_join_request(self, body: bytes) -> None:
        """This role's public keys for an admin to add (once; `AlreadyStored` after)."""
        with self._errors(taken=AlreadyStored):
            self._conn.execute("INSERT INTO casetracker.join_request (body) VALUES (%s)", (body,))

    def listen(self) -> None:
        """Be told of each record other members append (`wait_for_news`)."""
        channel = sql.Identifier(self.prefix + "_log")
        with self._errors():
            self._conn.execute(sql.SQL("LISTEN {}").format(channel))

    def wait_for_news(self, timeout: float) -> bool:
        """True as soon as another session appended a record (since `listen` or the last
        call), False after ``timeout`` seconds of quiet. Our own appends do not count; news
        already waiting is taken with the first, though one a moment late may wake the next
        call for a record already fetched (a pull that finds nothing: harmless)."""
        own = self._conn.info.backend_pid
        with self._errors():
            news = any(n.pid != own for n in self._conn.notifies(timeout=timeout, stop_after=1))
            if news:  # what else has come meanwhile is the same news
                for _ in self._conn.notifies(timeout=0):
                    pass
        return news

    # -- plumbing ------------------------------------------------------------------------------

    def _one(self, query: LiteralString) -> Any:
        with self._errors():
            row = self._conn.execute(query).fetchone()
        if row is None:
            raise ServerRefused()
        return row[0]

    @contextmanager
    def _errors(self, taken: Callable[[], TeamServerError] | None = None) -> Iterator[None]:
        """psycopg's errors as typed errors; "that exists already" as ``taken()``."""
        try:
            yield
        except psycopg.Error as error:
            if taken is not None and error.sqlstate in _TAKEN:
                raise taken() from None
            if error.sqlstate == _GAP:
                raise SeqGap() from None
            raise _failed_query(error) from None


def schema_statements(prefix: str) -> sql.Composed:
    """schema.sql with its psql variables filled in as psql would fill them."""
    text = resources.files("casetracker.team").joinpath("schema.sql").read_text("utf-8")
    values = {"prefix": prefix}
    lines = []
    for line in text.splitlines():
        if line.startswith("\\"):
            match = _PSQL_SET.fullmatch(line)
            if match is None:
                raise ValueError("schema.sql: only \\set NAME :prefix 'suffix' is understood")
            values[match[1]] = prefix + match[2]
        else:
            lines.append(line)
    parts: list[sql.Composable] = []
    body = "\n".join(lines)
    end = 0
    for match in _PSQL_VARIABLE.finditer(body):
        parts.append(sql.SQL(body[end : match.start()]))
        value = values[match[2]]
        parts.append(sql.Literal(value) if match[1] == "'" else sql.Identifier(value))
        end = match.end()
    parts.append(sql.SQL(body[end:]))
    return sql.Composed(parts)


def _check_role(role: str) -> None:
    if not _ROLE.fullmatch(role):
        raise ValueError("a role name is 1 to 50 of a-z, 0-9 and _")


def _already_installed() -> TeamServerError:
    return TeamServerError(
        translate("TeamServer", "This database already holds a team, or its role names are taken.")
    )


def _role_taken() -> TeamServerError:
    return TeamServerError(translate("TeamServer", "That member name is taken on the server."))


def _failed_login(error: psycopg.Error) -> TeamServerError:
    """Why a connection failed. libpq keeps no SQLSTATE for a login the server refused, so:
    after the TLS handshake, the server itself said no (or is busy: its words, in English, say
    so); before it, a certificate or TLS refusal is named by libpq's words, anything else is
    the network."""
    if error.sqlstate is not None:
        return _failed_query(error)
    text = str(error).lower()
    if error.pgconn is not None and error.pgconn.ssl_in_use:
        if any(word in text for word in _BUSY):
            return ServerUnreachable()
        return ServerRefused()
    if any(words in text for words in _UNTRUSTED):
        return InsecureConnection(
            translate(
                "TeamServer",
                "The team server could not prove it is the right server (its certificate "
                "could not be checked against the one this computer expects), so nothing was "
                "sent to it.",
            )
        )
    return ServerUnreachable()


def _failed_query(error: psycopg.Error) -> TeamServerError:
    """The typed error for a statement's failure, from its SQLSTATE."""
    state = error.sqlstate
    if state is None:
        if isinstance(error, psycopg.OperationalError | psycopg.InterfaceError):
            return ServerUnreachable()  # the connection broke, or was closed
    elif state.startswith(("08", "53", "57")) or state == "55P03":
        return ServerUnreachable()  # connection, resources, operator, a lock held too long
    elif state in ("42P01", "3F000"):  # no such table or schema
        return ServerRefused(
            translate("TeamServer", "The team server holds no team in this database.")
        )
    elif state.startswith(("28", "42", "22", "23", "3D")):
        return ServerRefused()
    return TeamServerError(
        translate("TeamServer", "The team server answered in a way this version does not expect.")
    )
