"""Deleting anything keeps its last values in the audit log (issue 15 item 7)."""

import json
from datetime import date, datetime

from sqlmodel import select

from casetracker.model import AuditAction, AuditEntry, Channel
from casetracker.services.workspace import Workspace


def _deleted(ws: Workspace, entity: str) -> list[dict[str, list[object]]]:
    with ws.reading() as session:
        rows = session.exec(
            select(AuditEntry).where(
                AuditEntry.entity == entity, AuditEntry.action == AuditAction.DELETE
            )
        )
        return [json.loads(e.changes) for e in rows]


def test_a_deleted_contact_keeps_every_last_value(ws: Workspace) -> None:
    case = ws.cases.create("Смирнов Максим")
    event = ws.contacts.log(
        case.ref, datetime(2024, 7, 1, 10, 30), direct=False, channel=Channel.MESSAGE,
        note="звонил отец", participants="отец и сослуживец",
    )  # fmt: skip
    ws.contacts.delete(event.id)
    (changes,) = _deleted(ws, "ContactEvent")
    assert changes["note"] == ["звонил отец", None]
    assert changes["participants"] == ["отец и сослуживец", None]
    assert changes["channel"] == ["message", None]
    assert changes["occurred_at"] == ["2024-07-01T10:30:00", None]
    assert changes["direct"] == [False, None]  # a false fact is still a fact
    assert changes["case_id"] == [str(case.id), None]


def test_a_deleted_case_keeps_its_cascaded_contacts_and_custody(ws: Workspace) -> None:
    case = ws.cases.create("Смирнов Максим", military_unit="в/ч 12345")
    ws.contacts.log(case.ref, datetime(2024, 7, 1, 9), direct=True, note="голос его")
    place = ws.facilities.create("Подвал на Заводской")
    ws.custody.move(case.ref, place.id, since=date(2024, 6, 20), note="со слов отца")
    relative = ws.relatives.create("Смирнова Анна")
    ws.relatives.link(case.ref, relative.id, "мать")
    ws.cases.delete(case.ref)

    (case_changes,) = _deleted(ws, "Case")
    assert case_changes["military_unit"] == ["в/ч 12345", None]
    (contact,) = _deleted(ws, "ContactEvent")
    assert contact["note"] == ["голос его", None]
    assert contact["direct"] == [True, None]
    statuses = _deleted(ws, "StatusChange")
    assert statuses, "the first status row went with the case"
    (custody,) = _deleted(ws, "CustodyPeriod")
    assert custody["note"] == ["со слов отца", None]
    assert custody["since"] == ["2024-06-20", None]
    assert custody["facility_id"] == [str(place.id), None]
    (link,) = _deleted(ws, "CaseRelative")
    assert link["relationship"] == ["мать", None]
    with ws.reading() as session:
        entries = session.exec(
            select(AuditEntry).where(AuditEntry.action == AuditAction.DELETE)
        ).all()
    # Each deleted row once, and each filed under the case it belonged to.
    assert len({e.entity_id for e in entries}) == len(entries)
    assert {e.case_id for e in entries} == {str(case.id)}


def test_a_deletion_keeps_no_secret(ws: Workspace) -> None:
    case = ws.cases.create("A")
    attachment = ws.attachments.add(b"scan", "scan.txt", case_id=case.id)
    ws.attachments.delete(attachment.id)
    (changes,) = _deleted(ws, "Attachment")
    assert changes["filename"] == ["scan.txt", None]
    assert "blob_key" not in changes
