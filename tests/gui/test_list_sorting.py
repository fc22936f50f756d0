"""Lists sort as a caseworker reads them: a header clicked, the rows in his language's order.

Text in the language's alphabet (Ё beside Е; Cyrillic first in Russian, Latin first in
English), case aside, digits as numbers (камера 9 before камера 10, CT-9999 before CT-10000),
numbers as numbers, empty values last in both orders, ties in the order shown before, and the
selected record still selected after the rows moved.
"""

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QCollator, QLocale, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from casetracker.gui.models.column_table import Column
from casetracker.gui.models.sorted_table import Collation, sorted_positions
from casetracker.gui.views.cases_view import CasesView
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model import CaseStatus
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services.cases import CaseRow

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
ENGLISH, RUSSIAN = QLocale.Language.English, QLocale.Language.Russian


@dataclass(frozen=True)
class Person:
    name: str
    cell: str
    days: int | None


PEOPLE = [
    Person("Жуков", "камера 10", 3),
    Person("bell", "", None),
    Person("Ёлкин", "камера 9", 12),
    Person("", "cell 11", 0),
    Person("Ежов", "Камера 1", None),
    Person("zed", "cell 2", 7),
    Person("Фёдоров", "", 5),
    Person("Adams", "камера 9", 40),
    Person("Федоров", "cell 2", 1),
    Person("Bell", "камера 10", 2),
    Person("Яковлев", "", 9),
]
LATIN = ["Adams", "Bell", "bell", "zed"]  # tied: Bell before bell, as sorted by cell
CYRILLIC = ["Ежов", "Ёлкин", "Жуков", "Федоров", "Фёдоров", "Яковлев"]


@pytest.fixture(params=[ENGLISH, RUSSIAN], ids=["en", "ru"])
def language(request: pytest.FixtureRequest) -> Iterator[QLocale.Language]:
    default = QLocale()
    QLocale.setDefault(QLocale(request.param))
    try:
        yield request.param
    finally:
        QLocale.setDefault(default)


def _people_table(qtbot: QtBot) -> RecordTable[Person]:
    table: RecordTable[Person] = RecordTable(
        [
            Column("Name", lambda p: p.name),
            Column("Cell", lambda p: p.cell),
            Column("Days", lambda p: "—" if p.days is None else str(p.days), sort=lambda p: p.days),
        ]
    )
    qtbot.addWidget(table)
    table.resize(600, 500)
    table.show()
    table.set_records(PEOPLE)
    return table


def click_header(qtbot: QtBot, header: QHeaderView, section: int) -> None:
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    QTest.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    qtbot.wait(1)


def _sorted_by(qtbot: QtBot, table: RecordTable[Person], section: int, order: Qt.SortOrder) -> None:
    """Click the header until it shows ``order`` on ``section`` (one or two clicks)."""
    header = table.horizontalHeader()
    for _ in range(2):
        click_header(qtbot, header, section)
        if header.sortIndicatorOrder() == order:
            break
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (section, order)


def _column(table: RecordTable[Person], column: int) -> list[str]:
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_names_sort_in_the_languages_alphabet_empty_last(
    qtbot: QtBot, language: QLocale.Language
) -> None:
    table = _people_table(qtbot)
    _sorted_by(qtbot, table, 1, ASC)  # first by cell: Bell's (камера 10) before bell's (none)
    _sorted_by(qtbot, table, 0, ASC)
    names = LATIN + CYRILLIC if language == ENGLISH else CYRILLIC + LATIN
    assert _column(table, 0) == [*names, ""]
    _sorted_by(qtbot, table, 0, DESC)
    # Bell and bell tie: they stay as shown before, descending too
    expected = [*reversed(names), ""]
    tie = expected.index("bell")
    expected[tie : tie + 2] = ["Bell", "bell"]
    assert _column(table, 0) == expected


def test_digits_sort_as_numbers_and_numbers_as_numbers(
    qtbot: QtBot, language: QLocale.Language
) -> None:
    table = _people_table(qtbot)
    _sorted_by(qtbot, table, 1, ASC)
    cyrillic = ["Камера 1", "камера 9", "камера 9", "камера 10", "Камера 10"]
    cells = [c for c in _column(table, 1) if c]
    assert [c.casefold() for c in cells] == [
        c.casefold()
        for c in (
            ["cell 2", "cell 2", "cell 11", *cyrillic]
            if language == ENGLISH
            else [*cyrillic, "cell 2", "cell 2", "cell 11"]
        )
    ]
    assert _column(table, 1)[-3:] == ["", "", ""]
    _sorted_by(qtbot, table, 2, ASC)
    assert _column(table, 2) == ["0", "1", "2", "3", "5", "7", "9", "12", "40", "—", "—"]
    _sorted_by(qtbot, table, 2, DESC)
    assert _column(table, 2) == ["40", "12", "9", "7", "5", "3", "2", "1", "0", "—", "—"]


def test_the_selected_record_stays_selected_when_a_header_is_clicked(qtbot: QtBot) -> None:
    table = _people_table(qtbot)
    assert table.select_first_where(lambda p: p.name == "Ёлкин")
    for section, order in ((2, ASC), (0, DESC), (1, ASC)):
        _sorted_by(qtbot, table, section, order)
        current = table.current_record()
        assert current is not None and current.name == "Ёлкин"
        selected = table.selectionModel().selectedRows()
        assert [table.record_at(index) for index in selected] == [current]


def test_a_new_name_among_known_ones_takes_its_place(qtbot: QtBot) -> None:
    """An edit's new name is ranked among the names already ranked (not all again)."""
    table = _people_table(qtbot)
    _sorted_by(qtbot, table, 0, ASC)
    many = [Person(f"Иванов {n}", "", n) for n in range(40)]
    table.set_records([*PEOPLE, *many])
    table.set_records([*PEOPLE, *many, Person("Ершов", "", None)])
    names = _column(table, 0)
    assert names.index("Ёлкин") < names.index("Ершов") < names.index("Жуков")  # Ё is Е
    assert names.index("Иванов 9") < names.index("Иванов 10")


def test_the_order_follows_a_change_of_language(qtbot: QtBot) -> None:
    default = QLocale()
    try:
        QLocale.setDefault(QLocale(ENGLISH))
        table = _people_table(qtbot)
        _sorted_by(qtbot, table, 0, ASC)
        assert _column(table, 0)[0] == "Adams"
        QLocale.setDefault(QLocale(RUSSIAN))
        table.set_records(PEOPLE)
        assert _column(table, 0)[0] == "Ежов"
    finally:
        QLocale.setDefault(default)


def _case(n: int, name: str, heard_days: int | None, detained: date | None) -> CaseRow:
    today = datetime.combine(date.today(), datetime.min.time())
    heard = None if heard_days is None else today - timedelta(days=heard_days)
    return CaseRow(
        id=uuid.uuid4(),
        ref=f"CT-{n:04d}",
        full_name=name,
        status=CaseStatus.DETAINED,
        facility="",
        facility_id=None,
        last_contact=heard,
        last_proof_of_life=heard,
        caseworker="",
        military_unit="",
        home_region="",
        priority="normal",
        detained=None if detained is None else UncertainDate.day(detained),
    )


def test_the_case_list_sorts_references_by_number_and_unknowns_last(
    qtbot: QtBot, language: QLocale.Language
) -> None:
    view = CasesView()
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    rows = [
        _case(10000, "Smith", 4, date(2023, 5, 1)),
        _case(9999, "Юсупов", None, None),
        _case(2, "смирнов", 30, date(2022, 3, 1)),
        _case(100, "Ершов", 0, None),
        _case(11, "Ёлкин", 5, date(2024, 1, 9)),
    ]
    view.model.set_rows(rows)
    header = view.table.horizontalHeader()
    columns = view.model.COLUMNS

    def shown(column: str) -> list[str]:
        model = view.table.model()
        return [model.index(r, columns.index(column)).data() for r in range(model.rowCount())]

    assert header.sortIndicatorSection() == 0  # the view opens sorted by reference
    assert shown("ref") == ["CT-0002", "CT-0011", "CT-0100", "CT-9999", "CT-10000"]
    click_header(qtbot, header, columns.index("name"))
    names = ["Ёлкин", "Ершов", "смирнов", "Юсупов"]
    expected = ["Smith", *names] if language == ENGLISH else [*names, "Smith"]
    if header.sortIndicatorOrder() == DESC:
        click_header(qtbot, header, columns.index("name"))
    assert shown("name") == expected
    for column, ascending in (
        ("days", ["CT-0100", "CT-10000", "CT-0011", "CT-0002", "CT-9999"]),
        # unknown days tie: in the order shown before (by days, descending)
        ("detained", ["CT-0002", "CT-10000", "CT-0011", "CT-0100", "CT-9999"]),
    ):
        click_header(qtbot, header, columns.index(column))
        if header.sortIndicatorOrder() == DESC:
            click_header(qtbot, header, columns.index(column))
        assert shown("ref") == ascending, column
        click_header(qtbot, header, columns.index(column))
        assert header.sortIndicatorOrder() == DESC
        unknown = 1 if column == "days" else 2
        known = ascending[:-unknown]
        assert shown("ref") == [*reversed(known), *ascending[-unknown:]], column


def test_references_sort_as_the_collator_orders_them(language: QLocale.Language) -> None:
    """A column of one prefix and a number skips the sort keys (the case list's references,
    100,000 at unlock), and still orders exactly as the collator's numeric mode does."""
    refs = ["CT-0010", "CT-9", "CT-10000", "", "CT-0009", "CT-2", "CT-01", "CT-1", "CT-9999"]
    collator = QCollator(QLocale())
    collator.setNumericMode(True)
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    filled = [i for i, ref in enumerate(refs) if ref]
    for order in (ASC, DESC):
        shown = sorted_positions(range(len(refs)), refs, order, Collation())
        # ties (CT-0009 and CT-9, CT-01 and CT-1) stay in the order given, descending too
        expected = sorted(filled, key=lambda i: collator.sortKey(refs[i]), reverse=order == DESC)
        assert [refs[i] for i in shown] == [*(refs[i] for i in expected), ""]


def test_a_reference_of_another_shape_falls_back_to_the_alphabet() -> None:
    """Read as numbers while every reference is CT-n; one of another shape, and all of them are
    ordered by the collator again (as they would have been from the start)."""
    collation = Collation()
    refs = ["CT-10", "CT-9", "CT-100"]
    assert [refs[i] for i in sorted_positions(range(3), refs, ASC, collation)] == [
        "CT-9",
        "CT-10",
        "CT-100",
    ]
    refs += ["A-7", "ct-5"]
    shown = [refs[i] for i in sorted_positions(range(5), refs, ASC, collation)]
    assert shown == ["A-7", "ct-5", "CT-9", "CT-10", "CT-100"]
