"""Saving a file the caseworker asked for (a report, a letter, a bundle) where they chose.

Written whole or not at all (a synced temp file renamed into place), private to the user like
every file `storage.atomic_write` makes; an existing file is replaced only when the caseworker
confirmed it (a Save dialog asks), otherwise refused in words.
"""

from pathlib import Path

from casetracker.i18n import translate
from casetracker.services.errors import InvalidInput
from casetracker.storage.atomic_write import create_durably, replace_durably, sync_dir


def save_output(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    if overwrite:
        replace_durably(path, data)
        sync_dir(path.parent)
        return
    try:
        create_durably(path, data)
    except FileExistsError:
        raise InvalidInput(
            translate("services", "{name} already exists; choose another name.").format(
                name=path.name
            )
        ) from None
