"""Tables of team sync. Only `SyncConflict` travels to the team; the others are this laptop's own.

``TeamState`` holds this member's private keys, the team's epoch keys and the server password,
so like ``OrgKeys`` it is not a ``Record``: the audit log, which copies the fields of every
``Record`` it sees change, never copies a secret into History.
"""

from pydantic import NaiveDatetime
from sqlmodel import Field, SQLModel

from casetracker.model.tables import Record, utcnow


class TeamState(SQLModel, table=True):
    """This vault's membership of a team: one row, from `team init` or `team join`."""

    id: int = Field(default=1, primary_key=True)
    team_id: str  # hex
    prefix: str  # the server's role prefix for this team
    dsn: str  # without the password
    role: str  # our login role
    # Never in a repr (a traceback showing locals, a debugger, a log line with %r).
    password: str = Field(repr=False)
    signing_key: bytes = Field(repr=False)
    box_key: bytes = Field(repr=False)
    # The administrator who invited us (raw Ed25519): the first member list we take must be his.
    inviter: bytes = b""
    synced_seq: int = 0
    head: bytes = b""
    members: str = ""  # the member list in force at `synced_seq`, as signed (JSON)
    epoch_keys: str = Field(default="{}", repr=False)  # {"epoch": "base64 key"}
    last_sync_at: NaiveDatetime | None = None
    last_error: str = ""
    # The invitation code, until its join request is on the server and its login renewed (a
    # join cut short by the network is finished by the next sync).
    joining: str = Field(default="", repr=False)


class TeamInvite(SQLModel, table=True):
    """An invitation this administrator handed out and has not seen answered yet."""

    role: str = Field(primary_key=True)
    name: str
    secret: bytes = Field(repr=False)
    admin: bool = False
    created_at: NaiveDatetime = Field(default_factory=utcnow)


class TeamAuthorship(SQLModel, table=True):
    """Which signed change set brought a History entry: who did it, as the chain proves."""

    entry_id: str = Field(primary_key=True)
    seq: int = Field(index=True)
    author_role: str


class SyncConflict(Record, table=True):
    """Two members changed the same thing: listed on every side until a person decides.

    ``kept`` is the value the database holds (the one the server ordered first), ``ours`` the
    value not applied, or the whole row as JSON for a row deleted on one side and changed on
    the other; ``ours_by`` is the login role of the member whose value waits here.
    """

    entity: str
    record_id: str = Field(index=True)
    field: str = ""
    kind: str  # field, deleted_here, deleted_there, not_added
    kept: str = ""
    ours: str = ""
    ours_by: str = ""
    case_id: str = Field(default="", index=True)
    resolved_by: str = ""
    resolution: str = ""  # "" while open; "kept" or "taken"
