"""The demo generator at an organisation's scale: the averages asked for, written in bulk."""

from sqlmodel import func, select

from casetracker.model import AuditEntry, Case, ContactEvent, CustodyPeriod, Facility, Relative
from casetracker.services import demo
from casetracker.services.workspace import Workspace

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


def test_a_bulk_import_is_one_audit_entry_not_one_per_row(ws: Workspace) -> None:
    before = _count(ws, AuditEntry)
    demo.generate(ws, 100, shape=ORGANISATION)
    assert _count(ws, AuditEntry) == before + 1


def test_references_continue_after_the_cases_already_there(ws: Workspace) -> None:
    ws.cases.create("Есть уже", ref="CT-0002")
    demo.generate(ws, 3)
    refs = sorted(row.ref for row in ws.cases.rows())
    assert refs == ["CT-0001", "CT-0002", "CT-0003", "CT-0004"]
    assert ws.cases.create("Следующий").ref == "CT-0005"
