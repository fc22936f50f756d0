"""The record dialogs behave alike (``FormDialog``), driven by keys as a person drives them.

The cursor starts in the first field; OK stays greyed out until what is required is typed, so
Enter on a half-filled form sends nothing; Enter sends a filled one; Escape leaves without
saving; what is missing is said under the form, and the dialog stays open.
"""

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from casetracker.gui.dialogs.consent_dialog import ConsentDialog
from casetracker.gui.dialogs.facility_dialog import FacilityDialog
from casetracker.gui.dialogs.form_dialog import FormDialog
from casetracker.gui.dialogs.relative_dialog import RelativeDialog
from casetracker.gui.dialogs.status_dialog import StatusDialog
from casetracker.gui.dialogs.task_dialog import TaskDialog
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
