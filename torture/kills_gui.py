"""kill -9 torture of the real GUI process: cases and contacts typed in, the app killed.

Each round starts ``python -m torture.gui_kill_driver`` (offscreen Qt; the real App, the
passphrase typed on the unlock page) on the same vault, which keeps growing: the driver types
a case (G000001, G000002, …) and a direct contact for it, waits for the app's saver and says
"saved I", again and again. Rounds alternate: ``timer`` SIGKILLs the process a random time
after its main window came up, within the time a few cases take; ``syscall`` has the driver
kill itself before its K-th watched file-system call (K random below what three cases make),
wherever that lands: the saver thread writing the vault, a backup, the lock.

After each kill the vault must open (the stale lock taken over) and hold the cases
G1…Gk, k the last confirmed or the one in flight; every case has at most one contact and
every confirmed case exactly one (the one typed in flight may have been saved before its
contact); every record of the state seen after the previous kill is there unchanged.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from casetracker.services.workspace import Workspace
from casetracker.storage.errors import VaultError
from casetracker.storage.kdf import FLOOR
from torture import census
from torture.common import PASSPHRASE, REPO_ROOT, Section, timed
from torture.kills import KillPlan, RoundResult, kill_rounds, learn, supervise

LEARN_CASES = 3


def case_name(i: int) -> str:
    return f"G{i:06d}"


class GuiTorture:
    def __init__(self, root: Path, section: Section, rng: random.Random) -> None:
        self.root, self.section, self.rng = root, section, rng
        self.vault = root / "vault" / "gui.ctvault"
        self.confirmed = 0
        self.census: census.Census = {}
        self.in_flight_without_contact: set[str] = set()

    def setup(self) -> None:
        ws, _ = Workspace.create(self.vault, PASSPHRASE, kdf=FLOOR, actor="torture")
        ws.close()
        for folder in ("home", "tmp"):
            (self.root / folder).mkdir(parents=True, exist_ok=True)

    def env(self) -> dict[str, str]:
        home = self.root / "home"
        return {
            **os.environ,
            "PYTHONPATH": str(REPO_ROOT),
            "HOME": str(home),
            "TMPDIR": str(self.root / "tmp"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "QT_QPA_PLATFORM": "offscreen",
            "CASETRACKER_KDF_TARGET_MS": "0",
            "CASETRACKER_LANGUAGE": "en",
        }

    def run(self, *, delay: float | None, after_calls: int | None, cases: int) -> RoundResult:
        errlog = self.root / "gui-stderr.log"
        command = [sys.executable, "-m", "torture.gui_kill_driver", str(self.vault)]
        command += ["--after-calls", str(after_calls or 0), "--rounds", str(cases)]
        with open(errlog, "wb") as err:
            child = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=err, env=self.env(), cwd=REPO_ROOT
            )
        assert child.stdout is not None
        try:
            return supervise(child.pid, child.stdout.fileno(), delay, errlog)
        finally:
            child.stdout.close()
            child.returncode = -1  # reaped by supervise

    def verify(self, result: RoundResult) -> None:
        saved = [int(v) for v in result.values("saved")]
        confirmed = saved[-1] if saved else self.confirmed
        self.section.add("saves confirmed before a kill", len(saved))
        try:
            ws = Workspace.open(self.vault, passphrase=PASSPHRASE, actor="torture")
        except (VaultError, OSError) as exc:
            self.section.fail(f"gui: the vault did not open after a kill: {exc!r}")
            return
        try:
            now = census.take(ws)
        finally:
            ws.close(save=False)
        cases = {dict(row)["id"]: eval_str(dict(row)["full_name"]) for row in now["cases"].values()}
        names = sorted(cases.values())
        k = len(names)
        if names != [case_name(j) for j in range(1, k + 1)]:
            self.section.fail(f"gui: cases are not G1..G{k}: {names[:3]}…")
        if k not in (confirmed, confirmed + 1):
            self.section.fail(f"gui: {k} cases after a kill, confirmed {confirmed}")
        elif k == confirmed + 1:
            self.section.add("kills that landed after the in-flight save reached disk")
        per_case: dict[str, int] = {name: 0 for name in names}
        for row in now["contact_events"].values():
            case_id = dict(row)["case_id"]
            if case_id in cases:
                per_case[cases[case_id]] += 1
        for name, n in per_case.items():
            allowed = {0, 1} if name in self.in_flight_without_contact else {1}
            if name == case_name(k) and k > confirmed:
                allowed = {0, 1}
            if n not in allowed:
                self.section.fail(f"gui: case {name} has {n} contacts after a kill")
            if n == 0:
                self.in_flight_without_contact.add(name)
        for problem in census.lost_or_changed(self.census, now):
            self.section.fail(f"gui: after a kill, of the last state seen: {problem}")
        self.section.add("records counted after kills", sum(census.counts(now).values()))
        self.census = now
        self.confirmed = k


def eval_str(text: str) -> str:
    """A census field back to its text (the census keeps `repr`s, to compare any type)."""
    return text[1:-1] if text[:1] in "'\"" else text


def torture(kills: int, root: Path, section: Section, *, seed: int = 20240719) -> None:
    """Rounds until `kills` GUI processes were SIGKILLed mid-session, the vault checked each."""
    rng = random.Random(seed)
    runner = GuiTorture(root, section, rng)
    with timed(section):
        runner.setup()
        plan = KillPlan()
        result = runner.run(delay=None, after_calls=None, cases=LEARN_CASES)
        learn(plan, result, section)
        runner.verify(result)
        kill_rounds(
            "gui", section, rng, kills, plan,
            lambda delay, after: runner.run(delay=delay, after_calls=after, cases=0),
            runner.verify,
            lambda: max(plan.seconds * 1.1, 0.05),
            crashes_are_rounds=True,
        )  # fmt: skip
        section.notes.append(
            f"gui: {LEARN_CASES} cases typed and saved ≈ {plan.seconds * 1000:.0f} ms, "
            f"{plan.calls} watched file-system calls"
        )


__all__ = ["GuiTorture", "torture"]
