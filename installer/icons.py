"""Every icon the installers need, rendered from ``installer/assets/casetracker.svg``.

PNG files for the Linux icon theme, a Windows ``.ico`` and a macOS ``.icns`` (both holding PNG
images, which the systems have read since Windows Vista and macOS 10.7). Qt renders the SVG, so
no image tool beyond the app's own dependencies is needed, on any build machine.
"""

import os
import shutil
import struct
import sys
from collections.abc import Mapping
from pathlib import Path

from installer.layout import ICONS, SVG_ICON, BuildError

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 256)
#: ICNS element types that hold PNG data, with their pixel size.
ICNS_TYPES = {
    b"icp4": 16,
    b"icp5": 32,
    b"ic07": 128,
    b"ic08": 256,
    b"ic09": 512,
    b"ic10": 1024,
    b"ic11": 32,
    b"ic12": 64,
    b"ic13": 256,
    b"ic14": 512,
}


def render_pngs(sizes: tuple[int, ...], out: Path) -> dict[int, bytes]:
    """``casetracker-<size>.png`` for each size, drawn by Qt from the SVG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SVG_ICON))
    if not renderer.isValid():
        raise BuildError(f"{SVG_ICON} is not a valid SVG")
    out.mkdir(parents=True, exist_ok=True)
    pngs: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out / f"casetracker-{size}.png"
        if not image.save(str(path)):
            raise BuildError(f"Qt could not write {path}")
        pngs[size] = path.read_bytes()
    return pngs


def render_all(out: Path = ICONS) -> None:
    """PNGs, casetracker.png (256 px), casetracker.svg, .ico and .icns into ``out``."""
    pngs = render_pngs((*SIZES, 1024), out)
    shutil.copyfile(out / "casetracker-256.png", out / "casetracker.png")
    shutil.copyfile(SVG_ICON, out / "casetracker.svg")
    (out / "casetracker.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (out / "casetracker.icns").write_bytes(icns_bytes(pngs))


def ico_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """A Windows icon file whose images are PNG data."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    entries, blobs = b"", b""
    offset = len(header) + 16 * len(pngs)
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 pixels
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def icns_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """A macOS icon file of PNG elements, one per type whose size was rendered."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES.items()
        if size in pngs
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body
