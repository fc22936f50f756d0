"""The spreadsheet import wizard as a person uses it: Ctrl+Shift+I, the file chosen by pasting its
path, choices made with clicks and keys only; then what the vault holds.

The sample is the organisation's own spreadsheet (tests/data/org-spreadsheet.csv): 40 men, two
rows with a cell that cannot be read ("не даёт" as a phone, "???" as a status); the five "давно"
dates are read as "unknown, before the import".
"""

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QTableWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casetracker.gui.dialogs.import_wizard import (
    CHECK,
    COLUMNS,
    DONE,
    PREVIEW,
    STATUSES,
    ImportWizard,
)
from casetracker.gui.main_window import MainWindow
from casetracker.model import CaseStatus
from casetracker.services import audit
from casetracker.services.spreadsheet_import import SAVED
from casetracker.services.workspace import Workspace
from tests.gui.keyboard import answer_file_chooser

SAMPLE = Path(__file__).parents[1] / "data" / "org-spreadsheet.csv"
#: Lines of the sample with a cell that cannot be read.
BAD_LINES = [22, 35]
JOB = 30_000


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "org.csv"  # QTest types ASCII only
    shutil.copy(SAMPLE, path)
    return path


def _click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _tick(qtbot: QtBot, box: QAbstractButton) -> None:
    """Click a check box or radio button on its box, where a person aims (its row is wider)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _tab_to(qtbot: QtBot, target: QWidget) -> None:
    """Press Tab until ``target`` has the focus, as a person reaches a list without a mouse."""
    for _ in range(60):
        if QApplication.focusWidget() is target:
            return
        focused = QApplication.focusWidget() or QApplication.activeModalWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    raise AssertionError("Tab never reached the field")


def _choose_from_list(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Tab to a drop-down list and type the start of the item, as a person would."""
    _tab_to(qtbot, combo)
    qtbot.keyClicks(combo, text)


def _open_wizard(qtbot: QtBot, window: MainWindow, path: Path) -> ImportWizard:
    window.activateWindow()  # back from an earlier dialog (offscreen Qt does not do it)
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    QTest.keyClick(
        window,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ImportWizard))
    wizard = QApplication.activeModalWidget()
    assert isinstance(wizard, ImportWizard)
    seen = answer_file_chooser(path)
    _click(qtbot, wizard.choose_button)
    assert seen and wizard.path == path, (seen, wizard.file_info.text())
    qtbot.waitUntil(lambda: wizard.current() == COLUMNS, timeout=JOB)
    # A desktop hands the focus back to the wizard when the file chooser closes; offscreen
    # Qt does not, so that is done here (keys then go where a person's would).
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=5_000)
    return wizard


def _to_check(qtbot: QtBot, wizard: ImportWizard) -> None:
    while wizard.current() != CHECK:
        _click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: wizard.check_report is not None, timeout=JOB)


def _text(item: QTableWidgetItem | None) -> str:
    assert item is not None
    return item.text()


def _rows(ws: Workspace) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in ws.cases.rows():
        out.setdefault(row.full_name, []).append(row.ref)
    return out


def test_every_man_is_imported_with_unreadable_cells_left_empty_and_kept_in_notes(
    qtbot: QtBot, main_window: MainWindow, sheet: Path
) -> None:
    wizard = _open_wizard(qtbot, main_window, sheet)
    assert "Step 2 of 5" in wizard.step.text()
    _click(qtbot, wizard.next_button)
    assert wizard.current() == STATUSES and "Step 3 of 5" in wizard.step.text()
    assert list(wizard.status_combos) == ["???"]
    _choose_from_list(qtbot, wizard.status_combos["???"], "Wh")
    _click(qtbot, wizard.next_button)
    assert wizard.current() == PREVIEW and "Step 4 of 5" in wizard.step.text()
    _click(qtbot, wizard.back_button)
    assert wizard.current() == STATUSES  # the choice is still there
    assert wizard.status_combos["???"].currentData() == "whereabouts_unknown"
    _to_check(qtbot, wizard)
    assert wizard.blank_cells.isChecked()  # on by default
    assert "Ready to import 40 case" in wizard.check_summary.text()
    table = wizard.bad_table
    cells = [[_text(table.item(r, c)) for c in range(3)] for r in range(table.rowCount())]
    assert [int(line) for line, _what, _outcome in cells] == [35]  # "???" now has a meaning
    assert all("left empty" in outcome for _line, _what, outcome in cells)
    assert not wizard.existing_box.isVisible()
    assert main_window.session is not None
    ws = main_window.session.ws
    assert ws.cases.count() == 0  # the check wrote nothing
    assert wizard.next_button.isEnabled()
    _click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: wizard.current() == DONE, timeout=JOB)
    assert "kept in the case's notes" in wizard.done_text.text()
    _click(qtbot, wizard.next_button)
    assert ws.cases.count() == 40
    rows = _rows(ws)
    andrei = ws.cases.get(rows["Иванов Андрей Николаевич"][0])
    assert andrei.status is CaseStatus.WHEREABOUTS_UNKNOWN  # the word given its meaning
    assert "Import: Последняя связь «давно» was read as unknown, before" in andrei.notes
    lebedev = ws.cases.get(rows["Лебедев Максим Сергеевич"][0])
    assert "«не даёт»" in lebedev.notes
    again = _open_wizard(qtbot, main_window, sheet)  # the column choices are remembered
    assert again.origin == SAVED and "Remembered" in again.origin_text.text()
    _click(qtbot, again.next_button)
    assert again.status_combos["???"].currentData() == "whereabouts_unknown"
    _click(qtbot, again.cancel_button)


def test_without_the_option_the_unreadable_rows_are_left_out_only_on_a_yes(
    qtbot: QtBot, main_window: MainWindow, sheet: Path
) -> None:
    wizard = _open_wizard(qtbot, main_window, sheet)
    _to_check(qtbot, wizard)
    _tick(qtbot, wizard.blank_cells)
    assert not wizard.blank_cells.isChecked()
    qtbot.waitUntil(lambda: wizard.check_report is not None, timeout=JOB)
    assert "Ready to import 38 case" in wizard.check_summary.text()
    assert [line for line, _reason in wizard.unreadable_rows()] == BAD_LINES
    reasons = " ".join(reason for _line, reason in wizard.unreadable_rows())
    assert "say which status it means" in reasons and "mapping" not in reasons
    assert "status words" in wizard.check_summary.text()  # where to give "???" a meaning
    assert not wizard.next_button.isEnabled()  # leaving rows out needs a yes
    _tick(qtbot, wizard.leave_out)
    assert wizard.next_button.isEnabled()
    _click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: wizard.current() == DONE, timeout=JOB)
    assert main_window.session is not None
    assert main_window.session.ws.cases.count() == 38


def test_importing_a_corrected_copy_finds_the_men_already_there_and_updates_on_request(
    qtbot: QtBot, main_window: MainWindow, sheet: Path
) -> None:
    assert main_window.session is not None
    ws = main_window.session.ws
    service = ws.sheets
    loaded = service.load(sheet.read_bytes(), sheet.name)
    service.apply(loaded, service.suggest_mapping(loaded).mapping, blank_bad_cells=True)
    assert ws.cases.count() == 40
    text = sheet.read_text("utf-8")
    sheet.write_text(
        text.replace("2,Иванов Степан Николаевич,,Бурятия", "2,Иванов Степан Николаевич,,Тыва"),
        "utf-8",
    )
    wizard = _open_wizard(qtbot, main_window, sheet)
    _to_check(qtbot, wizard)
    assert wizard.existing_box.isVisible() and wizard.skip_existing.isChecked()
    assert "Already in the vault" in wizard.existing_text.text()
    assert "40 row" in wizard.existing_text.text()
    assert "Every man in this file is already in the vault" in wizard.check_summary.text()
    assert not wizard.next_button.isEnabled()  # nothing new to import
    _tick(qtbot, wizard.update_existing)
    qtbot.waitUntil(lambda: wizard.check_report is not None, timeout=JOB)
    assert wizard.next_button.text() == "Import 0 new, update 40"
    _click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: wizard.current() == DONE, timeout=JOB)
    assert "Updated 40 case" in wizard.done_text.text()
    assert ws.cases.count() == 40
    stepan = ws.cases.get(_rows(ws)["Иванов Степан Николаевич"][0])
    assert stepan.home_region == "Тыва"
    with ws.reading() as session:
        changes = [json.loads(e.changes) for e in audit.history(session, stepan.id)]
    assert {"home_region": ["Бурятия", "Тыва"]} in changes


def test_a_cancelled_import_writes_nothing_and_the_full_name_column_is_required(
    qtbot: QtBot, main_window: MainWindow, sheet: Path
) -> None:
    wizard = _open_wizard(qtbot, main_window, sheet)
    name = wizard.combos["ФИО"]
    _tab_to(qtbot, name)
    qtbot.keyClick(name, Qt.Key.Key_Home)  # "do not import"
    assert "full name" in wizard.mapping_problem.text()
    assert not wizard.next_button.isEnabled()
    qtbot.keyClicks(name, "Full")
    assert name.currentData() == "full_name" and wizard.next_button.isEnabled()
    _to_check(qtbot, wizard)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert main_window.session is not None
    ws = main_window.session.ws
    assert ws.cases.count() == 0
    assert ws.sheets.saved_mapping(ws.sheets.load(sheet.read_bytes())) is None


def test_rows_left_out_are_counted_apart_from_rows_kept_with_a_cell_empty(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    """One row without a name (left out) and one with an unreadable date (kept): "1 row"."""
    path = tmp_path / "mixed.csv"
    path.write_text(
        "ФИО;Дата задержания\nПетров Пётр;02.07.2024\n;03.07.2024\nСидоров Иван;31.02.2024\n",
        encoding="utf-8",
    )
    wizard = _open_wizard(qtbot, main_window, path)
    _to_check(qtbot, wizard)
    assert wizard.bad_table.rowCount() == 2
    assert wizard.bad_box.title().startswith("1 row")  # not 2: one is kept
