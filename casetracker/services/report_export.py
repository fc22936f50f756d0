"""A report as a table (for the CLI and the CSV file), and the CSV file itself.

The CSV is long-form, one row per column and line (``2024-07, detained, 12``), which every
spreadsheet can pivot or chart. By default it holds counts only: no names, no references, so
it can leave the organisation. Case references are added only when the caseworker asks for
them (`with_refs`); names are never written. The places report names the places: they are
what such a report is about and what organisations publish, but a small count at a named place
can point at one man for someone who knows who was held there, so share it with that in mind.
"""

from pathlib import Path

from casetracker.i18n import translate
from casetracker.services.output_files import save_output
from casetracker.services.report_series import Report, Which
from casetracker.sharing.csv_cells import Cell, csv_bytes


def headings(report: Report, *, with_refs: bool) -> list[str]:
    """Column headings in the interface language."""
    x, line, count = {
        Which.STATUS_MONTHLY: (
            translate("reports", "Month"),
            translate("reports", "Status"),
            translate("reports", "Cases"),
        ),
        Which.DETENTIONS_MONTHLY: (
            translate("reports", "Month"),
            translate("reports", "Detention date"),
            translate("reports", "Detentions"),
        ),
        Which.SILENCE_WEEKS: (
            translate("reports", "Without proof of life"),
            translate("reports", "Group"),
            translate("reports", "Men"),
        ),
        Which.PLACES_TIMELINE: (
            translate("reports", "Month"),
            translate("reports", "Place"),
            translate("reports", "Men held"),
        ),
    }[report.which]
    out = [x, line, count]
    if with_refs:
        out.append(translate("reports", "Case references"))
    return out


def table_rows(report: Report, *, with_refs: bool) -> list[list[Cell]]:
    """One row per column and line, columns in order; references space-separated."""
    rows: list[list[Cell]] = []
    for index in range(len(report.columns)):
        label = report.column_label(index)
        for line in report.lines:
            row: list[Cell] = [label, line.label, line.counts[index]]
            if with_refs:
                row.append(" ".join(line.refs[index]) if line.refs is not None else "")
            rows.append(row)
    return rows


def report_csv(report: Report, *, with_refs: bool = False) -> bytes:
    return csv_bytes(headings(report, with_refs=with_refs), table_rows(report, with_refs=with_refs))


def write_report_csv(
    path: Path, report: Report, *, with_refs: bool = False, overwrite: bool = False
) -> None:
    """Save the report's CSV durably; an existing file is replaced only on request."""
    save_output(path, report_csv(report, with_refs=with_refs), overwrite=overwrite)
