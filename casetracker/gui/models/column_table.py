"""A table model over a list of records, described by columns: header, text, sort key, colour.

Most lists in the app (contacts, allegations, history, places, people, sources) are a list of
service records shown read-only; one generic model keeps each view to a list of ``Column``s.
Sort keys are plain ``str``/``int``/``float`` (None: not known, sorted last); the model sorts its
rows itself (``sorted_table``: People and Sources hold tens of thousands).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from casetracker.gui.models.sorted_table import SortedTableModel, SortValue

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex


@dataclass
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    sort: Callable[[T], SortValue] | None = None
    tooltip: Callable[[T], str] | None = None
    foreground: Callable[[T], QColor | None] | None = None
    background: Callable[[T], QColor | None] | None = None
    align_right: bool = False

    def sort_value(self, record: T) -> SortValue:
        """What the list sorts ``record`` by: the sort key, else the text shown."""
        return self.sort(record) if self.sort else self.text(record)


class RecordTableModel(SortedTableModel[T]):
    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)

    @property
    def rows(self) -> list[T]:
        """The records in the order of the model's rows (``row_at``), sorted as shown."""
        return list(self._rows)

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._take(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def _sort_values(self, column: int) -> list[SortValue]:
        return list(map(self.columns[column].sort_value, self._given))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(record) or None
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground:
            return column.foreground(record)
        if role == Qt.ItemDataRole.BackgroundRole and column.background:
            return column.background(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
