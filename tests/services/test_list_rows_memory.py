"""The People list holds one row per person (200,000 at 100,000 cases): rows stay small."""

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
