"""What every dialog that adds or edits one record shares: a form, an error line, OK and Cancel.

Nine dialogs (allegation, consent, facility, move, relative, seen-by, source, status, task) were
the same thirty lines around their fields; this is those lines once. A subclass adds its rows to
``form`` and says how to save (``save``); the base gives it:

* the window title, a width to open at (wider for a grey hint that would be cut), never
  narrower than its rows need (a Russian check box reads whole), and a window kept on its
  screen (``dialog_buttons``);
* OK (the default button: Enter in a one-line field presses it) and Cancel (Escape);
* OK greyed out while a required field is empty (``ok_when``), so nothing half-filled is sent;
* on OK: every typed date of the dialog checked where it is typed (``dates_ready``), a day the
  dialog requires (``require_day``) asked for under the form, then ``save``; what the service
  refuses is shown there in plain words, and the dialog stays open to be corrected;
* focus in the first field when the dialog opens, unless the dialog chose another.
"""

from collections.abc import Callable
from math import ceil

from PySide6.QtCore import QSize, Qt, SignalInstance
from PySide6.QtGui import QFontMetricsF, QShowEvent
from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from casetracker.gui.error_messages import error_text
from casetracker.gui.widgets.form_parts import dialog_buttons, error_label, show_message
from casetracker.gui.widgets.optional_date_edit import TypedDateField, dates_ready


class FormDialog(QDialog):
    def __init__(self, title: str, ok_text: str, width: int, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        # The width it opens at, not a minimum: a fixed minimum would stop the layout from
        # setting its own, and a row longer in translation (a check box) would be cut.
        self._width = width
        self.form = QFormLayout()
        self.message = error_label(self)
        self.buttons, self.ok_button = dialog_buttons(self, ok_text)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self.form)
        self._layout.addWidget(self.message)
        self._layout.addWidget(self.buttons)
        self._ready: Callable[[], bool] = lambda: True
        self._days: list[tuple[TypedDateField, str]] = []
        self._focused = False

    # -- what a subclass gives ---------------------------------------------------------------
    def save(self) -> None:
        """Store the record; raise (a service's error) to keep the dialog open with its words."""
        raise NotImplementedError

    # -- what it may use -------------------------------------------------------------------
    def add_above(self, widget: QWidget) -> None:
        """A line above the form (who the dialog is about)."""
        self._layout.insertWidget(0, widget)

    def add_below(self, widget: QWidget) -> None:
        """A line under the form, above the error line (a hint)."""
        self._layout.insertWidget(self._layout.indexOf(self.message), widget)

    def require_day(self, field: TypedDateField, message: str) -> None:
        """``field`` may not be left empty; ``message`` says so under the form."""
        self._days.append((field, message))

    def ok_when(self, ready: Callable[[], bool], *changed: SignalInstance) -> None:
        """OK only while ``ready()``, asked again whenever one of ``changed`` fires."""
        self._ready = ready
        for signal in changed:
            signal.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self, *_args: object) -> None:
        self.ok_button.setEnabled(self._ready())

    # -- the shared behaviour ----------------------------------------------------------------
    def sizeHint(self) -> QSize:
        """At least the width asked for; wider when the rows need it, or a field's grey hint
        (placeholder) would be cut; the height then follows the wrapped lines at that width."""
        hint = super().sizeHint()
        wanted = max(self._width, self.minimumSizeHint().width(), hint.width() + self._hints())
        return hint.expandedTo(QSize(wanted, 0))

    def _hints(self) -> int:
        """How much wider than its size hint the field column must be for every placeholder.

        A line edit's size hint is 17 "x" wide whatever its placeholder (Qt's rule), and Qt cuts
        a placeholder that does not fit with "…"; a longer one needs the difference on top of
        its field's hint (to the whole pixel: 371.2 px of text do not fit in 371)."""
        hinted = widest = 0
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            field = item.widget() if item is not None else None
            if field is None:
                continue
            width = field.sizeHint().width()
            widest = max(widest, width)
            edits = [field] if isinstance(field, QLineEdit) else field.findChildren(QLineEdit)
            for edit in edits:
                text = ceil(QFontMetricsF(edit.font()).horizontalAdvance(edit.placeholderText()))
                hinted = max(hinted, width + text - 17 * edit.fontMetrics().horizontalAdvance("x"))
        return max(0, hinted - widest)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._focused:
            return
        self._focused = True
        if self.focusWidget() is not None:
            return
        for row in range(self.form.rowCount()):  # the first field one can type in (not a label)
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            field = item.widget() if item is not None else None
            if field is not None:
                typed_in = field.focusProxy() or field  # (a date field: its line edit)
                if typed_in.focusPolicy() != Qt.FocusPolicy.NoFocus:
                    typed_in.setFocus()
                    return

    def submit(self) -> None:
        if not self._ready() or not dates_ready(*self.findChildren(TypedDateField)):
            return
        for field, message in self._days:
            if not field.text().strip():
                show_message(self.message, message)
                field.setFocus()
                return
        try:
            self.save()
        except Exception as exc:
            show_message(self.message, error_text(exc))
            return
        self.accept()
