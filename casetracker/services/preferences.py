"""Vault settings the desktop app needs beyond the services' own: who is working, in what language.

Kept in the encrypted vault, never in the operating system's settings store, so nothing about
the people using the app is readable on disk. Importing this module registers the settings.
"""

from typing import TYPE_CHECKING

from casetracker.i18n import QT_TRANSLATE_NOOP
from casetracker.rules import thresholds as rule_thresholds
from casetracker.services.settings import SPECS, SettingSpec, register

if TYPE_CHECKING:
    from casetracker.services.workspace import Workspace

CASEWORKER_NAME = "caseworker_name"
LANGUAGE = "language"
AUTOLOCK_MINUTES = "autolock_minutes"
BACKUPS_KEPT = "backups_kept"
NAMES_IN_TITLES = "names_in_titles"

#: Languages the app offers; "" follows the operating system.
LANGUAGES = ("", "en", "ru")

register(
    SettingSpec(
        CASEWORKER_NAME,
        str,
        "",
        QT_TRANSLATE_NOOP("settings", "Your name, as recorded in the history of changes"),
    ),
    SettingSpec(
        LANGUAGE,
        str,
        "",
        QT_TRANSLATE_NOOP("settings", "Language of the app (after the next unlock)"),
    ),
    # Off: a window title is seen on the taskbar, in the window switcher and by screen sharing.
    SettingSpec(
        NAMES_IN_TITLES,
        bool,
        False,
        QT_TRANSLATE_NOOP("settings", "Show names in window titles (the taskbar shows them)"),
    ),
)
# The rule thresholds are registered by the flag service; make sure they exist even when the
# GUI is the first to ask (same keys, same values: registering twice changes nothing).
register(
    *(
        SettingSpec(t.key, int, t.default, t.label, t.minimum, t.maximum)
        for t in rule_thresholds.ALL
        if t.key not in SPECS
    )
)

THRESHOLD_KEYS = tuple(t.key for t in rule_thresholds.ALL)
GENERAL_KEYS = (CASEWORKER_NAME, LANGUAGE, AUTOLOCK_MINUTES, BACKUPS_KEPT, NAMES_IN_TITLES)


def actor_for(ws: "Workspace", fallback: str) -> str:
    """The name the audit log records: the vault's caseworker name, else the OS user."""
    name = str(ws.settings.get(CASEWORKER_NAME) or "").strip()
    return name or fallback


def other_keys() -> list[str]:
    """Settings registered by other modules that belong on no named page."""
    known = set(GENERAL_KEYS) | set(THRESHOLD_KEYS)
    return sorted(key for key in SPECS if key not in known)
