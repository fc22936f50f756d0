"""A stay that ended on a day nobody gave travels as such: the bundle says "ended" with no day,
the receiving vault keeps it, the dossier prints "not known" (never "now"), and a bundle from
before "ended" still reads its closed stays as closed."""

import uuid
from datetime import date, datetime
from typing import Any

import pytest

from casetracker.services.workspace import Workspace
from casetracker.sharing.bundle_schema import (
    LAWYER,
    BundleRecord,
    CasesDocument,
    document_json,
    parse_document,
)
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
    return BundleRecord(id=uuid.uuid4(), values=dict(values), created_at=MADE, updated_at=MADE)


def _stays(*stays: dict[str, Any]) -> CasesDocument:
    case = _record(ref="CT-0001", full_name="Зайцев Олег Игоревич", status="detained")
    place = _record(name="Подвал", kind="basement")
    periods = [_record(case_id=case.id, facility_id=place.id, **s) for s in stays]
    return CasesDocument(
        LAWYER, MADE, {"cases": [case], "facilities": [place], "custody_periods": periods}
    )


def test_the_dossier_says_not_known_for_a_stay_that_ended_on_no_given_day() -> None:
    doc = _stays(
        {"since": date(2024, 7, 1), "until": None, "ended": True, "note": "ушёл"},
        {"since": None, "until": None, "ended": False, "note": "сейчас"},
    )
    page = dossier_html(doc, signer_fingerprint="AB12", created_at=MADE)
    assert ">not known<" in page
    assert page.count(">now<") == 1


def test_a_bundle_before_ended_reads_a_stay_with_an_end_day_as_ended() -> None:
    doc = _stays(
        {"since": date(2024, 7, 1), "until": date(2024, 7, 9), "certainty": "reported"},
        {"since": date(2024, 7, 9), "until": None, "certainty": "reported"},
    )
    old = document_json(doc)
    for record in old["records"]["custody_periods"]:
        assert "ended" not in record  # as an older release wrote it
    read = parse_document(old)
    assert [r.values["ended"] for r in read.of("custody_periods")] == [True, False]


@needs_age
def test_an_unknown_end_day_stays_unknown_through_a_bundle(
    org_a: Workspace, org_b: Workspace
) -> None:
    org_a.cases.create("Зайцев Олег Игоревич")
    basement = org_a.facilities.create("Подвал школы")
    garage = org_a.facilities.create("Гараж")
    org_a.custody.move("CT-0001", basement.id, since=date(2024, 7, 1))
    org_a.custody.move("CT-0001", garage.id)  # no day given
    _receive(org_b, _send(org_a, org_b))
    got = {(p.since, p.until, p.ended) for p in org_b.custody.timeline("CT-0001")}
    assert got == {(date(2024, 7, 1), None, True), (None, None, False)}
    (row,) = org_b.cases.rows()
    assert row.facility_id == garage.id
