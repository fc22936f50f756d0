"""kill -9 torture of the real CLI: ``python -m casetracker COMMAND`` SIGKILLed mid-write.

torture/kills.py forks children that call the services; this runs the command a caseworker
types, as a separate interpreter, with the passphrase from ``CASETRACKER_PASSPHRASE`` (and
``CASETRACKER_NEW_PASSPHRASE`` for passwd) as cli/passphrase.py accepts it non-interactively.

The receiver's vault is made with the CLI too (init, 12 demo cases of its own with contacts,
custody, relatives; the sender in its address book) and copied afresh before every round.
The commands, each until ``kills`` runs were killed mid-way:

``demo``            ``demo --cases 2``: two new cases with their records (there is no
                    ``case add``; this is the CLI's way to add cases);
``log-contact``     one contact on an existing case;
``import-sheet``    the organisation's spreadsheet (../shared/data/org-spreadsheet.csv);
``import-bundle``   a signed 20-case bundle exported by the CLI from another vault;
``passwd``          the passphrase changed, every backup re-keyed.

Rounds alternate: ``syscall`` runs ``python -m torture.cli_armed`` (the same ``main``) that
kills itself before its K-th watched file-system call, K random below what one full run
makes; ``timer`` kills ``python -m casetracker`` a random time after its lock file appeared
(the vault is open; before that a kill tests nothing), within the time the rest took.

After each kill the vault opens and holds exactly the state before the command (every
record of every kind as it was) or exactly the state a complete run leaves (the same
records added per kind, the same records changed); for passwd, the old or the new passphrase
opens the main file (exactly one) and every backup (never neither), the data is unchanged,
and once the vault was opened the retired passphrase opens nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from casetracker.storage import backups
from casetracker.storage.errors import VaultError
from casetracker.storage.key_slots import KekCache
from casetracker.storage.writer_lock import lock_path_for
from torture import census
from torture.common import PASSPHRASE, REPO_ROOT, Section, timed
from torture.kills import opens_with

NEW_PASSPHRASE = PASSPHRASE + ", changed"
SHEET = REPO_ROOT.parent / "shared" / "data" / "org-spreadsheet.csv"
COMMANDS = ("demo", "log-contact", "import-sheet", "import-bundle", "passwd")
RECEIVER_SEED = "4242"


def cli_env() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT),
        "CASETRACKER_KDF_TARGET_MS": "0",
        "CASETRACKER_PASSPHRASE": PASSPHRASE,
        "CASETRACKER_NEW_PASSPHRASE": NEW_PASSPHRASE,
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }


def run_cli(*args: str, root: Path) -> str:
    """One CLI command to the end (set-up): its output, or RuntimeError with its words."""
    done = subprocess.run(
        [sys.executable, "-m", "casetracker", *args],
        env=cli_env(), cwd=root, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(
            f"casetracker {args[0]} failed: {done.stdout[-1500:]} {done.stderr[-1500:]}"
        )
    return done.stdout


def build(root: Path, *, with_bundle: bool = True) -> Path:
    """The template receiver vault (and the sender's bundle beside it), made by the CLI."""
    template, sender = root / "template", root / "sender"
    for folder in (template, sender):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    receiver, other = template / "r.ctvault", sender / "s.ctvault"
    run_cli("init", str(receiver), root=root)
    run_cli("demo", str(receiver), "--cases", "12", "--seed", RECEIVER_SEED, root=root)
    if not with_bundle:
        return receiver
    run_cli("init", str(other), root=root)
    run_cli("demo", str(other), "--cases", "20", root=root)
    ours = json.loads(run_cli("keys", "--json", str(receiver), root=root))
    theirs = json.loads(run_cli("keys", "--json", str(other), root=root))
    run_cli("recipients", str(other), "add", "receiver", ours["age_public_key"], root=root)
    run_cli(
        "recipients", str(receiver), "add", "sender", theirs["age_public_key"],
        "--signing-key", theirs["signing_key"], root=root,
    )  # fmt: skip
    bundle = root / "bundle.age"
    bundle.unlink(missing_ok=True)
    run_cli(
        "export", str(other), "--all", "--to", "receiver", "--profile", "lawyer",
        "--without-consent", "torture run", "-o", str(bundle), root=root,
    )  # fmt: skip
    return receiver


def command_args(name: str, vault: Path, root: Path) -> list[str]:
    if name == "demo":
        return ["demo", str(vault), "--cases", "2", "--seed", "99"]
    if name == "log-contact":
        return [
            "log-contact", str(vault), "--case", "CT-0003", "--date", "19.07.2024 18:00",
            "--direct", "--channel", "call", "--note", "torture contact",
        ]  # fmt: skip
    if name == "import-sheet":
        return [
            "import-sheet", str(vault), str(SHEET), "--skip-bad", "--blank-bad-cells",
            "--status-word", "???=detained",
        ]  # fmt: skip
    if name == "import-bundle":
        return ["import-bundle", str(vault), str(root / "bundle.age"), "--on-conflict", "list"]
    if name == "passwd":
        return ["passwd", str(vault)]
    raise ValueError(name)


@dataclass
class Outcome:
    """A run's effect on the vault, with no record content: added per kind, ids changed."""

    added: dict[str, int]
    changed: frozenset[tuple[str, str]]
    lost: frozenset[tuple[str, str]]

    @staticmethod
    def of(before: census.Census, after: census.Census) -> Outcome:
        changed, lost = set(), set()
        for kind, rows in before.items():
            now = after.get(kind, {})
            for record_id, row in rows.items():
                if record_id not in now:
                    lost.add((kind, record_id))
                elif now[record_id] != row:
                    changed.add((kind, record_id))
        return Outcome(census.added(before, after), frozenset(changed), frozenset(lost))

    @property
    def nothing(self) -> bool:
        return not (self.added or self.changed or self.lost)


@dataclass
class RunResult:
    killed: bool
    returncode: int
    calls: int
    opened_after: float | None  # seconds from start until the lock file appeared
    seconds: float
    output: str


class CliTorture:
    """One command run again and again on a fresh copy of the receiver, killed, checked."""

    def __init__(self, name: str, root: Path, section: Section, rng: random.Random) -> None:
        self.name, self.root, self.section, self.rng = name, root, section, rng
        self.template = root / "template" / "r.ctvault"
        self.live = root / "live"
        self.vault = self.live / "r.ctvault"
        self.before: census.Census = {}
        self.complete: Outcome | None = None
        self.calls = 0
        self.window = 0.0

    def setup(self) -> None:
        if not self.template.exists():
            build(self.root)
        self.before = census.of_file(self.template, passphrase=PASSPHRASE)
        self._reset()
        result = self.run(after_calls=None, delay=None)
        if result.killed or result.returncode != 0:
            raise RuntimeError(f"{self.name}: the uninterrupted run failed: {result.output}")
        self.calls = result.calls
        start = result.opened_after if result.opened_after is not None else 0.0
        self.window = max(0.01, (result.seconds - start) * 1.1)
        if self.name != "passwd":
            self.complete = Outcome.of(self.before, self._census(PASSPHRASE))
            if self.complete.nothing or self.complete.lost:
                raise RuntimeError(f"{self.name}: a complete run did {self.complete}")
        self.section.notes.append(
            f"cli {self.name}: one run ≈ {result.seconds * 1000:.0f} ms "
            f"({(result.seconds - start) * 1000:.0f} ms with the vault open), "
            f"{self.calls} watched file-system calls"
            + (f", adds {self.complete.added}" if self.complete else "")
        )
        self._reset()

    def _reset(self) -> None:
        shutil.rmtree(self.live, ignore_errors=True)
        shutil.copytree(self.template.parent, self.live)

    def _census(self, secret: str) -> census.Census:
        return census.of_file(self.vault, passphrase=secret)

    def run(self, *, after_calls: int | None, delay: float | None) -> RunResult:
        """Run the command; SIGKILL it `delay` s after its lock appeared, or at call K."""
        args = command_args(self.name, self.vault, self.root)
        calls_file = self.root / "calls"
        calls_file.unlink(missing_ok=True)
        if after_calls is not None or delay is None:
            command = [sys.executable, "-m", "torture.cli_armed", str(calls_file)]
            command += [str(after_calls or 0), "--", *args]
        else:
            command = [sys.executable, "-m", "casetracker", *args]
        lock = lock_path_for(self.vault)
        out = self.root / "cli-output.txt"
        start = time.monotonic()
        opened_after: float | None = None
        killed_by_us = False
        with open(out, "wb") as stream:
            child = subprocess.Popen(
                command, env=cli_env(), cwd=REPO_ROOT, stdout=stream, stderr=stream
            )
            while child.poll() is None:
                if opened_after is None and lock.exists():
                    opened_after = time.monotonic() - start
                    if delay is not None:
                        time.sleep(delay)
                        with contextlib.suppress(ProcessLookupError):
                            child.send_signal(signal.SIGKILL)
                            killed_by_us = True
                if time.monotonic() - start > 300:
                    child.kill()
                time.sleep(0.002)
            code = child.wait()
        seconds = time.monotonic() - start
        calls = int(calls_file.read_text()) if calls_file.exists() else 0
        killed = code == -signal.SIGKILL and (killed_by_us or after_calls is not None)
        text = out.read_text(errors="replace")[-2000:]
        return RunResult(killed, code, calls, opened_after, seconds, text)

    def round(self, mode: str) -> None:
        if mode == "syscall":
            result = self.run(after_calls=self.rng.randint(1, max(2, self.calls)), delay=None)
        else:
            result = self.run(after_calls=None, delay=self.rng.uniform(0.0, self.window))
        if result.killed:
            self.section.add("kills")
            self.section.add(f"kills ({mode})")
        elif result.returncode == 0:
            self.section.add("runs that finished before the kill")
        else:
            self.section.fail(f"cli {self.name}: exited {result.returncode}: {result.output}")
        try:
            if self.name == "passwd":
                self._verify_passwd(result)
            else:
                self._verify(result)
        finally:
            self._reset()
        self.section.add("rounds verified")

    def _verify(self, result: RunResult) -> None:
        try:
            now = self._census(PASSPHRASE)
        except (VaultError, OSError) as exc:
            self.section.fail(f"cli {self.name}: the vault did not open after a kill: {exc!r}")
            return
        outcome = Outcome.of(self.before, now)
        if outcome.nothing:
            self.section.add("rounds ending in the state before (none of the change)")
            self.section.add(f"{self.name}: the state before")
            if result.returncode == 0 and not result.killed:
                self.section.fail(f"cli {self.name}: a finished run left no change")
        elif outcome == self.complete:
            self.section.add("rounds ending in the whole change")
            self.section.add(f"{self.name}: the whole change")
        else:
            self.section.fail(
                f"cli {self.name}: after a kill neither before nor after: added "
                f"{outcome.added}, {len(outcome.changed)} changed, {len(outcome.lost)} lost "
                f"(a complete run: {self.complete})"
            )
        if outcome.lost:
            self.section.fail(f"cli {self.name}: records lost: {sorted(outcome.lost)[:5]}")

    def _verify_passwd(self, result: RunResult) -> None:
        cache = KekCache()
        try:
            old = opens_with(self.vault, PASSPHRASE, cache) is not None
            new = opens_with(self.vault, NEW_PASSPHRASE, cache) is not None
        except (VaultError, OSError) as exc:
            self.section.fail(f"cli passwd: main file damaged after a kill: {exc!r}")
            return
        if old == new:
            self.section.fail("cli passwd: the main file opens with neither or both passphrases")
            return
        winner, loser = (NEW_PASSPHRASE, PASSPHRASE) if new else (PASSPHRASE, NEW_PASSPHRASE)
        if result.returncode == 0 and not new:
            self.section.fail("cli passwd: the change finished but the new passphrase fails")
        for backup in backups.all_backup_paths(self.vault):
            try:
                if not any(opens_with(backup, s, cache) for s in (PASSPHRASE, NEW_PASSPHRASE)):
                    self.section.fail(f"cli passwd: backup {backup.name} opens with neither")
            except (VaultError, OSError) as exc:
                self.section.fail(f"cli passwd: backup {backup.name} damaged: {exc!r}")
            self.section.add("backups checked")
        try:
            now = self._census(winner)  # this open finishes an interrupted re-keying
        except (VaultError, OSError) as exc:
            self.section.fail(f"cli passwd: the vault did not open after a kill: {exc!r}")
            return
        if not Outcome.of(self.before, now).nothing:
            self.section.fail("cli passwd: the data changed during a passphrase change")
        for backup in backups.all_backup_paths(self.vault):
            with contextlib.suppress(VaultError, OSError):
                if opens_with(backup, loser, cache) is not None:
                    self.section.fail(f"cli passwd: the retired passphrase opens {backup.name}")
        self.section.add("changes completed on disk" if new else "changes rolled back by the kill")
        cache.clear()


def torture(
    names: list[str], kills: int, root: Path, section: Section, *, seed: int = 20240719
) -> None:
    """For each command, rounds until `kills` runs were SIGKILLed mid-way, checked each time."""
    rng = random.Random(seed)
    with timed(section):
        build(root, with_bundle="import-bundle" in names)
        for name in names:
            runner = CliTorture(name, root, section, rng)
            runner.setup()
            landed = section.counts.get("kills", 0)
            rounds = 0
            while section.counts.get("kills", 0) - landed < kills and rounds < kills * 3 + 5:
                rounds += 1
                runner.round("syscall" if rounds % 2 else "timer")
                if len(section.failures) > 20:
                    return
            section.add(f"kills: {name}", section.counts.get("kills", 0) - landed)


__all__ = ["COMMANDS", "CliTorture", "build", "torture"]
