"""A Russian-speaking caseworker never meets an English string: every screen, walked."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from casetracker.gui.vault_session import VaultSession
from casetracker.i18n import catalog, ts_file
from casetracker.services import demo
from casetracker.services.workspace import Workspace
from tests.i18n.screens import english_words, screens, texts


@pytest.fixture
def vocabulary() -> set[str]:
    """Every word of the app's English source texts."""
    words: set[str] = set()
    for m in ts_file.read(catalog.ts_path("ru")):
        words |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", m.source)}
    return words


@pytest.fixture
def russian_session(russian_gui: None, ws: Workspace) -> Iterator[VaultSession]:
    demo.generate(ws, 40)
    ws.save()
    session = VaultSession(ws, demo=True)
    yield session
    session.close(discard=True)


def test_no_english_is_left_on_any_russian_screen(
    russian_session: VaultSession, vocabulary: set[str], qtbot: QtBot, tmp_path: Path
) -> None:
    found: dict[str, set[str]] = {}
    for name, top in screens(russian_session, tmp_path):
        for where, text in texts(top):
            for word in english_words(text, vocabulary):
                found.setdefault(f"{name} / {where}: {text[:80]!r}", set()).add(word)
    assert not found, "\n".join(f"{k} -> {sorted(v)}" for k, v in sorted(found.items()))
