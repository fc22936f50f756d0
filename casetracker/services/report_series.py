"""The monthly reports: counts over time, computed in bulk from the vault (no Qt).

Four reports, each a `Report` (columns along the x axis, one `Line` of counts per status,
place or group) that the Reports view draws, prints and exports, and the CLI prints:

- ``status-monthly``: every case's status at the end of each month, from its status history;
- ``detentions-monthly``: new detentions per month, by the stored detention day (the earliest
  day an uncertain date allows, its latest for "before …"), with the ones whose month is not
  known for certain in a line of their own;
- ``silence-weeks``: men the silence rule watches, by weeks since he himself was last heard —
  from the same facts and the same baseline as the ``lost_contact`` flags, so they never differ;
- ``places-timeline``: how many men each place held in each month, from the custody periods.

Every report reads one or two bulk queries and walks the rows once, so 20,000 cases take well
under a second. Case references are gathered only when asked for (`with_refs`).
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import String, select, type_coerce
from sqlmodel import col

from casetracker import i18n
from casetracker.i18n import Context, translate
from casetracker.model import Case, CaseStatus, CustodyPeriod, Facility, StatusChange
from casetracker.model.labels import status_label
from casetracker.model.ordering import status_order
from casetracker.model.uncertain_date import EdtfError, UncertainDate
from casetracker.rules.lost_contact import HELD, NOT_HELD
from casetracker.services.flags import remembered_facts
from casetracker.storage.database import remembered

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault


reports = Context("reports")


class Which(StrEnum):
    STATUS_MONTHLY = "status-monthly"
    DETENTIONS_MONTHLY = "detentions-monthly"
    SILENCE_WEEKS = "silence-weeks"
    PLACES_TIMELINE = "places-timeline"


class Period(StrEnum):
    LAST_12_MONTHS = "last-12-months"
    ALL = "all"


# Weeks of silence: (first day, first day of the next bucket or None for the last).
SILENCE_BUCKETS: tuple[tuple[int, int | None], ...] = (
    (0, 7), (7, 14), (14, 28), (28, 56), (56, 84), (84, None),
)  # fmt: skip

# Keys of the lines of the detentions and silence reports.
MONTH_KNOWN, MONTH_UNCERTAIN = "month_known", "month_uncertain"
GROUP_HELD, GROUP_NOT_HELD = "held", "not_held"


@dataclass(frozen=True)
class Line:
    """One status, place or group: a count per column, and the cases counted when asked."""

    key: str
    label: str
    counts: tuple[int, ...]
    refs: tuple[tuple[str, ...], ...] | None = None

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Report:
    which: Which
    title: str
    # First days of the months, or the silence buckets' first days.
    columns: tuple[date, ...] | tuple[int, ...]
    lines: tuple[Line, ...]
    # Cases (or custody periods) left out, and why, in words; "" when none were.
    left_out: str = ""

    def column_label(self, index: int) -> str:
        """The column as the CSV and the CLI write it: ``2024-07`` or ``2–4``."""
        column = self.columns[index]
        if isinstance(column, date):
            return f"{column.year:04d}-{column.month:02d}"
        return silence_bucket_label(index)


def silence_bucket_label(index: int) -> str:
    first, end = SILENCE_BUCKETS[index]
    if end is None:
        return translate("reports", "{weeks}+ weeks").format(weeks=first // 7)
    return translate("reports", "{first}–{last} weeks").format(first=first // 7, last=end // 7)


def silence_bucket(days: int) -> int:
    """The bucket of ``days`` without proof of life (a day in the future counts as 0)."""
    for index, (_first, end) in enumerate(SILENCE_BUCKETS):
        if end is None or days < end:
            return index
    raise AssertionError("the last bucket is open-ended")


# -- months ----------------------------------------------------------------------------------
def month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def month_start(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


# "All months" goes back this far at most: a mistyped year (0224 for 2024) must not ask a
# chart for twenty thousand bars.
MAX_MONTHS = 20 * 12


def month_span(period: Period, as_of: date, earliest: date | None) -> range:
    """The months shown: the twelve up to ``as_of``'s, or from ``earliest``'s (all), at most
    `MAX_MONTHS`."""
    last = month_index(as_of)
    if period is Period.LAST_12_MONTHS or earliest is None:
        return range(last - 11, last + 1)
    return range(max(min(month_index(earliest), last), last - MAX_MONTHS + 1), last + 1)


class _Tally:
    """Counts per (line, month), with the references counted when asked for."""

    def __init__(self, months: range, with_refs: bool) -> None:
        self.months = months
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(months))
        self.refs: dict[str, list[list[str]]] | None = (
            defaultdict(lambda: [[] for _ in months]) if with_refs else None
        )

    def add(self, key: str, first: int, last: int, ref: str) -> None:
        """Count one case in ``key`` for the months ``first``..``last`` (month indexes)."""
        start, stop = max(first, self.months.start), min(last + 1, self.months.stop)
        row = self.counts[key]
        for i in range(start - self.months.start, stop - self.months.start):
            row[i] += 1
            if self.refs is not None:
                self.refs[key][i].append(ref)

    def lines(self, keys: Iterable[tuple[str, str]]) -> tuple[Line, ...]:
        """The lines for ``(key, label)`` that counted anything, in that order."""
        out = []
        for key, label in keys:
            counts = self.counts.get(key)
            if not counts or not any(counts):
                continue
            refs = None
            if self.refs is not None:
                refs = tuple(tuple(sorted(cell)) for cell in self.refs[key])
            out.append(Line(key, label, tuple(counts), refs))
        return tuple(out)


def _columns(months: range) -> tuple[date, ...]:
    return tuple(month_start(i) for i in months)


# -- the reports -----------------------------------------------------------------------------
def status_monthly(
    ws: "OpenVault", period: Period, as_of: date, *, with_refs: bool = False
) -> Report:
    """Each case's status at the end of each month.

    A status change counts from its day; one whose day is not known counts from the day the
    case was entered if it is the case's first status, else from the day it was recorded (as
    the case's history orders them). A case counts from its first status on.
    """
    # One outer join, cases keyed by their reference: no UUID objects to build (half the time).
    stmt = select(
        col(Case.ref), col(Case.status), col(Case.created_at), col(StatusChange.status),
        col(StatusChange.previous_status), col(StatusChange.changed_on),
        col(StatusChange.created_at),
    ).outerjoin(StatusChange, col(StatusChange.case_id) == col(Case.id))  # fmt: skip
    histories: dict[str, list[tuple[tuple[date, float], int, CaseStatus]]] = defaultdict(list)
    with ws.reading() as session:
        for ref, now, created, status, previous, on, recorded in session.connection().execute(stmt):
            if status is None:  # no status history at all: his status from his creation
                histories[ref].append(((date.min, 0.0), month_index(created), now))
                continue
            first = previous is None
            effective = on or (created.date() if first else recorded.date())
            order = status_order(on, first, recorded)
            histories[ref].append((order, month_index(effective), status))
    # Each case as steps (month it took effect, status), in the history's order.
    steps: list[tuple[str, list[tuple[int, CaseStatus]]]] = []
    earliest: date | None = None
    for ref, history in histories.items():
        history.sort(key=lambda c: c[0])
        case_steps = [(month, status) for _order, month, status in history]
        # In the history's order the months only grow, but for a first status whose day is not
        # known: a later change dated before the case was entered replaces it (see below).
        first_month = month_start(case_steps[0][0])
        earliest = first_month if earliest is None else min(earliest, first_month)
        steps.append((ref, case_steps))
    months = month_span(period, as_of, earliest)
    tally = _Tally(months, with_refs)
    for ref, case_steps in steps:
        for i, (month, status) in enumerate(case_steps):
            until = case_steps[i + 1][0] - 1 if i + 1 < len(case_steps) else months.stop
            if until >= month:  # a step ended before it began (in its own month) is not counted
                tally.add(status.value, month, until, ref)
    return Report(
        Which.STATUS_MONTHLY,
        translate("reports", "Cases by status at the end of each month"),
        _columns(months),
        tally.lines((s.value, status_label(s)) for s in CaseStatus),
    )


def detentions_monthly(
    ws: "OpenVault", period: Period, as_of: date, *, with_refs: bool = False
) -> Report:
    """New detentions per month, by the stored detention day (see the module's docstring)."""
    with ws.reading() as session:
        rows = list(
            session.connection().execute(
                select(col(Case.ref), col(Case.detention_date), col(Case.detention_date_edtf))
            )
        )
    dated = [(ref, day, _month_known(day, edtf)) for ref, day, edtf in rows if day is not None]
    months = month_span(period, as_of, min((day for _r, day, _k in dated), default=None))
    tally = _Tally(months, with_refs)
    for ref, day, known in dated:
        tally.add(
            MONTH_KNOWN if known else MONTH_UNCERTAIN, month_index(day), month_index(day), ref
        )
    undated = len(rows) - len(dated)
    earlier = sum(1 for _r, day, _k in dated if month_index(day) < months.start)
    notes = []
    if undated:
        notes.append(
            reports.tr("%n case(s) without a detention date are not counted.", "", undated)
        )
    if earlier and period is Period.ALL:
        notes.append(reports.tr("%n detention(s) before the first month shown.", "", earlier))
    left_out = " ".join(notes)
    return Report(
        Which.DETENTIONS_MONTHLY,
        translate("reports", "New detentions per month"),
        _columns(months),
        tally.lines(
            (
                (MONTH_KNOWN, translate("reports", "month known")),
                (MONTH_UNCERTAIN, translate("reports", "month not certain (earliest possible)")),
            )
        ),
        left_out,
    )


def _month_known(day: date, edtf: str) -> bool:
    """True when the detention's month is certain (a day, a month, or a range inside one)."""
    if not edtf:
        return True
    try:
        value = UncertainDate.from_edtf(edtf)
    except EdtfError:
        return False
    first, last = value.earliest, value.latest
    return first is not None and last is not None and month_index(first) == month_index(last)


def silence_weeks(ws: "OpenVault", as_of: date, *, with_refs: bool = False) -> Report:
    """Men the silence rule watches, by weeks since the rule's baseline on ``as_of``."""
    with ws.reading() as session:
        facts = remembered_facts(ws, session)
    buckets = range(len(SILENCE_BUCKETS))
    tally = _Tally(buckets, with_refs)
    for fact in facts:
        if fact.status in HELD:
            group = GROUP_HELD
        elif fact.status in NOT_HELD:
            group = GROUP_NOT_HELD
        else:
            continue
        start, _why = fact.baseline
        bucket = silence_bucket((as_of - start).days)
        tally.add(group, bucket, bucket, fact.ref)
    lines = tally.lines(
        (
            (GROUP_HELD, translate("reports", "held")),
            (GROUP_NOT_HELD, translate("reports", "serving or refused")),
        )
    )
    # Every bucket is shown, even with no men in it: the shape of the silence is the point.
    return Report(
        Which.SILENCE_WEEKS,
        translate("reports", "Men by weeks without proof of life"),
        tuple(first for first, _end in SILENCE_BUCKETS),
        lines,
    )


def places_timeline(
    ws: "OpenVault", period: Period, as_of: date, *, with_refs: bool = False
) -> Report:
    """How many men each place held at some time in each month.

    A stay counts from its first day to its last; without a first day, from the day it was
    recorded (or its last day, if earlier); a stay not ended counts to ``as_of``; one that
    ended on a day nobody gave counts only in its first month. A man counts once per place
    and month, however many stays he had there.
    """
    # Ids as stored (text), cases by reference: no UUID objects to build (a third of the time).
    place_id = type_coerce(col(Facility.id), String)
    stays_of = select(
        type_coerce(col(CustodyPeriod.facility_id), String), col(Case.ref),
        col(CustodyPeriod.since), col(CustodyPeriod.until), col(CustodyPeriod.ended),
        col(CustodyPeriod.created_at),
    ).join(Case, col(Case.id) == col(CustodyPeriod.case_id))  # fmt: skip
    with ws.reading() as session:
        connection = session.connection()
        places = connection.execute(
            select(place_id, col(Facility.name), col(Facility.settlement))
        ).all()
        stays = connection.execute(stays_of).all()
    names = _place_labels(places)
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    last_month = month_index(as_of)
    for place, ref, since, until, ended, recorded in stays:
        first_day = since or min(recorded.date(), until or recorded.date())
        if until is not None:
            last_day_month = month_index(until)
        elif ended:
            last_day_month = month_index(first_day)
        else:
            last_day_month = last_month
        first = month_index(first_day)
        spans[(place, ref)].append((first, max(first, last_day_month)))
    earliest = min((s[0] for per in spans.values() for s in per), default=None)
    months = month_span(period, as_of, None if earliest is None else month_start(earliest))
    tally = _Tally(months, with_refs)
    for (place, ref), per in spans.items():
        for first, last in _merged(per):
            tally.add(place, first, last, ref)
    order = sorted(names, key=lambda p: (-sum(tally.counts.get(p, ())), names[p].casefold()))
    return Report(
        Which.PLACES_TIMELINE,
        translate("reports", "Men held per place, month by month"),
        _columns(months),
        tally.lines((p, names[p]) for p in order),
    )


def _place_labels(places: Sequence[Sequence[str]]) -> dict[str, str]:
    """Each place's name; "Гараж (Брянка)" where two places share a name."""
    shared = Counter(name.casefold() for _id, name, _settlement in places)
    return {
        place: f"{name} ({settlement})" if shared[name.casefold()] > 1 and settlement else name
        for place, name, settlement in places
    }


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching month ranges joined, so a man counts once a month."""
    out: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        if out and first <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


def build(
    ws: "OpenVault",
    which: Which,
    period: Period = Period.LAST_12_MONTHS,
    as_of: date | None = None,
    *,
    with_refs: bool = False,
) -> Report:
    """One report on ``as_of`` (default today), remembered until the next change: the view
    asks again on every switch of tab or period."""
    on = as_of or date.today()

    def compute() -> Report:
        if which is Which.STATUS_MONTHLY:
            return status_monthly(ws, period, on, with_refs=with_refs)
        if which is Which.DETENTIONS_MONTHLY:
            return detentions_monthly(ws, period, on, with_refs=with_refs)
        if which is Which.SILENCE_WEEKS:
            return silence_weeks(ws, on, with_refs=with_refs)
        return places_timeline(ws, period, on, with_refs=with_refs)

    name = f"report:{which}:{period}:{on.isoformat()}:{with_refs}:{i18n.generation()}"
    return remembered(ws.engine, name, compute)
