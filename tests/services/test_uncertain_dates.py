"""Uncertain dates as typed and as shown: every kind, both languages, and their boundaries."""

import contextlib
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casetracker import i18n
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services.date_input import DateInputError
from casetracker.services.uncertain_dates import (
    describe,
    in_sentence,
    parse_uncertain,
    read,
    store,
)

TODAY = date(2026, 12, 4)
D = UncertainDate


def parse(text: str, **kwargs: object) -> UncertainDate:
    return parse_uncertain(text, today=TODAY, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def russian() -> Iterator[None]:
    from casetracker.i18n import catalog

    catalog.install_for_cli({"CASETRACKER_LANGUAGE": "ru"})
    yield
    i18n.install()


READS = [
    # exact days, as parse_date reads them, and in words
    ("20.07.2026", D.day(date(2026, 7, 20))),
    ("2024-07-08", D.day(date(2024, 7, 8))),
    ("8 июля 2024", D.day(date(2024, 7, 8))),
    ("8 июля 2024 г.", D.day(date(2024, 7, 8))),
    ("8 July 2024", D.day(date(2024, 7, 8))),
    ("July 8, 2024", D.day(date(2024, 7, 8))),
    # months, in every case form and abbreviated
    ("июль 2024", D.month(2024, 7)),
    ("июля 2024", D.month(2024, 7)),
    ("в июле 2024", D.month(2024, 7)),
    ("в июле 2024 года", D.month(2024, 7)),
    ("янв. 2024", D.month(2024, 1)),
    ("Сент. 2023", D.month(2023, 9)),
    ("07.2024", D.month(2024, 7)),
    ("2024-07", D.month(2024, 7)),
    ("July 2024", D.month(2024, 7)),
    ("in Sept 2023", D.month(2023, 9)),
    ("Февраль 2024", D.month(2024, 2)),
    # years
    ("2024", D.year(2024)),
    ("2024 г.", D.year(2024)),
    ("в 2024 году", D.year(2024)),
    ("in 2024", D.year(2024)),
    # ranges
    ("между 1 и 8 июля 2024", D.between(date(2024, 7, 1), date(2024, 7, 8))),
    ("1–8 июля 2024", D.between(date(2024, 7, 1), date(2024, 7, 8))),
    ("1 - 8 июля 2024", D.between(date(2024, 7, 1), date(2024, 7, 8))),
    ("01.07.2024–08.07.2024", D.between(date(2024, 7, 1), date(2024, 7, 8))),
    ("01.07.2024-08.07.2024", D.between(date(2024, 7, 1), date(2024, 7, 8))),
    ("1-8.07.2024", D.between(date(2024, 7, 1), date(2024, 7, 8))),
    ("28.06-08.07.2024", D.between(date(2024, 6, 28), date(2024, 7, 8))),
    ("с 28 июня по 3 июля 2024", D.between(date(2024, 6, 28), date(2024, 7, 3))),
    ("between 1 and 8 July 2024", D.between(date(2024, 7, 1), date(2024, 7, 8))),
    ("2024-07-01 – 2024-07-08", D.between(date(2024, 7, 1), date(2024, 7, 8))),
    ("28.12.2023 - 03.01.2024", D.between(date(2023, 12, 28), date(2024, 1, 3))),
    ("July 1-8, 2024", D.between(date(2024, 7, 1), date(2024, 7, 8))),
    # a part of a month: its ten-day third, roughly
    ("в начале июля 2024", D.between(date(2024, 7, 1), date(2024, 7, 10), approximate=True)),
    ("в середине июля 2024", D.between(date(2024, 7, 11), date(2024, 7, 20), approximate=True)),
    ("в конце февраля 2024", D.between(date(2024, 2, 21), date(2024, 2, 29), approximate=True)),
    ("early July 2024", D.between(date(2024, 7, 1), date(2024, 7, 10), approximate=True)),
    ("mid-July 2024", D.between(date(2024, 7, 11), date(2024, 7, 20), approximate=True)),
    ("late June 2024", D.between(date(2024, 6, 21), date(2024, 6, 30), approximate=True)),
    # before / after
    ("до 8 июля 2024", D.before(date(2024, 7, 8))),
    ("не позднее 08.07.2024", D.before(date(2024, 7, 8))),
    ("before 8 July 2024", D.before(date(2024, 7, 8))),
    ("после 1 июля 2024", D.after(date(2024, 7, 1))),
    ("не ранее 01.07.2024", D.after(date(2024, 7, 1))),
    ("after 1 July 2024", D.after(date(2024, 7, 1))),
    # unknown
    ("неизвестно", D.unknown()),
    ("не знаю", D.unknown()),
    ("Unknown", D.unknown()),
    ("?", D.unknown()),
    # approximately
    ("около июля 2024", D.month(2024, 7, approximate=True)),
    ("примерно в июле 2024", D.month(2024, 7, approximate=True)),
    ("приблизительно 2020", D.year(2020, approximate=True)),
    ("~2024", D.year(2024, approximate=True)),
    ("ок. 8 июля 2024", D.day(date(2024, 7, 8), approximate=True)),
    ("около 08.07.2024", D.day(date(2024, 7, 8), approximate=True)),
    ("about July 2024", D.month(2024, 7, approximate=True)),
    ("circa 1990", D.year(1990, approximate=True)),
    ("c. 1990", D.year(1990, approximate=True)),
    (
        "approximately 1–8 July 2024",
        D(
            D.between(date(2024, 7, 1), date(2024, 7, 8)).precision,
            date(2024, 7, 1),
            date(2024, 7, 8),
            True,
        ),
    ),
]


@pytest.mark.parametrize(("text", "expected"), READS, ids=[t for t, _ in READS])
def test_reads_every_kind_in_both_languages(text: str, expected: UncertainDate) -> None:
    assert parse(text) == expected


REFUSED = [
    ("31.02.2024", "There is no 31 February."),
    ("31 февраля 2024", "There is no 31 February."),
    ("29.02.2023", "2023 is not a leap year: it has no 29 February."),
    ("31.04.2024-02.05.2024", "There is no 31 April."),
    ("8-1 июля 2024", "The range runs backwards"),
    ("между 8 и 1 июля 2024", "The range runs backwards"),
    ("05.12.2026", "is in the future"),
    ("2027", "2027 is in the future"),
    ("январь 2027", "is in the future"),
    ("июль 24", "four digits"),
    ("1850", "before 1900"),
    ("13.2024", "There is no month 13."),
    ("вчера", "is not a date this app can read"),
    ("8 июля", "Add the year"),
    ("в конце июля", "Add the year"),
    ("в середине декабря 2026", "is in the future"),
    ("July 8-1, 2024", "The range runs backwards"),
    ("около июля", "Add the year"),
    ("между 1 и 8 июля", "Add the year"),
    ("около до 8 июля 2024", "is not a date this app can read"),
    ("до июля", "is not a date this app can read"),
    ("", "Type a date as"),
]


@pytest.mark.parametrize(("text", "says"), REFUSED, ids=[t or "empty" for t, _ in REFUSED])
def test_refuses_with_a_plain_sentence(text: str, says: str) -> None:
    with pytest.raises(DateInputError, match=None) as refused:
        parse(text)
    assert says in str(refused.value)


def test_refusal_shows_what_works() -> None:
    with pytest.raises(DateInputError) as refused:
        parse("давным-давно")
    assert "between 1 and 8 July 2024" in str(refused.value)


def test_month_ends_and_leap_years() -> None:
    assert parse("февраль 2024").latest == date(2024, 2, 29)
    assert parse("февраль 2023").latest == date(2023, 2, 28)
    assert parse("02.2100", future=True).latest == date(2100, 2, 28)
    assert parse("апрель 2024").latest == date(2024, 4, 30)
    assert parse("29.02.2024") == D.day(date(2024, 2, 29))
    assert parse("1-31.12.2024").latest == date(2024, 12, 31)


def test_future_boundary_today_yesterday_tomorrow() -> None:
    assert parse("04.12.2026") == D.day(TODAY)
    assert parse("03.12.2026") == D.day(TODAY - timedelta(days=1))
    with pytest.raises(DateInputError):
        parse("05.12.2026")
    assert parse("05.12.2026", future=True) == D.day(TODAY + timedelta(days=1))
    # The month and the year holding today have begun: they are not in the future.
    assert parse("декабрь 2026") == D.month(2026, 12)
    assert parse("2026") == D.year(2026)
    with pytest.raises(DateInputError):
        parse("после 5 декабря 2026")


def test_earliest_day_of_every_kind_is_what_the_column_holds() -> None:
    assert parse("июль 2024").column_day == date(2024, 7, 1)
    assert parse("2024").column_day == date(2024, 1, 1)
    assert parse("между 3 и 8 июля 2024").column_day == date(2024, 7, 3)
    assert parse("после 1 июля 2024").column_day == date(2024, 7, 1)
    assert parse("до 8 июля 2024").column_day == date(2024, 7, 8)  # no earliest: the latest
    assert parse("неизвестно").column_day is None


WORDS = [
    (D.day(date(2024, 7, 8)), "08.07.2024", "08.07.2024"),
    (D.day(date(2024, 7, 8), approximate=True), "about 08.07.2024", "около 08.07.2024"),
    (D.month(2024, 7), "July 2024", "июль 2024"),
    (D.month(2024, 7, approximate=True), "about July 2024", "около июля 2024"),
    (D.year(2024), "2024", "2024 г."),
    (D.year(2024, approximate=True), "about 2024", "около 2024 года"),
    (
        D.between(date(2024, 7, 1), date(2024, 7, 8)),
        "between 1 and 8 July 2024",
        "между 1 и 8 июля 2024",
    ),
    (
        D.between(date(2024, 6, 28), date(2024, 7, 3)),
        "between 28 June and 3 July 2024",
        "между 28 июня и 3 июля 2024",
    ),
    (D.before(date(2024, 7, 8)), "before 8 July 2024", "до 8 июля 2024"),
    (D.after(date(2024, 7, 1)), "after 1 July 2024", "после 1 июля 2024"),
    (D.unknown(), "unknown", "неизвестно"),
]


@pytest.mark.parametrize(("value", "english", "_russian"), WORDS)
def test_describes_in_english(value: UncertainDate, english: str, _russian: str) -> None:
    assert describe(value) == english


@pytest.mark.parametrize(("value", "_english", "russian_words"), WORDS)
def test_describes_in_russian(
    russian: None, value: UncertainDate, _english: str, russian_words: str
) -> None:
    assert describe(value) == russian_words


def _days(low: date = date(1900, 1, 1), high: date = TODAY) -> st.SearchStrategy[date]:
    return st.dates(min_value=low, max_value=high)


def _ranges(approximate: bool) -> st.SearchStrategy[UncertainDate]:
    return (
        st.tuples(_days(), st.integers(1, 800))
        .filter(lambda p: p[0] + timedelta(days=p[1]) <= TODAY)
        .map(lambda p: D.between(p[0], p[0] + timedelta(days=p[1]), approximate=approximate))
    )


VALUES = st.one_of(
    _days().map(D.day),
    _days().map(lambda d: D.day(d, approximate=True)),
    st.builds(D.month, st.integers(1900, 2025), st.integers(1, 12), approximate=st.booleans()),
    st.builds(D.year, st.integers(1900, 2026), approximate=st.booleans()),
    _ranges(False),
    _ranges(True),
    _days().map(D.before),
    _days().map(D.after),
    st.just(D.unknown()),
)


@settings(max_examples=150, deadline=None)
@given(VALUES)
def test_english_words_read_back(value: UncertainDate) -> None:
    assert parse(describe(value)) == value


def test_russian_words_read_back(russian: None) -> None:
    @settings(max_examples=150, deadline=None)
    @given(VALUES)
    def round_trip(value: UncertainDate) -> None:
        assert parse(describe(value)) == value

    round_trip()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789 .-–/~?июлядоколеabtfr"), max_size=24))
def test_random_text_raises_nothing_but_date_input_error(text: str) -> None:
    with contextlib.suppress(DateInputError):
        parse(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30))
def test_any_text_raises_nothing_but_date_input_error(text: str) -> None:
    with contextlib.suppress(DateInputError):
        parse(text)


class Row:
    birth_date: date | None = None
    birth_date_edtf = ""


def test_store_and_read_keep_both_columns() -> None:
    row = Row()
    store(row, "birth_date", parse("около 1990"))
    assert (row.birth_date, row.birth_date_edtf) == (date(1990, 1, 1), "1990~")
    assert read(row, "birth_date") == D.year(1990, approximate=True)
    store(row, "birth_date", date(1990, 5, 3))  # a plain day, as callers passed before
    assert (row.birth_date, row.birth_date_edtf) == (date(1990, 5, 3), "")
    store(row, "birth_date", None)
    assert (row.birth_date, row.birth_date_edtf) == (None, "")
    assert read(row, "birth_date") is None


SENTENCES = [
    (D.day(date(2024, 7, 8)), "on 08.07.2024", "08.07.2024"),
    (D.month(2024, 7), "in July 2024", "в июле 2024"),
    (D.month(2024, 7, approximate=True), "about July 2024", "около июля 2024"),
    (D.year(2024), "in 2024", "в 2024 году"),
    (D.year(2024, approximate=True), "about 2024", "около 2024 года"),
    (D.before(date(2024, 7, 8)), "before 8 July 2024", "до 8 июля 2024"),
    (D.unknown(), "on a day not known", "в неизвестный день"),
]


@pytest.mark.parametrize(("value", "english", "russian_words"), SENTENCES)
def test_in_a_sentence_both_languages_and_read_back(
    value: UncertainDate, english: str, russian_words: str
) -> None:
    assert in_sentence(value) == english
    assert parse(english) == value
    from casetracker.i18n import catalog

    catalog.install_for_cli({"CASETRACKER_LANGUAGE": "ru"})
    try:
        assert in_sentence(value) == russian_words
        assert parse(russian_words) == value
    finally:
        i18n.install()


def test_words_read_back_where_days_are_written_month_first() -> None:
    """An American interface shows 7/8/2024; what it shows is read back the same way."""
    i18n.install(None, lambda d: f"{d.month}/{d.day}/{d.year}")
    try:

        @settings(max_examples=60, deadline=None)
        @given(VALUES)
        def round_trip(value: UncertainDate) -> None:
            assert parse(describe(value), locale_format="M/d/yyyy") == value

        round_trip()
    finally:
        i18n.install()
