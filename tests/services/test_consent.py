"""Consent per audience, its withdrawal, and what every export does with it."""

import json
import uuid
from datetime import date, timedelta

import pytest
from sqlmodel import select

from casetracker.model import Audience, AuditEntry, Consent, ConsentHow, DisclosureEntry, Relative
from casetracker.services import same_person
from casetracker.services.consent import (
    ConsentNeeded,
    ConsentService,
    adopt_legacy_flags,
    consented,
    disclosures_for_case,
)
from casetracker.services.errors import InvalidInput, NotFound
from casetracker.services.sharing import SharingService
from casetracker.services.workspace import Workspace

MOTHER = "Ольга Согласнова"
UNCLE = "Пётр Молчунов"


def _case(ws: Workspace) -> tuple[str, uuid.UUID, uuid.UUID]:
    case = ws.cases.create("Иван Задержанов", military_unit="в/ч 1", home_region="Тыва")
    mother = ws.relatives.create(MOTHER, phones="+7 900 111-22-33")
    uncle = ws.relatives.create(UNCLE, phones="+7 900 444-55-66")
    ws.relatives.link(case.ref, mother.id, "мать")
    ws.relatives.link(case.ref, uncle.id, "дядя")
    return case.ref, mother.id, uncle.id


def _export(ws: Workspace, ref: str, profile: str = "lawyer", reason: str | None = None) -> bytes:
    service = SharingService(ws)
    result = service.export(
        service.select_cases(refs=[ref]),
        profile=profile,
        recipients=[service.keys().age_public_key],
        without_consent_reason=reason,
    )
    service.record_disclosure(result)
    return result.data


def _opened(ws: Workspace, data: bytes) -> dict[str, list[dict[str, object]]]:
    document = SharingService(ws).open(data).document
    return {key: [r.values for r in records] for key, records in document.records.items()}


def test_consent_is_per_person_and_audience(ws: Workspace) -> None:
    ref, mother, _uncle = _case(ws)
    consent = ConsentService(ws)
    consent.give(ref, Audience.LAWYER, date(2024, 7, 20), how=ConsentHow.THROUGH_RELATIVE,
                 given_through="через мать")  # fmt: skip
    consent.give(
        ref, Audience.MEDIA, date(2024, 7, 21), relative_id=mother, how=ConsentHow.BY_PHONE
    )
    case_id = ws.cases.get(ref).id
    with ws.reading() as session:
        assert consented(session, [case_id], Audience.LAWYER) == {(case_id, None)}
        assert consented(session, [case_id], Audience.MEDIA) == {(case_id, mother)}
        assert consented(session, [case_id], Audience.PARTNER) == set()
    lines = consent.lines(ref)
    assert [(line.person, line.audience) for line in lines] == [
        ("", Audience.LAWYER),
        (MOTHER, Audience.MEDIA),
    ]
    assert lines[0].given_through == "через мать" and lines[1].how is ConsentHow.BY_PHONE


def test_withdrawal_keeps_the_row_and_ends_the_consent(ws: Workspace) -> None:
    ref, mother, _uncle = _case(ws)
    consent = ConsentService(ws)
    given = consent.give(ref, Audience.LAWYER, date(2024, 7, 20), relative_id=mother)
    consent.withdraw(ref, Audience.LAWYER, date(2024, 8, 1), relative_id=mother)
    case_id = ws.cases.get(ref).id
    with ws.reading() as session:
        assert consented(session, [case_id], Audience.LAWYER) == set()
        row = session.get(Consent, given.id)
        assert row is not None and row.given_on == date(2024, 7, 20)
        assert row.withdrawn_on == date(2024, 8, 1)
        audited = session.exec(select(AuditEntry).where(AuditEntry.entity == "Consent")).all()
        assert {e.action.value for e in audited} == {"create", "update"}
        assert all(e.case_id == str(case_id) for e in audited)  # in the case's History
    with pytest.raises(InvalidInput, match="no consent to withdraw"):
        consent.withdraw(ref, Audience.LAWYER, date(2024, 8, 2), relative_id=mother)
    again = consent.give(ref, Audience.LAWYER, date(2024, 9, 1), relative_id=mother)
    assert again.id != given.id and len(consent.lines(ref)) == 2


def test_impossible_days_and_doubles_are_refused_in_words(ws: Workspace) -> None:
    ref, _mother, _uncle = _case(ws)
    consent = ConsentService(ws)
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(InvalidInput, match="future"):
        consent.give(ref, Audience.LAWYER, tomorrow)
    consent.give(ref, Audience.LAWYER, date.today())  # today itself is fine
    with pytest.raises(InvalidInput, match="already recorded"):
        consent.give(ref, Audience.LAWYER, date.today())
    with pytest.raises(InvalidInput, match="before the day it was given"):
        consent.withdraw(ref, Audience.LAWYER, date.today() - timedelta(days=1))
    consent.withdraw(ref, Audience.LAWYER, date.today())  # the same day is fine
    with pytest.raises(NotFound, match="does not speak for this case"):
        consent.give(ref, Audience.LAWYER, date.today(), relative_id=uuid.uuid4())


def test_an_old_tick_counts_until_adopted_and_adopting_twice_adds_nothing(ws: Workspace) -> None:
    ref, mother, _uncle = _case(ws)
    other = ws.cases.create("Второй Сын")
    ws.relatives.link(other.ref, mother, "мать")
    ws.relatives.update(mother, share_with_lawyer=True, share_with_media=True)
    ids = [ws.cases.get(ref).id, other.id]
    with ws.reading() as session:
        assert consented(session, ids, Audience.LAWYER) == {(i, mother) for i in ids}
    assert [line.consent_id for line in ConsentService(ws).lines(ref)] == [None, None]
    with ws.session() as session:
        assert adopt_legacy_flags(session, date(2026, 1, 15)) == 4  # two cases, two audiences
    with ws.session() as session:
        assert adopt_legacy_flags(session, date(2026, 1, 16)) == 0
        rows = session.exec(select(Consent)).all()
        assert {(c.how, c.given_on) for c in rows} == {
            (ConsentHow.RECORDED_BEFORE, date(2026, 1, 15))
        }
        relative = session.get(Relative, mother)
        assert relative is not None and not relative.share_with_lawyer
    with ws.reading() as session:
        assert consented(session, ids, Audience.LAWYER) == {(i, mother) for i in ids}


def test_withdrawing_an_old_tick_turns_it_into_a_row_first(ws: Workspace) -> None:
    ref, mother, _uncle = _case(ws)
    ws.relatives.update(mother, share_with_lawyer=True)
    ConsentService(ws).withdraw(ref, Audience.LAWYER, date.today(), relative_id=mother)
    [line] = ConsentService(ws).lines(ref)
    assert line.how is ConsentHow.RECORDED_BEFORE and line.withdrawn_on == date.today()
    with ws.reading() as session:
        assert consented(session, [ws.cases.get(ref).id], Audience.LAWYER) == set()


def test_an_export_without_the_mans_consent_is_refused_and_logs_nothing(ws: Workspace) -> None:
    ref, _mother, _uncle = _case(ws)
    with pytest.raises(ConsentNeeded) as refused:
        _export(ws, ref)
    assert refused.value.refs == [ref]
    with pytest.raises(ConsentNeeded):
        _export(ws, ref, reason="   ")  # a blank reason is no reason
    with ws.reading() as session:
        assert session.exec(select(DisclosureEntry)).all() == []


def test_an_export_confirmed_without_his_consent_keeps_the_reason(ws: Workspace) -> None:
    ref, _mother, _uncle = _case(ws)
    data = _export(ws, ref, reason="held incommunicado, father asked for a lawyer")
    assert [c["full_name"] for c in _opened(ws, data)["cases"]] == ["Иван Задержанов"]
    case_id = ws.cases.get(ref).id
    with ws.reading() as session:
        [entry] = disclosures_for_case(session, case_id)
    assert entry.without_consent_reason == "held incommunicado, father asked for a lawyer"


def test_relatives_without_consent_are_withheld_and_counted_in_the_log(ws: Workspace) -> None:
    ref, mother, _uncle = _case(ws)
    consent = ConsentService(ws)
    consent.give(ref, Audience.LAWYER, date(2024, 7, 20))
    consent.give(ref, Audience.LAWYER, date(2024, 7, 20), relative_id=mother)
    records = _opened(ws, _export(ws, ref))
    assert [r["full_name"] for r in records["relatives"]] == [MOTHER]
    assert records["relatives"][0]["share_with_lawyer"] is True  # what she agreed to travels
    assert UNCLE not in json.dumps(records, ensure_ascii=False, default=str)
    consent.withdraw(ref, Audience.LAWYER, date.today(), relative_id=mother)
    assert _opened(ws, _export(ws, ref))["relatives"] == []
    with ws.reading() as session:
        newest, first = disclosures_for_case(session, ws.cases.get(ref).id)
    assert (first.relatives_withheld, newest.relatives_withheld) == (1, 2)
    assert first.without_consent_reason == ""


def test_the_disclosure_entry_names_the_recipient_by_fingerprint_and_keeps_no_file(
    ws: Workspace,
) -> None:
    ref, _mother, _uncle = _case(ws)
    ConsentService(ws).give(ref, Audience.LAWYER, date(2024, 7, 20))
    service = SharingService(ws)
    lawyer = service.add_recipient("Адвокат Правдин", service.keys().age_public_key)
    result = service.export(
        service.select_cases(refs=[ref]), profile="lawyer", recipients=[lawyer.name]
    )
    service.record_disclosure(result)
    [(logged_ref, entry)] = ConsentService(ws).disclosures()
    fingerprint = service.keys().age_fingerprint
    assert logged_ref == ref and entry.recipients == f"Адвокат Правдин ({fingerprint})"
    assert entry.profile == "lawyer" and entry.sent_by == "tester"
    assert json.loads(entry.counts)["cases"] == 1
    assert entry.signer_fingerprint == service.keys().fingerprint
    kept = {k: v for k, v in entry.model_dump().items() if isinstance(v, str)}
    assert not any(".age" in v or "/" in v for v in kept.values())  # no file name, no path


def test_a_statistics_export_asks_for_statistics_consent(ws: Workspace) -> None:
    ref, _mother, _uncle = _case(ws)
    ConsentService(ws).give(ref, Audience.LAWYER, date(2024, 7, 20))
    with pytest.raises(ConsentNeeded):
        _export(ws, ref, profile="anonymised")
    ConsentService(ws).give(ref, Audience.STATISTICS, date(2024, 7, 20))
    _export(ws, ref, profile="anonymised")
    [(_ref, entry)] = ConsentService(ws).disclosures(ref)
    assert entry.profile == "anonymised" and entry.without_consent_reason == ""


def test_a_withdrawal_ends_both_consents_two_merged_cases_brought(ws: Workspace) -> None:
    """Each case had the man's and his mother's consent to a lawyer; after a merge the kept case
    holds two standing rows of each. One withdrawal must end both, else an export still counts
    a consent the person took back."""
    a, b = ws.cases.create("Иван Петров"), ws.cases.create("Иван Петров")
    mother = ws.relatives.create(MOTHER)
    service = ConsentService(ws)
    for case, day in ((a, date(2024, 1, 1)), (b, date(2024, 2, 1))):
        ws.relatives.link(case.ref, mother.id, "мать")
        service.give(case.ref, Audience.LAWYER, day)
        service.give(case.ref, Audience.LAWYER, day, relative_id=mother.id)
    same_person.merge(ws, a.ref, b.ref)
    withdrawn = service.withdraw(a.ref, Audience.LAWYER, date(2024, 3, 1))
    service.withdraw(a.ref, Audience.LAWYER, date(2024, 3, 1), relative_id=mother.id)
    assert len(withdrawn) == 2
    check = service.check_export([a.id], "lawyer")
    assert [ref for _id, ref in check.men_without] == [a.ref]
    assert [r.name for r in check.relatives_without] == [MOTHER]
    service.undo_withdraw([c.id for c in withdrawn])  # Ctrl+Z gives back both
    assert service.check_export([a.id], "lawyer").men_without == []
