"""Every CSV the app writes: no cell a spreadsheet could run as a formula, and it parses back."""

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from casetracker.sharing.csv_cells import FORMULA_STARTS, csv_bytes, neutralise, restore_cell

DANGEROUS = st.sampled_from([*FORMULA_STARTS, "'"])
TEXT = st.one_of(st.text(), st.builds(lambda a, b: a + b, DANGEROUS, st.text()))
CELLS = st.one_of(TEXT, st.integers(min_value=0, max_value=10**9))
ROWS = st.lists(st.lists(CELLS, min_size=3, max_size=3), max_size=8)


def read_back(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@given(ROWS)
def test_no_written_cell_starts_a_formula_and_every_cell_parses_back(rows: list[list]) -> None:
    data = csv_bytes(["a", "b", "c"], rows)
    parsed = read_back(data)
    assert parsed[0] == ["a", "b", "c"]
    assert len(parsed) == len(rows) + 1
    for written, row in zip(parsed[1:], rows, strict=True):
        for cell, original in zip(written, row, strict=True):
            if isinstance(original, int):
                assert cell == str(original)
                continue
            assert not cell.startswith(FORMULA_STARTS)
            assert restore_cell(cell) == original


def test_the_owasp_examples_are_written_as_quoted_text() -> None:
    data = csv_bytes(["x"], [["=1+1"], ["+7 999"], ["-2"], ["@SUM(A1)"], ["\tx"], ["\rx"], [5]])
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[1:-1] == [
        "\"'=1+1\"", "\"'+7 999\"", "\"'-2\"", "\"'@SUM(A1)\"", "\"'\tx\"", "\"'\rx\"", "5",
    ]  # fmt: skip


def test_plain_text_is_left_as_it_is() -> None:
    assert neutralise("Подвал школы, Брянка") == "Подвал школы, Брянка"
    assert neutralise("2024-07") == "2024-07"
