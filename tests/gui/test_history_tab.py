"""The History tab: filtered by keys and clicks, each field old → new in words."""

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casetracker.gui.main_window import MainWindow
from casetracker.gui.views.case.history_tab import HistoryTab
from casetracker.services.workspace import Workspace
from tests.gui.by_hand import open_first_case
from tests.gui.keyboard import click, press, show_tab, type_any, type_text


def _vault_with_history(ws: Workspace) -> None:
    case = ws.cases.create("Смирнов Максим", military_unit="в/ч 1")
    father = ws.relatives.create("Смирнов Пётр", phones="+7 900 000-00-01")
    ws.relatives.link(case.ref, father.id, "отец")
    ws.actor = "Олег"
    ws.cases.update(case.ref, lawyer="Кузнецов")
    ws.relatives.update(father.id, phones="+7 900 000-00-02")


def _shown(tab: HistoryTab) -> list[str]:
    return [f"{e.actor}: {e.what}" for e in tab.table.records()]


def test_history_filtered_by_keys(main_window: MainWindow, qtbot: QtBot) -> None:
    assert main_window.session is not None
    _vault_with_history(main_window.session.ws)
    main_window.session.committed()
    case_window = open_first_case(main_window)
    tab = case_window.history
    show_tab(case_window, tab)
    assert "Олег: relative changed (Смирнов Пётр)" in _shown(tab)
    assert tab.count.text().startswith("6 change")

    click(qtbot, tab.text)  # Find: words anywhere in the entry, Cyrillic typed key by key
    type_any("кузнецов")
    assert _shown(tab) == ["Олег: case changed"]
    assert tab.count.text().startswith("1 of 6 change")
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Delete)

    click(qtbot, tab.who)  # Who: a list of the people in this history
    qtbot.waitUntil(lambda: tab.who.view().isVisible())
    press(qtbot, Qt.Key.Key_Down)  # below "Anyone": tester, then Олег (alphabetical)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert {line.split(":")[0] for line in _shown(tab)} == {"Олег"}
    assert len(_shown(tab)) == 2

    tab.what.setFocus()
    for _ in range(5):  # What: Everything, Case details, Status, Contacts, Places, Relatives
        press(qtbot, Qt.Key.Key_Down)
    assert tab.what.currentText() == "Relatives"
    assert _shown(tab) == ["Олег: relative changed (Смирнов Пётр)"]
    # The change in full below the list: old → new.
    first_row = tab.table.visualRect(tab.table.model().index(0, 2)).center()
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=first_row)
    assert "phones: +7 900 000-00-01 → +7 900 000-00-02" in tab.detail.toPlainText()

    click(qtbot, tab.reset_button)
    assert len(_shown(tab)) == 6

    click(qtbot, tab.since.edit)  # From: the day after today shows nothing
    type_text(qtbot, (date.today() + timedelta(days=1)).strftime("%d.%m.%Y"))
    assert _shown(tab) == [] and tab.count.text().startswith("0 of 6 change")
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, date.today().strftime("%d.%m.%Y"))  # … and today every change
    assert len(_shown(tab)) == 6
    QApplication.processEvents()
