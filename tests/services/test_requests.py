"""Requests to official bodies: deadlines per kind, the two flags, the open list, the scan."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from casetracker.model import Attachment, ReplyOutcome, Request, RequestKind
from casetracker.rules.flag import Flag
from casetracker.services import requests
from casetracker.services.errors import InvalidInput
from casetracker.services.workspace import Workspace

SENT = date(2026, 7, 1)
DUE = date(2026, 7, 31)  # 30 days for a prosecutor's office


def _flags(ws: Workspace, on: date, rule: str = "unanswered_request") -> list[Flag]:
    return [f for f in ws.flags.open_flags(on) if f.rule == rule]


def _case(ws: Workspace, name: str = "Иванов Иван") -> str:
    return ws.cases.create(name).ref


def test_unanswered_request_is_flagged_the_day_after_its_due_day(ws: Workspace) -> None:
    ref = _case(ws)
    requests.add(
        ws, ref, kind=RequestKind.MILITARY_PROSECUTOR, sent_on=SENT, outgoing_number="12/7"
    )
    assert _flags(ws, DUE - timedelta(days=1)) == []
    assert _flags(ws, DUE) == []
    (flag,) = _flags(ws, DUE + timedelta(days=1))
    assert flag.case_ref == ref and flag.since == DUE + timedelta(days=1)
    assert flag.numbers["days"] == 1 and flag.numbers["requests"] == 1
    assert "12/7" in flag.message and "31.07.2026" in flag.message
    assert "reminder" in flag.message


def test_a_reply_on_the_due_day_clears_the_flag(ws: Workspace) -> None:
    ref = _case(ws)
    r = requests.add(ws, ref, kind=RequestKind.COMMANDER, sent_on=SENT)
    requests.record_reply(ws, r.id, replied_on=DUE, outcome=ReplyOutcome.ANSWERED)
    assert _flags(ws, DUE + timedelta(days=10)) == []
    assert _flags(ws, DUE + timedelta(days=10), "request_refused") == []


def test_the_deadline_is_the_vaults_setting_for_the_kind(ws: Workspace) -> None:
    ref = _case(ws)
    requests.add(ws, ref, kind=RequestKind.RED_CROSS, sent_on=SENT)
    assert requests.reply_days(ws)[RequestKind.RED_CROSS] == 60
    assert _flags(ws, SENT + timedelta(days=31)) == []  # facts now remembered
    requests.set_reply_days(ws, {RequestKind.RED_CROSS: 10})
    assert requests.reply_days(ws)[RequestKind.RED_CROSS] == 10
    assert requests.reply_days(ws)[RequestKind.COURT] == 30
    assert _flags(ws, SENT + timedelta(days=10)) == []
    assert len(_flags(ws, SENT + timedelta(days=11))) == 1


def test_a_deadline_outside_one_to_365_days_is_refused(ws: Workspace) -> None:
    for bad in (0, 366):
        with pytest.raises(InvalidInput):
            requests.set_reply_days(ws, {RequestKind.COURT: bad})
    assert requests.reply_days(ws)[RequestKind.COURT] == 30


def test_a_refusal_is_flagged_with_the_next_step(ws: Workspace) -> None:
    ref = _case(ws)
    r = requests.add(ws, ref, kind=RequestKind.MILITARY_INVESTIGATORS, sent_on=SENT)
    replied = date(2026, 7, 20)
    requests.record_reply(ws, r.id, replied_on=replied, outcome=ReplyOutcome.REFUSED, text="Отказ")
    assert _flags(ws, replied - timedelta(days=1), "request_refused") == []
    (flag,) = _flags(ws, replied, "request_refused")
    assert flag.since == replied and "complaint" in flag.message
    assert _flags(ws, DUE + timedelta(days=5)) == []  # answered, if badly: not unanswered
    requests.update(ws, r.id, closed=True)
    assert _flags(ws, replied, "request_refused") == []


def test_two_late_requests_are_one_flag_and_a_newly_late_one_shows_it_again(ws: Workspace) -> None:
    ref = _case(ws)
    requests.add(ws, ref, kind=RequestKind.COURT, sent_on=SENT)
    requests.add(ws, ref, kind=RequestKind.HOSPITAL, sent_on=SENT + timedelta(days=2))
    on = DUE + timedelta(days=5)
    (flag,) = _flags(ws, on)
    assert flag.numbers == {"requests": 2, "days": 5, "days_allowed": 30}
    ws.flags.acknowledge("unanswered_request", case=ref, note="reminders sent", as_of=on)
    assert _flags(ws, on) == []
    requests.add(ws, ref, kind=RequestKind.OMBUDSMAN, sent_on=SENT + timedelta(days=10))
    assert _flags(ws, on) == []  # the third is not late yet
    assert _flags(ws, SENT + timedelta(days=40)) == []  # its due day
    later = SENT + timedelta(days=41)
    (again,) = _flags(ws, later)
    assert again.numbers["requests"] == 3


def test_open_requests_across_cases_most_overdue_first(ws: Workspace) -> None:
    a, b = _case(ws, "Петров Пётр"), _case(ws, "Сидоров Сидор")
    late = requests.add(ws, b, kind=RequestKind.MILITARY_PROSECUTOR, sent_on=SENT)
    soon = requests.add(ws, a, kind=RequestKind.COURT, sent_on=SENT + timedelta(days=20))
    far = requests.add(ws, a, kind=RequestKind.RED_CROSS, sent_on=SENT)  # 60 days
    done = requests.add(ws, a, kind=RequestKind.COURT, sent_on=SENT - timedelta(days=90))
    requests.record_reply(ws, done.id, replied_on=SENT, outcome=ReplyOutcome.ANSWERED)
    dropped = requests.add(ws, b, kind=RequestKind.COURT, sent_on=SENT - timedelta(days=90))
    requests.update(ws, dropped.id, closed=True)
    rows = requests.open_requests(ws, as_of=DUE + timedelta(days=3))
    assert [r.id for r in rows] == [late.id, soon.id, far.id]
    assert [r.days_late for r in rows] == [3, -17, -27]
    assert rows[0].case_ref == b


def test_a_reply_scan_is_an_encrypted_case_attachment_kept_when_the_request_goes(
    ws: Workspace, vault_path: Path
) -> None:
    ref = _case(ws)
    r = requests.add(ws, ref, kind=RequestKind.COURT, sent_on=SENT)
    marker = b"%PDF-1.4 reply scan MARKER-REPLY-4711"
    replied = requests.record_reply(
        ws,
        r.id,
        replied_on=DUE,
        outcome=ReplyOutcome.FORWARDED,
        scan=(marker, "/home/x/ответ.pdf", "application/pdf"),
    )
    assert replied.reply_attachment_id is not None
    assert ws.attachments.read(replied.reply_attachment_id) == marker
    (stored,) = ws.attachments.for_case(ws.cases.get(ref).id)
    assert stored.filename == "ответ.pdf"
    ws.save()
    for path in vault_path.parent.rglob("*"):
        if path.is_file():
            assert b"MARKER-REPLY-4711" not in path.read_bytes()
    requests.delete(ws, r.id)
    assert requests.for_case(ws, ref) == []
    assert len(ws.attachments.for_case(ws.cases.get(ref).id)) == 1
    back = requests.restore(ws, replied)
    assert back.reply_attachment_id == stored.id and back.replied_on == DUE


def test_deleting_the_scan_keeps_the_reply(ws: Workspace) -> None:
    ref = _case(ws)
    r = requests.add(ws, ref, kind=RequestKind.COURT, sent_on=SENT)
    requests.record_reply(
        ws, r.id, replied_on=DUE, outcome=ReplyOutcome.ANSWERED, text="Находится в СИЗО",
        scan=(b"scan", "scan.jpg", "image/jpeg"),
    )  # fmt: skip
    with ws.reading() as session:
        (attachment,) = session.exec(select(Attachment)).all()
    ws.attachments.delete(attachment.id)
    kept = requests.get(ws, r.id)
    assert kept.reply_attachment_id is None and kept.reply_text == "Находится в СИЗО"
    assert isinstance(kept, Request)


def test_a_reply_before_the_request_was_sent_is_refused(ws: Workspace) -> None:
    ref = _case(ws)
    r = requests.add(ws, ref, kind=RequestKind.COURT, sent_on=SENT)
    with pytest.raises(InvalidInput):
        requests.record_reply(
            ws, r.id, replied_on=SENT - timedelta(days=1), outcome=ReplyOutcome.ANSWERED
        )
    assert requests.get(ws, r.id).replied_on is None


def test_a_snoozed_late_request_comes_back_when_the_snooze_ends(ws: Workspace) -> None:
    ref = _case(ws)
    requests.add(ws, ref, kind=RequestKind.MILITARY_PROSECUTOR, sent_on=SENT)
    late = DUE + timedelta(days=1)
    ws.flags.acknowledge("unanswered_request", case=ref, note="called", snooze_days=3, as_of=late)
    assert _flags(ws, late + timedelta(days=2)) == []
    assert len(_flags(ws, late + timedelta(days=3))) == 1


def test_deleting_a_case_deletes_its_requests(ws: Workspace) -> None:
    ref = _case(ws)
    requests.add(ws, ref, kind=RequestKind.COURT, sent_on=SENT)
    ws.cases.delete(ws.cases.get(ref).id)
    with ws.reading() as session:
        assert session.exec(select(Request)).all() == []
    assert requests.open_requests(ws, DUE) == []


def test_an_old_request_is_entered_with_its_reply_and_scan_in_one_step(ws: Workspace) -> None:
    ref = _case(ws)
    before = ws.unsaved_changes
    r = requests.add(
        ws, ref, kind=RequestKind.HOSPITAL, sent_on=SENT, replied_on=DUE,
        reply_outcome=ReplyOutcome.PARTIAL, scan=(b"scan", "reply.png", "image/png"),
    )  # fmt: skip
    assert ws.unsaved_changes == before + 1
    assert r.reply_attachment_id is not None and ws.attachments.read(r.reply_attachment_id)
    with pytest.raises(InvalidInput):
        requests.add(ws, ref, kind=RequestKind.COURT, sent_on=SENT, replied_on=DUE)  # no outcome
    assert len(requests.for_case(ws, ref)) == 1


def test_a_request_is_found_by_the_start_of_its_id(ws: Workspace) -> None:
    ref = _case(ws)
    r = requests.add(ws, ref, kind=RequestKind.COURT, sent_on=SENT)
    assert requests.find(ws, r.id.hex[:8].upper()).id == r.id
    assert requests.find(ws, str(r.id)).id == r.id
    with pytest.raises(Exception, match="no request"):
        requests.find(ws, "")


def test_merging_two_cases_of_one_man_keeps_the_requests_of_both(ws: Workspace) -> None:
    from casetracker.services import same_person

    keep, absorb = _case(ws, "Петров Пётр"), _case(ws, "Петров Петр")
    requests.add(ws, keep, kind=RequestKind.COURT, sent_on=SENT)
    requests.add(ws, absorb, kind=RequestKind.MILITARY_PROSECUTOR, sent_on=SENT)
    same_person.merge(ws, keep, absorb)
    assert {r.kind for r in requests.for_case(ws, keep)} == {
        RequestKind.COURT, RequestKind.MILITARY_PROSECUTOR,
    }  # fmt: skip
    (flag,) = _flags(ws, DUE + timedelta(days=1))
    assert flag.case_ref == keep and flag.numbers["requests"] == 2


def test_the_case_timeline_shows_a_request_and_its_reply_on_their_days(ws: Workspace) -> None:
    from casetracker.services.timeline import EntryKind, case_timeline

    ref = _case(ws)
    r = requests.add(ws, ref, kind=RequestKind.COMMANDER, sent_on=SENT, outgoing_number="5")
    requests.record_reply(ws, r.id, replied_on=DUE, outcome=ReplyOutcome.FORWARDED)
    entries = [e for e in case_timeline(ws, ref) if e.record_id == r.id]
    assert [(e.kind, e.day) for e in entries] == [
        (EntryKind.REQUEST_SENT, SENT), (EntryKind.REQUEST_REPLY, DUE),
    ]  # fmt: skip
    assert entries[1].details["outcome"] == ReplyOutcome.FORWARDED
