"""Consent in the case window and the export dialog, typed and clicked as a caseworker does."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from casetracker.gui.dialogs.consent_dialog import ConsentDialog
from casetracker.gui.dialogs.export_dialog import ExportDialog
from casetracker.gui.main_window import CASES, MainWindow
from casetracker.gui.vault_session import VaultSession
from casetracker.model import Audience, ConsentHow
from casetracker.services.consent import ConsentService
from tests.gui.by_hand import open_first_case, open_section
from tests.gui.keyboard import (
    answer_file_chooser,
    click,
    click_mark,
    focused,
    modal,
    press,
    show_tab,
    tab_to,
    through_modal,
    type_text,
)

JOB_TIMEOUT = 60_000


def _man_and_mother(session: VaultSession) -> str:
    ws = session.ws
    case = ws.cases.create("Ivan Zaderzhanov")
    mother = ws.relatives.create("Olga Matveeva", phones="+7 900 111-22-33")
    ws.relatives.link(case.ref, mother.id, "mother")
    session.committed()
    return case.ref


def _retype(qtbot: QtBot, field: QWidget, text: str) -> None:
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, text)


def test_consent_is_recorded_withdrawn_and_undone_by_keys(
    session: VaultSession, main_window: MainWindow, qtbot: QtBot
) -> None:
    ref = _man_and_mother(session)
    case_window = open_first_case(main_window)
    show_tab(case_window, case_window.consent)
    tab = case_window.consent
    assert tab.table.records() == [] and tab.nothing_sent.isVisible()

    def his_own(dialog: QWidget) -> None:
        assert isinstance(dialog, ConsentDialog)
        assert dialog.who.value() is None  # he himself comes first
        assert focused() is dialog.who  # Tab goes down the rows as shown
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is dialog.audience
        tab_to(qtbot, dialog.on.edit)
        _retype(qtbot, dialog.on.edit, "2024-07-20")
        tab_to(qtbot, dialog.how)
        press(qtbot, Qt.Key.Key_Down)  # in person -> by phone
        tab_to(qtbot, dialog.through)
        type_text(qtbot, "his mother passed it on")
        press(qtbot, Qt.Key.Key_Return)

    through_modal(qtbot, ConsentDialog, his_own)
    click(qtbot, tab.new_button)
    qtbot.waitUntil(lambda: len(tab.table.records()) == 1, timeout=5_000)
    [line] = ConsentService(session.ws).lines(ref)
    assert (line.relative_id, line.audience, line.given_on, line.how, line.given_through) == (
        None, Audience.LAWYER, date(2024, 7, 20), ConsentHow.BY_PHONE, "his mother passed it on",
    )  # fmt: skip

    # The mother, from the Relatives tab: her row, "Consent…", media.
    show_tab(case_window, case_window.relatives)
    table = case_window.relatives.table
    row = table.visualRect(table.model().index(0, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)

    def hers(dialog: QWidget) -> None:
        assert isinstance(dialog, ConsentDialog)
        tab_to(qtbot, dialog.audience)
        press(qtbot, Qt.Key.Key_Down)  # a lawyer -> a partner organisation
        press(qtbot, Qt.Key.Key_Down)  # -> media
        tab_to(qtbot, dialog.on.edit)
        _retype(qtbot, dialog.on.edit, "2024-07-21")
        press(qtbot, Qt.Key.Key_Return)

    through_modal(qtbot, ConsentDialog, hers)
    click(qtbot, case_window.relatives.consent_button)
    mother = table.records()[0][0].id
    qtbot.waitUntil(lambda: "media" in table.model().index(0, 6).data(), timeout=5_000)
    lines = ConsentService(session.ws).lines(ref)
    assert [(x.relative_id, x.audience) for x in lines] == [
        (None, Audience.LAWYER),
        (mother, Audience.MEDIA),
    ]

    # Withdraw his: select the row, "Withdraw…", the day, Enter.
    show_tab(case_window, tab)
    first = tab.table.visualRect(tab.table.model().index(0, 0)).center()
    QTest.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=first)

    def withdrawn(dialog: QWidget) -> None:
        assert isinstance(dialog, ConsentDialog)
        click(qtbot, dialog.on.edit)
        _retype(qtbot, dialog.on.edit, "2024-08-01")
        press(qtbot, Qt.Key.Key_Return)

    through_modal(qtbot, ConsentDialog, withdrawn)
    click(qtbot, tab.withdraw_button)
    qtbot.waitUntil(
        lambda: ConsentService(session.ws).lines(ref)[0].withdrawn_on == date(2024, 8, 1),
        timeout=5_000,
    )
    assert not tab.withdraw_button.isEnabled() or tab.table.current_record() is None
    case_window.activateWindow()  # back to the case window, as after any dialog
    qtbot.waitUntil(case_window.isActiveWindow, timeout=5_000)
    QTest.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ConsentService(session.ws).lines(ref)[0].withdrawn_on is None  # undone
    QTest.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ConsentService(session.ws).lines(ref) == []  # both records undone too


def test_export_without_his_consent_needs_a_reason_and_the_log_keeps_it(
    session: VaultSession, main_window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    ref = _man_and_mother(session)
    open_section(main_window, CASES)
    table = main_window.cases.table
    row = table.visualRect(table.model().index(0, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)
    QTest.keyClick(main_window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, ExportDialog)
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=JOB_TIMEOUT)
    assert dialog.consent_box.isVisible() and ref in dialog.consent_missing.text()
    assert "Olga Matveeva" in dialog.summary_text.text()  # she did not agree: withheld
    click(qtbot, dialog.passphrase)
    type_text(qtbot, "river candle orbit")
    click(qtbot, dialog.repeat)
    type_text(qtbot, "river candle orbit")
    target = tmp_path / "out.age"
    click(qtbot, dialog.export_button)  # refused before any file is chosen
    assert "not consented" in dialog.message.text() and not target.exists()
    click(qtbot, dialog.consent_reason)
    type_text(qtbot, "held incommunicado")
    assert dialog.without_consent.isChecked()  # typing the reason ticks the box
    seen = answer_file_chooser(target)
    click(qtbot, dialog.export_button)
    assert seen, "the Save dialog never opened"
    qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=JOB_TIMEOUT)
    [(logged, entry)] = ConsentService(session.ws).disclosures(ref)
    assert logged == ref and entry.without_consent_reason == "held incommunicado"
    assert entry.with_passphrase and entry.relatives_withheld == 1
    click(qtbot, dialog.close_button)
    case_window = open_first_case(main_window)
    show_tab(case_window, case_window.consent)
    sent = case_window.consent.sent
    assert sent.isVisible() and sent.model().rowCount() == 1
    assert "held incommunicado" in sent.model().index(0, 6).data()


def test_the_media_choice_counts_media_consent_not_a_lawyers(
    session: VaultSession, main_window: MainWindow, qtbot: QtBot
) -> None:
    ref = _man_and_mother(session)
    mother = session.ws.relatives.for_case(ref)[0][0].id
    consent = ConsentService(session.ws)
    consent.give(ref, Audience.LAWYER, date(2024, 7, 20))
    consent.give(ref, Audience.LAWYER, date(2024, 7, 20), relative_id=mother)
    session.committed()
    open_section(main_window, CASES)
    table = main_window.cases.table
    row = table.visualRect(table.model().index(0, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)
    QTest.keyClick(main_window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, ExportDialog)
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=JOB_TIMEOUT)
    assert not dialog.consent_box.isVisible()  # he and his mother agreed to a lawyer
    assert "Every relative of these cases agreed" in dialog.summary_text.text()
    click_mark(qtbot, dialog.media_radio)
    qtbot.waitUntil(
        lambda: dialog.summary is not None and dialog.summary.profile == "media",
        timeout=JOB_TIMEOUT,
    )
    assert dialog.consent_box.isVisible() and ref in dialog.consent_missing.text()
    assert "Olga Matveeva (mother, CT-0001) — did not agree to be shared with media" in (
        dialog.summary_text.text()
    )
    assert not dialog.attachments.isEnabled()  # a media file carries no attached files
    click(qtbot, dialog.close_button)
