"""Vault settings the desktop app needs beyond the services' own: who is working, in what language.

Kept in the encrypted vault, never in the operating system's settings store, so nothing about
the people using the app is readable on disk. Importing this module registers the settings.

The caseworker's name is each person's own, not the vault's: several people open one vault (in
turns, or a copy synced between laptops), and History must name who made each change. Each
computer user's name is kept in the vault under a random key that only that user's own app
settings hold (gui/app_settings.py); the settings file holds the key, never the name. The vault's
old shared ``caseworker_name`` is only where a person's name comes from on the first start.
"""

import json
from typing import TYPE_CHECKING

from casetracker.i18n import QT_TRANSLATE_NOOP
from casetracker.model import Setting
from casetracker.rules import thresholds as rule_thresholds
from casetracker.services.settings import SPECS, SettingSpec, register

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

CASEWORKER_NAME = "caseworker_name"
LANGUAGE = "language"
AUTOLOCK_MINUTES = "autolock_minutes"
BACKUPS_KEPT = "backups_kept"
NAMES_IN_TITLES = "names_in_titles"

# Languages the app offers; "" follows the operating system.
LANGUAGES = ("", "en", "ru")

register(
    SettingSpec(
        CASEWORKER_NAME,
        str,
        "",
        QT_TRANSLATE_NOOP("settings", "Name recorded in History until each person gives their own"),
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
JOURNAL_SAVES = "journal_saves"
JOURNAL_MIB = "journal_mib"
GENERAL_KEYS = (
    CASEWORKER_NAME, LANGUAGE, AUTOLOCK_MINUTES, BACKUPS_KEPT, JOURNAL_SAVES, JOURNAL_MIB,
    NAMES_IN_TITLES,
)  # fmt: skip


# Prefix of the vault setting rows holding one computer user's own name (key: his random key).
USER_NAME_PREFIX = CASEWORKER_NAME + "@"


def shared_name(ws: "OpenVault") -> str:
    """The vault's old one-for-everyone caseworker name."""
    return str(ws.settings.get(CASEWORKER_NAME) or "").strip()


def user_name(ws: "OpenVault", user_key: str) -> str:
    """This computer user's own name ("" when he has not given one)."""
    if not user_key:
        return ""
    with ws.reading() as session:
        row = session.get(Setting, USER_NAME_PREFIX + user_key)
    return str(json.loads(row.value) or "").strip() if row else ""


def set_user_name(ws: "OpenVault", user_key: str, name: str) -> None:
    """Keep ``name`` as this computer user's own (one unit of work)."""
    with ws.session() as session:
        key = USER_NAME_PREFIX + user_key
        row = session.get(Setting, key) or Setting(key=key, value="null")
        row.value = json.dumps(name.strip())
        session.add(row)


def adopt_shared_name(ws: "OpenVault", user_key: str) -> None:
    """First start of this user on a vault with a shared name: the name becomes his, and the
    shared value is emptied so that the next person records under his own name, not this one."""
    name = shared_name(ws)
    if not name or user_name(ws, user_key) or ws.read_only:
        return
    set_user_name(ws, user_key, name)
    ws.settings.set(CASEWORKER_NAME, "")


def actor_for(ws: "OpenVault", fallback: str, user_key: str = "") -> str:
    """The name the audit log records: this user's own, else the vault's shared one (a vault
    no user has adopted yet), else ``fallback`` (the operating system's user name)."""
    return user_name(ws, user_key) or shared_name(ws) or fallback


def other_keys() -> list[str]:
    """Settings registered by other modules that belong on no named page."""
    known = set(GENERAL_KEYS) | set(THRESHOLD_KEYS)
    return sorted(key for key in SPECS if key not in known)
