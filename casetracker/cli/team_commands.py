"""Commands of a team: found one, invite and remove members, list them, sync, decide conflicts.

An invitation code holds a server login: it is printed once, to be handed over in person, and
`team join` reads it from the terminal rather than the command line, where other users of the
computer could see it (`ps`) and the shell would remember it.
"""

import sys
from argparse import ArgumentParser, Namespace
from pathlib import Path

from casetracker.cli.output import err, out
from casetracker.cli.parsing import Subcommands
from casetracker.cli.vault_commands import open_workspace
from casetracker.i18n import translate
from casetracker.services.errors import InvalidInput
from casetracker.services.team import Offline, SyncReport

_SHORT_ID = 8


def _vault(p: ArgumentParser) -> None:
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))


def add_commands(sub: Subcommands) -> None:
    commands = sub.add_group(
        "team",
        dest="team_command",
        help=translate("cli", "share one case base with a team through a server"),
    )

    p = commands.add_parser("init", help=translate("cli", "start a team with this vault's cases"))
    _vault(p)
    p.add_argument(
        "--server",
        required=True,
        metavar="DSN",
        help=translate(
            "cli",
            'the PostgreSQL server, e.g. "host=db.example.org dbname=team user=owner '
            'sslmode=verify-full" (the password from PGPASSWORD or ~/.pgpass)',
        ),
    )
    p.add_argument(
        "--name",
        help=translate("cli", "your name as the team will see it (default: --actor or OS user)"),
    )
    p.set_defaults(func=cmd_init)

    p = commands.add_parser("invite", help=translate("cli", "print an invitation code"))
    _vault(p)
    p.add_argument("name", help=translate("cli", "the new member's name"))
    p.add_argument(
        "--admin", action="store_true", help=translate("cli", "they may invite and remove too")
    )
    p.set_defaults(func=cmd_invite)

    p = commands.add_parser("join", help=translate("cli", "join a team with an invitation code"))
    _vault(p)
    p.add_argument(
        "code",
        nargs="?",
        help=translate("cli", "the invitation code (better: leave it out and paste it when asked)"),
    )
    p.add_argument(
        "--server-ca",
        type=Path,
        help=translate(
            "cli",
            "the team's CA certificate on this computer, when the administrator keeps it "
            "elsewhere (the code names the path on his)",
        ),
    )
    p.set_defaults(func=cmd_join)

    p = commands.add_parser("members", help=translate("cli", "list the team's members"))
    _vault(p)
    p.set_defaults(func=cmd_members)

    p = commands.add_parser("remove", help=translate("cli", "take a member out of the team"))
    _vault(p)
    p.add_argument("name", help=translate("cli", "the member's name as `team members` lists it"))
    p.set_defaults(func=cmd_remove)

    p = commands.add_parser("conflicts", help=translate("cli", "list what waits for a decision"))
    _vault(p)
    p.set_defaults(func=cmd_conflicts)

    p = commands.add_parser("resolve", help=translate("cli", "decide one conflict"))
    _vault(p)
    p.add_argument(
        "id", help=translate("cli", "the conflict's number as `team conflicts` prints it")
    )
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument(
        "--keep", action="store_true", help=translate("cli", "keep the value the case has")
    )
    choice.add_argument(
        "--take", action="store_true", help=translate("cli", "take the value that waited")
    )
    p.set_defaults(func=cmd_resolve)

    p = sub.add_parser(
        "sync", help=translate("cli", "send this vault's changes to the team, take theirs")
    )
    _vault(p)
    p.set_defaults(func=cmd_sync)


def cmd_init(args: Namespace) -> int:
    with open_workspace(args) as ws:
        ws.team.init(args.server, args.name or ws.actor)
        report = ws.team.sync()
    out(translate("cli", "The team is started; you are its administrator."))
    _print_report(report)
    return 0


def cmd_invite(args: Namespace) -> int:
    with open_workspace(args) as ws:
        code = ws.team.invite(args.name, admin=args.admin)
    err(
        translate(
            "cli",
            "Hand this code to {name} in person. Anyone who has it can join as {name} until "
            "they do; your next sync lets them in.",
        ).format(name=args.name)
    )
    out(code)
    return 0


def cmd_join(args: Namespace) -> int:
    code = args.code
    if not code:
        if sys.stdin.isatty():
            err(translate("cli", "Paste the invitation code, then press Enter:"))
        code = sys.stdin.readline()
    if not code.strip():
        raise InvalidInput(translate("cli", "No invitation code was given."))
    with open_workspace(args) as ws:
        name = ws.team.join(code, server_ca=str(args.server_ca.resolve()) if args.server_ca else "")
        try:
            report = ws.team.sync()
        except Offline:
            report = SyncReport(waiting_for_key=True)
    out(translate("cli", "You asked to join as {name}.").format(name=name))
    if report.waiting_for_key:
        out(
            translate(
                "cli",
                "An administrator's next sync lets you in; then run `casetracker sync` to "
                "receive the team's cases.",
            )
        )
    else:
        _print_report(report)
    return 0


def cmd_members(args: Namespace) -> int:
    with open_workspace(args) as ws:
        members = ws.team.members()
        invites = ws.team.invitations()
        seq, head = ws.team.head()
    for member in members:
        marks = []
        if member.admin:
            marks.append(translate("cli", "administrator"))
        if member.me:
            marks.append(translate("cli", "you"))
        extra = f"  ({', '.join(marks)})" if marks else ""
        out(f"{member.name}{extra}\n    {translate('cli', 'key')} {member.fingerprint}")
    for invite in invites:
        out(translate("cli", "{name}  (invited, not joined yet)").format(name=invite.name))
    out(
        translate(
            "cli",
            "Record {seq}, {head}: compare it with a teammate after you both synced; if it "
            "differs, the server shows you different histories.",
        ).format(seq=seq, head=head)
    )
    return 0


def cmd_remove(args: Namespace) -> int:
    with open_workspace(args) as ws:
        ws.team.remove(args.name)
    out(
        translate(
            "cli",
            "{name} is no longer a member: nothing written from now on can be read with their "
            "keys. What they already received stays with them.",
        ).format(name=args.name)
    )
    return 0


def cmd_conflicts(args: Namespace) -> int:
    with open_workspace(args) as ws:
        conflicts = ws.team.conflicts()
        names = {c.ours_by: ws.team.name_of(c.ours_by) for c in conflicts}
    for c in conflicts:
        what = f"{c.entity}.{c.field}" if c.field else c.entity
        waiting = translate("cli", "waiting, from {name}").format(
            name=names[c.ours_by] or c.ours_by
        )
        out(
            f"{c.id.hex[:_SHORT_ID]}  {what}  {c.kind}\n"
            f"    {translate('cli', 'kept')}: {c.kept}\n    {waiting}: {c.ours}"
        )
    out(translate("cli", "{n} conflict(s) to decide").format(n=len(conflicts)))
    return 0


def cmd_resolve(args: Namespace) -> int:
    with open_workspace(args) as ws:
        matches = [c for c in ws.team.conflicts() if c.id.hex.startswith(args.id.lower())]
        if len(matches) != 1:
            raise InvalidInput(
                translate("cli", "No single conflict starts with {id}.").format(id=args.id)
            )
        ws.team.resolve(matches[0].id, take_ours=args.take)
    out(translate("cli", "Decided; it reaches the team at the next sync."))
    return 0


def cmd_sync(args: Namespace) -> int:
    with open_workspace(args) as ws:
        report = ws.team.sync()
    _print_report(report)
    return 0


def _print_report(report: SyncReport) -> None:
    out(
        translate("cli", "Received {received}, sent {sent} change set(s).").format(
            received=report.received, sent=report.sent
        )
    )
    for name in report.joined:
        out(translate("cli", "{name} joined the team.").format(name=name))
    if report.conflicts:
        out(
            translate(
                "cli", "{n} conflict(s) to decide: `casetracker team conflicts` or the app."
            ).format(n=report.conflicts)
        )
    if report.waiting_for_key:
        out(translate("cli", "Waiting for an administrator to let you in."))
