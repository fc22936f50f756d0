"""Icon containers written without image tools: .ico and .icns around PNG data."""

import struct

from installer.icons import ICNS_TYPES, icns_bytes, ico_bytes
from installer.layout import SVG_ICON


def fake_png(size: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + size.to_bytes(4, "big") * 3


def test_ico_directory_points_at_each_png() -> None:
    pngs = {16: fake_png(16), 32: fake_png(32), 256: fake_png(256)}
    data = ico_bytes(pngs)
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, 3)
    for index, size in enumerate(sorted(pngs)):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert width == height == (0 if size == 256 else size)  # 0 stands for 256
        assert (planes, bits) == (1, 32)
        assert data[offset : offset + length] == pngs[size]


def test_icns_length_fields_add_up() -> None:
    pngs = {size: fake_png(size) for size in (16, 32, 64, 128, 256, 512, 1024)}
    data = icns_bytes(pngs)
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    at, kinds = 8, []
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack_from(">I", data, at + 4)[0]
        assert data[at + 8 : at + length] == pngs[ICNS_TYPES[kind]]
        kinds.append(kind)
        at += length
    assert at == len(data)
    assert set(kinds) == set(ICNS_TYPES)


def test_icns_skips_sizes_that_were_not_rendered() -> None:
    data = icns_bytes({128: fake_png(128)})
    assert data[8:12] == b"ic07"
    assert len(data) == 8 + 8 + len(fake_png(128))


def test_the_icon_source_is_a_square_svg() -> None:
    text = SVG_ICON.read_text(encoding="utf-8")
    assert "<svg" in text and 'viewBox="0 0 256 256"' in text
