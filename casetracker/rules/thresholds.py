"""Rule thresholds as data: defaults here, current values from the vault's settings.

Each threshold is a vault setting (same key) so an organisation can tune the rules to its own
caseload; the services register them with the settings page. Rules index ``Thresholds`` with the
``Threshold`` objects below, so a misspelt key is a name error, not a silent default.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from casetracker.i18n import QT_TRANSLATE_NOOP
from casetracker.model.requests import RequestKind


@dataclass(frozen=True)
class Threshold:
    key: str
    default: int
    label: str  # English; shown as ``translate("settings", label)``
    minimum: int = 1
    maximum: int = 3650


LOST_CONTACT_HELD_WARNING = Threshold(
    "lost_contact.held_warning_days",
    7,
    QT_TRANSLATE_NOOP("settings", "Held or missing: days without proof of life to a warning"),
)
LOST_CONTACT_HELD_CRITICAL = Threshold(
    "lost_contact.held_critical_days",
    14,
    QT_TRANSLATE_NOOP("settings", "Held or missing: days without proof of life to critical"),
)
LOST_CONTACT_NOT_HELD_WARNING = Threshold(
    "lost_contact.not_held_warning_days", 14,
    QT_TRANSLATE_NOOP("settings", "Serving or refused: days without proof of life to a warning"),
)  # fmt: skip
LOST_CONTACT_NOT_HELD_CRITICAL = Threshold(
    "lost_contact.not_held_critical_days", 30,
    QT_TRANSLATE_NOOP("settings", "Serving or refused: days without proof of life to critical"),
)  # fmt: skip
SILENT_AFTER_TRANSFER_DAYS = Threshold(
    "silent_after_transfer.days",
    2,
    QT_TRANSLATE_NOOP("settings", "Days without proof of life after a reported transfer"),
)
LONG_DETENTION_DAYS = Threshold(
    "long_detention.days", 30, QT_TRANSLATE_NOOP("settings", "Days detained until a warning")
)
NO_LAWYER_DAYS = Threshold(
    "no_lawyer.days",
    7,
    QT_TRANSLATE_NOOP("settings", "Days detained without a lawyer until a warning"),
)
STALE_CASE_DAYS = Threshold(
    "stale_case.days",
    30,
    QT_TRANSLATE_NOOP("settings", "Days without contact, status change or move until a reminder"),
)
FACILITY_SILENCE_MIN_CASES = Threshold(
    "facility_silence.min_cases", 3,
    QT_TRANSLATE_NOOP(
        "settings", "Cases at one place falling silent together that suggest a mass transfer"
    ),
    minimum=2, maximum=1000,
)  # fmt: skip
FACILITY_SILENCE_WINDOW_HOURS = Threshold(
    "facility_silence.window_hours", 72,
    QT_TRANSLATE_NOOP("settings", "Hours within which their last proofs of life count as together"),
    maximum=24 * 60,
)  # fmt: skip

# Days an official body has to reply to a request, per kind (``unanswered_request``); the
# defaults and their legal basis are in ``services/requests.py``.
REQUEST_REPLY_DAYS: Mapping[RequestKind, Threshold] = {
    kind: Threshold(f"unanswered_request.{kind.value}_days", days, label, maximum=365)
    for kind, days, label in (
        (
            RequestKind.MILITARY_PROSECUTOR,
            30,
            QT_TRANSLATE_NOOP("settings", "Days to reply: military prosecutor's office"),
        ),
        (
            RequestKind.MILITARY_INVESTIGATORS,
            30,
            QT_TRANSLATE_NOOP("settings", "Days to reply: military investigators"),
        ),
        (
            RequestKind.OMBUDSMAN,
            30,
            QT_TRANSLATE_NOOP("settings", "Days to reply: human rights commissioner"),
        ),
        (
            RequestKind.COMMANDER,
            30,
            QT_TRANSLATE_NOOP("settings", "Days to reply: unit commander"),
        ),
        (
            RequestKind.COURT,
            30,
            QT_TRANSLATE_NOOP("settings", "Days to reply: court"),
        ),
        (
            RequestKind.RED_CROSS,
            60,
            QT_TRANSLATE_NOOP("settings", "Days to reply: Red Cross"),
        ),
        (
            RequestKind.HOSPITAL,
            30,
            QT_TRANSLATE_NOOP("settings", "Days to reply: hospital"),
        ),
        (
            RequestKind.OTHER,
            30,
            QT_TRANSLATE_NOOP("settings", "Days to reply: other body"),
        ),
    )
}

ALL: tuple[Threshold, ...] = (
    LOST_CONTACT_HELD_WARNING,
    LOST_CONTACT_HELD_CRITICAL,
    LOST_CONTACT_NOT_HELD_WARNING,
    LOST_CONTACT_NOT_HELD_CRITICAL,
    SILENT_AFTER_TRANSFER_DAYS,
    LONG_DETENTION_DAYS,
    NO_LAWYER_DAYS,
    STALE_CASE_DAYS,
    FACILITY_SILENCE_MIN_CASES,
    FACILITY_SILENCE_WINDOW_HOURS,
    *REQUEST_REPLY_DAYS.values(),
)
BY_KEY: Mapping[str, Threshold] = {t.key: t for t in ALL}


@dataclass(frozen=True)
class Thresholds:
    """Current values; anything not set falls back to the default."""

    values: Mapping[str, int] = field(default_factory=dict)

    def __getitem__(self, threshold: Threshold) -> int:
        return int(self.values.get(threshold.key, threshold.default))

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> "Thresholds":
        """Pick the rule thresholds out of all vault settings (other keys are ignored)."""
        return cls({k: int(v) for k, v in settings.items() if k in BY_KEY})

    def replace(self, changes: Mapping[Threshold, int]) -> "Thresholds":
        """A copy with some values changed (tests, and previews in the settings page)."""
        return Thresholds({**self.values, **{t.key: v for t, v in changes.items()}})
