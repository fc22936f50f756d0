"""The organisation's own spreadsheet: automatic mapping, unreadable rows listed, one apply path."""

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from casetracker.model import CaseStatus, FacilityKind
from casetracker.services.spreadsheet_import import SAVED, SpreadsheetImportService
from casetracker.services.workspace import Workspace
from casetracker.sharing import spreadsheet
from casetracker.sharing.errors import SpreadsheetError

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "org-spreadsheet.csv"
if not SAMPLE.exists():
    SAMPLE = Path("/work/shared/data/org-spreadsheet.csv")

EXPECTED_MAPPING = {
    "№": "",
    "ФИО": "full_name",
    "Дата рождения": "birth_date",
    "Регион": "home_region",
    "Часть": "military_unit",
    "Статус": "status",
    "Дата рапорта об отказе": "refusal_date",
    "Где содержится": "facility",
    "Населённый пункт": "settlement",
    "Регион содержания": "region",
    "Контакт (родственник)": "relative_name",
    "Кем приходится": "relative_relationship",
    "Телефон": "relative_phone",
    "Последняя связь": "last_contact_date",
    "Связь напрямую?": "last_contact_direct",
    "Комментарий": "notes",
}
#: Spreadsheet line (header = line 1) -> words that make the row unreadable.
UNREADABLE = {
    14: ["давно"],
    15: ["давно"],
    22: ["давно", "???"],
    24: ["давно"],
    29: ["давно"],
    30: ["давно"],
    35: ["не даёт"],
}


@pytest.fixture
def sheet() -> spreadsheet.Sheet:
    return spreadsheet.read_sheet(SAMPLE.read_bytes(), SAMPLE.name)


def test_the_sample_maps_itself(sheet: spreadsheet.Sheet) -> None:
    assert spreadsheet.guess_mapping(sheet.headers).columns == EXPECTED_MAPPING


def test_the_unreadable_rows_are_listed_with_line_and_reason(sheet: spreadsheet.Sheet) -> None:
    parsed = spreadsheet.parse(sheet, spreadsheet.guess_mapping(sheet.headers))
    assert {e.line: e.reason for e in parsed.errors}.keys() == UNREADABLE.keys()
    for error in parsed.errors:
        for word in UNREADABLE[error.line]:
            assert f"“{word}”" in error.reason
    assert "Последняя связь" in parsed.errors[0].reason  # named as the spreadsheet names it
    assert len(parsed.rows) == 40 - len(UNREADABLE)


def test_values_are_read_the_way_caseworkers_write_them(sheet: spreadsheet.Sheet) -> None:
    parsed = spreadsheet.parse(sheet, spreadsheet.guess_mapping(sheet.headers))
    rows = {r.line: r for r in parsed.rows}
    first = rows[2]
    assert first.relative_anonymous and first.relative_name == ""
    assert first.relative_relationship == "отец" and first.relative_phone == "+7 980 534-17-82"
    assert first.status is CaseStatus.RETURNED_TO_FRONT
    assert first.birth_date == date(1977, 1, 7) and first.last_contact_direct
    assert first.facility_kind is FacilityKind.BASEMENT
    assert rows[3].status is CaseStatus.TRANSFERRED and rows[3].birth_date is None
    assert rows[7].refusal_date == date(2022, 7, 8)  # ISO in a DD.MM.YYYY column
    assert rows[11].last_contact_date == date(2022, 7, 19)  # 19/07/2022: day first, unambiguous
    assert rows[8].status is CaseStatus.WHEREABOUTS_UNKNOWN
    assert rows[7].status is CaseStatus.HOME
    assert (rows[26].full_name, rows[26].name_is_changed) == ("Андрей", True)
    assert rows[17].facility == ""  # "неизвестно" is not a place
    assert rows[19].status is CaseStatus.REFUSED  # "отказ подан"


def test_import_is_all_or_nothing_through_the_one_apply_path(
    ws: Workspace, sheet: spreadsheet.Sheet
) -> None:
    service = SpreadsheetImportService(ws)
    mapping = service.suggest_mapping(sheet).mapping
    refused = service.apply(sheet, mapping)
    assert not refused.applied and ws.cases.count() == 0
    report = service.apply(sheet, mapping, skip_bad=True)
    assert report.applied and report.cases_added == 38 and len(report.errors) == 2
    assert ws.cases.count() == 38
    anonymous = [r for r in ws.relatives.all() if r.anonymous]
    assert anonymous and all(r.full_name == "" for r in anonymous)


def test_the_mapping_is_remembered_in_the_vault(ws: Workspace, sheet: spreadsheet.Sheet) -> None:
    service = SpreadsheetImportService(ws)
    mapping = service.suggest_mapping(sheet).mapping
    mapping.columns["Комментарий"] = ""
    mapping.statuses["???"] = CaseStatus.WHEREABOUTS_UNKNOWN
    service.apply(sheet, mapping, skip_bad=True)
    again = service.suggest_mapping(sheet)
    assert again.origin == SAVED
    assert again.mapping.columns["Комментарий"] == ""
    assert again.mapping.statuses == {"???": CaseStatus.WHEREABOUTS_UNKNOWN}


def test_a_dry_run_saves_neither_cases_nor_the_mapping(
    ws: Workspace, sheet: spreadsheet.Sheet
) -> None:
    service = SpreadsheetImportService(ws)
    service.apply(sheet, service.suggest_mapping(sheet).mapping, dry_run=True, skip_bad=True)
    assert ws.cases.count() == 0 and service.saved_mapping(sheet) is None


def test_the_preview_shows_the_first_rows_as_read(sheet: spreadsheet.Sheet) -> None:
    rows = spreadsheet.preview(sheet, spreadsheet.guess_mapping(sheet.headers), limit=13)
    assert [r.line for r in rows][:3] == [2, 3, 4]
    assert rows[0].values["full_name"] == "Смирнов Максим Иванович" and rows[0].error == ""
    assert "давно" in rows[12].error


def test_a_mapping_file_round_trips_and_is_checked(sheet: spreadsheet.Sheet) -> None:
    mapping = spreadsheet.guess_mapping(sheet.headers)
    mapping.statuses["под следствием"] = CaseStatus.DETAINED
    back = spreadsheet.mapping_from_json(spreadsheet.mapping_to_json(mapping))
    assert back.columns == mapping.columns and back.statuses == mapping.statuses
    for bad in (
        b"{}",
        b'{"format": "casetracker-sheet-mapping", "version": 1, "columns": {"A": "shoe_size"}}',
        b'{"format": "casetracker-sheet-mapping", "version": 1, '
        b'"columns": {"A": "full_name", "B": "full_name"}}',
        b'{"format": "casetracker-sheet-mapping", "version": 1, "statuses": {"x": "gone"}}',
        b"\xff\xfe",
    ):
        with pytest.raises(SpreadsheetError):
            spreadsheet.mapping_from_json(bad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07.01.1977", date(1977, 1, 7)),
        ("7.1.1977", date(1977, 1, 7)),
        ("1977-01-07", date(1977, 1, 7)),
        ("2022-07-19 18:30", date(2022, 7, 19)),
        ("19/07/2022", date(2022, 7, 19)),
        ("", None),
    ],
)
def test_dates_in_both_orders(text: str, expected: date | None) -> None:
    assert spreadsheet.parse_sheet_date(text) == expected


@pytest.mark.parametrize("text", ["давно", "07/08/2022", "31.02.2022", "01.01.22", "12.12.1812"])
def test_dates_that_cannot_be_read_are_reported_not_guessed(text: str) -> None:
    with pytest.raises(ValueError):
        spreadsheet.parse_sheet_date(text)


def test_excel_csv_from_a_russian_windows_is_read() -> None:
    text = "ФИО;Статус;Дата рождения\nИванов Иван;задержан;01.02.1990\nПетров Пётр;Освобождён;\n"
    sheet = spreadsheet.read_sheet(text.encode("cp1251"), "x.csv")
    parsed = spreadsheet.parse(sheet, spreadsheet.guess_mapping(sheet.headers))
    assert parsed.errors == []
    assert [r.status for r in parsed.rows] == [CaseStatus.DETAINED, CaseStatus.RELEASED]


def test_english_headers_map_too() -> None:
    headers = ["Full name", "Status", "Date of birth", "Unit", "Held at", "Phone", "Last contact"]
    columns = spreadsheet.guess_mapping(headers).columns
    assert columns == {
        "Full name": "full_name",
        "Status": "status",
        "Date of birth": "birth_date",
        "Unit": "military_unit",
        "Held at": "facility",
        "Phone": "relative_phone",
        "Last contact": "last_contact_date",
    }


def _xlsx(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_cells_of_every_type_are_read() -> None:
    data = _xlsx(
        [
            ["ФИО", "Дата рождения", "Статус", "Последняя связь", "Связь напрямую?", "Телефон"],
            ["Юсупов Дмитрий", datetime(1982, 5, 12), "задержан", "давно", True, 79834077773],
            ["Ершов Николай", "02.11.1977", "переведён", datetime(2022, 8, 25), False, None],
        ]
    )
    sheet = spreadsheet.read_sheet(data, "cases.xlsx")
    assert sheet.kind == "xlsx"
    parsed = spreadsheet.parse(sheet, spreadsheet.guess_mapping(sheet.headers))
    assert [e.line for e in parsed.errors] == [2]
    [row] = parsed.rows
    assert (row.line, row.birth_date, row.last_contact_date) == (
        3,
        date(1977, 11, 2),
        date(2022, 8, 25),
    )
    assert row.status is CaseStatus.TRANSFERRED


def test_hostile_xlsx_files_are_refused_in_plain_words() -> None:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (20 * 1024 * 1024))
    not_a_book = io.BytesIO()
    with zipfile.ZipFile(not_a_book, "w") as archive:
        archive.writestr("word/document.xml", b"<doc/>")
    for data, reason in (
        (bomb.getvalue(), "expands"),
        (not_a_book.getvalue(), "not an Excel workbook"),
        (b"PK\x03\x04 broken", "damaged"),
        (b"\x00" * 100, "binary"),
        (b"", "empty"),
        (",".join(f"c{i}" for i in range(150)).encode(), "columns"),
    ):
        with pytest.raises(SpreadsheetError, match=reason):
            spreadsheet.read_sheet(data, "x.xlsx" if data.startswith(b"PK") else "x.csv")


def test_a_garbled_csv_line_is_reported_by_line(tmp_path: Path) -> None:
    text = 'ФИО,Статус\n"Иванов",задержан\n"Пе"тров,задержан\nСидоров,дома\n'
    sheet = spreadsheet.read_sheet(text.encode(), "x.csv")
    parsed = spreadsheet.parse(sheet, spreadsheet.guess_mapping(sheet.headers))
    assert [e.line for e in parsed.errors] == [3]
    assert [r.full_name for r in parsed.rows] == ["Иванов", "Сидоров"]
