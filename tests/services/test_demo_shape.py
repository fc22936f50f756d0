"""The demo generator at an organisation's scale: the averages asked for, written in bulk."""

import json
from collections import Counter
from pathlib import Path

import pytest
from sqlmodel import func, select

from casetracker.model import (
    AuditAction,
    AuditEntry,
    Case,
    CaseStatus,
    ContactEvent,
    CustodyPeriod,
    Facility,
    Relative,
    utcnow,
)
from casetracker.services import audit, demo
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR

ORGANISATION = demo.DemoShape(
    relatives=2, contacts=20, custody_periods=4.8, status_changes=2, sources=1, facilities=50
)


def _count(ws: Workspace, table: type) -> int:
    with ws.reading() as session:
        return session.exec(select(func.count()).select_from(table)).one()


def test_an_organisation_shape_gives_its_averages(ws: Workspace) -> None:
    demo.generate(ws, 300, seed=3, shape=ORGANISATION)
    cases = _count(ws, Case)
    assert cases == 300 and _count(ws, Facility) == 50
    assert 1.8 < _count(ws, Relative) / cases < 2.2
    assert 19.5 < _count(ws, ContactEvent) / cases < 21.5
    assert 2.6 < _count(ws, CustodyPeriod) / cases < 3.4


def test_history_is_told_for_the_demo_cases_only_not_one_entry_per_row_at_scale(
    vault_path: Path,
) -> None:
    """Beyond the first HISTORY_CASES cases, a bulk import adds no audit entries: the count
    is the same for 100 and 200 organisation-sized cases."""
    counts = []
    for cases in (100, 200):
        ws, _key = Workspace.create(vault_path.with_name(f"{cases}.ctvault"), "x" * 12, kdf=FLOOR)
        try:
            demo.generate(ws, cases, shape=ORGANISATION)
            counts.append(_count(ws, AuditEntry))
        finally:
            ws.close(save=False)
    assert counts[0] == counts[1]
    assert counts[0] > demo.HISTORY_CASES  # and the demo cases do have a history


def test_references_continue_after_the_cases_already_there(ws: Workspace) -> None:
    ws.cases.create("Есть уже", ref="CT-0002")
    demo.generate(ws, 3)
    refs = sorted(row.ref for row in ws.cases.rows())
    assert refs == ["CT-0001", "CT-0002", "CT-0003", "CT-0004"]
    assert ws.cases.create("Следующий").ref == "CT-0005"


@pytest.fixture
def demo_ws(ws: Workspace) -> Workspace:
    demo.generate(ws, 60)
    return ws


def test_the_demo_shows_all_ten_statuses_with_men_released_and_home(demo_ws: Workspace) -> None:
    statuses = Counter(row.status for row in demo_ws.cases.rows())
    assert set(statuses) == set(CaseStatus)
    assert statuses[CaseStatus.RELEASED] >= 2 and statuses[CaseStatus.HOME] >= 2


def test_the_demo_has_relatives_with_and_without_consent(demo_ws: Workspace) -> None:
    with demo_ws.reading() as session:
        named = [r for r in session.exec(select(Relative)) if not r.anonymous]
    assert any(r.share_with_lawyer for r in named)
    assert any(not r.share_with_lawyer for r in named)


def _history(ws: Workspace, case: Case) -> list[AuditEntry]:
    with ws.reading() as session:
        return audit.history(session, case.id)


def test_every_demo_case_has_a_history_of_its_life(demo_ws: Workspace) -> None:
    everything: list[AuditEntry] = []
    for row in demo_ws.cases.rows():
        case = demo_ws.cases.get(row.ref)
        entries = _history(demo_ws, case)
        kinds = {(e.entity, e.action) for e in entries}
        assert ("Case", AuditAction.CREATE) in kinds, row.ref
        assert ("ContactEvent", AuditAction.CREATE) in kinds, row.ref
        if case.status != CaseStatus.REFUSED:
            status = [json.loads(e.changes).get("status") for e in entries if e.entity == "Case"]
            assert [CaseStatus.REFUSED.value, case.status.value] in status, row.ref
        assert all(e.at <= utcnow() and e.case_id == str(case.id) for e in entries)
        everything += entries
    changed = Counter(
        (e.entity, key)
        for e in everything
        if e.action == AuditAction.UPDATE
        for key in json.loads(e.changes)
    )
    assert changed[("CustodyPeriod", "until")] > 0  # moves and releases close a place
    assert changed[("Case", "lawyer")] > 0 and changed[("Case", "detention_date")] > 0  # edits


def test_a_case_history_reads_in_the_order_it_happened(demo_ws: Workspace) -> None:
    case = demo_ws.cases.get("CT-0001")  # the father's son: detained, moved, heard 37 days ago
    entries = list(reversed(_history(demo_ws, case)))  # oldest first
    assert entries[0].entity == "Case" and entries[0].action == AuditAction.CREATE
    first = json.loads(entries[0].changes)
    assert first["status"] == [None, "refused"] and "detention_date" not in first
    statuses = [json.loads(e.changes)["status"][1] for e in entries if e.entity == "StatusChange"]
    assert statuses == ["refused", case.status.value]
