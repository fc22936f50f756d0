"""Transliterated words are remembered while a vault is open and forgotten when it closes:
they are names and places from the vault."""

from __future__ import annotations

from pathlib import Path

from casetracker.services import search_text
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR


def test_closing_a_vault_forgets_the_words_it_transliterated(tmp_path: Path) -> None:
    ws, _ = Workspace.create(tmp_path / "v.ctvault", "a long enough passphrase", kdf=FLOOR)
    ws.cases.create("Цыбиков Баир Олегович")
    assert ws.cases.rows(search="Tsybikov")
    assert search_text._skeleton.cache_info().currsize > 0
    ws.close()
    assert search_text._skeleton.cache_info().currsize == 0


def test_remembered_words_give_the_same_skeletons() -> None:
    names = ["Фёдоров Артём", "Fyodorov Artyom", "Smirnoff", "Наталья", "Natalia"]
    first = [search_text.transliterate(n) for n in names]
    assert [search_text.transliterate(n) for n in names] == first
    assert first[0] == first[1]
