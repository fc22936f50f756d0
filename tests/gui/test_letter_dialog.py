"""Writing a letter from a case window, by keys and clicks: choose the template, read what is
missing, add a line by hand, save as .docx through the file chooser; edit a template."""

import io
import zipfile
from datetime import date
from pathlib import Path

import defusedxml.ElementTree as SafeXml
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidget, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select

from casetracker.gui.dialogs.letter_dialog import LetterDialog
from casetracker.gui.dialogs.letter_template_dialog import LetterTemplateDialog
from casetracker.gui.main_window import SETTINGS, MainWindow
from casetracker.model import LetterTemplate
from casetracker.model.letters import TEMPLATE_KINDS
from casetracker.model.requests import RequestKind
from casetracker.services import requests
from casetracker.services.letters import BLANK
from casetracker.sharing.letter_documents import LetterFormat
from tests.gui.by_hand import open_section
from tests.gui.keyboard import (
    NAME,
    answer_file_chooser,
    click,
    modal,
    new_case_window,
    press,
    through_modal,
    type_text,
    vault_of,
)


def _letter_dialog(qtbot: QtBot, window: MainWindow) -> LetterDialog:
    case_window = new_case_window(qtbot, window)
    click(qtbot, case_window.letter_button)
    dialog = modal(qtbot, LetterDialog)
    assert isinstance(dialog, LetterDialog)
    return dialog


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        root = SafeXml.fromstring(archive.read("word/document.xml"))
    return "\n".join("".join(t.text or "" for t in p.iter() if t.tag.endswith("}t")) for p in root)


def test_a_letter_is_chosen_read_completed_and_saved_as_docx(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    dialog = _letter_dialog(qtbot, main_window)
    # Without a request the general template is offered; one up is the hospital's.
    assert dialog.template.hasFocus()
    press(qtbot, Qt.Key.Key_Up)
    assert dialog.template.currentData() == "hospital"
    assert "ЗАПРОС О ПОСТУПЛЕНИИ ВОЕННОСЛУЖАЩЕГО НА ЛЕЧЕНИЕ" in dialog.text.toPlainText()
    # A case typed by name only: what the letter lacks is said above it.
    assert dialog.missing.isVisible()
    assert "дата рождения" in dialog.missing.text()
    # A line only the caseworker knows, typed at the end of the letter.
    click(qtbot, dialog.text)
    press(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "P.S. Called the hospital on Monday.")
    target = tmp_path / "out" / "letter.docx"
    target.parent.mkdir()
    seen = answer_file_chooser(target)
    click(qtbot, dialog.save_buttons[LetterFormat.DOCX])
    qtbot.waitUntil(lambda: dialog.saved_to == target, timeout=10_000)
    text = _docx_text(target)
    assert NAME in text, seen
    assert "ЗАПРОС О ПОСТУПЛЕНИИ ВОЕННОСЛУЖАЩЕГО НА ЛЕЧЕНИЕ" in text
    assert "P.S. Called the hospital on Monday." in text
    assert "{" not in text
    # Opening the dialog stored the app's templates in the vault (first use), nothing else.
    with vault_of(main_window).reading() as session:
        stored = session.exec(select(LetterTemplate)).all()
    assert sorted(t.kind for t in stored) == sorted(TEMPLATE_KINDS)
    assert not any(t.edited for t in stored)
    assert [p.name for p in tmp_path.rglob("*") if p.is_file() and "letter" in p.name] == [
        "letter.docx"
    ]


def test_a_template_is_edited_with_a_placeholder_from_the_list(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    dialog = _letter_dialog(qtbot, main_window)

    def edit(editor: QWidget) -> None:
        assert isinstance(editor, LetterTemplateDialog)
        assert editor.body.hasFocus()
        press(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, "With respect to ")
        places: QListWidget = editor.placeholders
        first = places.visualItemRect(places.item(0)).center()
        QTest.mouseClick(places.viewport(), Qt.MouseButton.LeftButton, pos=first)
        press(qtbot, Qt.Key.Key_Return)  # puts {ФИО} at the cursor in the text
        click(qtbot, _button(editor, editor.tr("Save template")))

    through_modal(qtbot, LetterTemplateDialog, edit)
    click(qtbot, dialog.edit_button)
    qtbot.waitUntil(lambda: f"With respect to {NAME}" in dialog.text.toPlainText(), timeout=5_000)
    with vault_of(main_window).reading() as session:
        general = session.exec(select(LetterTemplate).where(LetterTemplate.kind == "general")).one()
    assert general.edited
    assert general.body.endswith("With respect to {ФИО}")


def _button(dialog: QWidget, text: str) -> QPushButton:
    (button,) = [b for b in dialog.findChildren(QPushButton) if b.text() == text]
    return button


def test_settings_list_the_templates_without_storing_them_and_edit_one(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    box = open_section(main_window, SETTINGS).letters  # type: ignore[attr-defined]
    assert box.list.count() == len(TEMPLATE_KINDS)
    with vault_of(main_window).reading() as session:
        assert session.exec(select(LetterTemplate)).all() == []  # looking changes nothing
    court = TEMPLATE_KINDS.index("court")
    box.list.scrollToItem(box.list.item(court))
    rect = box.list.visualItemRect(box.list.item(court))
    QTest.mouseClick(box.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    def edit(editor: QWidget) -> None:
        assert isinstance(editor, LetterTemplateDialog)
        press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, "Please tell me where ")
        press(qtbot, Qt.Key.Key_Tab)  # to the list of placeholders: {ФИО} is the first
        press(qtbot, Qt.Key.Key_Return)
        click(qtbot, _button(editor, editor.tr("Save template")))

    through_modal(qtbot, LetterTemplateDialog, edit)
    click(qtbot, box.edit_button)
    with vault_of(main_window).reading() as session:
        court_row = session.exec(select(LetterTemplate).where(LetterTemplate.kind == "court")).one()
    assert (court_row.body, court_row.edited) == ("Please tell me where {ФИО}", True)
    qtbot.waitUntil(lambda: "(changed)" in box.list.item(court).text(), timeout=5_000)


def test_choosing_a_request_fills_its_addressee_and_picks_its_template(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    case_window = new_case_window(qtbot, main_window)
    ws = vault_of(main_window)
    requests.add(
        ws,
        case_window.case_id,
        kind=RequestKind.OMBUDSMAN,
        sent_on=date(2024, 8, 1),
        addressee="Ombudsman of the Russian Federation",
        outgoing_number="17/2024",
    )
    click(qtbot, case_window.letter_button)
    dialog = modal(qtbot, LetterDialog)
    assert isinstance(dialog, LetterDialog)
    assert "Кому: " + BLANK in dialog.text.toPlainText()
    press(qtbot, Qt.Key.Key_Tab)  # past "Edit template…"
    while not dialog.request.hasFocus():
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.template.currentData() == RequestKind.OMBUDSMAN.value
    text = dialog.text.toPlainText()
    assert "Кому: Ombudsman of the Russian Federation" in text
    assert "Исх. № 17/2024 от 01.08.2024" in text
    assert "ЖАЛОБА НА НАРУШЕНИЕ ПРАВА НА СВОБОДУ" in text
    assert "адресат" not in dialog.missing.text()
    # Closed, the letter's text goes with the dialog (a lock rejects it the same way).
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5_000)


def test_typed_changes_are_not_dropped_by_another_template_without_asking(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    dialog = _letter_dialog(qtbot, main_window)
    click(qtbot, dialog.text)
    press(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "Typed by hand")

    def answer(no: bool) -> None:
        def steps(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            button = QMessageBox.StandardButton.No if no else QMessageBox.StandardButton.Yes
            click(qtbot, box.button(button))

        through_modal(qtbot, QMessageBox, steps)

    def choose_one_up() -> None:
        """Open the template list with a click, Up, Enter (as after a question box, whose
        closing leaves the offscreen platform with no active window for keys)."""
        click(qtbot, dialog.template)
        popup = dialog.template.view()
        qtbot.waitUntil(popup.isVisible, timeout=5_000)
        QTest.keyClick(popup, Qt.Key.Key_Up)
        QTest.keyClick(popup, Qt.Key.Key_Return)

    answer(no=True)
    choose_one_up()  # the hospital's template: "No", keep what I typed
    assert dialog.text.toPlainText().endswith("Typed by hand")
    assert dialog.template.currentData() == "general"  # what the text was made from
    answer(no=False)
    choose_one_up()
    assert dialog.template.currentData() == "hospital"
    assert "Typed by hand" not in dialog.text.toPlainText()
    assert "ЗАПРОС О ПОСТУПЛЕНИИ" in dialog.text.toPlainText()


def test_esc_asks_before_a_letter_typed_by_hand_is_thrown_away(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    dialog = _letter_dialog(qtbot, main_window)
    click(qtbot, dialog.text)
    press(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "Typed by hand")

    def keep(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and "Close without saving" in box.text()
        click(qtbot, box.button(QMessageBox.StandardButton.No))

    through_modal(qtbot, QMessageBox, keep)
    QTest.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.text.toPlainText().endswith("Typed by hand")

    def discard(box: QWidget) -> None:
        click(qtbot, box.button(QMessageBox.StandardButton.Yes))

    through_modal(qtbot, QMessageBox, discard)
    QTest.keyClick(dialog.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
