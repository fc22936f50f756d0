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


def test_a_bundle_coming_back_brings_no_consent_for_our_other_cases(
    org_a: Workspace, org_b: Workspace
) -> None:
    """She agreed to a lawyer for her son's case only; she also speaks for her nephew's. A
    lawyer bundle sets the old "may share" tick on her; taken, it would count as consent for
    the nephew's case too. Consent is not taken from bundles."""
    son = org_a.cases.create("Иван Сынов").ref
    nephew = org_a.cases.create("Пётр Племянников")
    aunt = org_a.relatives.create("Ольга Матвеева", phones="+7 900 000-00-00")
    org_a.relatives.link(son, aunt.id, "мать")
    org_a.relatives.link(nephew.ref, aunt.id, "тётя")
    consent = ConsentService(org_a)
    for audience in (Audience.PARTNER, Audience.LAWYER):
        consent.give(son, audience, date(2024, 1, 1))
        consent.give(son, audience, date(2024, 1, 1), relative_id=aunt.id)
    introduce(org_a, org_b)
    introduce(org_b, org_a)
    theirs = sharing(org_b)
    sent = sharing(org_a).export(
        sharing(org_a).select_cases(refs=[son]),
        profile="partner",
        recipients=[theirs.keys().age_public_key],
        without_consent_reason=None,
    )
    theirs.import_bundle(theirs.open(sent.data))
    assert not any(r.share_with_lawyer for r in org_b.relatives.all())  # not taken there either
    # Their own caseworker records her consent to a lawyer for the son: their export ticks her.
    (theirs_son,) = org_b.cases.rows()
    ConsentService(org_b).give(
        theirs_son.ref, Audience.LAWYER, date(2024, 2, 1), relative_id=aunt.id
    )
    back = theirs.export(
        theirs.select_cases(everything=True),
        profile="lawyer",
        recipients=[sharing(org_a).keys().age_public_key],
    )
    opened = sharing(org_a).open(back.data)
    assert any(r.values.get("share_with_lawyer") for r in opened.document.of("relatives"))
    sharing(org_a).import_bundle(opened)
    still = consent.check_export([nephew.id], "lawyer")
    assert [r.name for r in still.relatives_without] == ["Ольга Матвеева"]
