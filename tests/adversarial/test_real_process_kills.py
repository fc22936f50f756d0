"""The long suite's kill machinery on the real processes, and its save check, proved to run.

torture/kills_cli.py SIGKILLs ``python -m casetracker`` mid-command and torture/kills_gui.py
the real GUI mid-session (both 30 times and more in ``python -m torture.run``); here one kill
of each, through the runner, so the machinery cannot rot. The save check of torture/kills.py
counts every kind of record, not only cases: a save that kept the cases and lost their
contacts is caught.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import select

from casetracker.model import ContactEvent, CustodyPeriod
from torture.common import REPO_ROOT, Section
from torture.kills import Progress, RoundResult, SaveScenario


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 (SIGKILL) is POSIX")
def test_the_real_cli_and_gui_are_killed_and_their_vaults_checked(tmp_path: Path) -> None:
    report_path = tmp_path / "report.json"
    done = subprocess.run(
        [sys.executable, "-m", "torture.run", "--only", "cli,gui", "--cli-commands",
         "log-contact", "--cli-kills", "1", "--gui-kills", "1", "--workdir", str(tmp_path),
         "--report", str(report_path)],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "CASETRACKER_KDF_TARGET_MS": "0"},
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    report = json.loads(report_path.read_text())
    by_name = {section["name"]: section for section in report["sections"]}
    cli, gui = by_name["kills: real CLI"], by_name["kills: real GUI"]
    assert cli["ok"] and gui["ok"], cli["failures"] + gui["failures"]
    assert cli["counts"]["kills: log-contact"] == 1 and gui["counts"]["kills"] == 1
    assert gui["counts"]["records counted after kills"] > 0


class _Quiet(Progress):
    def __init__(self) -> None:
        super().__init__(-1)

    def emit(self, line: str) -> None:
        pass


def _torn(tmp_path: Path, kind: type[ContactEvent] | type[CustodyPeriod]) -> Section:
    """Six cases saved as the save scenario does, then every record of `kind` dropped."""
    section = Section("save")
    scenario = SaveScenario(tmp_path, section, random.Random(0))
    scenario.setup()
    scenario.prepare()
    for _ in range(6):
        scenario.operate(_Quiet(), once=True)
    ws = scenario.ws
    with ws.session() as session:
        for record in session.exec(select(kind)):
            session.delete(record)
    ws.save()
    ws.close(save=False)
    scenario.verify(RoundResult(True, ["saved 6"]))
    return section


def test_a_save_that_lost_contacts_or_custody_but_kept_the_cases_is_caught(
    tmp_path: Path,
) -> None:
    contacts = _torn(tmp_path / "contacts", ContactEvent)
    assert any("contact_events" in f for f in contacts.failures), contacts.failures
    custody = _torn(tmp_path / "custody", CustodyPeriod)
    assert any("custody_periods" in f for f in custody.failures), custody.failures
