"""What the app keeps about an open vault besides its database (`storage.vault_state`) is worked
out from the caseworkers' data, names among it: a lock, a close or a restored backup drops it
at once, not whenever the garbage collector gets to the engine."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from casetracker import i18n
from casetracker.services.duplicates import possible_duplicates
from casetracker.services.workspace import Workspace, load_engine
from casetracker.storage.kdf import FLOOR

PASSPHRASE = "a long enough passphrase"


def _used(ws: Workspace) -> None:
    """Edit and browse as a caseworker would: the case list, flags, duplicates."""
    ws.cases.create("Цыбиков Баир Олегович")
    ws.cases.create("Tsybikov Bair Olegovich")
    ws.cases.rows()
    ws.flags.open_by_subject()
    assert possible_duplicates(ws)


def test_closing_a_vault_forgets_what_was_worked_out_from_it(tmp_path: Path) -> None:
    ws, _ = Workspace.create(tmp_path / "v.ctvault", PASSPHRASE, kdf=FLOOR)
    _used(ws)
    held = ws.state.held()
    assert "duplicates" in held and "ledger" in held and len(held) > 3
    assert i18n.format_date(date(2024, 3, 17))  # as the flags and lists word a day
    ws.close()
    assert ws.state.held() == []
    assert i18n._formatted.cache_info().currsize == 0  # the vault's days, too


def test_a_restored_backup_starts_from_nothing_remembered(tmp_path: Path) -> None:
    ws, _ = Workspace.create(tmp_path / "v.ctvault", PASSPHRASE, kdf=FLOOR)
    try:
        ws.save()
        _used(ws)
        before = ws.state
        assert before.held()
        ws.adopt_engine(load_engine(*ws.file.contents()))
        assert before.held() == [] and ws.state is not before
        assert [row.full_name for row in ws.cases.rows()] == []  # the file's state, not the old one
    finally:
        ws.close(save=False)


def test_each_vault_keeps_its_own(tmp_path: Path) -> None:
    one, _ = Workspace.create(tmp_path / "one.ctvault", PASSPHRASE, kdf=FLOOR)
    two, _ = Workspace.create(tmp_path / "two.ctvault", PASSPHRASE, kdf=FLOOR)
    try:
        _used(one)
        assert one.state is not two.state and two.state.held() == []
        two.close()
        assert one.state.held() and len(one.cases.rows()) == 2
    finally:
        one.close(save=False)


def test_a_value_worked_out_across_a_forget_is_not_kept(tmp_path: Path) -> None:
    """A job still computing when the vault is locked (or a backup restored) hands its value
    to its caller, but the state does not keep it."""
    ws, _ = Workspace.create(tmp_path / "v.ctvault", PASSPHRASE, kdf=FLOOR)
    try:
        ws.cases.create("Цыбиков Баир Олегович")

        def names_then_locked() -> list[str]:
            names = [row.full_name for row in ws.cases.rows()]
            ws.state.forget()  # the lock lands while this job computes
            return names

        assert ws.state.remembered("names", names_then_locked) == ["Цыбиков Баир Олегович"]
        assert "names" not in ws.state.held()
    finally:
        ws.close(save=False)
