"""Creating, opening, saving and inspecting a vault, and the recovery key format."""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storage_samples import FIRST_PAYLOAD, PASSPHRASE, MakeVault, header_span

from casetracker.storage import atomic_write, envelope, kdf
from casetracker.storage.errors import (
    VaultClosed,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
    WrongRecoveryKey,
)
from casetracker.storage.kdf import FLOOR
from casetracker.storage.key_slots import format_recovery_key, parse_recovery_key
from casetracker.storage.vault_file import VaultFile

RECOVERY_FORMAT = re.compile(r"(?:[A-Z2-7]{4}-){7}[A-Z2-7]{4}")


def test_created_vault_opens_with_its_passphrase_and_holds_the_payload(
    make_vault: MakeVault,
) -> None:
    path, _ = make_vault()
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert vault.payload == FIRST_PAYLOAD
        assert vault.generation == 1
        assert vault.kdf == FLOOR
        assert vault.path == path
        assert re.fullmatch(r"[0-9a-f]{32}", vault.vault_id)


def test_each_save_is_a_new_generation_and_survives_reopening(make_vault: MakeVault) -> None:
    path, _ = make_vault()
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        vault.save(b"second")
        assert (vault.payload, vault.generation) == (b"second", 2)
        vault.save(b"third")
        vault_id = vault.vault_id
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert (vault.payload, vault.generation, vault.vault_id) == (b"third", 3, vault_id)


@pytest.mark.parametrize("payload", [b"", b"x", bytes(4096 * 3), os.urandom(70_000)])
def test_payloads_of_awkward_sizes_round_trip(make_vault: MakeVault, payload: bytes) -> None:
    path, _ = make_vault(payload=payload)
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert vault.payload == payload


def test_wrong_passphrase_is_refused_with_one_plain_message(make_vault: MakeVault) -> None:
    path, _ = make_vault()
    messages = set()
    for attempt in ("wrong", "", PASSPHRASE + " ", PASSPHRASE.upper()):
        with pytest.raises(WrongPassphrase) as caught:
            VaultFile.open(path, passphrase=attempt)
        messages.add(str(caught.value))
    assert messages == {"The passphrase is not correct."}


def test_passphrase_is_compared_after_unicode_normalisation(make_vault: MakeVault) -> None:
    composed, decomposed = "caf\u00e9 пароль й", "cafe\u0301 пароль и\u0306"
    path, _ = make_vault(passphrase=composed)
    with VaultFile.open(path, passphrase=decomposed) as vault:
        assert vault.payload == FIRST_PAYLOAD


def test_recovery_key_is_32_base32_characters_in_groups_of_four(make_vault: MakeVault) -> None:
    _, recovery_key = make_vault()
    assert RECOVERY_FORMAT.fullmatch(recovery_key)


@pytest.mark.parametrize(
    "typed",
    [
        lambda key: key,
        lambda key: key.lower(),
        lambda key: key.replace("-", ""),
        lambda key: key.replace("-", " "),
        lambda key: "  " + key.lower().replace("-", " - ") + "\n",
        lambda key: key.replace("O", "0").replace("I", "1").replace("B", "8"),
    ],
    ids=["as shown", "lower case", "no dashes", "spaces", "messy", "look-alike digits"],
)
def test_recovery_key_opens_the_vault_however_it_is_typed(
    make_vault: MakeVault, typed: Callable[[str], str]
) -> None:
    path, recovery_key = make_vault()
    with VaultFile.open(path, recovery_key=typed(recovery_key)) as vault:
        assert vault.payload == FIRST_PAYLOAD


@pytest.mark.parametrize(
    "typed", ["", "ABCD", "ABCD-" * 8 + "ABCD", "!!!!-" * 7 + "!!!!", "A" * 32]
)
def test_malformed_or_wrong_recovery_key_is_refused(make_vault: MakeVault, typed: str) -> None:
    path, _ = make_vault()
    with pytest.raises(WrongRecoveryKey) as caught:
        VaultFile.open(path, recovery_key=typed)
    assert isinstance(caught.value, WrongPassphrase)
    assert "recovery key is not correct" in str(caught.value)


@given(st.binary(min_size=20, max_size=20))
def test_recovery_key_text_round_trips_to_the_same_bytes(raw: bytes) -> None:
    assert parse_recovery_key(format_recovery_key(raw).lower()) == raw


def test_opening_needs_exactly_one_secret(make_vault: MakeVault) -> None:
    path, recovery_key = make_vault()
    with pytest.raises(ValueError):
        VaultFile.open(path)
    with pytest.raises(ValueError):
        VaultFile.open(path, passphrase=PASSPHRASE, recovery_key=recovery_key)


def test_creating_over_an_existing_file_is_refused_and_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "org.ctvault"
    path.write_bytes(b"someone's file")
    with pytest.raises(VaultExists):
        VaultFile.create(path, PASSPHRASE, b"new", kdf=FLOOR)
    assert path.read_bytes() == b"someone's file"
    assert not (tmp_path / "org.ctvault.lock").exists()


def test_opening_a_missing_file_says_not_found(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        VaultFile.open(tmp_path / "nowhere.ctvault", passphrase=PASSPHRASE)
    with pytest.raises(VaultNotFound):
        VaultFile.inspect(tmp_path / "nowhere.ctvault")


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes; Windows has ACLs instead")
def test_new_folders_are_private_and_files_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "org.ctvault"
    vault, _ = VaultFile.create(path, PASSPHRASE, b"one", kdf=FLOOR)
    with vault:
        lock_mode = stat.S_IMODE(os.stat(tmp_path / "a" / "b" / "org.ctvault.lock").st_mode)
        vault.save(b"two")
    assert lock_mode == 0o600
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    for folder in (tmp_path / "a", tmp_path / "a" / "b", path.parent / "org.ctvault.backups"):
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    for backup in (path.parent / "org.ctvault.backups").iterdir():
        assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600


def test_creating_below_the_kdf_floor_is_refused(tmp_path: Path) -> None:
    weak = kdf.KdfParams(memory_kib=1024, iterations=1, lanes=1)
    with pytest.raises(ValueError):
        VaultFile.create(tmp_path / "org.ctvault", PASSPHRASE, b"", kdf=weak)
    assert not (tmp_path / "org.ctvault").exists()


def test_inspect_reports_header_facts_and_no_secrets(make_vault: MakeVault) -> None:
    path, recovery_key = make_vault(saves=(b"again",))
    facts = VaultFile.inspect(path)
    data = path.read_bytes()
    header = json.loads(data[slice(*header_span(data))])
    assert facts["format_version"] == 3
    assert facts["vault_id"] == header["vault_id"]
    assert facts["generation"] == 2
    assert facts["slots"] == ["passphrase", "recovery"]
    assert facts["kdf"]["memory_kib"] == FLOOR.memory_kib
    assert facts["size"] == len(data)
    text = json.dumps(facts)
    secrets = [header["payload_nonce"], recovery_key, PASSPHRASE]
    secrets += [slot[field] for slot in header["slots"] for field in ("salt", "nonce", "wrapped")]
    assert not [secret for secret in secrets if secret in text]


def test_file_size_reveals_only_the_payload_size_in_4096_byte_steps(
    make_vault: MakeVault,
) -> None:
    small, _ = make_vault("small.ctvault", payload=os.urandom(10))
    larger, _ = make_vault("larger.ctvault", payload=os.urandom(3000))
    assert small.stat().st_size == larger.stat().st_size
    data = small.read_bytes()
    payload_start = header_span(data)[1] + 32
    assert (len(data) - payload_start - 16) % 4096 == 0


def test_header_is_canonical_json_with_the_documented_fields(make_vault: MakeVault) -> None:
    path, _ = make_vault()
    data = path.read_bytes()
    assert data[:8] == b"CTVAULT\x00"
    assert data[8:10] == b"\x00\x03"
    raw = data[slice(*header_span(data))]
    header = json.loads(raw)
    assert envelope.canonical_json(header) == raw
    assert set(header) == {
        "vault_id", "created", "generation", "slots", "payload_nonce", "cipher", "snapshot_length"
    }  # fmt: skip
    assert header["snapshot_length"] == len(data) - header_span(data)[1] - 32
    assert header["cipher"] == "AES-256-GCM"
    assert [slot["kind"] for slot in header["slots"]] == ["passphrase", "recovery"]
    assert header["slots"][0]["kdf"] == {
        "algorithm": "argon2id",
        "memory_kib": 65536,
        "iterations": 2,
        "lanes": 1,
    }


def test_closed_vault_forgets_keys_and_payload(make_vault: MakeVault) -> None:
    path, _ = make_vault()
    vault = VaultFile.open(path, passphrase=PASSPHRASE)
    vault.close()
    vault.close()  # idempotent
    assert vault.closed
    with pytest.raises(VaultClosed):
        _ = vault.payload
    with pytest.raises(VaultClosed):
        vault.save(b"after close")
    assert vault._data_key is None


def test_prepare_and_write_split_a_save_and_refuse_out_of_order_writes(
    make_vault: MakeVault,
) -> None:
    path, _ = make_vault()
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        older = vault.prepare(b"older")
        newer = vault.prepare(b"newer")
        assert vault.generation == 1  # nothing written yet
        vault.write(newer)
        with pytest.raises(ValueError):
            vault.write(older)
        assert (vault.payload, vault.generation) == (b"newer", 3)
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert vault.payload == b"newer"


def test_write_refuses_bytes_prepared_by_another_vault(make_vault: MakeVault) -> None:
    first, _ = make_vault("first.ctvault")
    second, _ = make_vault("second.ctvault")
    with (
        VaultFile.open(first, passphrase=PASSPHRASE) as one,
        VaultFile.open(second, passphrase=PASSPHRASE) as two,
    ):
        with pytest.raises(ValueError):
            two.write(one.prepare(b"not yours"))
        assert two.payload == FIRST_PAYLOAD


def test_temporary_file_names_hold_only_the_vault_name_and_random_hex(tmp_path: Path) -> None:
    name = atomic_write.temp_path_for(tmp_path / "org.ctvault").name
    assert re.fullmatch(r"\.org\.ctvault\.tmp-[0-9a-f]{16}", name)


@pytest.fixture(scope="module")
def shared_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("shared") / "org.ctvault"
    vault, recovery_key = VaultFile.create(path, PASSPHRASE, b"", kdf=FLOOR)
    vault.close()
    return path, recovery_key


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=st.binary(max_size=20_000))
def test_any_payload_saved_comes_back_byte_for_byte(
    shared_vault: tuple[Path, str], payload: bytes
) -> None:
    path, recovery_key = shared_vault
    with VaultFile.open(path, recovery_key=recovery_key) as vault:
        vault.save(payload)
    with VaultFile.open(path, recovery_key=recovery_key) as vault:
        assert vault.payload == payload
