"""facility_silence: several men held at one place fell silent together.

When at least ``min_cases`` men whose open custody period is at the same place all have a
``lost_contact`` flag, and their last proofs of life fall within ``window_hours`` of each other,
the likeliest story is that the whole group was moved (or cut off) at once: one critical flag
on the place, naming the cases, so the caseworkers look at them together. Men never heard
directly have no shared moment of falling silent and are left out.
"""

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import NamedTuple

from casetracker.rules import lost_contact
from casetracker.rules import thresholds as t
from casetracker.rules.flag import Flag, Rule, Severity
from casetracker.rules.snapshot import CaseFacts
from casetracker.rules.thresholds import Thresholds
from casetracker.rules.wording import day, translate

RULE_ID = "facility_silence"
# Refs named in the message; the flag itself (``case_refs``) keeps all of them.
MAX_REFS_IN_MESSAGE = 10


class Silent(NamedTuple):
    """A man at the place with lost_contact: when last heard, and since when flagged."""

    heard: datetime
    case: CaseFacts
    flagged_since: date


def largest_cluster(members: Sequence[Silent], window: timedelta) -> list[Silent]:
    """The most members heard within ``window`` of each other (the newest such group on ties)."""
    ordered = sorted(members, key=lambda m: (m.heard, m.case.ref))
    best = (0, 0)
    start = 0
    for end, member in enumerate(ordered):
        while member.heard - ordered[start].heard > window:
            start += 1
        if end + 1 - start >= best[1] - best[0]:
            best = (start, end + 1)
    return ordered[best[0] : best[1]]


def evaluate(cases: Sequence[CaseFacts], th: Thresholds, as_of: date) -> list[Flag]:
    minimum = th[t.FACILITY_SILENCE_MIN_CASES]
    window = timedelta(hours=th[t.FACILITY_SILENCE_WINDOW_HOURS])
    by_place: dict[uuid.UUID, list[Silent]] = defaultdict(list)
    warnings = lost_contact.warning_days(th)
    for case in cases:
        if case.facility_id is None or case.last_proof_of_life is None:
            continue
        since = lost_contact.flagged_since(case, warnings, as_of)
        if since is not None:
            by_place[case.facility_id].append(Silent(case.last_proof_of_life, case, since))
    flags = []
    for members in by_place.values():
        cluster = largest_cluster(members, window) if len(members) >= minimum else []
        if len(cluster) >= minimum:
            flags.append(_flag(cluster, minimum, window, as_of))
    return flags


def _flag(cluster: list[Silent], minimum: int, window: timedelta, as_of: date) -> Flag:
    place = cluster[0].case
    refs = tuple(sorted(m.case.ref for m in cluster))
    first, last = cluster[0].heard.date(), cluster[-1].heard.date()
    # The group became a group the day its ``minimum``-th member reached lost_contact.
    since = sorted(m.flagged_since for m in cluster)[minimum - 1]
    named = ", ".join(refs[:MAX_REFS_IN_MESSAGE])
    if len(refs) > MAX_REFS_IN_MESSAGE:
        named = translate("rules", "{refs} and {n} more").format(
            refs=named, n=len(refs) - MAX_REFS_IN_MESSAGE
        )
    hours = int(window.total_seconds() // 3600)
    head = translate("rules", "{count} cases at {place} fell silent within {hours} hours").format(
        count=len(refs), place=place.facility_name, hours=hours
    )
    dates = day(first) if first == last else f"{day(first)}–{day(last)}"
    message = translate(
        "rules", "{head} (last proof of life {dates}): {refs}. Possible mass transfer."
    )
    return Flag(
        rule=RULE_ID,
        severity=Severity.CRITICAL,
        since=since,
        message=message.format(head=head, dates=dates, refs=named),
        facility_id=place.facility_id,
        facility_name=place.facility_name,
        case_refs=refs,
        numbers={"cases": len(refs), "window_hours": hours, "days": (as_of - last).days},
    )


def title() -> str:
    return translate("rules", "Place fell silent")


RULE = Rule(
    id=RULE_ID,
    title=title,
    thresholds=(t.FACILITY_SILENCE_MIN_CASES, t.FACILITY_SILENCE_WINDOW_HOURS),
    evaluate=evaluate,
    description=__doc__ or "",
)
