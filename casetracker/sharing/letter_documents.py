"""A filled letter as a file to print and sign: PDF, OpenDocument text (.odt) or Word (.docx).

Each returns bytes; writing them to a file is the front end's job, only when the caseworker
asks (a Save dialog, ``--out``). The letter's text is data: in ODT and DOCX it is XML-escaped
into plain text runs (no fields, macros or links, so nothing in a template can run on opening),
characters XML cannot hold are dropped, and Cyrillic is UTF-8 throughout. ODT and DOCX are
written with the standard library (a ZIP of a few XML parts), no office library. The PDF is
drawn by Qt behind ``render_pdf``, as the dossier is, with the font embedded (DejaVu on Linux),
so it prints the same on any machine.

A letter may be sent by e-mail or through an online reception, so the files say nothing of
who made them: no author, no "Casetracker" as the creating program, and every ZIP member
carries the same fixed time; the only title is the template's.

A line of capitals (the title, «ОБРАЩЕНИЕ») is centred and bold; every other line is a
paragraph as written, blank lines kept.
"""

import html
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from xml.sax.saxutils import escape

from casetracker.sharing.dossier_pdf import _ensure_app


class LetterFormat(StrEnum):
    PDF = "pdf"
    ODT = "odt"
    DOCX = "docx"


# Serif faces a letter is printed in, the first installed one wins (DejaVu ships on Linux).
SERIF_FAMILIES = ["Times New Roman", "Liberation Serif", "DejaVu Serif", "Noto Serif", "serif"]
FONT_POINTS = 12
# Every character XML 1.0 cannot hold (control characters but tab and newline, surrogates…).
_NOT_XML = re.compile("[^\t\n\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Paragraph:
    text: str
    heading: bool = False


def paragraphs(text: str) -> list[Paragraph]:
    """The letter's lines as paragraphs; a line of capitals is a heading."""
    clean = _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    out = []
    for line in clean.split("\n"):
        letters = [c for c in line if c.isalpha()]
        heading = len(letters) >= 4 and all(c.isupper() for c in letters)
        out.append(Paragraph(line.rstrip(), heading))
    while out and not out[-1].text:
        out.pop()
    return out


def render(text: str, fmt: LetterFormat | str, *, title: str = "") -> bytes:
    """``text`` as a document of format ``fmt``."""
    match LetterFormat(fmt):
        case LetterFormat.PDF:
            return render_pdf(text, title=title)
        case LetterFormat.ODT:
            return render_odt(text, title=title)
        case LetterFormat.DOCX:
            return render_docx(text, title=title)


# -- ZIP parts ------------------------------------------------------------------------------
# One fixed time in every member: the file says nothing of when or where it was made.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _zip(members: list[tuple[str, str]], *, stored_first: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index, (name, content) in enumerate(members):
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            stored = stored_first and index == 0
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8"))
    return buffer.getvalue()


def _attribute(value: str) -> str:
    return escape(_NOT_XML.sub("", value), {'"': "&quot;"})


def _runs(text: str, tab: str) -> str:
    """Escaped text with tabs as ``tab``."""
    return tab.join(escape(part) for part in text.split("\t"))


# -- OpenDocument ---------------------------------------------------------------------------
_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'office:version="1.3"'
)


def _odt_text(text: str) -> str:
    """Runs of spaces kept (``text:s``), tabs as ``text:tab``: ODF collapses plain spaces."""

    def spaces(match: re.Match[str]) -> str:
        return f' <text:s text:c="{len(match.group(0)) - 1}"/>'

    escaped = _runs(text, "<text:tab/>")
    escaped = re.sub(r"^ ", '<text:s text:c="1"/>', escaped)
    return re.sub(r" {2,}", spaces, escaped)


def render_odt(text: str, *, title: str = "") -> bytes:
    body = "".join(
        f'<text:p text:style-name="{"Heading" if p.heading else "Letter"}">'
        f"{_odt_text(p.text)}</text:p>"
        for p in paragraphs(text)
    )
    font = _attribute(SERIF_FAMILIES[0])
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-content {_ODT_NS}>"
        "<office:automatic-styles>"
        '<style:style style:name="Letter" style:family="paragraph">'
        '<style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0cm"/>'
        f'<style:text-properties fo:font-family="{font}"'
        f' fo:font-size="{FONT_POINTS}pt"/></style:style>'
        '<style:style style:name="Heading" style:family="paragraph">'
        '<style:paragraph-properties fo:text-align="center" fo:margin-bottom="0cm"/>'
        f'<style:text-properties fo:font-family="{font}"'
        f' fo:font-size="{FONT_POINTS}pt" fo:font-weight="bold"/></style:style>'
        "</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    styles = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-styles {_ODT_NS}><office:automatic-styles>"
        '<style:page-layout style:name="A4"><style:page-layout-properties '
        'fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" '
        'fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="1.5cm"/>'
        "</style:page-layout></office:automatic-styles>"
        '<office:master-styles><style:master-page style:name="Standard" '
        'style:page-layout-name="A4"/></office:master-styles></office:document-styles>'
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-meta {_ODT_NS}><office:meta>"
        f"<dc:title>{escape(_NOT_XML.sub('', title))}</dc:title>"
        "</office:meta></office:document-meta>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    # ODF: "mimetype" first, stored uncompressed, so a reader knows the file by its first bytes.
    return _zip(
        [
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", content),
            ("styles.xml", styles),
            ("meta.xml", meta),
            ("META-INF/manifest.xml", manifest),
        ],
        stored_first=True,
    )


# -- Word (Office Open XML) ------------------------------------------------------------------
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_paragraph(p: Paragraph) -> str:
    props = '<w:jc w:val="center"/>' if p.heading else '<w:jc w:val="both"/>'
    run_props = "<w:b/>" if p.heading else ""
    if not p.text:
        return f"<w:p><w:pPr>{props}</w:pPr></w:p>"
    runs = _runs(p.text, '</w:t><w:tab/><w:t xml:space="preserve">')
    return (
        f"<w:p><w:pPr>{props}</w:pPr><w:r><w:rPr>{run_props}</w:rPr>"
        f'<w:t xml:space="preserve">{runs}</w:t></w:r></w:p>'
    )


def render_docx(text: str, *, title: str = "") -> bytes:
    font = _attribute(SERIF_FAMILIES[0])
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}"><w:body>'
        + "".join(_docx_paragraph(p) for p in paragraphs(text))
        + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1418" '
        'w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>'
        "</w:body></w:document>"
    )
    styles = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:styles xmlns:w="{_W}"><w:docDefaults><w:rPrDefault><w:rPr>'
        f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:eastAsia="{font}"/>'
        f'<w:sz w:val="{FONT_POINTS * 2}"/><w:lang w:val="ru-RU"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults></w:styles>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
        'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        "</Relationships>"
    )
    document_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/></Relationships>'
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        "<cp:coreProperties xmlns:cp="
        '"http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{escape(_NOT_XML.sub('', title))}</dc:title>"
        "</cp:coreProperties>"
    )
    return _zip(
        [
            ("[Content_Types].xml", content_types),
            ("_rels/.rels", rels),
            ("word/document.xml", document),
            ("word/styles.xml", styles),
            ("word/_rels/document.xml.rels", document_rels),
            ("docProps/core.xml", core),
        ]
    )


# -- PDF -------------------------------------------------------------------------------------
def letter_html(text: str) -> str:
    """The letter as escaped HTML paragraphs for Qt's text layout (pure; tested without Qt)."""
    parts = []
    for p in paragraphs(text):
        content = html.escape(p.text).replace("\t", "&nbsp;" * 4) or "&nbsp;"
        content = re.sub(r"  ", " &nbsp;", content)
        if p.heading:
            parts.append(f"<p align='center' style='margin:0'><b>{content}</b></p>")
        else:
            parts.append(f"<p align='justify' style='margin:0'>{content}</p>")
    return "<html><body>" + "".join(parts) + "</body></html>"


def render_pdf(text: str, *, title: str = "") -> bytes:
    """A4 with the margins of a Russian business letter (2.5 cm left, for a binder); a letter
    of more than one page has its pages numbered at the foot."""
    _ensure_app()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import (
        QAbstractTextDocumentLayout,
        QFont,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QTextDocument,
    )

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(25, 20, 15, 20), QPageLayout.Unit.Millimeter)
    writer.setTitle(_NOT_XML.sub("", title))
    writer.setCreator("")
    writer.setResolution(300)
    font = QFont()
    font.setFamilies(SERIF_FAMILIES)
    font.setPointSize(FONT_POINTS)
    document = QTextDocument()
    document.setDefaultFont(font)
    document.documentLayout().setPaintDevice(writer)
    document.setHtml(letter_html(text))
    page = QRectF(0, 0, writer.width(), writer.height())
    # The bottom centimetre holds the page number of a letter that runs over a page.
    room = writer.logicalDpiY() / 2.54
    text_height = page.height() - room
    document.setPageSize(QSizeF(page.width(), text_height))
    frame = document.rootFrame().frameFormat()
    frame.setMargin(0)
    document.rootFrame().setFrameFormat(frame)
    pages = document.pageCount()
    painter = QPainter(writer)
    painter.setFont(font)
    context = QAbstractTextDocumentLayout.PaintContext()
    for index in range(pages):
        if index:
            writer.newPage()
        view = QRectF(0, index * text_height, page.width(), text_height)
        painter.save()
        painter.translate(0, -view.top())
        painter.setClipRect(view)
        context.clip = view
        document.documentLayout().draw(painter, context)
        painter.restore()
        if pages > 1:
            number = QRectF(0, text_height, page.width(), room)
            painter.drawText(number, Qt.AlignmentFlag.AlignCenter, f"{index + 1}")
    painter.end()
    del writer
    buffer.close()
    return bytes(data.data())


def suggested_name(
    case_ref: str, kind: str, fmt: LetterFormat | str, day: datetime | None = None
) -> str:
    """A file name that names no one: the case reference, the kind and the day."""
    when = (day or datetime.now(UTC)).strftime("%Y-%m-%d")
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", f"{case_ref}-{kind}").strip("-")
    return f"{safe}-{when}.{LetterFormat(fmt).value}"
