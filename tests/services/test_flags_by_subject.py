"""Today's order: one entry per man or silent place, worst flag first, then longest silent."""

import uuid
from datetime import date, datetime

from casetracker.rules.flag import Flag, Severity
from casetracker.services.flags import by_subject

TODAY = date(2026, 8, 3)


def _flag(
    rule: str, severity: Severity, case: uuid.UUID | None, numbers: dict[str, int] | None = None
) -> Flag:
    figures = numbers or {}
    if case is None:
        return Flag(rule, severity, TODAY, "", facility_id=uuid.uuid4(), numbers=figures)
    return Flag(rule, severity, TODAY, "", case_id=case, case_ref=str(case)[:4], numbers=figures)


def test_a_man_is_one_entry_ordered_by_worst_flag_then_days_without_proof_of_life() -> None:
    quiet, silent, never, warned = (uuid.uuid4() for _ in range(4))
    heard = {
        quiet: datetime(2026, 7, 30),  # 4 days
        silent: datetime(2026, 7, 19, 18, 0),  # 15 days
        never: None,
        warned: datetime(2026, 6, 1),  # 63 days, but only a warning
    }
    flags = [  # worst first, as the rules give them
        _flag("lost_contact", Severity.CRITICAL, quiet),
        _flag("lost_contact", Severity.CRITICAL, silent),
        _flag("whereabouts_unknown", Severity.CRITICAL, never),
        _flag("no_lawyer", Severity.WARNING, warned),
        _flag("no_lawyer", Severity.WARNING, silent),
        _flag("stale_case", Severity.INFO, silent),
    ]
    entries = by_subject(flags, heard, TODAY)
    assert [e.worst.case_id for e in entries] == [never, silent, quiet, warned]
    assert [e.days_silent for e in entries] == [None, 15, 4, 63]
    his = entries[1]
    assert [f.rule for f in his.flags] == ["lost_contact", "no_lawyer", "stale_case"]
    assert [f.rule for f in his.others] == ["no_lawyer", "stale_case"]


def test_a_silent_place_is_an_entry_of_its_own_with_its_days() -> None:
    man = uuid.uuid4()
    place = _flag("facility_silence", Severity.CRITICAL, None, numbers={"days": 16})
    flags = [place, _flag("lost_contact", Severity.CRITICAL, man)]
    entries = by_subject(flags, {man: datetime(2026, 7, 30)}, TODAY)
    assert [(e.worst.rule, e.days_silent) for e in entries] == [
        ("facility_silence", 16),
        ("lost_contact", 4),
    ]
