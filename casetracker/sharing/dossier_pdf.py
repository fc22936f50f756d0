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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from casetracker import cancellation
from casetracker.i18n import QT_TRANSLATE_NOOP, Context, format_date, translate
from casetracker.model.date_words import describe
from casetracker.model.labels import (
    allegation_label,
    certainty_label,
    channel_label,
    note_text,
    profile_label,
    severity_label,
    source_kind_label,
    status_label,
    verification_label,
)
from casetracker.model.ordering import status_order
from casetracker.model.uncertain_date import EdtfError, UncertainDate
from casetracker.sharing.bundle_schema import (
    ANONYMISED,
    MEDIA,
    PARTNER,
    BundleFlag,
    BundleRecord,
    CasesDocument,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QPdfWriter

FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Segoe UI", "Arial", "Helvetica"]
# Inside the writer's 15 mm: to the left and right of the text, and above and below it.
SIDE_MARGIN_CM = 1.0
# Plural messages of the dossier (named as its context: pyside6-lupdate reads the name).
dossier = Context("dossier")


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


def render_dossier(
    doc: CasesDocument,
    *,
    signer_fingerprint: str,
    created_at: datetime,
    facts: "DossierFacts | None" = None,
) -> bytes:
    """The dossier of ``doc`` as PDF bytes."""
    _ensure_app()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter

    markup = dossier_html(
        doc, signer_fingerprint=signer_fingerprint, created_at=created_at, facts=facts
    )
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
    _print(_parts(markup, CASES_PER_LAYOUT), font, writer)
    del writer  # finishes the PDF
    buffer.close()
    cancellation.check()  # _print stopped early: the PDF is cut short, so it goes nowhere
    return bytes(data.data())


# Every case starts a page: the HTML is cut before it.
CASE_START = "<div style='page-break-before: always'>"
# Cases laid out at a time. One Qt document for all 20,000 cases of an organisation took
# about 10 GB (0.5 MB a case); a part at a time keeps the dossier to a few hundred MB.
CASES_PER_LAYOUT = 200


def _parts(markup: str, cases_per_part: int) -> list[str]:
    """The dossier's HTML as documents of whole cases, in order (the first with the intro)."""
    body = markup.removeprefix("<html><body>").removesuffix("</body></html>")
    head, *cases = body.split(CASE_START)
    parts = [head + "".join(CASE_START + case for case in cases[:cases_per_part])]
    for start in range(cases_per_part, len(cases), cases_per_part):
        first, *others = cases[start : start + cases_per_part]
        # Its first case starts the part's first page already.
        parts.append("<div>" + first + "".join(CASE_START + case for case in others))
    return ["<html><body>" + part + "</body></html>" for part in parts]


def _print(parts: list[str], font: "QFont", writer: "QPdfWriter") -> None:
    """Lay each part out once, at the writer's resolution, and draw it page by page; the
    pages are numbered across the parts, and only one part's layout is held at a time.

    ``QTextDocument.print_`` does the same for a document without a page size, but first clones
    it, and cloning lays the whole original out at screen resolution only to throw it away: for
    500 cases (~1,250 pages) that was about 3 s of an 11 s export. This draws exactly what
    print_ draws (margins inside the writer's, the page number at the bottom right) without the
    copy; the side margins are 1 cm instead of print_'s 2 cm, so a six-column table of Russian
    words keeps its words whole.
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

    painter = QPainter(writer)
    # Like print_: margins in screen pixels, which the layout scales to the writer's 300 dpi.
    screen = QGuiApplication.primaryScreen()
    dpi_x = round(screen.logicalDotsPerInchX()) if screen else 100
    dpi_y = round(screen.logicalDotsPerInchY()) if screen else 100
    margin_x = int(SIDE_MARGIN_CM / 2.54 * dpi_x)
    margin_y = int(2 / 2.54 * dpi_y)  # room for the page number
    page = QRectF(0, 0, writer.width(), writer.height())
    number_font = QFont(font)
    number_at = QPointF(
        page.width() - margin_x * writer.logicalDpiX() / dpi_x,
        page.height()
        - margin_y * writer.logicalDpiY() / dpi_y
        + QFontMetrics(number_font, writer).ascent()
        + 5 * writer.logicalDpiY() / 72.0,
    )
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
    number = 0
    # One document for every part: a new one would embed its fonts in the PDF once more.
    text = QTextDocument()
    text.setDefaultFont(font)
    layout = text.documentLayout()
    layout.setPaintDevice(writer)
    for markup in parts:
        if cancellation.cancelled():
            break  # a lock: stop between parts (the painter still ends the file properly)
        text.setHtml(markup)
        frame = text.rootFrame().frameFormat()
        frame.setLeftMargin(margin_x)
        frame.setRightMargin(margin_x)
        frame.setTopMargin(margin_y)
        frame.setBottomMargin(margin_y)
        text.rootFrame().setFrameFormat(frame)
        text.setPageSize(page.size())
        for index in range(text.pageCount()):
            if number:
                writer.newPage()
            number += 1
            view = QRectF(0, index * page.height(), page.width(), page.height())
            painter.save()
            painter.translate(0, -view.top())
            painter.setClipRect(view)
            context.clip = view
            layout.draw(painter, context)
            painter.setClipping(False)
            painter.setFont(number_font)
            label = str(number)
            painter.drawText(
                round(number_at.x() - painter.fontMetrics().horizontalAdvance(label)),
                round(number_at.y() + view.top()),
                label,
            )
            painter.restore()
    painter.end()


# -- HTML (pure; tested without Qt) ---------------------------------------------------------
@dataclass(frozen=True)
class DossierFacts:
    """What the dossier says that the redacted document cannot carry."""

    # Case id -> how many of his relatives the profile left out for lack of consent.
    withheld_relatives: Mapping[uuid.UUID, int] = field(default_factory=dict)
    # Rule id -> the rule's title in the interface language.
    rule_titles: Mapping[str, str] = field(default_factory=dict)


def _e(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return translate("dossier", "yes") if value else translate("dossier", "no")
    if isinstance(value, datetime):
        return html.escape(f"{format_date(value.date())} {value.strftime('%H:%M')}")
    if isinstance(value, date):
        return html.escape(format_date(value))
    return html.escape(str(value))


def _when(values: dict[str, Any], name: str) -> str:
    """A date as it is known: in words when its code says it is uncertain ("около июля
    2024"), else the day. A bundle from before uncertain dates has no codes: every day exact."""
    code = values.get(f"{name}_edtf")
    if code:
        try:
            return html.escape(describe(UncertainDate.from_edtf(code)))
        except EdtfError:  # checked when the bundle was read; a vault's own rows are too
            pass
    return _e(values.get(name))


def _contact_time(values: dict[str, Any]) -> str:
    """A contact's day, with its time only when the time was given (never an invented 12:00)."""
    if values.get("occurred_at_edtf"):
        return _when(values, "occurred_at")
    when = values.get("occurred_at")
    if isinstance(when, datetime) and values.get("time_known") is False:
        return _e(when.date())
    return _e(when)


def _label(label: Callable[[str], str], value: Any) -> str:
    """A stored identifier by its label; one this version does not know, as it is."""
    if value is None or value == "":
        return "—"
    text = str(getattr(value, "value", value))
    try:
        return html.escape(label(text))
    except (KeyError, ValueError):
        return html.escape(text)


def _withheld(record: BundleRecord, name: str) -> str:
    if name in record.withheld:
        return "<i>" + html.escape(translate("dossier", "withheld")) + "</i>"
    return _e(record.values.get(name))


# Every section is one table whose head holds its title and column names: Qt moves a table to
# the next page unless its head and first row fit, and repeats the head on every page the table
# runs onto, so no title or header is ever left alone at the foot of a page.
_TABLE = "<table cellspacing='0' cellpadding='3' border='1' width='100%'>"
_TITLE_BACKGROUND = "#e6e6e6"


def _title_row(title: str, columns: int) -> str:
    return (
        f"<tr><th colspan='{columns}' align='left' bgcolor='{_TITLE_BACKGROUND}'>"
        f"<h3>{html.escape(title)}</h3></th></tr>"
    )


def _table(title: str, rows: Iterable[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td width='30%'><b>{html.escape(label)}</b></td><td>{value}</td></tr>"
        for label, value in rows
    )
    return f"{_TABLE}<thead>{_title_row(title, 2)}</thead>{cells}</table>"


def _grid(title: str, header: list[str], rows: list[list[str]], note: str = "") -> str:
    """A section of rows under ``header``; ``note`` (plain text) closes it, or stands in for
    the rows when there are none ("none recorded" without one)."""
    head = _title_row(title, len(header))
    if rows:
        head += "<tr>" + "".join(f"<th align='left'>{html.escape(h)}</th>" for h in header)
        head += "</tr>"
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    if note or not rows:
        text = note or translate("dossier", "none recorded")
        body += f"<tr><td colspan='{len(header)}'><i>{html.escape(text)}</i></td></tr>"
    return f"{_TABLE}<thead>{head}</thead>{body}</table>"


def dossier_html(
    doc: CasesDocument,
    *,
    signer_fingerprint: str,
    created_at: datetime,
    facts: DossierFacts | None = None,
) -> str:
    facts = facts or DossierFacts()
    parts = [
        "<h1>" + html.escape(translate("dossier", "Dossier")) + "</h1>",
        _table(
            translate("dossier", "About this dossier"),
            [
                (translate("dossier", "Made"), _e(created_at)),
                (translate("dossier", "Signed by (fingerprint)"), html.escape(signer_fingerprint)),
                (
                    translate("dossier", "Redaction profile"),
                    html.escape(profile_label(doc.profile)),
                ),
                (translate("dossier", "Cases"), str(len(doc.of("cases")))),
            ],
        ),
    ]
    if doc.profile == ANONYMISED:
        parts.append(_statistics(doc, facts))
        return "<html><body>" + "".join(parts) + "</body></html>"
    consent_note = (
        translate(
            "dossier",
            "Made for media: relatives appear only where they agreed to be named to journalists; "
            "no phone numbers, messengers or notes are included.",
        )
        if doc.profile == MEDIA
        else translate(
            "dossier",
            "Made for a partner organisation: relatives appear only where they agreed to be "
            "shared with one; an anonymous relative's identity is withheld.",
        )
        if doc.profile == PARTNER
        else translate(
            "dossier",
            "Relatives appear only where they agreed to be shared with a lawyer; "
            "an anonymous relative's identity is withheld.",
        )
    )
    parts.append("<p>" + html.escape(consent_note) + "</p>")
    lookups = _Lookups(doc)
    for case in sorted(doc.of("cases"), key=lambda r: str(r.values.get("ref", ""))):
        cancellation.check()
        parts.append(CASE_START + _case(doc, case, lookups, facts) + "</div>")
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


def _who(
    contact: BundleRecord, person: BundleRecord | None, relationships: Mapping[uuid.UUID, str]
) -> str:
    """Who spoke: as written on the contact, else the relative who reported it ("отец, Name").

    A relative left out for lack of consent is not in the bundle, and an anonymous one is
    named by the relationship alone, as in the relatives' table.
    """
    if contact.values.get("participants") or "participants" in contact.withheld:
        return _withheld(contact, "participants")
    if person is None:
        return "—"
    relationship = relationships.get(person.id, "")
    name = "" if person.values.get("anonymous") else _withheld(person, "full_name")
    parts = [html.escape(relationship)] if relationship else []
    if name and name != "—":
        parts.append(name)
    return ", ".join(parts) or "—"


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


def _stay_ended(values: dict[str, Any]) -> bool:
    """A stay ended when the bundle says so, or gives the day (bundles before "ended")."""
    return bool(values.get("ended")) or values.get("until") is not None


def _stay_end(values: dict[str, Any]) -> str:
    """The Until cell: the day, "not known" when he left on a day nobody gave, or "now"."""
    if values.get("until") is not None or values.get("until_edtf"):
        return _when(values, "until")
    if _stay_ended(values):
        return html.escape(translate("dossier", "not known"))
    return html.escape(translate("dossier", "now"))


def _source_title(source: BundleRecord | None) -> str:
    if source is None:
        return "—"
    verification = _label(verification_label, source.values.get("verification"))
    return f"{_e(source.values.get('title'))} [{verification}]"


# -- A case's sections, as a table -----------------------------------------------------------
# Each section says where its rows come from and, per column, its heading and how a cell is
# written; ``_Section.html`` draws any of them the same way. Titles and headings are English
# sources marked for pyside6-lupdate and translated when drawn, so adding a section is one entry.
R = TypeVar("R")


@dataclass(frozen=True)
class _CaseView:
    """What one case's sections read: the case, the document's indexes, and what they share."""

    id: uuid.UUID
    lookups: _Lookups
    facts: DossierFacts
    # Relative id -> the relationship on his link to this case (also for one left out).
    relationships: Mapping[uuid.UUID, str]
    # The sources this case cites (their files are the case's files too).
    source_ids: set[uuid.UUID | None]

    @classmethod
    def of(cls, case: BundleRecord, lookups: _Lookups, facts: DossierFacts) -> "_CaseView":
        relationships = {
            key: str(link.values.get("relationship") or "")
            for link in lookups.of_case("case_relatives", case.id)
            if (key := _uuid(link.values.get("relative_id"))) is not None
        }
        source_ids = {
            _uuid(r.values.get("source_id")) for r in lookups.of_case("source_cases", case.id)
        }
        return cls(case.id, lookups, facts, relationships, source_ids)


@dataclass(frozen=True)
class _Section(Generic[R]):
    title: str  # English, marked with QT_TRANSLATE_NOOP("dossier", …)
    rows: Callable[[_CaseView], Iterable[R]]
    # (heading, cell): the heading marked like the title; the cell is HTML, escaped.
    columns: tuple[tuple[str, Callable[[R, _CaseView], str]], ...]
    # Plain text closing the table (or standing in for no rows: "none recorded" without one).
    note: Callable[[_CaseView], str] = lambda _case: ""
    # False: a case without such rows has no such table at all (attached files).
    when_empty: bool = True

    def html(self, case: _CaseView) -> str:
        rows = list(self.rows(case))
        if not rows and not self.when_empty:
            return ""
        return _grid(
            translate("dossier", self.title),
            [translate("dossier", heading) for heading, _cell in self.columns],
            [[cell(row, case) for _heading, cell in self.columns] for row in rows],
            note=self.note(case),
        )


def _field(name: str) -> Callable[[BundleRecord, _CaseView], str]:
    """A cell: the row's value as it is."""
    return lambda row, _case: _e(row.values.get(name))


def _day(name: str) -> Callable[[BundleRecord, _CaseView], str]:
    """A cell: the row's date as it is known (uncertain ones in words)."""
    return lambda row, _case: _when(row.values, name)


def _labelled(label: Callable[[str], str], name: str) -> Callable[[BundleRecord, _CaseView], str]:
    """A cell: the row's stored identifier by its label."""
    return lambda row, _case: _label(label, row.values.get(name))


def _place_cell(row: BundleRecord, case: _CaseView) -> str:
    """A cell: the place the row names, with where it is."""
    return _place(_lookup(case.lookups.facilities, row.values.get("facility_id")))


def _source_cell(row: BundleRecord, case: _CaseView) -> str:
    """A cell: the source the row names, with how well it is verified."""
    return _source_title(_lookup(case.lookups.sources, row.values.get("source_id")))


def _status_history(case: _CaseView) -> list[BundleRecord]:
    return sorted(
        case.lookups.of_case("status_changes", case.id),
        key=lambda r: status_order(
            r.values.get("changed_on"), not r.values.get("previous_status"), r.created_at
        ),
    )


def _stays(case: _CaseView) -> list[BundleRecord]:
    return sorted(
        case.lookups.of_case("custody_periods", case.id),
        key=lambda r: r.values.get("since") or date.min,
    )


def _relatives(case: _CaseView) -> list[tuple[BundleRecord, BundleRecord]]:
    """(link, relative) of each relative in the bundle; one the profile left out is not."""
    found = (
        (link, _lookup(case.lookups.relatives, link.values.get("relative_id")))
        for link in case.lookups.of_case("case_relatives", case.id)
    )
    return [(link, person) for link, person in found if person is not None]


def _relative_name(person: BundleRecord) -> str:
    if person.values.get("anonymous"):
        return "<i>" + html.escape(translate("dossier", "anonymous — identity withheld")) + "</i>"
    return _withheld(person, "full_name")


def _relatives_withheld(case: _CaseView) -> str:
    withheld = case.facts.withheld_relatives.get(case.id, 0)
    return (
        dossier.tr("Relatives withheld for lack of consent: %n", "", withheld) if withheld else ""
    )


def _contacts(case: _CaseView) -> list[BundleRecord]:
    return sorted(
        case.lookups.of_case("contact_events", case.id),
        key=lambda r: r.values.get("occurred_at") or datetime.min,
        reverse=True,
    )


def _heard_himself(contact: BundleRecord, _case: _CaseView) -> str:
    if contact.values.get("direct"):
        return html.escape(translate("dossier", "yes — proof of life"))
    return html.escape(translate("dossier", "no — second-hand"))


def _sources(case: _CaseView) -> list[BundleRecord]:
    """The sources the case cites, oldest publication first (undated last), then by title:
    always the same order for the same bundle (not that of a set of random ids)."""
    sources = case.lookups.sources
    return sorted((sources[i] for i in case.source_ids if i in sources), key=_publication)


def _publication(source: BundleRecord) -> tuple[bool, date, str, str]:
    published = source.values.get("published_on")
    day = published if isinstance(published, date) else date.min
    return (published is None, day, str(source.values.get("title") or ""), str(source.id))


def _allegations(case: _CaseView) -> list[BundleRecord]:
    ids = {
        _uuid(r.values.get("allegation_id"))
        for r in case.lookups.of_case("allegation_cases", case.id)
    }
    return case.lookups.allegations(ids)


def _as_is(values: dict[str, Any], name: str) -> str:
    return _e(values.get(name))


def _status(values: dict[str, Any], name: str) -> str:
    return _label(status_label, values.get(name))


# A case's facts, in the order a lawyer reads them: (field, label, value). A field the profile
# leaves out is not shown (rather than as "—").
FACTS: tuple[tuple[str, str, Callable[[dict[str, Any], str], str]], ...] = (
    ("status", QT_TRANSLATE_NOOP("dossier", "Status"), _status),
    ("aliases", QT_TRANSLATE_NOOP("dossier", "Aliases"), _as_is),
    ("birth_date", QT_TRANSLATE_NOOP("dossier", "Date of birth"), _when),
    ("home_region", QT_TRANSLATE_NOOP("dossier", "Home region"), _as_is),
    ("military_unit", QT_TRANSLATE_NOOP("dossier", "Military unit"), _as_is),
    ("unit_base", QT_TRANSLATE_NOOP("dossier", "Unit base"), _as_is),
    ("contract_type", QT_TRANSLATE_NOOP("dossier", "Contract"), _as_is),
    ("refusal_date", QT_TRANSLATE_NOOP("dossier", "Refusal date"), _when),
    ("detention_date", QT_TRANSLATE_NOOP("dossier", "Detention date"), _when),
    ("lawyer", QT_TRANSLATE_NOOP("dossier", "Lawyer"), _as_is),
    ("caseworker", QT_TRANSLATE_NOOP("dossier", "Caseworker"), _as_is),
    ("notes", QT_TRANSLATE_NOOP("dossier", "Notes"), _as_is),
)

# The tables after a case's facts, in order.
SECTIONS: tuple[_Section[Any], ...] = (
    _Section[BundleFlag](
        QT_TRANSLATE_NOOP("dossier", "Flags"),
        lambda case: case.lookups.flags(case.id),
        (
            (
                QT_TRANSLATE_NOOP("dossier", "Severity"),
                lambda f, _c: _label(severity_label, f.severity),
            ),
            (QT_TRANSLATE_NOOP("dossier", "Since"), lambda f, _c: _e(f.since)),
            (
                QT_TRANSLATE_NOOP("dossier", "What"),
                lambda f, c: _e(f.message or c.facts.rule_titles.get(f.rule, f.rule)),
            ),
        ),
    ),
    _Section[BundleRecord](
        QT_TRANSLATE_NOOP("dossier", "Status history"),
        _status_history,
        (
            (QT_TRANSLATE_NOOP("dossier", "Date"), _day("changed_on")),
            (QT_TRANSLATE_NOOP("dossier", "Status"), _labelled(status_label, "status")),
            (
                QT_TRANSLATE_NOOP("dossier", "Source"),
                lambda r, _c: _e(note_text(r.values.get("source_note") or "")),
            ),
        ),
    ),
    _Section[BundleRecord](
        QT_TRANSLATE_NOOP("dossier", "Custody timeline"),
        _stays,
        (
            (QT_TRANSLATE_NOOP("dossier", "Place"), _place_cell),
            (QT_TRANSLATE_NOOP("dossier", "From"), _day("since")),
            (QT_TRANSLATE_NOOP("dossier", "Until"), lambda r, _c: _stay_end(r.values)),
            (QT_TRANSLATE_NOOP("dossier", "How sure"), _labelled(certainty_label, "certainty")),
            (QT_TRANSLATE_NOOP("dossier", "Source"), _source_cell),
            (QT_TRANSLATE_NOOP("dossier", "Note"), _field("note")),
        ),
    ),
    _Section[tuple[BundleRecord, BundleRecord]](
        QT_TRANSLATE_NOOP("dossier", "Relatives and contacts"),
        _relatives,
        (
            (
                QT_TRANSLATE_NOOP("dossier", "Relationship"),
                lambda lp, _c: _e(lp[0].values.get("relationship")),
            ),
            (QT_TRANSLATE_NOOP("dossier", "Name"), lambda lp, _c: _relative_name(lp[1])),
            (QT_TRANSLATE_NOOP("dossier", "Phones"), lambda lp, _c: _withheld(lp[1], "phones")),
            (QT_TRANSLATE_NOOP("dossier", "Handles"), lambda lp, _c: _withheld(lp[1], "handles")),
        ),
        note=_relatives_withheld,
    ),
    _Section[BundleRecord](
        QT_TRANSLATE_NOOP("dossier", "Contact log"),
        _contacts,
        (
            (QT_TRANSLATE_NOOP("dossier", "When"), lambda r, _c: _contact_time(r.values)),
            (QT_TRANSLATE_NOOP("dossier", "Channel"), _labelled(channel_label, "channel")),
            (QT_TRANSLATE_NOOP("dossier", "Heard himself?"), _heard_himself),
            (
                QT_TRANSLATE_NOOP("dossier", "Who"),
                lambda r, c: _who(
                    r, _lookup(c.lookups.relatives, r.values.get("relative_id")), c.relationships
                ),
            ),
            (QT_TRANSLATE_NOOP("dossier", "What was said"), _field("note")),
        ),
    ),
    _Section[BundleRecord](
        QT_TRANSLATE_NOOP("dossier", "Sources"),
        _sources,
        (
            (QT_TRANSLATE_NOOP("dossier", "Source"), _field("title")),
            (QT_TRANSLATE_NOOP("dossier", "Kind"), _labelled(source_kind_label, "kind")),
            (
                QT_TRANSLATE_NOOP("dossier", "Verification"),
                _labelled(verification_label, "verification"),
            ),
            (QT_TRANSLATE_NOOP("dossier", "Published"), _field("published_on")),
            (QT_TRANSLATE_NOOP("dossier", "Reference"), _field("reference")),
        ),
    ),
    _Section[BundleRecord](
        QT_TRANSLATE_NOOP("dossier", "Allegations"),
        _allegations,
        (
            (QT_TRANSLATE_NOOP("dossier", "Kind"), _labelled(allegation_label, "kind")),
            (QT_TRANSLATE_NOOP("dossier", "Date"), _day("occurred_on")),
            (QT_TRANSLATE_NOOP("dossier", "Description"), _field("description")),
            (QT_TRANSLATE_NOOP("dossier", "Source"), _source_cell),
        ),
    ),
    _Section[BundleRecord](
        QT_TRANSLATE_NOOP("dossier", "Attached files (in the bundle)"),
        lambda case: case.lookups.attachments(case.id, case.source_ids),
        (
            (QT_TRANSLATE_NOOP("dossier", "File"), _field("filename")),
            (QT_TRANSLATE_NOOP("dossier", "In the bundle as"), _field("member")),
            (QT_TRANSLATE_NOOP("dossier", "Size"), _field("size")),
        ),
        when_empty=False,
    ),
)


def _case(
    doc: CasesDocument,
    case: BundleRecord,
    lookups: _Lookups | None = None,
    facts: DossierFacts | None = None,
) -> str:
    v = case.values
    lookups = lookups or _Lookups(doc)
    view = _CaseView.of(case, lookups, facts or DossierFacts())
    # A media bundle carries no reference (our numbering is not the journalist's business).
    title = (
        f"{_e(v.get('ref'))} — {_e(v.get('full_name'))}" if "ref" in v else _e(v.get("full_name"))
    )
    if v.get("name_is_changed"):
        title += " " + html.escape(translate("dossier", "(name changed)"))
    facts_rows = [
        (translate("dossier", label), value(v, key)) for key, label, value in FACTS if key in v
    ]
    out = [f"<h2>{title}</h2>", _table(translate("dossier", "Facts"), facts_rows)]
    out += [section.html(view) for section in SECTIONS]
    return "".join(out)


def _statistics(doc: CasesDocument, facts: DossierFacts) -> str:
    cases = doc.of("cases")
    facilities = doc.index("facilities")
    open_custody = {
        r.values.get("case_id"): r.values.get("facility_id")
        for r in doc.of("custody_periods")
        if not _stay_ended(r.values)
    }
    by_place = Counter(
        _place(facilities.get(fid)) if fid in facilities else "—" for fid in open_custody.values()
    )

    def count(name: str, shown: Callable[[Any], str] = _e) -> list[list[str]]:
        tally = Counter(shown(c.values.get(name)) for c in cases)
        return [[k, str(n)] for k, n in tally.most_common()]

    by_rule = Counter(facts.rule_titles.get(f.rule, f.rule) for f in doc.flags)
    parts = ["<h2>" + html.escape(translate("dossier", "Statistics (anonymised)")) + "</h2>"]
    for title, rows in (
        (
            translate("dossier", "Cases by status"),
            count("status", lambda value: _label(status_label, value)),
        ),
        (translate("dossier", "Cases by home region"), count("home_region")),
        (translate("dossier", "Cases by military unit"), count("military_unit")),
        (
            translate("dossier", "Men held now, by place"),
            [[k, str(n)] for k, n in by_place.most_common()],
        ),
        (
            translate("dossier", "Flags by rule"),
            [[html.escape(k), str(n)] for k, n in by_rule.most_common()],
        ),
    ):
        parts.append(
            _grid(
                title,
                [translate("dossier", "Value"), translate("dossier", "Cases")],
                rows,
            )
        )
    return "".join(parts)
