"""The stored code of an uncertain date (ISO 8601-2 EDTF) reads back as the same value, and
the date column always holds the earliest day the value allows."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casetracker.model.uncertain_date import EdtfError, Precision, UncertainDate

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
approx = st.booleans()


@st.composite
def values(draw: st.DrawFn) -> UncertainDate:
    day = draw(days)
    match draw(st.sampled_from(list(Precision))):
        case Precision.DAY:
            return UncertainDate.day(day, approximate=draw(approx))
        case Precision.MONTH:
            return UncertainDate.month(day.year, day.month, approximate=draw(approx))
        case Precision.YEAR:
            return UncertainDate.year(day.year, approximate=draw(approx))
        case Precision.BETWEEN:
            later = day + timedelta(days=draw(st.integers(1, 400)))
            return UncertainDate.between(day, later, approximate=draw(approx))
        case Precision.BEFORE:
            return UncertainDate.before(day)
        case Precision.AFTER:
            return UncertainDate.after(day)
        case _:
            return UncertainDate.unknown()


@given(values())
def test_every_value_reads_back_from_its_columns(value: UncertainDate) -> None:
    stored = value.column_day, value.to_edtf()
    assert UncertainDate.from_columns(*stored) == value
    if value.earliest is not None:
        assert value.column_day == value.earliest


def test_an_exact_day_is_stored_as_before() -> None:
    """Every date written before schema 5 is a bare day with an empty code: still exact."""
    assert UncertainDate.day(date(2024, 7, 3)).to_edtf() == ""
    assert UncertainDate.from_columns(date(2024, 7, 3), "") == UncertainDate.day(date(2024, 7, 3))
    assert UncertainDate.from_columns(None, "") is None


@pytest.mark.parametrize(
    ("code", "earliest", "latest"),
    [
        ("2024-07", date(2024, 7, 1), date(2024, 7, 31)),
        ("2024-02~", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("2024-07-01/2024-07-08", date(2024, 7, 1), date(2024, 7, 8)),
        ("../2024-07-08", None, date(2024, 7, 8)),
        ("2024-07-08/..", date(2024, 7, 8), None),
        ("XXXX", None, None),
    ],
)
def test_each_kind_names_its_earliest_and_latest_day(
    code: str, earliest: date | None, latest: date | None
) -> None:
    value = UncertainDate.from_edtf(code)
    assert (value.earliest, value.latest) == (earliest, latest)
    assert value.to_edtf() == code


@pytest.mark.parametrize(
    "code", ["2024-02-30", "2024-13", "2024-07-08/2024-07-01", "2024-07-01~/2024-07-08", "июль"]
)
def test_a_damaged_code_is_refused(code: str) -> None:
    with pytest.raises(EdtfError):
        UncertainDate.from_edtf(code)
