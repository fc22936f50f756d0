"""Reports by mouse and keyboard: the charts' tabs, the months shown, Export CSV… to a typed
path (counts only unless ticked), and printing every chart to a PDF, one page each."""

import csv
import io
import subprocess
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casetracker.gui import style
from casetracker.gui.main_window import REPORTS, MainWindow
from casetracker.gui.views.reports_view import CHARTS, ReportsView
from casetracker.model import CaseStatus
from casetracker.services.report_series import Which
from casetracker.services.workspace import Workspace
from tests.gui.by_hand import open_section
from tests.gui.keyboard import answer_file_chooser, click, click_mark, modal, press, tab_to


def _add_cases(ws: Workspace) -> None:
    today = date.today()
    long_ago = date(today.year - 2, 1, 15)
    ws.cases.create("Зайцев Олег", status=CaseStatus.DETAINED, detention_date=long_ago)
    ws.cases.create("Гусев Пётр", status=CaseStatus.DETAINED, detention_date=today)
    place = ws.facilities.create("Подвал школы")
    ws.custody.move("CT-0001", place.id, since=long_ago)


def _reports(window: MainWindow) -> ReportsView:
    view = open_section(window, REPORTS)
    assert isinstance(view, ReportsView)
    return view


def _show_tab(qtbot: QtBot, view: ReportsView, which: Which) -> None:
    """Click the chart's tab; wait until its report (counted on a worker) is drawn."""
    bar = view.tabs.tabBar()
    rect = bar.tabRect(CHARTS.index(which) + 1)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current_which() is which
    qtbot.waitUntil(lambda: view.charts[which].report is not None, timeout=10_000)


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def test_the_months_shown_switch_from_the_last_twelve_to_all(
    qtbot: QtBot, main_window: MainWindow, ws: Workspace
) -> None:
    _add_cases(ws)
    view = _reports(main_window)
    _show_tab(qtbot, view, Which.DETENTIONS_MONTHLY)
    chart = view.charts[Which.DETENTIONS_MONTHLY]
    assert chart.report is not None and len(chart.report.columns) == 12
    assert chart.report.lines[0].counts[-1] == 1  # today's detention; the old one is not shown

    tab_to(qtbot, view.period)
    press(qtbot, Qt.Key.Key_Down)  # "All months"

    qtbot.waitUntil(lambda: chart.report is not None and len(chart.report.columns) > 12)
    assert chart.report is not None
    months = (date.today().year - (date.today().year - 2)) * 12 + date.today().month
    assert len(chart.report.columns) == months  # from January two years ago to now
    assert chart.report.lines[0].counts[0] == 1 and chart.report.lines[0].counts[-1] == 1
    assert chart.chart().axes()[0].categories()[0].endswith(str(date.today().year - 2))
    table = view.numbers[Which.DETENTIONS_MONTHLY]  # the same numbers, for a screen reader
    assert table.columnCount() == months
    assert table.verticalHeaderItem(0).text() == "month known"
    assert table.item(0, 0).text() == "1" and table.item(0, months - 1).text() == "1"


def test_export_csv_writes_counts_only_unless_references_are_ticked(
    qtbot: QtBot, main_window: MainWindow, ws: Workspace, tmp_path: Path
) -> None:
    _add_cases(ws)
    view = _reports(main_window)
    assert not view.export_button.isEnabled()  # the overview is not one of the reports
    _show_tab(qtbot, view, Which.PLACES_TIMELINE)

    counts_only = tmp_path / "places.csv"
    seen = answer_file_chooser(counts_only)
    click(qtbot, view.export_button)
    qtbot.waitUntil(counts_only.exists, timeout=10_000)
    rows = _rows(counts_only)
    assert rows[0] == ["Month", "Place", "Men held"], seen
    assert rows[-1] == [date.today().strftime("%Y-%m"), "Подвал школы", "<5"]  # one man: hidden
    assert "CT-0001" not in counts_only.read_text(encoding="utf-8-sig")

    click_mark(qtbot, view.with_refs)
    assert view.with_refs.isChecked()
    with_refs = tmp_path / "places-refs"  # the .csv is added
    answer_file_chooser(with_refs)
    click(qtbot, view.export_button)
    written = tmp_path / "places-refs.csv"
    qtbot.waitUntil(written.exists, timeout=10_000)
    assert _rows(written)[-1][-1] == "CT-0001"
    assert not view.with_refs.isChecked()  # ticked for one file, not for the next


def test_print_opens_the_print_dialog(qtbot: QtBot, main_window: MainWindow) -> None:
    view = _reports(main_window)
    click(qtbot, view.print_button)
    dialog = modal(qtbot, QPrintDialog)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5_000)


def test_every_chart_prints_on_a_page_of_its_own(
    main_window: MainWindow, ws: Workspace, tmp_path: Path
) -> None:
    _add_cases(ws)
    view = _reports(main_window)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    pdf = tmp_path / "reports.pdf"
    printer.setOutputFileName(str(pdf))

    assert view.print_to(printer) == len(CHARTS)

    out = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(pdf), str(out)], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == len(CHARTS)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "New detentions per month" in text and "Подвал школы" in text
    assert "Зайцев" not in text  # names are never printed


def test_a_chart_follows_the_system_into_the_dark_theme(
    qtbot: QtBot, main_window: MainWindow, ws: Workspace
) -> None:
    _add_cases(ws)
    view = _reports(main_window)
    _show_tab(qtbot, view, Which.SILENCE_WEEKS)
    chart = view.charts[Which.SILENCE_WEEKS].chart()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = style.current_theme()
    try:
        style.apply_theme(app, style.DARK)
        assert chart.backgroundBrush().color().name() == style.DARK.base
        assert chart.titleBrush().color().name() == style.DARK.text
    finally:
        style.apply_theme(app, before)
    assert chart.backgroundBrush().color().name() == before.base


def test_every_status_has_a_colour_of_its_own_in_the_charts() -> None:
    colours = style.CHART_STATUS_COLOURS
    assert set(colours) == {status.value for status in CaseStatus}
    assert len(set(colours.values())) == len(colours)
