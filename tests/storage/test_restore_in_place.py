"""A backup opened in place of a main file that is damaged, cut off, a folder or missing.

The save that follows writes the backup's data as a new generation to the main path; what
stood there is renamed beside it (`<name>.damaged-<time>`), never deleted.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from storage_samples import FIRST_PAYLOAD, PASSPHRASE, MakeVault, flip_bit, header_span

from casetracker.storage import envelope, key_slots
from casetracker.storage.errors import BackupNotFound, VaultDamaged, WrongPassphrase
from casetracker.storage.kdf import FLOOR
from casetracker.storage.vault_file import VaultFile, list_backups

NEW_PASSPHRASE = "a completely different passphrase"


def flip_payload(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(flip_bit(data, (header_span(data)[1] + 40) * 8))


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100])


def make_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "inside.txt").write_text("left by a sync tool")


DAMAGE: dict[str, Callable[[Path], None]] = {
    "damaged": flip_payload,
    "truncated": truncate,
    "folder": make_folder,
    "missing": Path.unlink,
}


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_a_chosen_backup_replaces_a_broken_main_file_and_the_broken_one_is_set_aside(
    make_vault: MakeVault, damage: str
) -> None:
    path, _ = make_vault(saves=(b"two", b"three"))
    before = path.read_bytes() if damage != "missing" else None
    DAMAGE[damage](path)
    vault, info = VaultFile.open_backup(path, 2, passphrase=PASSPHRASE)
    with vault:
        assert (vault.payload, info.number, info.generation) == (FIRST_PAYLOAD, 2, 1)
        vault.save(vault.payload)
        aside = vault.set_aside_path
    with VaultFile.open(path, passphrase=PASSPHRASE) as reopened:
        assert reopened.payload == FIRST_PAYLOAD
        assert reopened.generation > 2  # newer than every backup
    if damage == "missing":
        assert aside is None
        return
    assert aside is not None and aside.parent == path.parent
    assert aside.name.startswith("org.ctvault.damaged-")
    if damage == "folder":
        assert (aside / "inside.txt").read_text() == "left by a sync tool"
    else:
        assert aside.read_bytes() != before or damage == "damaged"
        assert aside.stat().st_size > 0
    # Later saves and re-keys leave it where it is.
    with VaultFile.open(path, passphrase=PASSPHRASE) as reopened:
        reopened.save(b"four")
        reopened.change_passphrase(NEW_PASSPHRASE, FLOOR)
    assert aside.exists()
    if damage == "folder":
        shutil.rmtree(aside)


def test_a_passphrase_change_leaves_the_set_aside_copy_but_not_its_old_key_slot(
    make_vault: MakeVault,
) -> None:
    path, _ = make_vault(saves=(b"two", b"three"))
    flip_payload(path)  # the header, with its key slots, is intact
    vault, _info = VaultFile.open_backup(path, 1, passphrase=PASSPHRASE)
    with vault:
        vault.save(vault.payload)
        aside = vault.set_aside_path
    assert aside is not None
    kept = envelope.parse(aside.read_bytes())
    with VaultFile.open(path, passphrase=PASSPHRASE) as reopened:
        reopened.change_passphrase(NEW_PASSPHRASE, FLOOR)
    after = envelope.parse(aside.read_bytes())  # still there, its ciphertext as it was
    assert after.untrusted_ciphertext == kept.untrusted_ciphertext
    with pytest.raises(WrongPassphrase):
        key_slots.unlock(after.header.slots, after.header.vault_id, passphrase=PASSPHRASE)
    key_slots.unlock(after.header.slots, after.header.vault_id, passphrase=NEW_PASSPHRASE)


def test_a_backup_number_that_does_not_exist_is_named(make_vault: MakeVault) -> None:
    path, _ = make_vault(saves=(b"two",))
    path.unlink()
    with pytest.raises(BackupNotFound, match="number 5"):
        VaultFile.open_backup(path, 5, passphrase=PASSPHRASE)


def test_a_chosen_backup_that_is_damaged_is_refused_not_swapped_for_another(
    make_vault: MakeVault,
) -> None:
    path, _ = make_vault(saves=(b"two", b"three"))
    path.unlink()
    flip_payload(list_backups(path)[0].path)
    with pytest.raises(VaultDamaged):
        VaultFile.open_backup(path, 1, passphrase=PASSPHRASE)
    vault, number = VaultFile.open_newest_backup(path, passphrase=PASSPHRASE)
    with vault:
        assert number == 2


def test_a_retired_passphrase_cannot_roll_back_through_backups_not_yet_rekeyed(
    make_vault: MakeVault,
) -> None:
    path, _ = make_vault(saves=(b"two", b"three"))
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        vault._rekey_backups = lambda: None  # type: ignore[method-assign]  # killed here
        vault.change_passphrase(NEW_PASSPHRASE, FLOOR)
    flip_payload(path)  # the header, with the new slots, is still intact
    with pytest.raises(WrongPassphrase):
        VaultFile.open_newest_backup(path, passphrase=PASSPHRASE)
    vault, number = VaultFile.open_newest_backup(path, passphrase=NEW_PASSPHRASE)
    with vault:
        assert (vault.payload, number) == (b"three", 1)
