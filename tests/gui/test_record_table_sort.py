"""Every record list sorts in Python (fast for 40,000 rows) exactly as Qt's proxy used to.

The old way is a plain QSortFilterProxyModel sorting the model by SORT_ROLE, case-insensitive,
as ``RecordTable`` set it up; ties show whether the order shown before was kept.
"""

import math
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication

from casetracker.gui.models.column_table import SORT_ROLE, Column, RecordTableModel
from casetracker.gui.models.model_sort import (
    ModelSortProxy,
    proxy_order,
    python_keys,
    sort_positions,
)
from casetracker.gui.widgets.record_table import RecordTable

ORDERS = (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder)
CI = Qt.CaseSensitivity.CaseInsensitive


@dataclass(frozen=True)
class Item:
    n: int
    name: str
    day: str
    size: int
    score: float
    big: int
    odd: str
    bom: str


NAMES = ["Смирнов", "Ivanov", "смирнов", "Юсупов", "", "IVANOV", "Ёлкин", "елкин", "ẞach",
         "ßach", "ssach", "\U0001f600 x", "\uff01 x", "İlya", "ilya", "Ωmega", "ωmega"]  # fmt: skip
#: Characters Python's keys cannot vouch for, so the proxy orders them: U+A7DC is newer than
#: Python 3.11's Unicode, U+FB05 gained a simple folding later.
ODD = ["a", "\ua7dc", "\u019b", "\ufb05", "\ufb06", "A", "b"]
#: On the way to Qt, PySide drops a leading U+FEFF: Qt compared "b", not "\ufeffb".
BOM = ["\ufeffb", "a", "b", "A", "\ufeff", "\ufeffa", ""]


def _items(count: int = 60) -> list[Item]:
    return [
        Item(
            n=i,
            name=NAMES[i % len(NAMES)],
            day=["2024-03-01", "", "2023-12-31", "2024-03-01T10:00", "Unknown", "unknown"][i % 6],
            size=[3, -1, 0, 2**31 - 1, 3, -(2**31)][i % 6],
            score=[0.5, -0.0, 0.0, math.inf, 2.0, 0.5, -math.inf][i % 7],
            big=[5, 3_000_000_000, -3_000_000_000, 2**40, 7][i % 5],
            odd=ODD[i % len(ODD)],
            bom=BOM[i % len(BOM)],
        )
        for i in range(count)
    ]


def _columns() -> list[Column[Item]]:
    return [
        Column("Name", lambda r: r.name),  # the text without case: the default sort key
        Column("Day", lambda r: r.day, sort=lambda r: r.day),  # a string key, case and all
        Column("Size", lambda r: str(r.size), sort=lambda r: r.size),
        Column("Score", lambda r: str(r.score), sort=lambda r: r.score),
        Column("Number", lambda r: "", sort=lambda r: r.size if r.n % 2 else r.score),  # 2 ~ inf
        Column("Big", lambda r: str(r.big), sort=lambda r: r.big),  # beyond 32 bits
        Column("Even", lambda r: str(r.n % 2 == 0), sort=lambda r: r.n % 2 == 0),  # bools
        Column("Mixed", lambda r: str(r.n), sort=lambda r: r.n if r.n % 3 else str(r.n)),
        Column("Odd", lambda r: r.odd),
        Column("Bom", lambda r: r.bom),
    ]


def _shown(proxy: QSortFilterProxyModel) -> list[int]:
    model = proxy.sourceModel()
    assert isinstance(model, RecordTableModel)
    return [
        model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()).n for r in range(proxy.rowCount())
    ]


def _pair() -> tuple[QSortFilterProxyModel, ModelSortProxy]:
    old = QSortFilterProxyModel()
    old.setSourceModel(RecordTableModel(_columns()))
    new = ModelSortProxy()
    new.setSourceModel(RecordTableModel(_columns()))
    for proxy in (old, new):
        proxy.setSortRole(SORT_ROLE)
        proxy.setSortCaseSensitivity(CI)
    return old, new


def _qt_order(texts: list[str], order: Qt.SortOrder, case: Qt.CaseSensitivity) -> list[int]:
    """Where a plain proxy, sorting before the rows came as the lists did, shows each text."""
    model: RecordTableModel[str] = RecordTableModel([Column("Text", str, sort=str)])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortCaseSensitivity(case)
    proxy.sort(0, order)
    model.set_rows(texts)
    return [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]


def _set_rows(proxy: QSortFilterProxyModel, items: list[Item]) -> None:
    model = proxy.sourceModel()
    assert isinstance(model, RecordTableModel)
    model.set_rows(items)


def test_every_column_sorts_as_the_proxy_did_ties_included(qapp: QApplication) -> None:
    items = _items()
    old, new = _pair()
    old.sort(0)
    new.sort(0)
    _set_rows(old, items)
    _set_rows(new, items)
    assert _shown(new) == _shown(old)
    for column in range(len(_columns())):
        for order in (*ORDERS, *ORDERS[1:]):  # asked twice: the proxy kept what it showed
            old.sort(column, order)
            new.sort(column, order)
            assert _shown(new) == _shown(old), (column, order)
    for column in reversed(range(len(_columns()))):  # each from another order shown before
        for order in ORDERS:
            old.sort(column, order)
            new.sort(column, order)
            assert _shown(new) == _shown(old), (column, order)
        _set_rows(old, items[::-3])  # new rows keep the sort column, ties in the order given
        _set_rows(new, items[::-3])
        assert _shown(new) == _shown(old), column
        _set_rows(old, items)
        _set_rows(new, items)


def test_both_ways_of_sorting_are_exercised(qapp: QApplication) -> None:
    """The columns above go through Python's keys and, where they cannot, through Qt."""
    items = _items()
    by_python = [c.header for c in _columns() if python_keys(list(map(c.sort_value, items)), CI)]
    assert by_python == ["Name", "Day", "Size", "Score"]


def test_no_sort_column_restores_the_order_given(qapp: QApplication) -> None:
    items = _items()
    _old, proxy = _pair()
    _set_rows(proxy, items)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert _shown(proxy) != [i.n for i in items]
    proxy.sort(-1)
    assert _shown(proxy) == [i.n for i in items]
    old, _new = _pair()
    _set_rows(old, items)
    for one in (old, proxy):
        one.sort(-1, Qt.SortOrder.DescendingOrder)
    assert _shown(proxy) == _shown(old) == [i.n for i in reversed(items)]


def test_python_keys_order_whole_alphabets_as_qt_does(qapp: QApplication) -> None:
    """Latin, Greek, Cyrillic, Armenian, Cherokee, Deseret and more, case by case."""
    blocks = [(0x20, 0x250), (0x370, 0x530), (0x531, 0x590), (0x10A0, 0x1100), (0x13A0, 0x1400),
              (0x1E00, 0x2000), (0x2C00, 0x2D30), (0xA640, 0xA800), (0xE000, 0xE010),
              (0xFB00, 0xFB05), (0xFF00, 0xFFF0), (0x10400, 0x10450),
              (0x1F600, 0x1F610)]  # fmt: skip
    chars = [chr(c) for start, end in blocks for c in range(start, end)]
    chars = [c for c in chars if python_keys([c], CI) is not None]
    texts = chars + [a + b for a in "aAßẞﬀσςΣ\U00010400\U00010428" for b in "sSıIİ\uff21"]
    for case in (CI, Qt.CaseSensitivity.CaseSensitive):
        keys = python_keys(texts, case)
        assert keys is not None
        for order in ORDERS:
            before = list(range(len(texts)))
            expected = _qt_order(texts, order, case)
            assert proxy_order(texts, order, case, False) == expected  # the fallback, too
            descending = order == Qt.SortOrder.DescendingOrder
            assert sorted(before, key=keys.__getitem__, reverse=descending) == expected


def test_strings_pyside_alters_sort_as_qt_saw_them(qapp: QApplication) -> None:
    texts = ["\ufeffb", "a", "\ufffeab", "b", "A", "\u6100\u6200", "\ufeff", "", "\ufffe\U0001f600"]
    for case in (CI, Qt.CaseSensitivity.CaseSensitive):
        for order in ORDERS:
            expected = _qt_order(texts, order, case)
            assert sort_positions(list(range(len(texts))), texts, order, case) == expected


def test_a_record_table_sorts_by_header_as_before_and_keeps_the_current_record(
    qapp: QApplication,
) -> None:
    items = _items()
    table: RecordTable[Item] = RecordTable(_columns())
    assert isinstance(table.proxy, ModelSortProxy)
    old, _new = _pair()
    old.setSortLocaleAware(True)  # names in the language's alphabetical order
    header = table.horizontalHeader()
    old.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())  # as sorting turned on
    table.set_records(items)
    _set_rows(old, items)
    assert _shown(table.proxy) == _shown(old)
    table.select_first_where(lambda r: r.n == 7)
    for column in (2, 0, 1):
        table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        old.sort(column, Qt.SortOrder.DescendingOrder)
        assert _shown(table.proxy) == _shown(old), column
        current = table.current_record()
        assert current is not None and current.n == 7
        assert table.proxy.mapToSource(table.currentIndex()).row() == _shown(old).index(7)
    table.set_records(items[:30])
    _set_rows(old, items[:30])
    assert _shown(table.proxy) == _shown(old)


def test_locale_aware_keys_order_as_the_proxy_in_english_and_russian(qapp: QApplication) -> None:
    """Ё between Е and Ж, not after Я; Cyrillic first in Russian, Latin first in English."""
    texts = [*NAMES, *ODD, *BOM, "Фёдоров", "Федоров", "Фролов", "Ежов", "Жуков", "яков", "Zed"]
    texts += [a + b for a in ("Ё", "е", "E", "ß") for b in ("лкин", "Лкин", "", "-1", " 2")]
    languages = (QLocale.Language.Russian, QLocale.Language.English, QLocale.Language.C)
    default = QLocale()
    try:
        for language in languages:
            QLocale.setDefault(QLocale(language))
            if language != QLocale.Language.C:  # (there Qt compares code units, case and all)
                assert python_keys(texts, CI, locale_aware=True) is not None  # QCollator's keys
            for case in (CI, Qt.CaseSensitivity.CaseSensitive):
                for order in ORDERS:
                    before = list(range(len(texts)))
                    expected = proxy_order(texts, order, case, True)
                    assert sort_positions(before, texts, order, case, True) == expected
            if language == QLocale.Language.C:
                continue
            shown = [texts[i] for i in sort_positions(list(range(len(texts))), texts, ORDERS[1],
                                                      CI, True)]  # fmt: skip
            assert shown.index("Федоров") < shown.index("Фёдоров") < shown.index("Фролов")
            latin_first = shown.index("Zed") < shown.index("Ежов")
            assert latin_first == (language == QLocale.Language.English)
    finally:
        QLocale.setDefault(default)
