"""Undoable same-person actions: a verdict on a pair, and a merge (Ctrl+Z puts both cases back)."""

import uuid

from casetracker.gui.undo_commands import ServiceCommand
from casetracker.gui.vault_session import VaultSession
from casetracker.i18n import translate
from casetracker.services import same_person
from casetracker.services.same_person import LinkState, MergeResult


class SetSamePerson(ServiceCommand):
    """Give a pair a verdict (or none); undo gives back the one it had."""

    def __init__(self, session: VaultSession, a: uuid.UUID, b: uuid.UUID, state: LinkState) -> None:
        super().__init__(session, translate("undo", "Same man or not"))
        self.a, self.b, self.state = a, b, state
        self.before: LinkState = None

    def do(self) -> None:
        self.before = same_person.set_link(self.session.ws, self.a, self.b, self.state)

    def undo_action(self) -> None:
        same_person.set_link(self.session.ws, self.a, self.b, self.before)


class MergeCases(ServiceCommand):
    """Merge ``absorb`` into ``keep``; undo restores both cases exactly."""

    def __init__(self, session: VaultSession, keep: uuid.UUID, absorb: uuid.UUID) -> None:
        super().__init__(session, translate("undo", "Merge two cases"))
        self.keep, self.absorb = keep, absorb
        self.result: MergeResult | None = None

    def do(self) -> None:
        self.result = same_person.merge(self.session.ws, self.keep, self.absorb)

    def undo_action(self) -> None:
        if self.result is not None:
            same_person.unmerge(self.session.ws, self.result.undo)
            self.result = None
