"""History: who changed what and when on this case (the audit log), newest first."""

import json
import uuid
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from casetracker.gui.labels import field_label, field_value
from casetracker.gui.locale_format import datetime_text
from casetracker.gui.models.column_table import Column
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.case.case_tab import CaseTab
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model import AuditAction, AuditEntry
from casetracker.services import audit


def _day_alone_unless_timed(changes: dict[str, Any]) -> Any:
    """A contact's "when" as its day alone unless its time was given: the history leaves out a
    false time_known, and such a contact is stored at midnight."""
    when, known = changes.get("occurred_at"), changes.get("time_known")
    timed = known[-1] if isinstance(known, list) else known
    if timed or not isinstance(when, list):
        return when
    return [v[:10] if isinstance(v, str) and v.endswith("T00:00:00") else v for v in when]


def changes_text(entry: AuditEntry) -> str:
    """ "status: Detained → Transferred; note: …" in the interface language; ids are left out."""
    try:
        changes = json.loads(entry.changes or "{}")
    except ValueError:
        return ""
    if entry.entity == "ContactEvent":
        changes["occurred_at"] = _day_alone_unless_timed(changes)
    parts = []
    for key, value in sorted(changes.items()):
        if key in ("id", "blob_name", "time_known") or key.endswith("_id"):
            continue
        label = field_label(key)
        if isinstance(value, list) and len(value) == 2:
            old, new = (field_value(entry.entity, key, v) for v in value)
            parts.append(f"{label}: {old} → {new}" if value[0] else f"{label}: {new}")
        else:
            parts.append(f"{label}: {field_value(entry.entity, key, value)}")
    return "; ".join(parts)


class HistoryTab(CaseTab):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, case_id, parent)
        actions = {
            AuditAction.CREATE: self.tr("added"),
            AuditAction.UPDATE: self.tr("changed"),
            AuditAction.DELETE: self.tr("deleted"),
            AuditAction.ACKNOWLEDGE: self.tr("acknowledged"),
            AuditAction.IMPORT: self.tr("imported"),
        }
        entities = {
            "Case": self.tr("case"),
            "StatusChange": self.tr("status"),
            "ContactEvent": self.tr("contact"),
            "CustodyPeriod": self.tr("place of custody"),
            "CaseRelative": self.tr("relative link"),
            "SourceCase": self.tr("source link"),
            "AllegationCase": self.tr("allegation link"),
            "Attachment": self.tr("attachment"),
            "FlagState": self.tr("flag"),
        }
        self.table: RecordTable[AuditEntry] = RecordTable(
            [
                Column(
                    self.tr("When (UTC)"),
                    lambda e: datetime_text(e.at),
                    sort=lambda e: e.at.isoformat(),
                ),
                Column(self.tr("Who"), lambda e: e.actor),
                Column(
                    self.tr("What"),
                    lambda e: (
                        self.tr("%1 %2", "what was changed, then how: case changed")
                        .replace("%1", entities.get(e.entity, e.entity))
                        .replace("%2", actions.get(e.action, e.action))
                    ),
                ),
                Column(self.tr("Changes"), changes_text, tooltip=changes_text),
            ],
            self,
        )
        self.table.setAccessibleName(self.tr("History"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        with self.session.ws.reading() as session:
            entries = audit.history(session, self.case_id)
        self.table.set_records(entries)

    def clear(self) -> None:
        self.table.clear()
