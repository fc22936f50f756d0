"""Uncertain dates typed as a caseworker types them (keys and clicks only), checked in the vault."""

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from casetracker.gui.dialogs.allegation_dialog import AllegationDialog
from casetracker.gui.dialogs.move_dialog import MoveDialog
from casetracker.gui.dialogs.status_dialog import StatusDialog
from casetracker.gui.main_window import MainWindow
from casetracker.services.uncertain_dates import read
from tests.gui.keyboard import (
    click,
    created,
    focused,
    log_dialog,
    new_case_dialog,
    new_case_window,
    press,
    show_tab,
    tab_to,
    through_modal,
    type_any,
    type_text,
    vault_of,
)


def test_a_range_typed_in_russian_is_stored_with_its_earliest_day(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    dialog = new_case_dialog(qtbot, main_window)
    click(qtbot, dialog.detention_date.edit)
    type_any("между 1 и 8 июля 2024")
    # Under the field, in words, how it was read: a range, not a day.
    assert dialog.detention_date.understood.isVisible()
    assert dialog.detention_date.understood.text() == "Understood: between 1 and 8 July 2024"
    click(qtbot, dialog.birth_date.edit)
    type_any("около 1990")
    press(qtbot, Qt.Key.Key_Return)
    created(qtbot, main_window, dialog)
    case = vault_of(main_window).cases.get(dialog.case_id)  # type: ignore[arg-type]
    assert (case.detention_date, case.detention_date_edtf) == (
        date(2024, 7, 1),
        "2024-07-01/2024-07-08",
    )
    assert (case.birth_date, case.birth_date_edtf) == (date(1990, 1, 1), "1990~")
    # The first status ("detained") starts as uncertainly as the detention.
    (first,) = vault_of(main_window).cases.status_history(case.id)
    assert first.changed_on_edtf == "2024-07-01/2024-07-08"


def test_nonsense_is_refused_under_the_field_with_examples(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    dialog = new_case_dialog(qtbot, main_window)
    click(qtbot, dialog.detention_date.edit)
    type_any("давно")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "between 1 and 8 July 2024" in dialog.detention_date.message.text()
    assert not dialog.detention_date.understood.isVisible()
    assert vault_of(main_window).cases.count() == 0


def test_details_tab_shows_and_edits_a_month(qtbot: QtBot, main_window: MainWindow) -> None:
    case_window = new_case_window(qtbot, main_window)
    details = case_window.details
    show_tab(case_window, details)
    click(qtbot, details.dates["detention_date"].edit)
    type_text(qtbot, "about July 2024")
    click(qtbot, details.save_button)
    case = vault_of(main_window).cases.get(case_window.case_id)
    assert (case.detention_date, case.detention_date_edtf) == (date(2024, 7, 1), "2024-07~")
    # Shown back in words; saving untouched changes nothing.
    details.refresh()
    assert details.dates["detention_date"].text() == "about July 2024"
    assert not details.save_button.isEnabled()
    # An exact day typed over it makes the date exact again.
    click(qtbot, details.dates["detention_date"].edit)
    type_text(qtbot, "03.07.2024")
    click(qtbot, details.save_button)
    case = vault_of(main_window).cases.get(case_window.case_id)
    assert (case.detention_date, case.detention_date_edtf) == (date(2024, 7, 3), "")
    # Undo brings back "about July 2024", code and all.
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: (
            vault_of(main_window).cases.get(case_window.case_id).detention_date_edtf == "2024-07~"
        ),
        timeout=5_000,
    )


def test_a_contact_in_a_range_of_days_is_logged_without_a_time(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    case_window, dialog = log_dialog(qtbot, main_window)
    click(qtbot, dialog.when.edit)
    type_text(qtbot, "1-8.07.2024")
    assert dialog.when.understood.text() == "Understood: between 1 and 8 July 2024"
    click(qtbot, dialog.second_hand)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    (contact,) = vault_of(main_window).contacts.for_case(case_window.case_id)
    assert (contact.occurred_at, contact.time_known) == (datetime(2024, 7, 1), False)
    assert read(contact, "occurred_at").precision == "between"  # type: ignore[union-attr]


def test_status_move_and_allegation_dialogs_take_uncertain_days(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    case_window = new_case_window(qtbot, main_window)
    ws = vault_of(main_window)

    def status_steps(dialog: QWidget) -> None:
        assert isinstance(dialog, StatusDialog)
        if focused() is not dialog.status:
            tab_to(qtbot, dialog.status)
        press(qtbot, Qt.Key.Key_Down)
        click(qtbot, dialog.on.edit)
        type_any("в июле 2024")
        press(qtbot, Qt.Key.Key_Return)

    through_modal(qtbot, StatusDialog, status_steps)
    click(qtbot, case_window.status_button)
    last = ws.cases.status_history(case_window.case_id)[-1]
    assert (last.changed_on, last.changed_on_edtf) == (date(2024, 7, 1), "2024-07")

    def move_steps(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDialog)
        if focused() is not dialog.place:
            tab_to(qtbot, dialog.place)
        press(qtbot, Qt.Key.Key_Down)  # "a new place"
        tab_to(qtbot, dialog.new_name)
        type_text(qtbot, "Basement")
        tab_to(qtbot, dialog.since.edit)
        type_text(qtbot, "after 15.07.2024")
        click(qtbot, dialog.ok)

    through_modal(qtbot, MoveDialog, move_steps)
    click(qtbot, case_window.move_button)
    (period,) = ws.custody.timeline(case_window.case_id)
    assert (period.since, period.since_edtf) == (date(2024, 7, 15), "2024-07-15/..")

    show_tab(case_window, case_window.allegations)

    def allegation_steps(dialog: QWidget) -> None:
        assert isinstance(dialog, AllegationDialog)
        tab_to(qtbot, dialog.occurred_on.edit)
        type_any("до 8 июля 2024")
        press(qtbot, Qt.Key.Key_Return)

    through_modal(qtbot, AllegationDialog, allegation_steps)
    click(qtbot, case_window.allegations.add_button)
    (allegation,) = ws.evidence.allegations_for_case(case_window.case_id)
    assert (allegation.occurred_on, allegation.occurred_on_edtf) == (
        date(2024, 7, 8),
        "../2024-07-08",
    )


def test_the_words_that_make_a_date_uncertain_are_offered_as_one_types(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    dialog = new_case_dialog(qtbot, main_window)
    click(qtbot, dialog.detention_date.edit)
    type_any("о")
    completer = dialog.detention_date.edit.completer()
    assert completer is not None
    qtbot.waitUntil(completer.popup().isVisible, timeout=5_000)
    popup = completer.popup()  # it has the keyboard while it is shown, as for a person
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # takes the offer; the dialog stays open
    assert dialog.isVisible() and dialog.detention_date.text() == "около "
    type_any("июля 2024")
    press(qtbot, Qt.Key.Key_Return)
    created(qtbot, main_window, dialog)
    case = vault_of(main_window).cases.get(dialog.case_id)  # type: ignore[arg-type]
    assert case.detention_date_edtf == "2024-07~"
