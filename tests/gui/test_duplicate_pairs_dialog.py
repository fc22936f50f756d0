"""The pairs list words a pair only when it is shown: at 100,000 cases there may be half a
million pairs, and wording them all kept the list from opening for many seconds."""

import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casetracker.gui.dialogs import duplicate_pairs_dialog
from casetracker.gui.dialogs.duplicate_pairs_dialog import DuplicatePairsDialog
from casetracker.gui.vault_session import VaultSession
from casetracker.services.duplicates import DuplicatePair, Reason

MANY = 50_000


@pytest.fixture
def dialog(
    session: VaultSession, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[DuplicatePairsDialog]:
    pairs = [
        DuplicatePair(uuid.uuid4(), f"CT-{i:05d}", uuid.uuid4(), f"CT-{i:05d}b", Reason.SAME_NAME)
        for i in range(MANY)
    ]
    monkeypatch.setattr(duplicate_pairs_dialog, "possible_duplicates", lambda _ws: pairs)
    shown = DuplicatePairsDialog(session)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def test_only_the_pairs_on_screen_are_worded(dialog: DuplicatePairsDialog) -> None:
    assert dialog.model.rowCount() == MANY
    worded = dialog.model._worded
    assert 0 < len(worded) < 200
    assert dialog.model.text(0).startswith("CT-00000 ")
    assert dialog.model.text(0).endswith("same name, spelt differently")


def test_scrolling_words_the_pairs_it_reaches(dialog: DuplicatePairsDialog, qtbot: QtBot) -> None:
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: MANY - 1 in dialog.model._worded, timeout=2_000)
    assert "CT-49999 " in dialog.list.currentIndex().data()
    assert len(dialog.model._worded) < 400
