"""Column widths that keep names whole and every header readable.

Qt's stretch modes gave the name column only what the other columns left (at 1280 px in
Russian the Cases list showed "Зай…") and cut the last header at the list's edge ("hare").
Here the name column gets the width its longest name needs first; every other column gets at
least its header's width, and as much of its content's as the room left allows (a long place
is shortened, never a name); whatever is still free goes to one column. Where even that does
not fit, every column keeps the width it wants and the list scrolls sideways.
"""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView

#: No column but the name is measured wider than this: a long note or place is shortened.
WIDEST = 240


class ColumnWidths(QObject):
    """Shares a list's width among its columns, the name first; again whenever it resizes."""

    def __init__(
        self,
        view: QTableView | QTreeView,
        *,
        name: int | None = None,
        spare: int | None = None,
        widest: int = WIDEST,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._name, self._spare, self._widest = name, spare, widest
        self._wanted: list[int] = []
        self._least: list[int] = []
        header = self.header
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Measuring every row of 20,000 would cost more than filling the list.
        header.setResizeContentsPrecision(200)
        view.viewport().installEventFilter(self)

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

    def _content(self, column: int) -> int:
        needed = self._view.sizeHintForColumn(column)
        return needed if column == self._name else min(needed, self._widest)

    def _share(self) -> None:
        header = self.header
        count = header.count()
        if len(self._wanted) != count:
            return
        widths = list(self._wanted)
        room = self._view.viewport().width()
        excess = sum(widths) - room
        if excess < 0:  # room to spare: one column takes it
            spare = self._spare if self._spare is not None else count - 1
            if 0 <= spare < count:
                widths[spare] -= excess
        elif excess > 0:
            slack = [0 if c == self._name else widths[c] - self._least[c] for c in range(count)]
            if 0 < excess <= sum(slack):  # the others give up content, never their header
                total = sum(slack)
                for c in range(count):
                    widths[c] -= excess * slack[c] // total
                # Integer shares leave a pixel or two: take them from the widest giver.
                widths[max(range(count), key=slack.__getitem__)] -= sum(widths) - room
        for column, width in enumerate(widths):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # (Qt may still deliver events while Python takes the object down: no ``_view`` then.)
        if event.type() == QEvent.Type.Resize and hasattr(self, "_view"):
            self._share()
        return False
