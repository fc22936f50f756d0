"""Fixtures for storage tests: real vault files in tmp_path, with the KDF floor."""

from __future__ import annotations

from pathlib import Path

import pytest
from storage_samples import FIRST_PAYLOAD, PASSPHRASE, MakeVault

from casetracker.storage.kdf import FLOOR
from casetracker.storage.vault_file import VaultFile


@pytest.fixture
def make_vault(tmp_path: Path) -> MakeVault:
    """Factory: create a vault, optionally save more payloads, close it; (path, recovery key)."""

    def make(
        name: str = "org.ctvault",
        payload: bytes = FIRST_PAYLOAD,
        passphrase: str = PASSPHRASE,
        saves: tuple[bytes, ...] = (),
    ) -> tuple[Path, str]:
        path = tmp_path / "vaults" / name
        vault, recovery_key = VaultFile.create(path, passphrase, payload, kdf=FLOOR)
        with vault:
            for later in saves:
                vault.save(later)
        return path, recovery_key

    return make
