"""Reports: the whole picture in numbers — cases by status, place, region and unit — and the
monthly reports as charts (services/report_series.py), each exported to CSV or printed.

Only the tab on screen is computed, on a worker thread (a report over 20,000 cases takes a
good part of a second, and the view refreshes after every change while it is shown); the others
wait until they are shown. The CSV holds counts only unless the caseworker ticks
"with case references" just before saving; names are never written.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casetracker.cancellation import Cancelled
from casetracker.gui import file_dialogs, style
from casetracker.gui.background import BackgroundJob
from casetracker.gui.error_messages import show_error
from casetracker.gui.labels import status_label
from casetracker.gui.models.column_table import Column
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.report_charts import ChartView
from casetracker.gui.views.report_printing import print_reports
from casetracker.gui.views.report_table import ReportTable
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model import CaseStatus
from casetracker.services.errors import ServiceError
from casetracker.services.report_export import write_report_csv
from casetracker.services.report_series import Period, Report, Which, build
from casetracker.services.statistics import overview

Count = tuple[str, int]

# The chart tabs, in order after the overview.
CHARTS = (
    Which.STATUS_MONTHLY,
    Which.DETENTIONS_MONTHLY,
    Which.SILENCE_WEEKS,
    Which.PLACES_TIMELINE,
)


@contextmanager
def waiting() -> Iterator[None]:
    """The wait cursor while an export or a printout is counted (a second or two at 20,000
    cases, on the GUI thread: the caseworker asked for it and waits for the file anyway)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class ReportsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        title = QLabel(self.tr("Reports"), self)
        style.set_role(title, "title")
        self.summary = QLabel(self)
        style.set_role(self.summary, "subtitle")

        self.period = QComboBox(self)
        self.period.addItem(self.tr("Last 12 months"), Period.LAST_12_MONTHS)
        self.period.addItem(self.tr("All months"), Period.ALL)
        self.period.setAccessibleName(self.tr("Months shown"))
        period_label = QLabel(self.tr("&Months:"), self)
        period_label.setBuddy(self.period)
        self.with_refs = QCheckBox(self.tr("With case &references"), self)
        self.with_refs.setToolTip(
            self.tr(
                "Without it the CSV holds counts only, safe to pass on. With it, each count "
                "lists the cases' references (never names): keep that file inside the team."
            )
        )
        self.export_button = QPushButton(self.tr("&Export CSV…"), self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        controls = QHBoxLayout()
        controls.addWidget(period_label)
        controls.addWidget(self.period)
        controls.addStretch(1)
        controls.addWidget(self.with_refs)
        controls.addWidget(self.export_button)
        controls.addWidget(self.print_button)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._overview(), self.tr("Overview"))
        self.charts: dict[Which, ChartView] = {}
        # The same numbers as a table under each chart (for screen readers, exact counts).
        self.numbers: dict[Which, ReportTable] = {}
        self.notes: dict[Which, QLabel] = {}
        for which, name in zip(
            CHARTS,
            (
                self.tr("Status over time"),
                self.tr("New detentions"),
                self.tr("Silence"),
                self.tr("Places over time"),
            ),
            strict=True,
        ):
            page = QWidget(self.tabs)
            split = QSplitter(Qt.Orientation.Vertical, page)
            chart = ChartView(split)
            table = ReportTable(split)
            split.addWidget(chart)
            split.addWidget(table)
            split.setStretchFactor(0, 3)
            split.setStretchFactor(1, 1)
            split.setSizes([3000, 1000])  # the chart first; the table shows a few rows
            split.setChildrenCollapsible(False)
            note = QLabel(page)
            style.set_role(note, "hint")
            note.setWordWrap(True)
            box = QVBoxLayout(page)
            box.addWidget(split, 1)
            box.addWidget(note)
            self.charts[which], self.numbers[which], self.notes[which] = chart, table, note
            self.tabs.addTab(page, name)
        self._stale: set[int] = set()
        self._job: BackgroundJob[object] | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addLayout(controls)
        layout.addWidget(self.tabs, 1)

        self.tabs.currentChanged.connect(self._tab_changed)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.export_button.clicked.connect(self.choose_file_and_export)
        self.print_button.clicked.connect(self.choose_printer_and_print)
        self._tab_changed(0)

    def _overview(self) -> QWidget:
        page = QWidget(self)
        not_given = self.tr("not recorded")
        self.tables: dict[str, RecordTable[Count]] = {}
        grid = QGridLayout(page)
        for position, (key, heading, what) in enumerate(
            (
                ("status", self.tr("Cases by status"), self.tr("Status")),
                ("facility", self.tr("Held now, by place"), self.tr("Place")),
                ("region", self.tr("Cases by home region"), self.tr("Region")),
                ("unit", self.tr("Cases by military unit"), self.tr("Unit")),
            )
        ):
            box = QGroupBox(heading, page)
            table: RecordTable[Count] = RecordTable(
                [
                    Column(what, lambda c: c[0] or not_given),
                    Column(
                        self.tr("Cases"), lambda c: str(c[1]), sort=lambda c: c[1], align_right=True
                    ),
                ],
                box,
                stretch_column=0,
            )
            table.setAccessibleName(heading)
            QVBoxLayout(box).addWidget(table)
            self.tables[key] = table
            grid.addWidget(box, position // 2, position % 2)
        return page

    # -- what is shown ----------------------------------------------------------------------
    def current_which(self) -> Which | None:
        """The report of the tab on screen; None on the overview."""
        index = self.tabs.currentIndex()
        return CHARTS[index - 1] if index > 0 else None

    def current_period(self) -> Period:
        return Period(self.period.currentData())

    def set_session(self, session: VaultSession | None) -> None:
        self.session = session
        self._job = None  # a job of the vault that closed never answers
        if session is None:
            for table in self.tables.values():
                table.clear()
            self.summary.clear()
        else:
            self.refresh()

    def refresh(self) -> None:
        """The tab on screen now, the others when they are next shown."""
        self._stale = set(range(self.tabs.count()))
        self._refresh_current()

    def _tab_changed(self, _index: int) -> None:
        which = self.current_which()
        exportable = which is not None
        self.export_button.setEnabled(exportable)
        self.with_refs.setEnabled(exportable)
        self.export_button.setToolTip(
            "" if exportable else self.tr("Choose one of the charts' tabs to export it.")
        )
        if self.tabs.currentIndex() in self._stale:
            self._refresh_current()

    def _refresh_current(self) -> None:
        if self.session is None or not self.session.is_open:
            return
        index = self.tabs.currentIndex()
        self._stale.discard(index)
        which = self.current_which()
        if which is None:
            self._show_overview()
            return
        if self._job is not None:  # one at a time: this tab is counted when it has finished
            self._stale.add(index)
            return
        ws, period = self.session.ws, self.current_period()
        self._job = self.session.run_job(
            lambda: build(ws, which, period),
            lambda report: self._counted(report, period),
            self._not_counted,
        )

    def _counted(self, report: Report, period: Period) -> None:
        self._job = None
        which = report.which
        if period is self.current_period():
            self.charts[which].show_report(report)
            self.numbers[which].show_report(report)
            self.notes[which].setText(report.left_out)
            self.notes[which].setVisible(bool(report.left_out))
        else:
            self._stale.add(CHARTS.index(which) + 1)
        if self.tabs.currentIndex() in self._stale:
            self._refresh_current()

    def _not_counted(self, exc: Exception) -> None:
        self._job = None
        if not isinstance(exc, Cancelled):
            show_error(self, exc, self.tr("The report could not be counted"))

    def _show_overview(self) -> None:
        assert self.session is not None
        data = overview(self.session.ws)
        self.summary.setText(
            self.tr("%n case(s) in the vault", "", data.total)
            + " · "
            + self.tr("%n still open", "", data.open)
        )
        self.tables["status"].set_records(
            [(status_label(CaseStatus(s)), n) for s, n in data.by_status]
        )
        self.tables["facility"].set_records(data.by_facility)
        self.tables["region"].set_records(data.by_region)
        self.tables["unit"].set_records(data.by_unit)
        for table in self.tables.values():
            table.sortByColumn(1, Qt.SortOrder.DescendingOrder)

    # -- export and print -------------------------------------------------------------------
    def choose_file_and_export(self) -> None:
        which = self.current_which()
        if self.session is None or which is None:
            return
        name = f"casetracker-{which.value}.csv"
        path = file_dialogs.save_file(
            self, self.tr("Save the report as CSV"), Path.home() / name, self.tr("CSV (*.csv)")
        )
        if path is not None:
            self.export_to(path, overwrite=path.exists())

    def export_to(self, path: Path, *, overwrite: bool = False) -> bool:
        """The report on screen to ``path``; the references only if ticked (then unticked)."""
        which = self.current_which()
        if self.session is None or which is None:
            return False
        if path.suffix.lower() != ".csv":
            path, overwrite = path.with_name(path.name + ".csv"), False
        with_refs = self.with_refs.isChecked()
        try:
            with waiting():
                report = build(self.session.ws, which, self.current_period(), with_refs=with_refs)
                write_report_csv(
                    self.session.ws, path, report, with_refs=with_refs, overwrite=overwrite
                )
        except (ServiceError, OSError) as exc:
            show_error(self, exc, self.tr("The report was not saved"))
            return False
        self.with_refs.setChecked(False)  # a choice made for one file, not for the next
        return True

    def reports(self) -> list[Report]:
        """Every chart's report for the months chosen, for printing."""
        assert self.session is not None
        return [build(self.session.ws, which, self.current_period()) for which in CHARTS]

    def choose_printer_and_print(self) -> QPrintDialog | None:
        if self.session is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)  # charts are wide
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the reports"))
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # QPrintDialog.open() wants a receiver; shown modal, it is the same
        return dialog

    def print_to(self, printer: QPrinter) -> int:
        """Every chart, one a page; returns the pages printed (0 when it failed, said why)."""
        if self.session is None:
            return 0
        try:
            with waiting():
                return print_reports(printer, self.reports(), self.period.currentText())
        except OSError as exc:
            show_error(self, exc, self.tr("The reports were not printed"))
            return 0
