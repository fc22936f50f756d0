"""The partner profile: a lawyer's fields, with consent to a partner organisation, mergeable."""

from datetime import date

from casetracker.model import Audience
from casetracker.services.consent import ConsentService
from casetracker.services.workspace import Workspace
from tests.sharing.conftest import (
    ANON_NAME,
    DETAINED_NAME,
    NOT_SHARED_NAME,
    SHARED_NAME,
    consent_case,
    introduce,
    sharing,
)


def test_a_partner_gets_only_relatives_who_agreed_to_partners_and_can_merge_it(
    org_a: Workspace, org_b: Workspace
) -> None:
    ref = consent_case(org_a)  # SHARED_NAME and ANON_NAME ticked "may share with a lawyer"
    people = {r.full_name: r.id for r, _rel in org_a.relatives.for_case(ref)}
    consent = ConsentService(org_a)
    consent.give(ref, Audience.PARTNER, date(2024, 8, 1))
    consent.give(ref, Audience.PARTNER, date(2024, 8, 1), relative_id=people[NOT_SHARED_NAME])
    service = sharing(org_a)
    result = service.export(
        service.select_cases(everything=True),
        profile="partner",
        recipients=[sharing(org_b).keys().age_public_key],
        without_consent_reason=None,  # he agreed to partners: no reason needed
    )
    bundle = sharing(org_b).open(result.data)
    names = sorted(str(r.values["full_name"]) for r in bundle.document.of("relatives"))
    assert names == [NOT_SHARED_NAME]  # a lawyer's consent is not a partner's
    text = bundle.members["cases.json"].decode()
    assert SHARED_NAME not in text and ANON_NAME not in text
    introduce(org_a, org_b)
    report = sharing(org_b).import_bundle(bundle)
    assert report.applied and [c.full_name for c in org_b.cases.rows()] == [DETAINED_NAME]
