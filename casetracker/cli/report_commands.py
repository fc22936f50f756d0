"""``report``: the monthly reports as a plain table, or as CSV files (counts only by default)."""

from argparse import Namespace
from pathlib import Path

from casetracker.cli import os_errors
from casetracker.cli.output import out
from casetracker.cli.parsing import Subcommands, date_option
from casetracker.cli.vault_commands import open_workspace
from casetracker.i18n import translate
from casetracker.services.report_export import headings, table_rows, write_report_csv
from casetracker.services.report_series import Period, Report, Which, build

ALL = "all"


def add_commands(sub: Subcommands) -> None:
    p = sub.add_parser(
        "report", help=translate("cli", "monthly reports: statuses, detentions, silence, places")
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument(
        "--which",
        choices=[*(w.value for w in Which), ALL],
        default=ALL,
        help=translate("cli", "which report (default: all)"),
    )
    p.add_argument(
        "--period",
        choices=[p.value for p in Period],
        default=Period.LAST_12_MONTHS.value,
        help=translate("cli", "the last twelve months (default) or every month with data"),
    )
    p.add_argument(
        "--as-of",
        help=translate("cli", "count up to this day instead of today (DD.MM.YYYY or YYYY-MM-DD)"),
    )
    p.add_argument(
        "--csv",
        type=Path,
        metavar="FILE",
        help=translate(
            "cli",
            "write CSV instead of printing; with --which all, one file per report named "
            "FILE-<report>.csv",
        ),
    )
    p.add_argument(
        "--with-refs",
        action="store_true",
        help=translate(
            "cli", "add the case references counted in each cell (without: counts only, no cases)"
        ),
    )
    p.add_argument(
        "--force", action="store_true", help=translate("cli", "replace an existing file")
    )
    p.set_defaults(func=cmd_report)


def csv_paths(target: Path, which: list[Which]) -> list[Path]:
    """Where each report goes: FILE itself for one report, FILE-<report>.csv for several."""
    if len(which) == 1:
        return [target]
    stem = target.name.removesuffix(".csv")
    return [target.with_name(f"{stem}-{w.value}.csv") for w in which]


def cmd_report(args: Namespace) -> int:
    as_of = date_option("--as-of", args.as_of) if args.as_of else None
    which = list(Which) if args.which == ALL else [Which(args.which)]
    period = Period(args.period)
    with open_workspace(args) as ws:
        reports = [build(ws, w, period, as_of, with_refs=args.with_refs) for w in which]
        if args.csv is None:
            for report in reports:
                _print(report, with_refs=args.with_refs)
            return 0
        for path, report in zip(csv_paths(args.csv, which), reports, strict=True):
            try:
                write_report_csv(ws, path, report, with_refs=args.with_refs, overwrite=args.force)
            except OSError as exc:  # name the user's file, not the temporary one beside it
                raise os_errors.cannot_write(path, exc) from None
            out(str(path))
    return 0


def _print(report: Report, *, with_refs: bool) -> None:
    out(report.title)
    header = headings(report, with_refs=with_refs)
    rows = [[str(cell) for cell in row] for row in table_rows(report, with_refs=with_refs)]
    if not rows:
        out(translate("cli", "Nothing to count yet."))
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(3)]
    for row in (header, *rows):
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2].rjust(widths[2])]
        out("  ".join([*cells, *row[3:]]).rstrip())
    if report.left_out:
        out(report.left_out)
    out("")
