"""A spreadsheet's size, counted before any parser builds something from it.

openpyxl, even in its read-only mode, builds a whole row before handing it over (one row of
3 million cells took 1.75 GB and 67 s) and keeps every XML element it does not know; the csv
module builds a whole record before returning it. So:

- every part of an XLSX file is first streamed through expat with handlers that only count
  (``scan_xlsx``): cells in a row, cells in the file, XML elements in the file; a DTD or an
  entity declaration is refused there, as defusedxml refuses it for openpyxl itself. Every
  sheet counts, not only the first, which is the one imported: opening the workbook, openpyxl
  reads through each sheet to find its size (``ReadOnlyWorksheet._get_size``);
- a CSV text is fed to the csv reader line by line (``CsvLines``), counting the delimiters of
  the record being assembled, so a record is refused before its list of fields is built.

The limits are generous for an organisation's real table (20,000 cases × 100 columns).
"""

import io
import xml.parsers.expat
import zipfile
from collections.abc import Iterator
from typing import NoReturn

from casetracker.i18n import translate
from casetracker.sharing.errors import SpreadsheetError

# Cells in one row (the first 100 columns are read; more cells than this is not a table).
MAX_ROW_CELLS = 1_000
# Cells in the whole file (an XLSX file's ``c`` elements; a CSV's cells up to each row's last
# filled one).
MAX_CELLS = 2_000_000
# XML elements in all parts of an XLSX (a cell is two or three: ``c``, ``v``, a shared string).
MAX_XML_ELEMENTS = 3 * MAX_CELLS
# A CSV record is refused before parsing past this many delimiters (quoted ones count too).
MAX_CSV_DELIMITERS = 10 * MAX_ROW_CELLS
# Excel's own last row; a higher row number makes openpyxl produce every empty row before it.
EXCEL_ROWS = 1_048_576
_CHUNK = 64 * 1024


def row_too_wide(row: int) -> NoReturn:
    raise SpreadsheetError(
        translate(
            "sharing",
            "Row {row} of the spreadsheet holds more than {n} cells, so the file was refused "
            "before it was read. Delete the stray cells to the right of the table and save it "
            "again.",
        ).format(row=row, n=MAX_ROW_CELLS)
    )


def too_many_cells(limit: int) -> NoReturn:
    raise SpreadsheetError(
        translate(
            "sharing",
            "The spreadsheet holds more than {n} cells, so it was refused before it was "
            "read. Import it in parts.",
        ).format(n=limit)
    )


def _refuse_declarations(*_args: object) -> NoReturn:
    raise SpreadsheetError(
        translate(
            "sharing",
            "The XLSX file contains XML declarations (a DTD or entities) that spreadsheets never "
            "use and attacks do, so it was refused.",
        )
    )


class _XlsxCount:
    """Counts elements as expat reports them; builds nothing."""

    def __init__(self) -> None:
        self.elements = 0
        self.cells = 0
        self.row = 0
        self.row_cells = 0

    def start(self, name: str, attributes: dict[str, str]) -> None:
        self.elements += 1
        if self.elements > MAX_XML_ELEMENTS:
            raise SpreadsheetError(
                translate(
                    "sharing",
                    "The XLSX file holds far more XML than its cells need, so it was refused "
                    "before it was read.",
                )
            )
        local = name.rpartition(" ")[2]
        if local == "c":
            self.row_cells += 1
            self.cells += 1
            if self.row_cells > MAX_ROW_CELLS:
                row_too_wide(self.row)
            if self.cells > MAX_CELLS:
                too_many_cells(MAX_CELLS)
        elif local == "row":
            self.row_cells = 0
            number = attributes.get("r", "")
            self.row = int(number) if number.isascii() and number.isdigit() else self.row + 1
            if self.row > EXCEL_ROWS:
                raise SpreadsheetError(
                    translate(
                        "sharing",
                        "The XLSX file is damaged: it has a row past Excel's last row.",
                    )
                )


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, count: _XlsxCount) -> None:
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = count.start
    parser.StartDoctypeDeclHandler = _refuse_declarations
    parser.EntityDeclHandler = _refuse_declarations
    parser.ExternalEntityRefHandler = _refuse_declarations
    count.row = count.row_cells = 0
    with archive.open(info) as part:  # zipfile stops at the declared size, checked before
        try:
            while chunk := part.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except xml.parsers.expat.ExpatError:
            return  # not XML (an image) or broken: openpyxl stops where expat stopped


def scan_xlsx(archive: zipfile.ZipFile) -> None:
    """Every part of the workbook, counted against the limits before openpyxl opens it."""
    count = _XlsxCount()
    for info in archive.infolist():
        # Not ``info.is_dir()``: it fails with IndexError on a member with an empty name.
        if not info.filename.endswith("/"):
            _scan_part(archive, info, count)


class CsvLines:
    """The lines of a CSV text for ``csv.reader``, counting the record being assembled.

    The reader pulls lines only until a record is complete; ``record_read`` starts the count
    of the next one. The count of delimiters bounds the number of fields from above.
    """

    def __init__(self, text: str, delimiter: str) -> None:
        self._lines: Iterator[str] = iter(io.StringIO(text, newline=""))
        self._delimiter = delimiter
        self._pending = 0
        self._start = 1  # the line the record being assembled starts on
        self.line = 0

    def __iter__(self) -> "CsvLines":
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.line += 1
        self._pending += line.count(self._delimiter)
        if self._pending > MAX_CSV_DELIMITERS:
            row_too_wide(self._start)
        return line

    def record_read(self) -> None:
        self._pending = 0
        self._start = self.line + 1
