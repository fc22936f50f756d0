"""The reports drawn with Qt Charts: stacked bars per month or per silence bucket, and one line
per place. Month names come from the interface language's locale; the colours from the theme,
so the charts stay readable in the dark theme too."""

from datetime import date

from PySide6.QtCharts import (
    QAbstractSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from casetracker.gui import style
from casetracker.i18n import Context
from casetracker.services.report_series import Line, Report, Which

reports = Context("reports")

# Places drawn as lines of their own; the rest are summed into one.
MAX_PLACE_LINES = 7
# Beyond this many months, the lines' points are not marked (they would crowd).
MAX_LEVEL_LABELS = 14


def month_label(first_day: date, *, short: bool) -> str:
    """The month and year, "Jul 2024" or «июль 2024» (the standalone form of the name)."""
    kind = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return f"{QLocale().standaloneMonthName(first_day.month, kind)} {first_day.year}"


def column_labels(report: Report) -> list[str]:
    if report.which is Which.SILENCE_WEEKS:
        return [report.column_label(i) for i in range(len(report.columns))]
    return [month_label(c, short=True) for c in report.columns if isinstance(c, date)]


def _colour(report: Report, line: Line, index: int) -> QColor:
    other = style.CHART_COLOURS[index % len(style.CHART_COLOURS)]
    if report.which is Which.STATUS_MONTHLY:
        return QColor(style.CHART_STATUS_COLOURS.get(line.key, other))
    return QColor(other)


def place_lines(report: Report) -> list[Line]:
    """The busiest places, then every other place summed (the CSV keeps them all)."""
    if len(report.lines) <= MAX_PLACE_LINES + 1:  # one more place rather than "1 other"
        return list(report.lines)
    lines = list(report.lines[:MAX_PLACE_LINES])
    rest = report.lines[MAX_PLACE_LINES:]
    if rest:
        summed = tuple(sum(line.counts[i] for line in rest) for i in range(len(report.columns)))
        label = reports.tr("%n other place(s)", "", len(rest))
        lines.append(Line("other", label, summed))
    return lines


def build_chart(report: Report, theme: style.Theme | None = None) -> QChart:
    """A chart of ``report`` in ``theme`` (default: the app's current one)."""
    chart = QChart()
    chart.setTitle(report.title)
    if not report.lines:
        nothing = QCoreApplication.translate("reports", "No cases to count in these months.")
        chart.setTitle(f"{report.title}<br><small>{nothing}</small>")
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    labels = column_labels(report)
    x_axis = QBarCategoryAxis()
    x_axis.append(labels)
    y_axis = QValueAxis()
    y_axis.setLabelFormat("%d")
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series: list[QAbstractSeries] = []
    if report.which is Which.PLACES_TIMELINE:
        for index, line in enumerate(place_lines(report)):
            points = QLineSeries()
            points.setName(line.label)
            pen = QPen(_colour(report, line, index))
            pen.setWidth(3)
            points.setPen(pen)
            points.setPointsVisible(len(labels) <= MAX_LEVEL_LABELS)
            for x, count in enumerate(line.counts):
                points.append(x, count)
            series.append(points)
    else:
        bars = QStackedBarSeries()
        bars.setBarWidth(0.7)
        for index, line in enumerate(report.lines):
            bar_set = QBarSet(line.label)
            bar_set.append([float(c) for c in line.counts])
            bar_set.setColor(_colour(report, line, index))
            bar_set.setBorderColor(_colour(report, line, index))
            bars.append(bar_set)
        series.append(bars)
    for one in series:
        chart.addSeries(one)
        one.attachAxis(x_axis)
        one.attachAxis(y_axis)
    if report.which is Which.PLACES_TIMELINE:
        highest = max((max(line.counts, default=0) for line in report.lines), default=0)
    else:  # stacked: the tallest column
        highest = max(
            (sum(line.counts[i] for line in report.lines) for i in range(len(labels))), default=0
        )
    y_axis.setRange(0, max(highest, 4))
    y_axis.applyNiceNumbers()
    y_axis.setLabelFormat("%d")
    # Many lines (statuses, places): a column at the right, where long names are not cut.
    many = len(report.lines) > 3
    chart.legend().setAlignment(
        Qt.AlignmentFlag.AlignRight if many else Qt.AlignmentFlag.AlignBottom
    )
    chart.legend().setVisible(bool(report.lines))
    apply_theme(chart, theme or style.current_theme())
    return chart


def _legend_place(report: Report) -> Qt.AlignmentFlag:
    """Many lines (statuses, places): a column at the right, where long names are not cut."""
    many = len(report.lines) > 3
    return Qt.AlignmentFlag.AlignRight if many else Qt.AlignmentFlag.AlignBottom


def apply_theme(chart: QChart, theme: style.Theme) -> None:
    """The theme's colours on the chart's background, text and grid."""
    text, grid = QColor(theme.text), QColor(theme.grid)
    chart.setBackgroundBrush(QColor(theme.base))
    chart.setBackgroundPen(QPen(QColor(theme.border)))
    chart.setTitleBrush(text)
    title_font = QFont(chart.titleFont())
    title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
    title_font.setBold(True)
    chart.setTitleFont(title_font)
    chart.legend().setLabelColor(text)
    for axis in chart.axes():
        axis.setLabelsColor(text)
        axis.setGridLineColor(grid)
        axis.setLinePenColor(QColor(theme.border))


def fit_to_width(chart: QChart, width: float) -> None:
    """Month names upright when they would not fit side by side under their bars, so none is
    cut to "…". The legend keeps its column at the right: every name in it stays whole."""
    legend = chart.legend()
    legend_width = 0.0
    if legend.alignment() == Qt.AlignmentFlag.AlignRight:
        names = QFontMetricsF(legend.font())
        labels = [marker.label() for marker in legend.markers()]
        legend_width = max((names.horizontalAdvance(label) for label in labels), default=0) + 36
    for axis in chart.axes(Qt.Orientation.Horizontal):
        if not isinstance(axis, QBarCategoryAxis) or not axis.count():
            continue
        metrics = QFontMetricsF(axis.labelsFont())
        widest = max(metrics.horizontalAdvance(label) for label in axis.categories())
        room = (width - legend_width - 64) / axis.count()  # 64: the counts' axis, margins
        axis.setLabelsAngle(0 if widest + 6 < room else -90)


class ChartView(QChartView):
    """A chart that fits its labels to the room it has (`fit_to_width`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(150)  # the window still fits a laptop screen at 200 %
        self.report: Report | None = None

    def show_report(self, report: Report) -> None:
        self.report = report
        old = self.chart()
        self.setChart(build_chart(report))
        self.setAccessibleName(report.title)
        if old is not None:
            old.deleteLater()
        fit_to_width(self.chart(), self.width())

    def changeEvent(self, event: QEvent) -> None:
        """The system switched between light and dark: the chart follows."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.report is not None:
            apply_theme(self.chart(), style.current_theme())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.report is not None:
            fit_to_width(self.chart(), self.width())
