"""Dates on the command line: DD.MM.YYYY as well as YYYY-MM-DD, refusals in plain words, and a
contact given by its day only keeps no time."""

from datetime import date, datetime, time, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from casetracker.services.date_input import parse_date, parse_moment
from casetracker.services.workspace import Workspace
from tests.cli.conftest import RunCli
from tests.conftest import PASSPHRASE

TODAY = date(2026, 12, 4)
days = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)


@given(days)
def test_every_day_reads_back_from_each_way_of_writing_it(day: date) -> None:
    for text in (
        day.strftime("%d.%m.%Y"),
        f"{day.day}.{day.month}.{day.year}",
        day.isoformat(),
        f"{day.month}/{day.day}/{day.year}",
    ):
        assert parse_date(text, locale_format="M/d/yyyy", today=TODAY) == day


@given(days, st.times())
def test_a_day_and_minute_read_back(day: date, at: time) -> None:
    moment = datetime.combine(day, at.replace(second=0, microsecond=0))
    now = datetime.combine(TODAY, time(23, 59))
    assert parse_moment(moment.strftime("%d.%m.%Y %H:%M"), now=now) == (day, moment.time())
    assert parse_moment(moment.strftime("%d.%m.%Y"), now=now) == (day, None)


def _contacts(vault: Path, ref: str) -> list[tuple[datetime, bool]]:
    ws = Workspace.open(vault, passphrase=PASSPHRASE)
    try:
        return [(e.occurred_at, e.time_known) for e in ws.contacts.for_case(ref)]
    finally:
        ws.close(save=False)


def test_log_contact_by_day_only_stores_no_time(demo_vault: Path, cli: RunCli) -> None:
    before = _contacts(demo_vault, "CT-0001")
    code, out, err = cli("log-contact", demo_vault, "--case", "CT-0001", "--date", "19.07.2024")
    assert code == 0, err
    assert "19.07.2024" in out and "12:00" not in out
    (added,) = set(_contacts(demo_vault, "CT-0001")) - set(before)
    assert added == (datetime(2024, 7, 19), False)


def test_log_contact_with_a_time_stores_it(demo_vault: Path, cli: RunCli) -> None:
    before = _contacts(demo_vault, "CT-0001")
    code, _out, err = cli(
        "log-contact", demo_vault, "--case", "CT-0001", "--date", "2024-07-19 18:05"
    )
    assert code == 0, err
    (added,) = set(_contacts(demo_vault, "CT-0001")) - set(before)
    assert added == (datetime(2024, 7, 19, 18, 5), True)


def test_impossible_and_future_days_are_refused_in_words(demo_vault: Path, cli: RunCli) -> None:
    code, _out, err = cli("log-contact", demo_vault, "--case", "CT-0001", "--date", "31.02.2024")
    assert code != 0 and "--date: There is no 31 February." in err
    tomorrow = (date.today() + timedelta(days=1)).strftime("%d.%m.%Y")
    code, _out, err = cli("log-contact", demo_vault, "--case", "CT-0001", "--date", tomorrow)
    assert code != 0 and "is in the future" in err
    code, _out, err = cli("flags", demo_vault, "--as-of", "29.02.2025")
    assert code != 0 and "2025 is not a leap year" in err
    code, _out, err = cli("flags", demo_vault, "--as-of", "20.07.2024")
    assert code == 0, err
