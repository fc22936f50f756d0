"""A date field in the Russian interface: what was understood, and what is wrong, in Russian."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QWidget
from pytestqt.qtbot import QtBot

from casetracker.gui.widgets.uncertain_date_edit import UncertainDateEdit
from casetracker.model.uncertain_date import UncertainDate
from tests.gui.keyboard import type_any


def test_understood_and_refused_in_russian(russian_gui: None, qtbot: QtBot) -> None:
    form = QWidget()
    field = UncertainDateEdit(form)
    QFormLayout(form).addRow("Дата задержания", field)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=5_000)
    qtbot.mouseClick(field.edit, Qt.MouseButton.LeftButton)
    type_any("1-8.07.2024")
    assert field.understood.text() == "Понято как: между 1 и 8 июля 2024"
    assert field.value() == UncertainDate.between(date(2024, 7, 1), date(2024, 7, 8))

    qtbot.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_any("давно")
    assert not field.check()
    assert field.message.text().startswith("«давно» не удаётся прочитать как дату.")
    assert "между 1 и 8 июля 2024" in field.message.text()

    field.set_value(UncertainDate.year(1990, approximate=True))
    assert field.text() == "около 1990 года"
    assert field.value() == UncertainDate.year(1990, approximate=True)
