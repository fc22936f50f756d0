"""How both import commands (canonical CSV and any spreadsheet) report what they did."""

from argparse import Namespace

from casetracker.cli.output import out
from casetracker.i18n import translate
from casetracker.services.imports import ImportReport


def print_report(report: ImportReport, args: Namespace, *, sheet: bool = False) -> int:
    """Rows that need a look, by line, then a summary; the exit code follows the outcome.

    ``sheet``: a spreadsheet import, which can leave unreadable cells empty (say so).
    """
    for error in report.errors:
        out(translate("cli", "line {line}: {reason}").format(line=error.line, reason=error.reason))
    for blanked in report.blanked:
        out(
            translate(
                "cli", "line {line}: {reason} — left empty, the text is kept in the case's notes"
            ).format(line=blanked.line, reason=blanked.reason)
        )
    for skipped in report.skipped_existing:
        out(
            translate("cli", "line {line}: skipped, {reason}").format(
                line=skipped.line, reason=skipped.reason
            )
        )
    for updated in report.updated:
        out(
            translate("cli", "line {line}: updated, {reason}").format(
                line=updated.line, reason=updated.reason
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
    there = _already_there(report)
    if report.applied:
        out(translate("cli", "Imported: {summary}.").format(summary=summary) + there)
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
            + there
        )
        return 1 if report.errors and not args.skip_bad else 0
    text = translate(
        "cli",
        "Nothing was imported: {n} row(s) cannot be read. "
        "Fix them, or use --skip-bad to import the others.",
    ).format(n=len(report.errors))
    if sheet and not args.blank_bad_cells:
        text += " " + translate(
            "cli",
            "With --blank-bad-cells a row is imported even when a cell other than the name "
            "cannot be read: that cell is left empty and its text kept in the case's notes.",
        )
    out(text)
    return 1


def _already_there(report: ImportReport) -> str:
    """How many rows name a man the vault already holds, and what became of them."""
    if report.skipped_existing:
        return " " + translate(
            "cli",
            "{n} already in the vault, skipped (use --existing update to update them from the "
            "file).",
        ).format(n=len(report.skipped_existing))
    if report.updated:
        return " " + translate("cli", "{n} already in the vault, updated.").format(
            n=len(report.updated)
        )
    return ""
