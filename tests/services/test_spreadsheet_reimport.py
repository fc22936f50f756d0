"""Importing the organisation's sample spreadsheet keeps every man: unreadable secondary cells
are left empty with their text in the notes, and importing it again adds nobody twice."""

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from casetracker.model import CaseStatus
from casetracker.services import audit
from casetracker.services.imports import Existing, ImportReport
from casetracker.services.spreadsheet_import import SpreadsheetImportService
from casetracker.services.workspace import Workspace
from casetracker.sharing import spreadsheet

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "org-spreadsheet.csv"
#: Spreadsheet lines of the sample with one or more unreadable secondary cells.
BLANKED_LINES = [22, 35]


def _sheet(text: str | None = None) -> spreadsheet.Sheet:
    data = SAMPLE.read_bytes() if text is None else text.encode("utf-8")
    return spreadsheet.read_sheet(data, "org-spreadsheet.csv")


def _apply(ws: Workspace, sheet: spreadsheet.Sheet, **options: Any) -> ImportReport:
    service = SpreadsheetImportService(ws)
    return service.apply(sheet, service.suggest_mapping(sheet).mapping, **options)


def test_bad_cells_are_left_empty_and_kept_in_the_notes(ws: Workspace) -> None:
    report = _apply(ws, _sheet(), blank_bad_cells=True)
    assert report.applied and report.cases_added == 40 and report.errors == []
    assert [b.line for b in report.blanked] == BLANKED_LINES
    assert "«не даёт»" not in report.blanked[-1].reason  # the reason, not the note
    assert "не даёт" in report.blanked[-1].reason
    rows = {r.full_name: r for r in ws.cases.rows()}
    ivanov = ws.cases.get(rows["Иванов иван"].ref)
    # "давно" is read (unknown, before the import) and the words kept beside the date
    assert "Import: Последняя связь «давно» was read as unknown, before" in ivanov.notes
    assert "принуждают вернуться на фронт" in ivanov.notes  # the sheet's own comment kept
    lebedev = ws.cases.get(rows["Лебедев Максим Сергеевич"].ref)
    assert "«не даёт»" in lebedev.notes
    assert ws.relatives.all()  # the rest of his row is there


def test_a_contact_from_the_sheet_has_its_day_and_no_invented_hour(ws: Workspace) -> None:
    _apply(ws, _sheet(), blank_bad_cells=True)
    smirnov = next(r for r in ws.cases.rows() if r.full_name == "Смирнов Максим Иванович")
    [contact] = ws.contacts.for_case(smirnov.ref)
    assert contact.occurred_at.date() == date(2022, 8, 4) and not contact.time_known


def test_an_unknown_status_word_is_left_empty_not_guessed(ws: Workspace) -> None:
    _apply(ws, _sheet(), blank_bad_cells=True)
    rows = {r.full_name: r for r in ws.cases.rows()}
    andrei = ws.cases.get(rows["Иванов Андрей Николаевич"].ref)
    assert andrei.status is CaseStatus.REFUSED  # what an empty status cell means
    assert "Статус «???»" in andrei.notes


def test_the_name_cell_stays_required(ws: Workspace) -> None:
    text = SAMPLE.read_text("utf-8").splitlines()
    text[1] = text[1].replace("Смирнов Максим Иванович", "")
    report = _apply(ws, _sheet("\n".join(text)), blank_bad_cells=True, skip_bad=True)
    assert [e.line for e in report.errors] == [2] and "ФИО" in report.errors[0].reason
    assert report.cases_added == 39


def test_importing_the_sample_again_adds_nobody_twice(ws: Workspace) -> None:
    first = _apply(ws, _sheet(), blank_bad_cells=True)
    assert first.cases_added == 40
    dry = _apply(ws, _sheet(), blank_bad_cells=True, dry_run=True)
    assert dry.cases_added == 0 and dry.already_there == 40
    again = _apply(ws, _sheet(), blank_bad_cells=True)
    assert again.cases_added == 0 and len(again.skipped_existing) == 40
    assert again.contacts_added == 0 and again.relatives_added == 0
    assert again.blanked == []  # nothing was written from those rows
    assert ws.cases.count() == 40
    assert "is already in the vault" in again.skipped_existing[0].reason


def test_two_men_of_one_name_born_apart_are_two_cases(ws: Workspace) -> None:
    _apply(ws, _sheet(), blank_bad_cells=True)
    badmaevs = [r for r in ws.cases.rows() if r.full_name == "Бадмаев Дмитрий Иванович"]
    assert len(badmaevs) == 2  # lines 6 and 24, born 1984 and 1980


def test_a_corrected_copy_updates_the_cases_and_the_history_says_so(ws: Workspace) -> None:
    _apply(ws, _sheet(), blank_bad_cells=True)
    text = SAMPLE.read_text("utf-8")
    corrected = text.replace(
        "14,Олег (имя изменено),15.11.1993,Дагестан,в/ч 05776,отправлен на фронт,"
        "19.07.2022,военная прокуратура,Луганск,ЛНР,Олег Соловьёв,мать,+7 978 255-77-75,"
        "давно,",
        "14,Олег (имя изменено),15.11.1993,Дагестан,в/ч 05776,освобождён,"
        "19.07.2022,военная прокуратура,Луганск,ЛНР,Олег Соловьёв,мать,+7 978 255-77-75,"
        "20.08.2022,",
    ).replace("2,Иванов Степан Николаевич,,Бурятия", "2,Иванов Степан Николаевич,,Тыва")
    assert corrected != text
    skipped = _apply(ws, _sheet(corrected), blank_bad_cells=True, dry_run=True)
    assert skipped.already_there == 40 and skipped.cases_updated == 0
    report = _apply(ws, _sheet(corrected), blank_bad_cells=True, existing=Existing.UPDATE)
    assert report.applied and report.cases_added == 0 and report.cases_updated == 40
    assert report.contacts_added == 1  # only the date now given; the others were there
    assert ws.cases.count() == 40
    rows = {(r.full_name, r.status): r for r in ws.cases.rows()}
    oleg = ws.cases.get(rows[("Олег", CaseStatus.RELEASED)].ref)
    statuses = [c.status for c in ws.cases.status_history(oleg.ref)]
    assert statuses == [CaseStatus.RETURNED_TO_FRONT, CaseStatus.RELEASED]
    assert oleg.notes.count("«давно» was read as unknown") == 1  # not repeated by the update
    stepan = next(r for r in ws.cases.rows() if r.full_name == "Иванов Степан Николаевич")
    with ws.reading() as session:
        entries = audit.history(session, stepan.id)
    changes = [json.loads(e.changes) for e in entries if e.entity == "Case"]
    assert {"home_region": ["Бурятия", "Тыва"]} in changes


def test_an_empty_cell_in_the_copy_does_not_erase_what_the_vault_knows(ws: Workspace) -> None:
    _apply(ws, _sheet(), blank_bad_cells=True)
    text = SAMPLE.read_text("utf-8").replace(
        "3,Юсупов Дмитрий Сергеевич,12.05.1982,Дагестан,в/ч 69647,отправлен на фронт,",
        "3,Юсупов Дмитрий Сергеевич,12.05.1982,,в/ч 69647,,",
    )
    _apply(ws, _sheet(text), blank_bad_cells=True, existing=Existing.UPDATE)
    yusupov = ws.cases.get(
        next(r for r in ws.cases.rows() if r.full_name == "Юсупов Дмитрий Сергеевич").ref
    )
    assert yusupov.home_region == "Дагестан" and yusupov.birth_date == date(1982, 5, 12)
    assert yusupov.status is CaseStatus.RETURNED_TO_FRONT  # an empty status cell is no news
    assert len(ws.cases.status_history(yusupov.ref)) == 1


@pytest.mark.parametrize("existing", list(Existing))
def test_a_case_reference_finds_the_case_even_under_another_spelling(
    ws: Workspace, existing: Existing
) -> None:
    ws.cases.create("Смирнов Максим Иванович", ref="ORG-7")
    sheet = _sheet("Номер дела,ФИО,Регион\nORG-7,Smirnov Maksim,Тыва\n")
    report = _apply(ws, sheet, existing=existing)
    assert report.cases_added == 0 and report.already_there == 1
    assert ws.cases.get("ORG-7").home_region == ("Тыва" if existing is Existing.UPDATE else "")


def test_a_row_without_dates_gets_no_status_date_from_the_import_day(ws: Workspace) -> None:
    """No value the user did not give: the status is known, since when is not (not 'today')."""
    sheet = _sheet("ФИО;Статус\nПетров Пётр Петрович;задержан\n")
    report = _apply(ws, sheet)
    assert report.cases_added == 1
    from sqlmodel import Session, select

    from casetracker.model import StatusChange

    with Session(ws.engine) as session:
        changes = session.exec(select(StatusChange)).all()
    assert [(c.status, c.changed_on) for c in changes] == [(CaseStatus.DETAINED, None)]


def test_two_rows_of_one_name_without_a_birth_date_are_two_men(ws: Workspace) -> None:
    """Nothing says they are one man: both are kept, neither dropped nor merged."""
    sheet = _sheet("ФИО;Где содержится\nИванов Иван;Подвал\nИванов Иван;Гараж\n")
    report = _apply(ws, sheet)
    assert report.cases_added == 2 and report.already_there == 0
    assert len(ws.cases.rows()) == 2


def test_a_name_two_cases_share_is_not_matched_to_either(ws: Workspace) -> None:
    ws.cases.create("Петров Пётр", birth_date=date(1990, 1, 1))
    ws.cases.create("Петров Пётр", birth_date=date(1990, 1, 1))
    report = _apply(ws, _sheet("ФИО;Дата рождения;Статус\nПетров Пётр;01.01.1990;освобождён\n"),
                    existing=Existing.UPDATE)  # fmt: skip
    assert report.cases_added == 1 and report.already_there == 0
    assert all(r.status is not CaseStatus.RELEASED for r in ws.cases.rows()[:2])
