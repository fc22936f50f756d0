"""Format 3: a save appends the change set to the journal; opening replays it; a torn or
altered record is found, and the vault opens at the last change set that verified."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from casetracker.services.workspace import LeftOut, Workspace
from casetracker.storage import backups, envelope, journal
from casetracker.storage.errors import SaveFailed
from casetracker.storage.kdf import FLOOR
from casetracker.storage.vault_file import VaultFile
from tests.conftest import PASSPHRASE


def _names(ws: Workspace) -> list[str]:
    return sorted(row.full_name for row in ws.cases.rows())


def _reopen(path: Path) -> Workspace:
    return Workspace.open(path, passphrase=PASSPHRASE)


def _journal_start(path: Path) -> int:
    data = path.read_bytes()
    parsed = envelope.parse(data)
    return len(parsed.associated_data) + len(parsed.untrusted_ciphertext)


def _record_ends(path: Path) -> list[int]:
    """Where each record of the journal ends (from their length fields alone)."""
    data = path.read_bytes()
    offset = _journal_start(path)
    ends = []
    while offset < len(data):
        offset += 4 + int.from_bytes(data[offset : offset + 4], "big")
        ends.append(offset)
    return ends


@pytest.fixture
def saved(ws: Workspace) -> Workspace:
    """A vault with a snapshot holding one man, then two saves each adding one."""
    ws.cases.create("Зайцев Олег Игоревич")
    ws.compact()
    ws.cases.create("Петров Пётр Петрович")
    ws.save()
    ws.cases.create("Сидоров Семён Семёнович")
    ws.save()
    return ws


def test_an_edit_appends_a_small_record_and_leaves_the_snapshot_as_it_was(
    ws: Workspace, vault_path: Path
) -> None:
    for index in range(300):  # a vault of some size: its snapshot is far bigger than an edit
        ws.cases.create(f"Иванов Иван {index}", notes="заметка " * 40)
    ws.compact()
    before = vault_path.read_bytes()
    inode = vault_path.stat().st_ino
    ws.cases.create("Новиков Николай")
    ws.save()
    after = vault_path.read_bytes()
    assert vault_path.stat().st_ino == inode  # appended, not replaced
    assert after[: len(before)] == before
    grown = len(after) - len(before)
    assert 0 < grown <= 2 * journal.RECORD_BLOCK and grown % journal.RECORD_BLOCK == 0
    assert ws.file.journal_records == 1


def test_reopening_replays_the_journal(saved: Workspace, vault_path: Path) -> None:
    expected = _names(saved)
    saved.close(compact=False)
    assert len(_record_ends(vault_path)) == 2
    reopened = _reopen(vault_path)
    try:
        assert _names(reopened) == expected
        assert reopened.file.journal_records == 2
    finally:
        reopened.close(save=False)


def test_updates_and_deletes_are_replayed(ws: Workspace, vault_path: Path) -> None:
    ws.cases.create("Зайцев Олег Игоревич")
    ws.cases.create("Петров Пётр Петрович")
    ws.compact()
    first, second = sorted(ws.cases.rows(), key=lambda row: row.full_name)
    ws.cases.delete(second.ref)
    ws.cases.update(first.ref, full_name="Зайцев Олег Игоревич (уточнено)")
    ws.save()
    ws.close(compact=False)
    reopened = _reopen(vault_path)
    try:
        assert _names(reopened) == ["Зайцев Олег Игоревич (уточнено)"]
    finally:
        reopened.close(save=False)


@pytest.mark.parametrize("cut", [1, 4, 5, 100, -1])
def test_a_torn_last_record_is_dropped_and_the_next_save_follows_the_last_good_one(
    saved: Workspace, vault_path: Path, cut: int
) -> None:
    saved.close(compact=False)
    ends = _record_ends(vault_path)
    data = vault_path.read_bytes()
    keep = ends[0] + cut if cut > 0 else ends[1] + cut
    vault_path.write_bytes(data[:keep])  # the second append was cut off here
    reopened = _reopen(vault_path)
    try:
        assert _names(reopened) == ["Зайцев Олег Игоревич", "Петров Пётр Петрович"]
        assert reopened.file.journal_dropped_bytes == keep - ends[0]
        assert not reopened.file.journal_damaged
        assert vault_path.stat().st_size == ends[0]  # the torn bytes are gone
        reopened.cases.create("Новиков Николай")
        reopened.save()
    finally:
        reopened.close(compact=False)
    again = _reopen(vault_path)
    try:
        assert "Новиков Николай" in _names(again)
        assert again.file.journal_records == 2
    finally:
        again.close(save=False)


def test_a_record_altered_in_the_middle_ends_the_journal_and_is_kept_aside(
    saved: Workspace, vault_path: Path
) -> None:
    saved.close(compact=False)
    ends = _record_ends(vault_path)
    data = bytearray(vault_path.read_bytes())
    data[_journal_start(vault_path) + 40] ^= 0x01  # inside the first record's ciphertext
    vault_path.write_bytes(data)
    assert any(
        "integrity" in problem for problem in VaultFile.check(vault_path, passphrase=PASSPHRASE)
    )
    reopened = _reopen(vault_path)
    try:
        assert _names(reopened) == ["Зайцев Олег Игоревич"]
        assert reopened.file.journal_damaged
        assert vault_path.stat().st_size == _journal_start(vault_path)
    finally:
        reopened.close(save=False)
    [aside] = backups.set_aside_copies(vault_path)
    assert aside.read_bytes() == bytes(data)  # every byte kept for a specialist
    assert len(ends) == 2


def test_records_swapped_or_replayed_fail_their_chain(saved: Workspace, vault_path: Path) -> None:
    saved.close(compact=False)
    start = _journal_start(vault_path)
    first_end, second_end = _record_ends(vault_path)
    data = vault_path.read_bytes()
    head, one, two = data[:start], data[start:first_end], data[first_end:second_end]
    for journal_bytes in (two + one, one + one, two):
        vault_path.write_bytes(head + journal_bytes)
        reopened = _reopen(vault_path)
        try:
            names = _names(reopened)
            assert "Сидоров Семён Семёнович" not in names or journal_bytes == one + two
            assert reopened.file.journal_records <= 1
        finally:
            reopened.close(save=False)
        for copy in backups.set_aside_copies(vault_path):
            copy.unlink()


def test_a_record_from_another_generation_does_not_open(saved: Workspace, vault_path: Path) -> None:
    """Records are bound to their snapshot: after a compaction the old ones do not fit."""
    saved.close(compact=False)
    start = _journal_start(vault_path)
    old_journal = vault_path.read_bytes()[start:]
    reopened = _reopen(vault_path)
    reopened.compact()
    reopened.close(save=False)
    vault_path.write_bytes(vault_path.read_bytes() + old_journal)
    again = _reopen(vault_path)
    try:
        assert again.file.journal_records == 0 and again.file.journal_dropped_bytes
        assert _names(again) == sorted(
            ["Зайцев Олег Игоревич", "Петров Пётр Петрович", "Сидоров Семён Семёнович"]
        )
    finally:
        again.close(save=False)


def test_compaction_folds_the_journal_into_a_snapshot_and_keeps_the_old_file(
    saved: Workspace, vault_path: Path
) -> None:
    old = vault_path.read_bytes()
    saved.compact()
    assert saved.file.journal_records == 0
    assert _record_ends(vault_path) == []
    kept = [info for info in backups.list_backups(vault_path) if info.path.read_bytes() == old]
    assert kept  # snapshot + journal, as it was: a backup that opens with its changes
    saved.close(save=False)
    with VaultFile.open(kept[0].path, passphrase=PASSPHRASE) as backup:
        assert len(backup.change_sets) == 2


def test_restoring_a_backup_keeps_its_journal(saved: Workspace, vault_path: Path) -> None:
    from casetracker.services import backup_restore

    saved.compact()  # the file with two change sets is now backup 1
    saved.cases.create("Новиков Николай")
    saved.save()
    backup_restore.restore(saved, 1)  # the file before "Новиков" was added, with its journal
    assert "Сидоров Семён Семёнович" in _names(saved)
    assert "Новиков Николай" not in _names(saved)


def test_closing_compacts_and_locking_does_not(saved: Workspace, vault_path: Path) -> None:
    saved.close(compact=False)
    assert len(_record_ends(vault_path)) == 2
    reopened = _reopen(vault_path)
    reopened.cases.create("Новиков Николай")
    reopened.close()  # saves (an append), then folds the whole journal into a snapshot
    assert _record_ends(vault_path) == []
    again = _reopen(vault_path)
    try:
        assert "Новиков Николай" in _names(again)
    finally:
        again.close(save=False)


def test_the_journal_compacts_past_its_limit(ws: Workspace, vault_path: Path) -> None:
    ws.settings.set("journal_saves", 10)
    ws.compact()
    for index in range(10):
        ws.cases.create(f"Иванов Иван {index}")
        ws.save()
    assert ws.file.journal_records == 10
    ws.cases.create("Новиков Николай")
    ws.save()  # the edit is appended, then the journal folded into a snapshot
    assert ws.file.journal_records == 0


def test_a_schema_change_is_saved_as_a_snapshot(ws: Workspace) -> None:
    ws.cases.create("Зайцев Олег Игоревич")
    ws.compact()
    with ws.session() as session:
        session.execute(text("ALTER TABLE facility ADD COLUMN extra TEXT"))
    generation = ws.file.generation
    ws.save()
    assert ws.file.generation == generation + 1 and ws.file.journal_records == 0
    ws.cases.create("Петров Пётр Петрович")  # watched again, with the new column
    ws.save()
    assert ws.file.journal_records == 1


def test_a_rolled_back_action_leaves_nothing_to_save(ws: Workspace) -> None:
    ws.cases.create("Зайцев Олег Игоревич")
    ws.compact()
    with pytest.raises(RuntimeError), ws.session() as session:
        session.execute(text("UPDATE \"case\" SET full_name = 'x'"))
        raise RuntimeError("the action failed")
    ws.save()
    assert ws.file.journal_records == 0


def test_an_import_of_many_rows_is_saved_as_a_snapshot(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casetracker.storage import change_capture

    monkeypatch.setattr(change_capture, "MAX_JOURNAL_ROWS", 5)
    generation = ws.file.generation
    for index in range(6):
        ws.cases.create(f"Иванов Иван {index}")
    ws.save()
    assert ws.file.generation == generation + 1 and ws.file.journal_records == 0


def test_a_full_disk_during_an_append_saves_nothing_and_the_edit_comes_again(
    saved: Workspace, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    size = vault_path.stat().st_size
    real = os.pwrite

    def half_then_full(fd: int, data: Any, offset: int) -> int:
        if len(data) > 10:
            real(fd, bytes(data)[:10], offset)  # part of the record reached the disk
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "pwrite", half_then_full)
    saved.cases.create("Новиков Николай")
    with pytest.raises(SaveFailed):
        saved.save()
    assert vault_path.stat().st_size == size and saved.dirty
    monkeypatch.setattr(os, "pwrite", real)
    saved.save()
    assert not saved.dirty
    saved.close(compact=False)
    reopened = _reopen(vault_path)
    try:
        assert "Новиков Николай" in _names(reopened)
        assert reopened.file.journal_records == 3
    finally:
        reopened.close(save=False)


@pytest.mark.parametrize("compacted_first", [True, False])
def test_a_new_passphrase_keeps_the_journal(
    ws: Workspace, vault_path: Path, compacted_first: bool
) -> None:
    ws.cases.create("Зайцев Олег Игоревич")
    if compacted_first:
        ws.compact()
    ws.cases.create("Сидоров Семён Семёнович")
    ws.save()
    records = ws.file.journal_records
    ws.file.change_passphrase("another long passphrase here", FLOOR)
    ws.close(compact=False)
    reopened = Workspace.open(vault_path, passphrase="another long passphrase here")
    try:
        assert reopened.file.journal_records == records
        assert _names(reopened) == ["Зайцев Олег Игоревич", "Сидоров Семён Семёнович"]
    finally:
        reopened.close(save=False)


def test_a_format_2_vault_is_converted_on_first_open_and_kept_as_a_backup(
    ws: Workspace, vault_path: Path
) -> None:
    ws.cases.create("Зайцев Олег Игоревич")
    ws.compact()
    payload = ws.file.payload
    key = ws.file._data_key
    assert key is not None
    ws.close(save=False)
    data = vault_path.read_bytes()
    parsed = envelope.parse(data)
    header = parsed.header.to_json()
    del header["snapshot_length"]
    header["payload_nonce"] = "AAAAAAAAAAAAAAAA"
    old = bytes(envelope.seal(envelope.canonical_json(header), key, bytes(12), payload, version=2))
    vault_path.write_bytes(old)
    reopened = _reopen(vault_path)
    try:
        assert VaultFile.inspect(vault_path)["format_version"] == 3
        assert _names(reopened) == ["Зайцев Олег Игоревич"]
        assert any(info.path.read_bytes() == old for info in backups.list_backups(vault_path))
        reopened.cases.create("Петров Пётр Петрович")
        reopened.save()
        assert reopened.file.journal_records == 1
    finally:
        reopened.close(save=False)


def _dump(ws: Workspace) -> dict[str, list[tuple[object, ...]]]:
    from casetracker.storage.database import raw_connection

    raw = raw_connection(ws.engine)
    tables = [
        name
        for (name,) in raw.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {
        t: raw.execute(f'SELECT rowid, * FROM main."{t}" ORDER BY rowid').fetchall() for t in tables
    }


def test_a_day_of_casework_saved_as_appends_reopens_row_for_row(
    ws: Workspace, vault_path: Path
) -> None:
    """Real service calls on a demo vault, each saved as an append; the reopened vault (the
    snapshot with every change set replayed) is the live database, row for row."""
    from datetime import datetime

    from casetracker.services import demo

    demo.generate(ws, 25)
    ws.compact()
    rows = ws.cases.rows()
    for index, row in enumerate(rows[:12]):
        if index % 4 == 0:
            ws.contacts.log(row.ref, datetime(2026, 11, 1 + index, 9, 30), direct=True)
        elif index % 4 == 1:
            ws.cases.update(row.ref, notes=f"звонил адвокат {index}", tags="срочно")
        elif index % 4 == 2:
            relative = ws.relatives.create(f"Мать {index}", phones=f"+7 900 000 00 {index:02d}")
            ws.relatives.link(row.ref, relative.id, "mother")
        else:
            ws.cases.delete(row.ref)  # his contacts, custody and links go with him
        ws.save()
    assert ws.file.journal_records == 12
    expected = _dump(ws)
    ws.close(compact=False)
    reopened = _reopen(vault_path)
    try:
        assert _dump(reopened) == expected
    finally:
        reopened.close(save=False)


def test_closing_after_only_reading_leaves_the_file_as_it_was(
    saved: Workspace, vault_path: Path
) -> None:
    """`casetracker info` and the like: a session that changed nothing compacts nothing."""
    saved.close(compact=False)
    before = vault_path.read_bytes()
    reader = _reopen(vault_path)
    assert reader.cases.rows()
    reader.close()
    assert vault_path.read_bytes() == before


@pytest.mark.parametrize("compact", [False, True])
def test_saves_finished_out_of_order_leave_the_newest_state(
    saved: Workspace, vault_path: Path, compact: bool
) -> None:
    """The saver's worker may still finish an earlier save when another is made on the GUI
    thread: the older one must neither append its change set again nor replace the newer
    snapshot."""
    ref = saved.cases.rows()[0].ref
    saved.cases.update(ref, full_name="Первое имя")
    older = saved.prepare_save(compact=compact)
    saved.cases.update(ref, full_name="Второе имя")
    newer = saved.prepare_save(compact=compact)
    saved.finish_save(newer)
    saved.finish_save(older)
    assert not saved.dirty
    saved.close(compact=False)
    reopened = _reopen(vault_path)
    try:
        assert "Второе имя" in _names(reopened) and "Первое имя" not in _names(reopened)
    finally:
        reopened.close(save=False)


@pytest.mark.parametrize("where", ["length of the first", "inside the last"])
def test_complete_saves_that_fail_are_damage_and_kept_aside(
    saved: Workspace, vault_path: Path, where: str
) -> None:
    """Only what an append cut short is dropped quietly: a flipped bit in a length field or in
    the last record is damage, so the whole file is copied aside before the journal is cut."""
    saved.close(compact=False)
    start = _journal_start(vault_path)
    _, second_end = _record_ends(vault_path)
    data = bytearray(vault_path.read_bytes())
    if where == "length of the first":
        data[start] ^= 0x80
    else:
        data[second_end - 20] ^= 0x01
    vault_path.write_bytes(data)
    reopened = _reopen(vault_path)
    try:
        assert reopened.left_out is LeftOut.DAMAGED
    finally:
        reopened.close(save=False)
    [aside] = backups.set_aside_copies(vault_path)
    assert aside.read_bytes() == bytes(data)


def _damage_first_record(vault_path: Path) -> bytes:
    data = bytearray(vault_path.read_bytes())
    data[_journal_start(vault_path) + 40] ^= 0x01
    vault_path.write_bytes(data)
    return bytes(data)


def test_a_new_passphrase_keeps_the_damaged_bytes_of_the_copy_set_aside(
    saved: Workspace, vault_path: Path
) -> None:
    saved.close(compact=False)
    start = _journal_start(vault_path)
    damaged = _damage_first_record(vault_path)
    reopened = _reopen(vault_path)
    try:
        reopened.file.change_passphrase("another long passphrase here", FLOOR)
    finally:
        reopened.close(save=False)
    [aside] = backups.set_aside_copies(vault_path)
    kept = aside.read_bytes()
    assert kept != damaged  # re-keyed: the retired passphrase opens it no more
    assert kept.endswith(damaged[start:])  # every journal byte, for a specialist


def test_a_damaged_journal_on_a_full_disk_still_opens_and_saves_whole(
    saved: Workspace, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casetracker.storage import vault_file

    saved.close(compact=False)
    damaged = _damage_first_record(vault_path)

    def full_disk(*args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(vault_file, "_cut_journal", full_disk)
    reopened = _reopen(vault_path)
    monkeypatch.undo()
    try:
        assert _names(reopened) == ["Зайцев Олег Игоревич"]
        assert vault_path.read_bytes() == damaged  # nothing cut
        reopened.cases.create("Новиков Николай")
        reopened.save()  # a whole new file: nothing is appended after the damaged bytes
        assert reopened.file.journal_records == 0
    finally:
        reopened.close(save=False)
    assert any(info.path.read_bytes() == damaged for info in backups.list_backups(vault_path))


def test_a_change_set_that_does_not_replay_opens_the_vault_as_of_those_before(
    saved: Workspace, vault_path: Path
) -> None:
    """Authentic but unusable (a bug, or a key holder's forgery): the vault opens with the
    change sets before it, says so, and its next save writes a whole file, keeping this one."""
    from casetracker.storage.change_sets import ChangeSet, RowChange, TableChanges, encode

    wrong = ChangeSet(5, (TableChanges("nowhere", ("id",), (RowChange("insert", 1, None, (1,)),)),))
    saved.file.append([encode(wrong)])
    saved.cases.create("Новиков Николай")
    saved.save()  # appended after the unusable one
    saved.close(compact=False)
    before = vault_path.read_bytes()
    reopened = _reopen(vault_path)
    try:
        assert reopened.left_out is LeftOut.DAMAGED
        assert "Новиков Николай" not in _names(reopened)
        assert "Сидоров Семён Семёнович" in _names(reopened)
        reopened.cases.create("Орлов Олег")
        reopened.save()
        assert reopened.file.journal_records == 0  # a whole new file
    finally:
        reopened.close(save=False)
    assert any(info.path.read_bytes() == before for info in backups.list_backups(vault_path))


def test_the_first_save_of_a_day_after_one_with_saves_compacts(
    saved: Workspace, vault_path: Path
) -> None:
    """Locked overnight, never quit: the next day's first save still keeps a backup."""
    import time

    saved.close(compact=False)
    yesterday = time.time() - 86_400
    os.utime(vault_path, (yesterday, yesterday))
    old = vault_path.read_bytes()
    reopened = _reopen(vault_path)
    try:
        reopened.cases.create("Новиков Николай")
        reopened.save()  # appended, then the journal of yesterday folded into a snapshot
        assert reopened.file.journal_records == 0
        reopened.cases.create("Орлов Олег")
        reopened.save()  # today's journal: appended only
        assert reopened.file.journal_records == 1
    finally:
        reopened.close(save=False)
    # Kept: yesterday's file with the edit that came first appended to it.
    kept = [info.path.read_bytes() for info in backups.list_backups(vault_path)]
    assert any(data.startswith(old) and len(data) > len(old) for data in kept)


def test_change_sets_too_big_to_append_are_saved_as_a_snapshot(
    saved: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casetracker.services import workspace

    monkeypatch.setattr(workspace, "MAX_APPEND_BYTES", 10)
    generation = saved.file.generation
    saved.cases.create("Новиков Николай")
    saved.save()
    assert saved.file.generation == generation + 1 and saved.file.journal_records == 0


def test_rows_written_outside_a_counted_action_are_saved_on_close(
    saved: Workspace, vault_path: Path
) -> None:
    """A bulk statement does not move the count of unsaved actions; the capture still has it."""
    with saved.engine.begin() as connection:
        connection.execute(text("UPDATE \"case\" SET notes = 'массовая правка'"))
    assert not saved.dirty
    saved.close(compact=False)
    reopened = _reopen(vault_path)
    try:
        notes = {reopened.cases.get(row.ref).notes for row in reopened.cases.rows()}
        assert notes == {"массовая правка"}
    finally:
        reopened.close(save=False)


def test_a_backup_left_hard_linked_to_the_vault_is_not_appended_to(
    saved: Workspace, vault_path: Path
) -> None:
    """A save killed after the old file was linked into the backups but before the new one
    replaced it leaves both names on one file: the next appends must not change the backup."""
    saved.close(compact=False)
    folder = backups.backup_dir_for(vault_path)
    folder.mkdir(exist_ok=True)
    linked = folder / "v99.ctvault"
    os.link(vault_path, linked)
    before = linked.read_bytes()
    reopened = _reopen(vault_path)
    try:
        reopened.cases.create("Новиков Николай")
        reopened.save()
        assert reopened.file.journal_records == 3
    finally:
        reopened.close(save=False)
    assert linked.read_bytes() == before


def test_an_append_where_the_system_has_no_pwrite_reopens_the_same(
    ws: Workspace, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no os.pwrite: the append writes at the journal's end through lseek."""
    ws.cases.create("Зайцев Олег Игоревич")
    ws.compact()
    monkeypatch.delattr(os, "pwrite")
    for name in ("Петров Пётр Петрович", "Сидоров Семён Семёнович"):
        ws.cases.create(name, notes="строка\nи ещё\r\n" * 50)  # newline bytes, for text mode
        ws.save()
    expected = _names(ws)
    ws.close(compact=False)
    assert len(_record_ends(vault_path)) == 2
    reopened = _reopen(vault_path)
    try:
        assert _names(reopened) == expected
    finally:
        reopened.close(save=False)
