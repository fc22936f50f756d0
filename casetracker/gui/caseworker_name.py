"""Who this person is in History: his own name, per user on this computer.

The name lives in the vault under this user's random key (gui/app_settings.py holds the key,
services/preferences.py the rows), so two people opening the same vault from their own accounts
record under their own names, and no name is ever written to disk unencrypted. Without app
settings (the demo, a window built in a test) the vault's shared name is used, as before.
"""

import getpass

from casetracker.gui.app_settings import AppSettings
from casetracker.services import preferences
from casetracker.services.workspace import Workspace


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return ""


def actor_at_unlock(ws: Workspace, settings: AppSettings | None) -> str:
    """The name this user's changes are recorded under; on his first start on a vault that has
    an old shared name, that name becomes his (see ``preferences.adopt_shared_name``)."""
    key = settings.user_key() if settings is not None else ""
    if settings is not None and not key and preferences.shared_name(ws) and not ws.read_only:
        key = settings.user_key(create=True)
        preferences.adopt_shared_name(ws, key)
    return preferences.actor_for(ws, os_user(), key)


def own_name(ws: Workspace, settings: AppSettings | None) -> str:
    """The name to show in Settings: his own, else what he records under today."""
    if settings is None:
        return preferences.shared_name(ws)
    return preferences.user_name(ws, settings.user_key())


def save_own_name(ws: Workspace, settings: AppSettings | None, name: str) -> str:
    """Keep ``name`` as this user's own and return the name his changes are now recorded under
    (empty: the operating system's user name)."""
    if settings is None:
        ws.settings.set(preferences.CASEWORKER_NAME, name)
        return preferences.actor_for(ws, os_user())
    key = settings.user_key(create=True)
    preferences.set_user_name(ws, key, name)
    return preferences.actor_for(ws, os_user(), key) if name.strip() else os_user()
