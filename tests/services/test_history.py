"""A case's history: relatives' edits in each of his cases, filters, old → new in words."""

import time
from datetime import date, datetime, timedelta

import pytest
from sqlmodel import select

from casetracker.model import AuditEntry, CaseStatus
from casetracker.services import history
from casetracker.services.history import HistoryFilter, HistoryKind
from casetracker.services.workspace import Workspace


def _lines(ws: Workspace, ref: str, keep: HistoryFilter | None = None) -> list[str]:
    return [
        f"{e.what}: {e.changes_text(day=date.isoformat)}"
        for e in history.case_history(ws, ref, keep)
    ]


def test_a_relative_edit_shows_in_the_history_of_each_of_his_cases(ws: Workspace) -> None:
    first, second = ws.cases.create("Смирнов Максим"), ws.cases.create("Смирнов Олег")
    other = ws.cases.create("Петров Иван")
    father = ws.relatives.create("Смирнов Пётр", phones="+7 900 000-00-01")
    ws.relatives.link(first.ref, father.id, "отец")
    ws.relatives.link(second.ref, father.id, "отец")
    ws.relatives.update(father.id, phones="+7 900 000-00-02")
    edit = "relative changed (Смирнов Пётр): phones: +7 900 000-00-01 → +7 900 000-00-02"
    assert edit in _lines(ws, first.ref)
    assert edit in _lines(ws, second.ref)
    assert edit not in _lines(ws, other.ref)
    assert "relative link added (Смирнов Пётр): relationship: отец" in _lines(ws, second.ref)


def test_a_deleted_relative_stays_in_the_history_of_his_cases(ws: Workspace) -> None:
    case = ws.cases.create("Смирнов Максим")
    mother = ws.relatives.create("Смирнова Анна", city="Пермь")
    ws.relatives.link(case.ref, mother.id, "мать")
    with ws.session() as session:
        session.delete(session.get(type(mother), mother.id))
    lines = _lines(ws, case.ref)
    (gone,) = [line for line in lines if line.startswith("relative deleted (Смирнова Анна): ")]
    assert "city: Пермь;" in gone and "name: Смирнова Анна" in gone
    assert "relative link deleted: relationship: мать" in lines


def test_old_and_new_values_in_words(ws: Workspace) -> None:
    case = ws.cases.create("Смирнов Максим", military_unit="в/ч 1")
    ws.cases.update(case.ref, military_unit="в/ч 2", detention_date=date(2024, 7, 8))
    ws.cases.set_status(case.ref, CaseStatus.DETAINED, on=date(2024, 7, 8))
    (changed,) = [
        e for e in history.case_history(ws, case.ref)
        if e.action == "update" and "military_unit" in {c.name for c in e.changes}
    ]  # fmt: skip
    assert changed.changes_text(day=date.isoformat) == (
        "detention date: — → 2024-07-08; military unit: в/ч 1 → в/ч 2"
    )
    (status,) = [
        e for e in history.case_history(ws, case.ref, HistoryFilter(text="detained"))
        if e.entity == "StatusChange"
    ]  # fmt: skip
    assert "status: Detained" in status.changes_text()


def test_long_texts_are_shortened_only_when_asked(ws: Workspace) -> None:
    case = ws.cases.create("A")
    ws.cases.update(case.ref, notes="слово " * 40)
    (entry,) = [e for e in history.case_history(ws, case.ref) if e.action == "update"]
    assert len(entry.changes_text(limit=30)) < 60 and entry.changes_text(limit=30).endswith("…")
    assert entry.changes_text().count("слово") == 40


def test_filters_by_kind_who_text_and_days(ws: Workspace) -> None:
    case = ws.cases.create("Смирнов Максим")
    ws.contacts.log(case.ref, datetime(2024, 7, 1, 9), direct=True, note="голос бодрый")
    ws.actor = "Анна"
    ws.cases.update(case.ref, lawyer="Кузнецов")
    every = history.case_history(ws, case.ref)
    assert {e.actor for e in every} == {"tester", "Анна"}

    def kinds(keep: HistoryFilter) -> set[HistoryKind]:
        return {e.kind for e in history.case_history(ws, case.ref, keep)}

    assert kinds(HistoryFilter(kinds=frozenset({HistoryKind.CONTACTS}))) == {HistoryKind.CONTACTS}
    assert kinds(HistoryFilter(who="анна")) == {HistoryKind.CASE}
    assert kinds(HistoryFilter(text="БОДРЫЙ")) == {HistoryKind.CONTACTS}
    assert kinds(HistoryFilter(text="lawyer кузнецов")) == {HistoryKind.CASE}
    # The day of the entries is kept from both ends; the day before or after is not.
    today = every[0].at.date()
    assert len(history.case_history(ws, case.ref, HistoryFilter(since=today, until=today))) == (
        len(every)
    )
    assert history.case_history(ws, case.ref, HistoryFilter(since=today + timedelta(1))) == []
    assert history.case_history(ws, case.ref, HistoryFilter(until=today - timedelta(1))) == []
    assert history.actors(every) == ["Анна", "tester"] or history.actors(every) == [
        "tester",
        "Анна",
    ]


def test_an_uncertain_date_code_is_folded_into_its_date() -> None:
    (change,) = history.field_changes(
        "Case", '{"detention_date": [null, "2024-07-01"], "detention_date_edtf": [null, "2024-07"]}'
    )
    assert (change.name, change.new, change.new_code) == ("detention_date", "2024-07-01", "2024-07")
    assert change.new_words() == "July 2024"
    (made_exact,) = history.field_changes("Case", '{"detention_date_edtf": ["2024-07", ""]}')
    assert made_exact.label == "detention date"
    assert (made_exact.old_words(), made_exact.new_words()) == ("July 2024", "the exact day")


def test_a_contact_known_only_by_day_shows_the_day_alone(ws: Workspace) -> None:
    case = ws.cases.create("A")
    ws.contacts.log(case.ref, datetime(2024, 7, 1, 15), direct=True, time_known=False)
    (contact,) = history.case_history(ws, case.ref, HistoryFilter(kinds=frozenset({"contacts"})))  # type: ignore[arg-type]
    assert "when: 2024-07-01" in contact.changes_text(day=date.isoformat)


def test_russian_labels(ws: Workspace, russian_hook: None) -> None:
    case = ws.cases.create("A", military_unit="в/ч 1")
    ws.cases.update(case.ref, military_unit="в/ч 2")
    (changed,) = [e for e in history.case_history(ws, case.ref) if e.action == "update"]
    assert changed.what == "дело: изменено"
    assert "воинская часть: в/ч 1 → в/ч 2" in changed.changes_text()
    assert history.kind_label(HistoryKind.CONSENT) == "Согласия и передача данных"


@pytest.fixture
def russian_hook() -> object:
    from casetracker import i18n
    from casetracker.i18n import catalog

    catalog.install_for_cli({"CASETRACKER_LANGUAGE": "ru"})
    yield
    i18n.install()


def test_audit_rows_without_a_case_are_not_shown(ws: Workspace) -> None:
    ws.facilities.create("Подвал")
    case = ws.cases.create("A")
    with ws.reading() as session:
        assert session.exec(select(AuditEntry).where(AuditEntry.case_id == "")).first()
    assert all(e.entity != "Facility" for e in history.case_history(ws, case.ref))


def test_consent_and_same_person_links_read_in_words(ws: Workspace) -> None:
    from casetracker.model.consent import Audience, ConsentHow
    from casetracker.model.same_person import SameCertainty
    from casetracker.services import same_person
    from casetracker.services.consent import ConsentService

    case, other = ws.cases.create("Смирнов Максим"), ws.cases.create("Смирнов М.")
    ConsentService(ws).give(case.ref, Audience.LAWYER, date(2024, 7, 1), how=ConsentHow.BY_PHONE)
    same_person.mark_same(ws, case.ref, other.ref, SameCertainty.LIKELY, "одна часть")
    lines = _lines(ws, case.ref)
    (consent,) = [line for line in lines if line.startswith("consent added")]
    assert consent == (
        "consent added: who may see it: a lawyer; given on: 2024-07-01; how it was given: by phone"
    )
    (link,) = [line for line in lines if line.startswith("same-person link added (CT-0002)")]
    assert "verdict: the same man" in link and "how sure: likely" in link
    assert any(
        line.startswith("same-person link added (CT-0001)") for line in _lines(ws, other.ref)
    )
    consents = history.case_history(
        ws, case.ref, HistoryFilter(kinds=frozenset({HistoryKind.CONSENT}))
    )
    assert [e.entity for e in consents] == ["Consent"]


def test_a_disclosure_says_what_left_and_to_whom(ws: Workspace) -> None:
    from casetracker.services.consent import Disclosure, record_disclosures

    case = ws.cases.create("Смирнов Максим")
    sent = Disclosure(
        case_ids=[case.id], profile="lawyer", recipients=[("Адвокат", "AB12 CD34")],
        with_passphrase=False, counts={"cases": 1, "contact_events": 4},
        relatives_withheld={}, without_consent=[], reason="", signer_fingerprint="EF56",
    )  # fmt: skip
    with ws.session() as session:
        record_disclosures(session, sent, ws.actor)
    keep = HistoryFilter(kinds=frozenset({HistoryKind.CONSENT}))
    (line,) = [e.changes_text() for e in history.case_history(ws, case.ref, keep)]
    assert "what was sent: 1 case, 4 contacts in the log" in line
    assert "recipients: Адвокат (AB12 CD34)" in line


def test_an_uncertain_date_made_exact_reads_as_both_dates(ws: Workspace) -> None:
    from casetracker.model.uncertain_date import UncertainDate

    case = ws.cases.create("A")
    ws.cases.update(case.ref, detention_date=UncertainDate.month(2024, 7, approximate=True))
    ws.cases.update(case.ref, detention_date=date(2024, 7, 1))  # the earliest day stays
    made_exact, uncertain = [
        e.changes_text(day=date.isoformat)
        for e in history.case_history(ws, case.ref)
        if e.action == "update"
    ]
    assert uncertain == "detention date: — → about July 2024"
    assert made_exact == "detention date: about July 2024 → 2024-07-01"


def test_history_shows_the_moment_on_this_computers_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The log keeps naive UTC; a caseworker in Moscow reads 00:30 for an entry at 21:30 UTC."""
    monkeypatch.setenv("TZ", "Europe/Moscow")
    time.tzset()
    try:
        assert history.local_time(datetime(2024, 7, 1, 21, 30)) == datetime(2024, 7, 2, 0, 30)
    finally:
        monkeypatch.undo()
        time.tzset()
