"""A date field that may be empty: unknown dates are common and must not become 01.01.2000."""

from datetime import date

from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QDateEdit, QWidget

from casetracker.gui.locale_format import _date_format, from_qdate, to_qdate

_UNSET = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    """Shows "not known" until a date is picked; Delete/Backspace at the start clears it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(_date_format())
        self.setMinimumDate(_UNSET)
        self.setMaximumDate(QDate(2100, 12, 31))
        self.setSpecialValueText(self.tr("not known"))
        self.setDate(_UNSET)
        self.calendarWidget().setSelectedDate(QDate.currentDate())

    def value(self) -> date | None:
        current = self.date()
        return None if current == _UNSET else from_qdate(current)

    def set_value(self, value: date | None) -> None:
        self.setDate(_UNSET if value is None else to_qdate(value))

    def clear_value(self) -> None:
        self.setDate(_UNSET)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        if self.value() is None:
            # Open the calendar on this month, not on January 1900.
            today = QDate.currentDate()
            QTimer.singleShot(
                0, lambda: self.calendarWidget().setCurrentPage(today.year(), today.month())
            )
