"""Cases: search as you type, filter, sort, and see possible duplicates.

Search runs in the service (names, aliases, units, places and notes; any case, Cyrillic or
Latin, tolerant of transliteration) and lists the men found by name first; a "Found in" column
says where the others were found ("place: Брянка"). Filters narrow the result here. Everything is a
``QAbstractTableModel`` that sorts itself (no proxy), so 100,000 rows stay quick.

Possible duplicates are worked out on a worker thread (seconds at 100,000 cases): the list is
usable at once, and the banner appears when the pairs are known.
"""

import uuid
from collections import defaultdict

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casetracker.cancellation import Cancelled
from casetracker.gui.background import BackgroundJob
from casetracker.gui.dialogs.duplicate_pairs_dialog import DuplicatePairsDialog
from casetracker.gui.error_messages import show_error
from casetracker.gui.labels import rule_title, status_label
from casetracker.gui.models.case_table import CaseTableModel, FoundIn
from casetracker.gui.style import set_role
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.column_widths import ColumnWidths
from casetracker.model import CaseStatus
from casetracker.rules import engine
from casetracker.rules.flag import Flag
from casetracker.services.cases import CaseRow
from casetracker.services.duplicates import (
    DuplicatePair,
    Reason,
    duplicates_job,
    remembered_duplicates,
)

ANY = "__any__"
NONE = "__none__"


class _CaseTable(QTableView):
    enter_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)


class CasesView(QWidget):
    case_activated = Signal(object)  # uuid.UUID
    # The duplicates banner says what is known for the vault as it is now.
    duplicates_ready = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        self._all_rows: list[CaseRow] = []
        self._flags: dict[str, list[Flag]] = {}
        self._duplicates: list[DuplicatePair] = []
        self._duplicates_job: BackgroundJob[object] | None = None
        self._duplicates_again = False  # the vault changed while the job ran
        self._only: set[uuid.UUID] | None = None
        self._searched: str | None = None  # what the rows were found with
        self._sort_before: tuple[int, Qt.SortOrder] | None = None  # while searching

        self.title = QLabel(self.tr("Cases"), self)
        set_role(self.title, "title")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Find by name, alias, unit, place or note — Cyrillic or Latin (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setClearButtonEnabled(True)

        self.status_filter = self._combo(self.tr("Any status"))
        for status in CaseStatus:
            self.status_filter.addItem(status_label(status), status.value)
        self.flag_filter = self._combo(self.tr("Any flags"))
        self.flag_filter.addItem(self.tr("With open flags"), "__flagged__")
        self.flag_filter.addItem(self.tr("Without flags"), NONE)
        for rule in engine.RULES:
            self.flag_filter.addItem(rule.title(), rule.id)
        self.facility_filter = self._combo(self.tr("Any place"))
        self.unit_filter = self._combo(self.tr("Any unit"))
        self.region_filter = self._combo(self.tr("Any region"))
        self.caseworker_filter = self._combo(self.tr("Any caseworker"))
        for combo, name in (
            (self.status_filter, self.tr("Filter by status")),
            (self.flag_filter, self.tr("Filter by flag")),
            (self.facility_filter, self.tr("Filter by place")),
            (self.unit_filter, self.tr("Filter by unit")),
            (self.region_filter, self.tr("Filter by region")),
            (self.caseworker_filter, self.tr("Filter by caseworker")),
        ):
            combo.setAccessibleName(name)
        self.clear_filters_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_filters_button.clicked.connect(self.clear_filters)

        self.duplicates_banner = QFrame(self)
        set_role(self.duplicates_banner, "banner")
        self.duplicates_text = QLabel(self.duplicates_banner)
        self.duplicates_text.setWordWrap(True)
        self.duplicates_button = QPushButton(self.tr("Show them"), self.duplicates_banner)
        self.duplicates_button.setCheckable(True)
        self.duplicates_button.toggled.connect(self._toggle_duplicates)
        self.review_button = QPushButton(self.tr("Decide pair by pair…"), self.duplicates_banner)
        self.review_button.clicked.connect(self.review_duplicates)
        for button in (self.duplicates_button, self.review_button):  # the wrapped text yields
            button.setMinimumWidth(button.sizeHint().width())
        banner_layout = QHBoxLayout(self.duplicates_banner)
        banner_layout.setContentsMargins(10, 6, 10, 6)
        banner_layout.addWidget(self.duplicates_text, 1)
        banner_layout.addWidget(self.duplicates_button)
        banner_layout.addWidget(self.review_button)
        self.duplicates_banner.hide()

        self.model = CaseTableModel()  # it sorts itself (a header click calls its sort)
        self.table = _CaseTable(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several cases can be selected (Shift/Ctrl+click) to export them together.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setHighlightSections(False)
        # The reference and the name get the width they need first; headers are never cut off.
        self.widths = ColumnWidths(self.table, whole=(0, 1), spare=1)
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.doubleClicked.connect(self._activated)
        self.table.enter_pressed.connect(lambda: self._activated(self.table.currentIndex()))
        self.count = QLabel(self)
        set_role(self.count, "subtitle")

        # Two rows of three, so the filters fit a narrow window (long translations, 200 %).
        filters = QGridLayout()
        for i, combo in enumerate(
            (
                self.status_filter,
                self.flag_filter,
                self.facility_filter,
                self.unit_filter,
                self.region_filter,
                self.caseworker_filter,
            )
        ):
            filters.addWidget(combo, i // 3, i % 3)
            filters.setColumnStretch(i % 3, 1)
        filters.addWidget(self.clear_filters_button, 0, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.duplicates_banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self._search_changed)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        # Keyboard: Enter (or Down) goes from the search to the results; with a single match,
        # Enter opens it straight away.
        self.search.returnPressed.connect(self._search_entered)
        self.search.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self._focus_results()
            return True
        return super().eventFilter(watched, event)

    def _search_entered(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self._search_changed()
        if self.model.rowCount() == 1:
            self._activated(self.model.index(0, 0))
        else:
            self._focus_results()

    def _focus_results(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self._search_changed()
        if self.model.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus()

    def _combo(self, any_text: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(any_text, ANY)
        combo.setMinimumContentsLength(10)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        return combo

    # -- data -------------------------------------------------------------------------------
    def set_session(self, session: VaultSession | None) -> None:
        self.session = session
        if session is None:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self._all_rows, self._flags, self._duplicates, self._only = [], {}, [], None
            self._duplicates_job, self._duplicates_again = None, False  # it never answers
            self.model.clear()
            self.count.clear()
            for combo in self._value_filters():
                self._fill(combo, [])
            self.duplicates_banner.hide()
        else:
            self.refresh()

    def _value_filters(self) -> list[QComboBox]:
        return [self.facility_filter, self.unit_filter, self.region_filter, self.caseworker_filter]

    def refresh(self) -> None:
        if self.session is None or not self.session.is_open:
            return
        ws = self.session.ws
        search = self._searched = self.search.text().strip() or None
        self._all_rows = ws.cases.rows(search=search)
        # A flag or two per case, 100,000 at as many cases: grouped in one tight loop.
        by_ref: defaultdict[str, list[Flag]] = defaultdict(list)
        for flag in self.session.flags.open_flags():
            if flag.case_ref:
                by_ref[flag.case_ref].append(flag)
            if flag.case_refs:
                for ref in flag.case_refs:
                    by_ref[ref].append(flag)
        self._flags = by_ref
        every = ws.cases.rows() if search else self._all_rows
        # The id as text only once per place: 100,000 rows, 500 places.
        places = {row.facility_id: row.facility for row in every if row.facility_id is not None}
        named = [(str(place), name) for place, name in places.items()]
        self._fill(self.facility_filter, sorted(named, key=lambda kv: kv[1].casefold()))
        for combo, values in (
            (self.unit_filter, {r.military_unit for r in every}),
            (self.region_filter, {r.home_region for r in every}),
            (self.caseworker_filter, {r.caseworker for r in every}),
        ):
            self._fill(combo, [(v, v) for v in sorted(v for v in values if v)])
        self.apply_filters()
        self._ask_duplicates()

    def _search_changed(self) -> None:
        """A keystroke changes only which rows match: flags, menus and duplicates stay."""
        if self.session is None or not self.session.is_open:
            return
        self._searched = self.search.text().strip() or None
        self._all_rows = self.session.ws.cases.rows(search=self._searched)
        self.apply_filters()

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for data, text in items:
            combo.addItem(text, data)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def duplicates_pending(self) -> bool:
        """Whether the pairs are being worked out (the banner may still change)."""
        return self._duplicates_job is not None

    def _ask_duplicates(self) -> None:
        """The pairs at once when nothing changed since they were worked out; else from a
        worker, one job at a time (asked again when it ends, if the vault changed)."""
        session = self.session
        if session is None or not session.is_open:
            return
        known = remembered_duplicates(session.ws)
        if known is not None:
            self._duplicates_again = False
            self._duplicates_found(known)
        elif self._duplicates_job is not None:
            self._duplicates_again = True
        else:
            job = session.run_job(
                duplicates_job(session.ws),
                lambda pairs: self._job_answered(job, pairs),
                lambda exc: self._job_answered(job, exc),
            )
            self._duplicates_job = job

    def _job_answered(
        self, job: BackgroundJob[object], answer: list[DuplicatePair] | Exception
    ) -> None:
        if job is not self._duplicates_job:  # a job of a vault since locked or left
            return
        self._duplicates_job = None
        if isinstance(answer, Exception):
            self.duplicates_ready.emit()  # nothing more will come: the banner stays as it was
            if not isinstance(answer, Cancelled):
                show_error(self, answer, self.tr("Possible duplicates could not be found"))
            return
        if self._duplicates_again:
            self._duplicates_again = False
            self._ask_duplicates()
            if self._duplicates_job is not None:
                return
        self._duplicates_found(answer)

    def _duplicates_found(self, pairs: list[DuplicatePair]) -> None:
        if pairs is self._duplicates:
            self.duplicates_ready.emit()
            return
        self._duplicates = pairs
        self._show_duplicates()
        if self._only is not None:  # "Show them" is on: the pairs it shows changed
            self._toggle_duplicates(True)
        self.duplicates_ready.emit()

    def _show_duplicates(self) -> None:
        pairs = self._duplicates
        if not pairs:
            self.duplicates_banner.hide()
            self.duplicates_button.setChecked(False)
            return
        first = pairs[0]
        why = {
            Reason.SAME_NAME: self.tr("same name, spelt differently"),
            Reason.TYPO: self.tr("names one typing slip apart"),
            Reason.SAME_BIRTH_DATE: self.tr("same birth date, similar name"),
        }[first.reason]
        text = self.tr("%n possible duplicate(s): ", "", len(pairs))
        text += f"{first.first_ref} / {first.second_ref} ({why})"
        if len(pairs) > 1:
            text += self.tr(" and more")
        self.duplicates_text.setText(text)
        self.duplicates_banner.show()

    def _toggle_duplicates(self, on: bool) -> None:
        if on:
            ids: set[uuid.UUID] = set()
            for pair in self._duplicates:
                ids.update((pair.first_id, pair.second_id))
            self._only = ids
            self.duplicates_button.setText(self.tr("Show all"))
        else:
            self._only = None
            self.duplicates_button.setText(self.tr("Show them"))
        self.apply_filters()

    def review_duplicates(self) -> DuplicatePairsDialog | None:
        """The pairs one by one: same man, not the same (never proposed again), or merge."""
        if self.session is None or not self.session.is_open:
            return None
        dialog = DuplicatePairsDialog(self.session, self)
        dialog.open_cases.connect(self._open_pair)
        dialog.open()
        return dialog

    def _open_pair(self, first: uuid.UUID, second: uuid.UUID) -> None:
        self.case_activated.emit(first)
        self.case_activated.emit(second)

    def apply_filters(self) -> None:
        status = self.status_filter.currentData()
        flag = self.flag_filter.currentData()
        facility = self.facility_filter.currentData()
        unit = self.unit_filter.currentData()
        region = self.region_filter.currentData()
        caseworker = self.caseworker_filter.currentData()
        narrowed = self._only is not None or not (
            ANY == status == flag == facility == unit == region == caseworker
        )
        rows = [] if narrowed else self._all_rows  # (typing a search: nothing to narrow)
        for row in self._all_rows if narrowed else ():
            flags = self._flags.get(row.ref, [])
            if self._only is not None and row.id not in self._only:
                continue
            if status != ANY and row.status.value != status:
                continue
            if flag == "__flagged__" and not flags:
                continue
            if flag == NONE and flags:
                continue
            if flag not in (ANY, NONE, "__flagged__") and not any(f.rule == flag for f in flags):
                continue
            if facility != ANY and str(row.facility_id) != facility:
                continue
            if unit != ANY and row.military_unit != unit:
                continue
            if region != ANY and row.home_region != region:
                continue
            if caseworker != ANY and row.caseworker != caseworker:
                continue
            rows.append(row)
        self.model.set_rows(rows, self._flags, self._found_in())
        self._order_for_search()
        self.widths.fit()
        total = len(self._all_rows)
        if len(rows) == total:
            self.count.setText(self.tr("%n case(s)", "", total))
        else:
            self.count.setText(
                self.tr("%n case(s) shown", "", len(rows))
                + self.tr(" of %1").replace("%1", str(total))
            )

    def _found_in(self) -> FoundIn | None:
        """While searching: where the search found the rows the table shows."""
        searched = self._searched
        if not searched or self.session is None or not self.session.is_open:
            return None
        cases = self.session.ws.cases
        return lambda case_ids: cases.search_hits(case_ids, searched)

    def _order_for_search(self) -> None:
        """While searching, the best matches first: sorted by "Found in", the search's own
        order (names first). Afterwards the order from before, unless another was chosen."""
        header = self.table.horizontalHeader()
        found = self.model.SEARCH_COLUMNS.index("found")
        if self._searched and self._sort_before is None:
            self._sort_before = (header.sortIndicatorSection(), header.sortIndicatorOrder())
            self.table.sortByColumn(found, Qt.SortOrder.AscendingOrder)
        elif not self._searched and self._sort_before is not None:
            before, self._sort_before = self._sort_before, None
            if header.sortIndicatorSection() in (found, -1):
                self.table.sortByColumn(*before)

    def clear_filters(self) -> None:
        for combo in (self.status_filter, self.flag_filter, *self._value_filters()):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.duplicates_button.setChecked(False)
        self.apply_filters()

    def set_filter(self, combo: QComboBox, data: str) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    def visible_refs(self) -> list[str]:
        return [self.model.row_at(r).ref for r in range(self.model.rowCount())]

    def selected_case_id(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(index.row()).id

    def selected_case_ids(self) -> list[uuid.UUID]:
        """Every selected case, in the order shown (for exporting them together)."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.row_at(r).id for r in rows]

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.model.row_at(index.row())
        self.case_activated.emit(row.id)

    def filter_titles(self) -> list[str]:
        return [rule_title(rule.id) for rule in engine.RULES]
