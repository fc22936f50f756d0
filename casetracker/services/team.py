"""A team on one case base: joining, members, and sync through the team's server.

Every caseworker action stays local and instant; `sync` (the command, or the app in the
background) is the only thing that talks to the server. A sync is four steps so the app can run
the network ones on a worker and the database ones on the thread that owns the vault:

1. `fetch` (network): our wrapped keys, new rows of the chain, join requests;
2. `merge` (database): check every row as the next link (team/chain.py), apply others' change
   sets under ours and list conflicts (team/merge.py), confirm new members if we are an
   administrator, and seal what we have to send;
3. `send` (network): append those records at the next numbers; if someone was quicker
   (`SeqTaken`), go back to 1;
4. `sent` (database): forget what went.

docs/team.md says what the server learns and what it cannot.
"""

from __future__ import annotations

import base64
import binascii
import json
import random
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from casetracker.i18n import translate
from casetracker.model import SCHEMA_VERSION, SyncConflict, TeamInvite, TeamState, utcnow
from casetracker.services.errors import InvalidInput, NotFound, ServiceError
from casetracker.storage.change_capture import columns_of, quote
from casetracker.storage.change_sets import ChangeSet, SqlValue, TableChanges, decode, encode
from casetracker.storage.database import raw_connection, writing
from casetracker.team import merge, server
from casetracker.team.chain import (
    ChainBroken,
    KeyMissing,
    Link,
    Member,
    MemberList,
    Position,
    same_name,
)
from casetracker.team.keys import (
    MemberKeys,
    Unwrapped,
    check_join_request,
    join_request,
    new_epoch_key,
)
from casetracker.team.keys import unwrap as unwrap_key
from casetracker.team.keys import wrap as wrap_key
from casetracker.team.records import (
    KIND_CHANGES,
    KIND_MEMBERS,
    MAX_RECORD_BYTES,
    RecordError,
    seal,
)

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

# This laptop's own tables: never sent. Attachments stay too: their encrypted files live
# beside the vault and do not travel yet (docs/team.md, "Not yet").
LOCAL_TABLES = frozenset(
    {
        "attachment",
        "mergebase",
        "meta",
        "orgkeys",
        "setting",
        "teamauthorship",
        "teaminvite",
        "teamstate",
    }
)
# A change set sent as one record holds at most this many rows; more go as several records.
CHUNK_ROWS = 2000
# Rows that stand for one thing whatever their id: a flag's state is one per rule and subject.
_SAME_THING = {"flagstate": ("rule", "case_id", "facility_id")}
_INVITE_PREFIX = "CTINV1-"

_MAX_ROUNDS = 20


class TeamError(ServiceError):
    """Something about the team a caseworker can act on, in plain words."""


class Offline(TeamError):
    """The server cannot be reached: work goes on, and is sent at the next sync."""


class ServerDishonest(TeamError):
    """The server's records do not check out: nothing from them was applied."""


def _not_let_in() -> str:
    return translate(
        "Team", "The team's records do not show you let in by the one who invited you."
    )


def _behind() -> str:
    return translate(
        "Team",
        "The team server holds fewer records than this computer has already seen: it may have "
        "lost some (an old backup restored) or be withholding them. Nothing was sent. Tell "
        "your team's administrator.",
    )


def synced_tables(raw: sqlite3.Connection) -> list[str]:
    names = [
        str(name)
        for (name,) in raw.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            "AND name NOT LIKE 'team\\_old\\_%' ESCAPE '\\' ORDER BY name"
        )
    ]
    return [name for name in names if name not in LOCAL_TABLES]


# -- invitations ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Invitation:
    team_id: bytes
    prefix: str
    dsn: str
    role: str
    password: str
    admin_key: bytes
    secret: bytes
    name: str

    def encode(self) -> str:
        document = {
            "t": self.team_id.hex(),
            "p": self.prefix,
            "d": self.dsn,
            "r": self.role,
            "w": self.password,
            "a": base64.b64encode(self.admin_key).decode(),
            "s": base64.b64encode(self.secret).decode(),
            "n": self.name,
        }
        packed = json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()
        return _INVITE_PREFIX + base64.urlsafe_b64encode(packed).decode().rstrip("=")

    @staticmethod
    def decode(code: str) -> Invitation:
        text = "".join(code.split())
        if not text.startswith(_INVITE_PREFIX) or len(text) > 8192:
            raise InvalidInput(translate("Team", "This is not a Casetracker invitation code."))
        body = text[len(_INVITE_PREFIX) :]
        try:
            document = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
            invitation = Invitation(
                bytes.fromhex(document["t"]),
                str(document["p"]),
                str(document["d"]),
                str(document["r"]),
                str(document["w"]),
                base64.b64decode(document["a"], validate=True),
                base64.b64decode(document["s"], validate=True),
                str(document["n"]),
            )
        except (ValueError, KeyError, TypeError, binascii.Error) as exc:
            raise InvalidInput(
                translate("Team", "The invitation code is damaged: ask for it again, in person.")
            ) from exc
        if len(invitation.team_id) != 16 or len(invitation.admin_key) != 32:
            raise InvalidInput(
                translate("Team", "The invitation code is damaged: ask for it again, in person.")
            )
        return invitation


# -- what a sync moves ------------------------------------------------------------------------
@dataclass
class Fetched:
    rows: list[server.LogRow] = field(default_factory=list)
    keys: list[tuple[int, bytes]] = field(default_factory=list)
    joins: list[tuple[str, bytes]] = field(default_factory=list)
    # The server holds more records than this round took: another round follows.
    more: bool = False
    # The first member list, appended by this fetch to finish a founding cut short.
    founded: bytes = b""
    # This fetch finished a join cut short.
    asked_to_join: bool = False


@dataclass(frozen=True)
class Outgoing:
    seq: int
    kind: int
    body: bytes
    # For a change set: what it carries, to forget once it is on the server.
    changes: ChangeSet | None = None
    # For a member list: the invitation it answers, and keys to hand out first.
    invite_role: str = ""
    wrapped: tuple[tuple[int, str, bytes], ...] = ()
    digest: bytes = b""


@dataclass
class SyncReport:
    received: int = 0
    sent: int = 0
    conflicts: int = 0
    joined: list[str] = field(default_factory=list)
    waiting_for_key: bool = False
    more: bool = False


@dataclass(frozen=True)
class SyncStatus:
    member: bool
    to_send: int
    open_conflicts: int
    last_sync_at: object
    last_error: str
    waiting: bool


@dataclass(frozen=True)
class MemberView:
    name: str
    role: str
    admin: bool
    fingerprint: str
    me: bool


def _keys_of(state: TeamState) -> dict[int, bytes]:
    return {int(k): base64.b64decode(v) for k, v in json.loads(state.epoch_keys).items()}


def _member_list(state: TeamState) -> MemberList | None:
    return MemberList.decode(state.members.encode()) if state.members else None


def _position(state: TeamState) -> Position:
    team_id = bytes.fromhex(state.team_id)
    if state.synced_seq == 0:
        return Position.start(team_id)
    return Position(team_id, state.synced_seq, state.head, _member_list(state))


class TeamService:
    def __init__(self, workspace: OpenVault) -> None:
        self.ws = workspace
        # The last sync that reached the server, this session (kept in the vault only when
        # the sync wrote something anyway).
        self.last_sync_at: datetime | None = None

    # -- local state ----------------------------------------------------------------------
    def state(self) -> TeamState | None:
        with self.ws.reading() as session:
            return session.get(TeamState, 1)

    def _state(self) -> TeamState:
        state = self.state()
        if state is None:
            raise NotFound(translate("Team", "This vault is not part of a team."))
        return state

    def _my_keys(self, state: TeamState) -> MemberKeys:
        return MemberKeys(state.signing_key, state.box_key)

    @contextmanager
    def _raw(self) -> Iterator[sqlite3.Connection]:
        """One transaction on the vault's connection, foreign keys off (see merge.rebase)."""
        if self.ws.read_only:
            raise TeamError(translate("Team", "This vault is open read-only: it cannot sync."))
        engine = self.ws.engine
        with writing(engine):
            raw = raw_connection(engine)
            raw.execute("PRAGMA foreign_keys = OFF")
            try:
                raw.execute("BEGIN IMMEDIATE")
                try:
                    yield raw
                    raw.execute("COMMIT")
                except BaseException:
                    raw.execute("ROLLBACK")
                    raise
            finally:
                raw.execute("PRAGMA foreign_keys = ON")
        self.ws.record_change()

    def capture(self) -> None:
        """Start noting changes for the team (after unlocking: the triggers are TEMP)."""
        if self.state() is None or self.ws.read_only:
            return
        with writing(self.ws.engine):
            raw = raw_connection(self.ws.engine)
            merge.install(raw, synced_tables(raw))

    def _save_state(self, raw: sqlite3.Connection, state: TeamState) -> None:
        raw.execute(
            "UPDATE teamstate SET synced_seq = ?, head = ?, members = ?, epoch_keys = ?, "
            "last_sync_at = ?, last_error = ? WHERE id = 1",
            (
                state.synced_seq,
                state.head,
                state.members,
                state.epoch_keys,
                utcnow().isoformat(sep=" ") if state.last_sync_at else None,
                state.last_error,
            ),
        )

    # -- connecting -----------------------------------------------------------------------
    @staticmethod
    def _connect(state: TeamState) -> server.TeamServer:
        try:
            return server.connect(state.dsn, role=state.role, password=state.password)
        except server.ServerUnreachable as exc:
            raise Offline(str(exc)) from exc
        except server.TeamServerError as exc:
            raise TeamError(str(exc)) from exc

    # -- founding, inviting, joining ------------------------------------------------------
    def init(self, dsn: str, name: str) -> None:
        """Found a team on the server at `dsn` (an owner login that may create roles), with
        this vault's cases as its first records and ourselves as its administrator. A founding
        cut short (the network went) is finished by calling it again, or by `sync`."""
        state = self.state()
        if state is not None:
            if not self._founding(state):
                raise InvalidInput(translate("Team", "This vault is already part of a team."))
            self._found(state)
            return
        name = name.strip()
        if not name:
            raise InvalidInput(translate("Team", "Give your name as the team will see it."))
        prefix = server.new_prefix()
        role = server.new_role_name(prefix)
        password = secrets.token_urlsafe(24)
        try:
            with server.connect(dsn) as owner:
                owner.install_schema(prefix)
                owner.create_member(role, password, admin=True)
        except server.ServerUnreachable as exc:
            raise Offline(str(exc)) from exc
        except server.TeamServerError as exc:
            raise TeamError(str(exc)) from exc
        keys = MemberKeys.generate()
        team_id = secrets.token_bytes(16)
        founder = Member(role, name, keys.signing_public, keys.box_public, True)
        state = TeamState(
            team_id=team_id.hex(),
            prefix=prefix,
            dsn=_without_password(dsn),
            role=role,
            password=password,
            signing_key=keys.signing,
            box_key=keys.box,
            inviter=keys.signing_public,
            # The first list, until the server holds it (synced_seq 0: not yet in force).
            members=MemberList(team_id, 1, 1, (founder,)).encode().decode(),
            epoch_keys=_encode_keys({1: new_epoch_key()}),
        )
        with self.ws.session() as session:
            session.add(state)
        self._found(state)

    def _founding(self, state: TeamState) -> bool:
        """Founded here, and the first list not on the server yet."""
        return state.synced_seq == 0 and state.inviter == self._my_keys(state).signing_public

    def _found(self, state: TeamState) -> None:
        """Store the founder's key and append the first member list (again, if need be)."""
        self._found_here(state, self._found_on_server(state))

    def _found_on_server(self, state: TeamState) -> bytes:
        """The network half of founding (safe on a worker): the first list, as the server
        holds it."""
        keys = self._my_keys(state)
        team_id = bytes.fromhex(state.team_id)
        epoch_key = _keys_of(state)[1]
        members = MemberList.decode(state.members.encode())
        body = seal(
            kind=KIND_MEMBERS,
            team_id=team_id,
            seq=1,
            prev=Position.start(team_id).head,
            signing_key=keys.signing,
            epoch=1,
            epoch_key=epoch_key,
            plaintext=members.encode(),
        )
        with self._connect(state) as conn:
            try:
                with suppress(server.AlreadyStored):
                    conn.put_wrapped_key(
                        1,
                        state.role,
                        wrap_key(
                            team_id=team_id,
                            epoch=1,
                            epoch_key=epoch_key,
                            role=state.role,
                            recipient_box=keys.box_public,
                            admin_signing=keys.signing,
                        ),
                    )
                conn.append(1, KIND_MEMBERS, body)
            except server.SeqTaken:
                # Our earlier try reached the server and its answer was lost: take it as is.
                (first,) = conn.records_after(0, limit=1)
                body = first.body
                if _follow(Position.start(team_id), first, _keys_of(state)).author.role != (
                    state.role
                ):
                    raise TeamError(
                        translate("Team", "The team's server already holds another team.")
                    ) from None
            except server.ServerUnreachable as exc:
                raise Offline(str(exc)) from exc
            except server.TeamServerError as exc:
                raise TeamError(str(exc)) from exc
        return body

    def _found_here(self, state: TeamState, body: bytes) -> None:
        """The vault's half: the first list taken, and the vault's cases noted to send."""
        with self._raw() as raw:
            state.synced_seq, state.head = 1, _digest(body)
            self._save_state(raw, state)
            tables = synced_tables(raw)
            merge.install(raw, tables)
            # Everything already in the vault goes to the team as if just added.
            for table in tables:
                raw.execute(
                    f"INSERT OR IGNORE INTO main.{quote(merge.SHADOW_PREFIX + table)} "
                    f"(ct_rowid, ct_existed) SELECT rowid, 0 FROM main.{quote(table)}"
                )

    def invite(self, name: str, *, admin: bool = False) -> str:
        """Make a login for a new member and return the code to hand over in person."""
        state = self._state()
        members = _member_list(state)
        me = members.by_role(state.role) if members else None
        if me is None or not me.admin:
            raise TeamError(translate("Team", "Only a team administrator can invite."))
        name = name.strip()
        if not name:
            raise InvalidInput(translate("Team", "Give the new member's name."))
        if members and any(same_name(m.name) == same_name(name) for m in members.members):
            raise InvalidInput(translate("Team", "The team already has a member of that name."))
        role = server.new_role_name(state.prefix)
        password = secrets.token_urlsafe(24)
        secret = secrets.token_bytes(32)
        with self._connect(state) as conn:
            try:
                conn.create_member(role, password, admin=admin)
            except server.TeamServerError as exc:
                raise TeamError(str(exc)) from exc
        with self.ws.session() as session:
            session.add(TeamInvite(role=role, name=name, secret=secret, admin=admin))
        return Invitation(
            bytes.fromhex(state.team_id),
            state.prefix,
            state.dsn,
            role,
            password,
            self._my_keys(state).signing_public,
            secret,
            name,
        ).encode()

    def join(self, code: str, *, server_ca: str = "") -> str:
        """Ask to join with an invitation; an administrator's next sync lets us in. Returns
        the name the team will know us by. `server_ca`: where the team's CA certificate is on
        this computer, when it is not where the inviter keeps it (the code names his path)."""
        invitation = Invitation.decode(code)
        state = self.state()
        if state is not None:
            if state.role != invitation.role or not state.joining:
                raise InvalidInput(translate("Team", "This vault is already part of a team."))
            self._ask_to_join(state, invitation)  # a join cut short: finish it
            self._joined(state)
            return invitation.name
        with self.ws.reading() as session:
            from casetracker.model import Case

            if session.exec(select(Case.id).limit(1)).first() is not None:
                raise InvalidInput(
                    translate(
                        "Team",
                        "Join with a new, empty vault: the team's cases fill it. Send cases "
                        "of this vault to the team afterwards with a bundle.",
                    )
                )
        dsn = _with_ca(invitation.dsn, server_ca) if server_ca else invitation.dsn
        _check_ca_here(dsn)
        keys = MemberKeys.generate()
        state = TeamState(
            team_id=invitation.team_id.hex(),
            prefix=invitation.prefix,
            dsn=dsn,
            role=invitation.role,
            # Whoever saw the code (over a shoulder, on paper) must not keep a login: the
            # password changes at once. Kept here first, so a join cut short can be finished.
            password=secrets.token_urlsafe(24),
            signing_key=keys.signing,
            box_key=keys.box,
            inviter=invitation.admin_key,
            joining=invitation.encode(),
        )
        with self.ws.session() as session:
            session.add(state)
        self._ask_to_join(state, invitation)
        self._joined(state)
        return invitation.name

    def _joined(self, state: TeamState) -> None:
        """The join request is on the server and the login renewed: the code is spent."""
        state.joining = ""
        with self._raw() as raw:
            raw.execute("UPDATE teamstate SET joining = '' WHERE id = 1")

    def _ask_to_join(self, state: TeamState, invitation: Invitation) -> None:
        """Send our public keys with the invitation's proof, and put our own password in place
        of the code's (each step again if an earlier try was cut short)."""
        keys = self._my_keys(state)
        code_login = TeamState(**{**state.model_dump(), "password": invitation.password})
        try:
            conn = self._connect(code_login)
            renewed = False
        except TeamError:
            conn = self._connect(state)  # the password was changed by the earlier try
            renewed = True
        with conn:
            try:
                with suppress(server.AlreadyStored):
                    conn.put_join_request(
                        join_request(
                            secret=invitation.secret,
                            team_id=invitation.team_id,
                            role=invitation.role,
                            keys=keys,
                        )
                    )
                if not renewed:
                    conn.change_own_password(state.password)
            except server.ServerUnreachable as exc:
                raise Offline(str(exc)) from exc
            except server.TeamServerError as exc:
                raise TeamError(str(exc)) from exc

    # -- members ----------------------------------------------------------------------------
    def members(self) -> list[MemberView]:
        from casetracker.sharing.keys import signing_fingerprint

        state = self._state()
        members = _member_list(state)
        if members is None:
            return []
        return [
            MemberView(
                m.name, m.role, m.admin, signing_fingerprint(m.signing), m.role == state.role
            )
            for m in members.members
        ]

    def head(self) -> tuple[int, str]:
        """The last record taken and a short form of its hash, for two members to compare: the
        same number with another hash means the server shows them different histories."""
        state = self._state()
        return state.synced_seq, " ".join(
            state.head.hex()[i : i + 4].upper() for i in range(0, 16, 4)
        )

    def invitations(self) -> list[TeamInvite]:
        with self.ws.reading() as session:
            return list(session.exec(select(TeamInvite).order_by(col(TeamInvite.created_at))))

    def name_of(self, role: str) -> str:
        state = self.state()
        members = _member_list(state) if state else None
        member = members.by_role(role) if members else None
        return member.name if member else ""

    def remove(self, name: str) -> None:
        """Take a member out: a new key for everything written from now on, handed to the
        others only, and their login closed on the server."""
        self.sync()
        # One key per epoch number tried: a retry at the same number must hand out the key
        # it already stored (stored keys are never replaced); at a new number (another
        # administrator rotated meanwhile) a new key, since the copies stored for the old
        # number may have gone to someone that rotation removed.
        attempts: dict[int, bytes] = {}
        for _ in range(_MAX_ROUNDS):
            state = self._state()
            members = _member_list(state)
            me = members.by_role(state.role) if members else None
            if members is None or me is None or not me.admin:
                raise TeamError(translate("Team", "Only a team administrator can remove a member."))
            leaving = next((m for m in members.members if m.name == name), None)
            if leaving is None:
                raise NotFound(translate("Team", "The team has no member of that name."))
            if leaving.role == state.role:
                raise InvalidInput(
                    translate("Team", "You cannot remove yourself; ask another administrator.")
                )
            epoch = members.epoch + 1
            epoch_key = attempts.setdefault(epoch, new_epoch_key())
            remaining = tuple(m for m in members.members if m.role != leaving.role)
            new_list = MemberList(members.team_id, members.version + 1, epoch, remaining)
            wrapped = tuple(
                (
                    epoch,
                    m.role,
                    wrap_key(
                        team_id=members.team_id,
                        epoch=epoch,
                        epoch_key=epoch_key,
                        role=m.role,
                        recipient_box=m.box,
                        admin_signing=state.signing_key,
                    ),
                )
                for m in remaining
            )
            body = seal(
                kind=KIND_MEMBERS,
                team_id=members.team_id,
                seq=state.synced_seq + 1,
                prev=state.head,
                signing_key=state.signing_key,
                epoch=epoch,
                epoch_key=epoch_key,
                plaintext=new_list.encode(),
            )
            with self._connect(state) as conn:
                # The logins go first: a record of theirs after the new list would stop
                # everyone's sync (a change by someone who is not a member). With his, every
                # login he made that no member list names (one made on the side, or his
                # invitations not answered yet); other administrators' invitations stay.
                named = {m.role for m in remaining}
                for login in [leaving.role, *conn.logins_made_by(leaving.role)]:
                    if login not in named:
                        conn.remove_member(login)
                for item in wrapped:
                    with suppress(server.AlreadyStored):
                        conn.put_wrapped_key(*item)
                try:
                    conn.append(state.synced_seq + 1, KIND_MEMBERS, body)
                except (server.SeqTaken, server.SeqGap):
                    self.sync()
                    continue
            keys = _keys_of(state)
            keys[epoch] = epoch_key
            with self._raw() as raw:
                state.synced_seq += 1
                state.head = _digest(body)
                state.members = new_list.encode().decode()
                state.epoch_keys = _encode_keys(keys)
                self._save_state(raw, state)
            self.sync()
            return
        raise TeamError(translate("Team", "The server is too busy; try again."))

    # -- sync ------------------------------------------------------------------------------
    @staticmethod
    def listen(state: TeamState) -> server.TeamServer:
        """A connection of its own that hears teammates' appends (`wait_for_news`), for a
        listening thread: network only, and holding no vault (it may outlive a lock by a
        second)."""
        conn = TeamService._connect(state)
        try:
            conn.listen()
        except server.TeamServerError as exc:
            conn.close()
            raise Offline(str(exc)) from exc
        return conn

    def fetch(self, state: TeamState) -> Fetched:
        """Network only: safe on a worker thread."""
        fetched = Fetched()
        if state.joining:
            # A join cut short (the app's background sync never calls `join`): finish it.
            self._ask_to_join(state, Invitation.decode(state.joining))
            fetched.asked_to_join = True
        if self._founding(state):
            # A founding cut short (the app's background sync never calls `sync`): the first
            # list goes to the server before anything else is read or sent.
            fetched.founded = self._found_on_server(state)
        with self._connect(state) as conn:
            try:
                if conn.head() < state.synced_seq:
                    raise ServerDishonest(_behind())
                fetched.keys = conn.my_wrapped_keys(held=sorted(_keys_of(state)))
                # One page a round (at most 500 records or 64 MiB): a server offering rows
                # without end, or huge ones, cannot fill the memory before any is checked.
                fetched.rows = conn.records_after(state.synced_seq)
                fetched.more = bool(fetched.rows) and conn.head() > fetched.rows[-1].seq
                members = _member_list(state)
                me = members.by_role(state.role) if members else None
                if me is not None and me.admin:
                    open_logins = set(conn.logins())
                    fetched.joins = [
                        (role, body) for role, body in conn.join_requests() if role in open_logins
                    ]
            except server.ServerUnreachable as exc:
                raise Offline(str(exc)) from exc
            except server.ServerMisbehaved as exc:
                raise ServerDishonest(str(exc)) from exc
            except server.TeamServerError as exc:
                raise TeamError(str(exc)) from exc
        return fetched

    def merge(self, fetched: Fetched) -> tuple[list[Outgoing], SyncReport]:
        """Database only (the vault's own thread): check, apply, merge; seal what goes out."""
        state = self._state()
        if fetched.founded and self._founding(state):
            self._found_here(state, fetched.founded)
            state = self._state()
        if fetched.asked_to_join and state.joining:
            self._joined(state)
        report = SyncReport()
        synced = _synced_columns(raw_connection(self.ws.engine))
        keys = _keys_of(state)
        me = self._my_keys(state)
        team_id = bytes.fromhex(state.team_id)
        opened = _open_keys(fetched.keys, team_id=team_id, role=state.role, keys=me)
        position = _position(state)
        links: list[Link] = []
        rows = [row for row in fetched.rows if row.seq > position.seq]
        admitted = _names(position, me.signing_public)
        while rows:
            _choose_key(rows[0], position, admitted, state.inviter, opened, keys)
            try:
                link = _follow(position, rows[0], keys)
            except KeyMissing:
                break
            if not admitted and _names(link.position, me.signing_public):
                # Let in: the list that first names us must be our inviter's, whose key came
                # with the code in person. A server inventing a team of its own cannot sign it.
                if link.author.signing != state.inviter:
                    raise ServerDishonest(_not_let_in())
                admitted = True
            links.append(link)
            position = link.position
            rows.pop(0)
        report.waiting_for_key = bool(rows)
        report.more = fetched.more and bool(links) and not rows
        if state.synced_seq == 0 and not links and opened and not keys:
            raise ServerDishonest(_not_let_in())
        # Records taken before a list names us are the team's all the same: they opened with
        # keys our inviter signed. Until it does, we only wait (and send nothing).
        report.waiting_for_key = report.waiting_for_key or not admitted
        received = {
            link.seq: _check_fits(link, synced) for link in links if link.kind == KIND_CHANGES
        }
        self.last_sync_at = utcnow()
        new_keys = _encode_keys(keys)
        if links or new_keys != state.epoch_keys or state.last_error:
            with self._raw() as raw:
                self._take_in(raw, state, links, received, position, report)
                state.epoch_keys = new_keys
                state.last_sync_at = self.last_sync_at
                state.last_error = ""
                self._save_state(raw, state)
        # Nothing came: nothing is written (an empty sync every few minutes would otherwise
        # append to the journal each time); what goes out is only read.
        engine = self.ws.engine
        with writing(engine):
            raw = raw_connection(engine)
            tables = synced_tables(raw)
            outgoing = self._outgoing(raw, state, tables, fetched, keys, report)
        return outgoing, report

    def _take_in(
        self,
        raw: sqlite3.Connection,
        state: TeamState,
        links: Sequence[Link],
        received: dict[int, ChangeSet],
        position: Position,
        report: SyncReport,
    ) -> None:
        """Apply the links taken, under our unsent changes; list the conflicts."""
        tables = synced_tables(raw)
        if not merge.installed(raw):
            merge.install(raw, tables)
        if state.synced_seq == 0 and links:
            # A joiner's empty vault: the team's rows replace its defaults.
            merge.pause(raw, tables)
            for table in tables:
                raw.execute(f"DELETE FROM main.{quote(table)}")
            merge.forget(raw, tables)
        remote = [(link, received[link.seq]) for link in links if link.kind == KIND_CHANGES]
        if any(change_set.schema > SCHEMA_VERSION for _link, change_set in remote):
            raise TeamError(
                translate("Team", "A teammate uses a newer Casetracker; update this one to sync.")
            )
        try:
            conflicts = merge.rebase(
                raw,
                tables,
                [change_set for _link, change_set in remote],
                schema=SCHEMA_VERSION,
                refit=_refit,
                derive=_search_keys(),
                same_as=_SAME_THING,
            )
        except ValueError as exc:
            raise TeamError(
                translate(
                    "Team",
                    "The team's changes could not be merged with this laptop's: nothing was "
                    "applied. Tell your team's administrator.",
                )
            ) from exc
        merge.write_conflicts(raw, conflicts, state.role)
        if remote:
            _move_ref_counter(raw)
        for link, change_set in remote:
            _note_authors(raw, change_set, link.seq, link.author.role)
        report.received = len(remote)
        report.conflicts = len(conflicts)
        if links:
            state.synced_seq = position.seq
            state.head = position.head
            assert position.members is not None
            state.members = position.members.encode().decode()

    def _outgoing(
        self,
        raw: sqlite3.Connection,
        state: TeamState,
        tables: Sequence[str],
        fetched: Fetched,
        keys: dict[int, bytes],
        report: SyncReport,
    ) -> list[Outgoing]:
        members = _member_list(state)
        if state.synced_seq == 0 or members is None or members.by_role(state.role) is None:
            return []  # not let in (or not founded) yet: keep our changes until we are
        out: list[Outgoing] = []
        seq, head = state.synced_seq, state.head
        me = members.by_role(state.role)
        team_id = members.team_id

        def next_record(kind: int, plaintext: bytes) -> tuple[int, bytes]:
            """Sealed as the link after the last one made, under the list now in force."""
            nonlocal seq, head
            assert members is not None
            seq += 1
            body = seal(
                kind=kind,
                team_id=team_id,
                seq=seq,
                prev=head,
                signing_key=state.signing_key,
                epoch=members.epoch,
                epoch_key=keys[members.epoch],
                plaintext=plaintext,
            )
            head = _digest(body)
            return seq, body

        if me is not None and me.admin and fetched.joins:
            invites = {
                row[0]: (str(row[1]), bytes(row[2]), bool(row[3]))
                for row in raw.execute("SELECT role, name, secret, admin FROM teaminvite")
            }
            for role, body in fetched.joins:
                if role not in invites or members.by_role(role) is not None:
                    continue
                name, secret, admin = invites[role]
                try:
                    request = check_join_request(body, secret=secret, team_id=team_id, role=role)
                except RecordError:
                    continue
                newcomer = Member(role, name, request.signing, request.box, admin)
                members = MemberList(
                    team_id, members.version + 1, members.epoch, (*members.members, newcomer)
                )
                wrapped = tuple(
                    (
                        epoch,
                        role,
                        wrap_key(
                            team_id=team_id,
                            epoch=epoch,
                            epoch_key=key,
                            role=role,
                            recipient_box=request.box,
                            admin_signing=state.signing_key,
                        ),
                    )
                    for epoch, key in sorted(keys.items())
                )
                seq, body_out = next_record(KIND_MEMBERS, members.encode())
                out.append(Outgoing(seq, KIND_MEMBERS, body_out, None, role, wrapped, head))
                report.joined.append(name)
        pending = merge.pending(raw, tables, SCHEMA_VERSION)
        if pending is None:
            return out
        for chunk in _chunks(pending):
            seq, body_out = next_record(KIND_CHANGES, encode(chunk))
            out.append(Outgoing(seq, KIND_CHANGES, body_out, chunk, digest=head))
        return out

    def send(self, state: TeamState, outgoing: Sequence[Outgoing]) -> list[Outgoing]:
        """Network only. Returns what reached the server, in order; stops at the first record
        someone else's got ahead of (`SeqTaken`): the caller syncs again."""
        done: list[Outgoing] = []
        with self._connect(state) as conn:
            try:
                for item in outgoing:
                    for epoch, role, wrapped in item.wrapped:
                        with suppress(server.AlreadyStored):
                            conn.put_wrapped_key(epoch, role, wrapped)
                    conn.append(item.seq, item.kind, item.body)
                    done.append(item)
            except server.SeqTaken:
                pass
            except server.SeqGap as exc:
                if not done:
                    raise ServerDishonest(_behind()) from exc
            except server.ServerUnreachable as exc:
                if not done:
                    raise Offline(str(exc)) from exc
            except server.TeamServerError as exc:
                if not done:
                    raise TeamError(str(exc)) from exc
        return done

    def sent(self, done: Sequence[Outgoing]) -> None:
        """Database only: what reached the server is ours no longer to send."""
        if not done:
            return
        state = self._state()
        with self._raw() as raw:
            for item in done:
                if item.changes is not None:
                    merge.sent(raw, item.changes)
                if item.kind == KIND_MEMBERS:
                    raw.execute("DELETE FROM teaminvite WHERE role = ?", (item.invite_role,))
                    members = _decode_own_list(state, item)
                    state.members = members
                elif item.changes is not None:
                    _note_authors(raw, item.changes, item.seq, state.role)
                state.synced_seq = item.seq
                state.head = item.digest
            self._save_state(raw, state)

    def sync(self) -> SyncReport:
        """All four steps, on this thread (the command line)."""
        total = SyncReport()
        rounds = 0
        while rounds < _MAX_ROUNDS:
            state = self._state()
            try:
                fetched = self.fetch(state)
            except Offline:
                self._note_error(translate("Team", "offline"))
                raise
            outgoing, report = self.merge(fetched)
            total.received += report.received
            total.conflicts += report.conflicts
            total.joined += report.joined
            total.waiting_for_key = report.waiting_for_key
            if not outgoing:
                if report.more:
                    continue  # a long chain: page after page, not a busy server
                return total
            rounds += 1
            done = self.send(self._state(), outgoing)
            self.sent(done)
            if len(done) < len(outgoing):
                # Someone appended first. Teammates who all synced at once would keep racing
                # each other; a short random wait spreads them out.
                time.sleep(random.uniform(0.05, 0.25) * min(rounds, 8))
            total.sent += sum(1 for item in done if item.kind == KIND_CHANGES)
            if len(done) == len(outgoing):
                return total
        raise TeamError(translate("Team", "The server is too busy; try again."))

    def _note_error(self, message: str) -> None:
        state = self.state()
        if state is None or self.ws.read_only:
            return
        with self._raw() as raw:
            raw.execute("UPDATE teamstate SET last_error = ? WHERE id = 1", (message,))

    def status(self) -> SyncStatus:
        state = self.state()
        if state is None:
            return SyncStatus(False, 0, 0, None, "", False)
        raw = raw_connection(self.ws.engine)
        # History entries go with every change: counted, one edit would read as two.
        tables = [table for table in synced_tables(raw) if table != "auditentry"]
        to_send = merge.pending_rows(raw, tables) if merge.installed(raw) else 0
        with self.ws.reading() as session:
            open_conflicts = len(
                session.exec(select(SyncConflict.id).where(SyncConflict.resolution == "")).all()
            )
        members = _member_list(state)
        waiting = members is None or members.by_role(state.role) is None
        return SyncStatus(
            True,
            to_send,
            open_conflicts,
            self.last_sync_at or state.last_sync_at,
            state.last_error,
            waiting,
        )

    # -- conflicts -------------------------------------------------------------------------
    def conflicts(self, *, include_resolved: bool = False) -> list[SyncConflict]:
        with self.ws.reading() as session:
            query = select(SyncConflict).order_by(col(SyncConflict.created_at))
            if not include_resolved:
                query = query.where(SyncConflict.resolution == "")
            return list(session.exec(query))

    def resolve(self, conflict_id: object, *, take_ours: bool) -> None:
        """A person decided: keep the value the database holds, or take the one that waited.
        The decision syncs like any edit, and closes the conflict on every side."""
        with self.ws.session() as session:
            conflict = session.get(SyncConflict, conflict_id)
            if conflict is None:
                raise NotFound(translate("Team", "That conflict is gone."))
            if conflict.resolution:
                raise InvalidInput(translate("Team", "That conflict was already decided."))
            if take_ours:
                try:
                    _take(session, conflict)
                except IntegrityError as exc:
                    raise InvalidInput(
                        translate(
                            "Team",
                            "The waiting value belongs with a record deleted meanwhile (a case "
                            "removed by a teammate, say). Put that back first, or keep the "
                            "current state.",
                        )
                    ) from exc
            conflict.resolution = "taken" if take_ours else "kept"
            conflict.resolved_by = self.ws.actor
            conflict.updated_at = utcnow()
            session.add(conflict)


# -- helpers ----------------------------------------------------------------------------------
def _without_password(dsn: str) -> str:
    """The owner's address, kept for the founder's own login: never the owner's password."""
    return _rewritten(dsn, drop=("password", "user", "passfile"))


def _check_ca_here(dsn: str) -> None:
    """The address names the team's CA certificate by a path on the inviter's computer: say so
    plainly when it is not on this one, rather than failing to prove the server's name."""
    path = _rewritten_parts(dsn).get("sslrootcert", "")
    if path and path != "system" and not Path(path).is_file():
        raise InvalidInput(
            translate(
                "Team",
                "The team server's certificate is expected at {path}, which this computer "
                "does not have. Ask the administrator for the file, put it there, or give "
                "where it is (casetracker team join --server-ca FILE).",
            ).format(path=path)
        )


def _with_ca(dsn: str, path: str) -> str:
    return _rewritten(dsn, set_to={"sslrootcert": path})


def _rewritten_parts(dsn: str) -> dict[str, str]:
    try:
        return server.check_dsn(dsn)
    except server.TeamServerError as exc:
        raise TeamError(str(exc)) from exc


def _rewritten(dsn: str, *, drop: Sequence[str] = (), set_to: dict[str, str] | None = None) -> str:
    parts = _rewritten_parts(dsn)
    kept = {k: v for k, v in parts.items() if k not in drop} | (set_to or {})

    def quoted(value: str) -> str:
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"

    return " ".join(f"{key}={quoted(value)}" for key, value in sorted(kept.items()))


def _digest(body: bytes) -> bytes:
    from casetracker.team.records import record_hash

    return record_hash(body)


def _encode_keys(keys: dict[int, bytes]) -> str:
    return json.dumps({str(k): base64.b64encode(v).decode() for k, v in sorted(keys.items())})


def _follow(position: Position, row: server.LogRow, keys: dict[int, bytes]) -> Link:
    from casetracker.team.chain import follow

    try:
        return follow(
            position,
            seq=row.seq,
            kind=row.kind,
            author_role=row.author,
            body=row.body,
            epoch_keys=keys,
        )
    except ChainBroken as exc:
        raise ServerDishonest(
            translate(
                "Team",
                "The team server's records do not check out (record {seq}: {reason}). Nothing "
                "from them was applied. Tell your team's administrator.",
            ).format(seq=exc.seq, reason=exc.reason)
        ) from exc


def _open_keys(
    bodies: Sequence[tuple[int, bytes]], *, team_id: bytes, role: str, keys: MemberKeys
) -> list[Unwrapped]:
    """The wrapped keys addressed to us that open, whoever signed them (checked by the caller)."""
    opened = []
    for epoch, body in bodies:
        try:
            key = unwrap_key(body, team_id=team_id, role=role, keys=keys)
        except RecordError:
            continue
        if key.epoch == epoch:
            opened.append(key)
    return opened


def _names(position: Position, signing: bytes) -> bool:
    return position.members is not None and position.members.by_signing(signing) is not None


def _choose_key(
    row: server.LogRow,
    position: Position,
    admitted: bool,
    inviter: bytes,
    opened: Sequence[Unwrapped],
    keys: dict[int, bytes],
) -> None:
    """Take the key a row needs, from the one administrator entitled to hand it to us.

    Until a member list names us, that is our inviter, whose key came with the code in person
    (he wraps every epoch when he lets us in). After, a new epoch's key must come from the
    administrator who signed the list that brought it: anyone else's (an administrator
    storing a key ahead of his own removal) would be a key someone outside the team knows.
    """
    from casetracker.team.records import check_signature

    try:
        header = check_signature(row.body).header
    except RecordError:
        return  # follow() says what is wrong with it
    if header.epoch in keys:
        return
    if not admitted:
        entitled = inviter
    elif (
        row.kind == KIND_MEMBERS
        and position.members is not None
        and header.epoch == position.members.epoch + 1
    ):
        entitled = header.author
    else:
        return
    for key in opened:
        if key.epoch == header.epoch and key.admin == entitled:
            keys[header.epoch] = key.key
            return


def _synced_columns(raw: sqlite3.Connection) -> dict[str, set[str]]:
    return {table: set(columns_of(raw, table)) for table in synced_tables(raw)}


def _check_fits(link: Link, synced: dict[str, set[str]]) -> ChangeSet:
    """A change set may touch only the shared case base: never this laptop's own tables (its
    keys, its server login, its invitations, its shadows), never an unknown column; and it
    may open to no more than a record may hold (a few KiB must not become a gigabyte)."""
    try:
        change_set = decode(link.plaintext, limit=MAX_RECORD_BYTES)
    except ValueError as exc:
        raise _bad_record(link, str(exc)) from exc
    for table in change_set.tables:
        known = synced.get(table.table)
        if known is None or not set(table.columns) <= known:
            raise _bad_record(link, "it changes what is not the team's")
    return change_set


def _bad_record(link: Link, reason: str) -> ServerDishonest:
    return ServerDishonest(
        translate(
            "Team",
            "Record {seq} of the team, signed by {name}, cannot be taken in ({reason}). "
            "Nothing from it on was applied. Tell your team's administrator.",
        ).format(seq=link.seq, name=link.author.name, reason=reason)
    )


def _decode_own_list(state: TeamState, item: Outgoing) -> str:
    from casetracker.team.records import check_signature, open_sealed

    signed = check_signature(item.body)
    return open_sealed(signed, _keys_of(state)[signed.header.epoch]).decode()


def _chunks(change_set: ChangeSet) -> Iterator[ChangeSet]:
    rows: list[TableChanges] = []
    count = 0
    for table in change_set.tables:
        for start in range(0, len(table.rows), CHUNK_ROWS):
            part = table.rows[start : start + CHUNK_ROWS]
            if count + len(part) > CHUNK_ROWS and rows:
                yield ChangeSet(change_set.schema, tuple(rows))
                rows, count = [], 0
            rows.append(TableChanges(table.table, table.columns, part))
            count += len(part)
    if rows:
        yield ChangeSet(change_set.schema, tuple(rows))


def _note_authors(raw: sqlite3.Connection, change_set: ChangeSet, seq: int, role: str) -> None:
    for table in change_set.tables:
        if table.table != "auditentry" or "id" not in table.columns:
            continue
        index = table.columns.index("id")
        raw.executemany(
            "INSERT OR REPLACE INTO teamauthorship (entry_id, seq, author_role) VALUES (?, ?, ?)",
            [(str(row.new[index]), seq, role) for row in table.rows if row.new is not None],
        )


def _refit(
    raw: sqlite3.Connection, table: str, values: dict[str, SqlValue]
) -> dict[str, SqlValue] | None:
    """A case added here and there under the same reference: ours takes the next free one."""
    if table != "case" or not isinstance(values.get("ref"), str):
        return None
    if raw.execute('SELECT 1 FROM main."case" WHERE id = ?', (values.get("id"),)).fetchone():
        return None
    if not raw.execute('SELECT 1 FROM main."case" WHERE ref = ?', (values["ref"],)).fetchone():
        return None
    # He may have been told his number already: it stays findable, as an alias.
    aliases = str(values.get("aliases") or "")
    old_ref = str(values["ref"])
    kept = f"{aliases}; {old_ref}" if aliases else old_ref
    return {**values, "ref": _after_last_ref(raw), "aliases": kept}


def _last_ref_number(raw: sqlite3.Connection) -> int:
    """The highest number among the references of the form the app gives (one query)."""
    from casetracker.services.cases import REF_PREFIX

    (found,) = raw.execute(
        f'SELECT max(CAST(substr(ref, {len(REF_PREFIX) + 1}) AS INTEGER)) FROM main."case" '
        "WHERE ref GLOB ?",
        (REF_PREFIX + "[0-9]*",),
    ).fetchone()
    return int(found or 0)


def _after_last_ref(raw: sqlite3.Connection) -> str:
    from casetracker.services.cases import REF_PREFIX

    return f"{REF_PREFIX}{_last_ref_number(raw) + 1:04d}"


def _move_ref_counter(raw: sqlite3.Connection) -> None:
    """This laptop's next reference goes past the ones teammates took, so a case made here
    next does not try each of theirs in turn (and less often collides at the next sync)."""
    raw.execute(
        "UPDATE meta SET value = CAST(max(CAST(value AS INTEGER), ?) AS TEXT) "
        "WHERE key = 'next_ref'",
        (_last_ref_number(raw) + 1,),
    )


def _search_keys() -> merge.Derive:
    from types import SimpleNamespace

    from casetracker.services.cases import case_search_key
    from casetracker.services.facilities import facility_search_key
    from casetracker.services.relatives import relative_search_key

    def of(work_out: Callable[[Any], str]) -> Callable[[dict[str, SqlValue]], dict[str, SqlValue]]:
        return lambda values: {"search_key": work_out(SimpleNamespace(**values))}

    return {
        "case": of(case_search_key),
        "facility": of(facility_search_key),
        "relative": of(relative_search_key),
    }


def _value(text: str) -> SqlValue:
    value = json.loads(text)
    if isinstance(value, dict) and "b64" in value:
        return base64.b64decode(value["b64"])
    if value is None or isinstance(value, str | int | float):
        return value
    raise InvalidInput(translate("Team", "That conflict cannot be taken: its value is damaged."))


def _take(session: object, conflict: SyncConflict) -> None:
    """Write the waiting value (or row) into the database."""
    from sqlalchemy import text
    from sqlmodel import Session

    assert isinstance(session, Session)
    # A conflict row syncs like any other, so a member could make one up: it may name only a
    # table and a column of the shared case base, never this laptop's own.
    synced = _synced_columns(raw_connection(session.get_bind()))  # type: ignore[arg-type]
    columns = synced.get(conflict.entity, set()) - {"id"}
    if (
        conflict.entity == merge.CONFLICT_TABLE
        or not columns
        or (conflict.kind == "field" and conflict.field not in columns)
    ):
        raise TeamError(
            translate("Team", "That conflict names something outside the case base: not taken.")
        )
    table = quote(conflict.entity)
    if conflict.kind == "field":
        now = session.execute(
            text(f"SELECT {quote(conflict.field)} FROM main.{table} WHERE id = :id"),
            {"id": conflict.record_id},
        ).first()
        if now is None or merge.value_json(now[0]) != conflict.kept:
            raise InvalidInput(
                translate(
                    "Team",
                    "That value was changed again since the conflict (by a teammate, or here): "
                    "look at it as it is now, and keep it or change it by hand.",
                )
            )
        session.execute(
            text(f"UPDATE main.{table} SET {quote(conflict.field)} = :value WHERE id = :id"),
            {"value": _value(conflict.ours), "id": conflict.record_id},
        )
    elif conflict.kind == "deleted_here":
        session.execute(
            text(f"DELETE FROM main.{table} WHERE id = :id"), {"id": conflict.record_id}
        )
    else:
        row = json.loads(conflict.ours)
        if not isinstance(row, dict):
            raise InvalidInput(
                translate("Team", "That conflict cannot be taken: its value is damaged.")
            )
        values = {str(k): _value(json.dumps(v)) for k, v in row.items()}
        if not set(values) <= columns | {"id"}:
            raise TeamError(
                translate("Team", "That conflict names something outside the case base: not taken.")
            )
        names = list(values)
        session.execute(
            text(
                f"INSERT OR REPLACE INTO main.{table} ({', '.join(quote(n) for n in names)}) "
                f"VALUES ({', '.join(':p' + str(i) for i in range(len(names)))})"
            ),
            {f"p{i}": values[name] for i, name in enumerate(names)},
        )
