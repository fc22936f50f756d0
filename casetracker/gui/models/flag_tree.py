"""Open flags, one row per man (and one per silent place), worst first; his other flags beside.

A row's "What" names the man's worst flag first, then his other flags ("Lost contact; also: No
lawyer"), so a narrow column cuts the others, never the worst; expanding the row shows each of
them as a child row, so any one can be selected and acknowledged. A model over the
service's list itself, not a tree of QStandardItems: an organisation of 20,000 cases has about
21,000 open flags, and building items for them took over a second on the GUI thread. Here a
refresh only takes the list; a row's texts are made when the view asks for them, which is for
the rows on screen.
"""

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from casetracker.gui import style
from casetracker.gui.labels import rule_title, severity_label
from casetracker.gui.locale_format import date_text
from casetracker.rules.flag import Flag
from casetracker.services.cases import CaseRow
from casetracker.services.flags import SubjectFlags

FLAG_ROLE = Qt.ItemDataRole.UserRole + 10
Index = QModelIndex | QPersistentModelIndex
COLUMNS = 5
_WHAT = 2
_DAYS = 3
# internalId of a man's (or place's) row; a child row's is its parent's row number + 1.
_TOP = 0
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_LEAF = _SELECTABLE | Qt.ItemFlag.ItemNeverHasChildren


class FlagTreeModel(QAbstractItemModel):
    def __init__(self) -> None:
        super().__init__()
        self._subjects: list[SubjectFlags] = []
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
        """Every flag shown, in the order of the rows (a man's other flags after his worst)."""
        return [flag for subject in self._subjects for flag in subject.flags]

    @property
    def subjects(self) -> list[SubjectFlags]:
        return list(self._subjects)

    def clear_flags(self) -> None:
        self.set_subjects([], {})

    def set_subjects(
        self, subjects: Sequence[SubjectFlags], cases: dict[uuid.UUID, CaseRow]
    ) -> None:
        self.beginResetModel()
        self._subjects = list(subjects)
        self._cases = cases
        self._texts = {}
        self._today = date.today()
        self.endResetModel()

    # -- structure --------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < COLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return (
                self.createIndex(row, column, _TOP) if row < len(self._subjects) else QModelIndex()
            )
        if parent.internalId() != _TOP or parent.column() != 0:
            return QModelIndex()
        if row >= len(self._subjects[parent.row()].others):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._subjects)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._subjects[parent.row()].others)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Asked twice per row when the view lays out every row (to size its columns): the
        # values are made once, and a row without others says it has no children, so the view
        # need not count them (10,000 calls into Python fewer at 20,000 cases).
        if not index.isValid():
            return _NO_FLAGS
        if index.internalId() != _TOP or not self._subjects[index.row()].others:
            return _LEAF
        return _SELECTABLE

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    # -- content ----------------------------------------------------------------------------
    def _located(self, index: Index) -> tuple[int, int, Flag]:
        """(subject row, child row or -1, the flag shown) of a valid index."""
        if index.internalId() == _TOP:
            return index.row(), -1, self._subjects[index.row()].worst
        top = index.internalId() - 1
        return top, index.row(), self._subjects[top].others[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        top, child, flag = self._located(index)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row_texts(top, child)[column]
        if role == FLAG_ROLE:
            return flag
        if role == Qt.ItemDataRole.ToolTipRole:
            shown = self._subjects[top].flags if child < 0 else (flag,)
            return "\n".join(f"{severity_label(f.severity)}: {f.message}" for f in shown)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == _WHAT:
            return f"{severity_label(flag.severity)}: {self._row_texts(top, child)[_WHAT]}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == _DAYS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and column == _WHAT:
            return style.SEVERITY_FOREGROUND[flag.severity]
        if role == Qt.ItemDataRole.BackgroundRole and column == _WHAT:
            return style.SEVERITY_BACKGROUND[flag.severity]
        return None

    def _row_texts(self, top: int, child: int) -> list[str]:
        key = (top, child)
        texts = self._texts.get(key)
        if texts is None:
            texts = self._texts[key] = self._make_texts(top, child)
        return texts

    def _make_texts(self, top: int, child: int) -> list[str]:
        subject = self._subjects[top]
        if child >= 0:  # one of his other flags: what and since; the row above says who
            flag = subject.others[child]
            return ["", "", rule_title(flag.rule), "", date_text(flag.since)]
        flag = subject.worst
        what = rule_title(flag.rule)
        if flag.case_id is not None:
            row = self._cases.get(flag.case_id)
            who, name = flag.case_ref or "", row.full_name if row else ""
        else:  # the place's name where names are: the reference column stays narrow
            who, name = "", flag.facility_name or ""
            held = self.tr("%n case(s) at this place", "", len(flag.case_refs))
            what = f"{what} — {held}"
        if subject.others:
            also = ", ".join(rule_title(other.rule) for other in subject.others)
            what = self.tr("%1; also: %2").replace("%1", what).replace("%2", also)
        days = subject.days_silent
        return [
            who,
            name,
            what,
            self.tr("never heard") if days is None else str(days),
            date_text(flag.since),
        ]

    def find(self, rule: str | None = None, subject: str | None = None) -> QModelIndex:
        """The row of the flag with this rule and subject (the first row when both are None)."""
        for top, entry in enumerate(self._subjects):
            if rule is None:
                return self.createIndex(top, 0, _TOP)
            if entry.worst.subject != subject:
                continue
            for position, flag in enumerate(entry.flags):
                if flag.rule != rule:
                    continue
                if position == 0:  # his worst: his own row
                    return self.createIndex(top, 0, _TOP)
                return self.createIndex(position - 1, 0, top + 1)
        return QModelIndex()

    def flag_at(self, index: Index) -> Flag | None:
        if not index.isValid():
            return None
        value = index.sibling(index.row(), 0).data(FLAG_ROLE)
        return value if isinstance(value, Flag) else None

    def others_at(self, index: Index) -> tuple[Flag, ...]:
        """His other flags, when ``index`` is a man's (or a place's) own row."""
        if not index.isValid() or index.internalId() != _TOP:
            return ()
        return self._subjects[index.row()].others
