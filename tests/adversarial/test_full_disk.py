"""A full disk at the Workspace level: fail loudly, keep the previous files, lose no edit.

tests/storage/test_save_failures.py covers `VaultFile.save` on a 256 KiB tmpfs and injected
errors at each step of one save. These tests go one level up, where people work: edits made
through the services, a save (an append to the journal) refused, space freed, the save
retried from memory; and the other things that write: attachment blobs, a passphrase change
(which re-keys the backups), a bundle exported with `casetracker export -o` onto the full disk.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from casetracker.cli import main as cli_main
from casetracker.model import Attachment
from casetracker.services.sharing import SharingService
from casetracker.services.workspace import Workspace
from casetracker.storage.blob_store import BlobStore
from casetracker.storage.errors import SaveFailed
from casetracker.storage.kdf import FLOOR
from casetracker.storage.key_slots import KekCache
from casetracker.storage.vault_file import VaultFile
from tests.adversarial.conftest import SmallDisk, incompressible
from tests.conftest import PASSPHRASE
from torture.probe import files_opened_by, names_on_disk, temp_files

NEW_PASSPHRASE = "a new and different passphrase"


def new_workspace(path: Path) -> Workspace:
    return Workspace.create(path, PASSPHRASE, kdf=FLOOR, actor="tester")[0]


def test_edits_survive_a_full_disk_and_are_saved_once_space_returns(small_disk: SmallDisk) -> None:
    path = small_disk.folder / "org.ctvault"
    ws = new_workspace(path)
    try:
        ws.cases.create("Saved before the disk filled")
        ws.save()
        before = path.read_bytes()
        small_disk.fill()
        # More than a disk block: a full disk cannot take it in the slack after the file's end.
        ws.cases.create("Typed while the disk was full", notes=incompressible(12_000))
        for _attempt in range(2):  # the app retries after each change: still refused
            with pytest.raises(SaveFailed) as caught:
                ws.save()
            assert "disk is full" in str(caught.value)
            assert ws.dirty  # the edits are still only in memory, and known to be
            assert path.read_bytes() == before
            assert temp_files(small_disk.folder) == []
        ws.cases.create("Typed after the second refusal")
        assert names_on_disk(path, PASSPHRASE) == ["Saved before the disk filled"]
        small_disk.free()
        ws.save()
        assert not ws.dirty
    finally:
        ws.close(save=False)
    with Workspace.open(path, passphrase=PASSPHRASE) as reopened:
        names = sorted(c.full_name for c in reopened.cases.rows())
    assert names == [
        "Saved before the disk filled",
        "Typed after the second refusal",
        "Typed while the disk was full",
    ]
    assert VaultFile.check(path, passphrase=PASSPHRASE) == []


def test_an_attachment_refused_by_a_full_disk_leaves_no_row_and_no_blob(
    small_disk: SmallDisk,
) -> None:
    path = small_disk.folder / "org.ctvault"
    ws = new_workspace(path)
    photo = bytes(range(256)) * 800  # 200 KB
    try:
        case = ws.cases.create("With a photo")
        ws.save()
        small_disk.fill()
        with pytest.raises(SaveFailed):
            ws.attachments.add(photo, "photo.jpg", media_type="image/jpeg", case_id=case.id)
        with ws.reading() as session:
            assert list(session.exec(select(Attachment))) == []
        assert BlobStore(path).names() == set()
        assert temp_files(small_disk.folder) == []
        small_disk.free()
        attachment = ws.attachments.add(photo, "photo.jpg", case_id=case.id)
        ws.save()
    finally:
        ws.close(save=False)
    with Workspace.open(path, passphrase=PASSPHRASE) as reopened:
        assert reopened.attachments.read(attachment.id) == photo


def test_a_passphrase_change_on_a_full_disk_changes_nothing_and_works_later(
    small_disk: SmallDisk,
) -> None:
    path = small_disk.folder / "org.ctvault"
    ws = new_workspace(path)
    try:
        for i in range(4):
            ws.cases.create(f"Case {i}")
            ws.compact()  # a save only appends; each compaction keeps the file before it
        small_disk.fill()
        with pytest.raises(SaveFailed):
            ws.file.change_passphrase(NEW_PASSPHRASE, kdf=FLOOR)
        cache = KekCache()
        every_file = files_opened_by(path, PASSPHRASE, cache)
        assert len(every_file) >= 5  # the main file and its backups, all on the old one
        assert files_opened_by(path, NEW_PASSPHRASE, cache) == []
        assert temp_files(small_disk.folder) == []
        small_disk.free()
        ws.file.change_passphrase(NEW_PASSPHRASE, kdf=FLOOR)
        ws.cases.create("After the change")
        ws.save()
        assert files_opened_by(path, PASSPHRASE, cache) == []
        assert len(files_opened_by(path, NEW_PASSPHRASE, cache)) >= len(every_file)
    finally:
        ws.close(save=False)
    assert "After the change" in names_on_disk(path, NEW_PASSPHRASE)


def test_export_onto_a_full_disk_fails_in_one_line_and_leaves_no_file(
    small_disk: SmallDisk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    vault = tmp_path / "vault" / "org.ctvault"
    ws = new_workspace(vault)
    ws.cases.create("Exported")
    recipient = SharingService(ws).keys().age_public_key
    ws.close()
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", PASSPHRASE)
    out = small_disk.folder / "export.age"
    argv = ["export", str(vault), "--all", "--to", recipient, "--profile", "lawyer", "-o", str(out),
            "--without-consent", "held incommunicado"]  # fmt: skip
    small_disk.fill()
    assert cli_main.main(argv) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Traceback" not in error
    assert "disk is full" in error.lower()
    assert not out.exists() and temp_files(small_disk.folder) == []
    small_disk.free()
    assert cli_main.main(argv) == 0, capsys.readouterr().err
    with Workspace.open(vault, passphrase=PASSPHRASE) as again:
        opened = SharingService(again).open(out.read_bytes())
    assert [r.values["full_name"] for r in opened.document.of("cases")] == ["Exported"]
