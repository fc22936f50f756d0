"""Letters as files: ODT and DOCX are well-formed ZIPs of XML that keep every character of the
text as text; the PDF holds the Cyrillic text with its font embedded."""

import io
import zipfile
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeXml
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casetracker.sharing.letter_documents import (
    LetterFormat,
    paragraphs,
    render,
    render_docx,
    render_odt,
    render_pdf,
    suggested_name,
)
from tests.sharing.pdf_text import pdf_pages, pdf_text, squeezed

NAME = "Иванов Иван Иванович"
LETTER = f"""Кому: Военная прокуратура
ОБРАЩЕНИЕ

Прошу сообщить, где находится {NAME}.
\tПриложение:  копия <паспорта> & "справка" ]]> {{}}"""

_ODT_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}text"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _odt_lines(data: bytes) -> list[str]:
    root = SafeXml.fromstring(_members(data)["content.xml"])
    body = root.find(f".//{_ODT_TEXT}")
    assert body is not None

    def text_of(node: Element) -> str:
        out = node.text or ""
        for child in node:
            if child.tag == f"{_T}s":
                out += " " * int(child.get(f"{_T}c", "1"))
            elif child.tag == f"{_T}tab":
                out += "\t"
            out += child.tail or ""
        return out

    return [text_of(p) for p in body.iter(f"{_T}p")]


def _docx_lines(data: bytes) -> list[str]:
    root = SafeXml.fromstring(_members(data)["word/document.xml"])
    lines = []
    for paragraph in root.iter(f"{_W}p"):
        text = ""
        for node in paragraph.iter():
            if node.tag == f"{_W}t":
                text += node.text or ""
            elif node.tag == f"{_W}tab":
                text += "\t"
        lines.append(text)
    return lines


def test_odt_starts_with_its_stored_mimetype_and_parses() -> None:
    data = render_odt(LETTER, title="Обращение")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        names = archive.namelist()
    assert data[30:38] == b"mimetype"  # readers know the file by these bytes
    assert {"content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"} <= set(names)
    for name in ("content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"):
        SafeXml.fromstring(_members(data)[name])
    assert _odt_lines(data) == LETTER.split("\n")
    assert "Обращение" in _members(data)["meta.xml"].decode()


def test_docx_has_its_parts_and_keeps_the_text() -> None:
    data = render_docx(LETTER, title="Обращение")
    members = _members(data)
    assert {
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
    } <= set(members)
    for content in members.values():
        SafeXml.fromstring(content)
    assert _docx_lines(data) == LETTER.split("\n")
    assert NAME.encode() in members["word/document.xml"]


def test_a_line_of_capitals_is_a_centred_heading() -> None:
    assert [p.heading for p in paragraphs(LETTER)] == [False, True, False, False, False]
    assert b'<w:jc w:val="center"/><' in _members(render_docx(LETTER))["word/document.xml"]


def test_the_pdf_holds_the_cyrillic_text_with_its_font_embedded() -> None:
    data = render_pdf(LETTER, title="Обращение")
    assert data.startswith(b"%PDF")
    assert b"/FontFile2" in data  # TrueType font program inside the file
    text = squeezed(pdf_text(data))
    assert squeezed(f"Прошу сообщить, где находится {NAME}.") in text
    assert squeezed('копия <паспорта> & "справка"') in text


def test_characters_xml_cannot_hold_are_dropped_not_fatal() -> None:
    text = "Иван\x00\x07\x1b\ud800 Петров\x0c"
    for fmt in (LetterFormat.ODT, LetterFormat.DOCX):
        data = render(text, fmt)
        lines = _odt_lines(data) if fmt is LetterFormat.ODT else _docx_lines(data)
        assert lines == ["Иван Петров"]


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=80))
def test_any_text_survives_odt_and_docx_as_text(text: str) -> None:
    expected = [p.text for p in paragraphs(text)]
    assert _odt_lines(render_odt(text)) == expected
    assert _docx_lines(render_docx(text)) == expected


@pytest.mark.parametrize("fmt", list(LetterFormat))
def test_a_suggested_file_name_names_no_one(fmt: LetterFormat) -> None:
    name = suggested_name("CT-0042", "military_prosecutor", fmt)
    assert name.startswith("CT-0042-military_prosecutor-")
    assert name.endswith("." + fmt.value)


@pytest.mark.parametrize("fmt", list(LetterFormat))
def test_a_letter_file_does_not_say_which_program_or_person_made_it(fmt: LetterFormat) -> None:
    data = render(LETTER, fmt, title="Обращение")
    if fmt is LetterFormat.PDF:
        assert b"Casetracker" not in data
        return
    for name, content in _members(data).items():
        assert b"Casetracker" not in content, name
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_a_letter_over_a_page_numbers_its_pages_a_short_one_does_not() -> None:
    long_letter = "\n\n".join(f"Абзац {n}: " + "текст письма " * 40 for n in range(12))
    pages = pdf_pages(render_pdf(long_letter))
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert squeezed(page).endswith(str(number)), number
    (short,) = pdf_pages(render_pdf("Короткое письмо"))
    assert squeezed(short) == squeezed("Короткое письмо")
