"""Today remembers every open flag (about one per case): a flag carries no per-instance dict."""

from datetime import date

from casetracker.rules.flag import Flag, Severity


def _flag(numbers: dict[str, int]) -> Flag:
    return Flag(
        "lost_contact", Severity.WARNING, date(2024, 8, 3), "silence", case_ref="CT-0001",
        numbers=numbers,
    )  # fmt: skip


def test_a_flag_is_slotted_and_still_compares_and_hashes_by_its_facts() -> None:
    flag = _flag({"days": 14})
    assert not hasattr(flag, "__dict__")
    same = _flag({"days": 14})
    assert flag == same and hash(flag) == hash(same)
    other = _flag({"days": 15})
    assert flag != other and hash(flag) == hash(other)  # the figures are not in the hash
    assert len({flag, same, other}) == 2
