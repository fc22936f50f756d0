"""The readable dossier inside a bundle: a PDF made with Qt's own PDF writer.

The only module outside ``gui/`` that touches Qt, behind one function, ``render_dossier``. It
works from the *redacted* ``CasesDocument`` — the same structure written to cases.json — so the
PDF can never show more than the structured data does. Everything is laid out as HTML in a
``QTextDocument`` and printed to a ``QPdfWriter`` over an in-memory buffer: no temporary file.
Fonts are embedded by Qt (DejaVu/Noto on Linux, the system fonts elsewhere), so Cyrillic reads
correctly on any machine.
"""

import html
import os
import uuid
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from casetracker.i18n import tr
from casetracker.sharing.bundle_schema import ANONYMISED, BundleRecord, CasesDocument

FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Segoe UI", "Arial", "Helvetica"]


def _t(text: str) -> str:
    return tr("dossier", text)


def _labels() -> dict[str, str]:
    return {
        "serving": _t("serving"),
        "refused": _t("refused"),
        "detained": _t("detained"),
        "transferred": _t("transferred"),
        "whereabouts_unknown": _t("whereabouts unknown"),
        "released": _t("released"),
        "home": _t("returned home"),
        "returned_to_front": _t("sent back to the front"),
        "contract_terminated": _t("contract terminated"),
        "deceased": _t("deceased"),
        "confirmed": _t("confirmed"),
        "reported": _t("reported"),
        "unverified": _t("unverified"),
        "corroborated": _t("corroborated"),
        "verified": _t("verified"),
        "disputed": _t("disputed"),
        "call": _t("call"),
        "message": _t("message"),
        "visit": _t("visit"),
        "letter": _t("letter"),
        "lawyer": _t("via lawyer"),
    }


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
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    markup = dossier_html(doc, signer_fingerprint=signer_fingerprint, created_at=created_at)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(_t("Casetracker dossier"))
    writer.setCreator("Casetracker")
    writer.setResolution(300)
    text = QTextDocument()
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(10)
    text.setDefaultFont(font)
    text.setHtml(markup)
    text.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data())


# -- HTML (pure; tested without Qt) ---------------------------------------------------------
def _e(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _t("yes") if value else _t("no")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    text = str(getattr(value, "value", value))
    return html.escape(_labels().get(text, text))


def _withheld(record: BundleRecord, name: str) -> str:
    if name in record.withheld:
        return "<i>" + html.escape(_t("withheld")) + "</i>"
    return _e(record.values.get(name))


def _table(rows: Iterable[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td width='30%'><b>{html.escape(label)}</b></td><td>{value}</td></tr>"
        for label, value in rows
    )
    return f"<table cellspacing='0' cellpadding='3' border='1' width='100%'>{cells}</table>"


def _grid(header: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return f"<p><i>{html.escape(_t('none recorded'))}</i></p>"
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        "<table cellspacing='0' cellpadding='3' border='1' width='100%'>"
        f"<tr>{head}</tr>{body}</table>"
    )


def dossier_html(doc: CasesDocument, *, signer_fingerprint: str, created_at: datetime) -> str:
    parts = [
        f"<h1>{html.escape(_t('Dossier'))}</h1>",
        _table(
            [
                (_t("Made"), _e(created_at)),
                (_t("Signed by (fingerprint)"), html.escape(signer_fingerprint)),
                (_t("Redaction profile"), html.escape(doc.profile)),
                (_t("Cases"), str(len(doc.of("cases")))),
            ]
        ),
    ]
    if doc.profile == ANONYMISED:
        parts.append(_statistics(doc))
        return "<html><body>" + "".join(parts) + "</body></html>"
    parts.append(
        "<p>"
        + html.escape(
            _t(
                "Relatives appear only where they agreed to be shared with a lawyer; "
                "an anonymous relative's identity is withheld."
            )
        )
        + "</p>"
    )
    for case in sorted(doc.of("cases"), key=lambda r: str(r.values.get("ref", ""))):
        parts.append("<div style='page-break-before: always'>" + _case(doc, case) + "</div>")
    return "<html><body>" + "".join(parts) + "</body></html>"


def _case(doc: CasesDocument, case: BundleRecord) -> str:
    v = case.values
    cid = case.id
    facilities = doc.index("facilities")
    sources = doc.index("sources")
    relatives = doc.index("relatives")
    title = f"{_e(v.get('ref'))} — {_e(v.get('full_name'))}"
    if v.get("name_is_changed"):
        title += " " + html.escape(_t("(name changed)"))
    out = [f"<h2>{title}</h2>", f"<h3>{html.escape(_t('Facts'))}</h3>"]
    out.append(
        _table(
            [
                (_t("Status"), _e(v.get("status"))),
                (_t("Aliases"), _e(v.get("aliases"))),
                (_t("Date of birth"), _e(v.get("birth_date"))),
                (_t("Home region"), _e(v.get("home_region"))),
                (_t("Military unit"), _e(v.get("military_unit"))),
                (_t("Unit base"), _e(v.get("unit_base"))),
                (_t("Contract"), _e(v.get("contract_type"))),
                (_t("Refusal date"), _e(v.get("refusal_date"))),
                (_t("Detention date"), _e(v.get("detention_date"))),
                (_t("Lawyer"), _e(v.get("lawyer"))),
                (_t("Caseworker"), _e(v.get("caseworker"))),
                (_t("Notes"), _e(v.get("notes"))),
            ]
        )
    )
    flags = [f for f in doc.flags if f.case_id == cid]
    out.append(f"<h3>{html.escape(_t('Flags'))}</h3>")
    out.append(
        _grid(
            [_t("Severity"), _t("Since"), _t("What")],
            [[_e(f.severity), _e(f.since), _e(f.message or f.rule)] for f in flags],
        )
    )
    history = sorted(
        (r for r in doc.of("status_changes") if r.values.get("case_id") == cid),
        key=lambda r: r.values.get("changed_on") or date.min,
    )
    out.append(f"<h3>{html.escape(_t('Status history'))}</h3>")
    out.append(
        _grid(
            [_t("Date"), _t("Status"), _t("Source")],
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
        (r for r in doc.of("custody_periods") if r.values.get("case_id") == cid),
        key=lambda r: r.values.get("since") or date.min,
    )
    out.append(f"<h3>{html.escape(_t('Custody timeline'))}</h3>")
    out.append(
        _grid(
            [_t("Place"), _t("From"), _t("Until"), _t("How sure"), _t("Source"), _t("Note")],
            [
                [
                    _place(_lookup(facilities, r.values.get("facility_id"))),
                    _e(r.values.get("since")),
                    _e(r.values.get("until")) if r.values.get("until") else html.escape(_t("now")),
                    _e(r.values.get("certainty")),
                    _source_title(_lookup(sources, r.values.get("source_id"))),
                    _e(r.values.get("note")),
                ]
                for r in custody
            ],
        )
    )
    links = [r for r in doc.of("case_relatives") if r.values.get("case_id") == cid]
    out.append(f"<h3>{html.escape(_t('Relatives and contacts'))}</h3>")
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
                else "<i>" + html.escape(_t("anonymous — identity withheld")) + "</i>",
                _withheld(person, "phones"),
                _withheld(person, "handles"),
            ]
        )
    out.append(_grid([_t("Relationship"), _t("Name"), _t("Phones"), _t("Handles")], rel_rows))
    contacts = sorted(
        (r for r in doc.of("contact_events") if r.values.get("case_id") == cid),
        key=lambda r: r.values.get("occurred_at") or datetime.min,
        reverse=True,
    )
    out.append(f"<h3>{html.escape(_t('Contact log'))}</h3>")
    out.append(
        _grid(
            [_t("When"), _t("Channel"), _t("Heard himself?"), _t("Who"), _t("What was said")],
            [
                [
                    _e(r.values.get("occurred_at")),
                    _e(r.values.get("channel")),
                    html.escape(_t("yes — proof of life"))
                    if r.values.get("direct")
                    else html.escape(_t("no — second-hand")),
                    _withheld(r, "participants"),
                    _e(r.values.get("note")),
                ]
                for r in contacts
            ],
        )
    )
    source_ids = {
        _uuid(r.values.get("source_id"))
        for r in doc.of("source_cases")
        if r.values.get("case_id") == cid
    }
    out.append(f"<h3>{html.escape(_t('Sources'))}</h3>")
    out.append(
        _grid(
            [_t("Source"), _t("Kind"), _t("Verification"), _t("Published"), _t("Reference")],
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
        _uuid(r.values.get("allegation_id"))
        for r in doc.of("allegation_cases")
        if r.values.get("case_id") == cid
    }
    allegations = [a for a in doc.of("allegations") if a.id in allegation_ids]
    out.append(f"<h3>{html.escape(_t('Allegations'))}</h3>")
    out.append(
        _grid(
            [_t("Kind"), _t("Date"), _t("Description"), _t("Source")],
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
    files = [
        a
        for a in doc.of("attachments")
        if a.values.get("case_id") == cid or _uuid(a.values.get("source_id")) in source_ids
    ]
    if files:
        out.append(f"<h3>{html.escape(_t('Attached files (in the bundle)'))}</h3>")
        out.append(
            _grid(
                [_t("File"), _t("In the bundle as"), _t("Size")],
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

    parts = [f"<h2>{html.escape(_t('Statistics (anonymised)'))}</h2>"]
    for title, rows in (
        (_t("Cases by status"), count("status")),
        (_t("Cases by home region"), count("home_region")),
        (_t("Cases by military unit"), count("military_unit")),
        (_t("Men held now, by place"), [[k, str(n)] for k, n in by_place.most_common()]),
        (
            _t("Flags by rule"),
            [[html.escape(k), str(n)] for k, n in Counter(f.rule for f in doc.flags).most_common()],
        ),
    ):
        parts.append(f"<h3>{html.escape(title)}</h3>")
        parts.append(_grid([_t("Value"), _t("Cases")], rows))
    return "".join(parts)
