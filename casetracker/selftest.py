"""``casetracker --self-test``: prove an installed copy works end to end, without a display.

Installers run it after building (CI) and after installing (``installer/build.py --smoke``);
a caseworker can run it when something seems broken. It touches no real vault and no settings:

1. creates an encrypted vault in a fresh private temporary folder (KDF floor, random passphrase);
2. adds a fictional case with a Cyrillic name, a place, a contact from long ago and the man's
   consent to his lawyer seeing it;
3. saves, closes and reopens the vault (Argon2id, AES-GCM, the SQLite snapshot);
4. evaluates the rules and expects ``lost_contact`` for that case;
5. exports a signed bundle for a throw-away age key (pyrage), with the PDF dossier made by
   Qt's PDF writer (offscreen), then decrypts and verifies it in memory;
6. checks the dossier embeds a font that drew the Cyrillic name;
7. checks nothing readable was left in the temporary folder, then deletes it.

Decrypted data only ever exists in memory; the temporary folder holds only the encrypted vault,
its lock and its encrypted backups. Each step prints one line; the exit code is 0 when all pass.
"""

import os
import re
import secrets
import shutil
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TextIO

from casetracker import __version__

EXIT_OK = 0
EXIT_FAILED = 1

# Fictional; chosen so the dossier needs Cyrillic glyphs beyond the Latin look-alikes.
CASE_NAME = "Їжак Щербина Юрій Ёлкин"
PLACE_NAME = "СИЗО-1 Жёлтая"
# Letters that must have been drawn (mapped back to Unicode) in the dossier.
CYRILLIC_PROBE = "ЇЖЩЮЁж"
# Old enough to raise lost_contact at any sensible threshold.
SILENT_DAYS = 400


class SelfTestFailed(Exception):
    """A check did not hold; the message says which."""


def prepare_environment() -> None:
    """Headless Qt before anything imports it.

    Linux and macOS use Qt's offscreen platform (it reads fonts through fontconfig/CoreText).
    On Windows the offscreen platform has no font database, so the normal one is kept: the
    dossier only needs a ``QGuiApplication``, and no window is ever shown.
    """
    if sys.platform != "win32":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def describe_build() -> str:
    """One line: our version, frozen or not, and the versions of the parts that matter."""
    parts = [f"casetracker {__version__}"]
    parts.append("frozen" if getattr(sys, "frozen", False) else "from source")
    parts.append(f"Python {sys.version.split()[0]}")
    try:
        import PySide6

        parts.append(f"PySide6 {PySide6.__version__}")
    except ImportError:  # pragma: no cover - reported by the export step instead
        parts.append("PySide6 missing")
    try:
        from importlib.metadata import version

        parts.append(f"pyrage {version('pyrage')}")
    except Exception:  # metadata may be stripped from a frozen build; not a failure
        pass
    return ", ".join(parts)


class Reporter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def line(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()

    @contextmanager
    def step(self, title: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        except Exception as exc:
            self.line(f"  FAIL {title}: {type(exc).__name__}: {exc}")
            raise SelfTestFailed(title) from exc
        self.line(f"  ok   {title} ({time.perf_counter() - started:.2f} s)")


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailed(message)


def run(stream: TextIO | None = None) -> int:
    """Run every step; 0 when all passed, 1 otherwise. Never leaves the temporary folder."""
    out = Reporter(stream or sys.stdout)
    prepare_environment()
    out.line(f"Self-test of {describe_build()}")
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="casetracker-selftest-"))
    try:
        _steps(out, folder)
    except SelfTestFailed:
        out.line("Self-test FAILED.")
        return EXIT_FAILED
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if folder.exists():
        out.line(f"Self-test FAILED: could not remove {folder}.")
        return EXIT_FAILED
    out.line(f"Self-test passed in {time.perf_counter() - started:.1f} s.")
    return EXIT_OK


def _steps(out: Reporter, folder: Path) -> None:
    from pyrage import x25519

    from casetracker.model import CaseStatus, Channel
    from casetracker.model.consent import Audience
    from casetracker.services.consent import ConsentService
    from casetracker.services.sharing import SharingService
    from casetracker.services.workspace import Workspace
    from casetracker.sharing.bundle import CASES, DOSSIER, open_bundle
    from casetracker.storage.kdf import FLOOR

    vault = folder / "selftest.ctvault"
    passphrase = secrets.token_urlsafe(24)
    today = date.today()
    heard = datetime.combine(today - timedelta(days=SILENT_DAYS), datetime.min.time())

    with out.step("create an encrypted vault"):
        ws, _recovery = Workspace.create(vault, passphrase, kdf=FLOOR, actor="self-test")
    try:
        with out.step("add a case, a place and a contact"):
            case = ws.cases.create(
                CASE_NAME,
                status=CaseStatus.DETAINED,
                status_on=heard.date(),
                detention_date=heard.date(),
            )
            ref = case.ref
            place = ws.facilities.create(PLACE_NAME)
            ws.custody.move(ref, place.id, since=heard.date())
            ws.contacts.log(ref, heard, direct=True, channel=Channel.CALL, note="Самопроверка")
            # He agreed to his lawyer seeing the case: the export checks consent first.
            ConsentService(ws).give(ref, Audience.LAWYER, heard.date())
        with out.step("save, close and reopen the vault"):
            ws.save()
            ws.close()
            ws = Workspace.open(vault, passphrase=passphrase, actor="self-test")
            check(ws.cases.count() == 1, "the reopened vault does not hold the case")
        with out.step("evaluate the rules"):
            flags = ws.flags.evaluate(today)
            check(
                any(f.rule == "lost_contact" and f.case_ref == ref for f in flags),
                "the rules did not flag the lost contact",
            )
        recipient = x25519.Identity.generate()
        with out.step("export a signed, encrypted bundle with a PDF dossier"):
            sharing = SharingService(ws)
            exported = sharing.export(
                sharing.select_cases(refs=[ref]),
                profile="lawyer",
                recipients=[str(recipient.to_public())],
            )
            check(exported.counts.get("cases") == 1, "the bundle does not count one case")
            check(CASE_NAME.encode() not in exported.data, "the bundle is not encrypted")
        with out.step("decrypt and verify the bundle in memory"):
            opened = open_bundle(exported.data, identities=[recipient])
            names = [r.values.get("full_name") for r in opened.document.of("cases")]
            check(names == [CASE_NAME], "the decrypted bundle does not hold the case")
            check(CASES in opened.members, "cases.json is missing")
        with out.step("check the dossier draws Cyrillic with an embedded font"):
            check_dossier(opened.members.get(DOSSIER, b""))
    finally:
        ws.close(save=False)  # idempotent; nothing left to keep
    with out.step("check nothing readable was left on disk"):
        leaks = files_containing(folder, [CASE_NAME, PLACE_NAME, "Самопроверка"])
        check(not leaks, "plaintext found in " + ", ".join(leaks))


# -- the PDF ---------------------------------------------------------------------------------
_OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_PAIR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def pdf_streams(pdf: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(dictionary, decompressed stream) of every stream object; enough for Qt's own PDFs."""
    for match in _OBJECT.finditer(pdf):
        body = match.group(2)
        at = body.find(b"stream")
        if at < 0:
            continue
        head, raw = body[:at], body[at + len(b"stream") :].lstrip(b"\r\n")
        raw = raw[: raw.rfind(b"endstream")]
        if b"FlateDecode" in head:
            try:
                raw = zlib.decompressobj().decompress(raw)
            except zlib.error:
                continue
        yield head, raw


def drawn_characters(pdf: bytes) -> set[str]:
    """Characters the PDF maps back from real glyphs (``ToUnicode`` CMaps; glyph 0 excluded).

    Qt embeds only the glyphs it drew, so a character here was drawn from an embedded font;
    a missing glyph would be drawn as glyph 0 (.notdef) and is not counted.
    """
    found: set[str] = set()

    def add(glyph: int, target: bytes) -> None:
        if glyph != 0:
            found.update(bytes.fromhex(target.decode()).decode("utf-16-be", "replace"))

    for _head, stream in pdf_streams(pdf):
        for block in _BFCHAR.findall(stream):
            for src, dst in _PAIR.findall(block):
                add(int(src, 16), dst)
        for block in _BFRANGE.findall(stream):
            for low, high, targets in _RANGE.findall(block):
                glyphs = range(int(low, 16), int(high, 16) + 1)
                if targets.startswith(b"["):  # one target per glyph
                    for glyph, target in zip(glyphs, _HEX.findall(targets), strict=False):
                        add(glyph, target)
                else:  # consecutive code points from the first
                    first = int(targets.strip(b"<>"), 16)
                    for offset, glyph in enumerate(glyphs):
                        add(glyph, f"{first + offset:04X}".encode())
    return found


def check_dossier(pdf: bytes) -> None:
    check(pdf.startswith(b"%PDF-"), "the dossier is not a PDF")
    check(b"/FontFile2" in pdf or b"/FontFile3" in pdf, "the dossier embeds no font")
    missing = sorted(set(CYRILLIC_PROBE) - drawn_characters(pdf))
    check(not missing, "the dossier could not draw " + "".join(missing) + " (no Cyrillic font?)")


# -- the temporary folder --------------------------------------------------------------------
def files_containing(root: Path, needles: list[str]) -> list[str]:
    """Files under ``root`` holding any needle in UTF-8 or UTF-16."""
    patterns = [n.encode(enc) for n in needles for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    return [
        path.name
        for path in root.rglob("*")
        if path.is_file()
        and not path.is_symlink()
        and any(p in path.read_bytes() for p in patterns)
    ]


if __name__ == "__main__":
    sys.exit(run())
