"""Forged files that would make opening cost memory or time are refused from their envelope."""

from __future__ import annotations

import copy
import os
import tracemalloc
from typing import Any

import pytest
from storage_samples import PASSPHRASE, MakeVault
from test_vault_damage import forge

from casetracker.storage import envelope, kdf
from casetracker.storage.errors import KdfTooCostly, VaultDamaged
from casetracker.storage.vault_file import VaultFile


def test_huge_sparse_file_behind_a_valid_header_is_refused_before_it_is_read(
    make_vault: MakeVault,
) -> None:
    path, _ = make_vault()
    with open(path, "r+b") as stream:
        stream.truncate(envelope.MAX_FILE_BYTES + 4096)  # sparse: no disk used
    tracemalloc.start()
    try:
        with pytest.raises(VaultDamaged) as caught:
            VaultFile.open(path, passphrase=PASSPHRASE)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.region == "file"
    assert peak < 4 << 20, f"{peak} bytes allocated to refuse a {path.stat().st_size}-byte file"


def test_header_forged_to_fit_no_file_size_is_refused_after_reading_only_the_envelope(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = make_vault()

    def longer_snapshot(header: dict[str, Any]) -> None:
        header["snapshot_length"] += envelope.PAD_TO  # more than the file holds

    path.write_bytes(forge(path.read_bytes(), longer_snapshot))
    reads: list[int] = []
    real_check = envelope.check_size

    def spying(stream: Any, size: int) -> None:
        real_check(stream, size)
        reads.append(stream.tell())

    monkeypatch.setattr(envelope, "check_size", spying)
    with pytest.raises(VaultDamaged) as caught:
        VaultFile.open(path, passphrase=PASSPHRASE)
    assert caught.value.region == "file" and reads == []


def test_eight_slots_at_the_ceiling_are_refused_before_any_key_derivation(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = make_vault()
    monkeypatch.setattr(kdf, "derive", lambda *a: pytest.fail("derived a key for a forged file"))

    def eight_costly_slots(header: dict[str, Any]) -> None:
        slot = next(s for s in header["slots"] if s["kind"] == "passphrase")
        slot["kdf"].update(memory_kib=kdf.MAX_FILE_MEMORY_KIB, iterations=kdf.MAX_FILE_ITERATIONS)
        header["slots"] = [copy.deepcopy(slot) for _ in range(envelope.MAX_SLOTS)]

    path.write_bytes(forge(path.read_bytes(), eight_costly_slots))
    with pytest.raises(KdfTooCostly) as caught:
        VaultFile.open(path, passphrase=PASSPHRASE)
    assert caught.value.region == "header"
    assert "far more work to unlock than Casetracker allows" in str(caught.value)


def test_two_ordinary_passphrase_slots_still_open(make_vault: MakeVault) -> None:
    path, _ = make_vault()

    def second_slot(header: dict[str, Any]) -> None:
        slot = next(s for s in header["slots"] if s["kind"] == "passphrase")
        header["slots"].append(copy.deepcopy(slot))

    envelope.parse(forge(path.read_bytes(), second_slot))  # within the total: no refusal
    assert os.path.getsize(path) < envelope.MAX_FILE_BYTES


def test_a_snapshot_claimed_past_2_gib_is_refused_not_a_crash(make_vault: MakeVault) -> None:
    """`cryptography` panics (a BaseException past every handler) when asked to decrypt 2 GiB
    or more at once: such a length is refused from the header, with the key slots intact."""
    path, _ = make_vault()
    claimed = 2**31 + envelope.TAG_LENGTH  # whole padding blocks and a tag

    def huge_snapshot(header: dict[str, Any]) -> None:
        header["snapshot_length"] = claimed

    data = forge(path.read_bytes(), huge_snapshot)
    path.write_bytes(data)
    with open(path, "r+b") as stream:
        stream.truncate(len(data) + claimed)  # sparse: no disk used
    with pytest.raises(VaultDamaged):
        VaultFile.open(path, passphrase=PASSPHRASE)
