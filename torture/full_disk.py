"""Full-disk torture: the app's writes on a small filesystem left with a random few bytes.

One workspace stays open on a 3 MiB tmpfs for the whole run, as a person's would. Each
round frees the disk, refills it leaving a random amount of space (0 to twice the vault's
size, so a save fails at a different step each time: the temp file, a backup copy, a
re-keyed backup, a blob, a bundle), then does one thing a person does:

``save``        add a case and save;
``attach``      attach a file to a case, then save;
``passphrase``  change the passphrase (main file, then every backup re-keyed);
``export``      write a bundle of every case next to the vault (``write_bundle``).

It must either work or fail with SaveFailed / OSError, and after it, still on the full
disk: the vault file opens and holds either the state before or the one asked for; a
failed save leaves the edits in memory (the workspace is dirty); a passphrase that was
replaced opens nothing (a backup that could not be re-keyed for lack of space is deleted,
never left under the old passphrase); no temp file remains. Then space returns and the
retry must work, with every edit made so far on disk.

Where a tmpfs cannot be mounted, the disk is simulated: `atomic_write.write_all` (every
durable write of the app) writes what still fits and raises ENOSPC.
"""

from __future__ import annotations

import contextlib
import errno
import os
import random
from collections.abc import Iterator
from pathlib import Path

from sqlmodel import select

from casetracker.model import Attachment
from casetracker.services.sharing import SharingService
from casetracker.services.workspace import Workspace
from casetracker.storage import atomic_write
from casetracker.storage.errors import SaveFailed
from casetracker.storage.kdf import FLOOR
from casetracker.storage.key_slots import KekCache
from casetracker.storage.vault_file import VaultFile
from torture.common import PASSPHRASE, Section, fill, timed, tiny_filesystem
from torture.probe import case_names, files_opened_by, payload_with, temp_files

OPERATIONS = ("save", "attach", "passphrase", "export")


class Disk:
    """A real tmpfs to fill, or a simulated one with a byte budget."""

    def __init__(self, folder: Path, real: bool) -> None:
        self.folder = folder
        self.real = real
        self._filler: Path | None = None
        self._budget: int | None = None
        self._real_write_all = atomic_write.write_all
        if not real:
            atomic_write.write_all = self._write_all

    def _write_all(self, fd: int, data: bytes | bytearray) -> None:
        if self._budget is None:
            self._real_write_all(fd, data)
            return
        fits = min(len(data), self._budget)
        self._real_write_all(fd, data[:fits])
        self._budget -= fits
        if fits < len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fill(self, leave_bytes: int) -> None:
        if self.real:
            self._filler = fill(self.folder, leave_bytes)
        else:
            self._budget = leave_bytes

    def free(self) -> None:
        if self._filler is not None:
            self._filler.unlink()
            self._filler = None
        self._budget = None

    def close(self) -> None:
        self.free()
        atomic_write.write_all = self._real_write_all


@contextlib.contextmanager
def small_disk(root: Path, size_kib: int = 3072, *, simulate: bool = False) -> Iterator[Disk]:
    if simulate:
        (root / "disk").mkdir(parents=True, exist_ok=True)
        disk = Disk(root / "disk", False)
        try:
            yield disk
        finally:
            disk.close()
        return
    with tiny_filesystem(root / "disk", size_kib) as mounted:
        disk = Disk(mounted or root / "disk", mounted is not None)
        try:
            yield disk
        finally:
            disk.close()


def torture(
    rounds: int, root: Path, section: Section, *, seed: int = 7, simulate: bool = False
) -> None:
    rng = random.Random(seed)
    with timed(section), small_disk(root, simulate=simulate) as disk:
        section.notes.append(
            "full disk: a real 3 MiB tmpfs"
            if disk.real
            else "full disk: simulated (no tmpfs here): writes past a byte budget fail"
        )
        _run(rounds, disk, section, rng)


def _run(rounds: int, disk: Disk, section: Section, rng: random.Random) -> None:
    path = disk.folder / "org.ctvault"
    ws, recovery = Workspace.create(path, PASSPHRASE, kdf=FLOOR, actor="torture")
    secret, number = PASSPHRASE, 0
    names: list[str] = []
    cache = KekCache()
    try:
        first = ws.cases.create("Case 0")
        names.append("Case 0")
        ws.save()
        for round_number in range(1, rounds + 1):
            operation = rng.choice(OPERATIONS)
            on_disk = sorted(names)
            size = path.stat().st_size
            disk.free()
            disk.fill(rng.randint(0, size) if rng.random() < 0.5 else rng.randint(size, 5 * size))
            failed = False
            pending = operation == "save"
            new_secret = f"{PASSPHRASE} {number + 1}"
            try:
                if operation == "save":
                    names.append(f"Case {round_number}")
                    ws.cases.create(names[-1])
                    ws.save()
                elif operation == "attach":
                    data = rng.randbytes(rng.randint(1, 40_000))
                    ws.attachments.add(data, "scan.bin", case_id=first.id)
                    pending = True  # the blob is written; the row waits for the save
                    ws.save()
                elif operation == "passphrase":
                    ws.file.change_passphrase(new_secret, kdf=FLOOR)
                else:
                    _export(ws, disk.folder / f"export-{round_number}.age")
            except (SaveFailed, OSError) as exc:
                failed = True
                section.add(f"{operation}: refused on the full disk")
                if not isinstance(exc, SaveFailed) and operation != "export":
                    section.fail(f"{operation}: a bare {exc!r} instead of SaveFailed")
            else:
                section.add(f"{operation}: fitted on the nearly full disk")
            changed = operation == "passphrase" and not failed
            # Still full: the file as left is whole and holds the old or the new state.
            current = new_secret if changed else secret
            payload = payload_with(path, current, cache)
            if payload is None:
                section.fail(f"round {round_number}: the vault does not open with {current!r}")
                break
            found = case_names(payload)
            if found not in (on_disk, sorted(names)):
                section.fail(f"round {round_number} ({operation}): {found} on disk")
            if failed and pending and not ws.dirty:
                section.fail(f"round {round_number}: a failed save lost the dirty mark")
            if changed:
                section.add("passphrase changes made on a nearly full disk")
                if files_opened_by(path, secret, cache):
                    section.fail(f"round {round_number}: the replaced passphrase still opens")
                secret, number = new_secret, number + 1
            elif operation == "passphrase" and files_opened_by(path, new_secret, cache):
                section.fail(f"round {round_number}: a refused passphrase change opens a file")
            leftovers = [p for p in temp_files(disk.folder) if p.name != "filler"]
            if leftovers:
                section.fail(f"round {round_number}: temp files left: {leftovers}")
            # Space returns: the retry works and everything typed so far is on disk.
            disk.free()
            if ws.dirty:
                ws.save()
                section.add("saves retried after space returned")
            if failed and operation == "passphrase":
                ws.file.change_passphrase(new_secret, kdf=FLOOR)
                secret, number = new_secret, number + 1
            if failed and operation == "export":
                _export(ws, disk.folder / f"export-{round_number}.age")
            again = payload_with(path, secret, cache)
            if again is None or case_names(again) != sorted(names):
                section.fail(f"round {round_number}: after the retry the disk misses edits")
            for old in disk.folder.glob("export-*.age"):
                old.unlink()
            section.add("rounds")
            if round_number % 10 == 0:  # read every attachment back, then make room
                with ws.reading() as session:
                    attachments = list(session.exec(select(Attachment)))
                for attachment in attachments:
                    ws.attachments.read(attachment.id)  # VaultDamaged would end the run
                    ws.attachments.delete(attachment.id)
                section.add("attachments read back", len(attachments))
            if round_number % 25 == 0:
                for problem in VaultFile.check(path, passphrase=secret):
                    section.fail(f"round {round_number}: check: {problem}")
            if len(section.failures) > 20:
                break
    finally:
        ws.close(save=False)
    with Workspace.open(path, recovery_key=recovery) as reopened:
        if sorted(c.full_name for c in reopened.cases.rows()) != sorted(names):
            section.fail("the reopened vault misses cases")


def _export(ws: Workspace, out: Path) -> None:
    service = SharingService(ws)
    result = service.export(  # to our own key: a passphrase bundle costs a slow scrypt
        service.select_cases(everything=True),
        profile="lawyer",
        recipients=[service.keys().age_public_key],
        without_consent_reason="not about consent",
    )
    service.write_bundle(out, result.data)
