"""Two men held in one basement: the witness released after 1-10 July, the other still there."""

from datetime import date

from casetracker.model import CaseStatus, CustodyPeriod
from casetracker.services.workspace import Workspace


def witness_and_other(ws: Workspace, witness: str, other: str) -> None:
    """CT-0001 ``witness`` (released) and CT-0002 ``other`` (held since 1 July), one place."""
    ws.cases.create(witness, status=CaseStatus.RELEASED)
    ws.cases.create(other, status=CaseStatus.DETAINED)
    place = ws.facilities.create("Подвал школы").id
    with ws.session() as s:
        for ref, until in (("CT-0001", date(2024, 7, 10)), ("CT-0002", None)):
            s.add(
                CustodyPeriod(
                    case_id=ws.cases.get(ref).id,
                    facility_id=place,
                    since=date(2024, 7, 1),
                    until=until,
                    ended=until is not None,
                )
            )
