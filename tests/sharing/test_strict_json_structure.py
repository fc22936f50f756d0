"""strict_json counts a document's structure before parsing it: only ``{ [ , :`` outside
strings, so text full of commas and escaped quotes costs nothing, and a document whose
structure is over the caller's limit is refused without building a single object."""

import tracemalloc

import pytest

from casetracker.sharing import strict_json
from casetracker.sharing.errors import BundleFormatError


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        (b"[]", 1),
        (b'{"a": [1, 2], "b": {}}', 7),
        (b'["a,b:c{d[e", "f"]', 2),
        (b'["\\"", ",", "\\\\", ":"]', 4),  # an escaped quote and an escaped backslash
        (b'["\\\\\\"[,", 0]', 2),  # \\ then \" inside one string
        ('["Иванов, Пётр: {брат}"]'.encode(), 1),
    ],
)
def test_structure_outside_strings_is_counted_exactly(text: bytes, tokens: int) -> None:
    assert strict_json.structural_tokens(text, 0) == tokens


def test_a_plain_count_is_trusted_when_it_is_already_under_the_limit() -> None:
    text = b'["a,b,c,d"]'
    assert strict_json.structural_tokens(text, 10) == 4  # strings included: still under 10
    assert strict_json.structural_tokens(text, 3) == 1  # over: counted exactly, still fits


def test_a_document_with_more_structure_than_allowed_is_refused_before_parsing() -> None:
    hostile = b"[" + b",".join([b"[]"] * 200_000) + b"]"
    tracemalloc.start()
    try:
        with pytest.raises(BundleFormatError, match="more than 1000 values and keys"):
            strict_json.loads(hostile, what="x", max_bytes=10**7, max_tokens=1000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3 * len(hostile)  # parsed, it would be over 12 MB of lists
    assert strict_json.loads(hostile, what="x", max_bytes=10**7, max_tokens=400_000)[0] == []


def test_walking_a_long_list_of_numbers_costs_no_memory_per_number() -> None:
    """The depth and Unicode checks after parsing hold only containers, not an entry per item."""
    text = b"[" + b",".join([b"1000"] * 200_000) + b"]"
    value = strict_json.loads(text, what="x", max_bytes=10**7)
    tracemalloc.start()
    try:
        assert strict_json._shape(value) == (1, True)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100_000
