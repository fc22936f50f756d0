"""The list-and-record layout shared by Places, People and Sources."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QSplitter, QVBoxLayout, QWidget


def list_beside_panel(
    owner: QWidget, top: list[QWidget], table: QWidget, panel: QWidget
) -> QSplitter:
    """The list on the left under its search row, the selected record's panel on the right."""
    row = QHBoxLayout()
    row.addWidget(top[0], 1)
    for widget in top[1:]:
        row.addWidget(widget)
    left = QWidget(owner)
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    left_layout.addLayout(row)
    left_layout.addWidget(table)
    splitter = QSplitter(Qt.Orientation.Horizontal, owner)
    splitter.addWidget(left)
    # Scrolls rather than grows: the window still fits a small screen at 200 % scaling.
    panel_scroll = QScrollArea(owner)
    panel_scroll.setWidgetResizable(True)
    panel_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    panel_scroll.setWidget(panel)
    splitter.addWidget(panel_scroll)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    splitter.setSizes([760, 480])
    return splitter
