"""Open flags grouped by severity (critical, warnings, reminders), worst first within each.

A model over the flag list itself, not a tree of QStandardItems: an organisation of 20,000
cases has about 21,000 open flags, and building five items per flag took over a second on the
GUI thread before Today could show. Here a refresh only groups the list; a row's texts are
made when the view asks for them, which is for the rows on screen.
"""

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from casetracker.gui import style
from casetracker.gui.labels import rule_title, severity_group_label
from casetracker.gui.locale_format import date_text
from casetracker.rules.flag import Flag, Severity
from casetracker.services.cases import CaseRow

FLAG_ROLE = Qt.ItemDataRole.UserRole + 10
GROUP_ORDER = (Severity.CRITICAL, Severity.WARNING, Severity.INFO)
Index = QModelIndex | QPersistentModelIndex
COLUMNS = 5
_DAYS = 3
_WHAT = 2
# internalId of a group row; a flag row's is its group's number + 1.
_TOP = 0


class FlagTreeModel(QAbstractItemModel):
    def __init__(self) -> None:
        super().__init__()
        self._flags: list[Flag] = []
        self._groups: list[tuple[Severity, list[Flag]]] = []
        self._cases: dict[uuid.UUID, CaseRow] = {}
        self._texts: dict[tuple[int, int], list[str]] = {}
        self._today = date.today()
        self._headers = [
            self.tr("Case"),
            self.tr("Name"),
            self.tr("What"),
            self.tr("Days since\nproof of life"),
            self.tr("Flag raised"),
        ]

    @property
    def current_flags(self) -> list[Flag]:
        return list(self._flags)

    def clear_flags(self) -> None:
        self.set_flags([], {})

    def set_flags(self, flags: Sequence[Flag], cases: dict[uuid.UUID, CaseRow]) -> None:
        self.beginResetModel()
        self._flags = list(flags)
        self._cases = cases
        self._texts = {}
        self._today = date.today()
        by_severity: dict[Severity, list[Flag]] = {s: [] for s in GROUP_ORDER}
        for flag in self._flags:
            by_severity[flag.severity].append(flag)
        self._groups = [(s, by_severity[s]) for s in GROUP_ORDER if by_severity[s]]
        self.endResetModel()

    # -- structure --------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < COLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != _TOP or parent.column() != 0:
            return QModelIndex()
        group = parent.row()
        if row >= len(self._groups[group][1]):
            return QModelIndex()
        return self.createIndex(row, column, group + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    # -- content ----------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._group_data(index, role)
        group = index.internalId() - 1
        flag = self._groups[group][1][index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row_texts(group, index.row(), flag)[column]
        if role == FLAG_ROLE:
            return flag
        if role == Qt.ItemDataRole.ToolTipRole:
            return flag.message
        if role == Qt.ItemDataRole.TextAlignmentRole and column == _DAYS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and column == _WHAT:
            return style.SEVERITY_FOREGROUND[flag.severity]
        return None

    def _group_data(self, index: Index, role: int) -> Any:
        if index.column() != 0:
            return None
        severity, members = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return severity_group_label(severity, len(members))
        if role == Qt.ItemDataRole.FontRole:
            return style.bold(QFont())
        if role == Qt.ItemDataRole.ForegroundRole:
            return style.SEVERITY_FOREGROUND[severity]
        return None

    def _row_texts(self, group: int, row: int, flag: Flag) -> list[str]:
        key = (group, row)
        texts = self._texts.get(key)
        if texts is None:
            texts = self._texts[key] = self._make_texts(flag)
        return texts

    def _make_texts(self, flag: Flag) -> list[str]:
        row = self._cases.get(flag.case_id) if flag.case_id else None
        if flag.case_id is not None:
            subject = flag.case_ref or ""
            name = row.full_name if row else ""
        else:
            subject = flag.facility_name or ""
            name = self.tr("%n case(s) at this place", "", len(flag.case_refs))
        days: int | None
        if row is not None and row.last_proof_of_life is not None:
            days = (self._today - row.last_proof_of_life.date()).days
        elif flag.case_id is None:
            days = flag.numbers.get("days")
        else:
            days = None
        return [
            subject,
            name,
            rule_title(flag.rule),
            self.tr("never heard") if days is None else str(days),
            date_text(flag.since),
        ]

    def find(self, rule: str | None = None, subject: str | None = None) -> QModelIndex:
        """The first flag row with this rule and subject (any, when both are None)."""
        for group, (_severity, members) in enumerate(self._groups):
            for row, flag in enumerate(members):
                if rule is None or (flag.rule == rule and flag.subject == subject):
                    return self.createIndex(row, 0, group + 1)
        return QModelIndex()

    def flag_at(self, index: Index) -> Flag | None:
        if not index.isValid():
            return None
        value = index.sibling(index.row(), 0).data(FLAG_ROLE)
        return value if isinstance(value, Flag) else None
