"""When a contact happened: a day, and the time only if the caseworker knows it.

"19.07.2026 18:00" stores both; "19.07.2026" stores the day with the time unknown, so no list
or dossier ever shows an invented 12:00. Opens on the current minute, selected, so typing
replaces it.
"""

from datetime import date, datetime, time

from PySide6.QtWidgets import QWidget

from casetracker.gui.locale_format import _date_format, date_text
from casetracker.gui.widgets.optional_date_edit import TypedDateField
from casetracker.services.date_input import DateInputError, parse_moment


class MomentEdit(TypedDateField):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit.setPlaceholderText(self.tr("e.g. 19.07.2026 18:00; the time may be left out"))
        self.set_moment(datetime.now(), time_known=True)
        # The current minute is an offer, not the caseworker's word: a day picked on the
        # calendar replaces it whole, while a time that was typed (or stored) is kept.
        self._time_given = False
        self.edit.textEdited.connect(self._typed)

    def _typed(self, _text: str) -> None:
        self._time_given = True

    def set_moment(self, value: datetime, *, time_known: bool) -> None:
        shown = date_text(value)
        self.edit.setText(f"{shown} {value:%H:%M}" if time_known else shown)
        self._time_given = time_known

    def picked_text(self, day: date) -> str:
        if not self._time_given:
            return date_text(day)
        try:
            _day, at = parse_moment(self.text(), locale_format=_date_format())
        except DateInputError:
            at = None
        return f"{date_text(day)} {at:%H:%M}" if at is not None else date_text(day)

    def read(self) -> tuple[date, time | None]:
        """The day and, when typed, the time; raises DateInputError for a wrong or empty text."""
        if not self.text().strip():
            raise DateInputError(self.tr("Type the day of the contact, and the time if known."))
        return parse_moment(self.text(), locale_format=_date_format())
