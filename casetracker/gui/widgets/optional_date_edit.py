"""Date fields people type into: empty means "not known", and a wrong date is refused, not fixed.

A QDateEdit was used before. Its sections clamp and roll over what is typed (31.02 became
28.02, a day typed into the wrong section moved the month) and it always holds *some* date,
so an untouched field stored one. A line edit read by the shared parser
(services/date_input.py, also used by the command line) stores exactly what was typed, or says
under the field why it cannot: "There is no 31 February". The calendar stays one click (or
Alt+Down) away.
"""

from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFocusEvent, QKeySequence, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.locale_format import _date_format, date_text, from_qdate, to_qdate
from casetracker.gui.widgets.form_parts import error_label, show_message
from casetracker.services.date_input import DateInputError, format_hint, parse_date


class SelectingLineEdit(QLineEdit):
    """Selects its whole text when clicked into, so typing replaces a shown date (Tab does too)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._select_on_release = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._select_on_release = event.reason() == Qt.FocusReason.MouseFocusReason

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self._select_on_release and not self.hasSelectedText():
            self.selectAll()
        self._select_on_release = False


class TypedDateField(QWidget):
    """A line edit, a calendar button and a message line under them; subclasses read the text."""

    valueChanged = Signal()

    def __init__(self, parent: QWidget | None = None, *, future: bool = False) -> None:
        super().__init__(parent)
        self.future = future
        self.edit = SelectingLineEdit(self)
        self.edit.setToolTip(format_hint(_date_format()))
        self.calendar_button = QToolButton(self)
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        # Out of the Tab chain (Tab goes field to field); the keyboard opens it with Alt+Down or
        # F4 from the field, an action bound to this field alone so several never clash.
        self.calendar_action = QAction(self.tr("Choose on a calendar"), self)
        self.calendar_action.setShortcuts([QKeySequence("Alt+Down"), QKeySequence("F4")])
        self.calendar_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.calendar_action.setToolTip(self.tr("Choose on a calendar (Alt+Down)"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self.calendar_action)
        self.calendar_button.setDefaultAction(self.calendar_action)
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.setAccessibleName(self.tr("Choose on a calendar"))
        self.message = error_label(self)
        self.calendar = QCalendarWidget(self)
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(False)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.calendar.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.calendar_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._edited)
        self.edit.editingFinished.connect(self.check)

    # -- what subclasses decide ---------------------------------------------------------------
    def read(self) -> object:
        """What the text says; raises DateInputError saying why it cannot be stored."""
        raise NotImplementedError

    def picked_text(self, day: date) -> str:
        return date_text(day)

    # -- shared behaviour ----------------------------------------------------------------------
    def text(self) -> str:
        return self.edit.text()

    def problem(self) -> str:
        """Why the text cannot be stored, in one sentence; empty when it can."""
        try:
            self.read()
        except DateInputError as exc:
            return str(exc)
        return ""

    def is_valid(self) -> bool:
        return not self.problem()

    def check(self) -> bool:
        """Show under the field what is wrong (or nothing); True when the text can be stored."""
        problem = self.problem()
        show_message(self.message, problem)
        self.edit.setAccessibleDescription(problem)
        return not problem

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # A screen reader lands in the text box, not in this frame: give it the field's name
        # (its own, else its form label's: "Date of birth").
        if not self.edit.accessibleName():
            self.edit.setAccessibleName(self.accessibleName() or self._label_text())

    def _label_text(self) -> str:
        parent = self.parentWidget()
        holder = parent.layout() if parent is not None else None
        for layout in [holder, *(holder.findChildren(QFormLayout) if holder else [])]:
            if isinstance(layout, QFormLayout):
                label = layout.labelForField(self)
                if isinstance(label, QLabel):
                    return label.text().replace("&", "")
        return ""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A click on the field's frame (beside the text box) still means "type here".
        self.edit.setFocus(Qt.FocusReason.MouseFocusReason)
        self.edit.selectAll()
        event.accept()

    def _edited(self, _text: str) -> None:
        if self.message.isVisible() and self.is_valid():
            show_message(self.message, "")
        self.valueChanged.emit()

    def _picked(self, day: QDate) -> None:
        self.calendar.hide()
        self.edit.setText(self.picked_text(from_qdate(day)))
        self.check()
        self.edit.setFocus()

    def show_calendar(self) -> None:
        today = QDate.currentDate()
        self.calendar.setMaximumDate(QDate(2100, 12, 31) if self.future else today)
        shown = self._shown_day()
        self.calendar.setSelectedDate(to_qdate(shown) if shown else today)
        self.calendar.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def _shown_day(self) -> date | None:
        try:
            return parse_date(self.text(), locale_format=_date_format(), future=True)
        except DateInputError:
            return None


class OptionalDateEdit(TypedDateField):
    """Empty means "not known" and stores None; ``future=True`` for days still to come."""

    def __init__(self, parent: QWidget | None = None, *, future: bool = False) -> None:
        super().__init__(parent, future=future)
        self.edit.setPlaceholderText(self.tr("not known"))

    def read(self) -> date | None:
        text = self.text().strip()
        if not text:
            return None
        return parse_date(text, locale_format=_date_format(), future=self.future)

    def value(self) -> date | None:
        """The date typed, or None when left empty; raises DateInputError for a wrong one."""
        return self.read()

    def set_value(self, value: date | None) -> None:
        self.edit.setText("" if value is None else date_text(value))
        show_message(self.message, "")

    def clear_value(self) -> None:
        self.set_value(None)


def dates_ready(*fields: TypedDateField) -> bool:
    """Show what is wrong under every field; focus the first wrong one. True if all can be stored.

    A dialog calls this before it stores anything, so it cannot be accepted with a wrong date.
    """
    wrong = [field for field in fields if not field.check()]
    if wrong:
        wrong[0].edit.setFocus()
        wrong[0].edit.selectAll()
    return not wrong
