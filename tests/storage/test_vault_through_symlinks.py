"""A vault reached through a symlink is saved, locked and backed up beside the real file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from storage_samples import FIRST_PAYLOAD, PASSPHRASE, MakeVault

from casetracker.storage.backups import backup_dir_for
from casetracker.storage.vault_file import VaultFile
from casetracker.storage.writer_lock import lock_path_for

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges")


def saved_through(link: Path, real: Path) -> None:
    with VaultFile.open(link, passphrase=PASSPHRASE) as vault:
        assert lock_path_for(real).exists()
        beside_link = link.with_name(link.name + ".lock")
        assert os.path.realpath(beside_link) == os.path.realpath(lock_path_for(real)) or (
            not os.path.lexists(beside_link)
        )
        vault.save(b"second payload")
    with VaultFile.open(real, passphrase=PASSPHRASE) as vault:
        assert vault.payload == b"second payload"
    assert backup_dir_for(link) == backup_dir_for(real)
    assert any(p.is_file() for p in backup_dir_for(real).iterdir())


def test_save_through_a_linked_file_updates_the_real_file_and_keeps_the_link(
    make_vault: MakeVault, tmp_path: Path
) -> None:
    real, _ = make_vault()
    link = tmp_path / "elsewhere" / "linked.ctvault"
    link.parent.mkdir()
    link.symlink_to(real)
    saved_through(link, real)
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert not (link.parent / "linked.ctvault.backups").exists()


def test_save_through_a_linked_folder_updates_the_real_file(
    make_vault: MakeVault, tmp_path: Path
) -> None:
    real, _ = make_vault()
    folder_link = tmp_path / "shortcut"
    folder_link.symlink_to(real.parent, target_is_directory=True)
    saved_through(folder_link / real.name, real)
    assert folder_link.is_symlink() and not real.is_symlink()
    with VaultFile.open(folder_link / real.name, passphrase=PASSPHRASE) as vault:
        assert vault.path == real.resolve()
        assert vault.payload != FIRST_PAYLOAD
