"""Export from one vault, import into another: by UUID, idempotent, conflicts listed."""

import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlmodel import func, select

from casetracker.model import AuditEntry, CaseStatus, Relative
from casetracker.services.bundle_merge import Choice, MergeReport
from casetracker.services.workspace import Workspace
from casetracker.sharing.errors import BundleError
from tests.conftest import PASSPHRASE
from tests.sharing.conftest import (
    KNOWN_AS,
    SHARED_NAME,
    consent_case,
    introduce,
    make_workspace,
    sharing,
)


@pytest.fixture
def org_b(org_a: Workspace, org_b: Workspace) -> Workspace:
    """B knows A: A's signing key is in B's address book."""
    introduce(org_a, org_b)
    return org_b


def _send(source: Workspace, target: Workspace, *refs: str, profile: str = "lawyer") -> bytes:
    service = sharing(source)
    ids = service.select_cases(refs=refs) if refs else service.select_cases(everything=True)
    return service.export(
        ids, profile=profile, recipients=[sharing(target).keys().age_public_key]
    ).data


def _receive(target: Workspace, data: bytes) -> MergeReport:
    service = sharing(target)
    return service.import_bundle(service.open(data))


def _audit_count(ws: Workspace) -> int:
    with ws.reading() as session:
        return session.exec(select(func.count()).select_from(AuditEntry)).one()


def test_round_trip_keeps_uuids_and_the_second_import_changes_nothing(
    org_a: Workspace, org_b: Workspace
) -> None:
    ref = consent_case(org_a)
    data = _send(org_a, org_b)
    first = _receive(org_b, data)
    assert first.added["cases"] == 1 and first.conflicts == []
    original = org_a.cases.get(ref)
    copy = org_b.cases.get(original.id)
    assert (copy.full_name, copy.status, copy.ref) == (original.full_name, original.status, ref)
    assert {r.id for r, _rel in org_b.relatives.for_case(ref)} < {
        r.id for r, _rel in org_a.relatives.for_case(ref)
    }
    assert org_b.cases.rows(search="Smirnov")  # search keys rebuilt on the way in
    org_b.save()
    audit_before = _audit_count(org_b)
    second = _receive(org_b, data)
    assert second.changes == 0 and second.conflicts == [] and second.skipped == []
    assert sum(second.unchanged.values()) == sum(first.added.values())
    assert not org_b.dirty and _audit_count(org_b) == audit_before


def test_a_newer_edit_from_the_sender_is_taken(org_a: Workspace, org_b: Workspace) -> None:
    ref = consent_case(org_a)
    _receive(org_b, _send(org_a, org_b))
    org_a.cases.update(ref, lawyer="адв. Петрова")
    report = _receive(org_b, _send(org_a, org_b))
    assert report.updated["cases"] == 1 and report.conflicts == []
    assert org_b.cases.get(ref).lawyer == "адв. Петрова"


def test_an_edit_on_both_sides_is_listed_as_a_conflict_not_overwritten(
    org_a: Workspace, org_b: Workspace
) -> None:
    ref = consent_case(org_a)
    _receive(org_b, _send(org_a, org_b))
    org_b.cases.update(ref, notes="Адвокат допущен 01.08.")
    org_a.cases.update(ref, notes="Переведён в СИЗО-1.")
    data = _send(org_a, org_b)
    report = _receive(org_b, data)
    [conflict] = report.conflicts
    assert conflict.entity == "cases" and ref in conflict.label
    assert [(d.name, d.ours, d.theirs) for d in conflict.diffs] == [
        ("notes", "Адвокат допущен 01.08.", "Переведён в СИЗО-1.")
    ]
    assert org_b.cases.get(ref).notes == "Адвокат допущен 01.08."
    # The same bundle again: still a conflict, still nothing overwritten.
    assert len(_receive(org_b, data).conflicts) == 1
    sharing(org_b).resolve_conflicts([(conflict, Choice.THEIRS)])
    assert org_b.cases.get(ref).notes == "Переведён в СИЗО-1."
    assert _receive(org_b, data).conflicts == []


def test_keeping_ours_is_remembered(org_a: Workspace, org_b: Workspace) -> None:
    ref = consent_case(org_a)
    _receive(org_b, _send(org_a, org_b))
    org_b.cases.update(ref, notes="ours")
    org_a.cases.update(ref, notes="theirs")
    data = _send(org_a, org_b)
    [conflict] = _receive(org_b, data).conflicts
    sharing(org_b).resolve_conflicts([(conflict, Choice.OURS)])
    again = _receive(org_b, data)
    assert again.conflicts == [] and org_b.cases.get(ref).notes == "ours"
    assert [s.reason for s in again.skipped] == ["kept_ours"]


def test_our_own_later_edit_is_kept_when_the_sender_sends_the_old_version_again(
    org_a: Workspace, org_b: Workspace
) -> None:
    ref = consent_case(org_a)
    data = _send(org_a, org_b)
    _receive(org_b, data)
    org_b.cases.set_status(ref, CaseStatus.RELEASED, on=date(2022, 9, 1))
    report = _receive(org_b, data)
    assert report.conflicts == [] and org_b.cases.get(ref).status is CaseStatus.RELEASED


def test_a_taken_reference_is_renumbered_and_the_case_keeps_its_uuid(
    org_a: Workspace, org_b: Workspace
) -> None:
    ref = consent_case(org_a)
    org_b.cases.create("Другой человек")  # takes CT-0001 in the receiving vault
    report = _receive(org_b, _send(org_a, org_b))
    assert report.renumbered == [(ref, "CT-0002")]
    original = org_a.cases.get(ref)
    assert org_b.cases.get(original.id).ref == "CT-0002"


def test_withheld_fields_never_erase_what_the_vault_knows(
    org_a: Workspace, org_b: Workspace
) -> None:
    """A's own lawyer bundle, imported back into A, leaves the anonymous father's name alone."""
    consent_case(org_a)
    data = (
        sharing(org_a)
        .export(
            sharing(org_a).select_cases(everything=True),
            profile="lawyer",
            recipients=[sharing(org_a).keys().age_public_key],
        )
        .data
    )
    report = _receive(org_a, data)
    assert report.changes == 0 and report.conflicts == []
    with org_a.reading() as session:
        names = {r.full_name for r in session.exec(select(Relative))}
    assert "Анатолий Тайнов" in names and SHARED_NAME in names


def test_a_record_deleted_here_is_not_brought_back(org_a: Workspace, org_b: Workspace) -> None:
    ref = consent_case(org_a)
    data = _send(org_a, org_b)
    _receive(org_b, data)
    event = org_b.contacts.for_case(ref)[0]
    org_b.contacts.delete(event.id)
    report = _receive(org_b, data)
    assert ("contact_events", event.id, "deleted_here") in {
        (s.entity, s.record_id, s.reason) for s in report.skipped
    }
    assert event.id not in {e.id for e in org_b.contacts.for_case(ref)}


def test_a_dry_run_reports_and_writes_nothing(org_a: Workspace, org_b: Workspace) -> None:
    consent_case(org_a)
    service = sharing(org_b)
    data = _send(org_a, org_b)
    org_b.save()  # the receiving vault's keys were just made; start clean
    report = service.preview_import(service.open(data))
    assert report.added["cases"] == 1 and not report.applied
    assert org_b.cases.count() == 0 and not org_b.dirty


def test_an_anonymised_bundle_cannot_be_merged(org_a: Workspace, org_b: Workspace) -> None:
    consent_case(org_a)
    with pytest.raises(BundleError, match="anonymised"):
        _receive(org_b, _send(org_a, org_b, profile="anonymised"))


def test_attachments_travel_encrypted_and_arrive_as_new_blobs(
    org_a: Workspace, org_b: Workspace
) -> None:
    ref = consent_case(org_a)
    case = org_a.cases.get(ref)
    photo = "Список: 34 фамилии".encode()
    attachment = org_a.attachments.add(
        photo, "список.jpg", media_type="image/jpeg", case_id=case.id
    )
    service = sharing(org_a)
    data = service.export(
        service.select_cases(refs=[ref]),
        profile="lawyer",
        recipients=[sharing(org_b).keys().age_public_key],
        with_attachments=True,
    ).data
    bundle = sharing(org_b).open(data)
    assert f"attachments/{attachment.id}.jpg" in bundle.members
    report = sharing(org_b).import_bundle(bundle)
    assert report.added["attachments"] == 1
    [copy] = org_b.attachments.for_case(case.id)
    assert org_b.attachments.read(copy.id) == photo and copy.blob_name != attachment.blob_name
    assert _receive(org_b, data).changes == 0


def test_the_imported_vault_survives_save_and_reopen(
    org_a: Workspace, tmp_path: Path, org_b: Workspace
) -> None:
    ref = consent_case(org_a)
    _receive(org_b, _send(org_a, org_b))
    path = org_b.path
    org_b.close()
    with Workspace.open(path, passphrase=PASSPHRASE) as again:
        assert again.cases.get(ref).full_name == org_a.cases.get(ref).full_name
        assert len(again.contacts.for_case(ref)) == 3


def test_signer_is_recognised_from_the_address_book(org_a: Workspace, org_b: Workspace) -> None:
    consent_case(org_a)
    data = _send(org_a, org_b)
    report = _receive(org_b, data)
    assert report.signer_known_as == KNOWN_AS
    assert report.signer_fingerprint == sharing(org_a).keys().fingerprint
    sharing(org_b).remove_recipient(KNOWN_AS)
    assert sharing(org_b).signer_known_as(sharing(org_b).open(data)) == ""


def test_org_keys_are_made_once_and_kept(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "k.ctvault", "x")
    first = sharing(ws).keys()
    ws.close()
    with Workspace.open(tmp_path / "k.ctvault", passphrase=PASSPHRASE) as again:
        assert sharing(again).keys() == first
        with again.reading() as session:
            history = " ".join(e.changes for e in session.exec(select(AuditEntry)))
        assert "AGE-SECRET-KEY" not in history.upper()


def test_contacts_keep_their_exact_time(org_a: Workspace, org_b: Workspace) -> None:
    ref = consent_case(org_a)
    _receive(org_b, _send(org_a, org_b))
    times = sorted(e.occurred_at for e in org_b.contacts.for_case(ref))
    assert times[0] == datetime(2022, 7, 19, 18, 0)
    assert all(isinstance(e.id, uuid.UUID) for e in org_b.contacts.for_case(ref))
