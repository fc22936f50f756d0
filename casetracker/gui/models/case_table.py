"""The case list as a Qt item model: the service's rows plus the open flags of each case."""

from collections.abc import Sequence
from datetime import date
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from casetracker.gui import style
from casetracker.gui.labels import rule_title, status_label
from casetracker.gui.models.column_table import SORT_ROLE
from casetracker.rules.flag import Flag
from casetracker.services.cases import CaseRow

Index = QModelIndex | QPersistentModelIndex


#: Columns shown as a row's own text, and the CaseRow field each one shows.
_TEXT_FIELDS = {
    "ref": "ref",
    "name": "full_name",
    "facility": "facility",
    "caseworker": "caseworker",
}


def days_since(row: CaseRow, today: date) -> int | None:
    if row.last_proof_of_life is None:
        return None
    return (today - row.last_proof_of_life.date()).days


class CaseTableModel(QAbstractTableModel):
    COLUMNS = ("ref", "name", "status", "facility", "days", "flags", "caseworker")

    def __init__(self, today: date | None = None) -> None:
        super().__init__()
        self._rows: list[CaseRow] = []
        self._given: list[CaseRow] = []  # as set_rows received them; _rows is them sorted
        self._shown: list[int] = []  # the position in _given of each row shown
        self._sorted_by: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._flags: dict[str, list[Flag]] = {}
        self._today = today or date.today()

    def headers(self) -> list[str]:
        return [
            self.tr("Ref"),
            self.tr("Name"),
            self.tr("Status"),
            self.tr("Held at"),
            self.tr("Days since\nproof of life"),
            self.tr("Flags"),
            self.tr("Caseworker"),
        ]

    def set_rows(self, rows: Sequence[CaseRow], flags: dict[str, list[Flag]] | None = None) -> None:
        self.beginResetModel()
        self._given = list(rows)
        self._flags = flags or {}
        self._today = date.today()
        self._shown = self._order(list(range(len(self._given))))
        self._rows = [self._given[i] for i in self._shown]
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (kept for later ``set_rows``); ties keep the order shown before.

        One key per row, sorted in Python: Qt's proxy asked ``data`` twice per comparison,
        which took seconds for 20,000 cases. The result is the order the proxy gave.
        """
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        shown = self._order(self._shown)
        now_at = [0] * len(shown)  # given position -> row it is shown on after sorting
        for n, i in enumerate(shown):
            now_at[i] = n
        was = self._shown
        self._shown = shown
        self._rows = [self._given[i] for i in shown]
        old = self.persistentIndexList()
        self.changePersistentIndexList(
            old, [self.index(now_at[was[index.row()]], index.column()) for index in old]
        )
        self.layoutChanged.emit()

    def _order(self, before: list[int]) -> list[int]:
        """``before`` (positions in ``_given``) stably sorted by the current sort column."""
        column, order = self._sorted_by
        if not 0 <= column < len(self.COLUMNS):
            return sorted(before)  # no sort column: the order given, as Qt's proxy does
        name = self.COLUMNS[column]
        keys: list[str | int]
        if name == "status":  # one translated label per status, not one per row
            labels = {s: status_label(s).casefold() for s in {r.status for r in self._given}}
            keys = [labels[row.status] for row in self._given]
        elif name in _TEXT_FIELDS:
            field = attrgetter(_TEXT_FIELDS[name])
            keys = [str(field(row)).casefold() for row in self._given]
        else:
            keys = [self._sort_key(row, name) for row in self._given]
        return sorted(
            before,
            key=keys.__getitem__,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def _sort_key(self, row: CaseRow, column: str) -> str | int:
        flags = self._flags.get(row.ref, [])
        if column == "days":
            days = days_since(row, self._today)
            return 100_000 if days is None else days
        if column == "flags":
            worst = flags[0].severity.rank if flags else 0
            return worst * 100 + len(flags)
        if column == "status":
            return status_label(row.status).casefold()
        return str(getattr(row, _TEXT_FIELDS[column])).casefold()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> CaseRow:
        return self._rows[row]

    def flags_of(self, ref: str) -> list[Flag]:
        return self._flags.get(ref, [])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and self.COLUMNS[section] == "days"
        ):
            return self.tr("Days since he himself was last heard (a direct contact)")
        return None

    def _flag_text(self, flags: list[Flag]) -> str:
        if not flags:
            return ""
        first = rule_title(flags[0].rule)
        if len(flags) == 1:
            return first
        return self.tr("%1 +%n more", "", len(flags) - 1).replace("%1", first)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        flags = self._flags.get(row.ref, [])
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "days":
                days = days_since(row, self._today)
                return "—" if days is None else str(days)
            if column == "flags":
                return self._flag_text(flags)
            return {
                "ref": row.ref,
                "name": row.full_name,
                "status": status_label(row.status),
                "facility": row.facility,
                "caseworker": row.caseworker,
            }[column]
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "flags" and flags:
                return "\n".join(f"• {rule_title(f.rule)}: {f.message}" for f in flags)
            if column == "days" and row.last_proof_of_life is None:
                return self.tr("He has not been heard directly since the case was opened.")
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column in ("flags", "days") and flags:
            return style.SEVERITY_FOREGROUND[flags[0].severity]
        if role == Qt.ItemDataRole.BackgroundRole and column == "flags" and flags:
            return style.SEVERITY_BACKGROUND[flags[0].severity]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "days":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class CaseSortProxy(QSortFilterProxyModel):
    """The Cases view's proxy: hands sorting to ``CaseTableModel.sort`` and shows its order."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, CaseTableModel):
            source.sort(column, order)
        else:
            super().sort(column, order)
