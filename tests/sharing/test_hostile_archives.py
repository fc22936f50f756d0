"""The ZIP inside a bundle is hostile until checked: names, links, duplicates, bombs."""

import io
import os
import stat
import struct
import tracemalloc
import zipfile
from datetime import datetime
from pathlib import Path

import pyrage
import pytest

from casetracker.sharing import bundle, strict_json
from casetracker.sharing.archive import ArchiveLimits, extract, read_zip, write_zip
from casetracker.sharing.bundle import open_bundle
from casetracker.sharing.errors import BundleFormatError, HostileArchive
from casetracker.sharing.keys import SigningKey

UUID = "00000000-0000-4000-8000-000000000001"


def _zip(*entries: tuple[str | zipfile.ZipInfo, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name",
    [
        "../../x",
        "../manifest.json",
        "attachments/../../x",
        "/etc/passwd",
        "/cases.json",
        "C:/Windows/x",
        "C:\\Windows\\x",
        "attachments\\..\\..\\x",
        "attachments//x",
        "./cases.json",
        "cases.json/",
        "attachments/" + UUID + ".pdf\u202ecod.exe",
        "attachments/" + UUID + "\n.pdf",
        "CASES.JSON",
        "notes.txt",
        "",
    ],
)
def test_hostile_member_names_are_refused_before_anything_is_read(name: str) -> None:
    info = zipfile.ZipInfo("placeholder")
    info.filename = name  # bypass zipfile's own cleaning: an attacker's tool would
    info.orig_filename = name
    data = _zip(("manifest.json", b"{}"), (info, b"payload"))
    with pytest.raises(HostileArchive, match=r"unsafe|unexpected"):
        read_zip(data)


def test_a_name_cut_by_a_nul_byte_is_refused() -> None:
    data = bytearray(_zip(("cases.json", b"{}"), ("dossier.pdf", b"x")))
    at = data.find(b"dossier.pdf", data.find(b"PK\x01\x02"))
    data[at + 7] = 0  # "dossie\0.pdf" in the central directory
    with pytest.raises(BundleFormatError):
        read_zip(bytes(data))


def test_a_symbolic_link_entry_is_refused() -> None:
    link = zipfile.ZipInfo(f"attachments/{UUID}.pdf")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    with pytest.raises(HostileArchive, match="link"):
        read_zip(_zip(("manifest.json", b"{}"), (link, b"/etc/passwd")))


def test_a_directory_entry_is_refused() -> None:
    folder = zipfile.ZipInfo("attachments/")
    folder.external_attr = (stat.S_IFDIR | 0o755) << 16
    with pytest.raises(HostileArchive):
        read_zip(_zip((folder, b"")))


def test_a_duplicate_name_is_refused() -> None:
    with pytest.warns(UserWarning):
        data = _zip(("cases.json", b"{}"), ("cases.json", b"[]"))
    with pytest.raises(HostileArchive, match="twice"):
        read_zip(data)


def test_a_zip_bomb_is_refused_by_its_ratio() -> None:
    limits = ArchiveLimits(max_member_bytes=64 * 1024 * 1024, ratio_floor=1024 * 1024)
    bomb = _zip(("cases.json", b"\x00" * (8 * 1024 * 1024)))
    assert len(bomb) < 64 * 1024
    with pytest.raises(HostileArchive, match="zip bomb"):
        read_zip(bomb, limits)


def _patch_sizes(data: bytes, size: int) -> bytes:
    """Claim another uncompressed size in every header (local and central)."""
    out = bytearray(data)
    at = out.find(b"PK\x03\x04")
    while at >= 0:
        struct.pack_into("<I", out, at + 22, size)
        at = out.find(b"PK\x03\x04", at + 4)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        struct.pack_into("<I", out, at + 24, size)
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def test_a_member_claiming_to_be_huge_is_refused_before_decompressing() -> None:
    data = _patch_sizes(_zip(("cases.json", b"{}" * 100)), 0xFFFF_FF00)
    with pytest.raises(HostileArchive, match="larger than the limit"):
        read_zip(data)


def test_a_member_larger_than_its_header_says_is_refused() -> None:
    data = _patch_sizes(_zip(("cases.json", b"a" * 5000)), 10)
    with pytest.raises(BundleFormatError):
        read_zip(data)


def test_too_many_members_are_refused() -> None:
    entries = [(f"attachments/00000000-0000-4000-8000-{i:012d}", b"x") for i in range(20)]
    with pytest.raises(HostileArchive, match="too many"):
        read_zip(_zip(*entries), ArchiveLimits(max_members=10))


def _directory_bomb(count: int, name: bytes = b"cases.json") -> bytes:
    """A ZIP that is nothing but a central directory of ``count`` entries (and its end record):
    all zipfile reads to list the members, a few bytes an entry."""
    entry = struct.pack(
        "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, 0, 0, 0, len(name), 0, 0, 0, 0, 0, 0
    )
    directory = (entry + name) * count
    listed = min(count, 0xFFFF)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, listed, listed, len(directory), 0, 0)
    return directory + end


@pytest.mark.parametrize(
    "count",
    [
        90_000,  # 5 MB: within the directory's byte limit, over the count
        200_000,  # 11 MB: over the byte limit (zipfile built 87 MB of entries before)
    ],
)
def test_a_directory_of_too_many_entries_is_refused_before_they_are_built(count: int) -> None:
    """An attachment-count bomb: a 512 MB bundle holds some 9 million 56-byte entries, which
    zipfile turned into some 3.4 GB of ``ZipInfo`` objects before the count was checked. The
    directory is measured and counted first; the refusal holds only the file itself."""
    identity = pyrage.x25519.Identity.generate()
    data = pyrage.encrypt(_directory_bomb(count), [identity.to_public()])
    tracemalloc.start()
    try:
        with pytest.raises(HostileArchive, match="too many files"):
            open_bundle(data, identities=[identity])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1.5 * len(data)  # the decrypted copy, nothing per entry


def test_an_encrypted_zip_entry_is_refused() -> None:
    data = bytearray(_zip(("cases.json", b"{}")))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        struct.pack_into("<H", data, at + offset, 0x1)
    with pytest.raises(HostileArchive, match="encrypted"):
        read_zip(bytes(data))


def test_garbage_is_not_a_bundle() -> None:
    with pytest.raises(BundleFormatError):
        read_zip(b"not a zip at all")


def test_hostile_names_inside_a_properly_encrypted_bundle_are_refused() -> None:
    identity = pyrage.x25519.Identity.generate()
    info = zipfile.ZipInfo("x")
    info.filename = info.orig_filename = "../../.bashrc"
    data = pyrage.encrypt(_zip(("manifest.json", b"{}"), (info, b"evil")), [identity.to_public()])
    with pytest.raises(HostileArchive):
        open_bundle(data, identities=[identity])


def test_extract_stays_inside_a_new_folder(tmp_path: Path) -> None:
    members = read_zip(write_zip([("cases.json", b"{}"), (f"attachments/{UUID}.pdf", b"%PDF")]))
    written = extract(members, tmp_path / "out")
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in written) == [
        f"attachments/{UUID}.pdf",
        "cases.json",
    ]
    if os.name == "posix":  # Windows has ACLs, not these modes
        assert (tmp_path / "out" / "cases.json").stat().st_mode & 0o077 == 0


def test_extract_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine")
    with pytest.raises(BundleFormatError, match="new or empty"):
        extract({"cases.json": b"{}"}, tmp_path / "out")
    assert (tmp_path / "out" / "keep.txt").read_text() == "mine"


def test_extract_refuses_hostile_names_even_when_called_directly(tmp_path: Path) -> None:
    with pytest.raises(HostileArchive):
        extract({"../escape.txt": b"x"}, tmp_path / "out")
    assert not (tmp_path / "escape.txt").exists()


def test_a_manifest_listing_too_many_members_is_refused_before_it_is_parsed() -> None:
    """manifest.json is read before its signature can be checked: 3.5 MB of it listing 300,000
    members took 78 MB of Python objects before the count was looked at. Its structure is
    counted first, against what 10,000 members need."""
    members = b",".join(b'"%d":{}' % i for i in range(300_000))
    hostile = b'{"format":"casetracker-bundle","version":1,"members":{%s}}' % members
    assert len(hostile) < bundle.MAX_MANIFEST_BYTES
    tracemalloc.start()
    try:
        with pytest.raises(BundleFormatError, match="more entries than a bundle can hold"):
            bundle.parse_manifest(hostile)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < len(hostile) // 10


def test_an_honest_manifest_of_a_full_archive_keeps_within_its_count() -> None:
    names = [f"attachments/00000000-0000-4000-8000-{i:012d}.jpeg" for i in range(9_997)]
    manifest = bundle.build_manifest(
        {name: b"" for name in ["cases.json", "dossier.pdf", *names]},
        key=SigningKey.generate(),
        profile="lawyer",
        counts={"attachments": 9_997, "cases": 20_000, "flags": 40_000},
        created_at=datetime(2024, 7, 19, 12, 0),
        creator_name="Фонд: правозащитный центр, Москва",
    )
    assert strict_json.tokens_at_most(manifest) < 0.8 * bundle.MAX_MANIFEST_TOKENS
    assert len(bundle.parse_manifest(manifest).members) == 9_999
