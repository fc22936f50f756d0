"""Numbers for the overview page: cases by status, place, region and unit."""

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from casetracker.model import CLOSED_STATUSES, CaseStatus

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault


@dataclass(frozen=True)
class Overview:
    total: int
    open: int
    by_status: list[tuple[CaseStatus, int]]
    by_facility: list[tuple[str, int]]
    by_region: list[tuple[str, int]]
    by_unit: list[tuple[str, int]]


def overview(ws: "OpenVault") -> Overview:
    """Counts over the case list; empty values are counted under ""."""
    rows = ws.cases.rows()
    statuses = Counter(row.status for row in rows)
    return Overview(
        total=len(rows),
        open=sum(1 for row in rows if row.status not in CLOSED_STATUSES),
        by_status=[(s, statuses[s]) for s in CaseStatus if statuses[s]],
        by_facility=Counter(row.facility for row in rows if row.facility).most_common(),
        by_region=Counter(row.home_region for row in rows).most_common(),
        by_unit=Counter(row.military_unit for row in rows).most_common(),
    )
