"""What a rule raises: a flag with a severity, a plain explanation and the day it became true."""

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from casetracker.rules.snapshot import CaseFacts
    from casetracker.rules.thresholds import Threshold, Thresholds


class Severity(StrEnum):
    """Stored by value in ``FlagState.severity_at_ack``; compare with ``rank``, not as text."""

    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Severity.INFO: 1, Severity.WARNING: 2, Severity.CRITICAL: 3}


@dataclass(frozen=True, slots=True)
class Flag:
    """One raised flag, about a case (``case_id``) or about a place (``facility_id``).

    ``since`` is computed from the data (e.g. last proof of life + warning days), so it is the
    same whoever evaluates and whenever; ``numbers`` holds the figures the message quotes, for
    machines and for tests. Slotted: the open flags stay remembered while the vault is open
    (about one per case), and a per-instance dict doubled what each cost beside its values.
    """

    rule: str
    severity: Severity
    since: date
    message: str
    case_id: uuid.UUID | None = None
    case_ref: str | None = None
    facility_id: uuid.UUID | None = None
    facility_name: str | None = None
    # For a flag about a place: the cases it names.
    case_refs: tuple[str, ...] = ()
    numbers: Mapping[str, int] = field(default_factory=dict, hash=False)

    @property
    def subject_id(self) -> uuid.UUID | None:
        return self.case_id if self.case_id is not None else self.facility_id

    @property
    def subject(self) -> str:
        """What the flag is about, as a person reads it: a case reference or a place name."""
        return self.case_ref or self.facility_name or ""

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": self.rule, "severity": self.severity.value}
        if self.case_id is not None:
            out["case_ref"] = self.case_ref
        else:
            out["facility"] = self.facility_name
            out["cases"] = list(self.case_refs)
        out["message"] = self.message
        out["since"] = self.since.isoformat()
        out["numbers"] = dict(self.numbers)
        return out


Evaluate = Callable[[Sequence["CaseFacts"], "Thresholds", date], list[Flag]]
Check = Callable[["CaseFacts", "Thresholds", date], Flag | None]


def per_case(check: Check) -> Evaluate:
    """A bulk evaluation from a rule that looks at one case at a time."""

    def evaluate(cases: Sequence["CaseFacts"], th: "Thresholds", as_of: date) -> list[Flag]:
        return [flag for case in cases if (flag := check(case, th, as_of)) is not None]

    return evaluate


@dataclass(frozen=True)
class Rule:
    """A named, documented rule: its id (stable, stored in FlagState), title and thresholds."""

    id: str
    # Called at display time so the title follows the installed translation.
    title: Callable[[], str]
    thresholds: tuple["Threshold", ...]
    evaluate: Evaluate
    # Plain-language description of when the rule fires (the module docstring).
    description: str = ""
    # The rule on one case, for a rule that looks at one case at a time (``evaluate`` is then
    # `per_case` of it): after an edit only the touched cases are checked again. None for a
    # rule that looks at several cases at once (it is evaluated afresh).
    check: Check | None = None
