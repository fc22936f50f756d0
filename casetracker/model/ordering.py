"""The order of a case's status changes, shared by the app and the dossier."""

from datetime import date, datetime


def status_order(
    changed_on: date | None, first: bool, recorded: datetime | None
) -> tuple[date, float]:
    """Where a status change stands in a case's history.

    By its day; one whose day is not known stands first if it is the case's first status (a
    new case's "detained, since when not known") and otherwise where it was recorded (a sheet
    re-imported today saying "released").
    """
    stamp = recorded.timestamp() if recorded is not None else 0.0
    if changed_on is not None:
        return changed_on, stamp
    if first or recorded is None:
        return date.min, stamp
    return recorded.date(), stamp
