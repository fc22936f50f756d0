"""Failures of the operating system in the interface language.

``OSError.strerror`` is the C library's English ("No such file or directory"), whatever the
interface language; the common causes are said here in words, the rest by their number.
"""

import errno
from pathlib import Path

from casetracker.i18n import translate
from casetracker.services.errors import InvalidInput


def reason(exc: OSError) -> str:
    """Why the system refused, in a few words: "there is no such file or folder"."""
    code = exc.errno
    if code == errno.ENOENT:
        return translate("cli", "there is no such file or folder")
    if code in (errno.EACCES, errno.EPERM):
        return translate("cli", "permission denied")
    if code == errno.EISDIR:
        return translate("cli", "it is a folder, not a file")
    if code == errno.ENOTDIR:
        return translate("cli", "a part of the path is not a folder")
    if code in (errno.ENOSPC, errno.EDQUOT):
        return translate("cli", "the disk is full")
    if code == errno.EROFS:
        return translate("cli", "the disk is read-only")
    if code == errno.EEXIST:
        return translate("cli", "it already exists")
    if code == errno.ENAMETOOLONG:
        return translate("cli", "the name is too long")
    if code in (errno.EBUSY, errno.ETXTBSY):
        return translate("cli", "the file is in use")
    if code == errno.EIO:
        return translate("cli", "the disk reported a read or write error")
    return translate("cli", "system error {code}").format(code=code if code is not None else "?")


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
