"""The evaluated flags are remembered until the vault changes, per day and interface language."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from casetracker import i18n
from casetracker.rules import engine
from casetracker.services import demo
from casetracker.services.workspace import Workspace


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    seen: list[date] = []
    real = engine.evaluate

    def counting(facts, thresholds, as_of):  # type: ignore[no-untyped-def]
        seen.append(as_of)
        return real(facts, thresholds, as_of)

    monkeypatch.setattr(engine, "evaluate", counting)
    return seen


def test_flags_are_worked_out_once_until_something_changes(ws: Workspace, runs: list[date]) -> None:
    demo.generate(ws, 20)
    first = ws.flags.evaluate()
    assert ws.flags.evaluate() == first
    ws.flags.open_flags()
    assert len(runs) == 1

    ws.settings.set("lost_contact.held_warning_days", 3)  # thresholds live in the vault
    after_setting = ws.flags.evaluate()
    assert len(runs) == 2
    assert after_setting != first

    ref = ws.cases.rows()[0].ref
    ws.contacts.log(ref, datetime.now().replace(microsecond=0), direct=True)
    ws.flags.evaluate()
    assert len(runs) == 3


def test_another_day_or_language_is_worked_out_again(
    ws: Workspace, runs: list[date], monkeypatch: pytest.MonkeyPatch
) -> None:
    demo.generate(ws, 5)
    ws.flags.evaluate(date(2026, 11, 20))
    ws.flags.evaluate(date(2026, 11, 21))
    assert runs == [date(2026, 11, 20), date(2026, 11, 21)]
    english = ws.flags.evaluate(date(2026, 11, 20))
    assert len(runs) == 2
    monkeypatch.setattr(i18n, "_translate", i18n.english)  # what install() would do …
    monkeypatch.setattr(i18n, "_generation", i18n.generation() + 1)  # … and its new generation
    assert ws.flags.evaluate(date(2026, 11, 20)) == english
    assert len(runs) == 3


def test_callers_cannot_change_what_is_remembered(ws: Workspace) -> None:
    demo.generate(ws, 10)
    flags = ws.flags.evaluate()
    assert flags
    flags.clear()
    assert ws.flags.evaluate()


def test_warming_a_vault_works_out_the_first_screen_ahead(ws: Workspace, runs: list[date]) -> None:
    """Unlocking calls warm() on its background thread; the window then finds it all done."""
    demo.generate(ws, 10)
    assert ws.warm() is ws
    assert len(runs) == 1
    ws.flags.open_flags()
    ws.cases.rows()
    assert len(runs) == 1


def test_a_vault_that_cannot_be_warmed_is_closed(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("a bug in a rule")

    monkeypatch.setattr(engine, "evaluate", broken)
    with pytest.raises(RuntimeError):
        ws.warm()
    assert ws.file.closed
