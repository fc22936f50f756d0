"""Printing the reports: one page per chart, in the light theme whatever the screen's (paper is
white), drawn as vectors so the PDF or the printer gets sharp text at any size."""

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QGraphicsScene

from casetracker.gui import style
from casetracker.gui.locale_format import date_text
from casetracker.gui.views.report_charts import build_chart, fit_to_width
from casetracker.services.report_series import Report

# The chart is laid out at this many pixels per millimetre of paper, then scaled to the page:
# its 12-pixel labels print about 3 mm tall (8–9 pt), on A4 upright or across.
PIXELS_PER_MM = 4.0


def print_reports(printer: QPrinter, reports: Sequence[Report], period: str) -> int:
    """Draw ``reports`` on ``printer``, one a page; returns the number of pages."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("reports", "The printer could not be opened."))
    try:
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        width, height = float(page.width()), float(page.height())
        layout_width = printer.pageLayout().paintRect(QPageLayout.Unit.Millimeter).width()
        chart_width = layout_width * PIXELS_PER_MM
        scene = QGraphicsScene()
        for number, report in enumerate(reports):
            if number:
                printer.newPage()
            top = _heading(painter, width, period)
            room = height - top
            if report.left_out:
                room -= _note(painter, width, height, report.left_out)
            target = QRectF(0, top, width, room)
            source = QRectF(0, 0, chart_width, chart_width * room / width)
            chart = build_chart(report, style.LIGHT)
            fit_to_width(chart, chart_width)  # before the layout, which sizes the labels
            scene.addItem(chart)
            chart.setGeometry(source)
            scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
            scene.removeItem(chart)
            chart.deleteLater()
        return len(reports)
    finally:
        painter.end()


def _heading(painter: QPainter, width: float, period: str) -> float:
    """The line above each chart (what, which months, printed when); returns its height."""
    font = QFont(painter.font())
    font.setPointSizeF(9)
    painter.setFont(font)
    painter.setPen(QColor(style.LIGHT.muted))
    text = QCoreApplication.translate(
        "reports", "Casetracker report · {period} · printed on {date} · counts only, no names"
    ).format(period=period, date=date_text(date.today()))
    line = painter.fontMetrics().height() * 2
    painter.drawText(QRectF(0, 0, width, line), Qt.AlignmentFlag.AlignLeft, text)
    return float(line)


def _note(painter: QPainter, width: float, height: float, note: str) -> float:
    """A footnote at the bottom of the page; returns the height it takes."""
    line = painter.fontMetrics().height() * 2
    painter.drawText(QRectF(0, height - line, width, line), Qt.AlignmentFlag.AlignLeft, note)
    return float(line)
