"""The record dialogs behave alike (``FormDialog``), driven by keys as a person drives them.

The cursor starts in the first field; OK stays greyed out until what is required is typed, so
Enter on a half-filled form sends nothing; Enter sends a filled one; Escape leaves without
saving; what is missing is said under the form, and the dialog stays open.
"""

import gc
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casetracker.gui import translation
from casetracker.gui.dialogs.allegation_dialog import AllegationDialog
from casetracker.gui.dialogs.consent_dialog import ConsentDialog
from casetracker.gui.dialogs.facility_dialog import FacilityDialog
from casetracker.gui.dialogs.form_dialog import FormDialog
from casetracker.gui.dialogs.move_dialog import MoveDialog
from casetracker.gui.dialogs.relative_dialog import RelativeDialog
from casetracker.gui.dialogs.seen_by_dialog import SeenByDialog
from casetracker.gui.dialogs.source_dialog import SourceDialog
from casetracker.gui.dialogs.status_dialog import StatusDialog
from casetracker.gui.dialogs.task_dialog import TaskDialog
from casetracker.gui.style import install_style
from casetracker.gui.vault_session import VaultSession
from casetracker.model import Audience, CaseStatus
from casetracker.services import tasks
from casetracker.services.consent import ConsentService
from tests.gui.keyboard import focused, press, tab_to, type_text


def _shown(qtbot: QtBot, dialog: FormDialog) -> FormDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    return dialog


def _case(session: VaultSession) -> uuid.UUID:
    return session.ws.cases.create("Иванов Иван").id


def test_ok_waits_for_the_required_field_and_enter_sends(
    qtbot: QtBot, session: VaultSession
) -> None:
    case_id = _case(session)
    for dialog, field, typed in (
        (FacilityDialog(session), "name", "Basement of the commandant's office"),
        (TaskDialog(session, case_id), "title", "call the father"),
    ):
        _shown(qtbot, dialog)
        assert focused() is getattr(dialog, field)  # the cursor in the first field
        assert not dialog.ok_button.isEnabled()
        press(qtbot, Qt.Key.Key_Return)  # nothing to send yet
        assert dialog.isVisible() and dialog.result() == 0
        type_text(qtbot, "   ")  # blanks are not a name
        assert not dialog.ok_button.isEnabled()
        type_text(qtbot, typed)
        assert dialog.ok_button.isEnabled()
        press(qtbot, Qt.Key.Key_Return)
        assert not dialog.isVisible()
        assert dialog.result() == QDialog.DialogCode.Accepted
    assert [f.name for f in session.ws.facilities.all()] == ["Basement of the commandant's office"]
    assert [t.title for t in tasks.for_case(session.ws, case_id)] == ["call the father"]


def test_escape_leaves_without_saving(qtbot: QtBot, session: VaultSession) -> None:
    case_id = _case(session)
    for dialog in (FacilityDialog(session), TaskDialog(session, case_id)):
        _shown(qtbot, dialog)
        type_text(qtbot, "typed, then thought better of")
        assert dialog.ok_button.isEnabled()
        press(qtbot, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        assert dialog.result() == QDialog.DialogCode.Rejected
    assert session.ws.facilities.all() == []
    assert tasks.for_case(session.ws, case_id) == []


def test_an_anonymous_person_needs_no_name(qtbot: QtBot, session: VaultSession) -> None:
    dialog = RelativeDialog(session, case_id=_case(session))
    _shown(qtbot, dialog)
    assert focused() is dialog.full_name and not dialog.ok_button.isEnabled()
    tab_to(qtbot, dialog.anonymous)
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.ok_button.isEnabled()
    press(qtbot, Qt.Key.Key_Space)
    assert not dialog.ok_button.isEnabled()


def test_what_is_missing_is_said_under_the_form_and_the_dialog_stays(
    qtbot: QtBot, session: VaultSession
) -> None:
    dialog = StatusDialog(session, _case(session), CaseStatus.DETAINED)
    _shown(qtbot, dialog)
    assert dialog.ok_button.isEnabled()  # nothing typed is required: the day is asked on OK
    tab_to(qtbot, dialog.source)
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert dialog.message.text() == "Type the day the status changed."
    assert focused() is dialog.on.edit


def test_the_cursor_skips_a_line_of_text_to_the_first_field(
    qtbot: QtBot, session: VaultSession
) -> None:
    """Withdrawing consent: the form's first row only says what was given; the day is asked."""
    case_id = _case(session)
    consent = ConsentService(session.ws)
    consent.give(case_id, Audience.LAWYER, date(2024, 5, 1))
    (line,) = consent.lines(case_id)
    dialog = ConsentDialog(session, case_id, withdrawing=line)
    _shown(qtbot, dialog)
    assert focused() is dialog.on.edit
    press(qtbot, Qt.Key.Key_Return)  # today, as filled in
    assert dialog.result() == QDialog.DialogCode.Accepted
    (line,) = consent.lines(case_id)
    assert not line.active


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[None]:
    """The interface in Russian, in the app's style and font (as before, afterwards)."""
    before = (qapp.style().name(), qapp.font(), qapp.palette(), qapp.styleSheet())
    install_style(qapp)
    translation.install("ru")
    try:
        yield
    finally:
        translation.install("en")
        qapp.setStyle(before[0])
        qapp.setFont(before[1])
        qapp.setPalette(before[2])
        qapp.setStyleSheet(before[3])


def _cut(dialog: FormDialog) -> list[str]:
    """The check boxes and one-line labels of ``dialog`` given less width than their words need."""
    shown = dialog.findChildren(QCheckBox) + [
        label for label in dialog.findChildren(QLabel) if not label.wordWrap()
    ]
    return [
        widget.text()
        for widget in shown
        if widget.isVisible() and widget.width() < widget.sizeHint().width()
    ]


def _hints_cut(dialog: FormDialog) -> list[str]:
    """The grey hints (placeholders) of empty line edits that Qt cuts with "…", measured as
    ``QLineEdit`` paints them: its contents rect, less 2 px each side, elides the text."""
    cut = []
    for edit in dialog.findChildren(QLineEdit):
        hint = edit.placeholderText()
        if not edit.isVisible() or edit.text() or not hint:
            continue
        option = QStyleOptionFrame()
        option.initFrom(edit)
        option.lineWidth = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
        contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
        room = contents.marginsRemoved(edit.textMargins()).width() - 4
        if edit.fontMetrics().elidedText(hint, Qt.TextElideMode.ElideRight, room) != hint:
            cut.append(hint)
    return cut


def _narrowest(qtbot: QtBot, dialog: FormDialog) -> None:
    """Drag the dialog's side in as far as it goes."""
    dialog.resize(dialog.minimumWidth(), dialog.height())
    qtbot.waitUntil(lambda: dialog.width() == dialog.minimumWidth())


@pytest.mark.usefixtures("russian")
def test_in_russian_every_check_box_and_label_reads_whole(
    qtbot: QtBot, session: VaultSession
) -> None:
    """The dialog opens wide enough for the longer Russian words and grey hints, and made as
    narrow as it goes (its side dragged in, or on a small screen) still shows every label and
    check box whole: its minimum width comes from its rows, not a fixed number."""
    case_id = _case(session)
    witness = session.ws.cases.create("Петров Пётр").id
    for dialog in (
        RelativeDialog(session, case_id=case_id),
        FacilityDialog(session),
        StatusDialog(session, case_id, CaseStatus.DETAINED),
        MoveDialog(session, case_id),
        ConsentDialog(session, case_id),
        SourceDialog(session, case_id=case_id),
        AllegationDialog(session, case_id),
        TaskDialog(session, case_id),
        SeenByDialog(session, (witness, "Петров Пётр"), (case_id, "Иванов Иван")),
    ):
        _shown(qtbot, dialog)
        assert _cut(dialog) == [], type(dialog).__name__
        assert _hints_cut(dialog) == [], type(dialog).__name__  # as it opens; narrower may cut
        _narrowest(qtbot, dialog)
        assert _cut(dialog) == [], type(dialog).__name__
        dialog.reject()


def test_a_dialog_shown_and_closed_holds_no_reference_to_the_screen(
    qtbot: QtBot, session: VaultSession
) -> None:
    """PySide 6.11's ``QWidget.screen()`` keeps the screen's wrapper referenced from the
    widget's; a dialog collected in a reference cycle then let go of it once too often and
    deleted the application's QScreen (a crash at a later paint, about one run in three of the
    dialog walk). Keeping a window on its screen must not go through it."""
    screen = QGuiApplication.primaryScreen()
    dialog = _shown(qtbot, FacilityDialog(session))
    press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert not [r for r in gc.get_referrers(screen) if isinstance(r, QWidget)]
