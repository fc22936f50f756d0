"""The People and Sources lists read everyone at once, and say what the per-record calls say."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import date

from sqlalchemy import event

from casetracker.model import SourceKind, Verification
from casetracker.services.evidence import SourceRow
from casetracker.services.relatives import PersonRow
from casetracker.services.workspace import Workspace


@contextmanager
def _statements(ws: Workspace) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(ws.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(ws.engine, "before_cursor_execute", note)


def _sources(ws: Workspace) -> None:
    """Sources backing nothing, one case, several cases, a case twice, places, a deleted case."""
    cases = [ws.cases.create(f"Задержанный {i}") for i in range(6)]
    basement, camp = ws.facilities.create("Подвал"), ws.facilities.create("Лагерь")
    ws.evidence.add_source("Пустой источник")
    ws.evidence.add_source("Пустой источник")  # the same title: ties keep the query's order
    ws.evidence.add_source("Один", cases=[cases[0].ref])
    ws.evidence.add_source("Список", cases=[c.ref for c in cases[:5]], facilities=[basement.id])
    ws.evidence.add_source("Дважды", cases=[cases[1].ref, cases[1].ref])
    ws.evidence.add_source("Места", facilities=[basement.id, camp.id])
    ws.evidence.add_source(
        "Удалённый",
        cases=[cases[5].ref, cases[4].ref],
        kind=SourceKind.PHOTO,
        verification=Verification.VERIFIED,
        published_on=date(2024, 3, 1),
        reference="архив 12",
        notes="заметка",
    )
    ws.cases.delete(cases[5].ref)


def test_backing_counts_are_what_backed_by_finds_for_every_source(ws: Workspace) -> None:
    _sources(ws)
    counts = ws.evidence.backing_counts()
    sources = ws.evidence.all_sources()
    assert set(counts) == {s.id for s in sources}
    for source in sources:
        cases, places = ws.evidence.backed_by(source.id)
        assert counts[source.id] == (len(cases), len(places)), source.title
    assert sorted(counts.values()) == [(0, 0), (0, 0), (0, 2), (1, 0), (1, 0), (2, 0), (5, 1)]


def test_backing_counts_take_one_query_however_many_sources(ws: Workspace) -> None:
    _sources(ws)
    with _statements(ws) as few:
        ws.evidence.backing_counts()
    for i in range(20):
        ws.evidence.add_source(f"Ещё {i}", cases=["CT-0001"])
    with _statements(ws) as many:
        ws.evidence.backing_counts()
    assert len(many) == len(few) == 1


def test_source_rows_are_all_sources_in_the_same_order(ws: Workspace) -> None:
    _sources(ws)
    rows = ws.evidence.source_rows()
    sources = ws.evidence.all_sources()
    assert [r.id for r in rows] == [s.id for s in sources]
    for row, source in zip(rows, sources, strict=True):
        for field in fields(SourceRow):
            assert getattr(row, field.name) == getattr(source, field.name), field.name
            assert type(getattr(row, field.name)) is type(getattr(source, field.name))
    assert ws.evidence.get_source(rows[0].id).id == rows[0].id


def test_person_rows_are_all_people_in_the_same_order_with_their_case_counts(
    ws: Workspace,
) -> None:
    cases = [ws.cases.create(f"Брат {i}") for i in range(3)]
    father = ws.relatives.create("Юрий Иванов", phones="+7 984 684-91-34", city="Чита")
    ws.relatives.create("Юрий Иванов", handles="@yuri", share_with_lawyer=True)  # a tie
    ws.relatives.create("", anonymous=True, notes="не называть")
    mother = ws.relatives.create("Мария Иванова", language="ru", share_with_media=True)
    for case in cases:
        ws.relatives.link(case.ref, father.id, "отец")
    ws.relatives.link(cases[0].ref, mother.id, "мать")
    rows = ws.relatives.rows()
    people = ws.relatives.all()
    counts = ws.relatives.case_counts()
    assert [r.id for r in rows] == [p.id for p in people]
    for row, person in zip(rows, people, strict=True):
        assert row.cases == counts.get(person.id, 0)
        for field in fields(PersonRow):
            if field.name != "cases":
                assert getattr(row, field.name) == getattr(person, field.name), field.name
                assert type(getattr(row, field.name)) is type(getattr(person, field.name))
    assert sorted(r.cases for r in rows) == [0, 0, 1, 3]
    assert ws.relatives.get(father.id).phones == "+7 984 684-91-34"
