"""Spreadsheets past the documented limits are refused before a parser builds what they hold.

openpyxl builds a whole row before handing it over (one row of 3 million cells took 1.75 GB
and 67 s), the csv module a whole record; ``sheet_scan`` counts first. XML declarations (the
billion laughs, external entities) are refused by the scan and, behind it, by defusedxml,
which openpyxl uses when it is installed.
"""

import contextlib
import csv
import functools
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import openpyxl.xml
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casetracker.sharing import canonical_csv, sheet_scan, spreadsheet
from casetracker.sharing.errors import SpreadsheetError

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SHEET = "xl/worksheets/sheet1.xml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "org-spreadsheet.csv"
LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>\n"
)


@functools.cache
def _made_by_openpyxl() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ФИО", "Статус"])
    sheet.append(["Юсупов Дмитрий", "задержан"])
    book.create_sheet("Справочник").append(["задержан", "переведён"])
    made = io.BytesIO()
    book.save(made)
    return made.getvalue()


def _workbook(sheet_xml: bytes | None = None, **parts: bytes) -> bytes:
    """A real workbook made by openpyxl, its sheet (or other parts) replaced."""
    replace = dict(parts)
    if sheet_xml is not None:
        replace[SHEET] = sheet_xml
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_made_by_openpyxl())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, replace.pop(info.filename, source.read(info)))
        for name, data in replace.items():
            target.writestr(name, data)
    return out.getvalue()


def _sheet_xml(*rows: bytes, prolog: bytes = b"") -> bytes:
    header = b'<row r="1"><c t="inlineStr"><is><t>%s</t></is></c></row>' % "ФИО".encode()
    body = b"".join(b'<row r="%d">%s</row>' % (n, cells) for n, cells in enumerate(rows, 2))
    return prolog + b'<worksheet xmlns="%s"><sheetData>%s%s</sheetData></worksheet>' % (
        MAIN.encode(),
        header,
        body,
    )


def _cells(count: int) -> bytes:
    return b"".join(b"<c><v>%d</v></c>" % i for i in range(count))


def test_a_row_of_thousands_of_cells_is_refused_before_it_is_read() -> None:
    first = b'<c t="inlineStr"><is><t>%s</t></is></c>' % "Ершов".encode()
    data = _workbook(_sheet_xml(first, _cells(5_000)))
    with pytest.raises(SpreadsheetError, match=r"Row 3 .* more than 1000 cells"):
        spreadsheet.read_sheet(data, "cases.xlsx")


def test_a_huge_row_on_another_sheet_is_refused_too() -> None:
    # Only the first sheet is imported, but openpyxl reads through every sheet on opening.
    data = _workbook(**{"xl/worksheets/sheet2.xml": _sheet_xml(_cells(5_000))})
    with pytest.raises(SpreadsheetError, match=r"Row 2 .* more than 1000 cells"):
        spreadsheet.read_sheet(data, "cases.xlsx")


def test_a_row_up_to_the_limit_is_read_with_its_first_hundred_columns() -> None:
    data = _workbook(_sheet_xml(_cells(sheet_scan.MAX_ROW_CELLS)))
    sheet = spreadsheet.read_sheet(data, "cases.xlsx")
    assert sheet.headers == ("ФИО",)
    assert len(sheet.rows[0].cells) == spreadsheet.MAX_COLUMNS


def test_a_sheet_past_the_total_cell_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # The real limit (2,000,000) would take seconds to build; the count is the same code.
    monkeypatch.setattr(sheet_scan, "MAX_CELLS", 1_000)
    rows = [_cells(50) for _ in range(30)]
    with pytest.raises(SpreadsheetError, match="spreadsheet holds more than 1000 cells"):
        spreadsheet.read_sheet(_workbook(_sheet_xml(*rows)), "cases.xlsx")


def test_the_cells_kept_from_a_sheet_are_counted_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spreadsheet, "MAX_CELLS", 100)
    text = "ФИО;Статус\n" + "Иванов;задержан\n" * 51
    with pytest.raises(SpreadsheetError, match="spreadsheet holds more than 100 cells"):
        spreadsheet.read_sheet(text.encode(), "cases.csv")


def test_a_row_far_below_excels_last_row_is_refused() -> None:
    data = _workbook(
        _sheet_xml().replace(
            b"</sheetData>", b'<row r="999999999"><c><v>1</v></c></row></sheetData>'
        )
    )
    with pytest.raises(SpreadsheetError, match="past Excel's last row"):
        spreadsheet.read_sheet(data, "cases.xlsx")


def test_a_member_with_an_empty_name_is_read_or_refused_in_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Found by the fuzzer: zipfile's ``is_dir`` raised IndexError on an empty member name."""
    out = io.BytesIO(_workbook())
    with monkeypatch.context() as writing:  # zipfile itself would not write such a member
        writing.setattr(zipfile.ZipInfo, "is_dir", lambda info: info.filename.endswith("/"))
        with zipfile.ZipFile(out, "a") as archive:
            archive.writestr(zipfile.ZipInfo(""), b"<x/>")
    data = out.getvalue()
    assert zipfile.ZipFile(io.BytesIO(data)).namelist()[-1] == ""
    with contextlib.suppress(SpreadsheetError):
        spreadsheet.read_sheet(data, "cases.xlsx")


@pytest.mark.parametrize("part", [SHEET, "xl/sharedStrings.xml", "xl/workbook.xml"])
def test_xml_declarations_are_refused_in_plain_words(part: str) -> None:
    laughs = LAUGHS + b'<sst xmlns="%s"><si><t>&lol9;</t></si></sst>' % MAIN.encode()
    with pytest.raises(SpreadsheetError, match="XML declarations"):
        spreadsheet.read_sheet(_workbook(**{part: laughs}), "cases.xlsx")


def test_an_external_entity_is_refused() -> None:
    xxe = _sheet_xml(
        b'<c t="inlineStr"><is><t>&xxe;</t></is></c>',
        prolog=b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    )
    with pytest.raises(SpreadsheetError, match="XML declarations"):
        spreadsheet.read_sheet(_workbook(xxe), "cases.xlsx")


def test_openpyxl_itself_parses_with_defusedxml() -> None:
    from defusedxml import EntitiesForbidden

    assert openpyxl.xml.DEFUSEDXML is True
    laughs = _sheet_xml(b"<c><v>1</v></c>", prolog=LAUGHS)
    with pytest.raises(ValueError) as caught:  # openpyxl wraps what its parser raised
        openpyxl.load_workbook(io.BytesIO(_workbook(laughs)), read_only=True)
    assert isinstance(caught.value.__cause__, EntitiesForbidden)


def test_a_csv_record_of_thousands_of_fields_is_refused_before_it_is_built() -> None:
    for record in ("Иванов" + ",x" * 20_000, "Иванов" + ',"\n"' * 20_000):
        with pytest.raises(SpreadsheetError, match=r"Row 2 .* more than 1000 cells"):
            spreadsheet.read_sheet(f"ФИО,Статус\n{record}\n".encode(), "cases.csv")
    with pytest.raises(SpreadsheetError, match=r"Row 1 .* more than 1000 cells"):
        spreadsheet.read_sheet(("ФИО" + ";" * 15_000).encode(), "cases.csv")


def test_the_canonical_csv_refuses_such_a_record_too() -> None:
    with pytest.raises(SpreadsheetError, match=r"Row 2 .* more than 1000 cells"):
        canonical_csv.parse(("full_name\nИванов" + ",x" * 20_000).encode())
    assert len(canonical_csv.parse("full_name\nИванов\n".encode()).rows) == 1


def test_the_sample_sheet_reads_the_same_as_csv_and_as_xlsx() -> None:
    text = SAMPLE.read_bytes().decode("utf-8-sig")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in csv.reader(io.StringIO(text)):
        sheet.append(row)
    made = io.BytesIO()
    book.save(made)
    from_csv = spreadsheet.read_sheet(SAMPLE.read_bytes(), SAMPLE.name)
    from_xlsx = spreadsheet.read_sheet(made.getvalue(), "sample.xlsx")
    assert from_xlsx.headers == from_csv.headers and len(from_csv.rows) == 40
    assert [(r.line, r.cells) for r in from_xlsx.rows] == [(r.line, r.cells) for r in from_csv.rows]
    mapping = spreadsheet.guess_mapping(from_csv.headers)
    assert spreadsheet.parse(from_xlsx, mapping) == spreadsheet.parse(from_csv, mapping)


def test_three_million_cells_in_one_row_are_refused_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "wide.xlsx"
    # 3,000 distinct cells (50 KB, beyond deflate's 32 KB window) a thousand times over.
    path.write_bytes(_workbook(_sheet_xml(_cells(3_000) * 1_000)))
    assert path.stat().st_size < spreadsheet.MAX_XLSX_BYTES  # small, and passes the ratio check
    # A child process, so the peak is this file's alone: Python allocations by tracemalloc,
    # and on Linux the process's resident peak (VmHWM, which unlike ru_maxrss starts afresh).
    child = (
        "import sys, tracemalloc\n"
        "import openpyxl\n"
        "from casetracker.sharing import spreadsheet\n"
        "from casetracker.sharing.errors import SpreadsheetError\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "tracemalloc.start()\n"
        "try:\n"
        "    spreadsheet.read_sheet(data, 'wide.xlsx')\n"
        "except SpreadsheetError as exc:\n"
        "    peak = tracemalloc.get_traced_memory()[1] // 2**20\n"
        "    try:\n"
        "        status = open('/proc/self/status').read().split('VmHWM:')[1].split()[0]\n"
        "    except OSError:\n"
        "        status = '0'\n"
        "    print(peak, int(status) // 1024, exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", child, str(path)], capture_output=True, text=True, timeout=120
    )
    peak, resident, message = done.stdout.split(" ", 2)
    size = path.stat().st_size // 1024
    print(f"3,000,000-cell row ({size} KiB): Python peak {peak} MiB, resident {resident} MiB")
    assert "more than 1000 cells" in message
    assert int(peak) < 64  # openpyxl alone took 1.75 GB


@FAST
@given(
    st.lists(
        st.lists(st.text(alphabet='аб,;"\n\r x', max_size=8), min_size=1, max_size=6),
        min_size=1,
        max_size=8,
    )
)
def test_the_counting_reader_reads_what_csv_reads(rows: list[list[str]]) -> None:
    written = io.StringIO()
    csv.writer(written).writerows(rows)
    text = written.getvalue()
    lines = sheet_scan.CsvLines(text, ",")
    counted = []
    for record in csv.reader(lines):
        counted.append(record)
        lines.record_read()
    assert counted == list(csv.reader(io.StringIO(text, newline="")))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_any_sheet_part_fails_only_with_a_spreadsheet_error(tail: bytes) -> None:
    data = _workbook(b'<worksheet xmlns="%s"><sheetData>' % MAIN.encode() + tail)
    with contextlib.suppress(SpreadsheetError):
        spreadsheet.read_sheet(data, "cases.xlsx")
