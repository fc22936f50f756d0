"""A read-only, sortable table over a ``RecordTableModel``, with the record under the cursor.

Shared by every list in the app so they all behave alike: whole-row selection, sorting by
clicking a header (names in the language's alphabetical order), Enter or double-click to open,
columns sized to their content with the name column whole (``column_widths``).
"""

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from casetracker.gui.models.column_table import Column, RecordTableModel
from casetracker.gui.widgets.column_widths import ColumnWidths

T = TypeVar("T")


class RecordTable(QTableView, Generic[T]):
    activated_record = Signal(object)
    selected_record = Signal(object)

    def __init__(
        self,
        columns: Sequence[Column[T]],
        parent: QWidget | None = None,
        *,
        stretch_column: int | None = None,
        whole_columns: Sequence[int] = (),
    ) -> None:
        super().__init__(parent)
        self.source_model: RecordTableModel[T] = RecordTableModel(columns, self)
        # No proxy: the model sorts itself (People and Sources hold 40,000), Ё beside Е.
        self.setModel(self.source_model)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the list for the next control, not a cell
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(26)
        self.horizontalHeader().setHighlightSections(False)
        # Names (and phone numbers) are never shortened: ``whole_columns`` get their width first.
        self.widths = ColumnWidths(self, whole=whole_columns, spare=stretch_column, widest=320)
        self.doubleClicked.connect(self._on_activated)
        self.selectionModel().currentRowChanged.connect(self._on_current)

    def set_records(self, records: Sequence[T]) -> None:
        self.source_model.set_rows(records)
        self.widths.fit()

    def replace_records(
        self,
        records: Sequence[T],
        key: Callable[[T], object],
        empty: QWidget | None = None,
    ) -> None:
        """Show ``records`` after an edit: the record that was current (the same ``key``) stays
        current, else the first; with ``empty``, that line stands in for an empty table."""
        current = self.current_record()
        kept = None if current is None else key(current)
        self.set_records(records)
        if empty is not None:
            self.setVisible(bool(records))
            empty.setVisible(not records)
        if kept is None or not self.select_first_where(lambda record: key(record) == kept):
            self.select_first()

    def clear(self) -> None:
        self.source_model.clear()

    def record_at(self, index: QModelIndex) -> T | None:
        if not index.isValid():
            return None
        return self.source_model.row_at(index.row())

    def current_record(self) -> T | None:
        return self.record_at(self.currentIndex())

    def records(self) -> list[T]:
        return self.source_model.rows

    def select_first_where(self, wanted: Callable[[T], bool]) -> bool:
        """Make the first record shown that ``wanted`` accepts current; whether there was one."""
        for row, record in enumerate(self.source_model.rows):
            if wanted(record):
                self.setCurrentIndex(self.source_model.index(row, 0))
                return True
        return False

    def select_first(self) -> None:
        if self.source_model.rowCount() > 0:
            self.selectRow(0)

    def _on_activated(self, index: QModelIndex) -> None:
        record = self.record_at(index)
        if record is not None:
            self.activated_record.emit(record)

    def _on_current(self, current: QModelIndex, _previous: Any) -> None:
        self.selected_record.emit(self.record_at(current))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_activated(self.currentIndex())
            return
        super().keyPressEvent(event)
