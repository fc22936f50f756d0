"""The People and Sources lists hold one row per person or source (200,000 people at 100,000
cases): rows stay small."""

from datetime import date

from casetracker.services.recurring_values import share_recurring
from casetracker.services.workspace import Workspace


def test_a_name_city_or_language_that_recurs_is_held_once_in_the_list(ws: Workspace) -> None:
    for phone in ("+7 900 000-00-01", "+7 900 000-00-02", "+7 900 000-00-03"):
        ws.relatives.create("Юрий Иванов", phones=phone, city="Чита", language="ru")
    ws.relatives.create("Мария Иванова", city="Улан-Удэ", language="ru")
    rows = ws.relatives.rows()
    yuri = [r for r in rows if r.full_name == "Юрий Иванов"]
    assert len(yuri) == 3
    assert yuri[0].full_name is yuri[1].full_name is yuri[2].full_name
    assert yuri[0].city is yuri[1].city is yuri[2].city
    assert len({id(r.language) for r in rows}) == 1
    assert len({r.phones for r in yuri}) == 3  # the person's own values stay their own


def test_a_person_row_carries_no_per_instance_dict(ws: Workspace) -> None:
    ws.relatives.create("Юрий Иванов")
    (row,) = ws.relatives.rows()
    assert not hasattr(row, "__dict__")


def test_a_source_title_or_day_that_recurs_is_held_once_in_the_list(ws: Workspace) -> None:
    for reference in ("звонок 1", "звонок 2"):
        ws.evidence.add_source("Звонок отца", reference=reference, published_on=date(2024, 7, 19))
    ws.evidence.add_source("Фото", published_on=date(2024, 7, 19))
    rows = ws.evidence.source_rows()
    calls = [r for r in rows if r.title == "Звонок отца"]
    assert calls[0].title is calls[1].title
    assert len({id(r.published_on) for r in rows}) == 1
    assert {r.reference for r in calls} == {"звонок 1", "звонок 2"}
    assert not hasattr(rows[0], "__dict__")


def test_recurring_values_are_shared_only_with_equals_of_their_type_in_their_column() -> None:
    name = "".join(["Чи", "та"])
    rows = [("Чита", 1, True), ("Улан-Удэ", True, 1), (name, 1.0, 1)]
    shared = list(share_recurring(rows, (0, 1, 2)))
    assert shared == [list(row) for row in rows]
    assert [[type(value) for value in row] for row in shared] == [
        [str, int, bool], [str, bool, int], [str, float, int]
    ]  # fmt: skip
    assert name is not rows[0][0] and shared[2][0] is shared[0][0]
    assert shared[2][2] is shared[1][2]
