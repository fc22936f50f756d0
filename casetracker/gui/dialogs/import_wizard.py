"""Import cases from the organisation's own spreadsheet (CSV or XLSX), step by step.

1. **File** — read off the GUI thread, as untrusted, within the importer's limits.
2. **Columns** — one choice per column of the file, guessed from its header (Russian or
   English) or remembered from the last import of a file with the same header.
3. **Status words** (only when the status column has words the app does not know) — each word
   is given its status by choosing from a list.
4. **Preview** — the first rows as they will be read (dates, statuses, anonymous relatives,
   changed names), with the problem of each row that cannot be read.
5. **Check** — the whole import done and rolled back: what it would add, every cell or row that
   cannot be read (with its line and reason), and how many of the men are already in the
   vault. By default a row with an unreadable cell other than the name is kept, that cell left
   empty and its text put in the case's notes; men already there are left as they are, or
   updated on request. Only then, and only if the person agrees to leave the rows that still
   cannot be read out, is anything written; the mapping is remembered after the import.

Cancelling at any step writes nothing; so does a failed import (it is one transaction).
"""

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui import file_dialogs
from casetracker.gui.labels import facility_kind_label, status_label, yes_no
from casetracker.gui.locale_format import date_text
from casetracker.gui.style import set_role
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import error_label, fit_to_screen, show_message
from casetracker.gui.widgets.sharing_parts import BusyBar, job_error_text
from casetracker.model import CaseStatus
from casetracker.services.imports import Existing, ImportReport
from casetracker.services.spreadsheet_import import SAVED, SpreadsheetImportService
from casetracker.sharing import spreadsheet
from casetracker.sharing.canonical_csv import ImportRow
from casetracker.sharing.spreadsheet import IGNORE, Sheet, SheetMapping

FILE, COLUMNS, STATUSES, PREVIEW, CHECK, DONE = range(6)
PREVIEW_ROWS = 10
# Enough to let the importer's own size check refuse a larger file.
MAX_READ_BYTES = max(spreadsheet.MAX_CSV_BYTES, spreadsheet.MAX_XLSX_BYTES) + 1
# Distinct unknown status words offered for mapping, at most.
MAX_STATUS_WORDS = 30


def _short(text: str, limit: int = 28) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _scrolling_grid(page: QWidget) -> tuple[QScrollArea, QWidget, QGridLayout]:
    """A grid of rows (label, …, choice) that scrolls down, never sideways."""
    area = QWidget(page)
    grid = QGridLayout(area)
    grid.setColumnStretch(1, 1)
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(area)
    return scroll, area, grid


def _clear(grid: QGridLayout) -> None:
    while grid.count():
        item = grid.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


class ImportWizard(QDialog):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None
        self.sheet: Sheet | None = None
        self.mapping: SheetMapping | None = None
        self.origin = ""
        self.check_report: ImportReport | None = None
        self.report: ImportReport | None = None
        self.combos: dict[str, QComboBox] = {}
        self.status_combos: dict[str, QComboBox] = {}
        # Application-modal: a job shares the vault's one database with the GUI thread.
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        fit_to_screen(self, 940, 640)  # may shrink (200 %)

        self.step = QLabel(self)
        set_role(self.step, "title")
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._columns_page())
        self.pages.addWidget(self._statuses_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._check_page())
        self.pages.addWidget(self._done_page())

        self.message = error_label(self)
        self.busy = BusyBar(session, self)
        self.back_button = QPushButton(self.tr("< Back"), self)
        self.back_button.setAccessibleName(self.tr("Back to the previous step"))
        self.next_button = QPushButton(self.tr("Next >"), self)
        self.next_button.setAccessibleName(self.tr("Next step"))
        self.next_button.setDefault(True)
        set_role(self.next_button, "primary")
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel: nothing is imported"))
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)
        self.busy.finished.connect(self._update_buttons)
        self.show_page(FILE)

    # -- pages ------------------------------------------------------------------------------
    def _file_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Bring in the cases you keep in a spreadsheet (CSV, or XLSX from Excel). The "
                "columns are matched to the case fields by their names — Russian or English — "
                "and you can correct the match. Rows that cannot be read are listed with their "
                "line number, never dropped silently. Nothing is written to the vault until you "
                "confirm on the last step."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose a spreadsheet…"), page)
        self.choose_button.setAccessibleName(self.tr("Choose the spreadsheet file"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_info = QLabel(page)
        self.file_info.setWordWrap(True)
        self.file_info.setTextFormat(Qt.TextFormat.PlainText)  # a file name is not markup
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.file_info, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _columns_page(self) -> QWidget:
        page = QWidget(self)
        self.origin_text = QLabel(page)
        self.origin_text.setWordWrap(True)
        set_role(self.origin_text, "hint")
        scroll, self.columns_area, self.columns_grid = _scrolling_grid(page)
        self.mapping_problem = error_label(page)
        layout = QVBoxLayout(page)
        layout.addWidget(self.origin_text)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.mapping_problem)
        return page

    def _statuses_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "The status column of your file uses words the app does not know. Choose the "
                "status each word means. A word left at \u201cnone of these\u201d gives no "
                "status: the next steps show what happens to those rows."
            ),
            page,
        )
        intro.setWordWrap(True)
        scroll, self.statuses_area, self.statuses_grid = _scrolling_grid(page)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget(self)
        self.preview_intro = QLabel(page)
        self.preview_intro.setWordWrap(True)
        self.preview_table = QTableWidget(page)
        self.preview_table.setAccessibleName(self.tr("The first rows as they will be read"))
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_table.verticalHeader().hide()
        self.preview_table.setWordWrap(False)
        layout = QVBoxLayout(page)
        layout.addWidget(self.preview_intro)
        layout.addWidget(self.preview_table, 1)
        return page

    def _check_page(self) -> QWidget:
        page = QWidget(self)
        self.check_summary = QLabel(page)
        self.check_summary.setWordWrap(True)
        self.blank_cells = QCheckBox(
            self.tr("Keep a man whose row has a cell that cannot be read"), page
        )
        self.blank_cells.setChecked(True)
        self.blank_cells.toggled.connect(self._options_changed)
        blank_hint = QLabel(
            self.tr(
                "His row is imported with that cell empty, and the text of the cell is kept in "
                "the case's notes. The full name must be readable."
            ),
            page,
        )
        blank_hint.setWordWrap(True)
        set_role(blank_hint, "hint")
        self.blank_cells.setAccessibleDescription(blank_hint.text())
        self.bad_box = QGroupBox(page)
        self.bad_table = QTableWidget(0, 3, self.bad_box)
        self.bad_table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("What could not be read"), self.tr("What happens")]
        )
        self.bad_table.setAccessibleName(self.tr("Rows with cells that cannot be read"))
        self.bad_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.bad_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.bad_table.verticalHeader().hide()
        self.bad_table.setWordWrap(True)
        self.bad_table.setMinimumHeight(80)  # gives way to the choices below on a small screen
        header = self.bad_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        bad_layout = QVBoxLayout(self.bad_box)
        bad_layout.addWidget(self.bad_table)
        self.existing_box = QGroupBox(self.tr("What to do with their cases"), page)
        # Above the box, not in it: a wrapped label inside a group box is cut at one line.
        self.existing_text = QLabel(page)
        self.existing_text.setWordWrap(True)
        self.skip_existing = QRadioButton(
            self.tr("Leave their cases as they are (their rows are skipped)"), self.existing_box
        )
        self.update_existing = QRadioButton(
            self.tr("Update their cases from the file (each change is kept in the case's history)"),
            self.existing_box,
        )
        self.skip_existing.setChecked(True)
        self.update_existing.toggled.connect(self._options_changed)
        existing_layout = QVBoxLayout(self.existing_box)
        existing_layout.addWidget(self.skip_existing)
        existing_layout.addWidget(self.update_existing)
        self.leave_out = QCheckBox(page)
        self.leave_out.setAccessibleName(
            self.tr("Import the readable rows and leave the others out")
        )
        self.leave_out.toggled.connect(lambda _c: self._update_buttons())
        self.leave_out_hint = QLabel(
            self.tr(
                "The rows marked \u201cleft out\u201d are not imported. Add those cases by "
                "hand, or fix them and import the file again: the men imported now are "
                "recognised and not added a second time."
            ),
            page,
        )
        self.leave_out_hint.setWordWrap(True)
        set_role(self.leave_out_hint, "hint")
        layout = QVBoxLayout(page)
        layout.addWidget(self.check_summary)
        layout.addWidget(self.blank_cells)
        layout.addWidget(blank_hint)
        layout.addWidget(self.bad_box, 1)
        layout.addWidget(self.existing_text)
        layout.addWidget(self.existing_box)
        layout.addWidget(self.leave_out)
        layout.addWidget(self.leave_out_hint)
        layout.addStretch(0)  # takes the room only while the table is hidden
        return page

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        self.done_text = QLabel(page)
        self.done_text.setWordWrap(True)
        set_role(self.done_text, "ok")
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_text)
        layout.addStretch(1)
        return page

    # -- field names ------------------------------------------------------------------------
    def field_labels(self) -> dict[str, str]:
        """Every target field of ``spreadsheet.FIELDS``, translated (English from there else)."""
        labels = {
            "case_ref": self.tr("Case reference"),
            "full_name": self.tr("Full name"),
            "aliases": self.tr("Other spellings"),
            "birth_date": self.tr("Date of birth"),
            "home_region": self.tr("Home region"),
            "military_unit": self.tr("Military unit"),
            "contract_type": self.tr("Contract"),
            "status": self.tr("Status"),
            "refusal_date": self.tr("Refusal date"),
            "detention_date": self.tr("Detention date"),
            "facility": self.tr("Where held"),
            "facility_kind": self.tr("Kind of place"),
            "settlement": self.tr("Settlement of the place"),
            "region": self.tr("Region of the place"),
            "custody_since": self.tr("Held there since"),
            "relative_name": self.tr("Relative (name, or \u201canonymous\u201d)"),
            "relative_relationship": self.tr("Relationship"),
            "relative_phone": self.tr("Relative's phone"),
            "relative_anonymous": self.tr("Relative stays anonymous"),
            "relative_share_with_lawyer": self.tr("May share with a lawyer"),
            "last_contact_date": self.tr("Last contact"),
            "last_contact_direct": self.tr("Heard him directly?"),
            "last_contact_note": self.tr("What was said"),
            "notes": self.tr("Notes"),
        }
        return {key: labels.get(key, english) for key, english in spreadsheet.FIELDS.items()}

    # -- navigation -------------------------------------------------------------------------
    def steps(self) -> list[int]:
        """The pages this file goes through; the status words only when there are some."""
        middle = [STATUSES] if self.unknown_status_words() else []
        return [FILE, COLUMNS, *middle, PREVIEW, CHECK]

    def show_page(self, page: int) -> None:
        titles = {
            FILE: self.tr("the file"),
            COLUMNS: self.tr("what each column holds"),
            STATUSES: self.tr("what the status words mean"),
            PREVIEW: self.tr("the first rows, as they will be read"),
            CHECK: self.tr("check, then import"),
        }
        self.pages.setCurrentIndex(page)
        steps = self.steps()
        if page == DONE:
            self.step.setText(self.tr("Imported"))
        else:
            number = (
                self.tr("Step %1 of %2")
                .replace("%1", str(steps.index(page) + 1))
                .replace("%2", str(len(steps)))
            )
            self.step.setText(f"{number} \u2014 {titles[page]}")
        show_message(self.message, "")
        if page == COLUMNS:
            self._check_mapping()
        elif page == STATUSES:
            self.build_status_words()
        elif page == PREVIEW:
            self.fill_preview()
        elif page == CHECK:
            self.run_check()
        self._update_buttons()

    def current(self) -> int:
        return self.pages.currentIndex()

    def back(self) -> None:
        page = self.current()
        if page in (COLUMNS, STATUSES, PREVIEW, CHECK) and not self.busy.busy:
            steps = self.steps()
            self.show_page(steps[steps.index(page) - 1] if page in steps else COLUMNS)

    def next(self) -> None:
        page = self.current()
        if self.busy.busy:
            return
        if page == FILE and self.sheet is not None:
            self.show_page(COLUMNS)
        elif page == COLUMNS and not self.mapping_problems():
            self.show_page(STATUSES if self.unknown_status_words() else PREVIEW)
        elif page == STATUSES:
            self.show_page(PREVIEW)
        elif page == PREVIEW:
            self.show_page(CHECK)
        elif page == CHECK:
            self.import_rows()
        elif page == DONE:
            self.accept()

    def _update_buttons(self) -> None:
        page, busy = self.current(), self.busy.busy
        self.back_button.setVisible(page in (COLUMNS, STATUSES, PREVIEW, CHECK))
        self.back_button.setEnabled(not busy)
        self.cancel_button.setVisible(page != DONE)
        self.cancel_button.setEnabled(not busy)
        self.choose_button.setEnabled(not busy)
        for option in (self.blank_cells, self.skip_existing, self.update_existing):
            option.setEnabled(not busy)
        if page == FILE:
            ready = self.sheet is not None
            self.next_button.setText(self.tr("Next >"))
        elif page == COLUMNS:
            ready = not self.mapping_problems()
            self.next_button.setText(self.tr("Next >"))
        elif page == STATUSES:
            ready = True
            self.next_button.setText(self.tr("Next >"))
        elif page == PREVIEW:
            ready = True
            self.next_button.setText(self.tr("Check all rows >"))
        elif page == CHECK:
            report = self.check_report
            good = report.cases_added if report is not None else 0
            updated = report.cases_updated if report is not None else 0
            ready = (
                report is not None
                and good + updated > 0
                and (not report.errors or self.leave_out.isChecked())
            )
            if updated:
                self.next_button.setText(
                    self.tr("Import %1 new, update %2")
                    .replace("%1", str(good))
                    .replace("%2", str(updated))
                )
            else:
                self.next_button.setText(self.tr("Import %n case(s)", "", good))
        else:
            ready = True
            self.next_button.setText(self.tr("Close"))
        self.next_button.setEnabled(ready and not busy)

    # -- step 1: the file -------------------------------------------------------------------
    def choose_file(self) -> None:
        path = file_dialogs.open_file(
            self,
            self.tr("Choose a spreadsheet"),
            None,
            self.tr("Spreadsheets (*.csv *.xlsx *.xlsm);;All files (*)"),
        )
        if path is not None:
            self.load_path(path)

    def load_path(self, path: Path) -> bool:
        """Read and check the file off the GUI thread; the columns step follows when it is read."""
        if self.busy.busy:
            return False
        self.path, self.sheet, self.mapping, self.check_report = path, None, None, None
        self.file_info.setText(self.tr("Reading %1…").replace("%1", path.name))
        set_role(self.file_info, "hint")

        def job() -> Sheet:
            with path.open("rb") as handle:
                untrusted = handle.read(MAX_READ_BYTES)
            return SpreadsheetImportService.load(untrusted, path.name)

        started = self.busy.run(
            self.tr("Reading the spreadsheet…"), job, self._loaded, self._load_failed
        )
        self._update_buttons()
        return started

    def _load_failed(self, exc: Exception) -> None:
        self.file_info.setText(
            self.tr("%1 cannot be read: %2")
            .replace("%1", self.path.name if self.path else "")
            .replace("%2", job_error_text(exc))
        )
        set_role(self.file_info, "error")

    def _loaded(self, sheet: Sheet) -> None:
        self.sheet = sheet
        choice = self.session.ws.sheets.suggest_mapping(sheet)
        self.mapping = choice.mapping
        self.origin = choice.origin
        text = self.tr("%1: %n row(s)", "", len(sheet.rows)).replace(
            "%1", self.path.name if self.path else ""
        )
        text += ", " + self.tr("%n column(s).", "", len(sheet.headers))
        if sheet.unreadable:
            text += " " + self.tr(
                "%n line(s) are garbled in the file itself; they are listed at the end.",
                "",
                len(sheet.unreadable),
            )
        self.file_info.setText(text)
        set_role(self.file_info, "")
        self.build_columns()
        self.show_page(COLUMNS)

    # -- step 2: columns --------------------------------------------------------------------
    def build_columns(self) -> None:
        assert self.sheet is not None and self.mapping is not None
        _clear(self.columns_grid)
        self.combos.clear()
        if self.origin == SAVED:
            self.origin_text.setText(
                self.tr(
                    "Remembered from your last import of a spreadsheet with these columns. "
                    "Check them, then continue."
                )
            )
        else:
            self.origin_text.setText(
                self.tr(
                    "Guessed from the column names. Check each one: choose what it holds, or "
                    "\u201cdo not import\u201d. Only the full name is required."
                )
            )
        area = self.columns_area
        labels = self.field_labels()
        for column, text in enumerate(
            (self.tr("Column in your file"), self.tr("For example"), self.tr("Read as"))
        ):
            heading = QLabel(f"<b>{text}</b>", area)
            self.columns_grid.addWidget(heading, 0, column)
        for row, header in enumerate(self.sheet.headers, start=1):
            # Headers and cells are the file's words, shown as plain text, never as markup.
            name = QLabel(area)
            name.setTextFormat(Qt.TextFormat.PlainText)
            name.setText(header.replace("&", "&&"))
            examples = QLabel(area)
            examples.setTextFormat(Qt.TextFormat.PlainText)
            examples.setText(", ".join(self.examples(row - 1)) or "—")
            examples.setToolTip(examples.text())
            # Long examples are cut at the window's edge instead of pushing the choices out.
            examples.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            examples.setMinimumWidth(120)
            set_role(examples, "hint")
            combo = QComboBox(area)
            combo.addItem(self.tr("— do not import —"), IGNORE)
            for key, label in labels.items():
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(self.mapping.field_of(header))))
            combo.setAccessibleName(self.tr("Read column %1 as").replace("%1", header))
            combo.setMinimumContentsLength(22)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.currentIndexChanged.connect(lambda _i: self._mapping_edited())
            name.setBuddy(combo)
            self.combos[header] = combo
            self.columns_grid.addWidget(name, row, 0)
            self.columns_grid.addWidget(examples, row, 1)
            self.columns_grid.addWidget(combo, row, 2)

    def examples(self, column: int, wanted: int = 3) -> list[str]:
        assert self.sheet is not None
        found: list[str] = []
        for row in self.sheet.rows:
            if column < len(row.cells) and row.cells[column].strip():
                value = _short(row.cells[column])
                if value not in found:
                    found.append(value)
            if len(found) >= wanted:
                break
        return found

    def unknown_status_words(self) -> list[str]:
        """Words in the status column that no built-in status matches (mapped ones included)."""
        if self.sheet is None or self.mapping is None:
            return []
        return spreadsheet.unknown_status_words(self.sheet, self.mapping, MAX_STATUS_WORDS)

    # -- step 3: status words ---------------------------------------------------------------
    def build_status_words(self) -> None:
        """One list of statuses per unknown word, showing what the mapping already says."""
        assert self.mapping is not None
        _clear(self.statuses_grid)
        self.status_combos.clear()
        area = self.statuses_area
        for column, text in enumerate((self.tr("Word in your file"), self.tr("Status"))):
            self.statuses_grid.addWidget(QLabel(f"<b>{text}</b>", area), 0, column)
        saved = {spreadsheet.status_key(k): v for k, v in self.mapping.statuses.items()}
        words = self.unknown_status_words()
        for row, word in enumerate(words, start=1):
            label = QLabel(area)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setText(self.tr("\u201c%1\u201d").replace("%1", _short(word).replace("&", "&&")))
            combo = QComboBox(area)
            combo.addItem(self.tr("— none of these —"), "")
            for status in CaseStatus:
                combo.addItem(status_label(status), status.value)
            current = saved.get(spreadsheet.status_key(word))
            if current is not None:
                combo.setCurrentIndex(max(0, combo.findData(current.value)))
            combo.setAccessibleName(self.tr("Status meant by %1").replace("%1", word))
            combo.currentIndexChanged.connect(lambda _i: self._statuses_edited())
            label.setBuddy(combo)
            self.status_combos[word] = combo
            self.statuses_grid.addWidget(label, row, 0)
            self.statuses_grid.addWidget(combo, row, 1)
            label.show()
            combo.show()  # now, not at the next layout pass: it takes the focus below
        self.statuses_grid.setRowStretch(len(words) + 1, 1)
        if self.status_combos:
            next(iter(self.status_combos.values())).setFocus()

    def _statuses_edited(self) -> None:
        if self.mapping is None:
            return
        statuses = dict(self.mapping.statuses)
        for word, combo in self.status_combos.items():
            value = str(combo.currentData() or "")
            key = spreadsheet.status_key(word)
            if value:
                statuses[key] = CaseStatus(value)
            else:
                statuses.pop(key, None)
        self.mapping = replace(self.mapping, statuses=statuses)
        self.check_report = None

    def _mapping_edited(self) -> None:
        if self.sheet is None or self.mapping is None:
            return
        columns = {header: str(combo.currentData()) for header, combo in self.combos.items()}
        self.mapping = replace(self.mapping, columns=columns)
        self.check_report = None
        self._check_mapping()
        self._update_buttons()

    def mapping_problems(self) -> str:
        if self.mapping is None:
            return self.tr("Choose a file first.")
        labels = self.field_labels()
        if self.mapping.missing_required():
            return self.tr("Choose the column that holds the full name: it is required.")
        used: dict[str, list[str]] = {}
        for header, target in self.mapping.columns.items():
            if target:
                used.setdefault(target, []).append(header)
        for target, headers in used.items():
            if len(headers) > 1:
                return (
                    self.tr("Two columns are read as \u201c%1\u201d: %2. Keep one.")
                    .replace("%1", labels.get(target, target))
                    .replace("%2", ", ".join(headers))
                )
        return ""

    def _check_mapping(self) -> None:
        show_message(self.mapping_problem, self.mapping_problems())

    # -- step 4: preview --------------------------------------------------------------------
    def mapped_fields(self) -> list[str]:
        assert self.mapping is not None
        targets = set(self.mapping.columns.values())
        return [key for key in spreadsheet.FIELDS if key in targets]

    def fill_preview(self) -> None:
        if self.sheet is None or self.mapping is None:
            return
        service, blank = self.session.ws.sheets, self.blank_cells.isChecked()
        first = service.preview(self.sheet, self.mapping, PREVIEW_ROWS, blank_bad_cells=blank)
        head = Sheet(self.sheet.headers, self.sheet.rows[:PREVIEW_ROWS], self.sheet.kind)
        parsed_head = service.parse(head, self.mapping, blank_bad_cells=blank)
        read = {row.line: row for row in parsed_head.rows}
        fields = self.mapped_fields()
        labels = self.field_labels()
        table = self.preview_table
        table.clear()
        # The problem right after the line number: never hidden behind the horizontal scroll.
        table.setColumnCount(len(fields) + 2)
        table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Problem")] + [labels[f] for f in fields]
        )
        table.setRowCount(len(first))
        bad = blanked = 0
        for r, preview_row in enumerate(first):
            parsed = read.get(preview_row.line)
            problem = preview_row.error
            cells = [str(preview_row.line)]
            if problem:
                bad += 1
                cells.append(self.tr("Cannot be read: %1").replace("%1", problem))
            elif preview_row.blanked:
                blanked += 1
                cells.append(self.tr("Left empty: %1").replace("%1", preview_row.blanked))
            else:
                cells.append("")
            for key in fields:
                if parsed is not None:
                    cells.append(self.shown_value(parsed, key))
                else:
                    cells.append(_short(preview_row.values.get(key, ""), 40))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if problem:
                    item.setToolTip(problem)
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        for c in range(table.columnCount()):
            if header.sectionSize(c) > 240:
                header.resizeSection(c, 240)
        table.setColumnHidden(1, bad + blanked == 0)
        intro = self.tr(
            "The first %n row(s) of the file, as the vault will hold them.", "", len(first)
        )
        if bad:
            intro += " " + self.tr(
                "%n of them cannot be read (shown in italics, with the reason).",
                "",
                bad,
            )
        if blanked:
            intro += " " + self.tr(
                "In %n of them a cell cannot be read: it will be left empty and its text kept "
                "in the case's notes.",
                "",
                blanked,
            )
        intro += " " + self.tr("The next step checks every row.")
        self.preview_intro.setText(intro)

    def shown_value(self, row: ImportRow, key: str) -> str:
        value: Any = getattr(row, key, "")
        if key == "full_name" and row.name_is_changed:
            return f"{row.full_name} " + self.tr("(changed name)")
        if key == "relative_name" and row.relative_anonymous:
            return self.tr("anonymous")
        if key == "status":
            return status_label(row.status)
        if key == "facility" and row.facility:
            return f"{row.facility} ({facility_kind_label(row.facility_kind)})"
        if key == "facility_kind":
            return facility_kind_label(row.facility_kind)
        if key == "last_contact_direct" and row.last_contact_date is None:
            return "—"
        if isinstance(value, bool):
            return yes_no(value)
        if value is None or value == "":
            return "—"
        if hasattr(value, "isoformat"):
            return date_text(value)
        return _short(str(value), 40)

    # -- step 5: check, then import ---------------------------------------------------------
    def options(self) -> dict[str, Any]:
        """The choices of the last step, as ``SpreadsheetImportService.apply`` takes them."""
        return {
            "blank_bad_cells": self.blank_cells.isChecked(),
            "existing": Existing.UPDATE if self.update_existing.isChecked() else Existing.SKIP,
        }

    def _options_changed(self) -> None:
        if self.current() == CHECK and not self.busy.busy:
            self.run_check()

    def run_check(self) -> None:
        if self.sheet is None or self.mapping is None:
            return
        self.check_report = None
        self.check_summary.setText(self.tr("Reading every row (nothing is written)…"))
        set_role(self.check_summary, "hint")
        self.bad_box.hide()
        self.leave_out.hide()
        self.leave_out_hint.hide()
        self.leave_out.setChecked(False)
        service, sheet, mapping, options = (
            self.session.ws.sheets,
            self.sheet,
            self.mapping,
            self.options(),
        )
        self.busy.run(
            self.tr("Checking every row…"),
            lambda: service.apply(
                sheet, mapping, dry_run=True, skip_bad=True, remember=False, **options
            ),
            self._checked,
            self._check_failed,
            writes=True,
        )
        self._update_buttons()

    def _check_failed(self, exc: Exception) -> None:
        self.check_summary.setText(job_error_text(exc))
        set_role(self.check_summary, "error")

    def _checked(self, report: ImportReport) -> None:
        self.check_report = report
        good = report.cases_added
        if good:
            text = self.tr("Ready to import %n case(s)", "", good)
            extras = [
                self.tr("%n new place(s)", "", report.facilities_added),
                self.tr("%n new relative(s)", "", report.relatives_added),
                self.tr("%n contact(s) in the log", "", report.contacts_added),
            ]
            text += " (" + ", ".join(extras) + ")."
        elif report.cases_updated:
            text = self.tr("No new case; %n case(s) to update.", "", report.cases_updated)
        elif report.already_there:
            text = self.tr("Every man in this file is already in the vault.")
        else:
            text = self.tr("No row can be imported.")
        unmapped = [w for w, combo in self.status_combos.items() if not combo.currentData()]
        if (report.errors or report.blanked) and unmapped:
            text += " " + self.tr(
                "Some rows use status words the app does not know (such as \u201c%1\u201d): "
                "go back to \u201cwhat the status words mean\u201d to say what they mean."
            ).replace("%1", _short(unmapped[0]))
        self.check_summary.setText(text)
        set_role(self.check_summary, "")
        self._fill_bad_table(report)
        self._show_existing(report)
        self.leave_out.setText(
            self.tr("Import the %n readable case(s) and leave the rows listed above out", "", good)
        )
        self.leave_out.setVisible(bool(report.errors) and good > 0)
        self.leave_out_hint.setVisible(bool(report.errors) and good > 0)
        self._update_buttons()

    def _fill_bad_table(self, report: ImportReport) -> None:
        """Rows left out and cells left empty, by line, each with what happens to it."""
        listed = [(e.line, e.reason, self.tr("row left out")) for e in report.errors]
        listed += [
            (b.line, b.reason, self.tr("left empty, text kept in the notes"))
            for b in report.blanked
        ]
        listed.sort(key=lambda item: item[0])
        self.bad_table.setRowCount(len(listed))
        for r, (line, reason, outcome) in enumerate(listed):
            number = QTableWidgetItem(str(line))
            number.setData(Qt.ItemDataRole.UserRole, line)
            self.bad_table.setItem(r, 0, number)
            self.bad_table.setItem(r, 1, QTableWidgetItem(reason))
            self.bad_table.setItem(r, 2, QTableWidgetItem(outcome))
        self.bad_table.resizeRowsToContents()
        if report.errors:  # counted apart from the rows kept with a cell left empty
            title = self.tr(
                "%n row(s) cannot be read and will not be imported", "", len(report.errors)
            )
        else:
            title = self.tr(
                "A cell cannot be read in %n row(s); the rows are imported without it",
                "",
                len(listed),
            )
        self.bad_box.setTitle(title)
        self.bad_box.setVisible(bool(listed))

    def _show_existing(self, report: ImportReport) -> None:
        there = report.already_there
        self.existing_box.setVisible(there > 0)
        self.existing_text.setVisible(there > 0)
        if not there:
            return
        shown = report.skipped_existing or report.updated
        lines = ", ".join(str(s.line) for s in shown[:12]) + ("…" if len(shown) > 12 else "")
        self.existing_text.setText(
            self.tr(
                "Already in the vault (the same case reference, or the same name and date of "
                "birth): %n row(s) of this file (lines %1)",
                "",
                there,
            ).replace("%1", lines)
        )

    def unreadable_rows(self) -> list[tuple[int, str]]:
        report = self.check_report
        return [(e.line, e.reason) for e in report.errors] if report is not None else []

    def import_rows(self) -> bool:
        report = self.check_report
        if self.sheet is None or self.mapping is None or report is None or self.busy.busy:
            return False
        if report.errors and not self.leave_out.isChecked():
            show_message(
                self.message,
                self.tr("Tick the box to leave out the rows that cannot be read, or cancel."),
            )
            return False
        service, sheet, mapping, options = (
            self.session.ws.sheets,
            self.sheet,
            self.mapping,
            self.options(),
        )
        started = self.busy.run(
            self.tr("Importing…"),
            lambda: service.apply(
                sheet, mapping, dry_run=False, skip_bad=True, remember=True, **options
            ),
            self._imported,
            self._import_failed,
            writes=True,
        )
        self._update_buttons()
        return started

    def _import_failed(self, exc: Exception) -> None:
        show_message(
            self.message, self.tr("Nothing was imported: %1").replace("%1", job_error_text(exc))
        )

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        if not report.applied:
            show_message(self.message, self.tr("Nothing was imported."))
            return
        lines = [
            self.tr("Imported %n case(s).", "", report.cases_added),
            self.tr("New places: %1. New relatives: %2. Contacts in the log: %3.")
            .replace("%1", str(report.facilities_added))
            .replace("%2", str(report.relatives_added))
            .replace("%3", str(report.contacts_added)),
        ]
        if report.cases_updated:
            lines.append(
                self.tr(
                    "Updated %n case(s) already in the vault; their history shows what changed.",
                    "",
                    report.cases_updated,
                )
            )
        if report.skipped_existing:
            lines.append(
                self.tr(
                    "Left as they are: %n case(s) already in the vault.",
                    "",
                    len(report.skipped_existing),
                )
            )
        if report.blanked:
            lines.append(
                self.tr(
                    "In %n row(s) a cell could not be read: it was left empty and its text "
                    "kept in the case's notes.",
                    "",
                    len(report.blanked),
                )
            )
        if report.errors:
            lines.append(
                self.tr("%n row(s) that could not be read were left out.", "", len(report.errors))
            )
        lines.append(
            self.tr(
                "The column choices are remembered for the next spreadsheet with these columns."
            )
        )
        self.done_text.setText("\n".join(lines))
        self.session.committed()
        self.show_page(DONE)

    # -- closing ----------------------------------------------------------------------------
    def reject(self) -> None:
        """Cancel: nothing is written. The lock calls it too; a running job is waited for."""
        self.busy.abandon()
        self.sheet = None
        self.check_report = None
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.busy.busy:
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy.busy:
            event.ignore()
            return
        super().closeEvent(event)
