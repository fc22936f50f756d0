"""The demo vault tells a believable morning story in which every rule speaks."""

import re
from datetime import date, timedelta

import pytest

from casetracker.rules import engine
from casetracker.rules.flag import Flag
from casetracker.services import demo
from casetracker.services.flags import FlagService
from casetracker.services.workspace import Workspace

TODAY = date.today()


@pytest.fixture
def demo_flags(ws: Workspace) -> list[Flag]:
    demo.generate(ws, 60, seed=7, today=TODAY)
    return FlagService(ws).open_flags(TODAY)


def test_every_rule_is_represented(demo_flags: list[Flag]) -> None:
    assert {f.rule for f in demo_flags} == set(engine.BY_ID)


def test_every_message_is_plain_and_concrete(demo_flags: list[Flag]) -> None:
    for flag in demo_flags:
        assert re.search(r"\d", flag.message), flag.message
        assert not re.search(r"[{}_]|None|\d{4}-\d\d-\d\d", flag.message), flag.message
        assert flag.since <= TODAY and flag.subject


def test_the_father_who_last_heard_37_days_ago_is_critical(demo_flags: list[Flag]) -> None:
    [flag] = [f for f in demo_flags if f.case_ref == "CT-0001" and f.rule == "lost_contact"]
    heard = TODAY - timedelta(days=37)
    assert flag.severity.value == "critical"
    assert flag.message == (
        f"No proof of life since {heard:%d.%m.%Y} — 37 days; warning after 7, critical after 14."
    )


def test_the_basement_that_fell_silent_is_flagged_with_its_men(demo_flags: list[Flag]) -> None:
    basement = [f for f in demo_flags if f.rule == "facility_silence" and "CT-0002" in f.case_refs]
    [flag] = basement
    assert {"CT-0002", "CT-0003", "CT-0004"} <= set(flag.case_refs)
    assert flag.severity.value == "critical" and "Possible mass transfer" in flag.message


def test_the_reported_transfers_are_flagged(demo_flags: list[Flag]) -> None:
    moved = {f.case_ref for f in demo_flags if f.rule == "silent_after_transfer"}
    assert moved & {"CT-0005", "CT-0006"}
