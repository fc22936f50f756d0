"""Small building blocks the dialogs share: enum combos, a dialog button row, an error line."""

from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QPushButton, QWidget

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
    box = QDialogButtonBox(parent)
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setDefault(True)
    set_role(ok, "primary")
    box.addButton(QDialogButtonBox.StandardButton.Cancel)
    return box, ok


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Open at ``width`` × ``height``, or smaller where the screen is (200 % scaling)."""
    screen = window.screen()
    if screen is not None:
        available = screen.availableGeometry()
        width, height = min(width, available.width()), min(height, available.height() - 40)
    window.resize(width, height)
