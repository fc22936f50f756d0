"""An open vault: one encrypted file, its key slots, crash-safe saves and backups.

`VaultFile` ties the pieces together: `envelope` (the byte layout), `journal` (change sets
appended after the snapshot), `key_slots` (unlocking), `atomic_write` (durable replacement),
`backups` (old versions) and `writer_lock` (one writer). It holds the data key and, until the
caller has loaded them, the decrypted snapshot (a SQLite image, see `database`) and the change
sets that follow it; it forgets them on `close`.

Two ways to save: `append` seals change sets and appends them to the file (what an edit
costs), and `prepare` + `write` replace the whole file with a new snapshot and an empty
journal (a compaction: crash-safe, with the old file kept as a backup).

Threading: `prepare` may run on any thread; `write` may run on a worker thread while the GUI
keeps preparing. Writes are serialised, and a write older than the last one is refused.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Self, overload

from casetracker.i18n import QT_TRANSLATE_NOOP, translate
from casetracker.storage import atomic_write, backups, envelope, journal, key_slots
from casetracker.storage.backups import BackupInfo, list_backups
from casetracker.storage.envelope import Header, ParsedFile
from casetracker.storage.errors import (
    BackupNotFound,
    LockFailed,
    ReadFailed,
    SaveFailed,
    UnsupportedVersion,
    VaultClosed,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultInUse,
    VaultNotFound,
    VaultReadOnly,
    WrongPassphrase,
)
from casetracker.storage.kdf import KdfParams, default_params
from casetracker.storage.key_slots import KekCache, KeySlot
from casetracker.storage.writer_lock import WriterLock

__all__ = ["BackupInfo", "CheckReport", "VaultFile", "list_backups"]

# What `check` says about one file, translated where shown ("storage" context).
_CHECK_DESCRIPTIONS = {
    "file": QT_TRANSLATE_NOOP("storage", "the file is incomplete or is not a Casetracker vault"),
    "header": QT_TRANSLATE_NOOP(
        "storage", "the header (which describes how the file is locked) is damaged"
    ),
    "key slot": QT_TRANSLATE_NOOP("storage", "a key slot is damaged"),
    "payload": QT_TRANSLATE_NOOP("storage", "the case data failed its integrity check"),
    "backup": QT_TRANSLATE_NOOP("storage", "it does not belong to this vault"),
    "journal": QT_TRANSLATE_NOOP(
        "storage",
        "a change saved after the last full save failed its integrity check; it and the "
        "changes after it are left out when the vault is opened",
    ),
    "torn": QT_TRANSLATE_NOOP(
        "storage",
        "its last change was cut off while it was being saved; it is left out when the vault "
        "is opened",
    ),
}


def _read_untrusted(path: Path) -> bytes:
    """The whole file, once its envelope and size have been checked from the first bytes.

    A forged or damaged header, or a file larger than any vault can be, is refused after
    reading at most the envelope (64 KiB), before anything the size of the file is allocated.
    """
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            envelope.check_size(stream, size)
            stream.seek(0)
            return envelope.read_exactly(stream, size)
    except (FileNotFoundError, IsADirectoryError) as exc:
        raise VaultNotFound() from exc
    except OSError as exc:
        raise ReadFailed(exc.errno) from exc


def _lock_unless_read_only(path: Path, take_over: VaultInUse | None) -> WriterLock | None:
    """The writer lock, or None when the vault cannot be written here (opened read-only).

    A read-only drive or missing permission shows either in `os.access` or when the lock file
    cannot be created; any other failure to make the lock (a full disk) stays an error.
    """
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return None
    try:
        return WriterLock.acquire(path, take_over=take_over)
    except LockFailed as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return None
        raise


def _check_secret(passphrase: str | None, recovery_key: str | None) -> None:
    if (passphrase is None) == (recovery_key is None):
        raise ValueError("give exactly one of passphrase or recovery_key")


def _describe(error: VaultError) -> str:
    if isinstance(error, VaultDamaged):
        return translate("storage", _CHECK_DESCRIPTIONS[error.region])
    if isinstance(error, UnsupportedVersion):
        return translate("storage", "it was saved by a version of Casetracker this one cannot read")
    return str(error)


def _problem(label: str, description: str) -> str:
    """One line of `check`: which file, what is wrong with it."""
    return translate("storage", "{file}: {problem}.").format(file=label, problem=description)


@overload
def _decrypt_all(
    parsed: ParsedFile, data_key: bytes, *, image: Literal[False] = False
) -> tuple[bytes, journal.Read]: ...


@overload
def _decrypt_all(
    parsed: ParsedFile, data_key: bytes, *, image: Literal[True]
) -> tuple[envelope.Image, journal.Read]: ...


def _decrypt_all(
    parsed: ParsedFile, data_key: bytes, *, image: bool = False
) -> tuple[bytes | envelope.Image, journal.Read]:
    """The snapshot (still compressed, with ``image``), and the journal's change sets as far
    as they verify (format 3)."""
    payload = (
        envelope.decrypt_image(parsed, data_key) if image else envelope.decrypt(parsed, data_key)
    )
    start = journal.Tail(
        parsed.header.generation,
        0,
        len(parsed.associated_data) + len(parsed.untrusted_ciphertext),
        parsed.anchor,
    )
    if parsed.format_version < 3:
        return payload, journal.Read(start)
    header = parsed.header
    return payload, journal.read(
        data_key, header.vault_id, header.generation, start, parsed.untrusted_journal
    )


def decrypt_contents(parsed: ParsedFile, data_key: bytes) -> tuple[bytes, tuple[bytes, ...]]:
    """The snapshot and the change sets that verify after it, for a file read from outside
    (checks and torture, without the lock: nothing is cut back or repaired)."""
    payload, found = _decrypt_all(parsed, data_key)
    return payload, tuple(found.change_sets)


def _whole(payload: bytes | envelope.Image) -> bytes:
    """The snapshot as bytes, decompressing one still compressed."""
    return payload.to_bytes() if isinstance(payload, envelope.Image) else payload


def _unread_tail(parsed: ParsedFile, found: journal.Read) -> bytes:
    """The journal's bytes after the last record that verified, as they were.

    Re-keying a backup or a damaged copy rebuilds it from what verified; these bytes are
    kept after that for a specialist (a record after a damaged one still opens with the data
    key, its chain starting from the damaged record's bytes).
    """
    start = len(parsed.associated_data) + len(parsed.untrusted_ciphertext)
    return bytes(parsed.untrusted_journal[found.tail.end - start :])


def _build_file(
    header: Header, data_key: bytes, payload: bytes, change_sets: Sequence[bytes]
) -> tuple[bytearray, journal.Tail]:
    """A whole format 3 file: `payload` as the snapshot, then `change_sets` sealed after it."""
    file_bytes = envelope.build(header, data_key, payload)
    tail = journal.Tail(header.generation, 0, len(file_bytes), envelope.anchor_of(file_bytes))
    if change_sets:
        file_bytes += journal.seal_all(data_key, header.vault_id, tail, change_sets)
    return file_bytes, tail


def _cut_journal(path: Path, data: bytes, found: journal.Read) -> None:
    """Drop what follows the last change set that verified, so the next append follows it.

    A record cut off mid-append is just dropped. Bytes that were complete but failed their
    check are kept first, in a copy beside the vault (like a damaged vault set aside), for a
    specialist: they may hold changes. Lock held.
    """
    if found.damaged:
        atomic_write.create_durably(backups.aside_name(path), data)
    fd = os.open(path, os.O_WRONLY | atomic_write.BINARY)
    try:
        os.ftruncate(fd, found.tail.end)
        os.fsync(fd)
    finally:
        os.close(fd)


class VaultFile:
    """An unlocked vault. Create with `create`, `open` or `open_newest_backup`; `close` it."""

    def __init__(
        self,
        path: Path,
        lock: WriterLock | None,
        data_key: bytes,
        header: Header,
        payload: bytes | envelope.Image,
        *,
        change_sets: Sequence[bytes] = (),
        tail: journal.Tail | None = None,
        format_version: int = envelope.FORMAT_VERSION,
        replaces_damaged_file: bool = False,
    ) -> None:
        """Internal: use the class methods, which check the file and take the lock.

        Without a lock the vault is read-only: every write is refused with VaultReadOnly.
        `tail` is where the next change set goes; None when nothing may be appended to the
        file on disk (an older format, or a damaged file this vault will replace).
        """
        self._path = path
        self._lock: WriterLock | None = lock
        self._read_only = lock is None
        self._data_key: bytes | None = data_key
        self._header = header
        self._payload: bytes | envelope.Image | None = payload
        self._change_sets: tuple[bytes, ...] | None = tuple(change_sets)
        self._tail = tail
        # What opening left out of the journal: bytes after the last change set that verified,
        # and whether they were a complete record that failed (not just one cut off).
        self.journal_dropped_bytes = 0
        self.journal_damaged = False
        # The day of the journal's saves (the file's last change, for one opened with them).
        self._journal_since: date | None = None
        self._format_version = format_version
        self._replaces_damaged_file = replaces_damaged_file
        # Where the save that repaired a damaged or missing vault put what stood in its place.
        self.set_aside_path: Path | None = None
        self._next_generation = max(header.generation, backups.highest_generation(path)) + 1
        self._pending: dict[int, tuple[bytes, tuple[bytes, ...], journal.Tail]] = {}
        self._state_lock = threading.Lock()  # counters and pending payloads
        self._write_lock = threading.RLock()  # one write (or close) at a time

    # ----------------------------------------------------------------- opening

    @classmethod
    def create(
        cls, path: Path, passphrase: str, payload: bytes, *, kdf: KdfParams | None = None
    ) -> tuple[VaultFile, str]:
        """Create a new vault holding `payload`; return it (open) and the recovery key.

        The recovery key is shown to the person once and never stored in clear anywhere.
        """
        params = kdf or default_params()
        if not params.at_least_floor():
            raise ValueError("KDF parameters are below the documented floor")
        path = Path(path)
        if os.path.lexists(path):
            raise VaultExists()
        path = atomic_write.real_path(path)  # a linked folder: lock and backups beside the file
        try:
            backups.make_private_dir(path.parent)
        except OSError as exc:
            raise SaveFailed(exc.errno, new_vault=True) from exc
        lock = WriterLock.acquire(path)
        try:
            vault_id = secrets.token_hex(16)
            data_key = key_slots.new_data_key()
            slot = key_slots.passphrase_slot(data_key, vault_id, passphrase, params)
            recovery, recovery_text = key_slots.recovery_slot(data_key, vault_id)
            created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            header = Header(vault_id, created, 1, (slot, recovery))
            file_bytes, tail = _build_file(header, data_key, payload, ())
            try:
                atomic_write.create_durably(path, file_bytes)
            except FileExistsError as exc:
                raise VaultExists() from exc
            except OSError as exc:
                raise SaveFailed(exc.errno, new_vault=True) from exc
            _, header = envelope.read_header(io.BytesIO(envelope.head_of(file_bytes)))
            return cls(path, lock, data_key, header, payload, tail=tail), recovery_text
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        passphrase: str | None = None,
        recovery_key: str | None = None,
        take_over: VaultInUse | None = None,
    ) -> VaultFile:
        """Take the writer lock, then unlock and decrypt the vault at `path`.

        A vault that cannot be written (read-only drive, no permission on it or its folder)
        opens read-only, without a lock: see `read_only`. `take_over` is a refusal naming
        another computer that the person confirmed (see `WriterLock.acquire`).
        """
        _check_secret(passphrase, recovery_key)
        path = atomic_write.real_path(Path(path))
        if not path.is_file():
            raise VaultNotFound()
        lock = _lock_unless_read_only(path, take_over)
        try:
            data = _read_untrusted(path)
            parsed = envelope.parse(data)
            vault_id = parsed.header.vault_id
            data_key = key_slots.unlock(
                parsed.header.slots, vault_id, passphrase=passphrase, recovery_key=recovery_key
            )
            # Left compressed: `Workspace.open` decompresses it into SQLite's own memory.
            payload, found = _decrypt_all(parsed, data_key, image=True)
            header, version = parsed.header, parsed.format_version
            del parsed
            appendable = version >= 3
            if lock is not None:
                _remove_interrupted_saves(path)
                if appendable and os.stat(path).st_nlink > 1:
                    # A save killed between keeping the old file as a backup (a hard link)
                    # and replacing it: appending would change that backup too.
                    try:
                        atomic_write.replace_durably(path, data)
                    except OSError:
                        appendable = False
                if found.dropped_bytes:
                    try:
                        _cut_journal(path, data, found)
                    except OSError:
                        # A full disk: opened as it is, with nothing appended after the
                        # dropped bytes; the next save writes a whole new file, keeping this
                        # one (dropped bytes and all) as a backup.
                        appendable = False
            del data
            vault = cls(
                path,
                lock,
                data_key,
                header,
                payload,
                change_sets=found.change_sets,
                tail=found.tail if appendable else None,
                format_version=version,
            )
            vault.journal_dropped_bytes = found.dropped_bytes
            vault.journal_damaged = found.damaged
            if found.tail.records:
                vault._journal_since = date.fromtimestamp(os.stat(path).st_mtime)
            if lock is not None and _backups_hold_retired_slots(path, header):
                vault._rekey_backups()
            return vault
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def open_newest_backup(
        cls, path: Path, *, passphrase: str | None = None, recovery_key: str | None = None
    ) -> tuple[VaultFile, int]:
        """For a damaged or missing vault: open the newest backup that unlocks and verifies.

        Returns a vault bound to the main `path` holding that backup's payload, and the
        backup's number. Nothing is written; the caller saves to repair the main file, and
        that save sets the damaged file (or folder) aside as `<name>.damaged-<time>`.
        """
        vault, info = cls.open_backup(path, None, passphrase=passphrase, recovery_key=recovery_key)
        return vault, info.number

    @classmethod
    def open_backup(
        cls,
        path: Path,
        number: int | None,
        *,
        passphrase: str | None = None,
        recovery_key: str | None = None,
    ) -> tuple[VaultFile, BackupInfo]:
        """Open backup `number` (1 = newest; None = the newest that opens) in place of `path`.

        For a main file that is damaged, cut off, missing or a folder: nothing of it is read
        but its header. If that header is intact, its key slots are the current ones and must
        open with the secret given, so a retired passphrase cannot roll a vault back through
        a backup that was not re-keyed yet. Nothing is written until the caller saves.
        """
        _check_secret(passphrase, recovery_key)
        path = Path(path)
        infos = list_backups(path)
        if not infos:
            raise BackupNotFound()
        if number is not None:
            if not 1 <= number <= len(infos):
                raise BackupNotFound(number)
            infos = [infos[number - 1]]
        lock = WriterLock.acquire(path)
        try:
            return cls._open_backup_locked(path, lock, infos, passphrase, recovery_key)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_backup_locked(
        cls,
        path: Path,
        lock: WriterLock,
        infos: list[BackupInfo],
        passphrase: str | None,
        recovery_key: str | None,
    ) -> tuple[VaultFile, BackupInfo]:
        cache = KekCache()
        main_header: Header | None = None
        main_key: bytes | None = None
        with contextlib.suppress(OSError, VaultError), open(path, "rb") as stream:
            main_header = envelope.read_header(stream)[1]
        if main_header is not None:
            # Raises WrongPassphrase: the intact header's slots are the current ones.
            main_key = key_slots.unlock(
                main_header.slots,
                main_header.vault_id,
                passphrase=passphrase,
                recovery_key=recovery_key,
                cache=cache,
            )
        vault_id = main_header.vault_id if main_header else None
        refused: WrongPassphrase | None = None
        every = list_backups(path)
        for info in infos:
            try:
                parsed = envelope.parse(_read_untrusted(info.path))
            except (OSError, VaultError):
                continue
            if vault_id is not None and parsed.header.vault_id != vault_id:
                continue
            data_key = main_key
            if data_key is None:
                try:
                    data_key = key_slots.unlock(
                        parsed.header.slots,
                        parsed.header.vault_id,
                        passphrase=passphrase,
                        recovery_key=recovery_key,
                        cache=cache,
                    )
                except WrongPassphrase as exc:
                    refused = exc
                    continue
            try:
                payload, found = _decrypt_all(parsed, data_key)
            except VaultDamaged:
                continue
            # Keep the main file's slots when they opened: they are the current ones.
            header = main_header if main_key is not None and main_header else parsed.header
            generations = [parsed.header.generation, header.generation]
            generations += [i.generation for i in every if i.generation is not None]
            header = replace(header, generation=max(generations))
            vault = cls(
                path,
                lock,
                data_key,
                header,
                payload,
                change_sets=found.change_sets,
                replaces_damaged_file=True,
            )
            return vault, info
        if refused is not None and main_key is None:
            raise refused
        if len(infos) == 1:
            raise VaultDamaged("backup")
        raise VaultDamaged(
            "backup",
            translate("storage", "None of the backup copies of this vault could be opened."),
        )

    # ------------------------------------------------------------- inspection

    @staticmethod
    def inspect(path: Path) -> dict[str, Any]:
        """Facts from the header, without a passphrase and without any secret material."""
        path = Path(path)
        try:
            with open(path, "rb") as stream:
                version, header = envelope.read_header(stream)
                size = os.fstat(stream.fileno()).st_size
        except (FileNotFoundError, IsADirectoryError) as exc:
            raise VaultNotFound() from exc
        except OSError as exc:
            raise ReadFailed(exc.errno) from exc
        kdf = header.kdf
        return {
            "format_version": version,
            "vault_id": header.vault_id,
            "created": header.created,
            "generation": header.generation,
            "cipher": header.cipher,
            "kdf": {
                "algorithm": "argon2id",
                "memory_kib": kdf.memory_kib,
                "iterations": kdf.iterations,
                "lanes": kdf.lanes,
            },
            "slots": [slot.kind for slot in header.slots],
            "size": size,
        }

    @staticmethod
    def check(
        path: Path, *, passphrase: str | None = None, recovery_key: str | None = None
    ) -> list[str]:
        """Plain descriptions of every problem in the vault and its backups; [] = healthy.

        Never raises for damage. Without a passphrase or recovery key only the headers can
        be checked; with one, every key slot tried and every payload's tag as well.
        """
        return VaultFile.check_report(
            path, passphrase=passphrase, recovery_key=recovery_key
        ).problems

    @staticmethod
    def check_report(
        path: Path, *, passphrase: str | None = None, recovery_key: str | None = None
    ) -> CheckReport:
        """`check`, plus which files verified: what a caller needs to say how to recover."""
        if passphrase is not None and recovery_key is not None:
            raise ValueError("give at most one of passphrase or recovery_key")
        return _check_vault(Path(path), passphrase, recovery_key)

    # ----------------------------------------------------------- open vault

    @property
    def path(self) -> Path:
        return self._path

    @property
    def vault_id(self) -> str:
        return self._header.vault_id

    @property
    def generation(self) -> int:
        """The generation of the file now on disk (+1 with each save)."""
        return self._header.generation

    @property
    def kdf(self) -> KdfParams:
        return self._header.kdf

    @property
    def format_version(self) -> int:
        """The format version the file had when opened (older ones are upgraded on save)."""
        return self._format_version

    @property
    def closed(self) -> bool:
        return self._data_key is None

    @property
    def read_only(self) -> bool:
        """Opened from a place that cannot be written: nothing can be saved back to it."""
        return self._read_only

    @property
    def payload(self) -> bytes:
        """The decrypted snapshot as last opened or saved (`change_sets` follow it).

        It stays in memory only until the caller has loaded it (`release_payload`) or it has
        been saved; after that it is read back from the file, which then holds exactly it.
        (For 20,000 cases it is 210 MB: keeping a second copy beside the open database would
        double the memory the app needs.)
        """
        return _whole(self.contents()[0])

    @property
    def change_sets(self) -> tuple[bytes, ...]:
        """The change sets saved after the snapshot, oldest first (encoded: `change_sets`)."""
        return self.contents()[1]

    def contents(self) -> tuple[bytes | envelope.Image, tuple[bytes, ...]]:
        """The snapshot (still compressed, right after opening) and the change sets after it:
        what the vault holds."""
        with self._write_lock:
            data_key = self._key()
            if self._payload is not None and self._change_sets is not None:
                return self._payload, self._change_sets
            payload, found = _decrypt_all(envelope.parse(_read_untrusted(self._path)), data_key)
            return payload, tuple(found.change_sets)

    def release_payload(self) -> None:
        """Forget the in-memory snapshot and change sets; they are read back when asked.

        Ignored while the file on disk does not hold them yet (a vault opened from a
        backup, before the save that repairs the main file).
        """
        with self._state_lock:
            if not self._replaces_damaged_file:
                self._payload = None
                self._change_sets = None

    def replayed_only(self, applied: int) -> None:
        """Only the first `applied` change sets could be replayed: the rest is left out (as
        damage: the banner says so), and nothing more is appended after it. The next save
        writes a whole new file and keeps this one, every byte of it, as a backup."""
        with self._state_lock:
            self.journal_damaged = True
            self._tail = None

    @property
    def can_append(self) -> bool:
        """Whether `append` may add to the file on disk (format 3, ours, writable)."""
        return not self._read_only and self._tail is not None and not self.closed

    @property
    def journal_records(self) -> int:
        """Change sets in the file after its snapshot."""
        return self._tail.records if self._tail is not None else 0

    @property
    def journal_bytes(self) -> int:
        return self._tail.journal_bytes if self._tail is not None else 0

    def compaction_due(self, max_records: int, max_bytes: int) -> bool:
        """Whether the journal should be folded into a new snapshot: it has grown past the
        limits, or it holds saves of an earlier day (compacting keeps the replaced file as a
        backup, so every day the vault changed keeps one, even when it is only ever locked)."""
        tail = self._tail
        if tail is None or not tail.records:
            return False
        if tail.records >= max_records or tail.journal_bytes >= max_bytes:
            return True
        return self._journal_since is not None and self._journal_since < date.today()

    def _key(self) -> bytes:
        if self._data_key is None:
            raise VaultClosed()
        return self._data_key

    def list_backups(self) -> list[BackupInfo]:
        return list_backups(self._path)

    # ---------------------------------------------------------------- saving

    def prepare(self, payload: bytes) -> bytearray:
        """Compress and encrypt `payload` as the next generation; return the file bytes.

        CPU-bound but thread-safe; nothing touches the disk. Pass the result to `write`.
        """
        return self._prepare_with(payload, (), None)

    def _prepare_with(
        self, payload: bytes, change_sets: Sequence[bytes], slots: tuple[KeySlot, ...] | None
    ) -> bytearray:
        if self._read_only:
            raise VaultReadOnly()
        with self._state_lock:
            data_key = self._key()
            generation = self._next_generation
            self._next_generation += 1
            header = replace(self._header, generation=generation, slots=slots or self._header.slots)
        file_bytes, tail = _build_file(header, data_key, payload, change_sets)
        with self._state_lock:
            self._pending[generation] = (payload, tuple(change_sets), tail)
        return file_bytes

    def write(self, file_bytes: bytes | bytearray) -> None:
        """Durably replace the vault with bytes from `prepare`, keeping the old file as backup.

        Raises SaveFailed on any disk error; the previous file is then untouched and the
        temporary file removed.
        """
        if self._read_only:
            raise VaultReadOnly()
        _, header = envelope.read_header(io.BytesIO(envelope.head_of(file_bytes)))
        with self._write_lock:
            self._key()
            with self._state_lock:
                pending = self._pending.pop(header.generation, None)
            if pending is None or header.vault_id != self.vault_id:
                raise ValueError("these bytes were not prepared by this vault")
            if header.generation <= self._header.generation:
                raise ValueError("a newer version has already been written")
            previous_generation = self._header.generation
            damaged = self._replaces_damaged_file

            def keep_backup() -> None:
                if damaged:  # never deleted, never overwritten: renamed beside the vault
                    self.set_aside_path = backups.set_aside(atomic_write.real_path(self._path))
                else:
                    backups.keep_previous(self._path, previous_generation)

            try:
                atomic_write.replace_durably(self._path, file_bytes, before_replace=keep_backup)
            except OSError as exc:
                raise SaveFailed(exc.errno) from exc
            with self._state_lock:
                self._header = header
                # On disk now: `contents` reads them back if ever needed.
                self._payload = self._change_sets = None
                self._tail = pending[2]
                self._journal_since = date.today() if pending[1] else None
                self._format_version = envelope.FORMAT_VERSION
                self._replaces_damaged_file = False
                for stale in [g for g in self._pending if g < header.generation]:
                    del self._pending[stale]
            try:
                atomic_write.sync_dir(self._path.parent)
            except OSError as exc:
                # The new file is in place but the rename may not survive a power cut yet.
                raise SaveFailed(exc.errno) from exc
            backups.prune(self._path)
            if damaged and _backups_hold_retired_slots(self._path, header):
                self._rekey_backups()  # a passphrase change cut short, then a repair: finish it

    def save(self, payload: bytes) -> None:
        """`prepare` + `write` in one call, for the CLI and tests."""
        self.write(self.prepare(payload))

    def append(self, change_sets: Sequence[bytes]) -> int:
        """Seal `change_sets` and append them to the file durably; return the bytes written.

        All or nothing: on a disk error (SaveFailed) the file is cut back to where it ended, so
        the journal never holds half of them (if even that fails, opening drops the torn rest).
        """
        if self._read_only:
            raise VaultReadOnly()
        with self._write_lock:
            data_key = self._key()
            if self._tail is None:
                raise ValueError("this file takes a new snapshot, not a journal record")
            tail = replace(self._tail)
            records = journal.seal_all(data_key, self.vault_id, tail, change_sets)
            start = self._tail.end
            try:
                fd = os.open(self._path, os.O_WRONLY | atomic_write.BINARY)
            except OSError as exc:
                raise SaveFailed(exc.errno) from exc
            try:
                try:
                    atomic_write.write_at(fd, records, start)
                    if os.fstat(fd).st_size != tail.end:
                        os.ftruncate(fd, tail.end)  # debris of an append that failed
                    os.fsync(fd)
                except OSError as exc:
                    with contextlib.suppress(OSError):
                        os.ftruncate(fd, start)
                        os.fsync(fd)
                    raise SaveFailed(exc.errno) from exc
            finally:
                os.close(fd)
            with self._state_lock:
                self._tail = tail
                self._journal_since = self._journal_since or date.today()
                if not self._replaces_damaged_file:  # the file holds more now: read it back
                    self._payload = self._change_sets = None
            return len(records)

    def change_passphrase(self, new: str, kdf: KdfParams | None = None) -> None:
        """Rewrap the data key under `new` (the data is not re-encrypted) and save.

        `kdf=None` calibrates for this machine. Backups are re-keyed too, so the old
        passphrase opens nothing left in the vault folder (after a crash half-way through
        the backups, the next `open` finishes re-keying them).
        """
        params = kdf or default_params()
        data_key = self._key()
        slot = key_slots.passphrase_slot(data_key, self.vault_id, new, params)
        slots = (slot, *(s for s in self._header.slots if s.kind != "passphrase"))
        payload, change_sets = self.contents()
        self.write(self._prepare_with(_whole(payload), change_sets, slots))
        self._rekey_backups()

    def replace_recovery_key(self) -> str:
        """Make a new recovery key (returned, to show once); the old one stops working."""
        data_key = self._key()
        recovery, text = key_slots.recovery_slot(data_key, self.vault_id)
        slots = (*(s for s in self._header.slots if s.kind != "recovery"), recovery)
        payload, change_sets = self.contents()
        self.write(self._prepare_with(_whole(payload), change_sets, slots))
        self._rekey_backups()
        return text

    def _rekey_backups(self) -> None:
        """Give every backup the current key slots, so retired secrets open no old copy.

        Runs after the main save succeeded. A backup that cannot be re-sealed (damaged, or a
        kept copy of a damaged vault) is deleted: it could not be restored anyway, and its
        old slots would still unwrap the data key with a retired passphrase.
        """
        data_key = self._key()
        rewritten: dict[tuple[int, int], Path] = {}
        for path in backups.all_backup_paths(self._path, include_damaged=True):
            try:
                info = os.stat(path)
                identity = (info.st_dev, info.st_ino)
                if identity in rewritten:  # a daily that is a hard link of a version
                    backups.link_or_copy(rewritten[identity], path)
                    continue
                parsed = envelope.parse(path.read_bytes())
                if parsed.header.vault_id != self.vault_id:
                    continue  # not ours; our secrets never opened it
                payload, found = _decrypt_all(parsed, data_key)
                header = replace(parsed.header, slots=self._header.slots)
                rebuilt, _ = _build_file(header, data_key, payload, found.change_sets)
                atomic_write.replace_durably(path, rebuilt + _unread_tail(parsed, found))
                os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
                rewritten[identity] = path
            except (OSError, VaultError):
                with contextlib.suppress(OSError):
                    path.unlink()
        with contextlib.suppress(OSError):
            atomic_write.sync_dir(backups.backup_dir_for(self._path))
        self._rekey_set_aside()

    def _rekey_set_aside(self) -> None:
        """Give the damaged copies set aside beside the vault the current key slots.

        They are never deleted, and an intact header's old slots would still unwrap the data
        key with a retired passphrase. One whose payload still verifies is re-sealed like a
        backup; otherwise only its slots (and header checksum) change, the ciphertext stays
        for a specialist. A copy whose header cannot be read is left as it is.
        """
        data_key = self._key()
        for path in backups.set_aside_copies(self._path):
            try:
                parsed = envelope.parse(path.read_bytes())
                if parsed.header.vault_id != self.vault_id:
                    continue
                if parsed.header.slots == self._header.slots:
                    continue
                try:
                    payload, found = _decrypt_all(parsed, data_key)
                except VaultDamaged:
                    new = envelope.with_slots_keeping_payload(parsed, self._header.slots)
                else:
                    header = replace(parsed.header, slots=self._header.slots)
                    rebuilt = _build_file(header, data_key, payload, found.change_sets)[0]
                    new = bytes(rebuilt + _unread_tail(parsed, found))
                atomic_write.replace_durably(path, new)
            except (OSError, VaultError):
                continue

    def restore_backup(self, number: int) -> None:
        """Make backup `number` (1 = newest) the current data, saved as a new generation.

        The backup is checked with the in-memory data key (backups share it, even after a
        passphrase change). The version being replaced becomes a backup, so this is undoable.
        """
        data_key = self._key()
        infos = list_backups(self._path)
        if not 1 <= number <= len(infos):
            raise BackupNotFound(number)
        try:
            parsed: ParsedFile = envelope.parse(_read_untrusted(infos[number - 1].path))
        except (VaultDamaged, UnsupportedVersion) as exc:
            raise VaultDamaged("backup") from exc
        except VaultNotFound as exc:
            raise BackupNotFound(number) from exc
        if parsed.header.vault_id != self.vault_id:
            raise VaultDamaged("backup")
        try:
            payload, found = _decrypt_all(parsed, data_key)
        except VaultDamaged as exc:
            raise VaultDamaged("backup") from exc
        self.write(self._prepare_with(payload, found.change_sets, None))

    # --------------------------------------------------------------- closing

    def close(self) -> None:
        """Forget the keys and payload and release the writer lock. Idempotent.

        The references are dropped, but Python cannot overwrite immutable bytes in memory:
        copies stay in freed memory until reused. Locking the screen on top of this is what
        keeps them out of reach of someone at the keyboard.
        """
        with self._write_lock:
            with self._state_lock:
                self._data_key = None
                self._payload = self._change_sets = None
                self._pending.clear()
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


@dataclass(frozen=True)
class CheckReport:
    """What `VaultFile.check_report` found: problems in words, and the files that verified.

    `intact` holds the files whose every byte passed its tag under the data key, and
    `verified` those of them whose own key slot opened too (a file intact but not verified
    has key slots from before the last change of passphrase). Both are empty without a
    passphrase or recovery key.
    """

    problems: list[str]
    verified: frozenset[Path]
    intact: frozenset[Path]


def _check_vault(path: Path, passphrase: str | None, recovery_key: str | None) -> CheckReport:
    """VaultFile.check: find the data key from any readable header, then verify each file.

    Files are read one at a time, so checking many large backups needs little memory.
    """
    main_label = translate("storage", "Vault file")
    files = [(main_label, path)] if path.is_file() else []
    problems = [] if files else [_problem(main_label, translate("storage", "it is missing"))]
    if path.is_dir():
        where = translate("storage", "a folder stands where the file should be")
        problems = [_problem(main_label, where)]
    verified: set[Path] = set()
    intact: set[Path] = set()
    backup_label = translate("storage", "Backup {name}")
    files += [(backup_label.format(name=p.name), p) for p in backups.all_backup_paths(path)]
    if passphrase is not None:
        none_opened = translate(
            "storage",
            "No key slot of the vault or its backups opened with this passphrase: either it is "
            "wrong or the key slots are damaged, so the data was not checked.",
        )
        slot_refused = translate(
            "storage",
            "its key slot does not open with this passphrase (it is damaged, or older than the "
            "last change of passphrase)",
        )
    else:
        none_opened = translate(
            "storage",
            "No key slot of the vault or its backups opened with this recovery key: either it "
            "is wrong or the key slots are damaged, so the data was not checked.",
        )
        slot_refused = translate(
            "storage",
            "its key slot does not open with this recovery key (it is damaged, or older than "
            "the last change of recovery key)",
        )
    cache = KekCache()
    headers: list[Header] = []
    for _, file_path in files:
        with contextlib.suppress(OSError, VaultError), open(file_path, "rb") as stream:
            headers.append(envelope.read_header(stream)[1])
    vault_id = headers[0].vault_id if headers else None
    data_key: bytes | None = None
    if passphrase is not None or recovery_key is not None:
        for header in headers:
            if header.vault_id == vault_id:
                with contextlib.suppress(WrongPassphrase):
                    data_key = key_slots.unlock(
                        header.slots,
                        header.vault_id,
                        passphrase=passphrase,
                        recovery_key=recovery_key,
                        cache=cache,
                    )
                    break
        if data_key is None and headers:
            problems.append(none_opened)
    for label, file_path in files:
        try:
            parsed = envelope.parse(file_path.read_bytes())
        except OSError:
            problems.append(
                _problem(label, translate("storage", "the file could not be read from the disk"))
            )
            continue
        except VaultError as exc:
            problems.append(_problem(label, _describe(exc)))
            continue
        if parsed.header.vault_id != vault_id:
            problems.append(_problem(label, translate("storage", _CHECK_DESCRIPTIONS["backup"])))
            continue
        if data_key is None:
            continue
        try:
            key_slots.unlock(
                parsed.header.slots,
                parsed.header.vault_id,
                passphrase=passphrase,
                recovery_key=recovery_key,
                cache=cache,
            )
        except WrongPassphrase:
            problems.append(_problem(label, slot_refused))
        else:
            verified.add(file_path)
        try:
            _, found = _decrypt_all(parsed, data_key)
        except VaultError as exc:
            problems.append(_problem(label, _describe(exc)))
            verified.discard(file_path)
        else:
            if found.damaged:
                problems.append(
                    _problem(label, translate("storage", _CHECK_DESCRIPTIONS["journal"]))
                )
                verified.discard(file_path)
            else:
                if found.dropped_bytes:
                    problems.append(
                        _problem(label, translate("storage", _CHECK_DESCRIPTIONS["torn"]))
                    )
                intact.add(file_path)
    cache.clear()
    return CheckReport(problems, frozenset(verified), frozenset(intact))


def _backups_hold_retired_slots(path: Path, current: Header) -> bool:
    """Whether a backup (or a damaged copy set aside) of this vault still has key slots other
    than the main file's.

    Changing the passphrase or the recovery key writes the main file first and then re-keys
    the backups one by one; a kill or power cut in between leaves backups that the retired
    secret would still open. Opening finishes the job. Reads headers only (cheap).
    """
    for backup in [*backups.all_backup_paths(path), *backups.set_aside_copies(path)]:
        try:
            with open(backup, "rb") as stream:
                header = envelope.read_header(stream)[1]
        except (OSError, VaultError):
            continue
        if header.vault_id == current.vault_id and header.slots != current.slots:
            return True
    return False


def _remove_interrupted_saves(path: Path) -> None:
    """Delete temp files of saves killed mid-way (encrypted, but clutter). Lock held."""
    with contextlib.suppress(OSError):
        for candidate in path.parent.iterdir():
            if atomic_write.is_temp_of(candidate, path):
                with contextlib.suppress(OSError):
                    candidate.unlink()
