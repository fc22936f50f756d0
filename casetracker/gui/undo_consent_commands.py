"""Undoable consent actions: recording a consent (undo removes it) and withdrawing one (undo
clears the withdrawal). Both go through services/consent.py, so the audit log sees each way."""

import uuid
from datetime import date
from typing import Any

from casetracker.gui.undo_commands import ServiceCommand
from casetracker.gui.vault_session import VaultSession
from casetracker.i18n import translate
from casetracker.model import Audience
from casetracker.services.consent import ConsentService


class GiveConsent(ServiceCommand):
    def __init__(
        self,
        session: VaultSession,
        case_id: uuid.UUID,
        audience: Audience,
        given_on: date,
        **fields: Any,
    ) -> None:
        super().__init__(session, translate("undo", "Record consent"))
        self.case_id, self.audience, self.given_on, self.fields = (
            case_id,
            audience,
            given_on,
            fields,
        )
        self.consent_id: uuid.UUID | None = None

    def do(self) -> None:
        consent = ConsentService(self.session.ws).give(
            self.case_id, self.audience, self.given_on, **self.fields
        )
        self.consent_id = consent.id

    def undo_action(self) -> None:
        if self.consent_id is not None:
            ConsentService(self.session.ws).undo_give(self.consent_id)


class WithdrawConsent(ServiceCommand):
    def __init__(
        self,
        session: VaultSession,
        case_id: uuid.UUID,
        audience: Audience,
        on: date,
        relative_id: uuid.UUID | None,
    ) -> None:
        super().__init__(session, translate("undo", "Withdraw consent"))
        self.case_id, self.audience, self.on, self.relative_id = case_id, audience, on, relative_id
        self.consent_ids: list[uuid.UUID] = []

    def do(self) -> None:
        withdrawn = ConsentService(self.session.ws).withdraw(
            self.case_id, self.audience, self.on, relative_id=self.relative_id
        )
        self.consent_ids = [consent.id for consent in withdrawn]

    def undo_action(self) -> None:
        ConsentService(self.session.ws).undo_withdraw(self.consent_ids)
