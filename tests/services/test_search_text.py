import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casetracker.services.search_text import build_key, fold, matches, transliterate


def _pairs() -> list[tuple[str, str]]:
    here = Path(__file__).resolve().parents[1] / "data" / "transliteration-pairs.tsv"
    with here.open(encoding="utf-8") as f:
        return [(row["cyrillic"], row["latin"]) for row in csv.DictReader(f, delimiter="\t")]


@pytest.mark.parametrize(("cyrillic", "latin"), _pairs())
def test_each_spelling_pair_finds_the_other(cyrillic: str, latin: str) -> None:
    assert matches(build_key(f"Иванов {cyrillic}"), latin)
    assert matches(build_key(f"Ivanov {latin}"), cyrillic)


def test_fold_ignores_case_and_yo() -> None:
    assert fold("ФЁДОРОВ") == fold("федоров")


def test_different_names_do_not_collide() -> None:
    assert not matches(build_key("Смирнов Максим"), "Иванов")
    assert transliterate("Юрий") != transliterate("Юсупов")


@given(st.text())
def test_keys_never_fail_and_always_match_their_own_text(text: str) -> None:
    key = build_key(text)
    if fold(text):
        assert matches(key, text)
