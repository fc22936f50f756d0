"""A bundle sent to a colleague and back: a field-level three-way merge against the version
last exchanged (issue 17). Two real vaults; every bundle is a real signed, encrypted file."""

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from casetracker.model import CaseStatus, MergeBase
from casetracker.services.bundle_merge import Choice, MergeReport, remember, remember_sent
from casetracker.services.workspace import Workspace
from casetracker.sharing import strict_json
from tests.sharing.conftest import consent_case, introduce, make_workspace, sharing


@pytest.fixture
def vaults(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    """A and B, each with the other's signing key in its address book."""
    a = make_workspace(tmp_path / "a" / "a.ctvault", "anna")
    b = make_workspace(tmp_path / "b" / "b.ctvault", "boris")
    introduce(a, b)
    introduce(b, a)
    yield a, b
    a.close(save=False)
    b.close(save=False)


def send(source: Workspace, target: Workspace, ref: str, *, recorded: bool = True) -> bytes:
    """Export one case for the target and record it as sent (as the CLI and the GUI do once
    the file is written; a release before schema 6 did not)."""
    service = sharing(source)
    result = service.export(
        service.select_cases(refs=[ref]),
        profile="lawyer",
        recipients=[sharing(target).keys().age_public_key],
    )
    if recorded:
        service.record_disclosure(result)
    return result.data


def receive(target: Workspace, data: bytes) -> MergeReport:
    service = sharing(target)
    return service.import_bundle(service.open(data))


def there_and_back(vaults: tuple[Workspace, Workspace]) -> tuple[Workspace, Workspace, str]:
    a, b = vaults
    ref = consent_case(a)
    assert receive(b, send(a, b, ref)).added["cases"] == 1
    return a, b, ref


def both_name_a_lawyer(vaults: tuple[Workspace, Workspace]) -> tuple[Workspace, str, bytes]:
    """After a round trip, A and B each write another lawyer; B's bundle back to A."""
    a, b, ref = there_and_back(vaults)
    a.cases.update(ref, lawyer="адв. Петрова")
    b.cases.update(ref, lawyer="адв. Сидоров")
    return a, ref, send(b, a, ref)


def test_both_edited_the_same_field_is_a_conflict_and_ours_is_kept(
    vaults: tuple[Workspace, Workspace],
) -> None:
    a, ref, back = both_name_a_lawyer(vaults)
    report = receive(a, back)
    [conflict] = report.conflicts
    assert [(d.name, d.ours, d.theirs) for d in conflict.diffs] == [
        ("lawyer", "адв. Петрова", "адв. Сидоров")
    ]
    assert a.cases.get(ref).lawyer == "адв. Петрова"
    assert len(receive(a, back).conflicts) == 1  # again: still listed, still ours
    assert a.cases.get(ref).lawyer == "адв. Петрова"
    sharing(a).resolve_conflicts([(conflict, Choice.THEIRS)])
    assert a.cases.get(ref).lawyer == "адв. Сидоров"
    again = receive(a, back)
    assert again.conflicts == [] and again.changes == 0


def test_each_field_is_merged_on_its_own(vaults: tuple[Workspace, Workspace]) -> None:
    """Only we changed the status, only they the unit, both the lawyer alike: no conflict. The
    aunt's contact went to B without her name and link: B's copy holds them empty, and that
    erases nothing here."""
    a, b, ref = there_and_back(vaults)
    contacts = {e.id: (e.relative_id, e.participants) for e in a.contacts.for_case(ref)}
    a.cases.set_status(ref, CaseStatus.RELEASED, on=date(2022, 9, 1))
    a.cases.update(ref, lawyer="адв. Петрова")
    b.cases.update(ref, lawyer="адв. Петрова", military_unit="в/ч 99999")
    report = receive(a, send(b, a, ref))
    assert report.conflicts == [] and report.updated["cases"] == 1
    case = a.cases.get(ref)
    assert (case.status, case.lawyer, case.military_unit) == (
        CaseStatus.RELEASED,
        "адв. Петрова",
        "в/ч 99999",
    )
    assert {e.id: (e.relative_id, e.participants) for e in a.contacts.for_case(ref)} == contacts
    assert receive(a, send(b, a, ref)).changes == 0


def test_a_field_sent_redacted_and_edited_there_is_a_conflict_not_our_text_lost(
    vaults: tuple[Workspace, Workspace],
) -> None:
    """The notes name a withheld relative: B got them with the name cut out."""
    a, b, ref = there_and_back(vaults)
    full = a.cases.get(ref).notes
    b.cases.update(ref, notes=b.cases.get(ref).notes + " Звонил адвокат.")
    [conflict] = receive(a, send(b, a, ref)).conflicts
    assert [d.name for d in conflict.diffs] == ["notes"]
    assert a.cases.get(ref).notes == full


def test_an_old_copy_coming_back_does_not_undo_a_newer_edit(
    vaults: tuple[Workspace, Workspace],
) -> None:
    """B's untouched copy (as a third colleague would hold it) arrives after B's edit."""
    a, b, ref = there_and_back(vaults)
    old_copy = send(b, a, ref)
    untouched = receive(a, old_copy)  # what B holds less of (withheld, redacted) is no news
    assert untouched.changes == 0 and untouched.conflicts == [] and untouched.skipped == []
    b.cases.update(ref, lawyer="адв. Сидоров")
    assert receive(a, send(b, a, ref)).updated["cases"] == 1
    report = receive(a, old_copy)
    assert report.changes == 0 and report.conflicts == []
    assert ("cases", "older") in {(s.entity, s.reason) for s in report.skipped}
    assert a.cases.get(ref).lawyer == "адв. Сидоров"


def test_a_record_never_exchanged_that_differs_is_a_conflict_whatever_its_clock(
    vaults: tuple[Workspace, Workspace],
) -> None:
    """A bundle written before bases were kept at export: A knows no ancestor."""
    a, b = vaults
    ref = consent_case(a)
    receive(b, send(a, b, ref, recorded=False))
    a.cases.update(ref, lawyer="адв. Петрова")
    b.cases.update(ref, lawyer="адв. Сидоров")  # later than ours
    [conflict] = [c for c in receive(a, send(b, a, ref)).conflicts if c.entity == "cases"]
    # The notes too: B holds them with a name cut out, and nothing says it did not edit them.
    assert [d.name for d in conflict.diffs] == ["lawyer", "notes"]
    assert a.cases.get(ref).lawyer == "адв. Петрова"


def test_once_ours_is_kept_and_sent_both_sides_agree_and_move_on(
    vaults: tuple[Workspace, Workspace],
) -> None:
    a, b = vaults
    a, ref, back = both_name_a_lawyer(vaults)
    [conflict] = receive(a, back).conflicts
    assert sharing(a).resolve_conflicts([(conflict, Choice.OURS)]) == 0
    to_b = receive(b, send(a, b, ref))  # B changed nothing since: ours is taken there
    assert to_b.conflicts == [] and b.cases.get(ref).lawyer == "адв. Петрова"
    b.cases.update(ref, lawyer="адв. Иванова")
    report = receive(a, send(b, a, ref))
    assert report.conflicts == [] and a.cases.get(ref).lawyer == "адв. Иванова"


def test_a_version_is_recorded_once_and_only_if_it_can_come_back(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "m.ctvault", "anna")
    try:
        ref = consent_case(ws)
        service = sharing(ws)
        for profile in ("media", "lawyer"):
            result = service.export(
                service.select_cases(refs=[ref]),
                profile=profile,
                recipients=[service.keys().age_public_key],
            )
            assert (result.sent == {}) is (profile != "lawyer")
        with ws.session() as session:
            first = remember_sent(session, result.sent)
            assert remember_sent(session, result.sent) == 0  # the same versions again
            # Written in bulk as the merge writes a base one by one: taking it changes nothing.
            for record_id, values, updated_at in result.sent["contact_events"]:
                base = session.get(MergeBase, ("contact_events", record_id))
                assert base is not None and updated_at is not None
                history = {"at": [updated_at.isoformat()], "earlier": {}}
                assert base.versions_seen == strict_json.canonical(history).decode()
                shared = json.loads(values)
                assert not remember(session, "contact_events", record_id, shared, updated_at, base)
        assert first == sum(len(versions) for versions in result.sent.values()) > 0
    finally:
        ws.close(save=False)


def test_a_third_copy_edited_elsewhere_does_not_silently_undo_a_field_taken_since(
    vaults: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    """C got the same version as B, and edits another field after B's edit reached A: C's
    old lawyer is a value A exchanged before, so it is listed, not taken."""
    a, b, ref = there_and_back(vaults)
    c = make_workspace(tmp_path / "c" / "c.ctvault", "clara")
    try:
        introduce(a, c)
        keys = sharing(c).keys()  # in A's address book beside B
        sharing(a).add_recipient("Фонд В", keys.age_public_key, signing_key=keys.signing_key)
        receive(c, send(a, c, ref))
        b.cases.update(ref, lawyer="адв. Сидоров")
        assert receive(a, send(b, a, ref)).updated["cases"] == 1
        c.cases.update(ref, tags="суд")
        report = receive(a, send(c, a, ref))
        [conflict] = report.conflicts
        assert [(d.name, d.ours, d.theirs) for d in conflict.diffs] == [
            ("lawyer", "адв. Сидоров", "")
        ]
        case = a.cases.get(ref)
        assert (case.lawyer, case.tags) == ("адв. Сидоров", "суд")
    finally:
        c.close(save=False)
