"""The one thing the app keeps outside the vault: where the last vault is.

Only the path, so the next start goes straight to unlocking it. Names, languages and every
other preference live inside the encrypted vault. The file is an INI file in the user's
configuration folder (``Casetracker/Casetracker.ini``), or one given explicitly (tests).
"""

from pathlib import Path

from PySide6.QtCore import QSettings

LAST_VAULT_KEY = "vault/last_path"


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
        # Rewrite the whole store with the single allowed key, dropping anything else.
        self._qs.clear()
        self._qs.setValue(LAST_VAULT_KEY, str(path))
        self._qs.sync()

    def keys(self) -> list[str]:
        return list(self._qs.allKeys())
