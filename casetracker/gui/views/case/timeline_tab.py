"""Timeline: status changes, places, contacts and allegations on one line of dates."""

import uuid
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from casetracker.gui.labels import (
    allegation_label,
    certainty_label,
    channel_label,
    status_label,
)
from casetracker.gui.locale_format import date_text, datetime_text
from casetracker.gui.models.column_table import Column
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.case.case_tab import CaseTab
from casetracker.gui.views.case.debrief_tab import seen_by_text
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.i18n import translate
from casetracker.model.labels import note_text
from casetracker.model.request_labels import reply_outcome_label, request_kind_label
from casetracker.services.timeline import EntryKind, TimelineEntry, case_timeline
from casetracker.services.uncertain_dates import describe


def what(entry: TimelineEntry) -> str:
    d = entry.details
    if entry.kind is EntryKind.STATUS:
        return translate("TimelineTab", "Status: %1").replace("%1", status_label(d["status"]))
    if entry.kind is EntryKind.CUSTODY_START:
        return translate("TimelineTab", "Held at %1").replace("%1", d["place"])
    if entry.kind is EntryKind.CUSTODY_END and entry.day is None:
        return translate("TimelineTab", "Left %1 on a day not known").replace("%1", d["place"])
    if entry.kind is EntryKind.CUSTODY_END:
        return translate("TimelineTab", "Left %1").replace("%1", d["place"])
    if entry.kind is EntryKind.CONTACT:
        heard = (
            translate("TimelineTab", "heard him himself")
            if d["direct"]
            else translate("TimelineTab", "second-hand news")
        )
        text = f"{channel_label(d['channel'])} — {heard}"
        if d["reports_transfer"]:
            text += translate("TimelineTab", ", reports a transfer")
        return text
    if entry.kind is EntryKind.REQUEST_SENT:
        return translate("TimelineTab", "Request sent: %1").replace("%1", _body(d))
    if entry.kind is EntryKind.REQUEST_REPLY:
        return (
            translate("TimelineTab", "Reply from %1: %2")
            .replace("%1", _body(d))
            .replace("%2", reply_outcome_label(d["outcome"]) if d["outcome"] else "")
        )
    return translate("TimelineTab", "Allegation: %1").replace(
        "%1", allegation_label(d["allegation"])
    )


def _body(details: dict[str, Any]) -> str:
    """The body a request went to: as typed, else its kind; with our number when there is one."""
    body = details["addressee"] or request_kind_label(details["kind"])
    if not details["number"]:
        return body
    return (
        translate("TimelineTab", "%1, No. %2").replace("%1", body).replace("%2", details["number"])
    )


def details(entry: TimelineEntry) -> str:
    d = entry.details
    parts = []
    if entry.kind in (EntryKind.CUSTODY_START, EntryKind.CUSTODY_END):
        parts.append(certainty_label(d["certainty"]))
    if entry.kind is EntryKind.CONTACT:
        if d.get("witness"):
            parts.append(seen_by_text(d["witness"]))
        if d.get("relative") is not None:
            parts.append(d["relative"] or translate("TimelineTab", "anonymous relative"))
        if d.get("participants"):
            parts.append(d["participants"])
    if d.get("note"):
        parts.append(note_text(d["note"]))
    return " · ".join(parts)


def entry_date_text(entry: TimelineEntry) -> str:
    """The day (and time) as usual; in words when only a range is known ("about July 2024")."""
    if entry.when is not None:
        return describe(entry.when)
    return datetime_text(entry.at) if entry.at else date_text(entry.day)


class TimelineTab(CaseTab):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, case_id, parent)
        self.table: RecordTable[TimelineEntry] = RecordTable(
            [
                Column(
                    self.tr("Date"),
                    entry_date_text,
                    sort=lambda e: e.sort_key[1].isoformat(),
                ),
                Column(self.tr("What"), what),
                Column(self.tr("Details"), details, tooltip=details),
            ],
            self,
        )
        self.table.setAccessibleName(self.tr("Timeline"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        entries = case_timeline(self.session.ws, self.case_id)
        self.table.set_records(entries)
        self.table.sortByColumn(0, self.table.horizontalHeader().sortIndicatorOrder())

    def clear(self) -> None:
        self.table.clear()
