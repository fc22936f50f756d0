"""A contact known by its day only travels as such: the bundle says so, the receiving vault keeps
it, and the dossier prints the day alone, never an invented hour."""

import uuid
from datetime import datetime

import pytest

from casetracker.services.workspace import Workspace
from casetracker.sharing.bundle_schema import LAWYER, BundleRecord, CasesDocument
from casetracker.sharing.dossier_pdf import dossier_html
from tests.sharing.conftest import introduce, needs_age
from tests.sharing.test_roundtrip import _receive, _send

MADE = datetime(2025, 3, 1, 12, 0)


@pytest.fixture
def org_b(org_a: Workspace, org_b: Workspace) -> Workspace:
    """B knows A (A's signing key is in B's address book), so A's bundles merge unasked."""
    introduce(org_a, org_b)
    return org_b


def _record(**values: object) -> BundleRecord:
    return BundleRecord(id=uuid.uuid4(), values=dict(values))


def test_the_dossier_shows_a_day_only_contact_without_a_time() -> None:
    case = _record(ref="CT-0001", full_name="Зайцев Олег Игоревич", status="detained")
    contacts = [
        _record(case_id=case.id, occurred_at=datetime(2024, 7, 19), time_known=False,
                channel="call", direct=True, note="день без часа"),
        _record(case_id=case.id, occurred_at=datetime(2024, 7, 20, 18, 5), time_known=True,
                channel="call", direct=True, note="с часом"),
        _record(case_id=case.id, occurred_at=datetime(2024, 7, 21, 9, 30),
                channel="call", direct=False, note="из старого файла"),
    ]  # fmt: skip
    doc = CasesDocument(LAWYER, MADE, {"cases": [case], "contact_events": contacts})
    page = dossier_html(doc, signer_fingerprint="AB12", created_at=MADE)
    assert "19.07.2024<" in page and "19.07.2024 00:00" not in page
    assert "20.07.2024 18:05" in page
    assert "21.07.2024 09:30" in page  # a bundle without the field: the time is known


@needs_age
def test_a_day_only_contact_stays_so_through_a_bundle(org_a: Workspace, org_b: Workspace) -> None:
    org_a.cases.create("Зайцев Олег Игоревич")
    org_a.contacts.log("CT-0001", datetime(2024, 7, 19), direct=True, time_known=False)
    org_a.contacts.log("CT-0001", datetime(2024, 7, 20, 18, 5), direct=True)
    _receive(org_b, _send(org_a, org_b))
    got = {(e.occurred_at, e.time_known) for e in org_b.contacts.for_case("CT-0001")}
    assert got == {(datetime(2024, 7, 19), False), (datetime(2024, 7, 20, 18, 5), True)}
