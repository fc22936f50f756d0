"""What an error report and the debug log may say: kinds, places, references; never names."""

import logging
import sys

from casetracker.diagnostics import PLACEHOLDER, RedactNames, describe

NAME = "Щукарёв Ёжин Петрович"


def failing() -> None:
    try:
        empty: dict[str, int] = {}
        empty["Щукарёв"]
    except KeyError as exc:
        raise ValueError(f"UNIQUE constraint failed: {NAME}") from exc


def test_a_description_holds_kinds_and_places_but_no_message() -> None:
    try:
        failing()
    except ValueError as exc:
        text = describe(type(exc), exc, exc.__traceback__)
    assert text.splitlines()[0] == "ValueError (after KeyError)"
    assert "at tests/test_diagnostics.py:" in text and "in failing" in text
    assert "Щукарёв" not in text and "UNIQUE" not in text


def test_every_word_of_a_known_name_is_hidden_in_any_case_and_ending() -> None:
    names = RedactNames()
    names.remember([NAME, "Anna Ivanova"])
    line = names.redact("CT-0007: ЩУКАРЁВ, Щукарёва, ivanova's note; 3 contacts")
    assert line == f"CT-0007: {PLACEHOLDER}, {PLACEHOLDER}, {PLACEHOLDER}'s note; 3 contacts"
    names.forget()
    assert names.redact("Щукарёв") == "Щукарёв"


def test_the_filter_rewrites_the_record_and_drops_exception_text() -> None:
    names = RedactNames()
    names.remember([NAME])
    try:
        failing()
    except ValueError:
        record = logging.LogRecord("casetracker", logging.ERROR, __file__, 1, "saved %s", (NAME,),
                                   exc_info=sys.exc_info())  # fmt: skip
    assert names.filter(record)
    text = record.getMessage()
    assert text.startswith(f"saved {PLACEHOLDER} {PLACEHOLDER} {PLACEHOLDER}\nValueError")
    assert record.exc_info is None and "UNIQUE" not in text
