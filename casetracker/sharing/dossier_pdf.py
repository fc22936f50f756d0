"""The readable dossier inside a bundle: a PDF made with Qt's own PDF writer.

The only module outside ``gui/`` that touches Qt, behind one function, ``render_dossier``. It
works from the *redacted* ``CasesDocument`` — the same structure written to cases.json — so the
PDF can never show more than the structured data does. Everything is laid out as HTML in one
``QTextDocument`` and drawn page by page to a ``QPdfWriter`` over an in-memory buffer: no
temporary file. Fonts are embedded by Qt (DejaVu/Noto on Linux, the system fonts elsewhere), so
Cyrillic reads correctly on any machine.
"""

import html
import os
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from casetracker.i18n import QT_TRANSLATE_NOOP, format_date, translate
from casetracker.sharing.bundle_schema import ANONYMISED, BundleFlag, BundleRecord, CasesDocument

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QPdfWriter

FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Segoe UI", "Arial", "Helvetica"]


#: Stored values (enum members) -> the words the dossier shows, translated where shown (``_e``).
_LABELS = {
    "serving": QT_TRANSLATE_NOOP("dossier", "serving"),
    "refused": QT_TRANSLATE_NOOP("dossier", "refused"),
    "detained": QT_TRANSLATE_NOOP("dossier", "detained"),
    "transferred": QT_TRANSLATE_NOOP("dossier", "transferred"),
    "whereabouts_unknown": QT_TRANSLATE_NOOP("dossier", "whereabouts unknown"),
    "released": QT_TRANSLATE_NOOP("dossier", "released"),
    "home": QT_TRANSLATE_NOOP("dossier", "returned home"),
    "returned_to_front": QT_TRANSLATE_NOOP("dossier", "sent back to the front"),
    "contract_terminated": QT_TRANSLATE_NOOP("dossier", "contract terminated"),
    "deceased": QT_TRANSLATE_NOOP("dossier", "deceased"),
    "confirmed": QT_TRANSLATE_NOOP("dossier", "confirmed"),
    "reported": QT_TRANSLATE_NOOP("dossier", "reported"),
    "unverified": QT_TRANSLATE_NOOP("dossier", "unverified"),
    "corroborated": QT_TRANSLATE_NOOP("dossier", "corroborated"),
    "verified": QT_TRANSLATE_NOOP("dossier", "verified"),
    "disputed": QT_TRANSLATE_NOOP("dossier", "disputed"),
    "call": QT_TRANSLATE_NOOP("dossier", "call"),
    "message": QT_TRANSLATE_NOOP("dossier", "message"),
    "visit": QT_TRANSLATE_NOOP("dossier", "visit"),
    "letter": QT_TRANSLATE_NOOP("dossier", "letter"),
    "lawyer": QT_TRANSLATE_NOOP("dossier", "via lawyer"),
    "critical": QT_TRANSLATE_NOOP("dossier", "critical"),
    "warning": QT_TRANSLATE_NOOP("dossier", "warning"),
    "info": QT_TRANSLATE_NOOP("dossier", "reminder"),
    "basement": QT_TRANSLATE_NOOP("dossier", "basement"),
    "garage": QT_TRANSLATE_NOOP("dossier", "garage"),
    "detention_centre": QT_TRANSLATE_NOOP("dossier", "detention centre"),
    "prosecutors_office": QT_TRANSLATE_NOOP("dossier", "prosecutor's office"),
    "pretrial_prison": QT_TRANSLATE_NOOP("dossier", "pre-trial prison"),
    "military_unit": QT_TRANSLATE_NOOP("dossier", "military unit"),
    "hospital": QT_TRANSLATE_NOOP("dossier", "hospital"),
    "other": QT_TRANSLATE_NOOP("dossier", "other"),
    "document": QT_TRANSLATE_NOOP("dossier", "document"),
    "photo": QT_TRANSLATE_NOOP("dossier", "photo"),
    "media_report": QT_TRANSLATE_NOOP("dossier", "media report"),
    "testimony": QT_TRANSLATE_NOOP("dossier", "testimony"),
    "torture": QT_TRANSLATE_NOOP("dossier", "torture"),
    "forced_labour": QT_TRANSLATE_NOOP("dossier", "forced labour"),
    "threats": QT_TRANSLATE_NOOP("dossier", "threats"),
    "pressure_to_return": QT_TRANSLATE_NOOP("dossier", "pressure to return to the front"),
    "denial_of_medical_care": QT_TRANSLATE_NOOP("dossier", "denial of medical care"),
    "incommunicado": QT_TRANSLATE_NOOP("dossier", "held incommunicado"),
}


def _profile(name: str) -> str:
    if name == ANONYMISED:
        return translate("dossier", "anonymised (no names, statistics only)")
    if name == "lawyer":
        return translate("dossier", "for a lawyer (relatives as far as they consented)")
    return name


def _ensure_app() -> None:
    """Qt needs an application object for fonts; headless machines get the offscreen platform."""
    if not os.environ.get("QT_QPA_PLATFORM") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        import sys

        if sys.platform.startswith("linux"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        # Kept alive for the process: Qt allows one application object, created once.
        global _APP
        _APP = QGuiApplication(["casetracker"])


_APP: Any = None


def render_dossier(doc: CasesDocument, *, signer_fingerprint: str, created_at: datetime) -> bytes:
    """The dossier of ``doc`` as PDF bytes."""
    _ensure_app()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter

    markup = dossier_html(doc, signer_fingerprint=signer_fingerprint, created_at=created_at)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(translate("dossier", "Casetracker dossier"))
    writer.setCreator("Casetracker")
    writer.setResolution(300)
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(10)
    _print(markup, font, writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data())


def _print(markup: str, font: "QFont", writer: "QPdfWriter") -> None:
    """Lay ``markup`` out once, at the writer's resolution, and draw it page by page.

    ``QTextDocument.print_`` does the same for a document without a page size, but first clones
    it, and cloning lays the whole original out at screen resolution only to throw it away: for
    500 cases (~1,250 pages) that was about 3 s of an 11 s export. This draws exactly what
    print_ draws (2 cm margins inside the writer's, the page number at the bottom right; the
    same PDF page content, byte for byte) without the copy.
    """
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import (
        QAbstractTextDocumentLayout,
        QFont,
        QFontMetrics,
        QGuiApplication,
        QPainter,
        QPalette,
        QTextDocument,
    )

    text = QTextDocument()
    text.setDefaultFont(font)
    layout = text.documentLayout()
    layout.setPaintDevice(writer)
    text.setHtml(markup)
    painter = QPainter(writer)
    # Like print_: margins in screen pixels, which the layout scales to the writer's 300 dpi.
    screen = QGuiApplication.primaryScreen()
    dpi_x = round(screen.logicalDotsPerInchX()) if screen else 100
    dpi_y = round(screen.logicalDotsPerInchY()) if screen else 100
    margin_x = int(2 / 2.54 * dpi_x)
    margin_y = int(2 / 2.54 * dpi_y)
    frame = text.rootFrame().frameFormat()
    frame.setLeftMargin(margin_x)
    frame.setRightMargin(margin_x)
    frame.setTopMargin(margin_y)
    frame.setBottomMargin(margin_y)
    text.rootFrame().setFrameFormat(frame)
    page = QRectF(0, 0, writer.width(), writer.height())
    number_at = QPointF(
        page.width() - margin_x * writer.logicalDpiX() / dpi_x,
        page.height()
        - margin_y * writer.logicalDpiY() / dpi_y
        + QFontMetrics(text.defaultFont(), writer).ascent()
        + 5 * writer.logicalDpiY() / 72.0,
    )
    text.setPageSize(page.size())
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
    number_font = QFont(text.defaultFont())
    pages = text.pageCount()
    for index in range(pages):
        if index:
            writer.newPage()
        view = QRectF(0, index * page.height(), page.width(), page.height())
        painter.save()
        painter.translate(0, -view.top())
        painter.setClipRect(view)
        context.clip = view
        layout.draw(painter, context)
        painter.setClipping(False)
        painter.setFont(number_font)
        label = str(index + 1)
        painter.drawText(
            round(number_at.x() - painter.fontMetrics().horizontalAdvance(label)),
            round(number_at.y() + view.top()),
            label,
        )
        painter.restore()
    painter.end()


# -- HTML (pure; tested without Qt) ---------------------------------------------------------
def _e(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return translate("dossier", "yes") if value else translate("dossier", "no")
    if isinstance(value, datetime):
        return html.escape(f"{format_date(value.date())} {value.strftime('%H:%M')}")
    if isinstance(value, date):
        return html.escape(format_date(value))
    text = str(getattr(value, "value", value))
    label = _LABELS.get(text)
    return html.escape(text if label is None else translate("dossier", label))


def _withheld(record: BundleRecord, name: str) -> str:
    if name in record.withheld:
        return "<i>" + html.escape(translate("dossier", "withheld")) + "</i>"
    return _e(record.values.get(name))


def _table(rows: Iterable[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td width='30%'><b>{html.escape(label)}</b></td><td>{value}</td></tr>"
        for label, value in rows
    )
    return f"<table cellspacing='0' cellpadding='3' border='1' width='100%'>{cells}</table>"


def _grid(header: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return f"<p><i>{html.escape(translate('dossier', 'none recorded'))}</i></p>"
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        "<table cellspacing='0' cellpadding='3' border='1' width='100%'>"
        f"<tr>{head}</tr>{body}</table>"
    )


def dossier_html(doc: CasesDocument, *, signer_fingerprint: str, created_at: datetime) -> str:
    parts = [
        f"<h1>{html.escape(translate('dossier', 'Dossier'))}</h1>",
        _table(
            [
                (translate("dossier", "Made"), _e(created_at)),
                (translate("dossier", "Signed by (fingerprint)"), html.escape(signer_fingerprint)),
                (translate("dossier", "Redaction profile"), html.escape(_profile(doc.profile))),
                (translate("dossier", "Cases"), str(len(doc.of("cases")))),
            ]
        ),
    ]
    if doc.profile == ANONYMISED:
        parts.append(_statistics(doc))
        return "<html><body>" + "".join(parts) + "</body></html>"
    parts.append(
        "<p>"
        + html.escape(
            translate(
                "dossier",
                "Relatives appear only where they agreed to be shared with a lawyer; "
                "an anonymous relative's identity is withheld.",
            )
        )
        + "</p>"
    )
    lookups = _Lookups(doc)
    for case in sorted(doc.of("cases"), key=lambda r: str(r.values.get("ref", ""))):
        parts.append(
            "<div style='page-break-before: always'>" + _case(doc, case, lookups) + "</div>"
        )
    return "<html><body>" + "".join(parts) + "</body></html>"


class _Lookups:
    """The document's records indexed by id and grouped by case, built once per dossier.

    Each case's part then reads only its own rows instead of scanning every row of the
    document (which made a 500-case dossier quadratic). Groups keep the document's order.
    """

    CHILDREN = (
        "status_changes", "custody_periods", "case_relatives", "contact_events",
        "source_cases", "allegation_cases",
    )  # fmt: skip

    def __init__(self, doc: CasesDocument) -> None:
        self.facilities = doc.index("facilities")
        self.sources = doc.index("sources")
        self.relatives = doc.index("relatives")
        self._children: dict[str, dict[Any, list[BundleRecord]]] = {}
        for key in self.CHILDREN:
            grouped: dict[Any, list[BundleRecord]] = defaultdict(list)
            for record in doc.of(key):
                grouped[record.values.get("case_id")].append(record)
            self._children[key] = grouped
        self._flags: dict[Any, list[BundleFlag]] = defaultdict(list)
        for flag in doc.flags:
            self._flags[flag.case_id].append(flag)
        self._allegations = doc.of("allegations")
        self._allegation_at: dict[Any, list[int]] = defaultdict(list)
        for at, record in enumerate(self._allegations):
            self._allegation_at[record.id].append(at)
        self._attachments = doc.of("attachments")
        self._attachment_at_case: dict[Any, list[int]] = defaultdict(list)
        self._attachment_at_source: dict[Any, list[int]] = defaultdict(list)
        for at, record in enumerate(self._attachments):
            self._attachment_at_case[record.values.get("case_id")].append(at)
            self._attachment_at_source[_uuid(record.values.get("source_id"))].append(at)

    def of_case(self, key: str, case_id: uuid.UUID) -> list[BundleRecord]:
        return self._children[key].get(case_id, [])

    def flags(self, case_id: uuid.UUID) -> list[BundleFlag]:
        return self._flags.get(case_id, [])

    def allegations(self, ids: set[uuid.UUID | None]) -> list[BundleRecord]:
        """The allegations with these ids, in the document's order."""
        found = sorted(at for i in ids for at in self._allegation_at.get(i, ()))
        return [self._allegations[at] for at in found]

    def attachments(
        self, case_id: uuid.UUID, source_ids: set[uuid.UUID | None]
    ) -> list[BundleRecord]:
        """Files of the case itself or of its sources, in the document's order."""
        found = set(self._attachment_at_case.get(case_id, ()))
        for source_id in source_ids:
            found.update(self._attachment_at_source.get(source_id, ()))
        return [self._attachments[at] for at in sorted(found)]


def _case(doc: CasesDocument, case: BundleRecord, lookups: _Lookups | None = None) -> str:
    v = case.values
    cid = case.id
    lookups = lookups or _Lookups(doc)
    facilities = lookups.facilities
    sources = lookups.sources
    relatives = lookups.relatives
    title = f"{_e(v.get('ref'))} — {_e(v.get('full_name'))}"
    if v.get("name_is_changed"):
        title += " " + html.escape(translate("dossier", "(name changed)"))
    out = [f"<h2>{title}</h2>", f"<h3>{html.escape(translate('dossier', 'Facts'))}</h3>"]
    out.append(
        _table(
            [
                (translate("dossier", "Status"), _e(v.get("status"))),
                (translate("dossier", "Aliases"), _e(v.get("aliases"))),
                (translate("dossier", "Date of birth"), _e(v.get("birth_date"))),
                (translate("dossier", "Home region"), _e(v.get("home_region"))),
                (translate("dossier", "Military unit"), _e(v.get("military_unit"))),
                (translate("dossier", "Unit base"), _e(v.get("unit_base"))),
                (translate("dossier", "Contract"), _e(v.get("contract_type"))),
                (translate("dossier", "Refusal date"), _e(v.get("refusal_date"))),
                (translate("dossier", "Detention date"), _e(v.get("detention_date"))),
                (translate("dossier", "Lawyer"), _e(v.get("lawyer"))),
                (translate("dossier", "Caseworker"), _e(v.get("caseworker"))),
                (translate("dossier", "Notes"), _e(v.get("notes"))),
            ]
        )
    )
    flags = lookups.flags(cid)
    out.append(f"<h3>{html.escape(translate('dossier', 'Flags'))}</h3>")
    out.append(
        _grid(
            [
                translate("dossier", "Severity"),
                translate("dossier", "Since"),
                translate("dossier", "What"),
            ],
            [[_e(f.severity), _e(f.since), _e(f.message or f.rule)] for f in flags],
        )
    )
    history = sorted(
        lookups.of_case("status_changes", cid),
        key=lambda r: r.values.get("changed_on") or date.min,
    )
    out.append(f"<h3>{html.escape(translate('dossier', 'Status history'))}</h3>")
    out.append(
        _grid(
            [
                translate("dossier", "Date"),
                translate("dossier", "Status"),
                translate("dossier", "Source"),
            ],
            [
                [
                    _e(r.values.get("changed_on")),
                    _e(r.values.get("status")),
                    _e(r.values.get("source_note")),
                ]
                for r in history
            ],
        )
    )
    custody = sorted(
        lookups.of_case("custody_periods", cid),
        key=lambda r: r.values.get("since") or date.min,
    )
    out.append(f"<h3>{html.escape(translate('dossier', 'Custody timeline'))}</h3>")
    out.append(
        _grid(
            [
                translate("dossier", "Place"),
                translate("dossier", "From"),
                translate("dossier", "Until"),
                translate("dossier", "How sure"),
                translate("dossier", "Source"),
                translate("dossier", "Note"),
            ],
            [
                [
                    _place(_lookup(facilities, r.values.get("facility_id"))),
                    _e(r.values.get("since")),
                    _e(r.values.get("until"))
                    if r.values.get("until")
                    else html.escape(translate("dossier", "now")),
                    _e(r.values.get("certainty")),
                    _source_title(_lookup(sources, r.values.get("source_id"))),
                    _e(r.values.get("note")),
                ]
                for r in custody
            ],
        )
    )
    links = lookups.of_case("case_relatives", cid)
    out.append(f"<h3>{html.escape(translate('dossier', 'Relatives and contacts'))}</h3>")
    rel_rows = []
    for link in links:
        person = _lookup(relatives, link.values.get("relative_id"))
        if person is None:
            continue
        rel_rows.append(
            [
                _e(link.values.get("relationship")),
                _withheld(person, "full_name")
                if not person.values.get("anonymous")
                else "<i>"
                + html.escape(translate("dossier", "anonymous — identity withheld"))
                + "</i>",
                _withheld(person, "phones"),
                _withheld(person, "handles"),
            ]
        )
    out.append(
        _grid(
            [
                translate("dossier", "Relationship"),
                translate("dossier", "Name"),
                translate("dossier", "Phones"),
                translate("dossier", "Handles"),
            ],
            rel_rows,
        )
    )
    contacts = sorted(
        lookups.of_case("contact_events", cid),
        key=lambda r: r.values.get("occurred_at") or datetime.min,
        reverse=True,
    )
    out.append(f"<h3>{html.escape(translate('dossier', 'Contact log'))}</h3>")
    out.append(
        _grid(
            [
                translate("dossier", "When"),
                translate("dossier", "Channel"),
                translate("dossier", "Heard himself?"),
                translate("dossier", "Who"),
                translate("dossier", "What was said"),
            ],
            [
                [
                    _e(r.values.get("occurred_at")),
                    _e(r.values.get("channel")),
                    html.escape(translate("dossier", "yes — proof of life"))
                    if r.values.get("direct")
                    else html.escape(translate("dossier", "no — second-hand")),
                    _withheld(r, "participants"),
                    _e(r.values.get("note")),
                ]
                for r in contacts
            ],
        )
    )
    source_ids = {_uuid(r.values.get("source_id")) for r in lookups.of_case("source_cases", cid)}
    out.append(f"<h3>{html.escape(translate('dossier', 'Sources'))}</h3>")
    out.append(
        _grid(
            [
                translate("dossier", "Source"),
                translate("dossier", "Kind"),
                translate("dossier", "Verification"),
                translate("dossier", "Published"),
                translate("dossier", "Reference"),
            ],
            [
                [
                    _e(s.values.get("title")),
                    _e(s.values.get("kind")),
                    _e(s.values.get("verification")),
                    _e(s.values.get("published_on")),
                    _e(s.values.get("reference")),
                ]
                for s in (sources[i] for i in source_ids if i in sources)
            ],
        )
    )
    allegation_ids = {
        _uuid(r.values.get("allegation_id")) for r in lookups.of_case("allegation_cases", cid)
    }
    allegations = lookups.allegations(allegation_ids)
    out.append(f"<h3>{html.escape(translate('dossier', 'Allegations'))}</h3>")
    out.append(
        _grid(
            [
                translate("dossier", "Kind"),
                translate("dossier", "Date"),
                translate("dossier", "Description"),
                translate("dossier", "Source"),
            ],
            [
                [
                    _e(a.values.get("kind")),
                    _e(a.values.get("occurred_on")),
                    _e(a.values.get("description")),
                    _source_title(_lookup(sources, a.values.get("source_id"))),
                ]
                for a in allegations
            ],
        )
    )
    files = lookups.attachments(cid, source_ids)
    if files:
        out.append(
            f"<h3>{html.escape(translate('dossier', 'Attached files (in the bundle)'))}</h3>"
        )
        out.append(
            _grid(
                [
                    translate("dossier", "File"),
                    translate("dossier", "In the bundle as"),
                    translate("dossier", "Size"),
                ],
                [
                    [
                        _e(a.values.get("filename")),
                        _e(a.values.get("member")),
                        _e(a.values.get("size")),
                    ]
                    for a in files
                ],
            )
        )
    return "".join(out)


def _uuid(value: Any) -> uuid.UUID | None:
    return value if isinstance(value, uuid.UUID) else None


def _lookup(index: dict[uuid.UUID, BundleRecord], value: Any) -> BundleRecord | None:
    key = _uuid(value)
    return index.get(key) if key is not None else None


def _place(facility: BundleRecord | None) -> str:
    if facility is None:
        return "—"
    v = facility.values
    where = ", ".join(str(x) for x in (v.get("settlement"), v.get("region")) if x)
    return _e(v.get("name")) + (f" ({html.escape(where)})" if where else "")


def _source_title(source: BundleRecord | None) -> str:
    if source is None:
        return "—"
    return f"{_e(source.values.get('title'))} [{_e(source.values.get('verification'))}]"


def _statistics(doc: CasesDocument) -> str:
    cases = doc.of("cases")
    facilities = doc.index("facilities")
    open_custody = {
        r.values.get("case_id"): r.values.get("facility_id")
        for r in doc.of("custody_periods")
        if r.values.get("until") is None
    }
    by_place = Counter(
        _place(facilities.get(fid)) if fid in facilities else "—" for fid in open_custody.values()
    )

    def count(name: str) -> list[list[str]]:
        tally = Counter(_e(c.values.get(name)) for c in cases)
        return [[k, str(n)] for k, n in tally.most_common()]

    parts = [f"<h2>{html.escape(translate('dossier', 'Statistics (anonymised)'))}</h2>"]
    for title, rows in (
        (translate("dossier", "Cases by status"), count("status")),
        (translate("dossier", "Cases by home region"), count("home_region")),
        (translate("dossier", "Cases by military unit"), count("military_unit")),
        (
            translate("dossier", "Men held now, by place"),
            [[k, str(n)] for k, n in by_place.most_common()],
        ),
        (
            translate("dossier", "Flags by rule"),
            [[html.escape(k), str(n)] for k, n in Counter(f.rule for f in doc.flags).most_common()],
        ),
    ):
        parts.append(f"<h3>{html.escape(title)}</h3>")
        parts.append(_grid([translate("dossier", "Value"), translate("dossier", "Cases")], rows))
    return "".join(parts)
