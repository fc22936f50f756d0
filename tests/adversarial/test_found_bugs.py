"""Regression tests for the bugs the adversarial suite found (each failed before its fix).

1. A passphrase (or recovery key) change killed after the main file was replaced but before
   every backup was re-keyed left backups that the retired secret still opened; one more
   change later they opened with neither the current nor the previous passphrase. Found by
   the kill torture (`torture.kills`, scenario "passphrase"). Fix: `VaultFile.open` finishes
   re-keying when a backup's key slots differ from the main file's.
2. Attachment blobs were renamed into `<vault>.blobs/` without syncing that folder, so a
   power cut after the next vault save could lose a blob the saved vault refers to; and a
   blob folder that could not be created raised a bare OSError. Fix: `BlobStore.put` syncs
   like a vault save and reports every disk error as `SaveFailed`.
3. JSON escapes of lone surrogates (`"\\ud800"`) passed `strict_json.loads`; the string then
   crashed the signature check (manifest) or the merge (cases.json) with UnicodeEncodeError
   instead of a `BundleError`. Found by probing the readers; the fuzz target "manifest"
   finds it within seconds on the old code. Fix: `strict_json` refuses them.
4. A ZIP entry whose deflate stream is damaged (a well-formed archive otherwise) raised
   zlib.error out of `read_zip` instead of a `BundleFormatError`. Found by the fuzz target
   "bundle-zip". Fix: `archive._read_member` catches it.
5. A ZIP whose central directory asks for a "version needed to extract" above 6.3 raised
   NotImplementedError out of `read_zip` (bundles) and `read_sheet` (XLSX). Found by the
   fuzz target "bundle-zip" (atheris engine). Fix: both catch it.
"""

from __future__ import annotations

import errno
import io
import json
import os
import stat
import struct
import zipfile
from pathlib import Path

import pyrage
import pytest

from casetracker.services.sharing import SharingService
from casetracker.services.workspace import Workspace
from casetracker.sharing import bundle as bundle_format
from casetracker.sharing import spreadsheet, strict_json
from casetracker.sharing.archive import read_zip
from casetracker.sharing.errors import BundleFormatError, SpreadsheetError
from casetracker.sharing.keys import SigningKey
from casetracker.storage import backups, envelope, key_slots
from casetracker.storage.blob_store import BlobStore
from casetracker.storage.errors import SaveFailed, WrongRecoveryKey
from casetracker.storage.kdf import FLOOR
from casetracker.storage.key_slots import KekCache
from casetracker.storage.vault_file import VaultFile
from tests.conftest import PASSPHRASE
from torture.probe import files_opened_by

NEW = "the passphrase after the change"


def _vault_with_backups(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "vault" / "org.ctvault"
    vault, recovery = VaultFile.create(path, PASSPHRASE, b"first", kdf=FLOOR)
    with vault:
        for i in range(4):
            vault.save(f"save {i}".encode())
    return path, recovery


def test_a_passphrase_change_cut_short_is_finished_at_the_next_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = _vault_with_backups(tmp_path)
    # As if killed right after the main file was replaced, before any backup was re-keyed.
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault, monkeypatch.context() as patch:
        patch.setattr(VaultFile, "_rekey_backups", lambda self: None)
        vault.change_passphrase(NEW, kdf=FLOOR)
    cache = KekCache()
    assert files_opened_by(path, PASSPHRASE, cache) != []  # the state a crash leaves
    VaultFile.open(path, passphrase=NEW).close()
    assert files_opened_by(path, PASSPHRASE, cache) == []
    assert len(files_opened_by(path, NEW, cache)) == 1 + len(backups.all_backup_paths(path))


def test_a_recovery_key_replacement_cut_short_is_finished_at_the_next_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, old_key = _vault_with_backups(tmp_path)
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault, monkeypatch.context() as patch:
        patch.setattr(VaultFile, "_rekey_backups", lambda self: None)
        new_key = vault.replace_recovery_key()
    VaultFile.open(path, recovery_key=new_key).close()
    assert backups.all_backup_paths(path)
    for backup in backups.all_backup_paths(path):
        header = envelope.parse(backup.read_bytes()).header
        with pytest.raises(WrongRecoveryKey):
            key_slots.unlock(header.slots, header.vault_id, recovery_key=old_key)
        key_slots.unlock(header.slots, header.vault_id, recovery_key=new_key)


def test_a_blob_is_durable_before_it_is_referenced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BlobStore(tmp_path / "org.ctvault")
    synced_folders: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            synced_folders.append(info.st_ino)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    store.put(b"first blob")  # creates the folder: the vault folder must learn its name
    assert tmp_path.stat().st_ino in synced_folders
    synced_folders.clear()
    store.put(b"second blob")
    assert store.root.stat().st_ino in synced_folders


def test_a_blob_folder_that_cannot_be_made_is_a_failed_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BlobStore(tmp_path / "org.ctvault")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(SaveFailed) as caught:
        store.put(b"blob")
    assert caught.value.errno == errno.EROFS


@pytest.mark.parametrize(
    "text",
    [
        b'{"a": "\\ud800"}',
        b'{"\\udfff": 1}',
        b'["ok", ["\\ud83d"]]',
        b'{"a": "x\\udc80y"}',
    ],
)
def test_lone_surrogate_escapes_are_refused_as_bundle_errors(text: bytes) -> None:
    with pytest.raises(BundleFormatError, match="not valid Unicode"):
        strict_json.loads(text, what="x", max_bytes=1000)


def test_a_proper_surrogate_pair_escape_is_still_read() -> None:
    assert strict_json.loads(b'["\\ud83d\\ude00"]', what="x", max_bytes=100) == ["😀"]


def _members(data: bytes, receiver: SharingService) -> dict[str, bytes]:
    plain = pyrage.decrypt(data, [receiver._identity()])
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def test_a_signed_bundle_with_a_lone_surrogate_is_refused_and_changes_nothing(
    tmp_path: Path,
) -> None:
    sender = Workspace.create(tmp_path / "a" / "a.ctvault", PASSPHRASE, kdf=FLOOR)[0]
    receiver = Workspace.create(tmp_path / "b" / "b.ctvault", PASSPHRASE, kdf=FLOOR)[0]
    try:
        sender.cases.create("Иван", notes="fine")
        out, into = SharingService(sender), SharingService(receiver)
        data = out.export(
            out.select_cases(everything=True),
            profile="lawyer",
            recipients=[into.keys().age_public_key],
            without_consent_reason="not about consent",
        ).data
        members = _members(data, into)
        document = json.loads(members["cases.json"])
        document["records"]["cases"][0]["notes"] = "bad \ud800 text"
        members["cases.json"] = json.dumps(document).encode()  # ASCII: "\ud800" escaped
        del members["manifest.json"]
        forged = bundle_format.seal(  # signed by the sender: only the content is hostile
            members,
            key=SigningKey(out._org_keys().signing_key),
            profile="lawyer",
            counts={},
            recipients=[pyrage.x25519.Recipient.from_str(into.keys().age_public_key)],
        )
        receiver.save()
        with pytest.raises(BundleFormatError, match="not valid Unicode"):
            into.import_bundle(into.open(forged))
        assert receiver.cases.count() == 0 and not receiver.dirty
    finally:
        sender.close(save=False)
        receiver.close(save=False)


def test_a_damaged_deflate_stream_inside_a_bundle_zip_is_a_bundle_error() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("cases.json", b'{"format": "casetracker-cases"}' * 50)
    data = bytearray(buffer.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.infolist()[0]
    name_len, extra_len = struct.unpack(
        "<HH", data[info.header_offset + 26 : info.header_offset + 30]
    )
    start = info.header_offset + 30 + name_len + extra_len
    data[start : start + 5] = b"\x00\x01\x00\x01\x00"  # a stored block whose length lies
    with pytest.raises(BundleFormatError, match="damaged"):
        read_zip(bytes(data))


def _zip_needing_version(version: int, name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, b"{}")
    data = bytearray(buffer.getvalue())
    central = data.rfind(b"PK\x01\x02")
    data[central + 6 : central + 8] = version.to_bytes(2, "little")  # "version needed"
    return bytes(data)


def test_a_zip_from_a_future_zip_version_is_a_bundle_error() -> None:
    with pytest.raises(BundleFormatError):
        read_zip(_zip_needing_version(99, "cases.json"))


def test_an_xlsx_from_a_future_zip_version_is_a_spreadsheet_error() -> None:
    with pytest.raises(SpreadsheetError):
        spreadsheet.read_sheet(_zip_needing_version(99, "xl/workbook.xml"), "cases.xlsx")
