"""An open vault: the decrypted in-memory database, its file, and the services over it.

The GUI and the CLI hold one ``Workspace`` and call its services; each caseworker action is one
method call that commits on success and rolls back on failure. Saving turns the in-memory
database into bytes (``snapshot``) and hands them to the vault file, which encrypts and writes
them durably. ``prepare_save``/``finish_save`` split that so a GUI can keep the cheap half (the
serialisation) on its thread and the slow half (compression, encryption, the write) in a worker.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

from sqlalchemy import Engine
from sqlmodel import Session

from casetracker.services import audit, migrations, search_keys, search_text
from casetracker.services.jobs import Jobs
from casetracker.services.sharing import ensure_org_keys
from casetracker.storage import heap
from casetracker.storage.database import (
    engine_from_snapshot,
    interrupt,
    refuse_writes,
    snapshot,
)
from casetracker.storage.errors import VaultInUse, VaultReadOnly
from casetracker.storage.kdf import KdfParams
from casetracker.storage.vault_file import VaultFile


class Workspace:
    def __init__(self, vault_file: VaultFile, engine: Engine, actor: str = "") -> None:
        self.file = vault_file
        self.engine = engine
        self.actor = actor
        # Units of work committed since opening, and how many of them are in the snapshot being
        # written and in the file on disk: ``dirty`` and ``unsaved_changes`` follow from these,
        # so a failed or cut write is never forgotten.
        self._changes = 0
        self._prepared = 0
        self._saved = 0
        self.jobs = Jobs(interrupt=lambda: interrupt(self.engine))
        # Opened read-only, and the file needed an upgrade (a migration, new search keys or
        # organisation keys) that was made in memory only and cannot be saved.
        self.unsaved_upgrade = False
        from casetracker.services.attachments import AttachmentService
        from casetracker.services.cases import CaseService
        from casetracker.services.contacts import ContactService
        from casetracker.services.custody import CustodyService
        from casetracker.services.evidence import EvidenceService
        from casetracker.services.facilities import FacilityService
        from casetracker.services.flags import FlagService
        from casetracker.services.imports import ImportService
        from casetracker.services.relatives import RelativeService
        from casetracker.services.settings import SettingsService
        from casetracker.services.sharing import SharingService
        from casetracker.services.spreadsheet_import import SpreadsheetImportService

        self.cases = CaseService(self)
        self.contacts = ContactService(self)
        self.custody = CustodyService(self)
        self.facilities = FacilityService(self)
        self.relatives = RelativeService(self)
        self.evidence = EvidenceService(self)
        self.attachments = AttachmentService(self)
        self.settings = SettingsService(self)
        self.imports = ImportService(self)
        self.flags = FlagService(self)
        self.sharing = SharingService(self)
        self.sheets = SpreadsheetImportService(self)

    # -- life cycle -------------------------------------------------------------------------
    @classmethod
    def create(
        cls, path: Path, passphrase: str, *, kdf: KdfParams | None = None, actor: str = ""
    ) -> tuple[Self, str]:
        heap.keep_large_blocks()
        engine = engine_from_snapshot(None)
        migrations.initialise(engine)
        search_keys.refresh(engine)
        ensure_org_keys(engine)
        vault_file, recovery_key = VaultFile.create(path, passphrase, snapshot(engine), kdf=kdf)
        return cls(vault_file, engine, actor), recovery_key

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        passphrase: str | None = None,
        recovery_key: str | None = None,
        actor: str = "",
        take_over: VaultInUse | None = None,
    ) -> Self:
        """Unlock the vault at ``path``. A vault on a read-only drive (or without write
        permission) opens read-only: ``read_only`` is set, every change is refused with
        VaultReadOnly, and an upgrade the file needs stays in memory (``unsaved_upgrade``).
        ``take_over``: a lock from another computer the person agreed to take over."""
        # Before the payload is decompressed, so its large blocks come from the heap.
        heap.keep_large_blocks()
        vault_file = VaultFile.open(
            path, passphrase=passphrase, recovery_key=recovery_key, take_over=take_over
        )
        unsaved_upgrade = False
        try:
            # The file, ciphertext and compressed plaintext are freed by now: hand their pages
            # back before SQLite copies the payload, so they do not add to the peak.
            heap.release_free_memory()
            engine = engine_from_snapshot(vault_file.payload)
            vault_file.release_payload()  # the database holds it now; no second copy
            heap.release_free_memory()  # and the payload's block: browsing stays small
            upgraded = migrations.upgrade(engine) != migrations.SCHEMA_VERSION
            rekeyed = search_keys.refresh(engine)  # search rules changed since the last save
            if ensure_org_keys(engine) or upgraded or rekeyed:
                if vault_file.read_only:
                    unsaved_upgrade = True
                else:
                    vault_file.save(snapshot(engine))
            if vault_file.read_only:
                refuse_writes(engine, VaultReadOnly)
        except BaseException:
            vault_file.close()
            raise
        workspace = cls(vault_file, engine, actor)
        workspace.unsaved_upgrade = unsaved_upgrade
        return workspace

    def warm(self) -> Self:
        """Work out what the first screen shows (the case list, today's open flags), so that
        unlocking, which runs on a background thread, hands over a vault whose window opens at
        once: at 20,000 cases this is about a second the GUI thread no longer spends. On any
        error the vault is closed again, since nobody will hold it."""
        try:
            self.cases.rows()
            self.flags.open_flags()
        except BaseException:
            self.close(save=False)
            raise
        return self

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self.file.path

    # -- unsaved work -----------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """Whether committed changes are not (yet) in the file on disk."""
        return self._changes != self._saved

    def record_change(self) -> None:
        """One more unit of work was committed (a service call, an import, a merge)."""
        self._changes += 1

    def treat_as_saved(self) -> None:
        """The database as it is now is the saved state (a backup just written in place)."""
        self._saved = self._prepared = self._changes

    @property
    def unsaved_changes(self) -> int:
        """How many units of work (each a caseworker's action) the file on disk lacks."""
        return self._changes - self._saved

    @property
    def read_only(self) -> bool:
        """Opened where it cannot be written: reading works, every change is refused."""
        return self.file.read_only

    # -- sessions ---------------------------------------------------------------------------
    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: audited, committed on success, rolled back on any error."""
        with Session(self.engine, expire_on_commit=False) as session:
            audit.install(session, self.actor)
            try:
                yield session
                if session.new or session.dirty or session.deleted:
                    if self.read_only:
                        raise VaultReadOnly()
                    session.commit()
                    self.record_change()
                elif session.in_transaction():
                    session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only; it never marks the vault as changed."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    # -- saving -----------------------------------------------------------------------------
    def prepare_save(self) -> bytes:
        """The committed state as bytes (serialise only: a memory copy, for the GUI thread).

        Compressing and encrypting cost far more (about 1.5 s for the 210 MB database of
        20,000 cases), so they happen in ``finish_save``, off the GUI thread.
        """
        payload = snapshot(self.engine)
        self._prepared = self._changes
        return payload

    def finish_save(self, payload: bytes) -> None:
        """Compress, encrypt and write durably (for a worker thread); on failure the edits are
        still in memory and the vault stays dirty. Closing the vault waits for it."""
        prepared = self._prepared
        with self.jobs.running():
            self.file.write(self.file.prepare(payload))
        self._saved = max(self._saved, prepared)

    def save(self) -> None:
        self.finish_save(self.prepare_save())

    def close(self, *, save: bool = True) -> None:
        """Stop and wait for background jobs, save pending changes, release the writer lock
        and drop keys and data."""
        try:
            self.jobs.stop()
            if save and self.dirty:
                self.save()
        finally:
            self.engine.dispose()
            self.file.close()
            search_text.forget_words()
            # The scrubber's expression (names and phones of withheld relatives) would stay in
            # the re module's cache after the lock.
            re.purge()
            heap.release_free_memory()
