"""Requests in the case window and the Requests section, driven by keys and clicks only; each
test checks what the vault stored."""

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from casetracker.gui.dialogs.letter_dialog import LetterDialog
from casetracker.gui.dialogs.request_dialog import RequestDialog
from casetracker.gui.main_window import REQUESTS, SETTINGS, MainWindow
from casetracker.gui.views.case.case_window import CaseWindow
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model import ReplyOutcome, RequestKind
from casetracker.services import requests
from tests.gui.by_hand import open_section
from tests.gui.keyboard import (
    answer_file_chooser,
    click,
    new_case_window,
    press,
    show_tab,
    through_modal,
    type_text,
    vault_of,
)

TODAY = date.today()
SENT = TODAY - timedelta(days=40)  # investigators: 30 days, so 10 days late


def _click_row(table: RecordTable, row: int, *, double: bool = False) -> None:  # type: ignore[type-arg]
    pos = table.visualRect(table.model().index(row, 1)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    if double:
        QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _back_to(qtbot: QtBot, window: QWidget) -> None:
    window.activateWindow()  # back from a dialog (offscreen Qt does not do it)
    qtbot.waitUntil(window.isActiveWindow)


def _add_request_by_keys(qtbot: QtBot, case_window: CaseWindow) -> None:
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, RequestDialog)
        press(qtbot, Qt.Key.Key_Down)  # Military prosecutor's office -> Military investigators
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "VSO garrison")
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, SENT.strftime("%d.%m.%Y"))
        press(qtbot, Qt.Key.Key_Tab)  # how it was sent: by post
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "7/1")
        press(qtbot, Qt.Key.Key_Return)

    show_tab(case_window, case_window.requests)
    through_modal(qtbot, RequestDialog, fill)
    click(qtbot, case_window.requests.new_button)


def test_a_request_typed_in_the_case_is_listed_late_and_leaves_once_answered(
    main_window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    case_window = new_case_window(qtbot, main_window)
    tab = case_window.requests
    show_tab(case_window, tab)
    assert tab.empty.isVisible() and not tab.table.isVisible()
    _add_request_by_keys(qtbot, case_window)
    ws = vault_of(main_window)
    (request,) = requests.for_case(ws, case_window.case_id)
    assert (request.kind, request.addressee, request.sent_on, request.outgoing_number) == (
        RequestKind.MILITARY_INVESTIGATORS, "VSO garrison", SENT, "7/1",
    )  # fmt: skip
    qtbot.waitUntil(tab.table.isVisible)
    assert "10 days late" in tab.table.model().index(0, 3).data()

    _back_to(qtbot, main_window)
    view = open_section(main_window, REQUESTS)
    assert view is main_window.requests
    table = main_window.requests.table
    assert table.model().rowCount() == 1
    assert table.model().index(0, 1).data() == "10 days late"
    _click_row(table, 0, double=True)
    qtbot.waitUntil(lambda: case_window.tabs.currentWidget() is tab)

    scan = tmp_path / "reply.pdf"
    scan.write_bytes(b"%PDF-1.4 the reply")

    def reply(dialog: QWidget) -> None:
        assert isinstance(dialog, RequestDialog)
        assert dialog.replied_on.edit.hasFocus()  # today, selected: typing replaces it
        type_text(qtbot, (TODAY - timedelta(days=1)).strftime("%d.%m.%Y"))
        press(qtbot, Qt.Key.Key_Tab)
        for _ in range(4):  # —, answered, partial, forwarded, refused
            press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "No grounds")
        answer_file_chooser(scan)
        click(qtbot, dialog.scan_button)
        qtbot.waitUntil(lambda: dialog.scan_name.text() == "reply.pdf", timeout=10_000)
        click(qtbot, dialog.ok_button)

    _back_to(qtbot, case_window)
    _click_row(tab.table, 0)
    through_modal(qtbot, RequestDialog, reply)
    QTest.keyClick(tab.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    (request,) = requests.for_case(ws, case_window.case_id)
    assert (request.replied_on, request.reply_outcome, request.reply_text) == (
        TODAY - timedelta(days=1), ReplyOutcome.REFUSED, "No grounds",
    )  # fmt: skip
    assert request.reply_attachment_id is not None
    assert ws.attachments.read(request.reply_attachment_id) == b"%PDF-1.4 the reply"
    assert [
        f.rule for f in ws.flags.open_flags(case=case_window.case_id) if "request" in f.rule
    ] == ["request_refused"]

    _back_to(qtbot, main_window)
    open_section(main_window, REQUESTS)
    assert table.model().rowCount() == 0 and main_window.requests.empty.isVisible()

    # Ctrl+Z takes the reply back, scan and all: the request awaits its reply again.
    _back_to(qtbot, case_window)
    QTest.keyClick(case_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    (request,) = requests.for_case(ws, case_window.case_id)
    assert request.replied_on is None and request.reply_attachment_id is None
    assert ws.attachments.for_case(case_window.case_id) == []
    assert [r.id for r in requests.open_requests(ws)] == [request.id]


def test_a_request_is_deleted_with_the_delete_key_and_undone(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    case_window = new_case_window(qtbot, main_window)
    _add_request_by_keys(qtbot, case_window)
    ws = vault_of(main_window)
    tab = case_window.requests
    qtbot.waitUntil(tab.table.isVisible)
    _back_to(qtbot, case_window)
    _click_row(tab.table, 0)
    QTest.keyClick(tab.table, Qt.Key.Key_Delete)
    assert requests.for_case(ws, case_window.case_id) == []
    QTest.keyClick(case_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    (back,) = requests.for_case(ws, case_window.case_id)
    assert back.outgoing_number == "7/1"


def test_a_reply_deadline_is_changed_in_settings(main_window: MainWindow, qtbot: QtBot) -> None:
    page = open_section(main_window, SETTINGS)
    spin = main_window.settings.editors["unanswered_request.court_days"]
    assert isinstance(spin, QSpinBox) and spin.value() == 30
    assert spin.parentWidget() is not None
    assert "reply to a request" in spin.parentWidget().title()  # type: ignore[attr-defined]
    line = spin.lineEdit()
    QTest.mouseDClick(line, Qt.MouseButton.LeftButton)
    QTest.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "10")
    click(qtbot, main_window.settings.save_button)
    assert requests.reply_days(vault_of(main_window))[RequestKind.COURT] == 10
    assert page is main_window.settings


def test_write_a_letter_from_a_request_fills_it_from_that_request(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    case_window = new_case_window(qtbot, main_window)
    _add_request_by_keys(qtbot, case_window)
    tab = case_window.requests
    qtbot.waitUntil(tab.table.isVisible)
    _back_to(qtbot, case_window)
    _click_row(tab.table, 0)
    click(qtbot, tab.letter_button)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, LetterDialog)
    (request,) = requests.for_case(vault_of(main_window), case_window.case_id)
    assert dialog.request.currentData() == str(request.id)
    dialog.close()


def test_the_timeline_tab_shows_the_request_on_its_day(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    case_window = new_case_window(qtbot, main_window)
    _add_request_by_keys(qtbot, case_window)
    _back_to(qtbot, case_window)
    show_tab(case_window, case_window.timeline)
    model = case_window.timeline.table.model()
    rows = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
    assert (SENT.strftime("%d.%m.%Y"), "Request sent: VSO garrison, No. 7/1") in rows
