"""Lists as a caseworker reads them at 1280×800: names whole, headers whole, A→Z / А→Я.

Sections are opened by clicking their navigation entry, a case by double-clicking its row and
its tabs by clicking them, in English and in Russian.
"""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QCollator, QLocale, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QTableView,
    QToolTip,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casetracker.gui import translation
from casetracker.gui.main_window import CASES, PEOPLE, PLACES, SOURCES, TODAY, MainWindow
from casetracker.gui.vault_session import VaultSession
from tests.gui.by_hand import open_first_case, open_section


@pytest.fixture(params=["en", "ru"])
def main_window(
    request: pytest.FixtureRequest, demo_session: VaultSession, qtbot: QtBot
) -> Iterator[MainWindow]:
    """The main window at 1280×800 in the language asked for (English again afterwards)."""
    translation.install(request.param)
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    try:
        yield window
    finally:
        window.teardown()
        translation.install("en")


def _lists(top: QWidget) -> list[QTableView | QTreeView]:
    return [
        v
        for v in top.findChildren(QAbstractItemView)
        if isinstance(v, QTableView | QTreeView) and v.isVisible()
    ]


def _indexes(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    parent = QModelIndex() if parent is None else parent
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            yield model.index(row, column, parent)
        yield from _indexes(model, model.index(row, 0, parent))


def _assert_names_whole(view: QTableView | QTreeView, names: set[str]) -> int:
    """Every cell showing a name is wide enough for it; how many such cells there were."""
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    metrics = view.fontMetrics()
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    seen = 0
    for index in _indexes(view.model()):
        text = index.data()
        if text in names and view.visualRect(index).isValid():
            seen += 1
            needed = metrics.horizontalAdvance(text) + margin
            assert header.sectionSize(index.column()) >= needed, (text, view.accessibleName())
    return seen


def _assert_headers_whole(top: QWidget) -> None:
    for view in _lists(top):
        header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        for column in range(header.count()):
            text = view.model().headerData(column, Qt.Orientation.Horizontal)
            wanted = header.sectionSizeHint(column)
            assert header.sectionSize(column) >= wanted, (view.accessibleName(), text)


def test_names_and_headers_are_whole_in_every_section_at_1280x800(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    window = main_window
    assert window.session is not None
    ws = window.session.ws
    men = {row.full_name for row in ws.cases.rows()}
    relatives = {row.full_name for row in ws.relatives.rows() if row.full_name}
    places = {facility.name for facility in ws.facilities.all()}
    for section, names, view_name in (
        (TODAY, men, window.today.tree.accessibleName()),
        (CASES, men, window.cases.table.accessibleName()),
        (PEOPLE, relatives, window.people.table.accessibleName()),
        (PLACES, places, window.places.table.accessibleName()),
    ):
        view = open_section(window, section)
        (names_list,) = [v for v in _lists(view) if v.accessibleName() == view_name]
        assert _assert_names_whole(names_list, names) >= 5
    for section in range(len(window.views)):
        if not window.nav.item(section).isHidden():  # Conflicts: only in a team
            _assert_headers_whole(open_section(window, section))


def test_a_case_windows_lists_show_every_header_whole(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    case_window = open_first_case(main_window)
    tab_bar = case_window.tabs.tabBar()
    for tab in range(case_window.tabs.count()):
        if not case_window.tabs.isTabVisible(tab):  # Debrief, only once he has left a place
            continue
        QTest.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(tab).center())
        assert case_window.tabs.currentIndex() == tab
        _assert_headers_whole(case_window.tabs.currentWidget())


def test_places_people_and_sources_open_in_alphabetical_order(main_window: MainWindow) -> None:
    collator = QCollator(QLocale())
    for section, table_of in (
        (PLACES, lambda w: w.places.table),
        (PEOPLE, lambda w: w.people.table),
        (SOURCES, lambda w: w.sources.table),
    ):
        open_section(main_window, section)
        table = table_of(main_window)
        model = table.model()
        shown = [model.index(row, 0).data() for row in range(model.rowCount())]
        assert len(shown) > 5
        assert shown == sorted(shown, key=lambda text: collator.sortKey(text.casefold()))
        assert shown != sorted(shown, reverse=True)


def test_a_shortened_cell_shows_its_whole_text_when_hovered(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    found = next(
        (
            (view, index)
            for section in (TODAY, CASES)
            for view in _lists(open_section(main_window, section))
            for index in _indexes(view.model())
            if _shortened(view, index)
        ),
        None,
    )
    if found is None:
        pytest.skip("nothing is shortened at this width in this language")
    view, index = found
    whole = index.data()
    QTest.mouseMove(view.viewport(), view.visualRect(index).center())
    qtbot.waitUntil(lambda: QToolTip.isVisible() and QToolTip.text() == whole)


def _shortened(view: QAbstractItemView, index: QModelIndex) -> bool:
    """Shown, without a tooltip of its own, and too wide for its cell."""
    text, rect = index.data(), view.visualRect(index)
    if not isinstance(text, str) or index.data(Qt.ItemDataRole.ToolTipRole) is not None:
        return False
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    visible = rect.isValid() and view.viewport().rect().contains(rect.center())
    return visible and view.fontMetrics().horizontalAdvance(text) + margin > rect.width()


def wheel(widget: QWidget, delta: int) -> None:
    at = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        at, QPointF(widget.mapToGlobal(at.toPoint())), QPoint(), QPoint(0, delta),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def test_a_long_name_scrolled_into_view_is_shown_whole(
    demo_session: VaultSession, qtbot: QtBot
) -> None:
    """Only rows on screen are measured (fast keystrokes); scrolling to a longer name widens."""
    long_name = "Длинноименный-Щербатов-Оболенский Константин Александрович-Вольдемар"
    demo_session.ws.cases.create(long_name)  # the newest case: the foot of the list
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    try:
        table = open_section(window, CASES).findChild(QTableView)
        assert table is window.cases.table
        row = next(
            r for r in range(table.model().rowCount())
            if table.model().index(r, 1).data() == long_name
        )  # fmt: skip
        assert not table.viewport().rect().intersects(table.visualRect(table.model().index(row, 1)))
        header = table.horizontalHeader()
        needed = table.fontMetrics().horizontalAdvance(long_name)
        assert header.sectionSize(1) < needed  # not measured while off screen
        bar = table.verticalScrollBar()
        for _ in range(20):  # the mouse wheel, down to the foot of the list
            wheel(table.viewport(), -120)
            if bar.value() == bar.maximum():
                break
        qtbot.waitUntil(lambda: header.sectionSize(1) >= needed, timeout=2000)
    finally:
        window.teardown()


def test_today_gives_its_spare_room_to_what_not_to_the_name(main_window: MainWindow) -> None:
    """The name is whole and no wider than it needs; the rest of the row says what is wrong."""
    window = main_window
    tree = open_section(window, TODAY).findChild(QTreeView)
    assert tree is window.today.tree
    header = tree.header()
    margin = 2 * (tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1)
    shown = [
        tree.model().index(r, 1).data()
        for r in range(tree.model().rowCount())
        if tree.viewport().rect().intersects(tree.visualRect(tree.model().index(r, 1)))
    ]
    widest = max(tree.fontMetrics().horizontalAdvance(name) for name in shown if name)
    assert header.sectionSize(1) <= widest + margin + 24
    assert header.sectionSize(2) > header.sectionSize(1)
