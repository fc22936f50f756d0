"""Edit one letter template: its title and text, with the placeholders a click away.

The list beside the text names every placeholder and what fills it; Enter or a double click
puts it at the cursor, so nobody has to remember how ``{дата рождения}`` is spelt. Saving
refuses a placeholder the app does not know and names it. "Reset to default" puts the app's
own wording back (the caseworker's version stays in the history of changes).
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui.error_messages import error_text
from casetracker.gui.style import set_role
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import (
    ask_to_discard,
    dialog_buttons,
    error_label,
    fit_to_screen,
    show_message,
)
from casetracker.model import LetterTemplate
from casetracker.services.letters import LetterService, placeholder_choices


class LetterTemplateDialog(QDialog):
    def __init__(self, session: VaultSession, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.kind = session, kind
        self.letters = LetterService(session.ws)
        self.setWindowTitle(self.tr("Letter template"))
        # Closed (or rejected by a lock), the text it holds goes with it.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(self, 900, 600)

        self.title = QLineEdit(self)
        self.body = QPlainTextEdit(self)
        self.body.setAccessibleName(self.tr("Text of the template"))
        self.body.setTabChangesFocus(True)
        self.placeholders = QListWidget(self)
        self.placeholders.setAccessibleName(self.tr("Placeholders"))
        self.placeholders.setWordWrap(True)  # what each holds, whole, in either language
        self.placeholders.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for code, description in placeholder_choices():
            item = QListWidgetItem(f"{code} — {description}", self.placeholders)
            item.setData(Qt.ItemDataRole.UserRole, code)
        self.placeholders.setCurrentRow(0)
        self.placeholders.itemActivated.connect(self.insert_placeholder)
        self.insert_button = QPushButton(self.tr("Insert into the text"), self)
        self.insert_button.clicked.connect(self.insert_placeholder)
        self.reset_button = QPushButton(self.tr("Reset to default…"), self)
        self.reset_button.clicked.connect(self.reset)
        self.state = QLabel(self)
        set_role(self.state, "hint")
        hint = QLabel(
            self.tr(
                "Words in braces are filled from the case when a letter is written; a fact "
                "the vault does not hold becomes a blank line to fill in by hand. Write a "
                "brace twice, {{ or }}, to print one."
            ),
            self,
        )
        hint.setWordWrap(True)
        set_role(hint, "hint")

        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Placeholders"), self))
        side.addWidget(self.placeholders, 1)
        side.addWidget(self.insert_button)
        columns = QHBoxLayout()
        columns.addWidget(self.body, 3)
        columns.addLayout(side, 2)
        self.message = error_label(self)
        buttons, _ok = dialog_buttons(self, self.tr("Save template"))
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addLayout(columns, 1)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._show(self.letters.template(kind))
        self.body.setFocus()

    def _show(self, template: LetterTemplate) -> None:
        self.title.setText(template.title)
        self.body.setPlainText(template.body)
        self.body.document().setModified(False)
        self.state.setText(
            self.tr("Changed by your organisation.")
            if template.edited
            else self.tr("The app's own text.")
        )
        self.reset_button.setEnabled(template.edited)

    def insert_placeholder(self) -> None:
        item = self.placeholders.currentItem()
        if item is None:
            return
        self.body.insertPlainText(str(item.data(Qt.ItemDataRole.UserRole)))
        self.body.setFocus()

    def reset(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Reset to default"),
            self.tr("Put the app's own text back? Your organisation's version is replaced."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            template = self.letters.reset_template(self.kind)
        except Exception as exc:
            show_message(self.message, error_text(exc))
            return
        self.session.committed()
        self._show(template)
        show_message(self.message, "")

    def reject(self) -> None:
        """Esc or Cancel: an edited template is not thrown away unasked."""
        if self.body.document().isModified() and not ask_to_discard(
            self, self.tr("Close without saving the template? Your changes to it are lost.")
        ):
            return
        super().reject()

    def submit(self) -> None:
        try:
            self.letters.save_template(
                self.kind, body=self.body.toPlainText(), title=self.title.text()
            )
        except Exception as exc:
            show_message(self.message, error_text(exc))
            return
        self.session.committed()
        self.accept()
