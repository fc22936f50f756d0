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


def pdf_text(data: bytes) -> str:
    objects = _objects(data)
    fonts: dict[bytes, dict[int, str]] = {}
    for head, _stream in objects.values():
        for name, number in _FONT_REF.findall(head):
            font_head = objects.get(int(number), (b"", None))[0]
            ref = _TOUNICODE.search(font_head)
            if ref:
                stream = objects.get(int(ref.group(1)), (b"", None))[1] or b""
                fonts[name] = _cmap(stream)
    out: list[str] = []
    for _head, stream in objects.values():
        if not stream or b"Tf" not in stream:
            continue
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


def squeezed(text: str) -> str:
    """Without any whitespace: glyph runs do not always carry the spaces between words."""
    return "".join(text.split()).casefold()
