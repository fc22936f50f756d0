"""The anonymised profile: years only, no settlements, and no man unique on (unit, region, year)."""

from collections import Counter
from datetime import date, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from casetracker.model import Case, CaseStatus, ContactEvent, Facility, StatusChange
from casetracker.services.consent import ANONYMITY_K
from casetracker.services.workspace import Workspace
from casetracker.sharing.bundle_schema import document_json, parse_document
from casetracker.sharing.redaction import (
    ANONYMISED_PROFILE,
    ExportFlag,
    ExportSource,
    anonymity_levels,
    redact,
)

NOW = datetime(2026, 12, 4, 12, 0)
WITHHELD = "withheld"

units = st.sampled_from(["в/ч 1", "в/ч 2", "в/ч 3", "в/ч 77", ""])
regions = st.sampled_from(["Тыва", "Бурятия", "ЛНР", ""])
days = st.one_of(st.none(), st.dates(min_value=date(2021, 1, 1), max_value=date(2025, 12, 31)))
men = st.lists(st.tuples(units, regions, days, days), min_size=0, max_size=40)


def _source(rows: list[tuple[str, str, date | None, date | None]], k: int) -> ExportSource:
    cases = [
        Case(
            ref=f"CT-{i:04}",
            full_name=f"Man {i}",
            military_unit=unit,
            home_region=region,
            detention_date=detained,
            refusal_date=refused,
            status=CaseStatus.DETAINED,
        )
        for i, (unit, region, detained, refused) in enumerate(rows)
    ]
    changes = [
        StatusChange(case_id=c.id, status=c.status, changed_on=c.detention_date) for c in cases
    ]
    contacts = [
        ContactEvent(case_id=c.id, occurred_at=datetime(2025, 3, 4, 18, 30), direct=True)
        for c in cases
    ]
    flags = [ExportFlag(c.id, "lost_contact", "warning", date(2025, 5, 6), "…") for c in cases]
    return ExportSource(
        rows={"cases": cases, "status_changes": changes, "contact_events": contacts},
        flags=flags,
        anonymity_k=k,
    )


def _shown(values: dict[str, Any], withheld: frozenset[str]) -> tuple[Any, ...]:
    """What a reader sees of a man's (unit, region, year): withheld parts are one value."""
    unit = WITHHELD if "military_unit" in withheld else values["military_unit"]
    region = WITHHELD if "home_region" in withheld else values["home_region"]
    if "detention_date" in withheld:
        year: Any = WITHHELD
    else:
        day = values["detention_date"] or values["refusal_date"]
        year = day.year if day else None
    return unit, region, year


@settings(max_examples=60, deadline=None)
@given(rows=men, k=st.integers(min_value=2, max_value=6))
def test_no_exported_man_is_unique_on_unit_region_and_year(
    rows: list[tuple[str, str, date | None, date | None]], k: int
) -> None:
    document = redact(_source(rows, k), ANONYMISED_PROFILE, NOW)
    document = parse_document(document_json(document), document.declared())  # readers cope
    cases = document.of("cases")
    groups = Counter(_shown(c.values, c.withheld) for c in cases)
    if len(cases) >= 2:
        assert min(groups.values()) >= min(k, len(cases)), groups
    if len(cases) < k:
        assert set(groups) <= {(WITHHELD, WITHHELD, WITHHELD)}
    units = Counter(unit for unit, _r, _d, _e in rows)
    for case in cases:
        shown = case.values.get("military_unit")
        assert shown is None or units[shown] >= k  # a unit of fewer than k men never shows
        for name in ("detention_date", "refusal_date"):
            day = case.values.get(name)
            assert day is None or (day.month, day.day) == (1, 1)  # the year only
    hidden_years = {c.id for c in cases if "detention_date" in c.withheld}
    for change in document.of("status_changes"):
        if change.values["case_id"] in hidden_years:
            assert "changed_on" in change.withheld  # the year does not leak by the history
    assert all(f.case_id not in hidden_years for f in document.flags)


def test_dates_are_cut_to_the_year_and_places_lose_their_settlement() -> None:
    rows = [("в/ч 1", "Тыва", date(2024, 7, 8), None)] * 5
    source = _source(rows, 5)
    place = Facility(name="Подвал комендатуры", settlement="Брянка", region="ЛНР")
    source.rows["facilities"] = [place]
    document = redact(source, ANONYMISED_PROFILE, NOW)
    case = document.of("cases")[0]
    assert case.values["detention_date"] == date(2024, 1, 1) and "detention_date" in case.redacted
    assert case.values["military_unit"] == "в/ч 1" and case.values["home_region"] == "Тыва"
    contact = document.of("contact_events")[0]
    assert contact.values["occurred_at"] == datetime(2025, 1, 1)
    assert contact.values["time_known"] is False
    assert document.flags[0].since == date(2025, 1, 1)
    [facility] = document.of("facilities")
    assert facility.values["region"] == "ЛНР" and "settlement" not in facility.values


def test_a_lone_man_is_hidden_among_k_taken_from_the_largest_group() -> None:
    """в/ч 77 has one man: his unit goes, then region, then year, and still he would stand
    alone (anyone who knows he was exported would find him by elimination); so four men of
    the largest group join him with nothing shown, and the other five keep everything."""
    keys = [("в/ч 1", "Тыва", 2024)] * 9 + [("в/ч 77", "Тыва", 2024)]
    levels = anonymity_levels(keys, k=5)
    everything = frozenset({"unit", "region", "year"})
    assert levels[9] == everything
    assert Counter(levels[:9]) == {frozenset(): 5, everything: 4}


def test_fewer_men_than_k_withhold_all_three_for_everyone() -> None:
    keys = [("в/ч 1", "Тыва", 2024)] * 4
    assert anonymity_levels(keys, k=5) == [frozenset({"unit", "region", "year"})] * 4
    assert anonymity_levels([], k=5) == []


def test_k_is_the_vaults_setting(ws: Workspace) -> None:
    for name in ("Первый", "Второй"):
        ws.cases.create(name, military_unit="в/ч 1", home_region="Тыва",
                        detention_date=date(2024, 7, 8))  # fmt: skip

    def shown_units() -> list[object]:
        service = ws.sharing
        data = service.export(
            service.select_cases(everything=True),
            profile="anonymised",
            recipients=[service.keys().age_public_key],
            without_consent_reason="statistics",
        ).data
        return [c.values.get("military_unit") for c in service.open(data).document.of("cases")]

    assert shown_units() == [None, None]  # two men, k = 5 by default: the unit stays home
    ws.settings.set(ANONYMITY_K, 2)
    assert shown_units() == ["в/ч 1", "в/ч 1"]
