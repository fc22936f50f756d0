"""Sorting done by the model itself, in exactly the order QSortFilterProxyModel gives.

The proxy compares two rows by asking the model's ``data`` for both, on every comparison: with a
Python model and 20,000-40,000 rows that is over a million Python calls, seconds on the GUI
thread. A ``SortedTableModel`` takes one sort value per row and sorts in Python;
``ModelSortProxy`` hands the view's sort requests to it and shows its order. ``python_keys``
turns the values into keys that Python orders as the proxy compares them (case folding, UTF-16
order, numbers, and the language's alphabetical order through ``QCollator`` sort keys where
the proxy compares "locale-aware"); values it cannot vouch for are ordered by a proxy after
all, slowly but the same, so the order shown never depends on which way it was computed.
"""

import math
import re
import unicodedata
from collections.abc import Sequence
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
ASCENDING = Qt.SortOrder.AscendingOrder
CASE_INSENSITIVE = Qt.CaseSensitivity.CaseInsensitive

#: Qt compares 32-bit integers as numbers, and doubles; not an integer with a double (2 ties
#: with infinity) nor a 32-bit integer with a 64-bit one. Those are left to the proxy.
_INT32 = range(-(2**31), 2**31)
#: PySide drops a leading U+FEFF, and byte-swaps a string led by U+FFFE, on the way to Qt.
_BYTE_ORDER_MARKS = ("\ufeff", "\ufffe")
#: Latin, Greek and Cyrillic: folded alike by Python 3.11 and Qt 6.11 (checked for every
#: character); beyond them a character Python's Unicode tables do not know may fold in Qt.
_BEYOND_CYRILLIC = re.compile("[^\x00-\u052f]")
#: Simple case foldings Unicode added after the version Python 3.11 knows (Qt 6.11 has them).
_FOLDED_SINCE = frozenset("\u1fd3\u1fe3\ufb05")
#: Characters beyond U+FFFF: Qt compares UTF-16 code units, so these sort before U+E000-U+FFFF.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _fold_char(char: str) -> str:
    folded = char.casefold()
    if len(folded) == 1:
        return folded
    lower = char.lower()  # where full folding gives several characters, simple folding lowers
    return lower if len(lower) == 1 else char


def _fold(text: str) -> str:
    """As Qt's case-insensitive comparison folds: character by character (simple folding)."""
    folded = text.casefold()
    if len(folded) == len(text):  # every character folded to one, as simple folding does
        return folded
    return "".join(map(_fold_char, text))


def _utf16_units(match: "re.Match[str]") -> str:
    code = ord(match.group()) - 0x10000
    return chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF))


def python_keys(
    values: Sequence[object],
    case: Qt.CaseSensitivity = Qt.CaseSensitivity.CaseSensitive,
    locale_aware: bool = False,
) -> list[Any] | None:
    """Keys that ``sorted`` orders as QSortFilterProxyModel's ``lessThan`` orders ``values``.

    None where no key reproduces the proxy: mixed or other types (an integer among doubles
    included), NaN, integers beyond 32 bits, strings PySide alters on the way (a leading
    byte-order mark), and characters Python's Unicode tables fold other than Qt's. Checked
    against Qt 6.11 for every Unicode character, both case sensitivities. Locale-aware, the
    proxy compares strings as ``QCollator`` for the default locale does (case and all): its
    sort keys, 3 s → 0.2 s for 40,000 names.
    """
    kinds = set(map(type, values))
    if not kinds:
        return []
    if kinds == {int}:
        ints = cast("Sequence[int]", values)
        return list(ints) if min(ints) in _INT32 and max(ints) in _INT32 else None
    if kinds == {float}:
        floats = cast("Sequence[float]", values)
        return None if any(map(math.isnan, floats)) else list(floats)
    if kinds != {str}:
        return None
    texts = list(cast("Sequence[str]", values))
    if locale_aware:
        locale = QLocale()
        if locale.language() == QLocale.Language.C:  # Qt compares code units, case and all
            return python_keys(texts, Qt.CaseSensitivity.CaseSensitive)
        collator = QCollator(locale)
        return [collator.sortKey(text) for text in texts]
    joined = "\x00".join(texts)  # one pass over them all in C, not one per string
    if case == CASE_INSENSITIVE:
        folded = joined.casefold()
        split = folded.split("\x00")
        if len(folded) == len(joined) and len(split) == len(texts):  # all one-to-one
            texts, joined = split, folded
        else:
            texts = [_fold(t) for t in texts]
            joined = "\x00".join(texts)
    if joined.isascii():
        return texts
    if joined.startswith(_BYTE_ORDER_MARKS) or any(f"\x00{m}" in joined for m in _BYTE_ORDER_MARKS):
        return None
    odd = set(_BEYOND_CYRILLIC.findall(joined))
    if case == CASE_INSENSITIVE and any(
        c in _FOLDED_SINCE or unicodedata.category(c) == "Cn" for c in odd
    ):
        return None
    if any(c > "\uffff" for c in odd):
        texts = [_ASTRAL.sub(_utf16_units, t) for t in texts]
    return texts


class _Values(QAbstractListModel):
    def __init__(self, values: Sequence[object]) -> None:
        super().__init__()
        self._values = values

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._values)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self._values[index.row()]
        return None


def proxy_order(
    values: Sequence[object], order: Qt.SortOrder, case: Qt.CaseSensitivity, locale_aware: bool
) -> list[int]:
    """Positions of ``values`` in the order a QSortFilterProxyModel shows them (slowly)."""
    model = _Values(values)
    proxy = QSortFilterProxyModel()
    proxy.setSortCaseSensitivity(case)
    proxy.setSortLocaleAware(locale_aware)
    proxy.setSourceModel(model)
    proxy.rowCount()  # map the rows unsorted first: sorting an unmapped proxy reverses them first
    proxy.sort(0, order)
    return [proxy.mapToSource(proxy.index(row, 0)).row() for row in range(proxy.rowCount())]


def sort_positions(
    before: list[int],
    values: Sequence[object],
    order: Qt.SortOrder = ASCENDING,
    case: Qt.CaseSensitivity = Qt.CaseSensitivity.CaseSensitive,
    locale_aware: bool = False,
) -> list[int]:
    """``before`` (positions in ``values``, as shown) stably sorted as the proxy sorts them.

    Ties keep their order in ``before``, descending included, as the proxy's stable sort does.
    """
    keys = python_keys(values, case, locale_aware)
    if keys is not None:
        return sorted(before, key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
    shown = proxy_order([values[i] for i in before], order, case, locale_aware)
    return [before[n] for n in shown]


class SortedTableModel(QAbstractTableModel, Generic[T]):
    """Rows as given, shown sorted by the model; stable, so ties keep the order shown before.

    A subclass gives ``_sort_values`` (what its ``data`` returns for the sort role) and fills its
    rows with ``_take`` inside a model reset; ``row_at`` and ``index`` follow the order shown.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._given: list[T] = []  # as set_rows received them; _rows is them sorted
        self._rows: list[T] = []
        self._shown: list[int] = []  # the position in _given of each row shown
        self._sorted_by: tuple[int, Qt.SortOrder] = (-1, ASCENDING)
        # How the proxy in front compares (ModelSortProxy says); Qt's defaults until then.
        self._case = Qt.CaseSensitivity.CaseSensitive
        self._locale_aware = False

    def _sort_values(self, column: int) -> Sequence[object]:
        """The sort value of each row as given in ``column``, as ``data`` gives it."""
        raise NotImplementedError

    def _take(self, rows: Sequence[T]) -> None:
        """Hold ``rows`` as given, shown in the current sort order (call within a reset)."""
        self._given = list(rows)
        self._show(self._order(list(range(len(self._given)))))

    def _show(self, shown: list[int]) -> None:
        self._shown = shown
        self._rows = [self._given[i] for i in shown]

    def row_at(self, row: int) -> T:
        return self._rows[row]

    @property
    def sorted_by(self) -> tuple[int, Qt.SortOrder]:
        return self._sorted_by

    def compare_as(self, case: Qt.CaseSensitivity, locale_aware: bool) -> bool:
        """Compare strings as a proxy with these settings does; whether that changed anything."""
        changed = (case, locale_aware) != (self._case, self._locale_aware)
        self._case, self._locale_aware = case, locale_aware
        return changed

    def sort(self, column: int, order: Qt.SortOrder = ASCENDING) -> None:
        """Sort by ``column`` (kept for later rows); ties keep the order shown before.

        One value per row, sorted in Python: Qt's proxy asked ``data`` twice per comparison,
        which took seconds for 20,000 rows. The result is the order the proxy gave.
        """
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        shown = self._order(self._shown)
        now_at = [0] * len(shown)  # given position -> row it is shown on after sorting
        for n, i in enumerate(shown):
            now_at[i] = n
        was = self._shown
        self._show(shown)
        old = self.persistentIndexList()
        self.changePersistentIndexList(
            old, [self.index(now_at[was[index.row()]], index.column()) for index in old]
        )
        self.layoutChanged.emit()

    def _order(self, before: list[int]) -> list[int]:
        """``before`` (positions in ``_given``) stably sorted by the current sort column."""
        column, order = self._sorted_by
        if not 0 <= column < self.columnCount():  # no sort column: the order given, as Qt's
            return sorted(before, reverse=order == Qt.SortOrder.DescendingOrder)  # (reversed)
        values = self._sort_values(column)
        return sort_positions(before, values, order, self._case, self._locale_aware)


class ModelSortProxy(QSortFilterProxyModel):
    """Hands sorting to a ``SortedTableModel`` and shows its order; other models sort as usual.

    Its own sort column stays -1, so it never reorders what the model shows. The model sorts by
    the values its ``data`` gives for the sort role the views set (``SORT_ROLE``), compared as
    this proxy's case sensitivity and locale awareness say.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sortCaseSensitivityChanged.connect(self._comparison_changed)
        self.sortLocaleAwareChanged.connect(self._comparison_changed)

    def setSourceModel(self, source: QAbstractItemModel) -> None:
        super().setSourceModel(source)
        self._comparison_changed()

    def sort(self, column: int, order: Qt.SortOrder = ASCENDING) -> None:
        source = self.sourceModel()
        if not isinstance(source, SortedTableModel):
            super().sort(column, order)
        elif not self.dynamicSortFilter() or (column, order) != source.sorted_by:
            # (Qt's proxy ignores a request for the order it already shows, as here.)
            source.compare_as(self.sortCaseSensitivity(), self.isSortLocaleAware())
            source.sort(column, order)

    def _comparison_changed(self, *_args: object) -> None:
        """Qt's proxy sorts again when its comparison changes; so does the model."""
        source = self.sourceModel()
        if isinstance(source, SortedTableModel) and source.compare_as(
            self.sortCaseSensitivity(), self.isSortLocaleAware()
        ):
            source.sort(*source.sorted_by)
