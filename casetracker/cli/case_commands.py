"""Commands about cases: import, list, log a contact, fill with demo data."""

import json
from argparse import Namespace
from datetime import datetime, time
from pathlib import Path

from casetracker.cli import os_errors, passphrase, sharing_commands
from casetracker.cli.import_report import print_report
from casetracker.cli.output import out
from casetracker.cli.parsing import Subcommands, contact_option
from casetracker.cli.vault_commands import open_workspace, print_recovery_key
from casetracker.i18n import format_date, translate
from casetracker.model import CaseStatus, Channel
from casetracker.model.labels import status_label
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services import demo
from casetracker.services.errors import InvalidInput
from casetracker.services.imports import Existing
from casetracker.services.uncertain_dates import describe
from casetracker.services.workspace import Workspace
from casetracker.sharing import canonical_csv


def add_commands(sub: Subcommands) -> None:
    p = sub.add_parser("import", help=translate("cli", "import cases from the canonical CSV"))
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("file", type=Path, help=translate("cli", "the CSV or XLSX file to import"))
    p.add_argument("--dry-run", action="store_true", help=translate("cli", "report, write nothing"))
    p.add_argument(
        "--skip-bad",
        action="store_true",
        help=translate("cli", "import the good rows even when some rows cannot be read"),
    )
    sharing_commands.add_sheet_arguments(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("cases", help=translate("cli", "list cases"))
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    p.add_argument(
        "--search", help=translate("cli", "text in names, aliases, units, places, notes")
    )
    p.add_argument(
        "--status",
        choices=[s.value for s in CaseStatus],
        help=translate("cli", "only cases with this status"),
    )
    p.set_defaults(func=cmd_cases)

    p = sub.add_parser("log-contact", help=translate("cli", "record a contact with or about a man"))
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("--case", required=True, help=translate("cli", "case reference, e.g. CT-0042"))
    p.add_argument(
        "--date",
        required=True,
        help=translate(
            "cli",
            "day of the contact, DD.MM.YYYY or YYYY-MM-DD; add the time if known: "
            '"19.07.2024 18:00"; if the day is not known, a month or a range: '
            '"07.2024", "1-8.07.2024"',
        ),
    )
    how = p.add_mutually_exclusive_group()
    how.add_argument(
        "--direct",
        dest="direct",
        action="store_true",
        default=False,
        help=translate("cli", "he was heard himself (proof of life)"),
    )
    how.add_argument(
        "--second-hand",
        dest="direct",
        action="store_false",
        help=translate("cli", "news came through someone else (default)"),
    )
    p.add_argument(
        "--channel",
        choices=[c.value for c in Channel],
        default=Channel.CALL.value,
        help=translate("cli", "how the news came (default: call)"),
    )
    p.add_argument(
        "--reports-transfer", action="store_true", help=translate("cli", "he is being moved")
    )
    p.add_argument("--note", default="", help=translate("cli", "what was said, in a few words"))
    p.set_defaults(func=cmd_log_contact)

    p = sub.add_parser(
        "demo", help=translate("cli", "fill a vault (new or existing) with fictional cases")
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument(
        "--cases",
        type=int,
        default=60,
        help=translate("cli", "how many cases to add (default: 60)"),
    )
    p.add_argument(
        "--seed",
        type=int,
        default=7,
        help=translate("cli", "the same seed makes the same people (default: 7)"),
    )
    p.set_defaults(func=cmd_demo)


def cmd_import(args: Namespace) -> int:
    if sharing_commands.is_sheet_import(args):
        return sharing_commands.cmd_import_sheet(args)
    if args.blank_bad_cells or args.status_word:
        raise InvalidInput(
            translate(
                "cli",
                "This file is a Casetracker CSV, read exactly as written: --blank-bad-cells and "
                "--status-word are for your own spreadsheets. Fix the rows it lists, or leave "
                "them out with --skip-bad.",
            )
        )
    try:
        untrusted = args.file.read_bytes()
    except OSError as exc:
        raise os_errors.cannot_read(args.file, exc) from None
    parsed = canonical_csv.parse(untrusted)
    with open_workspace(args) as ws:
        report = ws.imports.apply(
            parsed,
            dry_run=args.dry_run,
            skip_bad=args.skip_bad,
            existing=Existing(args.existing),
        )
    return print_report(report, args)


def cmd_cases(args: Namespace) -> int:
    with open_workspace(args) as ws:
        rows = ws.cases.rows(
            search=args.search, status=CaseStatus(args.status) if args.status else None
        )
    if args.json:
        out(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2))
        return 0
    statuses = [status_label(r.status) for r in rows]
    width = max(map(len, statuses), default=0)
    for r, status in zip(rows, statuses, strict=True):
        proof = format_date(r.last_proof_of_life) if r.last_proof_of_life else "—"
        out(f"{r.ref:<9} {status:<{width}} {proof:<10} {r.full_name}  {r.facility}")
    out(translate("cli", "{n} case(s)").format(n=len(rows)))
    return 0


def cmd_log_contact(args: Namespace) -> int:
    given = contact_option("--date", args.date)  # no time given: the time is unknown
    at = None if isinstance(given, UncertainDate) else given[1]
    when = given if isinstance(given, UncertainDate) else datetime.combine(given[0], at or time())
    with open_workspace(args) as ws:
        ws.contacts.log(
            args.case,
            when,
            time_known=at is not None,
            direct=args.direct,
            channel=Channel(args.channel),
            reports_transfer=args.reports_transfer,
            note=args.note,
        )
    kind = (
        translate("cli", "proof of life") if args.direct else translate("cli", "second-hand news")
    )
    if isinstance(given, UncertainDate):
        said = translate("cli", "Logged for {ref}: {kind}, {when}.").format(
            ref=args.case.upper(), kind=kind, when=describe(given)
        )
    else:
        said = translate("cli", "Logged for {ref}: {kind} on {day}.").format(
            ref=args.case.upper(),
            kind=kind,
            day=format_date(given[0]) + (f" {at:%H:%M}" if at is not None else ""),
        )
    out(said)
    return 0


def cmd_demo(args: Namespace) -> int:
    if args.vault.exists():
        ws = open_workspace(args)
    else:
        secret = passphrase.new(args, file_attr="passphrase_file", env="CASETRACKER_PASSPHRASE")
        ws, recovery_key = Workspace.create(args.vault, secret, actor=args.actor)
        print_recovery_key(recovery_key)
    with ws:
        n = demo.generate(ws, args.cases, seed=args.seed)
    out(translate("cli", "Added {n} fictional cases.").format(n=n))
    return 0
