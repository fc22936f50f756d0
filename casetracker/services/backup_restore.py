"""Backups: list them, restore one, or put one in place of a damaged or missing vault file.

``VaultFile`` writes and restores the encrypted files; this module keeps the in-memory
database of a ``Workspace`` in step with what was restored, so the app shows the restored data.
"""

from pathlib import Path

from casetracker.services import migrations
from casetracker.services.workspace import Workspace, load_engine
from casetracker.storage.backups import BackupInfo, list_backups
from casetracker.storage.database import snapshot
from casetracker.storage.vault_file import VaultFile


def backups(ws: Workspace) -> list[BackupInfo]:
    return list_backups(ws.path)


def backups_beside(path: Path) -> list[BackupInfo]:
    """The backups of the vault at ``path`` (which may be missing), newest first; no secret
    needed, since only their headers are read."""
    return list_backups(path)


def restore(ws: Workspace, number: int) -> None:
    """Make backup ``number`` (1 = newest) the current data; the replaced state becomes a backup.

    Pending edits are saved first, so restoring never loses work: it can itself be undone by
    restoring the newest backup.
    """
    if ws.dirty:
        ws.save()
    ws.file.restore_backup(number)
    engine = load_engine(*ws.file.contents())
    if migrations.upgrade(engine) != migrations.SCHEMA_VERSION:
        ws.file.save(snapshot(engine))
    ws.adopt_engine(engine)


def open_backup(
    path: Path,
    number: int | None,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    actor: str = "",
) -> tuple[Workspace, BackupInfo]:
    """A workspace on backup ``number`` (None: the newest that opens) of a vault whose main
    file is damaged, cut off, missing or a folder; marked unsaved, since the main file does
    not hold it yet."""
    vault_file, info = VaultFile.open_backup(
        path, number, passphrase=passphrase, recovery_key=recovery_key
    )
    try:
        engine = load_engine(*vault_file.contents())
        migrations.upgrade(engine)
    except BaseException:
        vault_file.close()
        raise
    ws = Workspace(vault_file, engine, actor)
    ws.record_change()
    return ws, info


def restore_in_place(
    path: Path,
    number: int | None,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    actor: str = "",
) -> tuple[Workspace, BackupInfo]:
    """`open_backup`, then save it over the broken main file at once (one caseworker action).

    Raises SaveFailed with the workspace closed: then nothing on disk changed.
    """
    ws, info = open_backup(
        path, number, passphrase=passphrase, recovery_key=recovery_key, actor=actor
    )
    try:
        ws.save()
    except BaseException:
        ws.close(save=False)
        raise
    return ws, info
