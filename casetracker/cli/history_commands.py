"""``history``: who changed what in a case, and when, filtered like the History tab."""

import json
from argparse import Namespace
from pathlib import Path

from casetracker.cli.output import out
from casetracker.cli.parsing import Subcommands, date_option
from casetracker.cli.vault_commands import open_workspace
from casetracker.i18n import format_date, translate
from casetracker.services import history
from casetracker.services.errors import InvalidInput
from casetracker.services.history import HistoryEntry, HistoryFilter, HistoryKind


def add_commands(sub: Subcommands) -> None:
    p = sub.add_parser(
        "history",
        help=translate(
            "cli", "who changed what in a case and when (this computer's time), newest first"
        ),
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("case", help=translate("cli", "case reference, e.g. CT-0042"))
    p.add_argument("--who", default="", help=translate("cli", "only changes by this caseworker"))
    p.add_argument(
        "--since", help=translate("cli", "only changes on or after this day (DD.MM.YYYY)")
    )
    p.add_argument(
        "--until", help=translate("cli", "only changes on or before this day (DD.MM.YYYY)")
    )
    p.add_argument(
        "--what",
        action="append",
        choices=[k.value for k in HistoryKind],
        help=translate("cli", "only changes of this kind (may be repeated)"),
    )
    p.add_argument("--text", default="", help=translate("cli", "only changes with these words"))
    p.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    p.set_defaults(func=cmd_history)


def cmd_history(args: Namespace) -> int:
    keep = HistoryFilter(
        kinds=frozenset(HistoryKind(k) for k in args.what or ()),
        who=args.who,
        since=date_option("--since", args.since) if args.since else None,
        until=date_option("--until", args.until) if args.until else None,
        text=args.text,
    )
    if keep.since and keep.until and keep.since > keep.until:
        raise InvalidInput(
            translate("cli", "--since {since} is after --until {until}; swap them.").format(
                since=args.since, until=args.until
            )
        )
    with open_workspace(args) as ws:
        found = history.case_history(ws, args.case, keep)
    if args.json:
        out(json.dumps([_json(e) for e in found], ensure_ascii=False, indent=2))
        return 0
    for entry in found:
        who = entry.actor or translate("cli", "(nobody named)")
        if entry.signed_by:
            who += f" ({history.signed_words(entry.signed_by)})"
        out(f"{format_date(entry.at.date())} {entry.at:%H:%M}  {who}  {entry.what}")
        if entry.changes:
            out(f"    {entry.changes_text()}")
    out(translate("cli", "{n} change(s)").format(n=len(found)))
    return 0


def _json(entry: HistoryEntry) -> dict[str, object]:
    changes: dict[str, object] = {}
    for c in entry.changes:
        values = {"old": c.old, "new": c.new}
        if c.old_code or c.new_code:  # an uncertain date: its codes beside the earliest days
            values |= {"old_code": c.old_code or None, "new_code": c.new_code or None}
        changes[c.name] = values
    return {
        "at": entry.at.isoformat(timespec="seconds"),
        "actor": entry.actor,
        "signed_by": entry.signed_by or None,
        "action": entry.action,
        "entity": entry.entity,
        "kind": entry.kind.value,
        "subject": entry.subject or None,
        "changes": changes,
    }
