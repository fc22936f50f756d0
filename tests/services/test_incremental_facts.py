"""After an edit, the remembered facts are read again for the touched cases only, and always
equal what reading everything afresh gives, whatever the sequence of edits."""

import random
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, update
from sqlmodel import Session, col, select

from casetracker.model import (
    Case,
    CaseStatus,
    Certainty,
    ContactEvent,
    CustodyPeriod,
    Facility,
    Meta,
)
from casetracker.rules import engine as rule_engine
from casetracker.rules import thresholds as t
from casetracker.rules.flag import Flag
from casetracker.services import cases as case_module
from casetracker.services import flags as flag_module
from casetracker.services import undo_support
from casetracker.services.cases import CaseRow, SearchIndex, all_case_rows
from casetracker.services.change_tracking import describe
from casetracker.services.flags import load_facts
from casetracker.services.search_text import query_forms
from casetracker.services.workspace import Workspace
from casetracker.storage.database import (
    Changes,
    change_count,
    changes_since,
    engine_from_snapshot,
    snapshot,
)

AS_OF = date(2024, 7, 26)
SEARCHES = ("иван", "ivan", "сизо", "sizo", "подвал", "CT-00", "заметка")
FIRST_NAMES = ("Иванов", "Петров", "Сидоров", "Смирнов", "Кузнецов")


@contextmanager
def spying(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> Iterator[list[Any]]:
    """Record the ``case_ids`` each call of ``module.name`` was given (None: every case)."""
    calls: list[Any] = []
    real = getattr(module, name)

    def spy(session: Session, case_ids: Any = None) -> Any:
        calls.append(None if case_ids is None else set(case_ids))
        return real(session, case_ids)

    monkeypatch.setattr(module, name, spy)
    yield calls
    monkeypatch.setattr(module, name, real)


def afresh(ws: Workspace) -> tuple[list[Flag], list[CaseRow], dict[str, set[str]]]:
    """Flags, case list and search results from a copy of the database nothing remembers."""
    thresholds = ws.flags.thresholds()
    fresh: Engine = engine_from_snapshot(snapshot(ws.engine))
    try:
        with Session(fresh) as session:
            flags = rule_engine.evaluate(load_facts(session), thresholds, AS_OF)
            rows = all_case_rows(session)
            index = SearchIndex.read(session)
            refs = {row.id: row.ref for row in rows}
            found = {q: {refs[c] for c in index.found(query_forms(q))} for q in SEARCHES}
    finally:
        fresh.dispose()
    return flags, rows, found


def assert_same_as_afresh(ws: Workspace) -> None:
    flags, rows, found = afresh(ws)
    assert ws.flags.evaluate(AS_OF) == flags
    assert ws.cases.rows() == rows
    for query, refs in found.items():
        assert {row.ref for row in ws.cases.rows(search=query)} == refs, query


class Edits:
    """Random caseworker actions on a small caseload, through the real services."""

    def __init__(self, ws: Workspace, rng: random.Random) -> None:
        self.ws = ws
        self.rng = rng
        self.places = [
            ws.facilities.create("СИЗО-1", settlement="Луганск"),
            ws.facilities.create("Подвал комендатуры"),
        ]
        self.moves: list[tuple[uuid.UUID, list[uuid.UUID]]] = []
        for _ in range(12):
            self.create_case()

    def refs(self) -> list[str]:
        return [row.ref for row in self.ws.cases.rows()]

    def ref(self) -> str:
        return self.rng.choice(self.refs())

    def day(self) -> date:
        return AS_OF - timedelta(days=self.rng.randrange(0, 200))

    def create_case(self) -> None:
        status = self.rng.choice(list(CaseStatus))
        detained = self.day() if self.rng.random() < 0.7 else None
        self.ws.cases.create(
            f"{self.rng.choice(FIRST_NAMES)} {self.rng.randrange(100)}",
            status=status,
            status_on=self.day(),
            detention_date=detained,
            lawyer=self.rng.choice(["", "адв. Петрова"]),
        )

    def update_case(self) -> None:
        field, value = self.rng.choice(
            [
                ("notes", f"заметка {self.rng.randrange(1000)}"),
                ("lawyer", self.rng.choice(["", "адв. Орлов"])),
                ("detention_date", self.rng.choice([None, self.day()])),
                ("refusal_date", self.day()),
                ("full_name", f"{self.rng.choice(FIRST_NAMES)} Степан"),
            ]
        )
        self.ws.cases.update(self.ref(), **{field: value})

    def set_status(self) -> None:
        self.ws.cases.set_status(self.ref(), self.rng.choice(list(CaseStatus)), on=self.day())

    def undo_status(self) -> None:
        change = undo_support.newest_status_change(self.ws, self.ref())
        if change is not None:
            undo_support.revert_status_change(self.ws, change)

    def log_contact(self) -> None:
        self.ws.contacts.log(
            self.ref(),
            datetime.combine(self.day(), datetime.min.time()) + timedelta(hours=12),
            direct=self.rng.random() < 0.6,
            reports_transfer=self.rng.random() < 0.3,
        )

    def delete_contact(self) -> None:
        events = self.ws.contacts.for_case(self.ref())
        if events:
            self.ws.contacts.delete(self.rng.choice(events).id)

    def move(self) -> None:
        ref = self.ref()
        reopened = list(undo_support.open_periods(self.ws, ref))
        period = self.ws.custody.move(
            ref, self.rng.choice(self.places).id, since=None, certainty=Certainty.REPORTED
        )
        self.moves.append((period.id, reopened))

    def undo_move(self) -> None:
        if self.moves:
            period_id, reopened = self.moves.pop()
            undo_support.undo_move(self.ws, period_id, reopened)

    def end_custody(self) -> None:
        self.ws.custody.end(self.ref(), self.day())

    def delete_case(self) -> None:
        if len(self.refs()) > 3:
            self.ws.cases.delete(self.ref())

    def threshold(self) -> None:
        key = self.rng.choice([t.LOST_CONTACT_HELD_WARNING, t.NO_LAWYER_DAYS, t.STALE_CASE_DAYS])
        self.ws.settings.set(key.key, self.rng.randrange(key.minimum, 90))

    def rename_place(self) -> None:
        place = self.rng.choice(self.places)
        self.ws.facilities.update(place.id, name=f"СИЗО-{self.rng.randrange(2, 9)}")

    def link_relative(self) -> None:
        relative = self.ws.relatives.create("Мать")
        self.ws.relatives.link(self.ref(), relative.id, "мать")

    def raw_sql(self) -> None:
        """A write that bypasses the ORM: nothing describes it, so everything is read again."""
        with self.ws.session() as session:
            session.connection().execute(
                update(Case)
                .where(col(Case.ref) == self.ref())
                .values(lawyer="", status=CaseStatus.DETAINED)
            )

    def rolled_back(self) -> None:
        with pytest.raises(RuntimeError), self.ws.session() as session:
            case = session.exec(select(Case).where(Case.ref == self.ref())).one()
            case.status = CaseStatus.RELEASED
            session.add(
                ContactEvent(case_id=case.id, occurred_at=datetime(2024, 7, 1), direct=True)
            )
            session.flush()
            raise RuntimeError("the caseworker cancelled")

    def acknowledge(self) -> None:
        open_flags = [f for f in self.ws.flags.open_flags(AS_OF) if f.case_id is not None]
        if open_flags:
            flag = self.rng.choice(open_flags)
            self.ws.flags.acknowledge(flag.rule, note="seen", case=flag.case_id, as_of=AS_OF)

    def actions(self) -> list[Callable[[], None]]:
        return [
            self.create_case, self.update_case, self.update_case, self.set_status,
            self.undo_status, self.log_contact, self.log_contact, self.delete_contact,
            self.move, self.undo_move, self.end_custody, self.delete_case, self.threshold,
            self.rename_place, self.link_relative, self.raw_sql, self.rolled_back,
            self.acknowledge,
        ]  # fmt: skip


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_sequence_of_edits_gives_what_reading_afresh_gives(
    ws: Workspace, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    edits = Edits(ws, random.Random(seed))
    assert_same_as_afresh(ws)
    with spying(monkeypatch, flag_module, "load_facts") as calls:
        for _ in range(60):
            edits.rng.choice(edits.actions())()
            assert_same_as_afresh(ws)
            open_flags = ws.flags.open_flags(AS_OF)
            assert set(open_flags) <= set(ws.flags.evaluate(AS_OF))
    # Most edits took the incremental path (a few needed everything read again).
    assert sum(1 for c in calls if c is not None) > sum(1 for c in calls if c is None)


def test_editing_a_case_reads_again_only_that_case(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = [ws.cases.create(f"Case {i}", status=CaseStatus.DETAINED) for i in range(5)]
    ws.flags.evaluate(AS_OF)
    ws.cases.rows()
    with (
        spying(monkeypatch, flag_module, "load_facts") as facts,
        spying(monkeypatch, case_module, "last_contacts") as contacts,
        spying(monkeypatch, case_module, "all_case_rows") as rows,
    ):
        ws.cases.update(cases[2].ref, notes="called the lawyer")
        ws.flags.evaluate(AS_OF)
        ws.cases.rows()
        assert facts == [{cases[2].id}]
        assert rows == [{cases[2].id}]
        assert contacts == []  # the notes are not a contact: the contacts are kept as they were

        ws.contacts.log(cases[3].ref, datetime(2024, 7, 1, 9), direct=True)
        ws.flags.evaluate(AS_OF)
        assert facts[-1] == {cases[3].id}
        assert contacts == [{cases[3].id}]

        ws.settings.set(t.NO_LAWYER_DAYS.key, 5)
        ws.flags.evaluate(AS_OF)
        assert len(facts) == 2  # a threshold is not a fact: nothing read again


def test_deleting_a_case_drops_it_from_the_facts(ws: Workspace) -> None:
    keep = ws.cases.create("Остаётся", status=CaseStatus.DETAINED, detention_date=date(2024, 1, 1))
    gone = ws.cases.create("Удалён", status=CaseStatus.DETAINED, detention_date=date(2024, 1, 1))
    ws.contacts.log(gone.ref, datetime(2024, 1, 2, 10), direct=True)
    assert {f.case_ref for f in ws.flags.evaluate(AS_OF)} >= {keep.ref, gone.ref}
    ws.cases.delete(gone.ref)
    assert gone.ref not in {f.case_ref for f in ws.flags.evaluate(AS_OF)}
    assert [row.ref for row in ws.cases.rows()] == [keep.ref]
    assert_same_as_afresh(ws)


def test_renaming_a_place_reads_every_case_again(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = ws.cases.create("Смирнов", status=CaseStatus.DETAINED)
    place = ws.facilities.create("СИЗО-1")
    ws.custody.move(case.ref, place.id, since=date(2024, 7, 1))
    ws.flags.evaluate(AS_OF)
    with spying(monkeypatch, flag_module, "load_facts") as facts:
        ws.facilities.update(place.id, name="СИЗО-2")
        assert ws.cases.rows()[0].facility == "СИЗО-2"
        ws.flags.evaluate(AS_OF)
        assert facts == [None]
    assert ws.cases.rows(search="сизо-2")[0].ref == case.ref
    assert_same_as_afresh(ws)


def test_a_write_nobody_described_makes_everything_read_again(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = ws.cases.create("Иванов", status=CaseStatus.DETAINED, detention_date=date(2024, 1, 1))
    ws.flags.evaluate(AS_OF)
    with spying(monkeypatch, flag_module, "load_facts") as facts:
        # A plain session has no hooks: its flush is not described.
        with Session(ws.engine) as session:
            session.add(
                ContactEvent(case_id=case.id, occurred_at=datetime(2024, 7, 25), direct=True)
            )
            session.commit()
        assert not any(f.rule == "lost_contact" for f in ws.flags.evaluate(AS_OF))
        # Nor is raw SQL inside an audited session, even followed by a described flush.
        with ws.session() as session:
            session.connection().execute(update(ContactEvent).values(direct=False))
            loaded = session.get(Case, case.id)
            assert loaded is not None
            loaded.notes = "x"
        assert any(f.rule == "lost_contact" for f in ws.flags.evaluate(AS_OF))
        assert facts == [None, None]


def test_an_undescribed_write_leaves_a_gap_nothing_is_updated_across(ws: Workspace) -> None:
    ws.cases.create("A")
    ws.flags.evaluate(AS_OF)  # something remembered, so the ledger keeps what follows
    before = change_count(ws.engine)
    assert before is not None and changes_since(ws.engine, before) == Changes()
    b = ws.cases.create("B")
    described = changes_since(ws.engine, before)
    assert described is not None and described.cases_in({"case"}) == {b.id}
    with Session(ws.engine) as session:  # no hooks: nobody describes this write
        session.add(Meta(key="probe", value="1"))
        session.commit()
    gap = change_count(ws.engine)
    assert gap is not None
    c = ws.cases.create("C")
    assert changes_since(ws.engine, before) is None
    after_gap = changes_since(ws.engine, gap)
    assert after_gap is not None and after_gap.cases_in({"case"}) == {c.id}


def test_deleting_a_case_describes_the_rows_sqlite_removes_with_it(ws: Workspace) -> None:
    case = ws.cases.create("A")
    place = ws.facilities.create("СИЗО-1")
    with ws.session() as session:
        loaded = session.get(Case, case.id)
        facility = session.get(Facility, place.id)
        changes = describe([], [facility], [loaded])
    assert changes.cases_in({"contactevent", "custodyperiod", "statuschange"}) == {case.id}
    assert changes.cases_in({"case"}) == {case.id}
    assert changes.cases_in({"facility"}) is None
    period = CustodyPeriod(case_id=case.id, facility_id=place.id)
    assert describe([period], [], []).cases_in({"custodyperiod"}) == {case.id}
