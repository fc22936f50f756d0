"""A date as it is known: a day, a month, a year, a range, before or after a day, or unknown.

Relatives rarely know the day: "he was taken in July", "some time before the 8th", "long ago".
Every date of the model can hold such a value, stored as two columns:

- the date column itself (``detention_date``) holds the **earliest** day the value allows, so
  sorting and worst-case counting work on it directly; a value with no earliest day ("before
  8 July") keeps its latest day there instead, and "unknown" keeps nothing (None);
- ``<column>_edtf`` holds the value in the Extended Date/Time Format of ISO 8601-2 (level 1),
  a published standard archivists use, or "" when the day is exact — so every date written
  before uncertain dates existed stays exact without being rewritten.

The codes used (and no others): ``2024-07-08~`` (about that day), ``2024-07`` (that month),
``2024`` (that year), ``2024-07-01/2024-07-08`` (between two days), ``../2024-07-08`` (on or
before), ``2024-07-08/..`` (on or after), ``XXXX`` (unknown); a trailing ``~`` on a month or a
year, or on both ends of a range, marks "approximately". Parsing what people type and showing a
value in words live in ``services/uncertain_dates.py``; this module is the value and its code.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    BETWEEN = "between"
    BEFORE = "before"
    AFTER = "after"
    UNKNOWN = "unknown"


class EdtfError(ValueError):
    """A stored code this version cannot read (a damaged or hand-edited vault)."""


@dataclass(frozen=True)
class UncertainDate:
    precision: Precision
    # The earliest day the value allows; None when unbounded (before…, unknown).
    earliest: date | None = None
    # The latest day the value allows; None when unbounded (after…, unknown).
    latest: date | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        if self.earliest and self.latest and self.earliest > self.latest:
            raise ValueError("earliest after latest")

    # -- constructors -----------------------------------------------------------------------
    @classmethod
    def day(cls, day: date, *, approximate: bool = False) -> "UncertainDate":
        return cls(Precision.DAY, day, day, approximate)

    @classmethod
    def month(cls, year: int, month: int, *, approximate: bool = False) -> "UncertainDate":
        last = calendar.monthrange(year, month)[1]
        return cls(Precision.MONTH, date(year, month, 1), date(year, month, last), approximate)

    @classmethod
    def year(cls, year: int, *, approximate: bool = False) -> "UncertainDate":
        return cls(Precision.YEAR, date(year, 1, 1), date(year, 12, 31), approximate)

    @classmethod
    def between(cls, first: date, last: date, *, approximate: bool = False) -> "UncertainDate":
        if first == last:
            return cls.day(first, approximate=approximate)
        return cls(Precision.BETWEEN, first, last, approximate)

    @classmethod
    def before(cls, day: date) -> "UncertainDate":
        return cls(Precision.BEFORE, None, day)

    @classmethod
    def after(cls, day: date) -> "UncertainDate":
        return cls(Precision.AFTER, day, None)

    @classmethod
    def unknown(cls) -> "UncertainDate":
        return cls(Precision.UNKNOWN)

    # -- what the value says ----------------------------------------------------------------
    @property
    def is_exact(self) -> bool:
        """A plain day, as every date was before: stored with an empty code."""
        return self.precision is Precision.DAY and not self.approximate

    @property
    def column_day(self) -> date | None:
        """What the date column holds: the earliest day, else the latest, else None."""
        return self.earliest if self.earliest is not None else self.latest

    # -- the stored code --------------------------------------------------------------------
    def to_edtf(self) -> str:
        """The ``<column>_edtf`` value: "" for an exact day."""
        if self.is_exact:
            return ""
        mark = "~" if self.approximate else ""
        first, last = self.earliest, self.latest
        match self.precision:
            case Precision.DAY:
                assert first is not None
                return f"{first.isoformat()}{mark}"
            case Precision.MONTH:
                assert first is not None
                return f"{first.year:04d}-{first.month:02d}{mark}"
            case Precision.YEAR:
                assert first is not None
                return f"{first.year:04d}{mark}"
            case Precision.BETWEEN:
                assert first is not None and last is not None
                return f"{first.isoformat()}{mark}/{last.isoformat()}{mark}"
            case Precision.BEFORE:
                assert last is not None
                return f"../{last.isoformat()}"
            case Precision.AFTER:
                assert first is not None
                return f"{first.isoformat()}/.."
            case Precision.UNKNOWN:
                return "XXXX"

    @classmethod
    def from_columns(cls, day: date | None, edtf: str) -> "UncertainDate | None":
        """The value two stored columns hold; None when neither holds anything (not entered)."""
        if edtf:
            return cls.from_edtf(edtf)
        return None if day is None else cls.day(day)

    @classmethod
    def from_edtf(cls, code: str) -> "UncertainDate":
        try:
            return _parse(code.strip())
        except ValueError as exc:  # a day that cannot exist, or a range that runs backwards
            raise EdtfError(code) from exc


_DAY = r"(\d{4})-(\d{2})-(\d{2})"
_ONE = re.compile(rf"^(?:{_DAY}|(\d{{4}})-(\d{{2}})|(\d{{4}}))(~?)$")
_BETWEEN = re.compile(rf"^{_DAY}(~?)/{_DAY}(~?)$")
_BEFORE = re.compile(rf"^\.\./{_DAY}$")
_AFTER = re.compile(rf"^{_DAY}/\.\.$")


def _day(y: str, m: str, d: str) -> date:
    return date(int(y), int(m), int(d))


def _parse(code: str) -> UncertainDate:
    if code == "XXXX":
        return UncertainDate.unknown()
    if found := _ONE.match(code):
        y, m, d, my, mm, yy, mark = found.groups()
        approximate = mark == "~"
        if y is not None:
            return UncertainDate.day(_day(y, m, d), approximate=approximate)
        if my is not None:
            return UncertainDate.month(int(my), int(mm), approximate=approximate)
        return UncertainDate.year(int(yy), approximate=approximate)
    if found := _BETWEEN.match(code):
        y1, m1, d1, mark1, y2, m2, d2, mark2 = found.groups()
        if mark1 != mark2:
            raise EdtfError(code)
        first, last = _day(y1, m1, d1), _day(y2, m2, d2)
        return UncertainDate(Precision.BETWEEN, first, last, mark1 == "~")
    if found := _BEFORE.match(code):
        return UncertainDate.before(_day(*found.groups()))
    if found := _AFTER.match(code):
        return UncertainDate.after(_day(*found.groups()))
    raise EdtfError(code)
