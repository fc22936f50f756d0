"""The search index holds every case and every stay: it shares the vault's one object per id
with the case list instead of keeping copies (100,000 of them at 20,000 cases)."""

from casetracker.services.search_index import SearchIndex
from casetracker.services.workspace import Workspace


def test_the_index_holds_the_same_id_objects_as_the_case_list(ws: Workspace) -> None:
    basement, camp = ws.facilities.create("Подвал"), ws.facilities.create("Лагерь")
    for i, place in enumerate((basement, camp, basement)):
        case = ws.cases.create(f"Задержанный {i}")
        ws.custody.move(case.ref, place.id)
    rows = ws.cases.rows()
    with ws.reading() as session:
        index = SearchIndex.read(session)
    assert {id(case_id) for case_id in index.cases} == {id(row.id) for row in rows}
    assert {id(case_id) for case_id in index.stays} == {id(row.id) for row in rows}
    held_at = {id(place) for places in index.stays.values() for place in places}
    assert held_at == {id(row.facility_id) for row in rows}
    assert len(held_at) == 2
    # A case's places are a plain tuple, each place once (a frozenset per case cost 216 bytes).
    assert all(
        type(places) is tuple and len(set(places)) == len(places) for places in index.stays.values()
    )
    assert ws.cases.rows(search="подвал") and len(ws.cases.rows(search="лагерь")) == 1
