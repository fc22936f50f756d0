"""Team records, wrapped keys and the chain's rules, without a server."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casetracker.services.errors import InvalidInput
from casetracker.services.team import Invitation
from casetracker.team.chain import ChainBroken, KeyMissing, Member, MemberList, Position, follow
from casetracker.team.keys import (
    MemberKeys,
    check_join_request,
    join_request,
    new_epoch_key,
    unwrap,
    wrap,
)
from casetracker.team.records import (
    KIND_CHANGES,
    KIND_MEMBERS,
    RecordError,
    bucket,
    check_signature,
    open_sealed,
    record_hash,
    seal,
)

TEAM = bytes(range(16))


def _member(role: str, keys: MemberKeys, admin: bool = False) -> Member:
    return Member(role, role.title(), keys.signing_public, keys.box_public, admin)


@pytest.fixture(scope="module")
def founder() -> MemberKeys:
    return MemberKeys.generate()


def _record(
    keys: MemberKeys, position: Position, kind: int, plaintext: bytes, epoch: int, key: bytes
) -> bytes:
    return seal(
        kind=kind,
        team_id=TEAM,
        seq=position.seq + 1,
        prev=position.head,
        signing_key=keys.signing,
        epoch=epoch,
        epoch_key=key,
        plaintext=plaintext,
    )


@given(st.binary(max_size=5000))
@settings(max_examples=40, deadline=None)
def test_a_record_opens_to_what_was_sealed_padded_to_a_bucket(plaintext: bytes) -> None:
    keys, key = MemberKeys.generate(), bytes(32)
    body = _record(keys, Position.start(TEAM), KIND_CHANGES, plaintext, 1, key)
    signed = check_signature(body)
    assert open_sealed(signed, key) == plaintext
    assert signed.header.sealed_bytes - 28 == bucket(len(plaintext))


def test_buckets_hide_the_size_within_a_class() -> None:
    assert bucket(1) == bucket(1000) == 1024
    assert bucket(1021) == 2048
    assert bucket(3 << 20) == 4 << 20


def test_every_altered_byte_is_caught(founder: MemberKeys) -> None:
    body = _record(founder, Position.start(TEAM), KIND_CHANGES, b"x" * 100, 1, bytes(32))
    for index in range(0, len(body), 7):
        altered = bytearray(body)
        altered[index] ^= 0x01
        with pytest.raises(RecordError):
            open_sealed(check_signature(bytes(altered)), bytes(32))


def _founded(founder: MemberKeys, key: bytes) -> tuple[Position, MemberList]:
    members = MemberList(TEAM, 1, 1, (_member("anna", founder, admin=True),))
    start = Position.start(TEAM)
    body = _record(founder, start, KIND_MEMBERS, members.encode(), 1, key)
    link = follow(
        start, seq=1, kind=KIND_MEMBERS, author_role="anna", body=body, epoch_keys={1: key}
    )
    return link.position, members


def test_the_chain_refuses_strangers_gaps_and_old_keys(founder: MemberKeys) -> None:
    key = new_epoch_key()
    position, members = _founded(founder, key)
    stranger = MemberKeys.generate()
    by_stranger = _record(stranger, position, KIND_CHANGES, b"{}", 1, key)
    with pytest.raises(ChainBroken, match="not a member"):
        follow(position, seq=2, kind=2, author_role="x", body=by_stranger, epoch_keys={1: key})
    good = _record(founder, position, KIND_CHANGES, b"{}", 1, key)
    with pytest.raises(ChainBroken, match="gap"):
        follow(position, seq=3, kind=2, author_role="anna", body=good, epoch_keys={1: key})
    with pytest.raises(ChainBroken, match="another author"):
        follow(position, seq=2, kind=2, author_role="boris", body=good, epoch_keys={1: key})
    with pytest.raises(KeyMissing):
        follow(position, seq=2, kind=2, author_role="anna", body=good, epoch_keys={})
    # A member list that drops someone must bring a new key epoch.
    boris = MemberKeys.generate()
    two = MemberList(TEAM, 2, 1, (*members.members, _member("boris", boris)))
    link = follow(
        position,
        seq=2,
        kind=KIND_MEMBERS,
        author_role="anna",
        body=_record(founder, position, KIND_MEMBERS, two.encode(), 1, key),
        epoch_keys={1: key},
    )
    dropped = MemberList(TEAM, 3, 1, members.members)
    with pytest.raises(ChainBroken, match="without a new key"):
        follow(
            link.position,
            seq=3,
            kind=KIND_MEMBERS,
            author_role="anna",
            body=_record(founder, link.position, KIND_MEMBERS, dropped.encode(), 1, key),
            epoch_keys={1: key},
        )
    # Only an administrator writes a member list.
    by_boris = MemberList(TEAM, 3, 1, two.members)
    with pytest.raises(ChainBroken, match="administrator"):
        follow(
            link.position,
            seq=3,
            kind=KIND_MEMBERS,
            author_role="boris",
            body=_record(boris, link.position, KIND_MEMBERS, by_boris.encode(), 1, key),
            epoch_keys={1: key},
        )


def test_a_wrapped_key_opens_only_for_its_member(founder: MemberKeys) -> None:
    boris, clara = MemberKeys.generate(), MemberKeys.generate()
    key = new_epoch_key()
    body = wrap(
        team_id=TEAM,
        epoch=3,
        epoch_key=key,
        role="boris",
        recipient_box=boris.box_public,
        admin_signing=founder.signing,
    )
    opened = unwrap(body, team_id=TEAM, role="boris", keys=boris)
    assert (opened.epoch, opened.key, opened.admin) == (3, key, founder.signing_public)
    with pytest.raises(RecordError):
        unwrap(body, team_id=TEAM, role="clara", keys=clara)
    with pytest.raises(RecordError):
        unwrap(body, team_id=TEAM, role="boris", keys=clara)
    altered = bytearray(body)
    altered[100] ^= 1
    with pytest.raises(RecordError):
        unwrap(bytes(altered), team_id=TEAM, role="boris", keys=boris)


def test_a_join_request_needs_the_invitation_secret() -> None:
    keys = MemberKeys.generate()
    body = join_request(secret=b"s" * 32, team_id=TEAM, role="boris", keys=keys)
    assert check_join_request(body, secret=b"s" * 32, team_id=TEAM, role="boris").box == (
        keys.box_public
    )
    with pytest.raises(RecordError):
        check_join_request(body, secret=b"t" * 32, team_id=TEAM, role="boris")
    with pytest.raises(RecordError):
        check_join_request(body, secret=b"s" * 32, team_id=TEAM, role="clara")


@given(st.text(max_size=300))
@settings(max_examples=100, deadline=None)
def test_any_text_as_an_invitation_is_refused_in_plain_words(text: str) -> None:
    with pytest.raises(InvalidInput):
        Invitation.decode(text)


@given(st.binary(max_size=400))
@settings(max_examples=100, deadline=None)
def test_any_bytes_as_a_member_list_are_refused(data: bytes) -> None:
    with pytest.raises(RecordError):
        MemberList.decode(data)


def test_record_hash_is_the_link() -> None:
    keys = MemberKeys.generate()
    body = _record(keys, Position.start(TEAM), KIND_CHANGES, b"", 1, bytes(32))
    assert check_signature(body).digest == record_hash(body)
