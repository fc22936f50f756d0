"""Table models that sort their own rows, in the order a caseworker reads a list.

A view sorts such a model directly (``QTableView.setSortingEnabled``: a header click calls
``sort``), with no proxy in front: a Python model behind QSortFilterProxyModel is asked for
``data`` twice per comparison, over a million calls for 40,000 rows. Here each row gives one
sort value per column and Python sorts them:

* text in the language's alphabetical order (``QCollator`` for the interface's locale: Ё beside
  Е; Cyrillic before Latin in Russian, after it in English), case ignored, digits read as
  numbers ("CT-9999" before "CT-10000", "в/ч 9" before "в/ч 10"); a column of one prefix and
  a number (the case references) by the number, which is the same order without sort keys;
* numbers as numbers;
* empty values (None, "" or NaN) last, ascending or descending;
* ties in the order shown before, so sorting by one column then another nests the two.
"""

import bisect
import gc
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from types import NoneType
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCollator,
    QCollatorSortKey,
    QLocale,
    QObject,
    Qt,
)

T = TypeVar("T")
# What a row sorts by in a column; None is an empty value.
SortValue = str | int | float | None
ASCENDING = Qt.SortOrder.AscendingOrder
# Beyond this many distinct texts remembered in one column, its collation starts again (a
# guard, not a figure reached: a column holds at most one text per row shown).
_MOST_REMEMBERED = 1_000_000
_key = itemgetter(0)
# A sort moves rows only, and says so as QSortFilterProxyModel does (VerticalSortHint): a view's
# horizontal header then need not note its sections again.
_WITH_HINT = "QList<QPersistentModelIndex>,QAbstractItemModel::LayoutChangeHint"
_VERTICAL_SORT = QAbstractItemModel.LayoutChangeHint.VerticalSortHint


def collation_locale() -> QLocale:
    """The interface's locale; in the C locale (LANG=C) English, which at least folds case."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English)
    return locale


class Collation:
    """The alphabetical rank of each text, its ``QCollator`` sort key made once.

    Ranks (ints) sort far faster than sort keys compared through Qt, and stay valid while the
    texts stay: a search's rows are texts the full list already ranked, so a keystroke sorts
    ints only. A new text is put in its place among those known (an edit's new name); many new
    ones at once re-sort them all. Texts equal to the collator (case aside) share a rank.
    """

    def __init__(self) -> None:
        self._locale = ""
        self._collator = QCollator()
        self._sorted: list[tuple[QCollatorSortKey, str]] = []
        self._rank: dict[str, int] = {}
        # A column of one prefix and a number: each text's number (see `numbers`).
        self._numbered: bool | None = None
        self._prefix = ""
        self._numbers: dict[str, int] = {}

    def forget(self) -> None:
        """Drop every text remembered (a locked vault's names are not kept)."""
        self._sorted, self._rank = [], {}
        self._numbered, self._prefix, self._numbers = None, "", {}

    def numbers(self, texts: Sequence[str | None]) -> list[int | None] | None:
        """For a column of one prefix and a number ("CT-0001", "CT-10000"): each text's number
        (None where empty), which orders as the collator's numeric mode does; None for any other
        column. Remembered like ranks: a search's references are numbers already read.

        The case list's references: ranking 100,000 of them by sort keys took half a second at
        each unlock; reading their numbers, a fifth of that.
        """
        if self._numbered is False:
            return None
        new = {text for text in set(texts).difference(self._numbers) if text}
        if new:
            if self._numbered is None:
                first = next(iter(new))
                digits = len(first) - len(first.rstrip("0123456789"))
                self._prefix = first[: len(first) - digits]
                self._numbered = bool(digits) and not any(c.isdigit() for c in self._prefix)
            size = len(self._prefix)
            if not self._numbered or not all(
                text.startswith(self._prefix) and text[size:].isascii() and text[size:].isdigit()
                for text in new
            ):
                self._numbered = False
                return None
            self._numbers.update((text, int(text[size:])) for text in new)
        return list(map(self._numbers.get, texts))  # type: ignore[arg-type]  # "", None: None

    def ranks(self, texts: Iterable[str | None]) -> dict[str, int]:
        """Rank of every text known, ``texts`` included (but "" and None: no text)."""
        locale = collation_locale()
        if locale.name() != self._locale:  # the language changed: nothing known holds
            self._locale = locale.name()
            self._collator = QCollator(locale)
            self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self._collator.setNumericMode(True)
            self.forget()
        new = {text for text in set(texts).difference(self._rank) if text}
        if not new:
            return self._rank
        if len(self._rank) + len(new) > _MOST_REMEMBERED:
            self.forget()
        # Tens of thousands of new keys, none in a cycle: with the cyclic collector on, they set
        # off a walk over every object of the open vault (half the first sort by name at 100,000
        # cases), as services/duplicates.py and storage/vault_state.py found.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._take(new)
        finally:
            if collecting:
                gc.enable()
        return self._rank

    def _take(self, new: set[str]) -> None:
        made = sorted(((self._collator.sortKey(text), text) for text in new), key=_key)
        if not self._sorted:
            self._sorted = made
        elif len(made) > len(self._sorted) // 16:  # many: sort them all again
            self._sorted = sorted(self._sorted + made, key=_key)
        else:  # a few: each into its place
            for item in made:
                bisect.insort(self._sorted, item, key=_key)
        rank: dict[str, int] = {}
        n, previous = -1, None
        for key, text in self._sorted:
            if previous is None or previous < key:
                n += 1
            rank[text] = n
            previous = key
        self._rank = rank


def _mixed_key(value: SortValue, rank: dict[str, int]) -> tuple[int, float] | None:
    """Numbers before texts, empty (None)."""
    if value is None or value == "" or value != value:
        return None
    return (1, rank[value]) if isinstance(value, str) else (0, value)


def sorted_positions(
    before: Sequence[int],
    values: Sequence[SortValue],
    order: Qt.SortOrder,
    collation: Collation,
) -> list[int]:
    """``before`` (positions in ``values``, as shown) stably sorted by ``values``, empty last.

    Texts sort by their rank in ``collation``, numbers as numbers; in a column that holds both
    (none does today), numbers first. One pass of C-speed comprehensions per step: 100,000 rows
    are sorted in a few hundredths of a second once their texts are ranked.
    """
    kinds = set(map(type, values))
    keys: list[Any]
    if kinds <= {str, NoneType}:
        numbered = collation.numbers(values)  # type: ignore[arg-type]
        if numbered is not None:
            keys = numbered
        else:
            rank = collation.ranks(values)  # type: ignore[arg-type]
            keys = list(map(rank.get, values))  # type: ignore[arg-type]  # "" and None: None
    elif str in kinds:
        rank = collation.ranks(v for v in values if type(v) is str)
        keys = [_mixed_key(v, rank) for v in values]
    elif float in kinds:
        keys = [None if v != v else v for v in values]  # NaN, unequal to itself: empty
    else:
        keys = list(values)
    filled = [i for i in before if keys[i] is not None]
    descending = order == Qt.SortOrder.DescendingOrder
    key_of: Callable[[int], Any] = keys.__getitem__
    ordered = sorted(filled, key=key_of, reverse=descending)
    if len(filled) < len(before):
        ordered += [i for i in before if keys[i] is None]
    return ordered


class SortedTableModel(QAbstractTableModel, Generic[T]):
    """Rows as given, shown sorted by the model; stable, so ties keep the order shown before.

    A subclass gives ``_sort_values`` (one per row as given) and fills its rows with ``_take``
    inside a model reset; ``row_at`` and ``index`` follow the order shown. Persistent indexes
    (the view's selection and current row) follow their rows through a sort.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._given: list[T] = []  # as set_rows received them; _rows is them sorted
        self._rows: list[T] = []
        self._shown: list[int] = []  # the position in _given of each row shown
        self._sorted_by: tuple[int, Qt.SortOrder] = (-1, ASCENDING)
        self._collations: dict[int, Collation] = {}  # per column: each ranks its own texts

    def _sort_values(self, column: int) -> Sequence[SortValue]:
        """The sort value of each row as given, in ``column``."""
        raise NotImplementedError

    def _take(self, rows: Sequence[T]) -> None:
        """Hold ``rows`` as given, shown in the current sort order (call within a reset).

        No rows (the vault locked): the texts remembered for sorting go too."""
        self._given = list(rows)
        if not self._given:
            self._collations.clear()
        self._show(self._order(list(range(len(self._given)))))

    def _show(self, shown: list[int]) -> None:
        self._shown = shown
        self._rows = [self._given[i] for i in shown]

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def sort(self, column: int, order: Qt.SortOrder = ASCENDING) -> None:
        """Sort by ``column`` (kept for later rows); ties keep the order shown before.

        Column -1 shows the rows in the order given (reversed, descending), as Qt does. The
        order already shown is not sorted again: ``QTableView.sortByColumn`` asks twice (through
        its header's signal, then itself), and rows are always shown in ``_sorted_by``'s order.
        """
        if (column, order) == self._sorted_by:
            return
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged[_WITH_HINT].emit([], _VERTICAL_SORT)  # type: ignore[index]
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
        self.layoutChanged[_WITH_HINT].emit([], _VERTICAL_SORT)  # type: ignore[index]

    def _order(self, before: list[int]) -> list[int]:
        """``before`` (positions in ``_given``) stably sorted by the current sort column."""
        column, order = self._sorted_by
        if not 0 <= column < self.columnCount():
            return sorted(before, reverse=order == Qt.SortOrder.DescendingOrder)
        collation = self._collations.setdefault(column, Collation())
        return sorted_positions(before, self._sort_values(column), order, collation)
