"""Case search: men found by name come first, and a hit elsewhere says where it was."""

from datetime import date

from casetracker.services.cases import SearchHit
from casetracker.services.workspace import Workspace


def _story(ws: Workspace) -> dict[str, str]:
    """Five men, each found by "Брянка"/"Bryanka" through a different field, or not at all."""
    held = ws.cases.create("Сидоров Иван Петрович", ref="CT-0001")
    noted = ws.cases.create(
        "Иванов Пётр", ref="CT-0002", notes="Отец говорит: видели в Брянке у комендатуры, жив."
    )
    unit = ws.cases.create("Петров Олег", ref="CT-0003", military_unit="Брянковский батальон")
    named = ws.cases.create("Брянкин Сергей", ref="CT-0004")
    ws.cases.create("Кузнецов Андрей", ref="CT-0005", notes="Нет связи")
    place = ws.facilities.create("Брянка, подвал комендатуры")
    ws.custody.move(held.id, place.id, since=date(2026, 7, 1))
    return {"held": held.ref, "noted": noted.ref, "unit": unit.ref, "named": named.ref}


def test_a_name_match_comes_before_unit_note_and_place_matches(ws: Workspace) -> None:
    refs = _story(ws)
    for query in ("Брянк", "bryank"):  # either script
        found = [row.ref for row in ws.cases.rows(search=query)]
        # By name; then by another field of his (by reference); then by a place only.
        assert found == [refs["named"], refs["noted"], refs["unit"], refs["held"]], query


def test_a_hit_says_where_it_matched_when_not_in_the_name(ws: Workspace) -> None:
    refs = _story(ws)
    ids = {row.ref: row.id for row in ws.cases.rows()}
    assert ws.cases.search_hit(ids[refs["named"]], "Bryank") is None
    assert ws.cases.search_hit(ids[refs["unit"]], "Bryank") == SearchHit(
        "unit", "Брянковский батальон"
    )
    assert ws.cases.search_hit(ids[refs["held"]], "Брянк") == SearchHit(
        "place", "Брянка, подвал комендатуры"
    )
    note = ws.cases.search_hit(ids[refs["noted"]], "bryanke")
    assert note is not None and note.field == "note"
    assert "Брянке" in note.text and note.text.startswith("…")


def test_an_alias_hit_is_named_as_such(ws: Workspace) -> None:
    case = ws.cases.create("Смирнов Алексей", aliases="Лёха Тихий")
    assert [row.ref for row in ws.cases.rows(search="Tikhii")] == [case.ref]
    assert ws.cases.search_hit(case.id, "Tikhii") == SearchHit("alias", "Лёха Тихий")


def test_a_place_hit_leads_with_what_matched(ws: Workspace) -> None:
    case = ws.cases.create("Орлов Никита")
    place = ws.facilities.create("Подвал комендатуры", settlement="Брянка")
    ws.custody.move(case.id, place.id, since=date(2026, 7, 1))
    assert ws.cases.search_hit(case.id, "Bryanka") == SearchHit(
        "place", "Брянка (Подвал комендатуры)"
    )
    assert ws.cases.search_hit(case.id, "подвал") == SearchHit("place", "Подвал комендатуры")
