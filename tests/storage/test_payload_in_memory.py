"""An open vault keeps no second copy of the data: the payload is read back when needed."""

from __future__ import annotations

from storage_samples import FIRST_PAYLOAD, PASSPHRASE, MakeVault

from casetracker.storage.vault_file import VaultFile


def test_a_released_payload_is_read_back_from_the_file(make_vault: MakeVault) -> None:
    path, _ = make_vault()
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        vault.release_payload()
        assert vault.payload == FIRST_PAYLOAD


def test_after_a_save_the_payload_is_what_was_saved(make_vault: MakeVault) -> None:
    path, _ = make_vault()
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        vault.save(b"second")
        assert vault.payload == b"second"
        vault.change_passphrase("another passphrase entirely", vault.kdf)
    with VaultFile.open(path, passphrase="another passphrase entirely") as vault:
        assert vault.payload == b"second"
