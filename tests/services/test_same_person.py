"""Same-person verdicts and merges: nothing of either case is lost, and undo is exact."""

import json
import uuid
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlmodel import SQLModel, col, select

from casetracker.model import (
    AllegationKind,
    AuditEntry,
    Case,
    CaseStatus,
    ContactEvent,
    FlagState,
    Priority,
    SameCertainty,
    SamePersonLink,
    Verdict,
)
from casetracker.model.consent import Audience, Consent
from casetracker.model.requests import RequestKind
from casetracker.services import requests, same_person, tasks
from casetracker.services.duplicates import possible_duplicates
from casetracker.services.errors import InvalidInput
from casetracker.services.sharing import SharingService
from casetracker.services.workspace import Workspace
from casetracker.storage import database


def _rows(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the audit log apart), sorted: the vault's whole state."""
    out = {}
    with ws.reading() as session:
        for table in SQLModel.metadata.sorted_tables:
            if table.name != "auditentry":
                out[table.name] = sorted(map(tuple, session.execute(table.select())), key=repr)
    return out


def _per_case(ws: Workspace, case_id: uuid.UUID) -> dict[str, int]:
    with ws.reading() as session:
        counts = same_person._counts(session, case_id)
    return {table: n for table, n in counts.items() if n}


def _flag(ws: Workspace, case_id: uuid.UUID, rule: str, **fields: Any) -> None:
    with ws.session() as session:
        session.add(FlagState(rule=rule, case_id=case_id, **fields))


@pytest.fixture
def two(ws: Workspace) -> tuple[Case, Case]:
    """One man entered twice, each case with its own contacts, custody, sources, relatives,
    allegations, attachments, flags and history; a father and a source linked to both."""
    keep = ws.cases.create(
        "Иван Петров", birth_date=date(1990, 3, 1), military_unit="", notes="Отец звонит по средам."
    )
    absorb = ws.cases.create(
        "Ivan Petrov",
        birth_date=date(1990, 3, 2),
        military_unit="в/ч 12345",
        aliases="Ваня",
        priority=Priority.URGENT,
        notes="Мать говорит, что он в Брянке.",
        tags="подвал",
    )
    place = ws.facilities.create("Подвал", settlement="Брянка")
    for case in (keep, absorb):
        ws.contacts.log(case.id, datetime(2024, 7, 19, 18, 0), direct=True, note=case.ref)
        ws.custody.move(case.id, place.id, since=date(2024, 7, 1))
        ws.attachments.add(b"scan " + case.ref.encode(), "scan.pdf", case_id=case.id)
    ws.cases.set_status(absorb.id, CaseStatus.DETAINED, on=date(2024, 7, 2))
    father = ws.relatives.create("Пётр Петров")
    ws.relatives.link(keep.id, father.id, "")
    ws.relatives.link(absorb.id, father.id, "father")
    mother = ws.relatives.create("Анна Петрова")
    ws.relatives.link(absorb.id, mother.id, "mother")
    ws.evidence.add_source("Пост в канале", cases=[keep.id, absorb.id])
    ws.evidence.add_source("Видео", cases=[absorb.id])
    ws.evidence.add_allegation(AllegationKind.THREATS, [absorb.id], description="избит")
    # Tables the other parts of issue 15 added: found from the metadata, never named there.
    # He saw another man held with him (a contact on that man's case, naming him as witness).
    cellmate = ws.cases.create("Сосед по подвалу")
    with ws.session() as session:
        session.add(
            ContactEvent(
                case_id=cellmate.id, occurred_at=datetime(2024, 7, 25), witness_case_id=absorb.id
            )
        )
    tasks.add(ws, absorb.id, "позвонить матери")
    requests.add(ws, absorb.id, kind=RequestKind.MILITARY_PROSECUTOR, sent_on=date(2024, 7, 20))
    _flag(
        ws, keep.id, "lost_contact", first_seen=date(2024, 8, 1), acknowledged_on=date(2024, 8, 2)
    )
    _flag(ws, absorb.id, "lost_contact", first_seen=date(2024, 7, 30))
    _flag(ws, absorb.id, "no_lawyer", first_seen=date(2024, 7, 3))
    return ws.cases.get(keep.id), ws.cases.get(absorb.id)


def test_merge_keeps_every_row_of_both(ws: Workspace, two: tuple[Case, Case]) -> None:
    keep, absorb = two
    before_keep, before_absorb = _per_case(ws, keep.id), _per_case(ws, absorb.id)

    result = same_person.merge(ws, keep.ref, absorb.ref)

    after = _per_case(ws, keep.id)
    # Everything moved; one row stays where both cases held the same thing: the father's
    # link, the shared source's link and the lost_contact flag state (3 clashes).
    for table in (
        "contactevent", "custodyperiod", "statuschange", "attachment", "allegationcase", "task",
        "request",
    ):  # fmt: skip
        assert after[table] == before_keep.get(table, 0) + before_absorb[table], table
    assert after["caserelative"] == 2  # father once, mother
    assert after["sourcecase"] == 2  # the shared post once, the video
    assert after["flagstate"] == 2  # lost_contact once, no_lawyer
    assert after["auditentry"] > before_keep["auditentry"] + before_absorb["auditentry"]
    assert _per_case(ws, absorb.id) == {}
    with ws.reading() as session:
        witness = session.exec(select(ContactEvent.witness_case_id)).all()
    assert set(witness) == {None, keep.id}  # the contact he gave as witness is now the kept case's
    with pytest.raises(Exception, match="no case"):
        ws.cases.get(absorb.ref)
    assert result.keep_ref == keep.ref and result.absorb_ref == absorb.ref
    assert "2 contacts in the log" in result.moved
    assert {"1 task", "1 request to officials"} <= set(result.moved)
    # One merge (vaults are slow to make), looked at three more ways:
    _fields_filled_and_noted(ws, keep, absorb)
    _clashes_kept_once(ws, keep)
    _one_entry_in_the_history(ws, keep, absorb)


def _fields_filled_and_noted(ws: Workspace, keep: Case, absorb: Case) -> None:
    merged = ws.cases.get(keep.id)
    assert merged.full_name == "Иван Петров"
    assert merged.military_unit == "в/ч 12345"  # empty in the kept case: taken
    assert merged.birth_date == date(1990, 3, 1)  # both given: the kept one stays...
    assert "02.03.1990" in merged.notes  # ...and the other is in the notes
    assert merged.notes.startswith("Отец звонит по средам.")
    assert f"From the merged case {absorb.ref}:" in merged.notes
    assert "Мать говорит, что он в Брянке." in merged.notes
    assert merged.aliases.split("; ") == ["Ваня", absorb.ref, "Ivan Petrov"]
    assert merged.tags == "подвал"
    assert merged.priority == Priority.URGENT  # the more urgent of both
    assert merged.status == keep.status  # his status stays; the other one is in the notes
    # The old reference finds the merged case.
    assert [row.ref for row in ws.cases.rows(search=absorb.ref)] == [keep.ref]


def _clashes_kept_once(ws: Workspace, keep: Case) -> None:
    with ws.reading() as session:
        stmt = select(FlagState).where(
            col(FlagState.case_id) == keep.id, FlagState.rule == "lost_contact"
        )
        flags = session.exec(stmt).all()
    # The kept case's acknowledged state goes; the unacknowledged one, seen first, stays.
    assert [(f.acknowledged_on, f.first_seen) for f in flags] == [(None, date(2024, 7, 30))]
    links = {r.full_name: rel for r, rel in ws.relatives.for_case(keep.id)}
    assert links == {"Пётр Петров": "father", "Анна Петрова": "mother"}  # filled from the other


def _one_entry_in_the_history(ws: Workspace, keep: Case, absorb: Case) -> None:
    with ws.reading() as session:
        entries = session.exec(select(AuditEntry).where(AuditEntry.case_id == str(keep.id))).all()
    merges = [e for e in entries if e.entity == "CaseMerge"]
    assert [(e.action, e.entity_id) for e in merges] == [("create", str(absorb.id))]
    assert json.loads(merges[0].changes) == {
        "merged_case": [None, f"{absorb.ref} Ivan Petrov"],
        "merged_into": [None, f"{keep.ref} Иван Петров"],
    }
    # The absorbed case's own history is now in the kept case's.
    assert any(e.entity_id == str(absorb.id) and e.action == "create" for e in entries)


def test_unmerge_restores_every_row_exactly(ws: Workspace, two: tuple[Case, Case]) -> None:
    keep, absorb = two
    same_person.mark_same(ws, keep.id, absorb.id, SameCertainty.LIKELY, "same birth place")
    third = ws.cases.create("Иван Петров-второй")
    same_person.mark_not_same(ws, absorb.id, third.id)
    same_person.mark_same(ws, keep.id, third.id, SameCertainty.POSSIBLE)
    fourth = ws.cases.create("Четвёртый")
    same_person.mark_same(ws, absorb.id, fourth.id, SameCertainty.CERTAIN)
    before = _rows(ws)
    with ws.reading() as session:
        history = {e.id: e.case_id for e in session.exec(select(AuditEntry))}

    result = same_person.merge(ws, keep.id, absorb.id)
    assert _rows(ws) != before
    same_person.unmerge(ws, result.undo)

    assert _rows(ws) == before
    with ws.reading() as session:
        now = {e.id: e.case_id for e in session.exec(select(AuditEntry))}
    assert {k: now[k] for k in history} == history  # old entries back with their case


def test_not_the_same_is_never_proposed_again(ws: Workspace) -> None:
    a = ws.cases.create("Александр Смирнов")
    b = ws.cases.create("Aleksandr Smirnov")
    assert [(p.first_ref, p.second_ref) for p in possible_duplicates(ws)] == [(a.ref, b.ref)]
    same_person.mark_not_same(ws, b.ref, a.ref, "different fathers")
    assert possible_duplicates(ws) == []
    links = same_person.links_for(ws, a.ref)
    assert [(link.other_ref, link.verdict, link.note) for link in links] == [
        (b.ref, Verdict.NOT_SAME, "different fathers")
    ]
    same_person.unmark(ws, a.ref, b.ref)
    assert len(possible_duplicates(ws)) == 1


def test_a_pair_is_one_row_whichever_order(ws: Workspace) -> None:
    a = ws.cases.create("Один")
    b = ws.cases.create("Другой")
    assert same_person.mark_same(ws, a.id, b.id, SameCertainty.POSSIBLE) is None
    previous = same_person.mark_same(ws, b.id, a.id, SameCertainty.CERTAIN, "фото")
    assert previous is not None and previous["certainty"] == SameCertainty.POSSIBLE
    with ws.reading() as session:
        links = session.exec(select(SamePersonLink)).all()
    assert [(link.certainty, link.note, link.decided_by) for link in links] == [
        (SameCertainty.CERTAIN, "фото", "tester")
    ]
    assert same_person.links_for(ws, b.id)[0].other_ref == a.ref
    with pytest.raises(InvalidInput):
        same_person.mark_same(ws, a.id, a.ref, SameCertainty.LIKELY)


def test_remembered_facts_follow_a_merge_and_its_undo(
    ws: Workspace, two: tuple[Case, Case]
) -> None:
    """The case list, search and flags are brought up to date for the two cases only (every
    write of the merge described), and agree with facts worked out afresh."""
    keep, absorb = two

    def fresh() -> tuple[Any, ...]:
        ws.state.forget()
        return now()

    def now() -> tuple[Any, ...]:
        return (
            ws.cases.rows(),
            ws.cases.rows(search=absorb.ref),
            sorted((f.rule, f.case_ref) for f in ws.flags.open_flags()),
        )

    now()
    count = database.change_count(ws.engine)
    assert count is not None
    result = same_person.merge(ws, keep.id, absorb.id)
    changes = database.changes_since(ws.engine, count)
    assert changes is not None  # no undescribed write, and each tied to its cases
    # Tied to no case: the history and the absorbed case's bundle tombstone, neither a fact.
    untied = {table for table, cases in changes.by_table.items() if cases is None}
    assert untied == {"auditentry", "mergebase"}
    merged = now()
    assert absorb.ref not in [r.ref for r in merged[0]] and merged == fresh()
    same_person.unmerge(ws, result.undo)
    restored = now()
    assert absorb.ref in [r.ref for r in restored[0]] and restored == fresh()


def test_a_withdrawn_consent_stays_withdrawn_after_a_merge(
    ws: Workspace, two: tuple[Case, Case]
) -> None:
    """He told one caseworker the media may not have his story any more; the other case still
    holds his older "yes". Merged, the "yes" is withdrawn on the same day; undo gives it back."""
    keep, absorb = two
    with ws.session() as session:
        session.add_all(
            [
                Consent(case_id=keep.id, audience=Audience.MEDIA, given_on=date(2024, 7, 1)),
                Consent(
                    case_id=absorb.id,
                    audience=Audience.MEDIA,
                    given_on=date(2024, 6, 1),
                    withdrawn_on=date(2024, 8, 1),
                ),
                # Given after that withdrawal: a new "yes", which stands.
                Consent(case_id=absorb.id, audience=Audience.LAWYER, given_on=date(2024, 9, 1)),
            ]
        )
    before = _rows(ws)

    result = same_person.merge(ws, keep.id, absorb.id)

    with ws.reading() as session:
        consents = session.exec(select(Consent).where(Consent.case_id == keep.id)).all()
    assert sorted((c.audience, c.given_on, c.withdrawn_on) for c in consents) == [
        (Audience.LAWYER, date(2024, 9, 1), None),
        (Audience.MEDIA, date(2024, 6, 1), date(2024, 8, 1)),
        (Audience.MEDIA, date(2024, 7, 1), date(2024, 8, 1)),
    ]
    same_person.unmerge(ws, result.undo)
    assert _rows(ws) == before


#: One row a case may hold: (kind, which of a few shared things, a flag's acknowledgement).
_ROW = st.tuples(
    st.sampled_from(["contact", "relative", "source", "flag"]),
    st.integers(0, 2),
    st.booleans(),
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    mine=st.lists(_ROW, max_size=5, unique_by=lambda row: row[:2]),
    theirs=st.lists(_ROW, max_size=5, unique_by=lambda row: row[:2]),
    keep_first=st.booleans(),
)
def test_merge_then_unmerge_is_the_identity(
    ws: Workspace, mine: list[Any], theirs: list[Any], keep_first: bool
) -> None:
    """Any mix of rows, shared relatives and sources, flag states on the same rules (each once
    per case, as the services keep them): the merged case has one row per thing, and undoing
    the merge gives back every row of every table."""
    a, b = ws.cases.create("Первый"), ws.cases.create("Второй")
    shared = [ws.relatives.create(f"Родственник {i}").id for i in range(3)]
    sources = [ws.evidence.add_source(f"Источник {i}").id for i in range(3)]
    rules = ["lost_contact", "no_lawyer", "stale_case"]
    for case, rows in ((a, mine), (b, theirs)):
        for kind, which, acknowledged in rows:
            if kind == "contact":
                ws.contacts.log(case.id, datetime(2024, 7, 1 + which), direct=acknowledged)
            elif kind == "relative":
                ws.relatives.link(case.id, shared[which], "отец" if acknowledged else "")
            elif kind == "source":
                ws.evidence.link_case(sources[which], case.id)
            else:
                ack = date(2024, 8, 1) if acknowledged else None
                _flag(ws, case.id, rules[which], first_seen=date(2024, 7, 1), acknowledged_on=ack)
    keep, absorb = (a, b) if keep_first else (b, a)
    before = _rows(ws)

    result = same_person.merge(ws, keep.id, absorb.id)
    with ws.reading() as session:
        for table, key in same_person.NATURAL_KEYS.items():
            found = session.execute(
                text(f"SELECT {', '.join(key)} FROM {table} WHERE case_id = :c"),
                {"c": keep.id.hex},
            ).all()
            assert len(found) == len(set(found)), table  # one row per thing
    same_person.unmerge(ws, result.undo)
    assert _rows(ws) == before
    ws.cases.delete(a.id)
    ws.cases.delete(b.id)


def test_a_bundle_still_holding_the_absorbed_case_does_not_bring_it_back(ws: Workspace) -> None:
    """Sent to a lawyer before the merge, the bundle comes back: the merged-away case is known
    as gone, so it is not added again and his contacts stay with the kept case."""
    keep, absorb = ws.cases.create("Иван Петров"), ws.cases.create("Иван Петров")
    ws.contacts.log(absorb.ref, datetime(2024, 7, 1, 12), direct=True)
    service = SharingService(ws)
    sent = service.export(
        service.select_cases(refs=[absorb.ref]),
        profile="lawyer",
        recipients=[service.keys().age_public_key],
        without_consent_reason="held incommunicado",
    )
    same_person.merge(ws, keep.ref, absorb.ref)
    report = service.import_bundle(service.open(sent.data))
    assert not report.added and not report.conflicts
    assert [r.ref for r in ws.cases.rows()] == [keep.ref]
    assert len(ws.contacts.for_case(keep.ref)) == 1


def test_undoing_a_merge_keeps_what_was_changed_on_the_kept_case_since(ws: Workspace) -> None:
    keep = ws.cases.create("Иван Петров")
    absorb = ws.cases.create("Иван Петров", military_unit="в/ч 12345")
    result = same_person.merge(ws, keep.ref, absorb.ref)
    ws.cases.update(keep.ref, lawyer="адв. Петрова Е.")  # after the merge, not undone with it
    same_person.unmerge(ws, result.undo)
    kept = ws.cases.get(keep.ref)
    assert kept.lawyer == "адв. Петрова Е."
    assert kept.military_unit == ""  # what the merge filled in goes back
    assert ws.cases.get(absorb.ref).military_unit == "в/ч 12345"
