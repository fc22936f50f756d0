from datetime import date, datetime

import pytest

from casetracker.model import CaseStatus, Certainty
from casetracker.services.errors import InvalidInput, NotFound
from casetracker.services.workspace import Workspace
from tests.conftest import PASSPHRASE


def test_every_case_gets_a_short_reference_in_order(ws: Workspace) -> None:
    first = ws.cases.create("Смирнов Максим Иванович")
    second = ws.cases.create("Иванов Степан")
    assert (first.ref, second.ref) == ("CT-0001", "CT-0002")


def test_an_imported_reference_is_kept_and_never_reused(ws: Workspace) -> None:
    ws.cases.create("A", ref="ct-0001")
    assert ws.cases.create("B").ref == "CT-0002"
    with pytest.raises(InvalidInput):
        ws.cases.create("C", ref="CT-0002")


def test_a_case_needs_a_name(ws: Workspace) -> None:
    with pytest.raises(InvalidInput):
        ws.cases.create("   ")


def test_unknown_fields_are_refused_in_plain_words(ws: Workspace) -> None:
    case = ws.cases.create("A")
    with pytest.raises(InvalidInput, match="shoe_size"):
        ws.cases.update(case.ref, shoe_size=44)


def test_status_changes_keep_their_history_with_date_and_source(ws: Workspace) -> None:
    case = ws.cases.create("A", status=CaseStatus.REFUSED, refusal_date=date(2022, 7, 8))
    ws.cases.set_status(case.ref, CaseStatus.DETAINED, on=date(2022, 7, 10), source_note="отец")
    history = ws.cases.status_history(case.ref)
    assert [(h.status, h.changed_on) for h in history] == [
        (CaseStatus.REFUSED, date(2022, 7, 8)),
        (CaseStatus.DETAINED, date(2022, 7, 10)),
    ]
    assert history[1].previous_status is CaseStatus.REFUSED
    assert history[1].source_note == "отец"
    assert ws.cases.get(case.ref).status is CaseStatus.DETAINED


def test_last_contact_and_proof_of_life_are_derived_from_the_log(ws: Workspace) -> None:
    case = ws.cases.create("A", status=CaseStatus.DETAINED)
    ws.contacts.log(case.ref, datetime(2022, 7, 19, 18, 0), direct=True)
    ws.contacts.log(case.ref, datetime(2022, 7, 25, 9, 0), direct=False, note="от сослуживца")
    [row] = ws.cases.rows()
    assert row.last_proof_of_life == datetime(2022, 7, 19, 18, 0)
    assert row.last_contact == datetime(2022, 7, 25, 9, 0)


def test_a_contact_can_change_the_status_in_the_same_step(ws: Workspace) -> None:
    case = ws.cases.create("A", status=CaseStatus.DETAINED)
    ws.contacts.log(
        case.ref, datetime(2022, 8, 1, 10), direct=True, new_status=CaseStatus.TRANSFERRED
    )
    assert ws.cases.get(case.ref).status is CaseStatus.TRANSFERRED


def test_search_folds_cyrillic_case(ws: Workspace) -> None:
    ws.cases.create("ЩЕРБАКОВ Юрий", military_unit="в/ч 21005")
    ws.cases.create("Иванов Степан")
    assert [r.full_name for r in ws.cases.rows(search="щербаков")] == ["ЩЕРБАКОВ Юрий"]
    assert [r.full_name for r in ws.cases.rows(search="В/Ч 21005")] == ["ЩЕРБАКОВ Юрий"]


def test_search_crosses_scripts(ws: Workspace) -> None:
    ws.cases.create("Александр Щербаков")
    for query in ("Aleksandr", "alexander", "Shcherbakov", "АЛЕКСАНДР"):
        assert len(ws.cases.rows(search=query)) == 1, query


def test_search_finds_aliases_notes_and_places(ws: Workspace) -> None:
    case = ws.cases.create("Юсупов Дмитрий", aliases="Dima; Yusupov", notes="принудительные работы")
    basement = ws.facilities.create("Подвал комендатуры", settlement="Брянка")
    ws.custody.move(case.ref, basement.id, since=date(2022, 7, 10))
    assert len(ws.cases.rows(search="dima")) == 1
    assert len(ws.cases.rows(search="РАБОТЫ")) == 1
    assert len(ws.cases.rows(search="Bryanka")) == 1
    assert ws.cases.rows(search="Луганск") == []


def test_moving_custody_closes_the_open_period(ws: Workspace) -> None:
    case = ws.cases.create("A", status=CaseStatus.DETAINED)
    basement = ws.facilities.create("Подвал")
    sizo = ws.facilities.create("СИЗО-1")
    ws.custody.move(case.ref, basement.id, since=date(2022, 7, 10))
    ws.custody.move(case.ref, sizo.id, since=date(2022, 7, 20), certainty=Certainty.CONFIRMED)
    first, second = ws.custody.timeline(case.ref)
    assert (first.facility_id, first.until) == (basement.id, date(2022, 7, 20))
    assert (second.facility_id, second.until) == (sizo.id, None)
    assert ws.cases.rows()[0].facility == "СИЗО-1"
    with pytest.raises(InvalidInput):
        ws.custody.move(case.ref, basement.id, since=date(2022, 7, 1))


def test_one_relative_can_speak_for_several_cases(ws: Workspace) -> None:
    a = ws.cases.create("Брат 1")
    b = ws.cases.create("Брат 2")
    father = ws.relatives.create("Юрий Иванов", phones="+7 984 684-91-34")
    ws.relatives.link(a.ref, father.id, "отец")
    ws.relatives.link(b.ref, father.id, "отец")
    assert [c.ref for c in ws.relatives.cases_of(father.id)] == [a.ref, b.ref]
    assert ws.relatives.for_case(a.ref)[0][1] == "отец"


def test_a_source_backs_several_cases_and_a_place(ws: Workspace) -> None:
    cases = [ws.cases.create(f"Задержанный {i}") for i in range(3)]
    basement = ws.facilities.create("Подвал")
    roster = ws.evidence.add_source(
        "Фото списка", cases=[c.ref for c in cases], facilities=[basement.id]
    )
    backed_cases, backed_places = ws.evidence.backed_by(roster.id)
    assert len(backed_cases) == 3 and backed_places[0].id == basement.id
    assert ws.evidence.sources_for_case(cases[0].ref)[0].title == "Фото списка"


def test_unknown_case_is_reported_by_reference(ws: Workspace) -> None:
    with pytest.raises(NotFound, match="CT-9999"):
        ws.cases.get("CT-9999")


def test_every_change_is_in_the_audit_log_with_the_actor(ws: Workspace) -> None:
    from casetracker.services.audit import history

    case = ws.cases.create("A")
    ws.cases.update(case.ref, lawyer="адв. Петрова")
    with ws.reading() as session:
        entries = history(session, case.id)
    actions = [(e.action.value, e.entity, e.actor) for e in entries]
    assert ("create", "Case", "tester") in actions
    update = next(e for e in entries if e.action.value == "update" and e.entity == "Case")
    assert '"lawyer": ["", "адв. Петрова"]' in update.changes


def test_data_survives_save_close_and_reopen(ws: Workspace, vault_path) -> None:
    case = ws.cases.create("Смирнов", status=CaseStatus.DETAINED)
    ws.contacts.log(case.ref, datetime(2022, 7, 19, 12), direct=True)
    ws.close()
    with Workspace.open(vault_path, passphrase=PASSPHRASE) as again:
        [row] = again.cases.rows()
        assert row.full_name == "Смирнов"
        assert row.last_proof_of_life == datetime(2022, 7, 19, 12)


def test_attachments_are_encrypted_blobs_read_back_in_memory(ws: Workspace) -> None:
    source = ws.evidence.add_source("Фото списка")
    secret = "Список: Ершов Николай".encode()
    attachment = ws.attachments.add(
        secret, "list.txt", media_type="text/plain", source_id=source.id
    )
    assert ws.attachments.read(attachment.id) == secret
    blob = ws.attachments.store.root / attachment.blob_name
    assert secret not in blob.read_bytes()
    ws.attachments.delete(attachment.id)
    assert not blob.exists()


def test_case_counts_per_person_come_from_one_query(ws: Workspace) -> None:
    father = ws.relatives.create("Юрий Иванов")
    mother = ws.relatives.create("Мария Иванова")
    for name in ("Брат 1", "Брат 2"):
        ws.relatives.link(ws.cases.create(name).ref, father.id, "отец")
    assert ws.relatives.case_counts() == {father.id: 2}
    assert mother.id not in ws.relatives.case_counts()
