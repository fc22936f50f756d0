"""Where a search finds each case: by name before another field before a place, as the
definition says, whichever way the passes are arranged."""

import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from casetracker.services.search_index import Found, SearchIndex


def by_definition(index: SearchIndex, forms: list[str]) -> dict[uuid.UUID, Found]:
    out: dict[uuid.UUID, Found] = {}
    for place, key in index.places.items():
        if any(f in key for f in forms):
            for case in index.held.get(place, ()):
                out[case] = Found.PLACE
    for case, key in index.cases.items():
        if any(f in index.names[case] for f in forms):
            out[case] = Found.NAME
        elif any(f in key for f in forms):
            out[case] = Found.FIELD
    return out


_TEXT = st.text(alphabet="abcаб ", max_size=6)


@settings(max_examples=200, deadline=None)
@given(
    cases=st.lists(st.tuples(_TEXT, _TEXT), max_size=8),
    places=st.lists(st.tuples(_TEXT, st.sets(st.integers(0, 7))), max_size=3),
    forms=st.lists(st.text(alphabet="abcа", min_size=1, max_size=2), min_size=1, max_size=3),
)
def test_each_case_is_found_where_the_definition_says(
    cases: list[tuple[str, str]], places: list[tuple[str, set[int]]], forms: list[str]
) -> None:
    ids = [uuid.uuid4() for _ in cases]
    keys = {i: name + "\x1e" + rest for i, (name, rest) in zip(ids, cases, strict=True)}
    names = {i: name for i, (name, _rest) in zip(ids, cases, strict=True)}
    place_ids = [uuid.uuid4() for _ in places]
    held = {
        p: frozenset(ids[n] for n in members if n < len(ids))
        for p, (_key, members) in zip(place_ids, places, strict=True)
    }
    place_keys = {p: key for p, (key, _members) in zip(place_ids, places, strict=True)}
    index = SearchIndex(keys, names, {}, place_keys, held)
    assert index.found(forms) == by_definition(index, forms)
    assert index.found(forms[:1]) == by_definition(index, forms[:1])
