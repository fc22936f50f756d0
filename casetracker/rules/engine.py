"""Run every rule over the case facts and sort the flags the way a morning review reads them.

Worst first, then the longest-standing (oldest ``since``), so the man silent for five weeks is
above the one silent since yesterday; ties fall back to rule order and reference, so the list
is stable from one run to the next.
"""

from collections.abc import Iterable, Sequence
from datetime import date

from casetracker.rules import (
    facility_silence,
    long_detention,
    lost_contact,
    no_lawyer,
    request_refused,
    silent_after_transfer,
    stale_case,
    unanswered_request,
    whereabouts_unknown,
)
from casetracker.rules.flag import Flag, Rule
from casetracker.rules.snapshot import CaseFacts
from casetracker.rules.thresholds import Thresholds

#: Every rule, in the order the documentation and the settings page list them.
RULES: tuple[Rule, ...] = (
    lost_contact.RULE,
    silent_after_transfer.RULE,
    long_detention.RULE,
    no_lawyer.RULE,
    whereabouts_unknown.RULE,
    stale_case.RULE,
    facility_silence.RULE,
    unanswered_request.RULE,
    request_refused.RULE,
)
BY_ID = {rule.id: rule for rule in RULES}
_ORDER = {rule.id: i for i, rule in enumerate(RULES)}


def sort_key(flag: Flag) -> tuple[int, date, int, str]:
    return (-flag.severity.rank, flag.since, _ORDER.get(flag.rule, len(_ORDER)), flag.subject)


def ordered(flags: Iterable[Flag]) -> list[Flag]:
    return sorted(flags, key=sort_key)


def evaluate(
    cases: Sequence[CaseFacts], thresholds: Thresholds, as_of: date, rules: Sequence[Rule] = RULES
) -> list[Flag]:
    """All flags raised on ``as_of``, worst and oldest first; pure, so safe to call anywhere."""
    flags: list[Flag] = []
    for rule in rules:
        flags.extend(rule.evaluate(cases, thresholds, as_of))
    return ordered(flags)
