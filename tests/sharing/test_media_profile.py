"""The media profile: what a journalist may see, only with the people's media consent."""

from datetime import date

import pytest

from casetracker.model import Audience
from casetracker.services.consent import ConsentService
from casetracker.services.workspace import Workspace
from casetracker.sharing.bundle import OpenedBundle
from casetracker.sharing.dossier_pdf import dossier_html
from casetracker.sharing.errors import BundleError
from tests.sharing.conftest import (
    ANON_HANDLE,
    ANON_NAME,
    ANON_PHONE,
    DETAINED_NAME,
    NOT_SHARED_NAME,
    NOT_SHARED_PHONE,
    SHARED_NAME,
    SHARED_PHONE,
    consent_case,
    sharing,
)


def _media_bundle(org_a: Workspace, org_b: Workspace) -> OpenedBundle:
    ref = consent_case(org_a)
    consent = ConsentService(org_a)
    people = {r.full_name: r.id for r, _rel in org_a.relatives.for_case(ref)}
    consent.give(ref, Audience.MEDIA, date(2024, 8, 1))
    consent.give(ref, Audience.MEDIA, date(2024, 8, 1), relative_id=people[SHARED_NAME])
    consent.give(ref, Audience.MEDIA, date(2024, 8, 1), relative_id=people[ANON_NAME])
    service = sharing(org_a)
    result = service.export(
        service.select_cases(everything=True),
        profile="media",
        recipients=[sharing(org_b).keys().age_public_key],
        without_consent_reason=None,  # he consented: no reason needed
    )
    return sharing(org_b).open(result.data)


def test_a_journalist_gets_names_with_media_consent_and_never_contact_details(
    org_a: Workspace, org_b: Workspace
) -> None:
    bundle = _media_bundle(org_a, org_b)
    text = bundle.members["cases.json"].decode()
    assert DETAINED_NAME in text and SHARED_NAME in text and "в/ч 21005" in text
    for secret in (
        SHARED_PHONE, NOT_SHARED_NAME, NOT_SHARED_PHONE, ANON_NAME, ANON_PHONE, ANON_HANDLE,
        "Брянка", "Двоих увезли", "Фото списка", "CT-0001", "anna",
    ):  # fmt: skip
        assert secret not in text, secret
    doc = bundle.document
    assert doc.profile == "media"
    relationships = sorted(str(link.values["relationship"]) for link in doc.of("case_relatives"))
    assert relationships == ["брат", "отец"]  # the aunt did not agree; the father stays unnamed
    [case] = doc.of("cases")
    assert {"notes", "caseworker", "lawyer", "birth_date", "aliases"}.isdisjoint(case.values)
    assert all("participants" not in c.values for c in doc.of("contact_events"))
    assert str(case.id) not in {str(c.id) for c in org_a.cases.rows()}  # random ids
    dossier = dossier_html(
        doc, signer_fingerprint=bundle.signer_fingerprint, created_at=bundle.manifest.created_at
    )
    assert "Made for media" in dossier and "Caseworker" not in dossier  # no empty rows for it


def test_a_media_bundle_is_never_merged_into_a_vault(org_a: Workspace, org_b: Workspace) -> None:
    bundle = _media_bundle(org_a, org_b)
    with pytest.raises(BundleError, match="made for media"):
        sharing(org_b).import_bundle(bundle)
    assert org_b.cases.count() == 0
