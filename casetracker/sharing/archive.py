"""The ZIP inside a bundle: written plainly, read as hostile.

A bundle holds only names we write ourselves (``MEMBER_NAME``), so reading refuses anything
else before looking at content: absolute paths, ``..``, backslashes, drive letters, control
characters, directories, symbolic links and other special files, duplicate names (also ones
that differ only in letter case, which collide on Windows and macOS), encrypted entries,
unknown compression, and sizes or compression ratios beyond the limits (zip bombs). Sizes are
enforced while decompressing, not taken on trust from the headers.

The member count is checked before ``zipfile`` lists the members: it builds some 375 bytes of
objects for every entry of the central directory (measured: a million 56-byte entries, 375 MB),
and a 512 MB bundle of such entries lists some 9 million (about 3.4 GB). So the directory that
``zipfile`` is about to read is first held to ``max_directory_bytes`` and its entry signatures
counted (docs/formats.md).
"""

import io
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from casetracker.i18n import translate
from casetracker.sharing.errors import BundleFormatError, HostileArchive, shown_name, too_large
from casetracker.storage.atomic_write import write_new_file

# The only member names a bundle may hold.
MEMBER_NAME = re.compile(
    r"manifest\.json|cases\.json|dossier\.pdf"
    r"|attachments/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.[a-z0-9]{1,8})?"
)
# Fixed timestamp for every member: the manifest carries the real date.
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
# Fields of zipfile's end record (``_ECD_SIZE``, ``_ECD_LOCATION``), and what a ZIP64 end
# record and its locator add between the directory and that location.
_END_SIZE = 5
_END_LOCATION = 9
_ZIP64_END_BYTES = 56 + 20
# zipfile's own reader of the end record (private, so not in the type stubs): using it, the
# check below reads the very directory zipfile will.
_END_RECORD: Callable[[IO[bytes]], list[Any] | None] = getattr(zipfile, "_EndRecData")  # noqa: B009
_CHUNK = 1024 * 1024


# What one central-directory entry of ours takes: 46 bytes of header, a name of at most 120,
# and room for the extra fields another ZIP tool may add.
DIRECTORY_ENTRY_BYTES = 512
_DIRECTORY_ENTRY = b"PK\x01\x02"


@dataclass(frozen=True)
class ArchiveLimits:
    max_members: int = 10_000
    # cases.json of 20,000 cases is about 275 MB; bundle_schema.MAX_JSON_BYTES is its ceiling.
    max_member_bytes: int = 512 * 1024 * 1024
    max_total_bytes: int = 1024 * 1024 * 1024
    # Uncompressed / compressed beyond this, for members over ``ratio_floor`` bytes, is a bomb.
    max_ratio: int = 200
    ratio_floor: int = 1024 * 1024

    @property
    def max_directory_bytes(self) -> int:
        return self.max_members * DIRECTORY_ENTRY_BYTES


DEFAULT_LIMITS = ArchiveLimits()


def write_zip(members: Iterable[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            check_member_name(name)
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o600) << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def check_member_name(untrusted_name: str) -> str:
    """The name if it is one a bundle may hold; HostileArchive otherwise."""
    name = untrusted_name
    if (
        not name
        or len(name) > 120
        or name.startswith(("/", "\\"))
        or "\\" in name
        or ":" in name
        or any(not ch.isprintable() for ch in name)
        or any(part in {"", ".", ".."} for part in name.split("/"))
    ):
        raise HostileArchive(
            translate(
                "sharing", "The bundle holds an unsafe file name ({name}); nothing was opened."
            ).format(name=shown_name(untrusted_name))
        )
    if not MEMBER_NAME.fullmatch(name):
        raise HostileArchive(
            translate(
                "sharing", "The bundle holds an unexpected file ({name}); nothing was opened."
            ).format(name=shown_name(untrusted_name))
        )
    return name


def read_zip(untrusted: bytes, limits: ArchiveLimits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """Every member, checked by name, type and size; in archive order."""
    _check_directory(untrusted, limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(untrusted))
    # NotImplementedError: a ZIP feature zipfile lacks (a "version needed" above 6.3, …)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError):
        raise BundleFormatError(
            translate(
                "sharing", "The decrypted content is not a bundle (no valid ZIP archive inside)."
            )
        ) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_members:
            raise HostileArchive(translate("sharing", "The bundle holds too many files."))
        seen: set[str] = set()
        declared_total = 0
        for info in infos:
            name = _check_entry(info, limits)
            folded = name.casefold()
            if folded in seen:
                raise HostileArchive(
                    translate(
                        "sharing", "The bundle holds the file {name} twice; nothing was opened."
                    ).format(name=name)
                )
            seen.add(folded)
            declared_total += info.file_size
            if declared_total > limits.max_total_bytes:
                raise HostileArchive(
                    too_large(translate("sharing", "The bundle's content"), limits.max_total_bytes)
                )
        members: dict[str, bytes] = {}
        total = 0
        for info in infos:
            data = _read_member(archive, info, limits)
            total += len(data)
            if total > limits.max_total_bytes:
                raise HostileArchive(
                    too_large(translate("sharing", "The bundle's content"), limits.max_total_bytes)
                )
            members[info.filename] = data
    return members


def _check_directory(untrusted: bytes, limits: ArchiveLimits) -> None:
    """Refuse a central directory with more entries than ``limits`` allow, before ``zipfile``
    builds an object for each. The directory is found by zipfile's own end-record reader, so
    both read the same bytes: it ends where that record (or its ZIP64 form, 76 bytes more)
    starts. Every entry zipfile lists begins with a signature inside those bytes, so counting
    the signatures bounds the entries, whatever the end record's count claims."""
    end_record = _END_RECORD(io.BytesIO(untrusted))
    if not end_record:
        return  # not a ZIP: zipfile says so next
    size, location = end_record[_END_SIZE], end_record[_END_LOCATION]
    if size > limits.max_directory_bytes:
        raise HostileArchive(translate("sharing", "The bundle holds too many files."))
    start = max(0, location - size - _ZIP64_END_BYTES)
    if untrusted.count(_DIRECTORY_ENTRY, start, location) > limits.max_members:
        raise HostileArchive(translate("sharing", "The bundle holds too many files."))


def _check_entry(info: zipfile.ZipInfo, limits: ArchiveLimits) -> str:
    name = check_member_name(info.filename)
    kind = stat.S_IFMT(info.external_attr >> 16)  # 0 when the tool recorded no file type
    if info.is_dir() or (kind and kind != stat.S_IFREG):
        raise HostileArchive(
            translate(
                "sharing", "The bundle holds a link or special file ({name}); nothing was opened."
            ).format(name=name)
        )
    if info.flag_bits & 0x1:
        raise HostileArchive(translate("sharing", "The bundle holds an encrypted ZIP entry."))
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise HostileArchive(translate("sharing", "The bundle uses an unsupported compression."))
    if info.file_size > limits.max_member_bytes:
        raise HostileArchive(too_large(name, limits.max_member_bytes))
    if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(
        info.compress_size, 1
    ):
        raise HostileArchive(
            translate(
                "sharing", "{name} expands far more than real data does (a zip bomb?)."
            ).format(name=name)
        )
    return name


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ArchiveLimits) -> bytes:
    cap = min(info.file_size, limits.max_member_bytes)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > cap:
                    raise HostileArchive(
                        translate("sharing", "{name} is larger than its header says.").format(
                            name=info.filename
                        )
                    )
                chunks.append(chunk)
    except (
        zipfile.BadZipFile,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,
        zlib.error,
    ) as exc:  # zlib.error: a deflate stream damaged inside a well-formed entry
        raise BundleFormatError(
            translate("sharing", "The file {name} inside the bundle is damaged ({reason}).").format(
                name=info.filename, reason=type(exc).__name__
            )
        ) from None
    except RuntimeError:  # zipfile: "File … is encrypted"
        raise HostileArchive(
            translate("sharing", "The bundle holds an encrypted ZIP entry.")
        ) from None
    return b"".join(chunks)


def extract(members: dict[str, bytes], out_dir: Path) -> list[Path]:
    """Write checked members under ``out_dir`` (new or empty); never outside it, never over."""
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise BundleFormatError(
            translate(
                "sharing", "The output folder must be new or empty, so nothing is overwritten."
            )
        )
    out_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    root = out_dir.resolve()
    written: list[Path] = []
    for name, data in members.items():
        check_member_name(name)
        target = root.joinpath(*name.split("/"))
        if root not in target.resolve().parents:
            raise HostileArchive(
                translate("sharing", "A file would land outside the output folder.")
            )
        target.parent.mkdir(mode=0o700, exist_ok=True)
        write_new_file(target, data)
        written.append(target)
    return written
