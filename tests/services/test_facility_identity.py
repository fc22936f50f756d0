"""A place named again is found again, whatever the script or case; a different number is a
different place (found by the save torture: "СИЗО-11" was taken for "СИЗО-1")."""

from casetracker.services.workspace import Workspace


def test_a_place_whose_number_differs_is_another_place(ws: Workspace) -> None:
    first = ws.cases.create("Щукарёв Иван Петрович")
    second = ws.cases.create("Зайцев Олег Игоревич")
    _, made_one = ws.custody.move_to_new_place(first.ref, "СИЗО-1", "Луганск")
    _, made_eleven = ws.custody.move_to_new_place(second.ref, "СИЗО-11", "Луганск")
    assert made_one is not None and made_eleven is not None and made_one != made_eleven
    names = sorted(f.name for f in ws.facilities.all())
    assert names == ["СИЗО-1", "СИЗО-11"]


def test_the_same_place_written_another_way_is_found(ws: Workspace) -> None:
    first = ws.cases.create("Щукарёв Иван Петрович")
    second = ws.cases.create("Зайцев Олег Игоревич")
    _, made = ws.custody.move_to_new_place(first.ref, "ИК-33", "Луганск")
    _, again = ws.custody.move_to_new_place(second.ref, "ик 33", "ЛУГАНСК")
    assert made is not None and again is None
    assert [f.name for f in ws.facilities.all()] == ["ИК-33"]
