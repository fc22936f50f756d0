"""What a service uses of the open vault, so that the services need not import the workspace.

`services.workspace.Workspace` is the one implementation: it imports the services and hands
itself to each. The services name only this protocol, so the dependency runs one way,
workspace -> services -> this module (tests/services/test_workspace_imports.py checks it).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import Engine
from sqlmodel import Session

if TYPE_CHECKING:
    from casetracker.services.attachments import AttachmentService
    from casetracker.services.cases import CaseService
    from casetracker.services.flags import FlagService
    from casetracker.services.imports import ImportService
    from casetracker.services.settings import SettingsService


class OpenVault(Protocol):
    """An unlocked vault: its database, who is working, units of work, and the services one
    service asks of another (settings, cases, attachments, imports, flags)."""

    engine: Engine
    actor: str
    settings: SettingsService
    cases: CaseService
    attachments: AttachmentService
    imports: ImportService
    flags: FlagService

    @property
    def path(self) -> Path:
        """The vault file's path (attachments are stored beside it)."""
        ...

    @property
    def read_only(self) -> bool:
        """Opened where it cannot be written: every change is refused."""
        ...

    def session(self) -> AbstractContextManager[Session]:
        """One unit of work: audited, committed on success, rolled back on any error."""
        ...

    def reading(self) -> AbstractContextManager[Session]:
        """A session for queries only; it never marks the vault as changed."""
        ...

    def record_change(self) -> None:
        """One more unit of work was committed outside `session`."""
        ...

    def save(self) -> None:
        """Write what changed to the vault file now."""
        ...
