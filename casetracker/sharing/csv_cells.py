"""Writing CSV that a spreadsheet opens as data, never as formulas.

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``, ``-`` or ``@``
as a formula (and strip a leading tab or carriage return first), so a name or note typed as
``=HYPERLINK(…)`` could run when a colleague opens the file. Every CSV the app writes goes
through `csv_bytes`: such a cell is written as text, prefixed with a single quote as OWASP
recommends, and every text cell is quoted. A cell that itself starts with a quote gets one more,
so `restore_cell` gives back exactly what was written.
"""

import csv
import io
from collections.abc import Iterable, Sequence

# What a spreadsheet may read as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"

Cell = str | int


def neutralise(text: str) -> str:
    """``text`` as a spreadsheet will show it but never run it."""
    if text.startswith((*FORMULA_STARTS, QUOTE)):
        return QUOTE + text
    return text


def restore_cell(written: str) -> str:
    """The text `neutralise` was given (for reading our own files back)."""
    return written[1:] if written.startswith(QUOTE) else written


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """UTF-8 CSV (with the byte-order mark Excel needs to read Cyrillic); numbers stay numbers,
    text is quoted and neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    for row in (header, *rows):
        writer.writerow([cell if isinstance(cell, int) else neutralise(str(cell)) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")
