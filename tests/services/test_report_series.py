"""The monthly reports on a hand-built vault: month boundaries (the last day of a month and the
first of the next), the silence buckets' edges, and agreement with the lost_contact flags."""

import csv
import io
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlmodel import select

from casetracker.model import Case, CaseStatus
from casetracker.services import demo
from casetracker.services import report_series as rs
from casetracker.services.report_export import report_csv, write_report_csv
from casetracker.services.report_series import Period, Which
from casetracker.services.statistics import overview
from casetracker.services.workspace import Workspace

AS_OF = date(2024, 4, 15)


def counts(report: rs.Report) -> dict[str, tuple[int, ...]]:
    return {line.key: line.counts for line in report.lines}


def test_a_status_counts_at_the_end_of_the_month_of_its_day(ws: Workspace) -> None:
    ws.cases.create("Зайцев Олег", status=CaseStatus.REFUSED, status_on=date(2024, 1, 31))
    ws.cases.set_status("CT-0001", CaseStatus.DETAINED, on=date(2024, 2, 1))
    ws.cases.create("Гусев Пётр", status=CaseStatus.REFUSED, status_on=date(2024, 3, 1))
    ws.cases.set_status("CT-0002", CaseStatus.DETAINED, on=date(2024, 3, 10))
    ws.cases.set_status("CT-0002", CaseStatus.RELEASED, on=date(2024, 3, 31))

    report = rs.build(ws, Which.STATUS_MONTHLY, Period.ALL, AS_OF, with_refs=True)

    assert [report.column_label(i) for i in range(len(report.columns))] == [
        "2024-01", "2024-02", "2024-03", "2024-04",
    ]  # fmt: skip
    assert counts(report) == {
        "refused": (1, 0, 0, 0),  # CT-0001 refused on 31 January, detained from 1 February
        "detained": (0, 1, 1, 1),  # CT-0002 detained and released within March: not counted
        "released": (0, 0, 1, 1),
    }
    (released,) = [line for line in report.lines if line.key == "released"]
    assert released.refs == ((), (), ("CT-0002",), ("CT-0002",))


def test_a_case_without_a_dated_status_counts_from_its_creation(ws: Workspace) -> None:
    ws.cases.create("Зайцев Олег", status=CaseStatus.DETAINED)  # no day: from today
    today = date.today()
    report = rs.build(ws, Which.STATUS_MONTHLY, Period.LAST_12_MONTHS, today)
    assert len(report.columns) == 12
    assert counts(report) == {"detained": (0,) * 11 + (1,)}
    # A later change dated before the creation ends the undated first status from its month.
    ws.cases.set_status("CT-0001", CaseStatus.RELEASED, on=today - timedelta(days=400))
    report = rs.build(ws, Which.STATUS_MONTHLY, Period.LAST_12_MONTHS, today)
    assert counts(report) == {"released": (1,) * 12}


def test_detentions_count_in_the_month_of_their_day(ws: Workspace) -> None:
    ws.cases.create("Первый", detention_date=date(2024, 1, 31))
    ws.cases.create("Второй", detention_date=date(2024, 2, 1))
    ws.cases.create("Третий", detention_date=date(2024, 2, 29))
    ws.cases.create("Без даты")
    # Known only to the year: counted in its earliest month, in a line of its own.
    ws.cases.create("Четвёртый", detention_date=date(2024, 1, 1))
    # Known to be within one month: the month is certain.
    ws.cases.create("Пятый", detention_date=date(2024, 3, 1))
    with ws.session() as session:  # as the DATES part's date fields store them
        for ref, code in (("CT-0005", "2024"), ("CT-0006", "2024-03-01/2024-03-08")):
            case = session.exec(select(Case).where(Case.ref == ref)).one()
            case.detention_date_edtf = code
            session.add(case)

    report = rs.build(ws, Which.DETENTIONS_MONTHLY, Period.ALL, AS_OF)

    assert counts(report) == {
        rs.MONTH_KNOWN: (1, 2, 1, 0),
        rs.MONTH_UNCERTAIN: (1, 0, 0, 0),
    }
    assert "1 case without a detention date" in report.left_out


def test_silence_buckets_split_on_the_seventh_day(ws: Workspace) -> None:
    for name, detained in (
        ("Шесть дней", AS_OF - timedelta(days=6)),
        ("Семь дней", AS_OF - timedelta(days=7)),
        ("83 дня", AS_OF - timedelta(days=83)),
        ("84 дня", AS_OF - timedelta(days=84)),
    ):
        ws.cases.create(name, status=CaseStatus.DETAINED, detention_date=detained)
    ws.cases.create("Служит", status=CaseStatus.SERVING, refusal_date=AS_OF - timedelta(days=20))
    ws.cases.create("Дома", status=CaseStatus.HOME, detention_date=AS_OF - timedelta(days=300))
    # Proof of life resets his clock; second-hand news does not.
    ws.contacts.log("CT-0004", datetime(2024, 4, 14, 12), direct=True)
    ws.contacts.log("CT-0003", datetime(2024, 4, 14, 12), direct=False)

    report = rs.build(ws, Which.SILENCE_WEEKS, as_of=AS_OF, with_refs=True)

    assert [report.column_label(i) for i in range(6)] == [
        "0–1 weeks", "1–2 weeks", "2–4 weeks", "4–8 weeks", "8–12 weeks", "12+ weeks",
    ]  # fmt: skip
    assert counts(report) == {
        rs.GROUP_HELD: (2, 1, 0, 0, 1, 0),
        rs.GROUP_NOT_HELD: (0, 0, 1, 0, 0, 0),
    }
    held = report.lines[0].refs
    assert held is not None
    assert held[0] == ("CT-0001", "CT-0004") and held[1] == ("CT-0002",)


def test_silence_agrees_with_the_lost_contact_flags(ws: Workspace) -> None:
    for days in (10, 20, 40, 100):
        ws.cases.create(
            f"Д{days}", status=CaseStatus.DETAINED, detention_date=AS_OF - timedelta(days)
        )
    flagged = {
        f.case_ref: f.numbers["days"] for f in ws.flags.evaluate(AS_OF) if f.rule == "lost_contact"
    }
    report = rs.build(ws, Which.SILENCE_WEEKS, as_of=AS_OF, with_refs=True)
    (held,) = report.lines
    assert held.refs is not None
    for ref, days in flagged.items():
        assert ref in held.refs[rs.silence_bucket(days)]


def test_a_place_counts_a_man_in_each_month_he_was_held_there(ws: Workspace) -> None:
    basement = ws.facilities.create("Подвал школы")
    garage = ws.facilities.create("Гараж")
    for name in ("Первый", "Второй", "Третий"):
        ws.cases.create(name, status=CaseStatus.DETAINED)
    ws.custody.move("CT-0001", basement.id, since=date(2024, 1, 31))
    ws.custody.move("CT-0001", garage.id, since=date(2024, 2, 1))  # basement ends 1 February
    ws.custody.move("CT-0002", basement.id, since=date(2024, 3, 1))
    ws.custody.move("CT-0002", garage.id)  # the basement ended on a day nobody gave
    ws.custody.move("CT-0003", basement.id, since=date(2024, 2, 29))
    ws.custody.end("CT-0003", date(2024, 3, 1))

    report = rs.build(ws, Which.PLACES_TIMELINE, Period.ALL, AS_OF, with_refs=True)

    by_name = {line.label: line for line in report.lines}
    assert by_name["Подвал школы"].counts == (1, 2, 2, 0)
    assert by_name["Подвал школы"].refs == (
        ("CT-0001",), ("CT-0001", "CT-0003"), ("CT-0002", "CT-0003"), (),
    )  # fmt: skip
    # CT-0002's garage stay has no first day: from the day it was recorded (today), after April.
    assert by_name["Гараж"].counts == (0, 1, 1, 1)
    assert [line.label for line in report.lines] == ["Подвал школы", "Гараж"]  # most first


def test_the_csv_holds_counts_only_unless_references_are_asked_for(ws: Workspace) -> None:
    ws.cases.create("=HYPERLINK(1)", status=CaseStatus.DETAINED, detention_date=date(2024, 3, 1))
    for with_refs in (False, True):
        report = rs.build(ws, Which.DETENTIONS_MONTHLY, Period.ALL, AS_OF, with_refs=with_refs)
        data = report_csv(report, with_refs=with_refs)
        assert data.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows[0] == ["Month", "Detention date", "Detentions"] + (
            ["Case references"] if with_refs else []
        )
        assert rows[1] == ["2024-03", "month known", "1"] + (["CT-0001"] if with_refs else [])
        assert b"HYPERLINK" not in data  # never a name
        assert (b"CT-0001" in data) == with_refs


def test_a_man_back_at_a_place_in_the_same_month_counts_once(ws: Workspace) -> None:
    basement = ws.facilities.create("Подвал школы")
    garage = ws.facilities.create("Гараж")
    ws.cases.create("Зайцев Олег", status=CaseStatus.DETAINED)
    ws.custody.move("CT-0001", basement.id, since=date(2024, 1, 5))
    ws.custody.move("CT-0001", garage.id, since=date(2024, 1, 10))
    ws.custody.move("CT-0001", basement.id, since=date(2024, 1, 20))

    report = rs.build(ws, Which.PLACES_TIMELINE, Period.ALL, date(2024, 2, 1))

    assert {line.label: line.counts for line in report.lines} == {
        "Подвал школы": (1, 1),
        "Гараж": (1, 0),
    }


def test_two_places_of_one_name_are_told_apart_by_their_settlement(ws: Workspace) -> None:
    for settlement in ("Брянка", "Стаханов"):
        place = ws.facilities.create("Гараж", settlement=settlement)
        case = ws.cases.create(f"Человек из {settlement}", status=CaseStatus.DETAINED)
        ws.custody.move(case.ref, place.id, since=date(2024, 3, 1))

    report = rs.build(ws, Which.PLACES_TIMELINE, Period.ALL, AS_OF)

    assert sorted(line.label for line in report.lines) == ["Гараж (Брянка)", "Гараж (Стаханов)"]
    assert all(line.counts == (1, 1) for line in report.lines)


def test_the_counts_only_csv_hides_a_place_held_by_fewer_than_k_men(ws: Workspace) -> None:
    basement = ws.facilities.create("Подвал школы")
    garage = ws.facilities.create("Гараж")
    for n in range(5):
        case = ws.cases.create(f"Человек {n}", status=CaseStatus.DETAINED)
        ws.custody.move(case.ref, basement.id if n < 4 else garage.id, since=date(2024, 3, 1))
    ws.custody.move("CT-0004", garage.id, since=date(2024, 4, 1))  # the garage: 1, then 2

    def written(path: Path, *, with_refs: bool = False) -> list[list[str]]:
        report = rs.build(ws, Which.PLACES_TIMELINE, Period.ALL, AS_OF, with_refs=with_refs)
        write_report_csv(ws, path, report, with_refs=with_refs)
        return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))

    rows = written(ws.path.parent / "k5.csv")
    assert ["2024-03", "Подвал школы", "4"] not in rows  # 4 men: fewer than k = 5
    assert ["2024-03", "Подвал школы", "<5"] in rows and ["2024-04", "Гараж", "<5"] in rows
    ws.cases.create("Шестой", status=CaseStatus.DETAINED)
    ws.custody.move("CT-0006", basement.id, since=date(2024, 4, 1))
    rows = written(ws.path.parent / "k5-april.csv")
    assert ["2024-04", "Подвал школы", "5"] in rows  # k men: shown as they are
    assert ["2024-03", "Подвал школы", "<5"] in rows
    ws.settings.set("anonymity_k", 2)
    rows = written(ws.path.parent / "k2.csv")
    assert ["2024-03", "Гараж", "<2"] in rows and ["2024-04", "Гараж", "2"] in rows
    assert ["2024-03", "Подвал школы", "4"] in rows
    refs = written(ws.path.parent / "refs.csv", with_refs=True)  # kept inside the team: exact
    assert ["2024-03", "Гараж", "1", "CT-0005"] in refs


def test_all_months_reach_back_twenty_years_at_most(ws: Workspace) -> None:
    ws.cases.create("Опечатка", detention_date=date(224, 7, 1))  # 0224 typed for 2024
    ws.cases.create("Верная дата", detention_date=date(2024, 4, 1))

    report = rs.build(ws, Which.DETENTIONS_MONTHLY, Period.ALL, AS_OF)

    assert len(report.columns) == rs.MAX_MONTHS
    assert report.columns[0] == date(2004, 5, 1)
    assert report.lines[0].total == 1
    assert report.left_out == "1 detention before the first month shown."


def test_this_months_statuses_are_the_case_lists(ws: Workspace) -> None:
    """The last month of the status report agrees with the overview's count by status."""
    demo.generate(ws, 60)
    today = date.today()

    report = rs.build(ws, Which.STATUS_MONTHLY, Period.ALL, today)

    now = {line.key: line.counts[-1] for line in report.lines if line.counts[-1]}
    assert now == {status.value: n for status, n in overview(ws).by_status}
    assert sum(now.values()) == 60
