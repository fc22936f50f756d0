"""Small building blocks the dialogs share: enum combos, a dialog button row, an error line,
and the one rule every window and dialog is sized by: never beyond its screen's free area.
"""

from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from casetracker.gui.style import set_role

E = TypeVar("E", bound=Enum)


class EnumCombo(QComboBox):
    """A combo box over an enum, showing translated labels and returning enum members."""

    def __init__(
        self,
        members: Iterable[Any],
        label: Callable[[Any], str],
        parent: QWidget | None = None,
        *,
        none_text: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._members: list[Any] = []
        if none_text is not None:
            self.addItem(none_text)
            self._members.append(None)
        for member in members:
            self.addItem(label(member))
            self._members.append(member)

    def value(self) -> Any:
        index = self.currentIndex()
        return self._members[index] if 0 <= index < len(self._members) else None

    def set_value(self, value: Any) -> None:
        for i, member in enumerate(self._members):
            if member == value:
                self.setCurrentIndex(i)
                return


def busy_bar(parent: QWidget) -> QProgressBar:
    """A thin moving bar, hidden until slow work (a key derivation, a restore) starts."""
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setFixedHeight(6)
    bar.setTextVisible(False)
    bar.hide()
    return bar


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    set_role(label, "error")
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def dialog_buttons(parent: QWidget, ok_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """The OK/Cancel row every record dialog ends with; the dialog is kept on its screen."""
    fit_to_screen(parent)
    box = QDialogButtonBox(parent)
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setDefault(True)
    set_role(ok, "primary")
    box.addButton(QDialogButtonBox.StandardButton.Cancel)
    return box, ok


# Room kept for the title bar before the window manager has said how tall it is.
TITLE_BAR = 32


class _KeptOnScreen(QObject):
    """Fits its window into the screen's free area each time the window is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            keep_on_screen(watched)
        return False


def fit_to_screen(window: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Open ``window`` at ``width`` × ``height`` (or as its contents ask), never beyond the
    free area of the screen it opens on, now and whenever it is shown again.

    At 200 % a 1920×1080 screen is 960×540 logical pixels, less the taskbar
    (``QScreen.availableGeometry``): a 1280×800 window or a dialog centred on one spilled off it.
    """
    if not window.property("kept_on_screen"):
        window.setProperty("kept_on_screen", True)
        window.installEventFilter(_KeptOnScreen(window))
    if width is not None and height is not None:  # (else Qt sizes it to its contents on show)
        window.resize(width, height)
        keep_on_screen(window)


def screen_of(window: QWidget) -> QScreen | None:
    """The screen ``window`` stands on, found by its centre as Qt does.

    Not ``QWidget.screen()`` (nor ``QWindow.screen()``): PySide 6.11 then keeps the screen's
    Python wrapper referenced from the widget's, and a dialog freed by the garbage collector
    (one in a reference cycle: a lambda that names it) could release that reference once too
    often, deleting the application's QScreen. The next paint crashed the app.
    """
    found = QGuiApplication.screenAt(window.frameGeometry().center())
    return found or QGuiApplication.primaryScreen()


def keep_on_screen(window: QWidget) -> None:
    """Shrink ``window`` to its screen's free area, frame included (and keep it inside)."""
    screen = screen_of(window)
    if screen is None or not window.isWindow() or window.isMaximized() or window.isFullScreen():
        return
    room = screen.availableGeometry()
    frame, inner = window.frameGeometry(), window.geometry()
    left, top = inner.left() - frame.left(), inner.top() - frame.top()
    right, bottom = frame.right() - inner.right(), frame.bottom() - inner.bottom()
    if frame == inner:  # not framed yet: keep a title bar's room
        top = TITLE_BAR
    width = min(window.width(), room.width() - left - right)
    height = min(window.height(), room.height() - top - bottom)
    if (width, height) != (window.width(), window.height()):
        least = (min(window.minimumWidth(), width), min(window.minimumHeight(), height))
        window.setMinimumSize(*least)
        window.resize(width, height)
    # Qt centres a dialog on its parent inside the free area, and the window manager places a
    # new window; one the app placed itself is moved back inside.
    if isinstance(window, QDialog) or not window.testAttribute(Qt.WidgetAttribute.WA_Moved):
        return
    x = max(room.left(), min(frame.left(), room.right() + 1 - (left + width + right)))
    y = max(room.top(), min(frame.top(), room.bottom() + 1 - (top + height + bottom)))
    if (x, y) != (frame.left(), frame.top()):
        window.move(x, y)  # (move places the frame's corner)


def ask_to_discard(parent: QWidget, question: str) -> bool:
    """Whether the person agrees to lose what they typed (No, the default, keeps it)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("form_parts", "Unsaved changes"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
