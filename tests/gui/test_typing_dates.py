"""Date fields as a person uses them: only key presses and mouse clicks, then what the vault holds.

New case (Ctrl+N) opens its case window when created; Log a contact is its button there.
"""

from datetime import date, datetime, timedelta

from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from casetracker.gui.main_window import MainWindow
from tests.gui.keyboard import (
    CASE_DATES,
    NAME,
    click,
    created,
    focused,
    log_dialog,
    new_case_dialog,
    press,
    show_tab,
    tab_to,
    type_text,
    vault_of,
)


def test_an_untouched_new_case_stores_no_date(qtbot: QtBot, window: MainWindow) -> None:
    dialog = new_case_dialog(qtbot, window)
    tab_to(qtbot, dialog.birth_date.edit)
    tab_to(qtbot, dialog.refusal_date.edit)
    tab_to(qtbot, dialog.detention_date.edit)  # every date field passed, nothing typed
    press(qtbot, Qt.Key.Key_Return)
    created(qtbot, window, dialog)
    case = vault_of(window).cases.get(dialog.case_id)  # type: ignore[arg-type]
    assert case.full_name == NAME
    assert {name: getattr(case, name) for name in CASE_DATES} == dict.fromkeys(CASE_DATES)
    # Nor a made-up "detained since today" in the status history.
    assert [c.changed_on for c in vault_of(window).cases.status_history(case.id)] == [None]


def test_dates_typed_after_a_click_or_a_tab_are_stored_exactly(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = new_case_dialog(qtbot, window)
    click(qtbot, dialog.refusal_date.edit)
    type_text(qtbot, "20.07.2026")
    tab_to(qtbot, dialog.detention_date.edit)
    type_text(qtbot, "2026-07-21")
    tab_to(qtbot, dialog.birth_date.edit, backwards=True)
    type_text(qtbot, "3.1.1990")
    click(qtbot, dialog.ok_button)
    created(qtbot, window, dialog)
    case = vault_of(window).cases.get(dialog.case_id)  # type: ignore[arg-type]
    assert case.refusal_date == date(2026, 7, 20)
    assert case.detention_date == date(2026, 7, 21)
    assert case.birth_date == date(1990, 1, 3)


def test_31_february_is_refused_under_the_field_and_nothing_is_stored(
    qtbot: QtBot, window: MainWindow
) -> None:
    cases_before = len(vault_of(window).cases.rows())
    dialog = new_case_dialog(qtbot, window)
    click(qtbot, dialog.detention_date.edit)
    type_text(qtbot, "31.02.2026")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.detention_date.message.isVisible()
    assert dialog.detention_date.message.text() == "There is no 31 February."
    assert dialog.detention_date.text() == "31.02.2026"  # as typed, not "fixed" to 28.02
    assert len(vault_of(window).cases.rows()) == cases_before
    # Correcting it clears the message and the case is created with the corrected day.
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "28.02.2026")
    assert not dialog.detention_date.message.isVisible()
    press(qtbot, Qt.Key.Key_Return)
    created(qtbot, window, dialog)
    assert vault_of(window).cases.get(dialog.case_id).detention_date == date(2026, 2, 28)  # type: ignore[arg-type]


def test_a_detention_in_the_future_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    dialog = new_case_dialog(qtbot, window)
    click(qtbot, dialog.detention_date.edit)
    future = date(date.today().year + 1, 7, 20)
    type_text(qtbot, future.strftime("%d.%m.%Y"))
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert "is in the future" in dialog.detention_date.message.text()
    assert dialog.case_id is None
    dialog.reject()


def test_log_contact_stores_a_typed_day_and_time(qtbot: QtBot, window: MainWindow) -> None:
    case_window, dialog = log_dialog(qtbot, window)
    click(qtbot, dialog.when.edit)  # the current time is selected: typing replaces it
    type_text(qtbot, "19.07.2026 18:00")
    click(qtbot, dialog.direct)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    (event,) = vault_of(window).contacts.for_case(case_window.case_id)
    assert event.occurred_at == datetime(2026, 7, 19, 18, 0)
    assert event.time_known is True


def test_log_contact_by_day_only_stores_no_time(qtbot: QtBot, window: MainWindow) -> None:
    case_window, dialog = log_dialog(qtbot, window)
    assert focused() is dialog.direct
    tab_to(qtbot, dialog.when.edit, backwards=True)
    type_text(qtbot, "19.07.2026")
    tab_to(qtbot, dialog.direct)  # the "heard" group; the arrow picks the other answer
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.second_hand.isChecked()
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    (event,) = vault_of(window).contacts.for_case(case_window.case_id)
    assert event.occurred_at == datetime(2026, 7, 19, 0, 0)
    assert event.time_known is False
    # The case window shows the day alone, in the contact log and on the timeline.
    for tab in (case_window.contacts, case_window.timeline):
        show_tab(case_window, tab)
        table = tab.table  # type: ignore[attr-defined]
        shown = [table.model().index(row, 0).data() for row in range(table.model().rowCount())]
        assert "19.07.2026" in shown and not any(":" in text for text in shown)
    show_tab(case_window, case_window.history)  # and the history of changes
    model = case_window.history.table.model()
    cells = [
        str(model.index(row, column).data())
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]
    assert any("19.07.2026" in cell for cell in cells)
    assert not any("19.07.2026 00:00" in cell or "time known" in cell for cell in cells)


def test_log_contact_in_the_future_or_on_a_wrong_day_is_refused(
    qtbot: QtBot, window: MainWindow
) -> None:
    case_window, dialog = log_dialog(qtbot, window)
    click(qtbot, dialog.direct)
    click(qtbot, dialog.when)  # anywhere on the field: the shown time is selected
    type_text(qtbot, f"19.07.{date.today().year + 1} 18:00")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and "is in the future" in dialog.when.message.text()
    assert focused() is dialog.when.edit  # refused: back in the field, its text selected
    type_text(qtbot, "31.02.2026 18:00")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.when.message.text() == "There is no 31 February."
    assert vault_of(window).contacts.for_case(case_window.case_id) == []
    dialog.reject()


def test_the_calendar_is_one_click_away_and_fills_the_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = new_case_dialog(qtbot, window)
    click(qtbot, dialog.detention_date.calendar_button)
    qtbot.waitUntil(dialog.detention_date.calendar.isVisible, timeout=5_000)
    press(qtbot, Qt.Key.Key_Left)  # the calendar opens on today; one day back
    press(qtbot, Qt.Key.Key_Return)
    assert not dialog.detention_date.calendar.isVisible()
    press(qtbot, Qt.Key.Key_Return)
    created(qtbot, window, dialog)
    case = vault_of(window).cases.get(dialog.case_id)  # type: ignore[arg-type]
    assert case.detention_date == date.today() - timedelta(days=1)


def test_an_american_system_format_types_month_first(qtbot: QtBot, window: MainWindow) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    try:
        dialog = new_case_dialog(qtbot, window)
        click(qtbot, dialog.detention_date.edit)
        type_text(qtbot, "7/20/2026")
        tab_to(qtbot, dialog.refusal_date.edit, backwards=True)
        type_text(qtbot, "18.07.2026")  # day first with dots is read as such everywhere
        press(qtbot, Qt.Key.Key_Return)
        created(qtbot, window, dialog)
    finally:
        QLocale.setDefault(before)
    case = vault_of(window).cases.get(dialog.case_id)  # type: ignore[arg-type]
    assert (case.refusal_date, case.detention_date) == (date(2026, 7, 18), date(2026, 7, 20))


def test_a_day_picked_on_log_contacts_calendar_stores_no_time(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The field opens on the current minute; picking yesterday must not keep that minute."""
    case_window, dialog = log_dialog(qtbot, window)
    click(qtbot, dialog.when.calendar_button)
    qtbot.waitUntil(dialog.when.calendar.isVisible, timeout=5_000)
    press(qtbot, Qt.Key.Key_Left)  # the calendar opens on today; one day back
    press(qtbot, Qt.Key.Key_Return)
    click(qtbot, dialog.direct)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    (event,) = vault_of(window).contacts.for_case(case_window.case_id)
    assert event.occurred_at.date() == date.today() - timedelta(days=1)
    assert event.time_known is False
