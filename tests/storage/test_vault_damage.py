"""Damaged, truncated, tampered and foreign files are refused: clearly, never with wrong data."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storage_samples import (
    FIRST_PAYLOAD,
    PASSPHRASE,
    MakeVault,
    flip_bit,
    header_span,
    region_offsets,
)

from casetracker.storage import envelope, kdf
from casetracker.storage.errors import (
    UnsupportedVersion,
    VaultDamaged,
    WrongPassphrase,
    WrongRecoveryKey,
)
from casetracker.storage.kdf import FLOOR
from casetracker.storage.vault_file import VaultFile

HeaderEdit = Callable[[dict[str, Any]], object]


def forge(data: bytes, edit_header: HeaderEdit) -> bytes:
    """Rewrite the header with `edit_header(dict)` and a *valid* checksum, like an attacker."""
    start, end = header_span(data)
    header = json.loads(data[start:end])
    edit_header(header)
    raw = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    prefix = data[:10] + len(raw).to_bytes(4, "big") + raw
    return prefix + hashlib.sha256(prefix).digest() + data[end + 32 :]


def damage_slot(header: dict[str, Any], kind: str) -> None:
    slot = next(s for s in header["slots"] if s["kind"] == kind)
    wrapped = bytearray(base64.b64decode(slot["wrapped"]))
    wrapped[5] ^= 0x40
    slot["wrapped"] = base64.b64encode(bytes(wrapped)).decode()


@pytest.fixture
def counted_derivations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts Argon2id runs, to show a wrong passphrase and a damaged slot cost the same."""
    calls: list[int] = []
    real = kdf.derive

    def counting(passphrase: str, salt: bytes, params: kdf.KdfParams) -> bytes:
        calls.append(1)
        return real(passphrase, salt, params)

    monkeypatch.setattr(kdf, "derive", counting)
    return calls


def write_and_open(path: Path, data: bytes, **secret: str) -> VaultFile:
    path.write_bytes(data)
    return VaultFile.open(path, **secret)


def test_empty_file_is_reported_as_not_a_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultDamaged) as caught:
        write_and_open(tmp_path / "empty.ctvault", b"", passphrase=PASSPHRASE)
    assert caught.value.region == "file"
    assert not (tmp_path / "empty.ctvault.lock").exists()


def test_file_cut_off_anywhere_is_reported_as_damaged(make_vault: MakeVault) -> None:
    path, recovery_key = make_vault()
    data = path.read_bytes()
    _, end = header_span(data)
    cuts = [1, 7, 8, 10, 13, 14, 100, end - 1, end, end + 31, end + 32, end + 33]
    cuts += [len(data) - 4096, len(data) - 17, len(data) - 16, len(data) - 1]
    for cut in cuts:
        for secret in ({"passphrase": PASSPHRASE}, {"recovery_key": recovery_key}):
            with pytest.raises(VaultDamaged):
                write_and_open(path, data[:cut], **secret)


def test_bytes_appended_are_a_cut_off_journal_record_and_are_dropped(
    make_vault: MakeVault,
) -> None:
    """Format 3: what follows the snapshot is the journal, and bytes that do not make a
    record there are what a save killed mid-append leaves: the vault opens without them."""
    path, _ = make_vault()
    data = path.read_bytes()
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        expected = vault.payload
    for extra in (b"\x00", bytes(4096)):
        path.write_bytes(data + extra)
        with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
            assert vault.payload == expected and vault.change_sets == ()
        assert path.read_bytes() == data  # cut back before the next append


# Accidental damage: the header checksum catches everything up to the payload before any
# key derivation runs; the payload tag catches the rest.
REGION_EXPECTATIONS = {
    "magic": {"file"},
    "version": {"header"},
    "header length": {"header", "file"},  # a length past the end reads as a cut-off file
    "header json": {"header"},
    "passphrase slot": {"header"},
    "passphrase slot salt": {"header"},
    "recovery slot": {"header"},
    "checksum": {"header"},
    "payload": {"payload"},
    "tag": {"payload"},
}


@pytest.mark.parametrize("region", sorted(REGION_EXPECTATIONS))
@pytest.mark.parametrize("bit", [0, 7])
def test_flipped_bit_in_each_region_is_refused_naming_the_region(
    make_vault: MakeVault, counted_derivations: list[int], region: str, bit: int
) -> None:
    path, recovery_key = make_vault()
    data = path.read_bytes()
    damaged = flip_bit(data, region_offsets(data)[region] * 8 + bit)
    counted_derivations.clear()
    for secret in ({"passphrase": PASSPHRASE}, {"recovery_key": recovery_key}):
        with pytest.raises(VaultDamaged) as caught:
            write_and_open(path, damaged, **secret)
        assert caught.value.region in REGION_EXPECTATIONS[region]
        assert "damaged" in str(caught.value) or "not a Casetracker vault" in str(caught.value)
    if REGION_EXPECTATIONS[region] != {"payload"}:
        assert counted_derivations == []  # refused before the slow key derivation


def test_damaged_passphrase_slot_reads_as_wrong_passphrase_at_the_same_cost(
    make_vault: MakeVault, counted_derivations: list[int]
) -> None:
    path, recovery_key = make_vault()
    data = path.read_bytes()
    counted_derivations.clear()
    with pytest.raises(WrongPassphrase) as wrong:
        write_and_open(path, data, passphrase="not it")
    cost_of_wrong = len(counted_derivations)
    counted_derivations.clear()
    forged = forge(data, lambda header: damage_slot(header, "passphrase"))
    with pytest.raises(WrongPassphrase) as damaged:
        write_and_open(path, forged, passphrase=PASSPHRASE)
    assert str(damaged.value) == str(wrong.value) == "The passphrase is not correct."
    assert type(damaged.value) is type(wrong.value) is WrongPassphrase
    assert len(counted_derivations) == cost_of_wrong == 1
    with pytest.raises(VaultDamaged) as caught:  # the header is sealed with the payload
        write_and_open(path, forged, recovery_key=recovery_key)
    assert caught.value.region == "payload"


def test_damaged_recovery_slot_reads_as_wrong_recovery_key(make_vault: MakeVault) -> None:
    path, recovery_key = make_vault()
    forged = forge(path.read_bytes(), lambda header: damage_slot(header, "recovery"))
    with pytest.raises(WrongRecoveryKey):
        write_and_open(path, forged, recovery_key=recovery_key)
    with pytest.raises(VaultDamaged) as caught:
        write_and_open(path, forged, passphrase=PASSPHRASE)
    assert caught.value.region == "payload"


@pytest.mark.parametrize(
    "edit",
    [
        lambda header: header.update(generation=header["generation"] + 1),
        lambda header: header.update(created="2020-01-01T00:00:00Z"),
        lambda header: header["slots"].reverse(),
        lambda header: header["slots"].pop(),
    ],
    ids=["generation", "created", "slot order", "slot removed"],
)
def test_forged_header_with_valid_checksum_fails_the_payload_seal(
    make_vault: MakeVault, edit: HeaderEdit
) -> None:
    path, _ = make_vault()
    with pytest.raises(VaultDamaged) as caught:
        write_and_open(path, forge(path.read_bytes(), edit), passphrase=PASSPHRASE)
    assert caught.value.region == "payload"


def test_header_from_another_vault_spliced_onto_this_payload_is_refused(
    make_vault: MakeVault,
) -> None:
    ours, our_key = make_vault("ours.ctvault")
    theirs, their_key = make_vault("theirs.ctvault", payload=b"their data")  # same passphrase
    our_data, their_data = ours.read_bytes(), theirs.read_bytes()
    spliced = (
        their_data[: header_span(their_data)[1] + 32] + our_data[header_span(our_data)[1] + 32 :]
    )
    for secret in (
        {"passphrase": PASSPHRASE},
        {"recovery_key": their_key},
    ):
        with pytest.raises(VaultDamaged) as caught:
            write_and_open(ours, spliced, **secret)
        assert caught.value.region == "payload"
    with pytest.raises(WrongRecoveryKey):
        write_and_open(ours, spliced, recovery_key=our_key)


def test_older_version_of_the_same_vault_cannot_lend_its_header(make_vault: MakeVault) -> None:
    path, _ = make_vault()
    old = path.read_bytes()
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        vault.save(b"newer")
    new = path.read_bytes()
    mixed = old[: header_span(old)[1] + 32] + new[header_span(new)[1] + 32 :]
    with pytest.raises(VaultDamaged) as caught:
        write_and_open(path, mixed, passphrase=PASSPHRASE)
    assert caught.value.region == "payload"


@pytest.mark.parametrize(
    "kdf_values",
    [
        {"memory_kib": 4 * 1024 * 1024 + 1},
        {"iterations": 65},
        {"memory_kib": 1024},
        {"iterations": 1},
        {"lanes": 0},
        {"memory_kib": True},
        {"algorithm": "scrypt"},
    ],
    ids=["memory too large", "too many passes", "memory below floor", "passes below floor",
         "no lanes", "not a number", "unknown algorithm"],
)  # fmt: skip
def test_hostile_kdf_parameters_are_refused_before_deriving(
    make_vault: MakeVault, counted_derivations: list[int], kdf_values: dict[str, object]
) -> None:
    path, _ = make_vault()

    def edit(header: dict[str, Any]) -> None:
        header["slots"][0]["kdf"].update(kdf_values)

    counted_derivations.clear()
    with pytest.raises(VaultDamaged) as caught:
        write_and_open(path, forge(path.read_bytes(), edit), passphrase=PASSPHRASE)
    assert caught.value.region == "header"
    assert counted_derivations == []


def test_file_from_a_newer_format_version_says_so(make_vault: MakeVault) -> None:
    path, _ = make_vault()
    data = path.read_bytes()
    newer = data[:8] + (envelope.FORMAT_VERSION + 1).to_bytes(2, "big") + data[10:]
    end = header_span(newer)[1]
    newer = newer[:end] + hashlib.sha256(newer[:end]).digest() + newer[end + 32 :]
    with pytest.raises(UnsupportedVersion) as caught:
        write_and_open(path, newer, passphrase=PASSPHRASE)
    assert caught.value.newer
    assert "newer version of Casetracker" in str(caught.value)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, str]:
    folder = tmp_path_factory.mktemp("pristine")
    vault, recovery_key = VaultFile.create(
        folder / "org.ctvault", PASSPHRASE, FIRST_PAYLOAD * 50, kdf=FLOOR
    )
    vault.close()
    return folder / "org.ctvault", (folder / "org.ctvault").read_bytes(), recovery_key


def assert_refused_cleanly(path: Path, data: bytes, **secret: str) -> None:
    try:
        vault = write_and_open(path, data, **secret)
    except (VaultDamaged, WrongPassphrase):
        return
    vault.close()
    pytest.fail("a damaged file opened")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(choice=st.data())
def test_flipping_any_bit_anywhere_is_refused_cleanly(
    pristine: tuple[Path, bytes, str], choice: st.DataObject
) -> None:
    path, data, recovery_key = pristine
    bit = choice.draw(st.integers(min_value=0, max_value=len(data) * 8 - 1), label="bit")
    assert_refused_cleanly(path, flip_bit(data, bit), recovery_key=recovery_key)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bit=st.integers(min_value=0, max_value=2000 * 8))
def test_flipping_any_header_bit_is_refused_cleanly_with_a_passphrase(
    pristine: tuple[Path, bytes, str], bit: int
) -> None:
    path, data, _ = pristine
    assert_refused_cleanly(path, flip_bit(data, bit % (len(data) * 8)), passphrase=PASSPHRASE)
