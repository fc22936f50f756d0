"""Date fields that take what relatives know: "июль 2024", "между 1 и 8 июля", "около 2020".

The field is the same line edit as every date field (services/date_input.py reads an exact
day just as before, the calendar is on Alt+Down), read by ``services/uncertain_dates``. Under
it a grey line says how the text was understood ("Understood: between 1 and 8 July 2024"), so a
caseworker sees at once that "1-8.07" became a range and not a day; a text that cannot be read
shows the error sentence there instead, with examples of what works.

``UncertainMomentEdit`` is the contact's "When": a day with its time as before ("19.07.2026
18:00"), or, when the day itself is not known, a month or a range, with no time asked.
"""

from datetime import date, time

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QCompleter, QLabel, QWidget

from casetracker.gui.locale_format import _date_format, date_text
from casetracker.gui.style import set_role
from casetracker.gui.widgets.form_parts import show_message
from casetracker.gui.widgets.moment_edit import MomentEdit
from casetracker.gui.widgets.optional_date_edit import TypedDateField
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services.date_input import DateInputError
from casetracker.services.uncertain_dates import (
    LEADING_WORDS,
    as_uncertain,
    describe,
    examples,
    parse_uncertain,
)


class _SaysWhatItRead(TypedDateField):
    """A date field with a grey line under it saying in words how an uncertain text was read."""

    def _add_understood_line(self) -> None:
        self.edit.setToolTip(examples())
        # "о" offers "около ", "b" offers "between ": the words that make a date uncertain,
        # found without reading the tooltip. Digits match none, so an exact day types as before.
        language = QLocale().name()[:2]
        words = [*LEADING_WORDS.get(language, ()), *LEADING_WORDS["ru"], *LEADING_WORDS["en"]]
        completer = QCompleter(list(dict.fromkeys(words)), self.edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.edit.setCompleter(completer)
        self.understood = QLabel(self)
        self.understood.setWordWrap(True)
        set_role(self.understood, "hint")
        self.understood.hide()
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.understood)

    def _edited(self, text: str) -> None:
        super()._edited(text)
        self._show_understood()

    def check(self) -> bool:
        ok = super().check()
        self._show_understood()
        return ok

    def _show_understood(self) -> None:
        """Say in words what the text means, when it says more than the text itself."""
        if not hasattr(self, "understood"):  # MomentEdit sets its text while being built
            return
        try:
            value = self.read()
        except DateInputError:
            value = None
        words = describe(value) if isinstance(value, UncertainDate) else ""
        shown = words if words and words != self.text().strip() else ""
        show_message(
            self.understood, self.tr("Understood: %1").replace("%1", shown) if shown else ""
        )
        if not self.message.isVisible():
            self.edit.setAccessibleDescription(self.understood.text() if shown else "")

    def _shown_day(self) -> date | None:
        try:
            value = self.read()
        except DateInputError:
            return None
        if isinstance(value, UncertainDate):
            return value.column_day
        return value[0] if isinstance(value, tuple) else None


class UncertainDateEdit(_SaysWhatItRead):
    """Empty means "not entered" and stores None; otherwise an UncertainDate."""

    def __init__(self, parent: QWidget | None = None, *, future: bool = False) -> None:
        super().__init__(parent, future=future)
        self.edit.setPlaceholderText(self.tr("not known — or e.g. July 2024, about 2020"))
        self._add_understood_line()

    def read(self) -> UncertainDate | None:
        text = self.text().strip()
        if not text:
            return None
        return parse_uncertain(text, locale_format=_date_format(), future=self.future)

    def value(self) -> UncertainDate | None:
        """The value typed, or None when left empty; raises DateInputError for a wrong one."""
        return self.read()

    def set_value(self, value: UncertainDate | date | None) -> None:
        known = as_uncertain(value)
        self.edit.setText("" if known is None else describe(known))
        show_message(self.message, "")
        self._show_understood()

    def clear_value(self) -> None:
        self.set_value(None)

    def picked_text(self, day: date) -> str:
        return date_text(day)


class UncertainMomentEdit(_SaysWhatItRead, MomentEdit):
    """A day and maybe its time, as MomentEdit reads them; else a month, a range, "before"…"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._add_understood_line()

    def read(self) -> "tuple[date, time | None] | UncertainDate":  # type: ignore[override]
        try:
            return MomentEdit.read(self)
        except DateInputError:
            text = self.text().strip()
            if not text or ":" in text:  # empty, or a day with a wrong time: as before
                raise
        value = parse_uncertain(text, locale_format=_date_format())
        if value.column_day is None:
            raise DateInputError(
                self.tr("A contact needs at least a rough day: a month, a year or a range.")
            )
        return value
