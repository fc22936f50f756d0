"""Uncertain dates leave the vault as written: a lawyer's copy keeps "about July 2024", the
anonymised one keeps only the year, a bundle from before uncertain dates still reads."""

import json
import uuid
from datetime import date, datetime

import pytest

from casetracker.model.uncertain_date import UncertainDate
from casetracker.services.uncertain_dates import read
from casetracker.services.workspace import Workspace
from casetracker.sharing.bundle_schema import (
    LAWYER,
    BundleRecord,
    CasesDocument,
    dump_document,
    load_document,
)
from casetracker.sharing.dossier_pdf import dossier_html, render_dossier
from casetracker.sharing.errors import BundleFormatError
from casetracker.sharing.redaction import ANONYMISED_PROFILE, LAWYER_PROFILE, MEDIA_PROFILE
from tests.sharing.conftest import introduce, needs_age
from tests.sharing.pdf_text import pdf_text, squeezed
from tests.sharing.test_roundtrip import _receive, _send

MADE = datetime(2025, 3, 1, 12, 0)
JULY = UncertainDate.month(2024, 7, approximate=True)


def _record(**values: object) -> BundleRecord:
    return BundleRecord(uuid.uuid4(), dict(values), created_at=MADE, updated_at=MADE)


def _document() -> CasesDocument:
    case = _record(
        ref="CT-0001",
        full_name="Зайцев Олег Игоревич",
        status="detained",
        detention_date=date(2024, 7, 1),
        detention_date_edtf="2024-07~",
        birth_date=date(1990, 1, 1),
        birth_date_edtf="1990",
        refusal_date=date(2024, 6, 30),
        refusal_date_edtf="../2024-06-30",
    )
    contact = _record(
        case_id=case.id,
        occurred_at=datetime(2024, 7, 1),
        time_known=False,
        occurred_at_edtf="2024-07-01/2024-07-08",
        channel="call",
        direct=True,
    )
    change = _record(
        case_id=case.id, status="detained", changed_on=date(2024, 7, 1), changed_on_edtf="2024-07~"
    )
    return CasesDocument(
        LAWYER,
        MADE,
        {"cases": [case], "contact_events": [contact], "status_changes": [change]},
    )


def test_the_dossier_shows_uncertain_dates_in_words() -> None:
    page = dossier_html(_document(), signer_fingerprint="AB12", created_at=MADE)
    for words in (
        "about July 2024",
        "1990",
        "before 30 June 2024",
        "between 1 and 8 July 2024",
    ):
        assert words in page
    assert "01.07.2024" not in page  # the earliest day is never passed off as the day


def test_the_dossier_pdf_itself_prints_the_words() -> None:
    pdf = render_dossier(_document(), signer_fingerprint="AB12", created_at=MADE)
    text = squeezed(pdf_text(pdf))
    assert squeezed("about July 2024") in text
    assert squeezed("between 1 and 8 July 2024") in text


def test_a_bundle_without_codes_reads_every_day_as_exact() -> None:
    doc = _document()
    raw = json.loads(dump_document(doc))
    for record in raw["records"]["cases"] + raw["records"]["contact_events"]:
        for name in [n for n in record if n.endswith("_edtf")]:
            del record[name]
    old = load_document(json.dumps(raw).encode())
    # Read as exact: merged over a record of ours, it leaves no "July" code beside its day.
    case = old.records["cases"][0].values
    assert case["detention_date_edtf"] == "" and "birth_date_edtf" in case
    page = dossier_html(old, signer_fingerprint="AB12", created_at=MADE)
    assert "01.07.2024" in page and "about July 2024" not in page.split("Status history")[0]


@pytest.mark.parametrize(
    ("code", "says"),
    [("2024-13", "date code"), ("soon", "date code"), ("2024-08~", "does not match")],
)
def test_a_forged_or_inconsistent_code_is_refused(code: str, says: str) -> None:
    raw = json.loads(dump_document(_document()))
    raw["records"]["cases"][0]["detention_date_edtf"] = code
    with pytest.raises(BundleFormatError, match=says):
        load_document(json.dumps(raw).encode())


def test_which_profiles_carry_the_codes() -> None:
    assert "detention_date_edtf" in LAWYER_PROFILE.fields["cases"]
    assert "occurred_at_edtf" in LAWYER_PROFILE.fields["contact_events"]
    assert "detention_date_edtf" in MEDIA_PROFILE.fields["cases"]
    # The anonymised profile keeps only the year: no code, which could narrow it again.
    assert not any(
        name.endswith("_edtf") for names in ANONYMISED_PROFILE.fields.values() for name in names
    )


@needs_age
def test_uncertain_dates_survive_a_lawyer_bundle(org_a: Workspace, org_b: Workspace) -> None:
    introduce(org_a, org_b)
    org_a.cases.create("Зайцев Олег Игоревич", detention_date=JULY)
    org_a.contacts.log("CT-0001", UncertainDate.before(date(2024, 9, 1)), direct=False)
    _receive(org_b, _send(org_a, org_b))
    case = org_b.cases.get("CT-0001")
    assert read(case, "detention_date") == JULY
    (contact,) = org_b.contacts.for_case("CT-0001")
    assert read(contact, "occurred_at") == UncertainDate.before(date(2024, 9, 1))


def test_a_withheld_code_is_not_made_exact() -> None:
    raw = json.loads(dump_document(_document()))
    record = raw["records"]["cases"][0]
    del record["detention_date_edtf"]
    record["withheld"] = ["detention_date_edtf"]
    doc = load_document(json.dumps(raw).encode())
    assert "detention_date_edtf" not in doc.records["cases"][0].values
