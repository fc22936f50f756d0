"""How both import commands (canonical CSV and any spreadsheet) report what they did."""

from argparse import Namespace

from casetracker.cli.output import out
from casetracker.i18n import translate
from casetracker.services.imports import ImportReport


def print_report(report: ImportReport, args: Namespace) -> int:
    """Bad rows with their lines, then one summary line; the exit code follows the outcome."""
    for error in report.errors:
        out(translate("cli", "line {line}: {reason}").format(line=error.line, reason=error.reason))
    for skipped in report.skipped_existing:
        out(
            translate("cli", "line {line}: skipped, {reason}").format(
                line=skipped.line, reason=skipped.reason
            )
        )
    summary = translate(
        "cli",
        "{cases} cases, {facilities} new places, {relatives} new relatives, {contacts} contacts",
    ).format(
        cases=report.cases_added,
        facilities=report.facilities_added,
        relatives=report.relatives_added,
        contacts=report.contacts_added,
    )
    if report.applied:
        out(translate("cli", "Imported: {summary}.").format(summary=summary))
        if report.errors:
            out(
                translate(
                    "cli", "{n} row(s) could not be read and were not imported (listed above)."
                ).format(n=len(report.errors))
            )
        return 0
    if args.dry_run:
        out(
            translate("cli", "Dry run, nothing written. Would import: {summary}.").format(
                summary=summary
            )
        )
        return 1 if report.errors and not args.skip_bad else 0
    out(
        translate(
            "cli",
            "Nothing was imported: {n} row(s) cannot be read. "
            "Fix them, or use --skip-bad to import the others.",
        ).format(n=len(report.errors))
    )
    return 1
