"""Commands for a debrief: who a released or moved man was held with, and what he saw."""

from argparse import Namespace
from pathlib import Path

from casetracker.cli.output import out
from casetracker.cli.parsing import Subcommands, date_option
from casetracker.cli.vault_commands import open_workspace
from casetracker.i18n import format_date, translate
from casetracker.model import Channel
from casetracker.model.labels import status_label
from casetracker.services import debrief
from casetracker.services.debrief import Span


def add_commands(sub: Subcommands) -> None:
    p = sub.add_parser(
        "debrief",
        help=translate("cli", "list the men held where he was, at the same time, to ask him about"),
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("case", help=translate("cli", "the released or moved man's case, e.g. CT-0042"))
    p.set_defaults(func=cmd_debrief)

    p = sub.add_parser(
        "seen-by",
        help=translate("cli", "log that one man saw another (second-hand news, not proof of life)"),
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("witness", help=translate("cli", "the case of the man who saw him"))
    p.add_argument("seen", help=translate("cli", "the case of the man he saw"))
    p.add_argument(
        "--on",
        required=True,
        help=translate("cli", "the day he told you, DD.MM.YYYY or YYYY-MM-DD"),
    )
    p.add_argument(
        "--channel",
        choices=[c.value for c in Channel],
        default=Channel.VISIT.value,
        help=translate("cli", "how he told you (default: visit)"),
    )
    p.add_argument("--note", default="", help=translate("cli", "what he saw, in a few words"))
    p.set_defaults(func=cmd_seen_by)


def span_text(span: Span) -> str:
    """The shared days in words: "01.07.2024 – 10.07.2024", an open end as "…"."""
    start = format_date(span.start) if span.start else "…"
    end = format_date(span.end) if span.end else "…"
    return start if span.start == span.end and span.start else f"{start} – {end}"


def cmd_debrief(args: Namespace) -> int:
    with open_workspace(args) as ws:
        rows = debrief.debrief_list(ws, args.case)
    statuses = [status_label(row.status) for row in rows]
    width = max(map(len, statuses), default=0)
    for row, status in zip(rows, statuses, strict=True):
        proof = format_date(row.last_proof_of_life.date()) if row.last_proof_of_life else "—"
        where = "; ".join(f"{o.place} {span_text(o.span)}" for o in row.overlaps)
        told = (
            "  "
            + translate("cli", "(he told us of him {day})").format(day=format_date(row.told_on))
            if row.told_on
            else ""
        )
        out(f"{row.ref:<9} {status:<{width}}  {proof:<10}  {row.full_name}  {where}{told}")
    out(translate("cli", "{n} man/men held with him").format(n=len(rows)))
    return 0


def cmd_seen_by(args: Namespace) -> int:
    day = date_option("--on", args.on)
    with open_workspace(args) as ws:
        debrief.log_seen_by(
            ws, args.witness, args.seen, day, channel=Channel(args.channel), note=args.note
        )
    out(
        translate(
            "cli", "Logged for {seen}: seen by {witness} (second-hand news) on {day}."
        ).format(
            seen=args.seen.strip().upper(),
            witness=args.witness.strip().upper(),
            day=format_date(day),
        )
    )
    return 0
