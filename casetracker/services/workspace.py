"""An open vault: the decrypted in-memory database, its file, and the services over it.

The GUI and the CLI hold one ``Workspace`` and call its services; each caseworker action is one
method call that commits on success and rolls back on failure.

Saving appends what changed since the last save (a change set, read by ``change_capture``) to
the vault file's journal: a few KiB, whatever the size of the vault. Now and then (a journal
past its limits or holding saves of an earlier day, a schema change, a change of thousands of
rows, and on close) the whole database is written as a new snapshot instead: a compaction.
``prepare_save``/``finish_save`` split a save so a GUI keeps the cheap half (reading the
changes, or a memory copy of the database) on its thread and the slow half (sealing,
compressing, the durable write) in a worker.
"""

import contextlib
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Self

from sqlalchemy import Engine
from sqlmodel import Session

from casetracker import i18n
from casetracker.services import audit, migrations, search_keys, search_text
from casetracker.services.attachments import AttachmentService
from casetracker.services.cases import CaseService
from casetracker.services.contacts import ContactService
from casetracker.services.custody import CustodyService
from casetracker.services.evidence import EvidenceService
from casetracker.services.facilities import FacilityService
from casetracker.services.flags import FlagService
from casetracker.services.imports import ImportService
from casetracker.services.jobs import Jobs
from casetracker.services.relatives import RelativeService
from casetracker.services.settings import SettingsService
from casetracker.services.sharing import SharingService, ensure_org_keys
from casetracker.services.spreadsheet_import import SpreadsheetImportService
from casetracker.services.team import TeamService
from casetracker.storage import change_capture, change_sets, envelope, heap
from casetracker.storage.database import (
    engine_from_image,
    engine_from_snapshot,
    interrupt,
    refuse_writes,
    snapshot,
    vault_state_of,
    writing,
)
from casetracker.storage.errors import SaveFailed, VaultDamaged, VaultInUse, VaultReadOnly
from casetracker.storage.kdf import KdfParams
from casetracker.storage.vault_file import VaultFile

# Change sets larger than this together are saved as a snapshot instead of appended.
MAX_APPEND_BYTES = 64 << 20


class LeftOut(Enum):
    """What opening left out of the vault file's journal."""

    NOTHING = "nothing"
    CUT_OFF = "cut off"  # the last save, torn by a crash: normal after a power cut
    DAMAGED = "damaged"  # a complete change failed its check; the file was copied aside


@dataclass(frozen=True)
class PreparedSave:
    """What ``prepare_save`` gathered on the GUI thread for ``finish_save``.

    ``append``: the change sets read up to ``serial`` (kept in the workspace until written) go
    to the journal. ``snapshot``: the whole database, when this save compacts.
    """

    changes: int
    serial: int
    append: bool = False
    snapshot: bytes | None = None


def load_engine(
    payload: bytes | envelope.Image | None,
    encoded_change_sets: tuple[bytes, ...] = (),
    *,
    partial: Callable[[int], None] | None = None,
) -> Engine:
    """The database a vault holds: its snapshot with the journal's change sets replayed.

    A still compressed snapshot (as `VaultFile.open` leaves it) is decompressed straight into
    SQLite's memory, so unlocking never holds it twice (`engine_from_image`).

    A change set that cannot be replayed (the journal verified, so only a bug or someone
    holding the data key could have written it) ends the replay: with ``partial`` the
    database opens as of the change sets before it and ``partial(applied)`` is told;
    without, VaultDamaged is raised.
    """
    if isinstance(payload, envelope.Image) and payload.size:
        engine = engine_from_image(payload.size, payload.fill)
    elif isinstance(payload, envelope.Image):
        engine = engine_from_snapshot(None)
    else:
        engine = engine_from_snapshot(payload)
    if encoded_change_sets:
        applied = change_capture.replay(engine, encoded_change_sets)
        if applied < len(encoded_change_sets):
            if partial is None:
                engine.dispose()
                raise VaultDamaged("payload")
            partial(applied)
    return engine


class Workspace:
    def __init__(self, vault_file: VaultFile, engine: Engine, actor: str = "") -> None:
        self.file = vault_file
        self.engine = engine
        # What is kept in memory about the database besides it (the shared connection, the
        # remembered values, the change ledger, the duplicate search's names): forgotten in
        # `_forget`, on close and lock and when a backup replaces the database.
        self.state = vault_state_of(engine)
        self.actor = actor
        # Units of work committed since opening, and how many of them are in the snapshot being
        # written and in the file on disk: ``dirty`` and ``unsaved_changes`` follow from these,
        # so a failed or cut write is never forgotten.
        self._changes = 0
        self._prepared = 0
        self._saved = 0
        # Change sets read from the database but not yet on disk, with the serial of the
        # save that read them; and the serial the newest snapshot on disk covers.
        self._save_lock = threading.Lock()
        self._serial = 0
        self._unwritten: list[tuple[int, bytes]] = []
        # finish_save runs one at a time; the newest save that reached the disk.
        self._finish_lock = threading.Lock()
        self._finished_serial = 0
        # Set when the database changed in a way the journal cannot hold (a schema change, a
        # replaced database, a snapshot that failed): the next save writes a snapshot.
        self._needs_snapshot = not vault_file.can_append
        self._capture()
        self.jobs = Jobs(interrupt=lambda: interrupt(self.engine))
        # Opened read-only, and the file needed an upgrade (a migration, new search keys or
        # organisation keys) that was made in memory only and cannot be saved.
        self.unsaved_upgrade = False
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
        self.team = TeamService(self)
        self.team.capture()

    def _capture(self) -> None:
        """Start (again) noting row changes, from the database as it is now."""
        if self.read_only:
            return
        change_capture.install(self.engine)
        self._schema_cookie = change_capture.schema_cookie(self.engine)

    def adopt_engine(self, engine: Engine) -> None:
        """Work on ``engine`` from now on (a backup restored): it is what the file holds."""
        old, self.engine = self.engine, engine
        self._forget()
        self.state = vault_state_of(engine)
        old.dispose()
        with self._save_lock:
            self._unwritten.clear()
        self._capture()
        self.team.capture()
        self.treat_as_saved()

    # -- life cycle -------------------------------------------------------------------------
    @classmethod
    def create(
        cls, path: Path, passphrase: str, *, kdf: KdfParams | None = None, actor: str = ""
    ) -> tuple[Self, str]:
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
        vault_file = VaultFile.open(
            path, passphrase=passphrase, recovery_key=recovery_key, take_over=take_over
        )
        unsaved_upgrade = False
        try:
            # The file, ciphertext and compressed plaintext are freed by now: hand their pages
            # back before SQLite copies the payload, so they do not add to the peak.
            heap.release_free_memory()
            engine = load_engine(*vault_file.contents(), partial=vault_file.replayed_only)
            vault_file.release_payload()  # the database holds it now; no second copy
            heap.release_free_memory()  # and the payload's block: browsing stays small
            upgraded = migrations.upgrade(engine) != migrations.SCHEMA_VERSION
            rekeyed = search_keys.refresh(engine)  # search rules changed since the last save
            # An older format is converted now (its file is kept as a backup).
            converted = vault_file.format_version < 3
            if ensure_org_keys(engine) or upgraded or rekeyed or converted:
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
            self.flags.open_by_subject()  # Today's list: the open flags, by man, worst first
            self.cases.rows_by_id()  # the names Today shows, looked up by id
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
    def left_out(self) -> LeftOut:
        """Whether opening had to leave out the end of the journal (to tell the person)."""
        if self.file.journal_damaged:
            return LeftOut.DAMAGED
        return LeftOut.CUT_OFF if self.file.journal_dropped_bytes else LeftOut.NOTHING

    @property
    def read_only(self) -> bool:
        """Opened where it cannot be written: reading works, every change is refused."""
        return self.file.read_only

    # -- sessions ---------------------------------------------------------------------------
    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: audited, committed on success, rolled back on any error. Sessions
        closed on other threads meanwhile leave it alone (`database.writing`)."""
        with writing(self.engine), Session(self.engine, expire_on_commit=False) as session:
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
    def prepare_save(self, *, compact: bool = False) -> PreparedSave:
        """What the next save writes, read on the calling thread (the GUI's, in the app).

        Usually the change set since the last save (cheap: the rows that changed). A snapshot
        (a memory copy of the whole database) when ``compact``, when the journal is due for
        compaction, or when the journal cannot hold the change.
        """
        if self.read_only:
            raise VaultReadOnly()
        with self._save_lock:
            self._serial += 1
            serial = self._serial
            full = compact or self._needs_snapshot or not self.file.can_append
            if not full and change_capture.schema_cookie(self.engine) != self._schema_cookie:
                full = True  # a migration changed tables: rows alone cannot say that
            if not full and change_capture.pending_rows(self.engine) > (
                change_capture.MAX_JOURNAL_ROWS
            ):
                full = True  # an import or a merge: a snapshot is smaller and opens faster
            append = False
            if full:
                change_capture.clear(self.engine)
                self._needs_snapshot = True  # until a snapshot reaches the disk
            else:
                change_set = change_capture.collect(self.engine, migrations.SCHEMA_VERSION)
                if change_set is not None:
                    self._unwritten.append((serial, change_sets.encode(change_set)))
                append = bool(self._unwritten)
                if sum(len(encoded) for _, encoded in self._unwritten) > MAX_APPEND_BYTES:
                    # Too big for journal records (saves that kept failing, a huge text): a
                    # snapshot holds it, and the change sets are dropped once it is written.
                    append, self._needs_snapshot, full = False, True, True
                else:
                    full = self.file.compaction_due(*self.compaction_limits())
            payload = snapshot(self.engine) if full else None
            if full and change_capture.schema_cookie(self.engine) != self._schema_cookie:
                self._capture()  # the new tables and columns are watched from here on
            self._prepared = self._changes
            return PreparedSave(self._changes, serial, append, payload)

    def compaction_limits(self) -> tuple[int, int]:
        """Change sets and bytes the journal may hold before a save compacts (settings)."""
        saves = int(self.settings.get("journal_saves"))
        mib = int(self.settings.get("journal_mib"))
        return saves, mib << 20

    def finish_save(self, prepared: PreparedSave) -> None:
        """Append the change sets durably, then write the snapshot if there is one (for a
        worker thread). On failure the edits are still in memory and the vault stays dirty.
        Closing the vault waits for it.

        One save at a time, in the order they were prepared: a save prepared before one that
        already reached the disk is skipped (the later one holds its changes), so an older
        snapshot never replaces a newer one. The change sets appended are those still unwritten
        when it runs, never one a save before it wrote. A compaction that fails after the
        change sets reached the disk costs nothing: the edits are saved, and the next save
        tries the compaction again.
        """
        with self.jobs.running(), self._finish_lock:
            if prepared.serial <= self._finished_serial:
                return  # a later save is on disk already, with everything this one held
            appended = False
            if prepared.append:
                with self._save_lock:
                    records = [b for s, b in self._unwritten if s <= prepared.serial]
                if records:
                    self.file.append(records)
                    appended = True
                    with self._save_lock:
                        self._unwritten = [u for u in self._unwritten if u[0] > prepared.serial]
                self._saved = max(self._saved, prepared.changes)
            if prepared.snapshot is not None:
                try:
                    self.file.write(self.file.prepare(prepared.snapshot))
                except SaveFailed:
                    if not appended:
                        raise
                    self._finished_serial = prepared.serial
                    return
                with self._save_lock:
                    self._unwritten = [u for u in self._unwritten if u[0] > prepared.serial]
                    if self._serial == prepared.serial:
                        self._needs_snapshot = False
            self._finished_serial = prepared.serial
        self._saved = max(self._saved, prepared.changes)

    def save(self) -> None:
        self.finish_save(self.prepare_save())

    def _rows_unsaved(self) -> bool:
        if self.read_only or self.file.closed:
            return False
        return bool(self._unwritten) or change_capture.pending_rows(self.engine) > 0

    def compact(self) -> None:
        """Write the whole database as a new snapshot with an empty journal (and keep the
        replaced file as a backup)."""
        self.finish_save(self.prepare_save(compact=True))

    def close(self, *, save: bool = True, compact: bool = True) -> None:
        """Stop and wait for background jobs, save pending changes, release the writer lock
        and drop keys and data. With ``compact`` (not when locking: that must be quick), a
        session that changed something folds the journal into a new snapshot, so the next
        unlock replays nothing and a backup of this session is kept; one that only read
        leaves the file as it was."""
        try:
            self.jobs.stop()
            # Rows written outside a unit of work the count sees (a bulk statement) are
            # still in the change capture: they are saved too.
            if save and (self.dirty or self._rows_unsaved()):
                self.save()
            if (
                save
                and compact
                and self._changes
                and not self.read_only
                and self.file.journal_records
            ):
                # The edits are in the journal already: a disk too full for a whole new
                # file only puts the compaction off until the next close.
                with contextlib.suppress(SaveFailed):
                    self.compact()
        finally:
            with self._save_lock:
                self._unwritten.clear()  # change sets a failed save kept: plaintext
            self._forget()
            self.engine.dispose()
            self.file.close()
            heap.release_free_memory()

    def _forget(self) -> None:
        """Drop what was worked out from the vault's data and kept in memory beside the
        database: the state's remembered values, ledger and kept objects (`VaultState.forget`),
        the search keys' words (names among them), the dates formatted for display, and the
        scrubber's expression (names and phones of withheld relatives) in the re module's
        cache. The one place that says what a
        lock, a close or a restored backup leaves behind: only what the engine holds, freed
        by disposing of it."""
        self.state.forget()
        search_text.forget_words()
        i18n.forget_dates()
        re.purge()
