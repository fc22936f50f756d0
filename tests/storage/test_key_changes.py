"""Changing the passphrase or the recovery key rewraps the data key; the data key stays."""

from __future__ import annotations

import pytest
from storage_samples import FIRST_PAYLOAD, PASSPHRASE, MakeVault

from casetracker.storage.errors import WrongPassphrase, WrongRecoveryKey
from casetracker.storage.kdf import FLOOR, KdfParams
from casetracker.storage.vault_file import VaultFile

NEW_PASSPHRASE = "a completely different passphrase"


def test_changed_passphrase_opens_and_the_old_one_no_longer_does(make_vault: MakeVault) -> None:
    path, recovery_key = make_vault(saves=(b"latest",))
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        data_key = vault._data_key
        generation = vault.generation
        vault.change_passphrase(NEW_PASSPHRASE, FLOOR)
        assert vault._data_key == data_key
        assert vault.generation == generation + 1
        assert vault.payload == b"latest"
    with pytest.raises(WrongPassphrase):
        VaultFile.open(path, passphrase=PASSPHRASE)
    with VaultFile.open(path, passphrase=NEW_PASSPHRASE) as vault:
        assert vault.payload == b"latest"
        assert vault._data_key == data_key
    with VaultFile.open(path, recovery_key=recovery_key) as vault:
        assert vault.payload == b"latest"


def test_changing_passphrase_can_raise_the_kdf_cost(make_vault: MakeVault) -> None:
    path, _ = make_vault()
    stronger = KdfParams(memory_kib=FLOOR.memory_kib, iterations=3, lanes=1)
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        vault.change_passphrase(NEW_PASSPHRASE, stronger)
        assert vault.kdf == stronger
    assert VaultFile.inspect(path)["kdf"]["iterations"] == 3


def test_changing_passphrase_without_params_calibrates_from_the_environment(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASETRACKER_KDF_TARGET_MS", "0")
    path, _ = make_vault()
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        vault.change_passphrase(NEW_PASSPHRASE)
        assert vault.kdf == FLOOR


def test_old_passphrase_opens_no_backup_after_a_change(make_vault: MakeVault) -> None:
    path, _ = make_vault(saves=(b"two", b"three"))
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        vault.change_passphrase(NEW_PASSPHRASE, FLOOR)
        assert len(vault.list_backups()) >= 3
    path.write_bytes(b"")  # make the backups the only way in
    with pytest.raises(WrongPassphrase):
        VaultFile.open_newest_backup(path, passphrase=PASSPHRASE)
    vault, number = VaultFile.open_newest_backup(path, passphrase=NEW_PASSPHRASE)
    with vault:
        assert (vault.payload, number) == (b"three", 1)
    assert VaultFile.check(path, passphrase=NEW_PASSPHRASE) == [
        "Vault file: the file is incomplete or is not a Casetracker vault."
    ]


def test_backups_from_before_a_passphrase_change_still_restore(make_vault: MakeVault) -> None:
    path, _ = make_vault(saves=(b"two",))
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        vault.change_passphrase(NEW_PASSPHRASE, FLOOR)
        vault.save(b"three")
        first = next(b for b in vault.list_backups() if b.generation == 1)
        vault.restore_backup(first.number)
        assert vault.payload == FIRST_PAYLOAD


def test_new_recovery_key_works_and_the_old_one_is_refused(make_vault: MakeVault) -> None:
    path, old_key = make_vault(saves=(b"two",))
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        data_key = vault._data_key
        new_key = vault.replace_recovery_key()
        assert vault._data_key == data_key
    assert new_key != old_key
    with pytest.raises(WrongRecoveryKey):
        VaultFile.open(path, recovery_key=old_key)
    with VaultFile.open(path, recovery_key=new_key) as vault:
        assert vault.payload == b"two"
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert vault.payload == b"two"
    assert VaultFile.inspect(path)["slots"] == ["passphrase", "recovery"]
    path.write_bytes(b"")
    with pytest.raises(WrongRecoveryKey):
        VaultFile.open_newest_backup(path, recovery_key=old_key)
