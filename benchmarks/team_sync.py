"""The team load test: many members editing one case base through one local server.

    python -m benchmarks.team_sync                           # 20 members x 1,000 edits
    python -m benchmarks.team_sync --members 3 --edits 100   # a quick look, under a minute

A throw-away TLS-only PostgreSQL starts (tests/team/pg_cluster.py, Debian's ``postgresql``
binaries), with one database and an owner login, as an organisation would set up. Every member
is a process of its own with its own vault (its own SQLite connection and keys), as on separate
laptops; all of them run at once, so on a small machine they share its cores. The founder's vault
gets demo cases (services/demo.py) and founds the team; it invites the others, they join, and one
sync of the founder lets them all in. Then every member makes its edits (`MIX`: field edits on
random cases, contacts logged, new cases, a few deletes, and a share on a few "hot" case fields
every member edits, so that conflicts arise), syncing every ``--sync-every`` edits. Afterwards
everyone syncs, all at once, round after round, until a round in which nobody sent anything: then
each member holds every record. Every member's synced tables are hashed and must be identical,
and no edit may be lost (`lost_edits`: what was added is there, what was deleted is gone, unless
a delete or a conflict explains it).

Measured: edits per second overall, records appended per second on the server, sync round trips
(p50/p95), `SeqTaken` retries (someone appended first), conflicts (the same on every member),
time from the last edit until all converged, the server database's size and the bytes per change
set after bucket padding, and each member process's peak RSS. A table on screen; JSON in
benchmarks/results/<time>-<label>.json. Fictional people only.
"""

from __future__ import annotations

import argparse
import bisect
import cProfile
import hashlib
import io
import itertools
import json
import multiprocessing
import pstats
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks import machine

if TYPE_CHECKING:
    from casetracker.model import TeamState
    from casetracker.services.team import Outgoing
    from casetracker.services.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
PASSPHRASE = "team load test, fictional people only"
#: Fields a member edits on a random case.
FIELDS = ("notes", "home_region", "military_unit", "caseworker", "lawyer", "tags")
#: Fields of the hot cases every member edits (the same few, so edits collide).
HOT_FIELDS = ("notes", "home_region")
#: How long the coordinator waits for one step of one member before it gives up.
STEP_TIMEOUT = 1800.0
MAX_SETTLE_ROUNDS = 12
#: What members note of their edits, for the check that none was lost.
TRACKED = ("cases", "contacts", "deleted_cases", "deleted_contacts")
#: The edits: shares of each kind (``--hot`` replaces the first).
MIX = {
    "hot": 0.05,
    "field": 0.47,
    "contact": 0.30,
    "new_case": 0.15,
    "delete_contact": 0.02,
    "delete_case": 0.01,
}
STEPS = ("fetch", "merge", "send", "sent")


def progress(phase: str, seconds: float) -> None:
    print(f"{phase}: {seconds:.1f} s", file=sys.stderr, flush=True)


def percentile(values: Sequence[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# -- one member: a process of its own ---------------------------------------------------------
@dataclass
class SyncStats:
    """What one member's syncs did, collected around `TeamService.send`."""

    seconds: list[float] = field(default_factory=list)
    settle_seconds: list[float] = field(default_factory=list)
    seq_taken: int = 0
    busy: int = 0
    #: Syncs that raised something other than a `TeamError` (a bug), and the first one's words.
    errors: int = 0
    first_error: str = ""
    records_sent: int = 0
    change_sets_sent: int = 0
    zstd_bytes: int = 0
    sealed_bytes: int = 0
    #: Seconds in each of a sync's steps (fetch and send: network; merge and sent: the vault).
    steps: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STEPS, 0.0))
    #: The same in this process's CPU time: the work itself, without waiting for a core.
    steps_cpu: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STEPS, 0.0))


class Member:
    """One member's vault and its commands (run in the member's own process)."""

    def __init__(self, folder: Path, name: str) -> None:
        from casetracker.services.workspace import Workspace
        from casetracker.storage.kdf import FLOOR

        self.name = name
        self.ws: Workspace = Workspace.create(
            folder / f"{name.replace(' ', '_')}.ctvault", PASSPHRASE, kdf=FLOOR, actor=name
        )[0]
        self.stats = SyncStats()
        for step in STEPS:
            setattr(self.ws.team, step, self._timed(step, getattr(self.ws.team, step)))
        send = self.ws.team.send

        def counting(state: TeamState, outgoing: Sequence[Outgoing]) -> list[Outgoing]:
            from casetracker.storage.change_sets import encode

            done = send(state, outgoing)
            if len(done) < len(outgoing):
                self.stats.seq_taken += 1
            self.stats.records_sent += len(done)
            for item in done:
                if item.changes is not None:
                    self.stats.change_sets_sent += 1
                    self.stats.zstd_bytes += len(encode(item.changes))
                    self.stats.sealed_bytes += len(item.body)
            return done

        # The sync loop calls self.send: counting sees every attempt and what got through.
        self.ws.team.send = counting  # type: ignore[method-assign]

    def _timed(self, step: str, call: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*arguments: Any) -> Any:
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return call(*arguments)
            finally:
                self.stats.steps[step] += time.perf_counter() - start
                self.stats.steps_cpu[step] += time.process_time() - cpu

        return timed

    def found(self, dsn: str, cases: int, seed: int, names: list[str]) -> list[str]:
        from casetracker.services import demo

        demo.generate(self.ws, cases, seed=seed)
        self.ws.team.init(dsn, self.name)
        self.ws.team.sync()
        return [self.ws.team.invite(name) for name in names]

    def join(self, code: str) -> str:
        return self.ws.team.join(code)

    def sync(self, into: list[float] | None = None) -> dict[str, int]:
        from casetracker.services.team import Offline, TeamError

        start = time.perf_counter()
        try:
            report = self.ws.team.sync()
        except Offline:
            raise
        except TeamError as exc:
            if "busy" in str(exc):  # after its rounds of SeqTaken: the next sync tries again
                self.stats.busy += 1
                return {"received": 0, "sent": 0, "conflicts": 0, "busy": 1}
            return self._failed(exc)  # changes that could not be merged: a bug, here
        except Exception as exc:  # a bug: noted, and the run goes on to show what follows
            return self._failed(exc)
        finally:
            (self.stats.seconds if into is None else into).append(time.perf_counter() - start)
        return {"received": report.received, "sent": report.sent, "conflicts": report.conflicts}

    def _failed(self, exc: Exception) -> dict[str, int]:
        self.stats.errors += 1
        self.stats.first_error = self.stats.first_error or f"{type(exc).__name__}: {exc}"
        return {"received": 0, "sent": 0, "conflicts": 0, "error": 1}

    def settle(self) -> dict[str, int]:
        return self.sync(self.stats.settle_seconds)

    def _ids(self) -> tuple[list[Any], list[Any]]:
        """The cases and contacts this member holds now (others' arrive with each sync)."""
        from sqlmodel import select

        from casetracker.model import Case, ContactEvent

        with self.ws.reading() as session:
            return list(session.exec(select(Case.id))), list(session.exec(select(ContactEvent.id)))

    def edits(
        self, count: int, sync_every: int, seed: int, mix: dict[str, float], profile: bool = False
    ) -> dict[str, Any]:
        if not profile:
            return self._edits(count, sync_every, seed, mix)
        profiler = cProfile.Profile()
        result = profiler.runcall(self._edits, count, sync_every, seed, mix)
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(40)
        return result | {"profile": text.getvalue()}

    def _edits(
        self, count: int, sync_every: int, seed: int, mix: dict[str, float]
    ) -> dict[str, Any]:
        rng, kinds_rng = random.Random(seed), random.Random(-seed)  # the mix is the same each run
        self.stats = SyncStats()  # the founder's first change sets are not the edits'
        hot_cases = [self.ws.cases.get(f"CT-{n:04d}").id for n in range(1, 4)]
        case_ids, contact_ids = self._ids()
        kinds: Counter[str] = Counter()
        made: dict[str, list[str]] = {name: [] for name in TRACKED}
        edit_seconds: list[float] = []
        last_edit = time.monotonic()
        bounds = list(itertools.accumulate(mix.values()))
        for i in range(count):
            kind = list(mix)[bisect.bisect(bounds, kinds_rng.random() * bounds[-1])]
            kinds[kind] += 1
            start = time.perf_counter()
            self._edit(kind, i, rng, hot_cases, case_ids, contact_ids, made)
            edit_seconds.append(time.perf_counter() - start)
            last_edit = time.monotonic()
            if (i + 1) % sync_every == 0 or i + 1 == count:
                self.sync()
                case_ids, contact_ids = self._ids()
        return {
            "kinds": dict(kinds),
            "edit_seconds": edit_seconds,
            "last_edit": last_edit,
            "made": made,
            "seq_taken": self.stats.seq_taken,
            "busy": self.stats.busy,
            "errors": self.stats.errors,
        }

    def _edit(
        self,
        kind: str,
        i: int,
        rng: random.Random,
        hot_cases: list[Any],
        case_ids: list[Any],
        contact_ids: list[Any],
        made: dict[str, list[str]],
    ) -> None:
        """One edit of the mix; ``made`` notes what must be found (or explained) at the end."""
        from casetracker.model import Channel

        if kind == "hot":
            field = rng.choice(HOT_FIELDS)
            self.ws.cases.update(rng.choice(hot_cases), **{field: f"{self.name} {i}"})
        elif kind == "field":
            field = rng.choice(FIELDS)
            self.ws.cases.update(rng.choice(case_ids), **{field: f"{self.name} edit {i}"})
        elif kind == "contact":
            event = self.ws.contacts.log(
                rng.choice(case_ids),
                datetime.now().replace(microsecond=0),
                direct=rng.random() < 0.5,
                channel=rng.choice(list(Channel)),
                note=f"call {i} logged by {self.name}",
            )
            contact_ids.append(event.id)
            made["contacts"].append(f"{event.id.hex} {event.case_id.hex}")
        elif kind == "new_case":
            case = self.ws.cases.create(f"Benchmark Person {self.name} {i}", home_region="Oblast")
            case_ids.append(case.id)
            made["cases"].append(case.id.hex)
        elif kind == "delete_contact" and contact_ids:
            event_id = contact_ids.pop(rng.randrange(len(contact_ids)))
            self.ws.contacts.delete(event_id)
            made["deleted_contacts"].append(event_id.hex)
        elif kind == "delete_case":
            choices = [c for c in case_ids if c not in hot_cases]
            case_id = rng.choice(choices)
            case_ids.remove(case_id)
            self.ws.cases.delete(case_id)
            made["deleted_cases"].append(case_id.hex)

    def digest(self) -> dict[str, Any]:
        """A hash of every synced table row by row (as tests/team/test_team_sync.py compares),
        the open conflicts, and the counts the edits must add up to."""
        from casetracker.services.team import synced_tables
        from casetracker.storage.database import raw_connection

        raw = raw_connection(self.ws.engine)
        hashed = hashlib.sha256()
        for table in synced_tables(raw):
            for row in raw.execute(f'SELECT rowid, * FROM main."{table}" ORDER BY rowid'):
                hashed.update(f"{table} {row!r}\n".encode())
        conflicts = sorted(
            (c.entity, c.record_id, c.field, c.kind, c.kept, c.ours, c.ours_by)
            for c in self.ws.team.conflicts()
        )
        state = self.ws.team.state()
        count = {
            table: int(raw.execute(f'SELECT count(*) FROM main."{table}"').fetchone()[0])
            for table in ("case", "contactevent", "syncconflict")
        }
        present = {
            name: sorted(str(i) for (i,) in raw.execute(f'SELECT id FROM main."{table}"'))
            for name, table in (("cases", "case"), ("contacts", "contactevent"))
        }
        return {
            "present": present,
            "digest": hashed.hexdigest(),
            "conflicts": conflicts,
            "synced_seq": state.synced_seq if state else 0,
            "to_send": self.ws.team.status().to_send,
            "counts": count,
        }

    def report(self) -> dict[str, Any]:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return {
            "sync": self.stats.__dict__,
            "peak_rss_bytes": usage.ru_maxrss * 1024,
            "cpu_seconds": usage.ru_utime + usage.ru_stime,
        }

    def close(self) -> None:
        self.ws.close(save=False)


def member_process(pipe: Connection, folder: str, name: str) -> None:
    """Answer the coordinator's commands until "close": ("ok", result) or ("error", text)."""
    member: Member | None = None
    while True:
        command, *arguments = pipe.recv()
        try:
            if command == "open":
                member = Member(Path(folder), name)
                result: Any = None
            else:
                assert member is not None
                result = getattr(member, command)(*arguments)
            pipe.send(("ok", result))
        except Exception:
            pipe.send(("error", traceback.format_exc(limit=8)))
        if command == "close":
            return


# -- the coordinator --------------------------------------------------------------------------
class MemberFailed(RuntimeError):
    pass


class Team:
    """The member processes, and commands sent to all (or some) of them at once."""

    def __init__(self, names: Sequence[str], folder: Path) -> None:
        context = multiprocessing.get_context("spawn")  # each a fresh interpreter, as a laptop
        self.names = list(names)
        self.pipes: list[Connection] = []
        self.processes: list[multiprocessing.process.BaseProcess] = []
        for name in names:
            ours, theirs = context.Pipe()
            process = context.Process(
                target=member_process, args=(theirs, str(folder), name), daemon=True
            )
            process.start()
            self.pipes.append(ours)
            self.processes.append(process)

    def ask(self, who: Sequence[int], command: str, *arguments: Any) -> list[Any]:
        return self.ask_each(who, lambda _index: (command, *arguments))

    def ask_each(self, who: Sequence[int], make: Callable[[int], tuple[Any, ...]]) -> list[Any]:
        """Send each member in ``who`` its command, then wait for all: they run concurrently."""
        for index in who:
            self.pipes[index].send(make(index))
        answers = []
        for index in who:
            try:
                if not self.pipes[index].poll(STEP_TIMEOUT):
                    raise MemberFailed(f"{self.names[index]}: no answer in {STEP_TIMEOUT:.0f} s")
                status, result = self.pipes[index].recv()
            except (EOFError, OSError) as exc:
                raise MemberFailed(f"{self.names[index]}: its process ended") from exc
            if status != "ok":
                raise MemberFailed(f"{self.names[index]}:\n{result}")
            answers.append(result)
        return answers

    def stop(self, *, at_once: bool = False) -> None:
        """Close every vault and end its process; ``at_once`` (the run failed or was
        interrupted): end them now, not after the step they are in."""
        for pipe, process in zip(self.pipes, self.processes, strict=True):
            if process.is_alive() and not at_once:
                try:
                    pipe.send(("close",))
                    if pipe.poll(30):
                        pipe.recv()
                except (OSError, EOFError):
                    pass
                process.join(10)
            if process.is_alive():
                process.terminate()
                process.join(5)


def server_facts(db: Any) -> dict[str, Any]:
    """What the server holds: records by kind, their sizes, the database's size."""
    kinds = {
        int(kind): {"records": int(n), "bytes": int(size)}
        for kind, n, size in db.superuser_sql(
            "SELECT kind, count(*), sum(octet_length(body)) FROM casetracker.log GROUP BY kind"
        )
    }
    sizes = {
        int(size): int(n)
        for size, n in db.superuser_sql(
            "SELECT octet_length(body), count(*) FROM casetracker.log WHERE kind = 2 "
            "GROUP BY 1 ORDER BY 1"
        )
    }
    (database_bytes,) = db.superuser_sql("SELECT pg_database_size(current_database())")[0]
    (log_bytes,) = db.superuser_sql("SELECT pg_total_relation_size('casetracker.log')")[0]
    (head,) = db.superuser_sql("SELECT coalesce(max(seq), 0) FROM casetracker.log")[0]
    return {
        "head": int(head),
        "kinds": kinds,
        "change_set_sizes": sizes,
        "database_bytes": int(database_bytes),
        "log_table_bytes": int(log_bytes),
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    from tests.team.pg_cluster import create_team_db, drop_team_db, postgres_bin, start_cluster

    bin_dir = postgres_bin()
    if bin_dir is None:
        raise SystemExit("PostgreSQL is not installed (Debian package postgresql).")
    names = [f"Member {n:02d}" for n in range(1, args.members + 1)]
    everyone = list(range(args.members))
    others = everyone[1:]
    phases: dict[str, float] = {}
    folder = Path(tempfile.mkdtemp(prefix="casetracker-team-bench-"))
    cluster = start_cluster(bin_dir)
    team: Team | None = None
    try:
        db = create_team_db(cluster)
        team = Team(names, folder)
        clock = time.perf_counter()
        team.ask(everyone, "open")
        phases["start_members"] = time.perf_counter() - clock
        progress("start_members", phases["start_members"])

        clock = time.perf_counter()
        (codes,) = team.ask([0], "found", db.owner_dsn, args.cases, args.seed, names[1:])
        phases["found"] = time.perf_counter() - clock
        progress("found", phases["found"])
        clock = time.perf_counter()
        team.ask_each(others, lambda index: ("join", codes[index - 1]))
        team.ask([0], "settle")  # the founder lets them all in
        team.ask(others, "settle")  # and each takes the team's cases
        phases["join"] = time.perf_counter() - clock
        progress("join", phases["join"])
        joined = team.ask(everyone, "digest")
        before = server_facts(db)

        started = time.perf_counter()
        done = team.ask_each(
            everyone,
            lambda index: (
                "edits",
                args.edits,
                args.sync_every,
                args.seed * 1000 + index,
                mix_of(args),
                args.profile and index == 1,
            ),
        )
        edits_done = time.perf_counter()
        phases["edits"] = edits_done - started
        progress("edits", phases["edits"])
        if args.profile:
            print(done[1]["profile"], file=sys.stderr)
        after_edits = server_facts(db)
        last_edit = max(result["last_edit"] for result in done)

        rounds: list[dict[str, int]] = []
        converged_at: float | None = None
        for _ in range(MAX_SETTLE_ROUNDS):
            answers = team.ask(everyone, "settle")
            round_facts = {
                "received": sum(a["received"] for a in answers),
                "sent": sum(a["sent"] for a in answers),
                "busy": sum(a.get("busy", 0) for a in answers),
                "errors": sum(a.get("error", 0) for a in answers),
            }
            rounds.append(round_facts)
            if not (round_facts["sent"] or round_facts["busy"] or round_facts["errors"]):
                converged_at = time.monotonic()
                break
        phases["settle"] = time.perf_counter() - edits_done
        progress("settle", phases["settle"])
        states = team.ask(everyone, "digest")
        reports = team.ask(everyone, "report")
        final = server_facts(db)
        drop_team_db(db)
    finally:
        if team is not None:
            team.stop(at_once=sys.exc_info()[0] is not None)
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)
    result = summarise(args, phases, before, after_edits, final, done, rounds, states, reports)
    return result | {
        "joined_identical": len({state["digest"] for state in joined}) == 1,
        "lost": lost_edits(done, states[0]),
        "last_edit_to_quiet": None if converged_at is None else converged_at - last_edit,
    }


def mix_of(args: argparse.Namespace) -> dict[str, float]:
    deletes = {"delete_contact": args.deletes * 2 / 3, "delete_case": args.deletes / 3}
    return MIX | {"hot": args.hot} | deletes


def lost_edits(done: list[dict[str, Any]], end: dict[str, Any]) -> dict[str, list[str]]:
    """What a member did that the converged vault neither holds nor explains.

    A case added must be there unless someone deleted it; a contact logged, unless someone
    deleted it or its case; a case or contact deleted must be gone. A conflict on the row
    (listed for a person to decide) explains any of these.
    """
    made = {name: {item for d in done for item in d["made"][name]} for name in TRACKED}
    cases, contacts = set(end["present"]["cases"]), set(end["present"]["contacts"])
    conflicted = {conflict[1] for conflict in end["conflicts"]}
    explained = conflicted | made["deleted_cases"] | made["deleted_contacts"]
    logged = [pair.split() for pair in made["contacts"]]
    return {
        "cases": sorted(c for c in made["cases"] if c not in cases and c not in explained),
        "contacts": sorted(
            event
            for event, case in logged
            if event not in contacts and event not in explained and case in cases
        ),
        "deletes": sorted(
            row
            for row in made["deleted_cases"] | made["deleted_contacts"]
            if (row in cases or row in contacts) and row not in conflicted
        ),
    }


def summarise(
    args: argparse.Namespace,
    phases: dict[str, float],
    before: dict[str, Any],
    after_edits: dict[str, Any],
    final: dict[str, Any],
    done: list[dict[str, Any]],
    rounds: list[dict[str, int]],
    states: list[dict[str, Any]],
    reports: list[dict[str, Any]],
) -> dict[str, Any]:
    """The figures the table and the JSON show, and whether everyone agrees."""
    digests = {state["digest"] for state in states}
    conflict_lists = {json.dumps(state["conflicts"]) for state in states}
    syncs = [s for r in reports for s in r["sync"]["seconds"]]
    settles = [s for r in reports for s in r["sync"]["settle_seconds"]]
    edits = [s for d in done for s in d["edit_seconds"]]
    total_edits = len(edits)
    change_sets = sum(r["sync"]["change_sets_sent"] for r in reports)
    zstd = sum(r["sync"]["zstd_bytes"] for r in reports)
    sealed = sum(r["sync"]["sealed_bytes"] for r in reports)
    kinds: Counter[str] = Counter()
    for d in done:
        kinds.update(d["kinds"])
    rss = [r["peak_rss_bytes"] for r in reports]
    return {
        "members": args.members,
        "edits_per_member": args.edits,
        "sync_every": args.sync_every,
        "cases_at_start": args.cases,
        "mix": mix_of(args),
        "processes_at_once": args.members,
        "phases_seconds": phases,
        "edits": total_edits,
        "edit_kinds": dict(kinds),
        "edits_per_second": total_edits / phases["edits"],
        "edit_seconds": {"p50": percentile(edits, 0.5), "p95": percentile(edits, 0.95)},
        "records_appended_during_edits": after_edits["head"] - before["head"],
        "records_per_second": (after_edits["head"] - before["head"]) / phases["edits"],
        "sync_round_trip": {
            "n": len(syncs),
            "p50": percentile(syncs, 0.5),
            "p95": percentile(syncs, 0.95),
            "max": max(syncs, default=None),
        },
        "settle_round_trip": {"n": len(settles), "p50": percentile(settles, 0.5)},
        "seq_taken_retries": sum(d["seq_taken"] for d in done),
        "too_busy": sum(d["busy"] for d in done),
        "seq_taken_retries_settling": sum(r["sync"]["seq_taken"] for r in reports)
        - sum(d["seq_taken"] for d in done),
        "member_cpu_seconds": sum(r["cpu_seconds"] for r in reports),
        "sync_errors": sum(r["sync"]["errors"] for r in reports),
        "sync_errors_by_member": [r["sync"]["errors"] for r in reports],
        "first_sync_error": next(
            (r["sync"]["first_error"] for r in reports if r["sync"]["errors"]), ""
        ),
        "settle_rounds": rounds,
        "converged": len(digests) == 1 and all(s["to_send"] == 0 for s in states),
        "same_conflicts_everywhere": len(conflict_lists) == 1,
        "conflicts": len(states[0]["conflicts"]),
        "conflict_kinds": dict(Counter(c[3] for c in states[0]["conflicts"])),
        "conflict_fields": dict(Counter(f"{c[0]}.{c[2] or c[3]}" for c in states[0]["conflicts"])),
        "conflicts_repeated": sum(
            n - 1 for n in Counter((c[1], c[2], c[5]) for c in states[0]["conflicts"]).values()
        ),
        "sync_step_seconds": {
            step: sum(r["sync"]["steps"][step] for r in reports) for step in STEPS
        },
        "sync_step_cpu_seconds": {
            step: sum(r["sync"]["steps_cpu"][step] for r in reports) for step in STEPS
        },
        "counts": states[0]["counts"],
        "synced_seq": sorted({s["synced_seq"] for s in states}),
        "server": final,
        "change_sets_sent": change_sets,
        "bytes_per_change_set": {
            "zstd": zstd / change_sets if change_sets else None,
            "sealed": sealed / change_sets if change_sets else None,
        },
        "peak_rss_bytes": {"max": max(rss), "median": statistics.median(rss)},
    }


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value * 1000:,.0f} ms"


def table(result: dict[str, Any]) -> str:
    server, counts = result["server"], result["counts"]
    per = result["bytes_per_change_set"]
    rows = [
        ("members x edits", f"{result['members']} x {result['edits_per_member']:,}"),
        ("member processes at once", f"{result['processes_at_once']}"),
        ("edits (kinds)", ", ".join(f"{k} {v}" for k, v in sorted(result["edit_kinds"].items()))),
        ("edit phase", f"{result['phases_seconds']['edits']:.1f} s"),
        ("edits/s overall", f"{result['edits_per_second']:.1f}"),
        (
            "one edit p50 / p95",
            f"{_ms(result['edit_seconds']['p50'])} / {_ms(result['edit_seconds']['p95'])}",
        ),
        ("records appended/s (server)", f"{result['records_per_second']:.1f}"),
        (
            "sync round trip p50 / p95 / max",
            " / ".join(_ms(result["sync_round_trip"][k]) for k in ("p50", "p95", "max"))
            + f" (n = {result['sync_round_trip']['n']})",
        ),
        (
            "time in sync steps, all members",
            ", ".join(f"{k} {v:.0f} s" for k, v in result["sync_step_seconds"].items()),
        ),
        (
            "  of which CPU",
            ", ".join(f"{k} {v:.0f} s" for k, v in result["sync_step_cpu_seconds"].items()),
        ),
        (
            "SeqTaken retries: editing / settling",
            f"{result['seq_taken_retries']} / {result['seq_taken_retries_settling']}",
        ),
        ("syncs given up 'too busy' while editing", f"{result['too_busy']}"),
        (
            "syncs that failed (a bug)",
            f"{result['sync_errors']}"
            + (f" ({result['first_sync_error']})" if result["sync_errors"] else ""),
        ),
        ("CPU of all member processes", f"{result['member_cpu_seconds']:.0f} s"),
        ("settle rounds until quiet", f"{len(result['settle_rounds'])}"),
        (
            "last edit to convergence",
            "-"
            if result["last_edit_to_quiet"] is None
            else f"{result['last_edit_to_quiet']:.1f} s",
        ),
        ("all converged (identical hashes)", "yes" if result["converged"] else "NO"),
        (
            "conflicts (same on every member)",
            f"{result['conflicts']} ({'yes' if result['same_conflicts_everywhere'] else 'NO'})",
        ),
        (
            "conflicts by field (or kind)",
            ", ".join(f"{k} {v}" for k, v in sorted(result["conflict_fields"].items())),
        ),
        ("conflicts listed twice", f"{result['conflicts_repeated']}"),
        ("cases / contacts at the end", f"{counts['case']:,} / {counts['contactevent']:,}"),
        (
            "edits lost",
            ", ".join(f"{k} {len(v)}" for k, v in result["lost"].items() if v) or "none",
        ),
        ("server records (head)", f"{server['head']:,}"),
        (
            "server database size",
            f"{server['database_bytes'] / 1e6:.1f} MB "
            f"(log table {server['log_table_bytes'] / 1e6:.1f} MB)",
        ),
        (
            "bytes per change set: zstd / sealed",
            "-" if per["zstd"] is None else f"{per['zstd']:,.0f} / {per['sealed']:,.0f}",
        ),
        (
            "peak RSS per member: median / max",
            f"{result['peak_rss_bytes']['median'] / 1e6:.0f}"
            f" / {result['peak_rss_bytes']['max'] / 1e6:.0f} MB",
        ),
    ]
    width = max(len(label) for label, _ in rows)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.team_sync",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--members", type=int, default=20)
    parser.add_argument("--edits", type=int, default=1000, help="per member")
    parser.add_argument("--sync-every", type=int, default=50, help="edits between syncs")
    parser.add_argument("--cases", type=int, default=300, help="demo cases the founder has")
    parser.add_argument(
        "--hot",
        type=float,
        default=0.05,
        help="share of edits on the hot case fields every member edits",
    )
    parser.add_argument(
        "--deletes",
        type=float,
        default=MIX["delete_contact"] + MIX["delete_case"],
        help="share of deletes (two thirds contacts, one third cases); 0 for none",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--label", default="team", help="a word for the JSON file name")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--no-json", action="store_true")
    parser.add_argument(
        "--profile", action="store_true", help="profile the second member's edits and syncs"
    )
    args = parser.parse_args(argv)
    if args.members < 2 or args.edits < 1 or args.sync_every < 1:
        parser.error("at least 2 members, 1 edit and a sync every 1 edit or more")
    started = datetime.now(UTC)
    load_start = machine.load_average()
    clock = time.perf_counter()
    result = run(args)
    document = {
        "label": args.label,
        "started": started.strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine.describe(),
        "load_start": load_start,
        "team_sync": result,
        "load_end": machine.load_average(),
        "seconds": time.perf_counter() - clock,
    }
    print(table(result))
    print(
        f"load average at start {load_start}, at end {document['load_end']}; "
        f"whole run {document['seconds']:.0f} s"
    )
    if not args.no_json:
        args.out.mkdir(parents=True, exist_ok=True)
        path = args.out / f"{started:%Y%m%d-%H%M%S}-{args.label}.json"
        path.write_text(json.dumps(document, indent=1))
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    ok = result["converged"] and result["same_conflicts_everywhere"] and not result["sync_errors"]
    ok = ok and not any(result["lost"].values())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
