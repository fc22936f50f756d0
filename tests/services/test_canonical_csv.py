import contextlib
import csv
import io
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casetracker.model import CaseStatus
from casetracker.sharing.canonical_csv import COLUMNS, CsvFormatError, parse


def _write(rows: list[dict[str, str]]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def test_both_date_formats_and_russian_booleans() -> None:
    data = _write(
        [
            {
                "full_name": "Смирнов",
                "birth_date": "07.01.1977",
                "refusal_date": "2022-07-08",
                "relative_anonymous": "да",
                "last_contact_direct": "нет",
                "status": "Detained",
            }
        ]
    )
    [row] = parse(data).rows
    assert row.birth_date == date(1977, 1, 7)
    assert row.refusal_date == date(2022, 7, 8)
    assert row.relative_anonymous is True and row.last_contact_direct is False
    assert row.status is CaseStatus.DETAINED


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("birth_date", "давно", "birth_date"),
        ("status", "в бегах", "status"),
        ("relative_anonymous", "может быть", "relative_anonymous"),
        ("full_name", "", "full_name is empty"),
    ],
)
def test_bad_values_are_reported_with_the_line_and_reason(
    field: str, value: str, reason: str
) -> None:
    good = {"full_name": "A"}
    bad = {"full_name": "B", "notes": "заметка", field: value}
    parsed = parse(_write([good, bad]))
    assert len(parsed.rows) == 1
    [error] = parsed.errors
    assert error.line == 3 and reason in error.reason


def test_a_file_that_is_not_the_canonical_csv_is_refused_as_a_whole() -> None:
    with pytest.raises(CsvFormatError):
        parse("№,ФИО\n1,Смирнов\n".encode())
    with pytest.raises(CsvFormatError):
        parse(b"\xff\xfe\x00garbage")
    with pytest.raises(CsvFormatError):
        parse(b"")


def test_sizes_are_limited() -> None:
    with pytest.raises(CsvFormatError):
        parse(b"full_name\n" + b"x" * (51 * 1024 * 1024))


names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda s: s.strip() != "" and s == s.strip())


@given(st.lists(st.tuples(names, st.dates(min_value=date(1900, 1, 1))), max_size=20))
@settings(max_examples=60, deadline=None)
def test_round_trip_of_names_and_dates(cases: list[tuple[str, date]]) -> None:
    rows = [{"full_name": n, "birth_date": d.strftime("%d.%m.%Y")} for n, d in cases]
    parsed = parse(_write(rows))
    assert parsed.errors == []
    assert [(r.full_name, r.birth_date) for r in parsed.rows] == cases


@given(st.binary(max_size=2000))
@settings(max_examples=200, deadline=None)
def test_hostile_bytes_never_crash_the_parser(untrusted: bytes) -> None:
    with contextlib.suppress(CsvFormatError):
        parse(b"full_name,notes\n" + untrusted)
