"""Spreadsheets say what relatives said: "июль 2024", "около 2023", "давно". The importers read
such dates as uncertain values (model/uncertain_date.py) the way the app's date fields do; the
canonical CSV takes their ISO 8601-2 codes."""

from datetime import date

import pytest
from sqlmodel import select

from casetracker.model import ContactEvent
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services.spreadsheet_import import SpreadsheetImportService, rough_dates
from casetracker.services.uncertain_dates import read
from casetracker.services.workspace import Workspace
from casetracker.sharing import canonical_csv, spreadsheet

IMPORT_DAY = date(2026, 12, 4)

SHEET = (
    "ФИО;Дата рождения;Дата задержания;Последняя связь;Связь напрямую\n"
    "Петров Пётр;около 1990;июль 2024;между 1 и 8 августа 2024;да\n"
    "Сидоров Иван;1991;примерно март 2024;давно;да\n"
    "Козлов Олег;12.05.1989;в июле 2024 г.;;\n"
)


def _import(ws: Workspace, text: str) -> None:
    service = SpreadsheetImportService(ws)
    sheet = spreadsheet.read_sheet(text.encode("utf-8"), "people.csv")
    mapping = service.suggest_mapping(sheet).mapping
    parsed = spreadsheet.parse(sheet, mapping, rough=rough_dates(IMPORT_DAY))
    assert parsed.errors == []
    report = ws.imports.apply(parsed)
    assert report.applied and report.cases_added == 3


def test_month_names_about_and_ranges_are_read_as_written(ws: Workspace) -> None:
    _import(ws, SHEET)
    by_name = {r.full_name: ws.cases.get(r.ref) for r in ws.cases.rows()}
    petrov, sidorov, kozlov = (by_name[n] for n in ("Петров Пётр", "Сидоров Иван", "Козлов Олег"))
    assert read(petrov, "birth_date") == UncertainDate.year(1990, approximate=True)
    assert read(petrov, "detention_date") == UncertainDate.month(2024, 7)
    assert petrov.detention_date == date(2024, 7, 1)  # the earliest day, for sorting and rules
    assert read(sidorov, "detention_date") == UncertainDate.month(2024, 3, approximate=True)
    assert read(kozlov, "detention_date") == UncertainDate.month(2024, 7)
    assert read(kozlov, "birth_date") == UncertainDate.day(date(1989, 5, 12))
    (contact,) = ws.contacts.for_case(petrov.ref)
    assert read(contact, "occurred_at") == UncertainDate.between(date(2024, 8, 1), date(2024, 8, 8))
    # The status day is the detention as known: "July 2024", not a made-up day.
    (change,) = ws.cases.status_history(petrov.ref)
    assert read(change, "changed_on") == UncertainDate.month(2024, 7)


def test_long_ago_is_unknown_before_the_import_with_the_words_kept(ws: Workspace) -> None:
    _import(ws, SHEET)
    sidorov = next(r for r in ws.cases.rows() if r.full_name == "Сидоров Иван")
    with ws.reading() as session:
        contact = session.exec(select(ContactEvent).where(ContactEvent.case_id == sidorov.id)).one()
        assert read(contact, "occurred_at") == UncertainDate.before(IMPORT_DAY)
    notes = ws.cases.get(sidorov.ref).notes
    assert "Последняя связь «давно» was read as unknown, before 04.12.2026" in notes
    # "Before the import" starts no clock: he is counted as never heard, from the detention.
    flags = [f for f in ws.flags.evaluate(date(2024, 4, 20)) if f.case_ref == sidorov.ref]
    assert [f.rule for f in flags] == ["lost_contact"]
    assert "since detention" in flags[0].message


def test_a_cell_no_reading_fits_is_refused_in_plain_words() -> None:
    sheet = spreadsheet.read_sheet(
        "ФИО;Дата задержания\nПетров;вчера-позавчера\n".encode(), "x.csv"
    )
    mapping = spreadsheet.guess_mapping(sheet.headers)
    (error,) = spreadsheet.parse(sheet, mapping, rough=rough_dates(IMPORT_DAY)).errors
    assert "“вчера-позавчера” is not a date" in error.reason and "июль 2024" in error.reason
    # Without the app's reading of rough dates the sheet reader takes exact days only.
    (strict,) = spreadsheet.parse(
        spreadsheet.read_sheet("ФИО;Дата задержания\nПетров;июль 2024\n".encode(), "x.csv"),
        mapping,
    ).errors
    assert "is not a date" in strict.reason


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("2024-07", UncertainDate.month(2024, 7)),
        ("2024~", UncertainDate.year(2024, approximate=True)),
        ("2024-07-01/2024-07-08", UncertainDate.between(date(2024, 7, 1), date(2024, 7, 8))),
        ("../2024-07-08", UncertainDate.before(date(2024, 7, 8))),
        ("08.07.2024", date(2024, 7, 8)),
    ],
)
def test_the_canonical_csv_takes_the_iso_codes(cell: str, value: object) -> None:
    parsed = canonical_csv.parse(f"full_name,detention_date\nПетров,{cell}\n".encode())
    assert parsed.errors == [] and parsed.rows[0].detention_date == value


def test_the_canonical_csv_refuses_a_code_that_is_not_one() -> None:
    (error,) = canonical_csv.parse("full_name,detention_date\nПетров,июль 2024\n".encode()).errors
    assert "is not a date" in error.reason and "2024-07" in error.reason


def test_long_ago_as_a_birth_date_is_unknown_not_before_today(ws: Workspace) -> None:
    text = "ФИО;Дата рождения;Дата задержания\nСидоров Пётр;давно;июль 2024\n"
    sheet = spreadsheet.read_sheet(text.encode(), "x.csv")
    mapping = spreadsheet.guess_mapping(sheet.headers)
    (row,) = spreadsheet.parse(sheet, mapping, rough=rough_dates(IMPORT_DAY)).rows
    assert row.birth_date == UncertainDate.unknown()
    assert "Дата рождения «давно» was read as unknown" in row.notes
    assert "before" not in row.notes


def test_a_second_import_finds_the_men_with_rough_birth_dates(ws: Workspace) -> None:
    """Keyed by a birth day known exactly, else by the name: "1990" and "давно" match again."""
    text = (
        "ФИО;Дата рождения;Дата задержания\n"
        "Петров Иван Ильич;1990;июль 2024\n"
        "Сидоров Пётр;давно;июль 2024\n"
        "Козлов Олег;03.05.1991;июль 2024\n"
    )
    service = SpreadsheetImportService(ws)
    for expected_new in (3, 0):
        sheet = spreadsheet.read_sheet(text.encode(), "x.csv")
        report = service.apply(sheet, service.suggest_mapping(sheet).mapping)
        assert report.cases_added == expected_new
    assert ws.cases.count() == 3
