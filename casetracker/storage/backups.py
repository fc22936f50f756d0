"""Encrypted backups beside the vault: the last versions and one per day.

Before each save replaces the vault, the file being replaced is hard-linked (copied where
links are not supported) into `<vault name>.backups/`:

    v<generation>.ctvault      the newest KEEP_VERSIONS versions
    daily-YYYY-MM-DD.ctvault   the last version saved on each of the KEEP_DAILY most recent
                               days the vault was used (local date of the replaced file)
    damaged-<UTC time>.ctvault a damaged vault replaced by a repair (before this version)

A damaged vault replaced from a backup is now set aside beside it instead, renamed
`<vault name>.damaged-<UTC time>` (a file, or whatever stood in its place), and never deleted
by the app: it may still hold what no backup has, for a specialist.

A backup is the old vault file byte for byte: encrypted and authenticated exactly like it,
opened by the same data key. Names hold only numbers and dates. Listing reads headers only.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

from casetracker.storage import atomic_write, envelope
from casetracker.storage.errors import VaultError

KEEP_VERSIONS = 10
KEEP_DAILY = 7
KEEP_DAMAGED = 3
SUFFIX = ".ctvault"
_VERSION_NAME = re.compile(r"v(\d{1,15})\.ctvault")
_DAILY_NAME = re.compile(r"daily-(\d{4}-\d{2}-\d{2})\.ctvault")
_DAMAGED_NAME = re.compile(r"damaged-(\d{8}T\d{6}Z)(?:-\d+)?\.ctvault")
_TEMP_NAME = re.compile(r"\..*\.tmp-[0-9a-f]+")

BackupKind = Literal["version", "daily"]


@dataclass(frozen=True)
class BackupInfo:
    """One backup as offered to a person: number 1 is the newest."""

    number: int
    path: Path
    generation: int | None  # None when the backup's header cannot be read
    mtime: datetime
    size: int
    kind: BackupKind


def backup_dir_for(vault_path: Path) -> Path:
    """`cases.ctvault` -> `cases.ctvault.backups/`, beside the real vault (symlinks resolved)."""
    real = atomic_write.real_path(vault_path)
    return real.with_name(real.name + ".backups")


def make_private_dir(folder: Path) -> None:
    """Create `folder` and missing parents as 0o700; existing folders are left as they are."""
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=0o700)
            path.chmod(0o700)  # mkdir's mode is filtered by the umask


def _header_generation(path: Path) -> int | None:
    try:
        with open(path, "rb") as stream:
            return envelope.read_header(stream)[1].generation
    except (OSError, VaultError):
        return None


def _backup_files(vault_path: Path) -> list[tuple[Path, BackupKind]]:
    folder = backup_dir_for(vault_path)
    try:
        names = sorted(os.listdir(folder))
    except FileNotFoundError:
        return []
    found: list[tuple[Path, BackupKind]] = []
    for name in names:
        if _VERSION_NAME.fullmatch(name):
            found.append((folder / name, "version"))
        elif _DAILY_NAME.fullmatch(name):
            found.append((folder / name, "daily"))
    return found


def list_backups(vault_path: Path) -> list[BackupInfo]:
    """Backups of `vault_path`, newest first (by generation), numbered from 1.

    A daily backup that is the same version as a numbered one is listed once. Backups whose
    header cannot be read are listed last, so a person can still see and check them.
    """
    by_generation: dict[int, tuple[Path, BackupKind, os.stat_result]] = {}
    unreadable: list[tuple[Path, BackupKind, os.stat_result]] = []
    for path, kind in _backup_files(vault_path):
        try:
            info = os.stat(path)
        except OSError:
            continue
        generation = _header_generation(path)
        if generation is None:
            unreadable.append((path, kind, info))
        elif generation not in by_generation or kind == "version":
            by_generation[generation] = (path, kind, info)
    ordered: list[tuple[int | None, Path, BackupKind, os.stat_result]] = [
        (gen, *by_generation[gen]) for gen in sorted(by_generation, reverse=True)
    ]
    unreadable.sort(key=lambda item: item[2].st_mtime, reverse=True)
    ordered += [(None, path, kind, info) for path, kind, info in unreadable]
    return [
        BackupInfo(
            number=index,
            path=path,
            generation=gen,
            mtime=datetime.fromtimestamp(info.st_mtime).astimezone(),
            size=info.st_size,
            kind=kind,
        )
        for index, (gen, path, kind, info) in enumerate(ordered, start=1)
    ]


def all_backup_paths(vault_path: Path, *, include_damaged: bool = False) -> list[Path]:
    """Every backup file; with `include_damaged` also the kept copies of damaged vaults."""
    folder = backup_dir_for(vault_path)
    paths = [path for path, _ in _backup_files(vault_path)]
    if include_damaged:
        with contextlib.suppress(FileNotFoundError):
            names = sorted(os.listdir(folder))
            paths += [folder / name for name in names if _DAMAGED_NAME.fullmatch(name)]
    return paths


def highest_generation(vault_path: Path) -> int:
    """The highest generation named by a version backup, so new saves never reuse a name."""
    best = 0
    for path, kind in _backup_files(vault_path):
        match = _VERSION_NAME.fullmatch(path.name)
        if kind == "version" and match:
            best = max(best, int(match.group(1)))
    return best


def link_or_copy(source: Path, target: Path) -> None:
    """Put `source` at `target` (replacing it): a hard link, or a synced copy."""
    temp = target.with_name(f".{target.name}.tmp-{secrets.token_hex(8)}")
    try:
        try:
            os.link(source, temp)
        except OSError:
            with open(source, "rb") as stream:
                atomic_write.write_new_file(temp, stream.read())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def keep_previous(vault_path: Path, generation: int) -> None:
    """Keep the vault file about to be replaced. Raises OSError: then do not replace it."""
    if not vault_path.exists():
        return
    folder = backup_dir_for(vault_path)
    make_private_dir(folder)
    version_target = folder / f"v{generation}{SUFFIX}"
    if not version_target.exists():  # exists after a crash between this and the rename
        link_or_copy(vault_path, version_target)
    day = date.fromtimestamp(vault_path.stat().st_mtime).isoformat()
    link_or_copy(vault_path, folder / f"daily-{day}{SUFFIX}")
    atomic_write.sync_dir(folder)


def set_aside(vault_path: Path) -> Path | None:
    """Rename a damaged vault (a file, or a folder in its place) beside it, for a specialist.

    `cases.ctvault` -> `cases.ctvault.damaged-20250101T120000Z`; None when nothing is there.
    Raises OSError: then the vault must not be replaced. The writer lock is held.
    """
    if not os.path.lexists(vault_path):
        return None
    target = aside_name(vault_path)
    os.rename(vault_path, target)
    return target


def aside_name(vault_path: Path) -> Path:
    """A free name beside the vault for a damaged copy: `<name>.damaged-<UTC time>[-N]`."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = vault_path.with_name(f"{vault_path.name}.damaged-{stamp}")
    count = 1
    while os.path.lexists(target):
        count += 1
        target = vault_path.with_name(f"{vault_path.name}.damaged-{stamp}-{count}")
    return target


def set_aside_copies(vault_path: Path) -> list[Path]:
    """The damaged files `set_aside` renamed beside the vault (folders are not ours to read)."""
    prefix = f"{vault_path.name}.damaged-"
    try:
        names = sorted(os.listdir(vault_path.parent))
    except OSError:
        return []
    return [
        vault_path.parent / name
        for name in names
        if name.startswith(prefix) and (vault_path.parent / name).is_file()
    ]


def prune(vault_path: Path) -> None:
    """Delete backups beyond the retention rules and debris from interrupted saves.

    Best effort: a backup that cannot be deleted now is deleted after a later save.
    """
    folder = backup_dir_for(vault_path)
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return
    versions: list[tuple[int, str]] = []
    dailies: list[tuple[str, str]] = []
    damaged: list[tuple[str, str]] = []
    doomed: list[str] = []
    for name in names:
        if match := _VERSION_NAME.fullmatch(name):
            versions.append((int(match.group(1)), name))
        elif match := _DAILY_NAME.fullmatch(name):
            dailies.append((match.group(1), name))
        elif match := _DAMAGED_NAME.fullmatch(name):
            damaged.append((match.group(1), name))
        elif _TEMP_NAME.fullmatch(name):
            doomed.append(name)
    for kept, group in (
        (KEEP_VERSIONS, versions),
        (KEEP_DAILY, dailies),
        (KEEP_DAMAGED, damaged),
    ):
        group.sort(reverse=True)
        doomed += [name for _, name in group[kept:]]
    for name in doomed:
        with contextlib.suppress(OSError):
            os.unlink(folder / name)
