"""Redaction follows consent: proven by searching every member of the decrypted bundle."""

import json
import unicodedata
import zlib

import pytest

from casetracker.services.workspace import Workspace
from casetracker.sharing.bundle import OpenedBundle
from casetracker.sharing.dossier_pdf import dossier_html
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
from tests.sharing.pdf_text import pdf_text, squeezed


def _export(org_a: Workspace, org_b: Workspace, profile: str) -> OpenedBundle:
    consent_case(org_a)
    service = sharing(org_a)
    result = service.export(
        service.select_cases(everything=True),
        profile=profile,
        recipients=[sharing(org_b).keys().age_public_key],
    )
    return sharing(org_b).open(result.data)


def _haystacks(bundle: OpenedBundle) -> dict[str, str]:
    """Every member as text a search can run over: raw, inflated streams, and the PDF's text."""
    out = {}
    for name, data in bundle.members.items():
        out[name] = data.decode("utf-8", "replace")
    pdf = bundle.members["dossier.pdf"]
    inflated = []
    for chunk in pdf.split(b"stream")[1:]:
        try:
            inflated.append(zlib.decompressobj().decompress(chunk.lstrip(b"\r\n")))
        except zlib.error:
            continue
    out["dossier.pdf (streams)"] = b"".join(inflated).decode("latin-1")
    out["dossier.pdf (text)"] = unicodedata.normalize("NFKC", pdf_text(pdf))
    return out


def _forms(needle: str) -> list[str]:
    digits = "".join(ch for ch in needle if ch.isdigit())
    forms = [needle.casefold(), squeezed(needle)]
    if len(digits) >= 5:
        forms.append(digits)
    return forms


def _found(bundle: OpenedBundle, needle: str) -> list[str]:
    hits = []
    for name, text in _haystacks(bundle).items():
        folded, flat = text.casefold(), squeezed(text)
        digits_only = "".join(ch for ch in text if ch.isdigit())
        for form in _forms(needle):
            if form in folded or form in flat or (form.isdigit() and form in digits_only):
                hits.append(name)
                break
    return hits


def test_lawyer_bundle_never_carries_a_withheld_or_anonymous_identity(
    org_a: Workspace, org_b: Workspace
) -> None:
    bundle = _export(org_a, org_b, "lawyer")
    for secret in (NOT_SHARED_NAME, NOT_SHARED_PHONE, ANON_NAME, ANON_PHONE, ANON_HANDLE):
        assert _found(bundle, secret) == [], secret


def test_lawyer_bundle_carries_what_consent_allows(org_a: Workspace, org_b: Workspace) -> None:
    bundle = _export(org_a, org_b, "lawyer")
    # Positive controls: the search (PDF text extraction included) does find what is shared.
    for shared in (DETAINED_NAME, SHARED_NAME, SHARED_PHONE, "Двоих увезли из подвала в СИЗО"):
        assert "cases.json" in _found(bundle, shared), shared
        assert "dossier.pdf (text)" in _found(bundle, shared), shared
    doc = bundle.document
    relatives = doc.of("relatives")
    assert len(relatives) == 2  # the relative without consent is not in the bundle at all
    anonymous = next(r for r in relatives if r.values.get("anonymous"))
    assert "full_name" not in anonymous.values and "phones" not in anonymous.values
    assert {"full_name", "phones", "handles"} <= anonymous.withheld
    links = {r.values["relationship"] for r in doc.of("case_relatives")}
    assert links == {"брат", "отец"}  # the anonymous father keeps the relationship
    hidden_contact = next(c for c in doc.of("contact_events") if c.values["occurred_at"].day == 25)
    assert {"relative_id", "participants"} <= hidden_contact.withheld
    assert "[withheld]" in hidden_contact.values["note"]


def test_anonymised_bundle_keeps_only_what_statistics_need(
    org_a: Workspace, org_b: Workspace
) -> None:
    bundle = _export(org_a, org_b, "anonymised")
    for secret in (
        DETAINED_NAME, "CT-0001", SHARED_NAME, SHARED_PHONE, NOT_SHARED_NAME, ANON_NAME,
        ANON_PHONE, "Двоих увезли", "Фото списка",
    ):  # fmt: skip
        assert _found(bundle, secret) == [], secret
    doc = bundle.document
    [case] = doc.of("cases")
    assert case.values["status"] == "detained"
    # One man alone is unique on anything: his unit, region and every date stay home
    # (k-anonymity, tests/sharing/test_anonymity.py).
    assert {"military_unit", "home_region", "detention_date"} <= case.withheld
    assert "full_name" not in case.values and "notes" not in case.values
    assert doc.of("relatives") == [] and doc.of("case_relatives") == []
    assert "direct" in doc.of("contact_events")[0].values
    assert "occurred_at" in doc.of("contact_events")[0].withheld
    assert "participants" not in doc.of("contact_events")[0].values
    original_ids = {str(c.id) for c in org_a.cases.rows()}
    assert str(case.id) not in original_ids  # pseudonymous ids, new in every export
    assert "cases.json" in _found(bundle, "Подвал комендатуры")  # places are not personal


def test_the_dossier_is_made_from_the_redacted_document_only(
    org_a: Workspace, org_b: Workspace
) -> None:
    bundle = _export(org_a, org_b, "lawyer")
    markup = dossier_html(
        bundle.document,
        signer_fingerprint=bundle.signer_fingerprint,
        created_at=bundle.manifest.created_at,
    )
    assert SHARED_NAME in markup and ANON_NAME not in markup and NOT_SHARED_NAME not in markup
    text = squeezed(unicodedata.normalize("NFKC", pdf_text(bundle.members["dossier.pdf"])))
    assert squeezed(DETAINED_NAME) in text  # Cyrillic is real text in the PDF, not boxes


def test_cases_json_is_the_documented_versioned_shape(org_a: Workspace, org_b: Workspace) -> None:
    bundle = _export(org_a, org_b, "lawyer")
    doc = json.loads(bundle.members["cases.json"])
    assert (doc["format"], doc["version"], doc["profile"]) == ("casetracker-cases", 1, "lawyer")
    assert set(doc["records"]) >= {"cases", "relatives", "contact_events", "custody_periods"}
    manifest = json.loads(bundle.members["manifest.json"])
    assert set(manifest["members"]) == {"cases.json", "dossier.pdf"}
    assert manifest["counts"]["cases"] == 1


@pytest.mark.parametrize("profile", ["anonymised"])
def test_an_anonymised_export_refuses_attachments(org_a: Workspace, profile: str) -> None:
    from casetracker.services.errors import InvalidInput

    consent_case(org_a)
    service = sharing(org_a)
    with pytest.raises(InvalidInput, match="attachments"):
        service.export(
            service.select_cases(everything=True),
            profile=profile,
            recipients=[service.keys().age_public_key],
            with_attachments=True,
        )
