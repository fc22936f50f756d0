"""Unlocking works out Today's list on its background thread, so the window only shows it."""

from typing import Any

import pytest

from casetracker.gui.start.unlock_page import warmed
from casetracker.services import demo
from casetracker.services import flags as flag_module
from casetracker.services.workspace import Workspace


def test_unlocking_works_out_todays_list_ahead(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo.generate(ws, 10)
    calls: list[int] = []
    real = flag_module.by_subject

    def counting(*args: Any) -> Any:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(flag_module, "by_subject", counting)
    assert warmed(ws) is ws
    assert len(calls) == 1
    ws.flags.open_by_subject()  # what Today asks on the GUI thread
    assert len(calls) == 1


def test_a_vault_whose_today_cannot_be_worked_out_is_closed(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("a bug in grouping the flags")

    monkeypatch.setattr(flag_module, "by_subject", broken)
    with pytest.raises(RuntimeError):
        warmed(ws)
    assert ws.file.closed


def test_the_men_today_names_follow_an_edit(ws: Workspace) -> None:
    case = ws.cases.create("Иванов")
    assert ws.cases.rows_by_id()[case.id].full_name == "Иванов"
    ws.cases.update(case.ref, full_name="Иванов Пётр")
    assert ws.cases.rows_by_id()[case.id].full_name == "Иванов Пётр"
    assert list(ws.cases.rows_by_id().values()) == ws.cases.rows()
