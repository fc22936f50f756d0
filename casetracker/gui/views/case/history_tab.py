"""History: who changed what and when on this case, newest first, with a filter bar.

The entries come from services/history.py (the case's own changes, his relatives' edits, the
disclosure log, same-person links); this tab only shows them: each field old → new in words,
long texts shortened in the list with the whole entry in the tooltip. Filtering happens on the
entries already read, so typing in the filter never waits for the vault.
"""

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui import style
from casetracker.gui.locale_format import date_text, datetime_text
from casetracker.gui.models.column_table import Column
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.case.case_tab import CaseTab
from casetracker.gui.widgets.optional_date_edit import OptionalDateEdit
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.services import history
from casetracker.services.date_input import DateInputError
from casetracker.services.history import HistoryEntry, HistoryFilter, HistoryKind

# Characters of one value shown in the list; the tooltip has it all.
SHOWN_CHARACTERS = 80


def _words(entry: HistoryEntry, limit: int | None = None) -> str:
    return entry.changes_text(limit, day=date_text, moment=datetime_text)


def _who(entry: HistoryEntry) -> str:
    """The recorded name, and for a change from the team the member whose signature it bears."""
    if not entry.signed_by:
        return entry.actor
    signed = history.signed_words(entry.signed_by)
    return f"{entry.actor} ({signed})" if entry.actor else signed


class HistoryTab(CaseTab):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, case_id, parent)
        self.entries: list[HistoryEntry] = []
        self.what = QComboBox(self)
        self.what.addItem(self.tr("Everything"), "")
        for kind in HistoryKind:
            self.what.addItem(history.kind_label(kind), kind.value)
        self.who = QComboBox(self)
        self.since = OptionalDateEdit(self, future=True)
        self.until = OptionalDateEdit(self, future=True)
        for edit in (self.since, self.until):
            edit.edit.setPlaceholderText(self.tr("any day"))
            edit.setMaximumWidth(180)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("names, words, values…"))
        self.text.setClearButtonEnabled(True)
        self.reset_button = QPushButton(self.tr("Show all"), self)
        self.reset_button.clicked.connect(self.reset_filters)
        self.count = QLabel(self)
        style.set_role(self.count, "hint")
        self.what.setAccessibleName(self.tr("Show changes of"))
        self.who.setAccessibleName(self.tr("Show changes by"))
        self.since.setAccessibleName(self.tr("Changes on or after"))
        self.until.setAccessibleName(self.tr("Changes on or before"))
        self.text.setAccessibleName(self.tr("Changes with these words"))
        # Two rows: the choices, then the words (a narrow case window leaves them room).
        bar = QGridLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        rows = (
            ((self.tr("&What:"), self.what), (self.tr("W&ho:"), self.who)),
            ((self.tr("&From:"), self.since), (self.tr("&To:"), self.until)),
        )
        for row, pair in enumerate(rows):
            for column, (text, widget) in enumerate(pair):
                label = QLabel(text, self)
                label.setBuddy(widget)
                bar.addWidget(label, row, 2 * column)
                bar.addWidget(widget, row, 2 * column + 1)
        find = QLabel(self.tr("F&ind:"), self)
        find.setBuddy(self.text)
        bar.addWidget(find, 0, 4)
        bar.addWidget(self.text, 0, 5)
        bar.addWidget(self.reset_button, 1, 5, Qt.AlignmentFlag.AlignRight)
        bar.setColumnStretch(5, 1)

        self.table: RecordTable[HistoryEntry] = RecordTable(
            [
                Column(
                    self.tr("When"),
                    lambda e: datetime_text(e.at),
                    sort=lambda e: e.at.isoformat(),
                ),
                Column(self.tr("Who"), _who),
                Column(self.tr("What"), lambda e: e.what),
                Column(
                    self.tr("Changes"),
                    lambda e: _words(e, SHOWN_CHARACTERS),
                    tooltip=lambda e: "\n".join(
                        e.change_lines(day=date_text, moment=datetime_text)
                    ),
                ),
            ],
            self,
            stretch_column=3,
        )
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.setAccessibleName(self.tr("History"))
        # The selected entry whole, one field a line: the list shortens long notes.
        self.detail = QPlainTextEdit(self)
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("The selected change in full"))
        self.detail.setPlaceholderText(self.tr("Select a change to read it in full."))
        self.detail.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.table.selected_record.connect(self.show_detail)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.count)
        self.what.currentIndexChanged.connect(self.apply_filter)
        self.who.currentIndexChanged.connect(self.apply_filter)
        self.since.valueChanged.connect(self.apply_filter)
        self.until.valueChanged.connect(self.apply_filter)
        self.text.textChanged.connect(self.apply_filter)

    def refresh(self) -> None:
        with self.session.ws.reading() as session:
            self.entries = history.entries(session, self.case_id)
        chosen = self.who.currentData()
        self.who.blockSignals(True)
        self.who.clear()
        self.who.addItem(self.tr("Anyone"), "")
        for actor in history.actors(self.entries):
            self.who.addItem(actor, actor)
        self.who.setCurrentIndex(max(0, self.who.findData(chosen or "")))
        self.who.blockSignals(False)
        self.apply_filter()

    def current_filter(self) -> HistoryFilter:
        kind = self.what.currentData()
        return HistoryFilter(
            kinds=frozenset({HistoryKind(kind)}) if kind else frozenset(),
            who_is=self.who.currentData() or None,
            since=self._day(self.since),
            until=self._day(self.until),
            text=self.text.text(),
        )

    @staticmethod
    def _day(edit: OptionalDateEdit) -> date | None:
        try:
            return edit.value()
        except DateInputError:  # still being typed: the field says what is wrong
            return None

    def apply_filter(self) -> None:
        keep = self.current_filter()
        shown = [e for e in self.entries if keep.keeps(e)]
        self.table.set_records(shown)
        self.detail.clear()
        if len(shown) == len(self.entries):
            self.count.setText(self.tr("%n change(s)", "", len(shown)))
        else:
            self.count.setText(
                self.tr("%1 of %n change(s)", "", len(self.entries)).replace("%1", str(len(shown)))
            )

    def show_detail(self, entry: HistoryEntry | None) -> None:
        if entry is None:
            self.detail.clear()
            return
        head = f"{datetime_text(entry.at)} · {_who(entry)} · {entry.what}"
        lines = entry.change_lines(day=date_text, moment=datetime_text)
        self.detail.setPlainText("\n".join([head, *lines]))

    def reset_filters(self) -> None:
        for widget in (self.what, self.who, self.since, self.until, self.text):
            widget.blockSignals(True)
        self.what.setCurrentIndex(0)
        self.who.setCurrentIndex(0)
        self.since.clear_value()
        self.until.clear_value()
        self.text.clear()
        for widget in (self.what, self.who, self.since, self.until, self.text):
            widget.blockSignals(False)
        self.apply_filter()

    def clear(self) -> None:
        self.entries = []
        self.table.clear()
        self.who.clear()
        self.count.clear()
        self.detail.clear()
