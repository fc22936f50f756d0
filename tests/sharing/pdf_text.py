"""Just enough of a PDF reader to search the dossier's text (no pdftotext on CI machines).

Qt writes each font as a Type0 font with a ``ToUnicode`` CMap and draws text as hex glyph
codes (``<0012> Tj``) after selecting the font (``/F11 300 Tf``). This follows the page
resources to each font's CMap and decodes every text-showing operator; good enough to prove a
string is present or absent, not a general PDF parser.
"""

import re
import zlib

_OBJ = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_FONT_REF = re.compile(rb"/(F\d+) (\d+) 0 R")
_TOUNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_TEXT_OP = re.compile(rb"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]+)>\s*Tj|\[([^\]]*)\]\s*TJ|(ET)")


def _objects(data: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Object number -> (dictionary text, decompressed stream or None)."""
    objects: dict[int, tuple[bytes, bytes | None]] = {}
    for match in _OBJ.finditer(data):
        body = match.group(2)
        at = body.find(b"stream")
        if at < 0:
            objects[int(match.group(1))] = (body, None)
            continue
        head, raw = body[:at], body[at + len(b"stream") :].lstrip(b"\r\n")
        raw = raw[: raw.rfind(b"endstream")]
        if b"FlateDecode" in head:
            raw = zlib.decompressobj().decompress(raw)
        objects[int(match.group(1))] = (head, raw)
    return objects


def _cmap(stream: bytes) -> dict[int, str]:
    table: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be", "replace")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", stream, re.S):
        for lo, hi, rest in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block
        ):
            start, end = int(lo, 16), int(hi, 16)
            if rest.startswith(b"["):
                targets = re.findall(rb"<([0-9A-Fa-f]+)>", rest)
                for i, dst in enumerate(targets[: end - start + 1]):
                    table[start + i] = bytes.fromhex(dst.decode()).decode("utf-16-be", "replace")
            else:
                first = int(rest.strip(b"<>"), 16)
                for i in range(end - start + 1):
                    table[start + i] = chr(first + i)
    return table


_PAGE = re.compile(rb"/Type\s*/Page\b")
_CONTENTS = re.compile(rb"/Contents (\d+) 0 R")


def _fonts(objects: dict[int, tuple[bytes, bytes | None]]) -> dict[bytes, dict[int, str]]:
    fonts: dict[bytes, dict[int, str]] = {}
    for head, _stream in objects.values():
        for name, number in _FONT_REF.findall(head):
            font_head = objects.get(int(number), (b"", None))[0]
            ref = _TOUNICODE.search(font_head)
            if ref:
                stream = objects.get(int(ref.group(1)), (b"", None))[1] or b""
                fonts[name] = _cmap(stream)
    return fonts


def _decode(stream: bytes, fonts: dict[bytes, dict[int, str]]) -> str:
    out: list[str] = []
    table: dict[int, str] = {}
    for match in _TEXT_OP.finditer(stream):
        font, hexed, array, end = match.groups()
        if font:
            table = fonts.get(font, {})
        elif end:
            out.append("\n")
        else:
            for chunk in [hexed] if hexed else re.findall(rb"<([0-9A-Fa-f]+)>", array):
                code = chunk.decode()
                for i in range(0, len(code), 4):
                    out.append(table.get(int(code[i : i + 4], 16), "\ufffd"))
    return "".join(out)


def pdf_text(data: bytes) -> str:
    objects = _objects(data)
    fonts = _fonts(objects)
    return "".join(
        _decode(stream, fonts) for _head, stream in objects.values() if stream and b"Tf" in stream
    )


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page, in page order (Qt writes the page objects in that order)."""
    objects = _objects(data)
    fonts = _fonts(objects)
    pages = []
    for _number, (head, _stream) in sorted(objects.items()):
        contents = _CONTENTS.search(head)
        if _PAGE.search(head) and contents:
            pages.append(_decode(objects[int(contents.group(1))][1] or b"", fonts))
    return pages


def squeezed(text: str) -> str:
    """Without any whitespace: glyph runs do not always carry the spaces between words."""
    return "".join(text.split()).casefold()
