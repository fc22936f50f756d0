"""Backups beside the vault: rotation, daily copies, restoring, repairing, checking."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from storage_samples import FIRST_PAYLOAD, PASSPHRASE, MakeVault, flip_bit, header_span

from casetracker.storage.backups import KEEP_DAILY, KEEP_VERSIONS, backup_dir_for
from casetracker.storage.errors import (
    BackupNotFound,
    VaultDamaged,
    VaultNotFound,
    WrongPassphrase,
)
from casetracker.storage.vault_file import VaultFile, list_backups


def payloads(count: int) -> tuple[bytes, ...]:
    return tuple(f"save {n}".encode() for n in range(2, count + 2))


def damage_payload(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(flip_bit(data, (header_span(data)[1] + 40) * 8))


def test_no_backups_before_the_first_save(make_vault: MakeVault) -> None:
    path, _ = make_vault()
    assert list_backups(path) == []


def test_each_save_keeps_the_replaced_version_and_only_the_newest_ten(
    make_vault: MakeVault,
) -> None:
    path, _ = make_vault(saves=payloads(15))  # generations 1..16 written
    listed = list_backups(path)
    assert [b.generation for b in listed] == list(range(15, 15 - KEEP_VERSIONS, -1))
    assert [b.number for b in listed] == list(range(1, KEEP_VERSIONS + 1))
    assert all(b.kind == "version" and b.path.name == f"v{b.generation}.ctvault" for b in listed)
    assert all(b.size == b.path.stat().st_size and b.mtime.tzinfo for b in listed)
    versions = sorted(p.name for p in backup_dir_for(path).glob("v*.ctvault"))
    assert len(versions) == KEEP_VERSIONS


def test_one_backup_per_day_is_kept_for_the_last_seven_days_of_use(
    make_vault: MakeVault,
) -> None:
    path, _ = make_vault()
    first_day = date.today() - timedelta(days=30)
    days = [first_day + timedelta(days=3 * n) for n in range(9)]
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        for n, day in enumerate(days):
            stamp = time.mktime(datetime.combine(day, datetime.min.time()).timetuple()) + 3600
            os.utime(path, (stamp, stamp))  # as if the current file had been saved that day
            vault.save(f"last save of {day}".encode())
            assert vault.generation == n + 2
        for n in range(KEEP_VERSIONS + 2):  # push the dated versions out of the last ten
            vault.save(f"today {n}".encode())
    dailies = sorted(p.name for p in backup_dir_for(path).glob("daily-*.ctvault"))
    expected_days = sorted([*days[-(KEEP_DAILY - 1) :], date.today()])
    assert dailies == [f"daily-{day.isoformat()}.ctvault" for day in expected_days]
    listed = list_backups(path)
    old_dailies = [b for b in listed if b.kind == "daily"]
    assert len(old_dailies) == KEEP_DAILY - 1  # today's is one of the ten versions
    assert listed[:KEEP_VERSIONS] == [b for b in listed if b.kind == "version"]
    for backup in old_dailies:
        generation = backup.generation
        assert generation is not None
        day = days[generation - 1]  # generation g was replaced by the save on days[g - 1]
        assert backup.path.name == f"daily-{day.isoformat()}.ctvault"


def test_restoring_a_backup_saves_it_as_a_new_generation_and_is_undoable(
    make_vault: MakeVault,
) -> None:
    path, _ = make_vault(saves=(b"two", b"three"))
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        newest = vault.list_backups()[0]
        assert newest.generation == 2
        vault.restore_backup(newest.number)
        assert (vault.payload, vault.generation) == (b"two", 4)
        undo = vault.list_backups()[0]
        assert undo.generation == 3
        vault.restore_backup(undo.number)
        assert vault.payload == b"three"
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert (vault.payload, vault.generation) == (b"three", 5)


def test_restoring_a_missing_backup_number_says_not_found(make_vault: MakeVault) -> None:
    path, _ = make_vault(saves=(b"two",))
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        for number in (0, 2, 99):
            with pytest.raises(BackupNotFound):
                vault.restore_backup(number)


def test_restoring_a_damaged_backup_is_refused_and_changes_nothing(
    make_vault: MakeVault,
) -> None:
    path, _ = make_vault(saves=(b"two", b"three"))
    damage_payload(list_backups(path)[0].path)
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        with pytest.raises(VaultDamaged) as caught:
            vault.restore_backup(1)
        assert caught.value.region == "backup"
        assert (vault.payload, vault.generation) == (b"three", 3)


def test_backup_of_another_vault_is_not_restored(make_vault: MakeVault) -> None:
    path, _ = make_vault("ours.ctvault", saves=(b"two",))
    other, _ = make_vault("other.ctvault", saves=(b"other two",))
    list_backups(path)[0].path.write_bytes(list_backups(other)[0].path.read_bytes())
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault, pytest.raises(VaultDamaged):
        vault.restore_backup(1)


def empty(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize(
    ("damage", "keeps_damaged_copy"),
    [(damage_payload, True), (empty, True), (Path.unlink, False)],
    ids=["payload flipped", "emptied", "deleted"],
)
def test_damaged_vault_opens_from_the_newest_backup_and_a_save_repairs_it(
    make_vault: MakeVault, damage: Callable[[Path], None], keeps_damaged_copy: bool
) -> None:
    path, _ = make_vault(saves=(b"two", b"three"))
    damage(path)
    with pytest.raises((VaultDamaged, VaultNotFound)):
        VaultFile.open(path, passphrase=PASSPHRASE)
    vault, number = VaultFile.open_newest_backup(path, passphrase=PASSPHRASE)
    with vault:
        assert (vault.payload, number) == (b"two", 1)
        vault.save(vault.payload)
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert vault.payload == b"two"
        assert vault.generation > 2  # newer than the backup it came from
    kept = list(path.parent.glob(path.name + ".damaged-*"))
    assert len(kept) == int(keeps_damaged_copy)  # for a specialist; not offered as a backup
    assert list(backup_dir_for(path).glob("damaged-*")) == []
    assert all(b.path not in kept for b in list_backups(path))
    assert VaultFile.check(path, passphrase=PASSPHRASE) == []


def test_newest_backup_that_opens_is_chosen_when_newer_ones_are_damaged(
    make_vault: MakeVault,
) -> None:
    path, recovery_key = make_vault(saves=(b"two", b"three"))
    damage_payload(path)
    damage_payload(list_backups(path)[0].path)
    vault, number = VaultFile.open_newest_backup(path, recovery_key=recovery_key)
    with vault:
        assert (vault.payload, number) == (FIRST_PAYLOAD, 2)


def test_opening_backups_with_a_wrong_passphrase_is_refused(make_vault: MakeVault) -> None:
    path, _ = make_vault(saves=(b"two",))
    path.write_bytes(b"")
    with pytest.raises(WrongPassphrase):
        VaultFile.open_newest_backup(path, passphrase="wrong")


def test_opening_backups_when_there_are_none_says_so(make_vault: MakeVault) -> None:
    path, _ = make_vault()
    with pytest.raises(BackupNotFound):
        VaultFile.open_newest_backup(path, passphrase=PASSPHRASE)


def test_check_finds_nothing_wrong_in_a_healthy_vault(make_vault: MakeVault) -> None:
    path, recovery_key = make_vault(saves=(b"two", b"three"))
    assert VaultFile.check(path, passphrase=PASSPHRASE) == []
    assert VaultFile.check(path, recovery_key=recovery_key) == []
    assert VaultFile.check(path) == []


def test_check_names_each_damaged_file_in_plain_words(make_vault: MakeVault) -> None:
    path, _ = make_vault(saves=(b"two", b"three"))
    damage_payload(path)
    backup = list_backups(path)[1].path
    backup.write_bytes(backup.read_bytes()[:100])
    assert VaultFile.check(path, passphrase=PASSPHRASE) == [
        "Vault file: the case data failed its integrity check.",
        f"Backup {backup.name}: the file is incomplete or is not a Casetracker vault.",
    ]
    assert VaultFile.check(path) == [  # without a secret only the envelopes are checked
        f"Backup {backup.name}: the file is incomplete or is not a Casetracker vault."
    ]


def test_check_never_raises_for_garbage(tmp_path: Path) -> None:
    path = tmp_path / "org.ctvault"
    for garbage in (
        b"",
        b"CTVAULT\x00",
        os.urandom(10_000),
        b"CTVAULT\x00\x00\x01\xff\xff\xff\xff",
    ):
        path.write_bytes(garbage)
        problems = VaultFile.check(path, passphrase=PASSPHRASE)
        assert len(problems) == 1 and problems[0].startswith("Vault file: ")
    path.unlink()
    assert VaultFile.check(path, passphrase=PASSPHRASE) == ["Vault file: it is missing."]


def test_check_with_a_wrong_passphrase_says_so_once(make_vault: MakeVault) -> None:
    path, _ = make_vault(saves=(b"two", b"three"))
    problems = VaultFile.check(path, passphrase="wrong")
    assert len(problems) == 1
    assert "either it is wrong or the key slots are damaged" in problems[0]
