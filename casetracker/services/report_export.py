"""A report as a table (for the CLI and the CSV file), and the CSV file itself.

The CSV is long-form, one row per column and line (``2024-07, detained, 12``), which every
spreadsheet can pivot or chart. By default it holds counts only: no names, no references, so
it can leave the organisation. Case references are added only when the caseworker asks for
them (`with_refs`); names are never written.

The places report names the places: they are what such a report is about and what
organisations publish. But "1 man at the basement in Brianka in July" points at one man for
anyone who knows who was held there, so in the counts-only file a place's count from 1 to k − 1
is written as ``<k`` (k: the vault's ``anonymity_k``, the same as the anonymised export's, 5 by
default). The chart on screen, the printout and the file with references keep exact counts.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from casetracker.i18n import translate
from casetracker.services.consent import ANONYMITY_K
from casetracker.services.output_files import save_output
from casetracker.services.report_series import Report, Which
from casetracker.sharing.csv_cells import Cell, csv_bytes

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault


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


def table_rows(report: Report, *, with_refs: bool, small_below: int = 0) -> list[list[Cell]]:
    """One row per column and line, columns in order; references space-separated. With
    ``small_below``, a place's count from 1 to ``small_below`` − 1 is written ``<small_below``."""
    rows: list[list[Cell]] = []
    hide_small = report.which is Which.PLACES_TIMELINE and small_below > 1
    for index in range(len(report.columns)):
        label = report.column_label(index)
        for line in report.lines:
            count: Cell = line.counts[index]
            if hide_small and 0 < line.counts[index] < small_below:
                count = f"<{small_below}"
            row: list[Cell] = [label, line.label, count]
            if with_refs:
                row.append(" ".join(line.refs[index]) if line.refs is not None else "")
            rows.append(row)
    return rows


def report_csv(report: Report, *, with_refs: bool = False, small_below: int = 0) -> bytes:
    """The CSV; counts only unless ``with_refs``, small place counts hidden (see the module)."""
    rows = table_rows(report, with_refs=with_refs, small_below=0 if with_refs else small_below)
    return csv_bytes(headings(report, with_refs=with_refs), rows)


def write_report_csv(
    ws: "OpenVault",
    path: Path,
    report: Report,
    *,
    with_refs: bool = False,
    overwrite: bool = False,
) -> None:
    """Save the report's CSV durably; an existing file is replaced only on request."""
    small_below = int(ws.settings.get(ANONYMITY_K))
    data = report_csv(report, with_refs=with_refs, small_below=small_below)
    save_output(path, data, overwrite=overwrite)
