"""Column widths that keep names whole and every header readable.

Qt's stretch modes gave the name column only what the other columns left (at 1280 px in
Russian the Cases list showed "Зай…") and cut the last header at the list's edge ("hare").
Here the name column (and a reference like CT-0001) gets the width it needs first; every other
column gets at least its header's width, and as much of its content's as the room left allows:
the widest give way first, so a long place or list of flags is shortened, a status is not.
Whatever is still free goes to one column. Where even the headers do not fit, the list
scrolls sideways. A shortened text is shown whole in a tooltip.
"""

from collections.abc import Collection

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QTreeView,
)

# No column but a whole one is measured wider than this: a long note or place is shortened.
WIDEST = 240


def share(wanted: list[int], least: list[int], whole: Collection[int], room: int) -> list[int]:
    """Widths for columns wanting ``wanted`` (at least ``least``) in ``room`` pixels.

    Whole columns keep what they want; the others are cut down to a common ceiling, the highest
    that fits, never below ``least``, where they stay when even that does not fit.
    """
    if sum(wanted) <= room:
        return list(wanted)

    def under(ceiling: int) -> list[int]:
        return [w if c in whole else max(least[c], min(w, ceiling)) for c, w in enumerate(wanted)]

    if sum(under(0)) > room:  # the list scrolls sideways, as little as it can
        return under(0)
    low, high = 0, max(wanted)  # the highest ceiling that fits: under(low) fits, high does not
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if sum(under(middle)) <= room else (low, middle)
    widths = under(low)
    # Up to one pixel a column is left over: the columns cut to the ceiling take it.
    cut = [c for c, w in enumerate(widths) if c not in whole and w == low and wanted[c] > low]
    for c in cut[: room - sum(widths)]:
        widths[c] += 1
    return widths


class WholeTextTips(QStyledItemDelegate):
    """Paints as Qt does; a cell whose text is shortened (…) shows it whole as its tooltip."""

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        text = index.data()
        if (
            event.type() == QEvent.Type.ToolTip
            and index.data(Qt.ItemDataRole.ToolTipRole) is None
            and isinstance(text, str)
            and self._shortened(text, view, option)
        ):
            QToolTip.showText(event.globalPos(), text, view)
            return True
        return super().helpEvent(event, view, option, index)

    @staticmethod
    def _shortened(text: str, view: QAbstractItemView, option: QStyleOptionViewItem) -> bool:
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view)
        needed = option.fontMetrics.horizontalAdvance(text) + 2 * (margin + 1)
        return needed > option.rect.width()


class ColumnWidths(QObject):
    """Shares a list's width among its columns, whole ones first; again when it resizes."""

    def __init__(
        self,
        view: QTableView | QTreeView,
        *,
        whole: Collection[int] = (),
        spare: int | None = None,
        widest: int = WIDEST,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._whole, self._spare, self._widest = set(whole), spare, widest
        self._wanted: list[int] = []
        self._least: list[int] = []
        header = self.header
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Only the rows on screen are measured: 200 rows in every column cost 60–90 ms a search
        # keystroke at 2,000 cases (10 ms this way). Rows scrolled into view are measured then.
        header.setResizeContentsPrecision(0)
        self._scrolled = QTimer(self, singleShot=True, interval=60)
        self._scrolled.timeout.connect(self._widen_for_rows_shown)
        view.verticalScrollBar().valueChanged.connect(self._scrolled.start)
        view.viewport().installEventFilter(self)
        view.setItemDelegate(WholeTextTips(view))

    @property
    def header(self) -> QHeaderView:
        view = self._view
        return view.horizontalHeader() if isinstance(view, QTableView) else view.header()

    def fit(self) -> None:
        """Measure the rows shown now (call after they change), then share the width."""
        header = self.header
        self._least = [header.sectionSizeHint(c) for c in range(header.count())]
        self._wanted = [max(least, self._content(c)) for c, least in enumerate(self._least)]
        self._share()

    def _widen_for_rows_shown(self) -> None:
        """After a scroll: columns grow for longer text now on screen, never shrink (no jumping)."""
        if len(self._wanted) != self.header.count():
            return
        wanted = [max(w, self._content(c)) for c, w in enumerate(self._wanted)]
        if wanted != self._wanted:
            self._wanted = wanted
            self._share()

    def _content(self, column: int) -> int:
        needed = self._view.sizeHintForColumn(column)
        return needed if column in self._whole else min(needed, self._widest)

    def _share(self) -> None:
        header = self.header
        count = header.count()
        if len(self._wanted) != count:
            return
        room = self._view.viewport().width()
        widths = share(self._wanted, self._least, self._whole, room)
        spare = self._spare if self._spare is not None else count - 1
        if 0 <= spare < count and sum(widths) < room:  # room to spare: one column takes it
            widths[spare] += room - sum(widths)
        for column, width in enumerate(widths):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # (Qt may still deliver events while Python takes the object down: no ``_view`` then.)
        if event.type() == QEvent.Type.Resize and hasattr(self, "_view"):
            self._widen_for_rows_shown()  # a taller list shows rows not measured yet
            self._share()
        return False
