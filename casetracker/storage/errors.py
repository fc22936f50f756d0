"""Typed failures of the storage layer, each carrying a message a caseworker understands.

The messages are English source strings, translated where they are made (``translate``, in the
"storage" context), so the CLI and the GUI show them in the interface language. They never contain
case data, passphrases, keys or file paths (paths may hold names, and messages end up in
dialogs people photograph and in bug reports). Callers catch `VaultError` at the edge.
"""

from __future__ import annotations

import errno
from datetime import datetime
from typing import Literal

from casetracker.i18n import QT_TRANSLATE_NOOP, format_date, translate

DamagedRegion = Literal["file", "header", "key slot", "payload", "backup"]

_DAMAGED_MESSAGES: dict[DamagedRegion, str] = {
    "file": QT_TRANSLATE_NOOP(
        "storage",
        "This file is not a Casetracker vault, or it is incomplete (it may have been cut off "
        "while copying). A backup copy may still open.",
    ),
    "header": QT_TRANSLATE_NOOP(
        "storage",
        "The vault file is damaged: its header, the part that describes how the file is "
        "locked, cannot be read. A backup copy may still open.",
    ),
    "key slot": QT_TRANSLATE_NOOP(
        "storage",
        "The vault file is damaged: the part that unlocks the data cannot be read. "
        "A backup copy may still open.",
    ),
    "payload": QT_TRANSLATE_NOOP(
        "storage",
        "The vault file is damaged: the case data inside it failed its integrity check, so it "
        "cannot be trusted. A backup copy may still open.",
    ),
    "backup": QT_TRANSLATE_NOOP(
        "storage", "This backup does not belong to this vault or is damaged."
    ),
}


class VaultError(Exception):
    """Base of every storage failure, so the GUI and CLI can catch one type at the edge."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class WrongPassphrase(VaultError):
    """Raised identically for a wrong passphrase and a damaged key slot.

    The two cannot be told apart without leaking information, and both cost one full key
    derivation, so an attacker learns nothing from the message or the timing.
    """

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or translate("storage", "The passphrase is not correct."))


class WrongRecoveryKey(WrongPassphrase):
    """The recovery key did not open any recovery slot (or is not a recovery key at all).

    A subclass of `WrongPassphrase` so code that only handles "could not unlock" still works,
    with its own wording because a caseworker typing a recovery key is not typing a passphrase.
    """

    def __init__(self) -> None:
        super().__init__(
            translate(
                "storage",
                "The recovery key is not correct. Check it against the printed copy: it has "
                "32 letters and digits in groups of four.",
            )
        )


class VaultDamaged(VaultError):
    """The file is truncated, altered or not a vault; `region` names the part that failed."""

    def __init__(self, region: DamagedRegion, message: str | None = None) -> None:
        super().__init__(message or translate("storage", _DAMAGED_MESSAGES[region]))
        self.region: DamagedRegion = region


class KdfTooCostly(VaultDamaged):
    """The key slots together ask for more key-derivation work than one slot may: refused
    before any derivation runs, since only a forged or damaged header asks for that."""

    def __init__(self) -> None:
        super().__init__(
            "header",
            translate(
                "storage",
                "The vault file asks for far more work to unlock than Casetracker allows, so "
                "it was not tried. The file is damaged or was altered. A backup copy may "
                "still open.",
            ),
        )


class VaultNotFound(VaultError):
    """No vault file where one was expected (moved, renamed, deleted, drive not mounted)."""

    def __init__(self) -> None:
        super().__init__(
            translate(
                "storage",
                "The vault file could not be found. It may have been moved, renamed or deleted, "
                "or the drive holding it is not connected.",
            )
        )


class VaultExists(VaultError):
    """Refuse to create a vault over an existing file: that would destroy its data."""

    def __init__(self) -> None:
        super().__init__(
            translate("storage", "A file with this name already exists there. Choose another name.")
        )


class VaultClosed(VaultError):
    """The vault was closed (locked); its keys are gone until it is opened again."""

    def __init__(self) -> None:
        super().__init__(translate("storage", "This vault is locked. Unlock it again to continue."))


class VaultInUse(VaultError):
    """Another running Casetracker (here or on a synced machine) holds the writer lock.

    `elsewhere` is True when the lock names another computer: this one cannot tell whether
    that holder still runs, so the person may take the lock over after a warning (a crash
    there, or a renamed laptop, would otherwise lock them out for good).
    """

    def __init__(
        self,
        host: str,
        user: str,
        pid: int | None,
        since: datetime | None,
        *,
        elsewhere: bool = False,
    ) -> None:
        if elsewhere:
            text = QT_TRANSLATE_NOOP(
                "storage",
                "This vault is marked as open on {host} by {user} since {when}. If Casetracker "
                "is really closed there, you can take the vault over.",
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "storage",
                "This vault is open on {host} by {user} since {when}. Close it there first.",
            )
        super().__init__(
            translate("storage", text).format(
                host=host or translate("storage", "another computer"),
                user=user or translate("storage", "another user"),
                when=when_text(since),
            )
        )
        self.host = host
        self.user = user
        self.pid = pid
        self.since = since
        self.elsewhere = elsewhere


def when_text(since: datetime | None) -> str:
    """A lock's time in the person's own time zone and date format (31.12.2025 in Russian)."""
    if since is None:
        return translate("storage", "an unknown time")
    local = since.astimezone()
    return f"{format_date(local.date())} {local:%H:%M}"


class VaultReadOnly(VaultError):
    """The vault was opened read-only (read-only drive, CD, no write permission): no change
    can be saved, so none is accepted."""

    def __init__(self) -> None:
        super().__init__(
            translate(
                "storage",
                "This vault is read-only, so this change was not made. Copy the vault to a "
                "folder you can write to to make changes.",
            )
        )


class ReadFailed(VaultError):
    """The vault file exists but the disk or the OS refused to read it."""

    def __init__(self, errno_code: int | None = None) -> None:
        reason = _reason(errno_code, QT_TRANSLATE_NOOP("storage", "the disk could not be read"))
        super().__init__(
            translate(
                "storage", "Casetracker could not read the vault file because {reason}."
            ).format(reason=reason)
        )
        self.errno = errno_code


class LockFailed(VaultError):
    """The lock file beside the vault could not be written (full disk, read-only folder)."""

    def __init__(self, errno_code: int | None = None) -> None:
        reason = _reason(errno_code, QT_TRANSLATE_NOOP("storage", "the disk could not be written"))
        super().__init__(
            translate(
                "storage",
                "Casetracker could not mark the vault as open because {reason}. Nothing was "
                "changed. Check that the disk is not full and the folder can be written to.",
            ).format(reason=reason)
        )
        self.errno = errno_code


class UnsupportedVersion(VaultError):
    """The file's format version is one this app cannot read (usually made by a newer app)."""

    def __init__(self, version: int, *, newer: bool = True) -> None:
        if newer:
            message = translate(
                "storage",
                "This vault was saved by a newer version of Casetracker. "
                "Install the newer version to open it.",
            )
        else:
            message = translate(
                "storage",
                "This vault was saved by an old version of Casetracker that this version "
                "can no longer read.",
            )
        super().__init__(message)
        self.version = version
        self.newer = newer


_ERRNO_REASONS: dict[int, str] = {
    errno.ENOSPC: QT_TRANSLATE_NOOP("storage", "the disk is full"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("storage", "the disk quota is used up"),
    errno.EIO: QT_TRANSLATE_NOOP("storage", "the disk reported an error"),
    errno.ENOENT: QT_TRANSLATE_NOOP("storage", "the file or folder does not exist"),
    errno.EROFS: QT_TRANSLATE_NOOP("storage", "the drive is read-only"),
    errno.EACCES: QT_TRANSLATE_NOOP("storage", "permission was refused"),
    errno.EPERM: QT_TRANSLATE_NOOP("storage", "permission was refused"),
}


def _reason(errno_code: int | None, fallback: str) -> str:
    return translate("storage", _ERRNO_REASONS.get(errno_code or -1, fallback))


class SaveFailed(VaultError):
    """A save did not complete; the file on disk is still the previous good version."""

    def __init__(self, errno_code: int | None = None, *, new_vault: bool = False) -> None:
        reason = _reason(errno_code, QT_TRANSLATE_NOOP("storage", "the disk could not be written"))
        if new_vault:
            message = translate(
                "storage", "Casetracker could not create the vault because {reason}."
            ).format(reason=reason)
        else:
            message = translate(
                "storage",
                "Casetracker could not save your changes because {reason}. The previously "
                "saved version is intact, and your changes are still here, not yet saved. "
                "Fix the problem and save again.",
            ).format(reason=reason)
        super().__init__(message)
        self.errno = errno_code
        self.new_vault = new_vault


class BackupNotFound(VaultError):
    """The requested backup does not exist (or there are none)."""

    def __init__(self, number: int | None = None) -> None:
        if number is None:
            message = translate("storage", "No backup copies of this vault were found.")
        else:
            message = translate("storage", "There is no backup number {number}.").format(
                number=number
            )
        super().__init__(message)
        self.number = number
