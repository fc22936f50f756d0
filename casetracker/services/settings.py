"""Vault settings declared as data, so CLI and GUI list and validate them the same way."""

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlmodel import select

from casetracker.i18n import QT_TRANSLATE_NOOP, translate
from casetracker.model import Setting
from casetracker.services.errors import InvalidInput

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault


@dataclass(frozen=True)
class SettingSpec:
    key: str
    type: type
    default: Any
    label: str
    minimum: int | None = None
    maximum: int | None = None


# Settings the services themselves own; the rules register theirs with ``register``.
SPECS: dict[str, SettingSpec] = {}


def register(*specs: SettingSpec) -> None:
    for spec in specs:
        SPECS[spec.key] = spec


register(
    SettingSpec(
        "autolock_minutes",
        int,
        5,
        QT_TRANSLATE_NOOP("settings", "Lock after this many idle minutes"),
        1,
        240,
    ),
    SettingSpec(
        "backups_kept",
        int,
        10,
        QT_TRANSLATE_NOOP("settings", "Encrypted backups kept beside the vault"),
        1,
        100,
    ),
    # Each save appends its changes to the vault file; past either limit the whole vault is
    # written afresh (and the file replaced becomes a backup). Lower: more backups, more
    # full writes; higher: a longer replay when unlocking.
    SettingSpec(
        "journal_saves",
        int,
        500,
        QT_TRANSLATE_NOOP("settings", "Saves added to the vault file before it is rewritten"),
        10,
        20000,
    ),
    SettingSpec(
        "journal_mib",
        int,
        16,
        QT_TRANSLATE_NOOP("settings", "Size of those saves (MiB) before the file is rewritten"),
        1,
        1024,
    ),
)


def _parse(spec: SettingSpec, raw: Any) -> Any:
    if spec.type is int:
        try:
            value = int(raw)
        except (TypeError, ValueError) as exc:
            raise InvalidInput(
                translate("services", "{key} must be a whole number.").format(key=spec.key)
            ) from exc
        if spec.minimum is not None and value < spec.minimum:
            raise InvalidInput(
                translate("services", "{key} must be at least {minimum}.").format(
                    key=spec.key, minimum=spec.minimum
                )
            )
        if spec.maximum is not None and value > spec.maximum:
            raise InvalidInput(
                translate("services", "{key} must be at most {maximum}.").format(
                    key=spec.key, maximum=spec.maximum
                )
            )
        return value
    if spec.type is bool:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in {"1", "true", "yes", "on"}:
            return True
        if text in {"0", "false", "no", "off"}:
            return False
        raise InvalidInput(translate("services", "{key} must be yes or no.").format(key=spec.key))
    return str(raw)


class SettingsService:
    def __init__(self, workspace: "OpenVault") -> None:
        self.ws = workspace

    def all(self) -> dict[str, Any]:
        with self.ws.reading() as session:
            stored = {s.key: json.loads(s.value) for s in session.exec(select(Setting))}
        return {key: stored.get(key, spec.default) for key, spec in sorted(SPECS.items())}

    def get(self, key: str) -> Any:
        spec = self._spec(key)
        with self.ws.reading() as session:
            row = session.get(Setting, key)
        return json.loads(row.value) if row else spec.default

    def set(self, key: str, raw: Any) -> Any:
        spec = self._spec(key)
        value = _parse(spec, raw)
        with self.ws.session() as session:
            row = session.get(Setting, key) or Setting(key=key, value="null")
            row.value = json.dumps(value)
            session.add(row)
        return value

    @staticmethod
    def _spec(key: str) -> SettingSpec:
        if key not in SPECS:
            raise InvalidInput(
                translate("services", "There is no setting called {key}.").format(key=key)
            )
        return SPECS[key]
