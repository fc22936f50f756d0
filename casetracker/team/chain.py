"""The team's chain, checked link by link: who may write what, and in which order.

The server hands out rows; this module decides whether each is the next link. A link must carry
the next number, chain to the hash of the link before it, be signed by someone the member list
in force at that point names (an administrator, for a new member list), and be sealed under the
epoch that list names. A member list that drops someone must move to a new epoch, so what is
written after a removal is sealed under a key the removed member never had. Any failure is a
`ChainBroken`: sync stops and nothing from the bad link on is applied.
"""

from __future__ import annotations

import base64
import binascii
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from casetracker.team.records import (
    KIND_CHANGES,
    KIND_MEMBERS,
    RecordError,
    Signed,
    check_signature,
    genesis_prev,
    open_sealed,
)

_LIST_KIND = "casetracker-team-members"
_MAX_MEMBERS = 500
_MAX_NAME = 200


class ChainBroken(Exception):
    """The server's rows are not an honest chain: altered, dropped, reordered or replayed."""

    def __init__(self, seq: int, reason: str) -> None:
        super().__init__(f"record {seq}: {reason}")
        self.seq = seq
        self.reason = reason


class KeyMissing(Exception):
    """A record sealed under an epoch whose key no administrator has wrapped to us yet."""

    def __init__(self, epoch: int) -> None:
        super().__init__(f"no key for epoch {epoch} yet")
        self.epoch = epoch


@dataclass(frozen=True)
class Member:
    role: str
    name: str
    signing: bytes
    box: bytes
    admin: bool

    def to_json(self) -> dict[str, object]:
        return {
            "role": self.role,
            "name": self.name,
            "signing": base64.b64encode(self.signing).decode(),
            "box": base64.b64encode(self.box).decode(),
            "admin": self.admin,
        }


@dataclass(frozen=True)
class MemberList:
    team_id: bytes
    version: int
    epoch: int
    members: tuple[Member, ...]

    def by_signing(self, key: bytes) -> Member | None:
        return next((m for m in self.members if m.signing == key), None)

    def by_role(self, role: str) -> Member | None:
        return next((m for m in self.members if m.role == role), None)

    def encode(self) -> bytes:
        document = {
            "kind": _LIST_KIND,
            "v": 1,
            "team": self.team_id.hex(),
            "version": self.version,
            "epoch": self.epoch,
            "members": [member.to_json() for member in self.members],
        }
        return json.dumps(document, ensure_ascii=False, sort_keys=True).encode()

    @staticmethod
    def decode(untrusted: bytes) -> MemberList:
        try:
            document = json.loads(untrusted)
            if not isinstance(document, dict) or document.get("kind") != _LIST_KIND:
                raise ValueError
            if document.get("v") != 1:
                raise ValueError
            version, epoch = document["version"], document["epoch"]
            if not all(isinstance(n, int) and not isinstance(n, bool) for n in (version, epoch)):
                raise ValueError
            raw_members = document["members"]
            if not isinstance(raw_members, list) or not 0 < len(raw_members) <= _MAX_MEMBERS:
                raise ValueError
            members = tuple(_member(item) for item in raw_members)
            team = bytes.fromhex(str(document["team"]))
        except (ValueError, KeyError, TypeError, binascii.Error) as exc:
            raise RecordError("a member list that cannot be read") from exc
        if len({m.role for m in members}) != len(members):
            raise RecordError("a member list naming a member twice")
        if len({m.signing for m in members}) != len(members):
            raise RecordError("a member list naming a key twice")
        if len({same_name(m.name) for m in members}) != len(members):
            # History says "signed by <name>" and `team remove` goes by name.
            raise RecordError("a member list naming two members alike")
        return MemberList(team, version, epoch, members)


def same_name(name: str) -> str:
    """A name as compared for sameness: Unicode-normalised, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _key(untrusted: object) -> bytes:
    if not isinstance(untrusted, str):
        raise ValueError
    raw = base64.b64decode(untrusted, validate=True)
    if len(raw) != 32:
        raise ValueError
    return raw


def _member(untrusted: object) -> Member:
    if not isinstance(untrusted, dict):
        raise ValueError
    role, name, admin = untrusted["role"], untrusted["name"], untrusted["admin"]
    if not (isinstance(role, str) and isinstance(name, str) and isinstance(admin, bool)):
        raise ValueError
    if not 0 < len(role) <= 63 or len(name) > _MAX_NAME:
        raise ValueError
    return Member(role, name, _key(untrusted["signing"]), _key(untrusted["box"]), admin)


@dataclass(frozen=True)
class Position:
    """Where a member stands in the chain: the last link it checked and the list then in force."""

    team_id: bytes
    seq: int
    head: bytes
    members: MemberList | None

    @staticmethod
    def start(team_id: bytes) -> Position:
        return Position(team_id, 0, genesis_prev(team_id), None)


@dataclass(frozen=True)
class Link:
    seq: int
    kind: int
    author: Member
    plaintext: bytes
    digest: bytes
    position: Position


def _check_list(seq: int, signed: Signed, current: MemberList | None, new: MemberList) -> None:
    author = new.by_signing(signed.header.author)
    if new.team_id != signed.header.team_id or new.epoch != signed.header.epoch:
        raise ChainBroken(seq, "a member list for another team or epoch")
    if current is None:
        if new.version != 1 or author is None or not author.admin:
            raise ChainBroken(seq, "the first member list is not its founder's")
        return
    signer = current.by_signing(signed.header.author)
    if signer is None or not signer.admin:
        raise ChainBroken(seq, "a member list not signed by an administrator")
    if new.version != current.version + 1:
        raise ChainBroken(seq, "a member list out of order")
    removed = {m.signing for m in current.members} - {m.signing for m in new.members}
    if new.epoch not in (current.epoch, current.epoch + 1):
        raise ChainBroken(seq, "a member list whose key epoch does not follow")
    if removed and new.epoch != current.epoch + 1:
        raise ChainBroken(seq, "a member removed without a new key")


def follow(
    position: Position,
    *,
    seq: int,
    kind: int,
    author_role: str,
    body: bytes,
    epoch_keys: Mapping[int, bytes],
) -> Link:
    """Check one row from the server as the next link after `position` and open it."""
    if seq != position.seq + 1:
        raise ChainBroken(seq, "a gap or a repeat in the numbering")
    try:
        signed = check_signature(body)
    except RecordError as exc:
        raise ChainBroken(seq, str(exc)) from exc
    header = signed.header
    if header.seq != seq or header.kind != kind:
        raise ChainBroken(seq, "a record moved from elsewhere in the chain")
    if header.team_id != position.team_id or header.prev != position.head:
        raise ChainBroken(seq, "a record that does not follow the one before it")
    current = position.members
    if kind == KIND_CHANGES:
        if current is None:
            raise ChainBroken(seq, "a change before any member list")
        if current.by_signing(header.author) is None:
            raise ChainBroken(seq, "a change by someone who is not a member")
        if header.epoch != current.epoch:
            raise ChainBroken(seq, "a change sealed under an old key")
    key = epoch_keys.get(header.epoch)
    if key is None:
        raise KeyMissing(header.epoch)
    try:
        plaintext = open_sealed(signed, key)
    except RecordError as exc:
        raise ChainBroken(seq, str(exc)) from exc
    members = current
    if kind == KIND_MEMBERS:
        try:
            members = MemberList.decode(plaintext)
        except RecordError as exc:
            raise ChainBroken(seq, str(exc)) from exc
        _check_list(seq, signed, current, members)
    # The signer as the list in force knew them (for a founding list: as it names them).
    signer_list = current if current is not None else members
    author = signer_list.by_signing(header.author) if signer_list is not None else None
    if author is None:
        raise ChainBroken(seq, "a record by someone who is not a member")
    if author.role != author_role:
        raise ChainBroken(seq, "the server names another author than the signature")
    return Link(
        seq,
        kind,
        author,
        plaintext,
        signed.digest,
        Position(position.team_id, seq, signed.digest, members),
    )
