"""What the app keeps outside the vault: where the last vault is, and this user's random key.

The path, so the next start goes straight to unlocking it. The key (random, made the first time
this computer user gives his name or adopts the vault's old shared one) finds his own caseworker
name inside the vault (services/preferences.py): per user on this computer, while the name itself
stays encrypted. Names, languages and every other preference live inside the vault. The file is
an INI file in the user's configuration folder (``Casetracker/Casetracker.ini``), or one given
explicitly (tests).
"""

import secrets
from pathlib import Path

from PySide6.QtCore import QSettings

LAST_VAULT_KEY = "vault/last_path"
USER_KEY = "user/key"


class AppSettings:
    def __init__(self, file: Path | None = None) -> None:
        if file is None:
            self._qs = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Casetracker", "Casetracker"
            )
        else:
            self._qs = QSettings(str(file), QSettings.Format.IniFormat)

    @property
    def file_name(self) -> str:
        return self._qs.fileName()

    def last_vault(self) -> Path | None:
        value = self._qs.value(LAST_VAULT_KEY)
        return Path(str(value)) if value else None

    def remember_vault(self, path: Path) -> None:
        # Rewrite the whole store with the allowed keys only, dropping anything else.
        key = self.user_key()
        self._qs.clear()
        self._qs.setValue(LAST_VAULT_KEY, str(path))
        if key:
            self._qs.setValue(USER_KEY, key)
        self._qs.sync()

    def user_key(self, *, create: bool = False) -> str:
        """This computer user's random key ("" if none yet and not ``create``)."""
        value = str(self._qs.value(USER_KEY) or "")
        if not value and create:
            value = secrets.token_hex(16)
            self._qs.setValue(USER_KEY, value)
            self._qs.sync()
        return value

    def keys(self) -> list[str]:
        return list(self._qs.allKeys())
