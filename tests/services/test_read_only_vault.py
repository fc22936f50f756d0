"""A vault that cannot be written opens read-only: it reads, and refuses every change at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session

from casetracker.services import migrations, search_keys
from casetracker.services.workspace import Workspace
from casetracker.storage.database import engine_from_snapshot, snapshot
from casetracker.storage.errors import VaultReadOnly
from casetracker.storage.kdf import FLOOR
from casetracker.storage.vault_file import VaultFile
from casetracker.storage.writer_lock import lock_path_for
from tests.conftest import PASSPHRASE
from tests.read_only_place import read_only_copy


def test_read_only_vault_reads_and_refuses_changes_through_any_path(
    ws: Workspace, tmp_path: Path
) -> None:
    ws.cases.create(full_name="Readonly Test")
    ws.save()
    ws.close()
    with read_only_copy(ws.path, tmp_path / "cdrom") as vault:
        before = vault.read_bytes()
        with Workspace.open(vault, passphrase=PASSPHRASE) as opened:
            assert opened.read_only and not opened.unsaved_upgrade
            assert not lock_path_for(vault).exists()
            assert opened.cases.count() == 1
            with pytest.raises(VaultReadOnly):
                opened.cases.create(full_name="Never Stored")
            with pytest.raises(VaultReadOnly), Session(opened.engine) as raw:
                raw.execute(text("DELETE FROM [case]"))  # a service bypassing session()
            with pytest.raises(VaultReadOnly):
                opened.save()
            assert opened.cases.count() == 1 and not opened.dirty
        assert vault.read_bytes() == before


def test_read_only_vault_that_needs_an_upgrade_opens_in_memory_and_says_so(
    tmp_path: Path,
) -> None:
    # A vault from before organisation keys existed: opening adds them, which needs a save.
    engine = engine_from_snapshot(None)
    migrations.initialise(engine)
    search_keys.refresh(engine)
    old = tmp_path / "old" / "org.ctvault"
    VaultFile.create(old, PASSPHRASE, snapshot(engine), kdf=FLOOR)[0].close()
    with read_only_copy(old, tmp_path / "cdrom") as vault:
        before = vault.read_bytes()
        with Workspace.open(vault, passphrase=PASSPHRASE) as opened:
            assert opened.read_only and opened.unsaved_upgrade
            assert opened.sharing is not None and opened.cases.count() == 0
        assert vault.read_bytes() == before
