"""A report's numbers as a table under its chart: one row per status, place or group, one column
per month or silence bucket. A screen reader reads these where it cannot read a chart, and
anyone can check a bar's exact count."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from casetracker.gui.views.report_charts import column_labels
from casetracker.services.report_series import Report


class ReportTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setMinimumHeight(64)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def show_report(self, report: Report) -> None:
        self.setAccessibleName(report.title)
        labels = column_labels(report)
        self.clear()
        self.setRowCount(len(report.lines))
        self.setColumnCount(len(labels))
        self.setHorizontalHeaderLabels(labels)
        self.setVerticalHeaderLabels([line.label for line in report.lines])
        for row, line in enumerate(report.lines):
            for column, count in enumerate(line.counts):
                item = QTableWidgetItem(str(count))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, column, item)
