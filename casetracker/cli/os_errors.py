"""Failures of the operating system in the interface language.

``OSError.strerror`` is the C library's English ("No such file or directory"), whatever the
interface language; the common causes are said here in words, the rest by their number.
"""

import errno
from pathlib import Path

from casetracker.i18n import QT_TRANSLATE_NOOP, translate
from casetracker.services.errors import InvalidInput
from casetracker.storage.errors import SaveFailed

# errno -> why, in words (translated where shown).
_REASONS = {
    errno.ENOENT: QT_TRANSLATE_NOOP("cli", "there is no such file or folder"),
    errno.EACCES: QT_TRANSLATE_NOOP("cli", "permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("cli", "permission denied"),
    errno.EISDIR: QT_TRANSLATE_NOOP("cli", "it is a folder, not a file"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("cli", "a part of the path is not a folder"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("cli", "the disk is full"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("cli", "the disk is full"),
    errno.EROFS: QT_TRANSLATE_NOOP("cli", "the disk is read-only"),
    errno.EEXIST: QT_TRANSLATE_NOOP("cli", "it already exists"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("cli", "the name is too long"),
    errno.EBUSY: QT_TRANSLATE_NOOP("cli", "the file is in use"),
    errno.ETXTBSY: QT_TRANSLATE_NOOP("cli", "the file is in use"),
    errno.EIO: QT_TRANSLATE_NOOP("cli", "the disk reported a read or write error"),
}


def reason(exc: OSError) -> str:
    """Why the system refused, in a few words: "there is no such file or folder"."""
    return reason_for(exc.errno)


def reason_for(code: int | None) -> str:
    """`reason` from the error number alone (storage errors keep only that)."""
    known = _REASONS.get(code) if code is not None else None
    if known is not None:
        return translate("cli", known)
    return translate("cli", "system error {code}").format(code=code or "?")


def cannot_read(path: Path | str, exc: OSError) -> InvalidInput:
    """The error to raise when ``path`` could not be read."""
    return InvalidInput(
        translate("cli", "Could not read {file}: {reason}.").format(file=path, reason=reason(exc))
    )


def cannot_write(path: Path | str, exc: OSError) -> InvalidInput:
    """The error to raise when ``path`` could not be written."""
    return InvalidInput(
        translate("cli", "Could not write {file}: {reason}.").format(file=path, reason=reason(exc))
    )


def failure_text(exc: OSError) -> str:
    """An OSError nobody caught earlier, at the CLI's edge: which file, if known, and why."""
    if exc.filename is not None:
        return translate("cli", "Could not read or write {file}: {reason}.").format(
            file=exc.filename, reason=reason(exc)
        )
    return translate("cli", "A file could not be read or written: {reason}.").format(
        reason=reason(exc)
    )


def not_saved_text(exc: SaveFailed) -> str:
    """A save refused at the end of a command. The process is about to end, so the change is
    lost, not "still here" as the app, which keeps it in memory, can say."""
    if exc.new_vault:
        return str(exc)
    return translate(
        "cli",
        "NOT saved: the change could not be written because {reason}. The vault still holds "
        "what was saved before this command. Fix the problem and run the command again.",
    ).format(reason=reason_for(exc.errno))
