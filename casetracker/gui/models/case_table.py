"""The case list as a Qt item model: the service's rows plus the open flags of each case.

While a search is typed, a last column says where each man was found when not by his name
("place: Брянка"); it is worked out for the rows on screen only, as they are shown.
"""

import uuid
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from casetracker.gui import style
from casetracker.gui.labels import rule_title, status_label
from casetracker.gui.models.sorted_table import SortedTableModel, SortValue
from casetracker.rules.flag import Flag
from casetracker.services.cases import CaseRow, SearchHit
from casetracker.services.uncertain_dates import describe

Index = QModelIndex | QPersistentModelIndex


# Columns shown as a row's own text, and the CaseRow field each one shows.
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


# The roles `CaseTableModel.data` answers. Qt asks a dozen per cell each time it sizes or
# paints the rows on screen (every search keystroke); the others get None before any work.
_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
    )
)

# Where a search found these cases (None: by his name or reference), asked for rows shown.
FoundIn = Callable[[Collection[uuid.UUID]], Mapping[uuid.UUID, SearchHit | None]]
# How many rows' hits are asked for at once: about a screenful, or what sizing measures.
FOUND_BATCH = 100


class CaseTableModel(SortedTableModel[CaseRow]):
    COLUMNS = ("ref", "name", "status", "detained", "facility", "days", "flags", "caseworker")
    # While searching: the columns, then where each was found. Sorted, it is the search's order.
    SEARCH_COLUMNS = (*COLUMNS, "found")

    def __init__(self, today: date | None = None) -> None:
        super().__init__()
        self._flags: dict[str, list[Flag]] = {}
        self._today = today or date.today()
        self._columns: tuple[str, ...] = self.COLUMNS
        self._found_in: FoundIn | None = None
        self._found: dict[uuid.UUID, str] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("Ref"),
            self.tr("Name"),
            self.tr("Status"),
            self.tr("Detention date"),
            self.tr("Held at"),
            self.tr("Days since\nproof of life"),
            self.tr("Flags"),
            self.tr("Caseworker"),
            self.tr("Found in"),
        ]

    @property
    def columns(self) -> tuple[str, ...]:
        return self._columns

    def set_rows(
        self,
        rows: Sequence[CaseRow],
        flags: dict[str, list[Flag]] | None = None,
        found_in: FoundIn | None = None,
    ) -> None:
        """``rows`` as given (a search's rows best first); with ``found_in``, a search is
        shown and the last column says where each was found."""
        self.beginResetModel()
        self._flags = flags or {}
        self._today = date.today()
        self._columns = self.COLUMNS if found_in is None else self.SEARCH_COLUMNS
        self._found_in, self._found = found_in, {}
        self._take(rows)
        self.endResetModel()

    def found_text(self, position: int) -> str:
        """Where the search found the man shown at ``position`` ("" when by his name); asked
        for him and the rows after him at once, as a screen shows them together."""
        if self._found_in is None:
            return ""
        row = self._rows[position]
        text = self._found.get(row.id)
        if text is None:
            batch = [r.id for r in self._rows[position : position + FOUND_BATCH]]
            hits = self._found_in([i for i in batch if i not in self._found])
            for case_id in batch:
                hit = hits.get(case_id)
                self._found.setdefault(case_id, "" if hit is None else self._hit_text(hit))
            text = self._found[row.id]
        return text

    def _hit_text(self, hit: SearchHit) -> str:
        fields = {
            "alias": self.tr("alias"),
            "unit": self.tr("unit"),
            "region": self.tr("region"),
            "note": self.tr("note"),
            "tags": self.tr("tags"),
            "caseworker": self.tr("caseworker"),
            "lawyer": self.tr("lawyer"),
            "place": self.tr("place"),
        }
        return f"{fields.get(hit.field, hit.field)}: {hit.text}"

    def _sort_values(self, column: int) -> list[SortValue]:
        """What each row as given sorts by in ``column``: text in the language's order, numbers
        as numbers, None (not known) last; the status labels made once per status."""
        name = self._columns[column]
        if name == "found":  # the search's own order, best first
            return list(range(len(self._given)))
        if name == "status":  # one translated label per status, not one per row
            labels = {s: status_label(s) for s in {r.status for r in self._given}}
            return [labels[row.status] for row in self._given]
        if name in _TEXT_FIELDS:
            return list(map(attrgetter(_TEXT_FIELDS[name]), self._given))
        return [self._sort_key(row, name) for row in self._given]

    def _sort_key(self, row: CaseRow, column: str) -> int | None:
        """Days, flags (worst first, then how many) or the detention's earliest day."""
        if column == "days":
            return days_since(row, self._today)
        if column == "flags":
            flags = self._flags.get(row.ref, [])
            return (flags[0].severity.rank * 100 + len(flags)) if flags else 0
        # detained: by the earliest day it allows; not entered or unknown last
        day = row.detained.column_day if row.detained is not None else None
        return day.toordinal() if day is not None else None

    def clear(self) -> None:
        self.set_rows([])

    def flags_of(self, ref: str) -> list[Flag]:
        return self._flags.get(ref, [])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and self._columns[section] == "days"
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
        if role not in _ROLES or not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        flags = self._flags.get(row.ref, [])
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "days":
                days = days_since(row, self._today)
                return "—" if days is None else str(days)
            if column == "flags":
                return self._flag_text(flags)
            if column == "found":
                return self.found_text(index.row())
            if column == "detained":
                return describe(row.detained) or "—"
            return {
                "ref": row.ref,
                "name": row.full_name,
                "status": status_label(row.status),
                "facility": row.facility,
                "caseworker": row.caseworker,
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "flags" and flags:
                return "\n".join(f"• {rule_title(f.rule)}: {f.message}" for f in flags)
            if column == "found":
                return self.found_text(index.row()) or None
            if column == "days" and row.last_proof_of_life is None:
                return self.tr("He has not been heard directly since the case was opened.")
            if column == "detained" and row.detained is not None:  # a long range, elided
                return describe(row.detained)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column in ("flags", "days") and flags:
            return style.SEVERITY_FOREGROUND[flags[0].severity]
        if role == Qt.ItemDataRole.BackgroundRole and column == "flags" and flags:
            return style.SEVERITY_BACKGROUND[flags[0].severity]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "days":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
