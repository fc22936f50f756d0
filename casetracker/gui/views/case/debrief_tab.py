"""Debrief: the men held where he was while he was there, to ask him about each of them.

Shown once he is out (released, home, transferred) or has left any place. "He saw this man…"
logs what he says on the other man's case, as second-hand news tied to this case.
"""

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from casetracker.gui import style
from casetracker.gui.dialogs.seen_by_dialog import SeenByDialog
from casetracker.gui.labels import status_label
from casetracker.gui.locale_format import EMPTY, date_text, days_ago_text
from casetracker.gui.models.column_table import Column
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.case.case_tab import CaseTab
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.i18n import translate
from casetracker.services import debrief
from casetracker.services.debrief import DebriefRow, Span


def _days_since(row: DebriefRow) -> int:
    proof = row.last_proof_of_life
    return (date.today() - proof.date()).days if proof else 0


def span_text(span: Span) -> str:
    """The days they shared: "01.07.2024 – 10.07.2024", one day alone, an open end as "…"."""
    if span.start is not None and span.start == span.end:
        return date_text(span.start)
    start = date_text(span.start) if span.start else "…"
    end = date_text(span.end) if span.end else "…"
    return f"{start} – {end}"


def seen_by_text(witness: str) -> str:
    """ "seen by CT-0042 — name (debrief)": news of a man from another man's debrief, as his
    contacts and timeline show it."""
    return translate("DebriefTab", "seen by %1 (debrief)").replace("%1", witness)


def where_text(row: DebriefRow) -> str:
    return "; ".join(f"{o.place}, {span_text(o.span)}" for o in row.overlaps)


class DebriefTab(CaseTab):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, case_id, parent)
        self.intro = QLabel(
            self.tr(
                "Men recorded at the same places while he was held there. Ask him about each "
                "of them; what he saw is logged on that man's case."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.table: RecordTable[DebriefRow] = RecordTable(
            [
                Column(self.tr("Case"), lambda r: r.ref),
                Column(self.tr("Name"), lambda r: r.full_name),
                Column(self.tr("Status"), lambda r: status_label(r.status)),
                Column(
                    self.tr("Held with him"),
                    where_text,
                    tooltip=where_text,
                    sort=lambda r: min(
                        (o.span.start.isoformat() for o in r.overlaps if o.span.start), default=""
                    ),
                ),
                Column(
                    self.tr("Days since\nproof of life"),
                    lambda r: str(_days_since(r)) if r.last_proof_of_life else EMPTY,
                    sort=lambda r: _days_since(r) if r.last_proof_of_life else 1_000_000,
                    tooltip=lambda r: self.tr("He himself was last heard: %1").replace(
                        "%1", days_ago_text(r.last_proof_of_life)
                    ),
                    align_right=True,
                ),
                Column(
                    self.tr("He told us\nabout him"),
                    lambda r: date_text(r.told_on) if r.told_on else "",
                    sort=lambda r: r.told_on.isoformat() if r.told_on else "",
                ),
            ],
            self,
            whole_columns=(1,),
            stretch_column=3,
        )
        self.table.setAccessibleName(self.tr("Men held with him"))
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.activated_record.connect(lambda _r: self.seen_selected())
        self.table.selected_record.connect(self._selected)
        self.seen_button = QPushButton(self.tr("He saw this man…"), self)
        style.set_role(self.seen_button, "primary")
        self.seen_button.setToolTip(
            self.tr("Log what he said about the selected man, on that man's case")
        )
        self.seen_button.clicked.connect(self.seen_selected)
        self.empty = QLabel(
            self.tr("Nobody else is recorded at his places at the same time."), self
        )
        style.set_role(self.empty, "hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.seen_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        rows = debrief.debrief_list(self.session.ws, self.case_id)
        self.table.set_records(rows)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.table.select_first()
        self.seen_button.setEnabled(self.table.current_record() is not None)

    def clear(self) -> None:
        self.table.clear()

    def seen_selected(self) -> SeenByDialog | None:
        row = self.table.current_record()
        if row is None:
            return None
        me = self.session.ws.cases.get(self.case_id)
        dialog = SeenByDialog(
            self.session,
            (me.id, f"{me.ref} — {me.full_name}"),
            (row.case_id, f"{row.ref} — {row.full_name}"),
            self,
        )
        dialog.open()
        return dialog

    def _selected(self, row: DebriefRow | None) -> None:
        self.seen_button.setEnabled(row is not None)
