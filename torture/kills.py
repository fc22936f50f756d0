"""kill -9 torture: the app's save paths killed at random moments, then the vault checked.

Three scenarios, each run in a child process that is SIGKILLed:

``save``        a ``Workspace`` opened as the GUI/CLI do, adding cases (with contacts and
                attachments now and then) and saving after each one (a journal append),
                compacting every seventh time (a new snapshot), in a loop;
``passphrase``  ``ws.file.change_passphrase`` as ``casetracker passwd`` does: the main file
                is rewritten with a new key slot, then every backup is re-keyed;
``import``      ``SharingService.import_bundle`` of a signed lawyer bundle (one transaction)
                followed by one save.

Two ways of choosing the moment, alternating:

``timer``       the parent sleeps a random time after the child said "ready" and kills it;
``syscall``     the child kills itself just before its K-th file-system call (``os.write``,
                ``pwrite``, ``ftruncate``, ``fsync``, ``replace``, ``link``, ``unlink``,
                ``open``, ``mkdir``, ``rename``),
                K random below the number one operation makes. This reaches every step of a
                save (temp written but not synced, synced but not renamed, backup linked,
                renamed but folder not synced, half the backups re-keyed …) on purpose
                instead of by luck.

After each kill the vault must open and hold the old or the new state:

``save``        the cases are exactly T000001…T00000k with k the last confirmed save or the
                one in flight; every attachment row's blob decrypts;
``passphrase``  the main file opens with the old or the new passphrase (exactly one), every
                backup with one of the two (never neither), the data is unchanged; and after
                the next open with the winning passphrase, the losing one opens nothing;
``import``      the bundle's records are either all in the vault or none of them, per kind
                and across kinds, and every imported attachment decrypts.

Children are forked from this (single-threaded) process, so a round costs milliseconds
instead of an interpreter start; ``spawn=True`` uses fresh interpreters instead
(``python -m torture.kills_child``) for the sceptical.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import SQLModel, col
from sqlmodel import select as sql_select

from casetracker.model import Attachment, Case
from casetracker.services import demo
from casetracker.services.sharing import SharingService
from casetracker.services.workspace import Workspace
from casetracker.sharing.bundle import OpenedBundle
from casetracker.sharing.bundle_schema import ENTITIES
from casetracker.storage import atomic_write, backups, envelope, key_slots
from casetracker.storage.blob_store import BlobStore
from casetracker.storage.errors import VaultError, WrongPassphrase
from casetracker.storage.kdf import FLOOR
from casetracker.storage.key_slots import KekCache
from casetracker.storage.vault_file import VaultFile
from torture import census
from torture.common import PASSPHRASE, REPO_ROOT, Section, timed

RECEIVER_SEED = 4242

#: File-system calls counted (and interrupted) in syscall mode.
WATCHED_CALLS = (
    "write", "pwrite", "ftruncate", "fsync", "replace", "rename", "link", "unlink", "open", "mkdir"
)  # fmt: skip
_REAL_WRITE = os.write
_REAL_KILL = os.kill


class Progress:
    """Lines from the child to the parent over a pipe, written with the real os.write."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def emit(self, line: str) -> None:
        _REAL_WRITE(self.fd, (line + "\n").encode())


def arm(after_calls: int | None, counter: list[int]) -> None:
    """Count watched calls; with `after_calls`, SIGKILL this process before call number K."""
    for name in WATCHED_CALLS:
        real = getattr(os, name)

        def wrapper(*args: Any, _real: Callable[..., Any] = real, **kwargs: Any) -> Any:
            counter[0] += 1
            if after_calls is not None and counter[0] >= after_calls:
                _REAL_KILL(os.getpid(), signal.SIGKILL)
            return _real(*args, **kwargs)

        setattr(os, name, wrapper)


@dataclass
class RoundResult:
    killed: bool
    lines: list[str]
    error: str = ""

    def values(self, word: str) -> list[str]:
        return [line.split(" ", 1)[1] for line in self.lines if line.startswith(word + " ")]


class Scenario:
    """One save path to torture. Subclasses fill in the four steps."""

    name = ""
    #: Whether the child repeats its operation until killed (timer mode only).
    loops = False

    def __init__(self, root: Path, section: Section, rng: random.Random) -> None:
        self.root = root
        self.section = section
        self.rng = rng

    def setup(self) -> None:
        raise NotImplementedError

    def prepare(self) -> None:
        """In the child, before "ready": open the vault (not interrupted)."""
        raise NotImplementedError

    def operate(self, progress: Progress, once: bool) -> None:
        """In the child, after "ready": the operation that is killed."""
        raise NotImplementedError

    def verify(self, result: RoundResult) -> None:
        """In the parent, after the child died or finished."""
        raise NotImplementedError

    def child_args(self) -> list[str]:
        """For spawn mode: what `kills_child` needs to rebuild this scenario's state."""
        raise NotImplementedError


def _read_lines(fd: int, until: str | None, timeout: float) -> tuple[list[str], bool]:
    """Read lines until one equals `until` (True) or EOF/timeout (False)."""
    buffer = b""
    lines: list[str] = []
    end = time.monotonic() + timeout
    while True:
        remaining = end - time.monotonic()
        if remaining <= 0:
            return lines, False
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            return lines, False
        chunk = os.read(fd, 65536)
        if not chunk:
            if buffer:
                lines.append(buffer.decode(errors="replace"))
            return lines, False
        buffer += chunk
        *complete, buffer = buffer.split(b"\n")
        for raw in complete:
            line = raw.decode(errors="replace")
            lines.append(line)
            if until is not None and line == until:
                if buffer:  # keep what follows for the next read
                    lines.append(buffer.decode(errors="replace"))
                return lines, True


def in_child(work: Callable[[], None]) -> None:
    """Run `work` in a forked child and wait; raise if it failed (its traceback on stderr)."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            work()
        except BaseException:
            traceback.print_exc()
            code = 70
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0):
        raise RuntimeError(f"setup child failed with status {status}")


def run_round(
    scenario: Scenario, *, delay: float | None, after_calls: int | None, spawn: bool
) -> RoundResult:
    """One child: prepare, say ready, operate; killed by the timer or by itself."""
    errlog = scenario.root / "child-stderr.log"
    once = delay is None or not scenario.loops
    if spawn:
        return _run_spawned(scenario, delay, after_calls, once, errlog)
    read_fd, write_fd = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 0
        try:
            os.close(read_fd)
            err_fd = os.open(errlog, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(err_fd, 2)
            progress = Progress(write_fd)
            scenario.prepare()
            progress.emit("ready")
            counter = [0]
            start = time.monotonic()
            arm(after_calls, counter)
            scenario.operate(progress, once)
            progress.emit(f"calls {counter[0]}")
            progress.emit(f"elapsed {time.monotonic() - start:.6f}")
            progress.emit("done")
        except BaseException:
            traceback.print_exc()
            code = 70
        finally:
            os._exit(code)
    os.close(write_fd)
    try:
        return supervise(pid, read_fd, delay, errlog)
    finally:
        os.close(read_fd)


def supervise(pid: int, read_fd: int, delay: float | None, errlog: Path) -> RoundResult:
    lines, ready = _read_lines(read_fd, "ready", timeout=120)
    if ready and delay is not None:
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    elif not ready:
        os.kill(pid, signal.SIGKILL)
    more, _ = _read_lines(read_fd, None, timeout=300)
    lines += more
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL and ready:
        return RoundResult(True, lines)
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        return RoundResult(False, lines)
    detail = errlog.read_text(errors="replace")[-3000:] if errlog.exists() else ""
    return RoundResult(False, lines, f"child failed (status {status}): {detail}")


def _run_spawned(
    scenario: Scenario, delay: float | None, after_calls: int | None, once: bool, errlog: Path
) -> RoundResult:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    command = [sys.executable, "-m", "torture.kills_child", scenario.name, str(scenario.root)]
    command += ["--after-calls", str(after_calls or 0), "--once" if once else "--loop"]
    command += scenario.child_args()
    with open(errlog, "wb") as err:
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err, env=env)
    assert child.stdout is not None
    try:
        return supervise(child.pid, child.stdout.fileno(), delay, errlog)
    finally:
        child.stdout.close()
        child.returncode = -1  # reaped by supervise


# -- the "save" scenario ---------------------------------------------------------------------
def _case_names(ws: Workspace) -> list[str]:
    with ws.reading() as session:
        return sorted(session.exec(sql_select(Case.full_name)))


def expected_save_counts(k: int) -> dict[str, int]:
    """The records the save scenario's cases T1..Tk bring (see `SaveScenario.operate`)."""
    every = {n: sum(1 for i in range(1, k + 1) if i % n == 0) for n in (2, 3, 4, 5)}
    return {
        "cases": k,
        "contact_events": every[3],
        "custody_periods": every[2],
        "facilities": every[2],
        "relatives": every[4],
        "case_relatives": every[4],
        "attachments": every[5],
    }


class SaveScenario(Scenario):
    name = "save"
    loops = True

    def setup(self) -> None:
        self.path = self.root / "vault" / "org.ctvault"
        ws, self.recovery = Workspace.create(self.path, PASSPHRASE, kdf=FLOOR, actor="torture")
        ws.close()
        self.confirmed = 0
        self.census: census.Census = {}

    def child_args(self) -> list[str]:
        return ["--recovery", self.recovery]

    def prepare(self) -> None:
        self.ws = Workspace.open(self.path, recovery_key=self.recovery, actor="torture")
        self.index = len(_case_names(self.ws))

    def operate(self, progress: Progress, once: bool) -> None:
        ws = self.ws
        while True:
            i = self.index + 1
            case = ws.cases.create(f"T{i:06d}", notes=f"torture save {i} " * 20)
            if i % 3 == 0:
                when = datetime(2024, 1, 1) + timedelta(hours=i)
                ws.contacts.log(case.ref, when, direct=i % 2 == 0, note=f"contact {i}")
            if i % 2 == 0:
                # Digits apart: place names match with repeated letters folded ("11" is "1").
                place = "Place " + "-".join(str(i))
                ws.custody.move_to_new_place(case.ref, place, note=f"stay {i}")
            if i % 4 == 0:
                relative = ws.relatives.create(f"Relative {i}", phones=f"+7 900 {i:07d}")
                ws.relatives.link(case.ref, relative.id, "mother")
            if i % 5 == 0:
                ws.attachments.add(os.urandom(1500 + i), "scan.bin", case_id=case.id)
            ws.save()  # appends the change set to the journal
            if i % 7 == 0:
                ws.compact()  # the journal folded into a new snapshot, the old file a backup
            progress.emit(f"saved {i}")
            self.index = i
            if once:
                return

    def verify(self, result: RoundResult) -> None:
        saved = [int(v) for v in result.values("saved")]
        confirmed = saved[-1] if saved else self.confirmed
        self.section.add("saves confirmed before a kill", len(saved))
        try:
            ws = Workspace.open(self.path, recovery_key=self.recovery, actor="torture")
        except (VaultError, OSError) as exc:
            self.section.fail(f"save: the vault did not open after a kill: {exc!r}")
            return
        try:
            names = _case_names(ws)
            k = len(names)
            if names != [f"T{j:06d}" for j in range(1, k + 1)]:
                self.section.fail(f"save: cases are not T1..T{k}: {names[:3]}…")
            if k not in (confirmed, confirmed + 1):
                self.section.fail(f"save: {k} cases after a kill, confirmed {confirmed}")
            elif k == confirmed + 1:
                self.section.add("kills that landed after the in-flight save reached disk")
            now = census.take(ws)
            for problem in census.lost_or_changed(self.census, now):
                self.section.fail(f"save: after a kill, of the last state seen: {problem}")
            wrong = {
                kind: (n, census.counts(now)[kind])
                for kind, n in expected_save_counts(k).items()
                if census.counts(now)[kind] != n
            }
            if wrong:
                self.section.fail(f"save: {k} cases but (expected, found) records {wrong}")
            self.section.add("records counted after kills", sum(census.counts(now).values()))
            self.census = now
            with ws.reading() as session:
                ids = list(session.exec(sql_select(Attachment.id)))
            for attachment_id in ids:
                try:
                    ws.attachments.read(attachment_id)
                except VaultError as exc:
                    self.section.fail(f"save: attachment unreadable after a kill: {exc}")
            leftovers = [
                p for p in self.path.parent.iterdir() if atomic_write.is_temp_of(p, self.path)
            ]
            if leftovers:
                self.section.fail(f"save: temp files left after open: {leftovers}")
            self.confirmed = k
        finally:
            ws.close(save=False)


# -- the "passphrase" scenario --------------------------------------------------------------
def opens_with(file_path: Path, secret: str, cache: KekCache) -> bytes | None:
    """The data key if `secret` opens the vault (or backup) file, None if it is refused.

    A damaged file raises `VaultError`: for the callers, a failure, never "neither".
    """
    parsed = envelope.parse(file_path.read_bytes())
    try:
        key = key_slots.unlock(
            parsed.header.slots, parsed.header.vault_id, passphrase=secret, cache=cache
        )
    except WrongPassphrase:
        return None
    envelope.decrypt(parsed, key)
    return key


class PassphraseScenario(Scenario):
    name = "passphrase"

    def setup(self) -> None:
        self.path = self.root / "vault" / "org.ctvault"
        ws, self.recovery = Workspace.create(self.path, self._secret(0), kdf=FLOOR)
        for i in range(13):  # ten version backups and a daily one to re-key each time
            ws.cases.create(f"Case {i}", notes="passphrase torture " * 10)
            ws.compact()  # a plain save only appends: each compaction keeps a backup
        ws.close()
        with VaultFile.open(self.path, passphrase=self._secret(0)) as vault:
            self.payload = vault.payload
        self.current = 0  # the number of the passphrase that opens the main file

    @staticmethod
    def _secret(number: int) -> str:
        return f"{PASSPHRASE} #{number}"

    def child_args(self) -> list[str]:
        return ["--current", str(self.current)]

    def prepare(self) -> None:
        self.ws = Workspace.open(self.path, passphrase=self._secret(self.current))

    def operate(self, progress: Progress, once: bool) -> None:
        self.ws.file.change_passphrase(self._secret(self.current + 1), kdf=FLOOR)
        progress.emit("changed")
        self.ws.close()

    def _opens(self, file_path: Path, secret: str, cache: KekCache) -> bytes | None:
        return opens_with(file_path, secret, cache)

    def verify(self, result: RoundResult) -> None:
        old, new = self._secret(self.current), self._secret(self.current + 1)
        cache = KekCache()
        try:
            main_old = self._opens(self.path, old, cache)
            main_new = self._opens(self.path, new, cache)
        except (VaultError, OSError) as exc:
            self.section.fail(f"passphrase: main file damaged after a kill: {exc!r}")
            return
        if (main_old is None) == (main_new is None):
            self.section.fail("passphrase: main file opens with neither (or both) passphrases")
            return
        winner, loser = (new, old) if main_new is not None else (old, new)
        if result.values("changed") and winner != new:
            self.section.fail("passphrase: change confirmed but the new passphrase fails")
        retired_before = 0
        for backup in backups.all_backup_paths(self.path):
            try:
                by_old = self._opens(backup, old, cache)
                by_new = self._opens(backup, new, cache)
            except (VaultError, OSError) as exc:
                self.section.fail(f"passphrase: backup {backup.name} damaged: {exc!r}")
                continue
            self.section.add("backups checked")
            if by_old is None and by_new is None:
                self.section.fail(f"passphrase: backup {backup.name} opens with neither")
            if (by_old if loser == old else by_new) is not None:
                retired_before += 1
        if retired_before:
            self.section.add("rounds where the next open finished re-keying backups")
        with VaultFile.open(self.path, passphrase=winner) as vault:
            if vault.payload != self.payload:
                self.section.fail("passphrase: the data changed during a passphrase change")
        # VaultFile.open above finished any interrupted re-keying: the loser opens nothing.
        for backup in backups.all_backup_paths(self.path):
            try:
                if self._opens(backup, loser, cache) is not None:
                    self.section.fail(
                        f"passphrase: retired passphrase still opens {backup.name} after reopening"
                    )
            except (VaultError, OSError) as exc:
                self.section.fail(f"passphrase: backup {backup.name} damaged: {exc!r}")
        if winner == new:
            self.current += 1
            self.section.add("passphrase changes completed on disk")
        else:
            self.section.add("passphrase changes rolled back by the kill")
        cache.clear()

    def final_check(self) -> None:
        problems = VaultFile.check(self.path, recovery_key=self.recovery)
        for problem in problems:
            self.section.fail(f"passphrase: final check: {problem}")


# -- the "import" scenario ------------------------------------------------------------------
class ImportScenario(Scenario):
    name = "import"

    def setup(self) -> None:
        # Exporting renders the dossier with Qt: done in a child, so that this process,
        # which forks a child per round, never starts Qt (forking a Qt process is unsafe).
        in_child(self._build)
        facts = json.loads((self.root / "facts.json").read_text())
        self.recovery = facts["recovery"]
        self.expected = {k: {uuid.UUID(i) for i in ids} for k, ids in facts["expected"].items()}
        self.bundle = (self.root / "bundle.age").read_bytes()
        self.template = self.root / "template"
        self.live = self.root / "b"
        self.path = self.live / "b.ctvault"
        self.total = sum(len(ids) for ids in self.expected.values())
        self.own = census.of_file(self.template / "b.ctvault", recovery_key=self.recovery)
        self.section.add("receiver's own records", sum(census.counts(self.own).values()))
        self._reset()

    def _build(self) -> None:
        sender, _ = Workspace.create(self.root / "a" / "a.ctvault", PASSPHRASE, kdf=FLOOR)
        receiver_path = self.root / "template" / "b.ctvault"
        receiver, recovery = Workspace.create(receiver_path, PASSPHRASE, kdf=FLOOR)
        try:
            demo.generate(sender, 25)
            with sender.reading() as session:
                case_ids = list(session.exec(sql_select(Case.id).order_by(col(Case.ref))))
            for i, case_id in enumerate(case_ids[:4]):
                sender.attachments.add(os.urandom(3000 + i), f"photo{i}.jpg", case_id=case_id)
            sender.save()
            # The receiver's own records, of every kind: each must survive every kill as it was.
            demo.generate(receiver, 12, seed=RECEIVER_SEED)
            with receiver.reading() as session:
                own_case = session.exec(sql_select(Case.id).order_by(col(Case.ref))).first()
            receiver.attachments.add(os.urandom(2500), "own.jpg", case_id=own_case)
            theirs = SharingService(sender).keys()  # a known signer: merged without asking
            SharingService(receiver).add_recipient(
                "sender", theirs.age_public_key, signing_key=theirs.signing_key
            )
            receiver.save()
            out = SharingService(sender)
            bundle = out.export(
                out.select_cases(everything=True),
                profile="lawyer",
                recipients=[SharingService(receiver).keys().age_public_key],
                with_attachments=True,
                without_consent_reason="not about consent",
            ).data
            opened = SharingService(receiver).open(bundle)
            expected = {
                spec.key: [str(r.id) for r in opened.document.of(spec.key)] for spec in ENTITIES
            }
        finally:
            sender.close(save=False)
            receiver.close(save=False)
        (self.root / "bundle.age").write_bytes(bundle)
        facts = {"recovery": recovery, "expected": expected}
        (self.root / "facts.json").write_text(json.dumps(facts))

    def _reset(self) -> None:
        shutil.rmtree(self.live, ignore_errors=True)
        shutil.copytree(self.template, self.live)

    def child_args(self) -> list[str]:
        return ["--recovery", self.recovery, "--bundle", str(self.root / "bundle.age")]

    def prepare(self) -> None:
        self.ws = Workspace.open(self.path, recovery_key=self.recovery)
        self.service = SharingService(self.ws)
        self.opened: OpenedBundle = self.service.open(self.bundle)

    def operate(self, progress: Progress, once: bool) -> None:
        report = self.service.import_bundle(self.opened)
        self.ws.save()
        progress.emit(f"imported {sum(report.added.values())}")
        self.ws.close(save=False)

    def verify(self, result: RoundResult) -> None:
        try:
            ws = Workspace.open(self.path, recovery_key=self.recovery)
        except (VaultError, OSError) as exc:
            self.section.fail(f"import: the vault did not open after a kill: {exc!r}")
            self._reset()
            return
        try:
            present = 0
            by_kind: dict[str, int] = {}
            with ws.reading() as session:
                for spec in ENTITIES:
                    model: type[SQLModel] = spec.model
                    ids = self.expected[spec.key]
                    found = {i for i in session.exec(sql_select(model.id)) if i in ids}  # type: ignore[attr-defined]
                    by_kind[spec.key] = len(found)
                    present += len(found)
                attachments = list(session.exec(sql_select(Attachment)))
            now = census.take(ws)
            for problem in census.lost_or_changed(self.own, now):
                self.section.fail(f"import: the receiver's own records after a kill: {problem}")
            strangers = sum(census.counts(now).values()) - sum(census.counts(self.own).values())
            if strangers != present:
                self.section.fail(f"import: {strangers - present} records neither ours nor bundled")
            if present not in (0, self.total):
                self.section.fail(f"import: partly merged after a kill: {by_kind}")
            elif present:
                self.section.add("kills after the import reached disk (all records there)")
            else:
                self.section.add("kills before the import reached disk (no record there)")
            if result.values("imported") and not present:
                self.section.fail("import: confirmed import missing after a kill")
            store = BlobStore(self.path)
            for row in attachments:
                try:
                    store.get(row.blob_name, row.blob_key)
                except VaultError as exc:
                    self.section.fail(f"import: attachment unreadable: {exc}")
            referenced = {row.blob_name for row in attachments}
            orphans = store.names() - referenced
            self.section.add("orphaned encrypted blobs seen (key never saved)", len(orphans))
        finally:
            ws.close(save=False)
        self._reset()


SCENARIOS: dict[str, type[Scenario]] = {
    cls.name: cls for cls in (SaveScenario, PassphraseScenario, ImportScenario)
}


@dataclass
class KillPlan:
    """Estimates from rounds that finished: how long an operation takes, how many calls."""

    calls: int = 0
    seconds: float = 0.0
    killed_at: list[int] = field(default_factory=list)


def torture(
    scenario_name: str,
    kills: int,
    root: Path,
    section: Section,
    *,
    seed: int = 20240719,
    spawn: bool = False,
) -> None:
    """Run rounds until `kills` children were killed mid-operation, verifying each time."""
    rng = random.Random(seed)
    scenario = SCENARIOS[scenario_name](root, section, rng)
    with timed(section):
        scenario.setup()
        plan = KillPlan()
        # One uninterrupted round first, to learn how long one operation takes.
        result = run_round(scenario, delay=None, after_calls=None, spawn=spawn)
        learn(plan, result, section)
        scenario.verify(result)
        kill_rounds(
            scenario_name, section, rng, kills, plan,
            lambda delay, after: run_round(
                scenario, delay=delay, after_calls=after, spawn=spawn
            ),
            scenario.verify,
            lambda: max(0.15 if scenario.loops else plan.seconds * 1.1, 0.005),
        )  # fmt: skip
        if isinstance(scenario, PassphraseScenario):
            scenario.final_check()
        section.notes.append(
            f"{scenario_name}: one operation ≈ {plan.seconds * 1000:.0f} ms, "
            f"{plan.calls} watched file-system calls"
        )


def kill_rounds(
    name: str,
    section: Section,
    rng: random.Random,
    kills: int,
    plan: KillPlan,
    run: Callable[[float | None, int | None], RoundResult],
    verify: Callable[[RoundResult], None],
    window: Callable[[], float],
    *,
    crashes_are_rounds: bool = False,
) -> None:
    """Rounds until `kills` children were killed, alternating a kill before a random K-th
    watched call (K up to 5/4 of what one operation makes) with one after a random delay
    within `window()` seconds; `verify` checks the vault after each. A child that fails by
    itself stops the rounds, unless `crashes_are_rounds`: then it is a failure, its vault
    is checked like a kill's, and the rounds go on."""
    rounds = 0
    while section.counts.get("kills", 0) < kills and rounds < kills * 3 + 10:
        rounds += 1
        if rounds % 2:
            after = rng.randint(1, max(2, plan.calls * 5 // 4))
            result = run(None, after)
            mode = "syscall"
        else:
            result = run(rng.uniform(0.0, window()), None)
            mode = "timer"
        if result.error:
            section.fail(f"{name}: {result.error}")
            if not crashes_are_rounds:
                break
            section.add("crashes of the child by itself (vault checked as after a kill)")
        elif result.killed:
            section.add("kills")
            section.add(f"kills ({mode})")
        else:
            section.add("rounds that finished before the kill")
            learn(plan, result, section)
        verify(result)
        section.add("rounds verified")
        if len(section.failures) > 20:
            break


def learn(plan: KillPlan, result: RoundResult, section: Section) -> None:
    if result.error:
        section.fail(result.error)
        return
    calls = result.values("calls")
    elapsed = result.values("elapsed")
    if calls:
        plan.calls = max(plan.calls, int(calls[-1]))
    if elapsed:
        plan.seconds = max(plan.seconds, float(elapsed[-1]))


def scenario_for_child(name: str, root: Path, options: dict[str, str]) -> Scenario:
    """Spawn mode: rebuild the parts of a scenario a child needs from command-line options."""
    scenario = SCENARIOS[name](root, Section(name), random.Random(0))
    if isinstance(scenario, SaveScenario):
        scenario.path = root / "vault" / "org.ctvault"
        scenario.recovery = options["recovery"]
    elif isinstance(scenario, PassphraseScenario):
        scenario.path = root / "vault" / "org.ctvault"
        scenario.current = int(options["current"])
    elif isinstance(scenario, ImportScenario):
        scenario.path = root / "b" / "b.ctvault"
        scenario.recovery = options["recovery"]
        scenario.bundle = Path(options["bundle"]).read_bytes()
    return scenario


__all__ = [
    "SCENARIOS", "KillPlan", "Progress", "RoundResult", "arm", "kill_rounds", "learn",
    "opens_with", "scenario_for_child", "supervise", "torture",
]  # fmt: skip
