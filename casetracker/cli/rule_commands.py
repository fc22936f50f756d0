"""Commands about the rules: list open flags, acknowledge or snooze one, tune the thresholds."""

import json
from argparse import Namespace
from datetime import date
from pathlib import Path
from typing import Any

from casetracker.cli.output import out
from casetracker.cli.parsing import Subcommands, date_option
from casetracker.cli.vault_commands import open_workspace
from casetracker.i18n import translate
from casetracker.model.labels import severity_label
from casetracker.rules.engine import RULES
from casetracker.rules.flag import Flag, Severity
from casetracker.rules.wording import day
from casetracker.services.errors import InvalidInput
from casetracker.services.flags import FlagService
from casetracker.services.settings import SPECS

# Place names can be long; the column stops growing here and the message still lines up.
MAX_SUBJECT_WIDTH = 24


def add_commands(sub: Subcommands) -> None:
    p = sub.add_parser("flags", help=translate("cli", "list the open flags, worst first"))
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    p.add_argument(
        "--as-of",
        help=translate("cli", "evaluate on this day instead of today (DD.MM.YYYY or YYYY-MM-DD)"),
    )
    p.add_argument(
        "--severity",
        choices=[s.value for s in Severity],
        help=translate("cli", "show only flags at this level or worse"),
    )
    p.add_argument("--case", help=translate("cli", "only flags about this case, e.g. CT-0042"))
    p.set_defaults(func=cmd_flags)

    p = sub.add_parser("ack", help=translate("cli", "acknowledge or snooze a flag, with a note"))
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    about = p.add_mutually_exclusive_group(required=True)
    about.add_argument("--case", help=translate("cli", "case reference, e.g. CT-0042"))
    about.add_argument("--facility", help=translate("cli", "place name or id, for a place's flag"))
    p.add_argument(
        "--rule",
        required=True,
        choices=[r.id for r in RULES],
        help=translate("cli", "the rule that raised the flag"),
    )
    p.add_argument(
        "--snooze-days",
        type=int,
        help=translate("cli", "hide it for this many days (without: until it gets worse)"),
    )
    p.add_argument(
        "--note", required=True, help=translate("cli", "why, in a few words, for colleagues")
    )
    p.set_defaults(func=cmd_ack)

    p = sub.add_parser("settings", help=translate("cli", "show or change the vault's settings"))
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("key", nargs="?", help=translate("cli", "setting to show or change"))
    p.add_argument("value", nargs="?", help=translate("cli", "new value"))
    p.set_defaults(func=cmd_settings)


def _as_of(text: str | None) -> date:
    return date_option("--as-of", text, future=True) if text else date.today()


def cmd_flags(args: Namespace) -> int:
    as_of = _as_of(args.as_of)
    severity = Severity(args.severity) if args.severity else None
    with open_workspace(args) as ws:
        reviews = FlagService(ws).review(as_of, severity=severity, case=args.case)
    shown = [r.flag for r in reviews if not r.hidden]
    if args.json:
        out(json.dumps([f.as_json() for f in shown], ensure_ascii=False, indent=2))
        return 0
    hidden = len(reviews) - len(shown)
    if not shown:
        out(translate("cli", "No open flags on {date}.").format(date=day(as_of)))
    else:
        counts = {s: sum(1 for f in shown if f.severity is s) for s in Severity}
        out(
            translate(
                "cli", "Open flags on {date}: {critical} critical, {warning} warning, {info} info."
            ).format(
                date=day(as_of),
                critical=counts[Severity.CRITICAL],
                warning=counts[Severity.WARNING],
                info=counts[Severity.INFO],
            )
        )
        _print_table(shown)
    if hidden:
        out(translate("cli", "{n} acknowledged or snoozed flag(s) not shown.").format(n=hidden))
    return 0


def _print_table(flags: list[Flag]) -> None:
    header = (
        translate("cli", "SEVERITY"),
        translate("cli", "SINCE"),
        translate("cli", "CASE/PLACE"),
        translate("cli", "RULE"),
        translate("cli", "WHAT"),
    )
    rows = [(severity_label(f.severity), day(f.since), f.subject, f.rule, f.message) for f in flags]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(4)]
    widths[2] = min(widths[2], MAX_SUBJECT_WIDTH)
    for row in (header, *rows):
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        out("  ".join([*cells, row[4]]))


def cmd_ack(args: Namespace) -> int:
    with open_workspace(args) as ws:
        state = FlagService(ws).acknowledge(
            args.rule,
            case=args.case,
            facility=args.facility,
            snooze_days=args.snooze_days,
            note=args.note,
        )
    subject = args.case.strip().upper() if args.case else args.facility.strip()
    if state.snoozed_until is not None:
        out(
            translate(
                "cli", "Snoozed {rule} on {subject} until {date}, or until it gets worse."
            ).format(rule=args.rule, subject=subject, date=day(state.snoozed_until))
        )
    else:
        out(
            translate(
                "cli", "Acknowledged {rule} on {subject}; it stays hidden until it gets worse."
            ).format(rule=args.rule, subject=subject)
        )
    return 0


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return translate("cli", "yes") if value else translate("cli", "no")
    return str(value)


def cmd_settings(args: Namespace) -> int:
    if args.key is None and args.value is not None:
        raise InvalidInput(translate("cli", "Name the setting to change."))
    with open_workspace(args) as ws:
        if args.key is None:
            values = ws.settings.all()
            width = max(len(k) for k in values)
            for key, value in values.items():
                out(
                    f"{key:<{width}}  {_shown(value):>5}  {translate('settings', SPECS[key].label)}"
                )
            return 0
        if args.value is None:
            out(_shown(ws.settings.get(args.key)))
            return 0
        value = ws.settings.set(args.key, args.value)
    out(translate("cli", "{key} is now {value}.").format(key=args.key, value=_shown(value)))
    return 0
