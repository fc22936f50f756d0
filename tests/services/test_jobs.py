"""Background jobs over an open vault: cancelled promptly, waited for before the vault closes,
and the changes not yet on disk counted (issue 14, items 1 and 8); closing forgets what a job
compiled from the vault."""

import errno
import re
import threading
from collections.abc import Callable
from typing import Any

import pytest

from casetracker import cancellation
from casetracker.cancellation import Cancelled, CancelToken
from casetracker.services.spreadsheet_import import SpreadsheetImportService
from casetracker.services.workspace import Workspace
from casetracker.storage.errors import SaveFailed
from casetracker.storage.vault_file import VaultFile
from tests.sharing.conftest import NOT_SHARED_NAME, consent_case


def _in_thread(ws: Workspace, job: Callable[[], Any], token: CancelToken | None) -> list[Any]:
    """Run ``job`` as a job of ``ws`` on a thread; the list gets its result or exception."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            with ws.jobs.running(token):
                outcome.append(job())
        except Exception as exc:
            outcome.append(exc)

    threading.Thread(target=run, daemon=True).start()
    return outcome


def test_a_cancelled_job_runs_no_further_sql_and_closing_waits_for_it(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws.cases.create("Testov Ivan")
    inside, release = threading.Event(), threading.Event()
    disposed_while_inside: list[bool] = []

    def job() -> int:
        inside.set()
        release.wait(10)  # still inside when the vault begins to close
        return len(ws.cases.rows())  # a statement after the cancel: refused

    outcome = _in_thread(ws, job, CancelToken())
    assert inside.wait(10)
    real_dispose = ws.engine.dispose

    def dispose(*args: Any) -> None:
        disposed_while_inside.append(not outcome)
        real_dispose(*args)

    monkeypatch.setattr(ws.engine, "dispose", dispose)
    threading.Timer(0.2, release.set).start()
    ws.close(save=False)
    assert disposed_while_inside == [False]  # the job had ended first
    assert len(outcome) == 1 and isinstance(outcome[0], Cancelled)


def test_closing_lets_a_durable_write_finish(ws: Workspace) -> None:
    ws.cases.create("Testov Ivan")
    inside, release = threading.Event(), threading.Event()
    finished: list[str] = []

    def write() -> None:
        inside.set()
        release.wait(10)
        finished.append("write")

    _in_thread(ws, write, None)  # no token: not cancellable
    assert inside.wait(10)
    threading.Timer(0.2, release.set).start()
    ws.jobs.stop()
    assert finished == ["write"]


def test_no_job_starts_on_a_closing_vault(ws: Workspace) -> None:
    ws.jobs.stop()
    with pytest.raises(Cancelled), ws.jobs.running(CancelToken()):
        pytest.fail("a job ran on a closing vault")
    ws.jobs.resume()
    with ws.jobs.running(CancelToken()):
        assert not cancellation.cancelled()


def test_unsaved_changes_count_each_action_until_a_save_reaches_the_disk(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ws.unsaved_changes == 0 and not ws.dirty
    ws.cases.create("Testov Ivan")
    ws.cases.create("Petrov Pyotr")
    assert ws.unsaved_changes == 2
    real_write, real_append = VaultFile.write, VaultFile.append

    def full_disk(self: VaultFile, *args: Any) -> None:
        raise SaveFailed(errno.ENOSPC)

    monkeypatch.setattr(VaultFile, "write", full_disk)
    monkeypatch.setattr(VaultFile, "append", full_disk)
    with pytest.raises(SaveFailed):
        ws.save()
    assert ws.unsaved_changes == 2 and ws.dirty  # a failed write saved nothing
    data = ws.prepare_save()
    ws.cases.create("Sidorov Semyon")  # typed while the write is on its way
    monkeypatch.setattr(VaultFile, "write", real_write)
    monkeypatch.setattr(VaultFile, "append", real_append)
    ws.finish_save(data)
    assert ws.unsaved_changes == 1  # only what came after the snapshot
    ws.save()
    assert ws.unsaved_changes == 0 and not ws.dirty


def _cached_patterns() -> list[str]:
    """The patterns the ``re`` module keeps compiled (its cache is private; 3.11 and later)."""
    cache = [*getattr(re, "_cache", {}), *getattr(re, "_cache2", {})]
    return [key[1] for key in cache if isinstance(key[1], str)]


def test_closing_the_vault_forgets_the_withheld_names_the_export_compiled(
    ws: Workspace,
) -> None:
    consent_case(ws)
    sharing = ws.sharing
    sharing.export(
        sharing.select_cases(everything=True),
        profile="lawyer",
        passphrase="a long bundle passphrase",
        without_consent_reason="not about consent",
    )
    surname = NOT_SHARED_NAME.split()[1]
    assert any(surname in pattern for pattern in _cached_patterns())  # the scrubber's
    ws.close(save=False)
    assert not any(surname in pattern for pattern in _cached_patterns())


def test_a_cancelled_job_stops_reading_a_spreadsheet() -> None:
    token = CancelToken()
    token.cancel()  # the lock came while the wizard read the file
    with cancellation.installed(token), pytest.raises(Cancelled):
        SpreadsheetImportService.load(b"full name\nTestov Ivan\nPetrov Pyotr\n", "sheet.csv")
