"""The case list as a Qt item model over the service's rows."""

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from casetracker.gui.labels import status_label
from casetracker.services.cases import CaseRow

Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    COLUMNS = ("ref", "name", "status", "facility", "days", "caseworker")

    def __init__(self, today: date | None = None) -> None:
        super().__init__()
        self._rows: list[CaseRow] = []
        self._today = today or date.today()

    def headers(self) -> list[str]:
        return [
            self.tr("Ref"),
            self.tr("Name"),
            self.tr("Status"),
            self.tr("Held at"),
            self.tr("Days since proof of life"),
            self.tr("Caseworker"),
        ]

    def set_rows(self, rows: list[CaseRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> CaseRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def _days(self, row: CaseRow) -> int | None:
        if row.last_proof_of_life is None:
            return None
        return (self._today - row.last_proof_of_life.date()).days

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "days":
                days = self._days(row)
                return "—" if days is None else str(days)
            return {
                "ref": row.ref,
                "name": row.full_name,
                "status": status_label(row.status),
                "facility": row.facility,
                "caseworker": row.caseworker,
            }[column]
        if role == Qt.ItemDataRole.UserRole:  # sort key
            if column == "days":
                days = self._days(row)
                return -1 if days is None else days
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "days":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
