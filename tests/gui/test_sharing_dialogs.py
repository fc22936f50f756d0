"""The sharing screens: export for a lawyer, open a bundle, import a spreadsheet, address book.

Real vaults in tmp_path; slow work runs on worker threads exactly as in the app, so every test
waits for it the way a person would (the dialog says when it is done).
"""

import io
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pyrage
import pytest
import shiboken6
from pyrage import x25519
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casetracker.gui.app import DEMO_PASSPHRASE, App
from casetracker.gui.dialogs.bundle_import_dialog import BundleImportDialog
from casetracker.gui.dialogs.export_dialog import ExportDialog
from casetracker.gui.dialogs.import_wizard import ImportWizard
from casetracker.gui.dialogs.recipients_dialog import RecipientsDialog
from casetracker.gui.dialogs.unknown_signer_dialog import UnknownSignerDialog
from casetracker.gui.main_window import CASES, MainWindow
from casetracker.gui.vault_session import VaultSession
from casetracker.model import Audience
from casetracker.services.consent import ConsentService
from casetracker.services.workspace import Workspace
from casetracker.sharing import keys as keyring
from tests.gui.by_hand import open_section, wizard_at_check
from tests.gui.keyboard import (
    answer_file_chooser,
    click,
    click_mark,
    focused,
    modal,
    press,
    tab_to,
    through_modal,
    type_any,
    type_text,
)
from tests.sharing.conftest import (
    ANON_NAME,
    ANON_PHONE,
    DETAINED_NAME,
    NOT_SHARED_NAME,
    NOT_SHARED_PHONE,
    consent_case,
    make_workspace,
)

SHEET = Path(__file__).parents[1] / "data" / "org-spreadsheet.csv"
JOB_TIMEOUT = 30_000


@pytest.fixture
def sender(tmp_path: Path) -> Iterator[Workspace]:
    """A partner organisation's vault, to send bundles from."""
    ws = make_workspace(tmp_path / "partner" / "partner.ctvault", "boris")
    yield ws
    ws.close(save=False)


def _case_count(ws: Workspace) -> int:
    return len(ws.cases.rows())


# -- export --------------------------------------------------------------------------------
@pytest.fixture
def main(session: VaultSession, main_window: MainWindow) -> MainWindow:
    """The main window over a vault holding the consent case (one detained man)."""
    ref = consent_case(session.ws)
    # These screens are not about the man's own consent (test_consent_gui.py is): he gave it.
    ConsentService(session.ws).give(ref, Audience.LAWYER, date(2024, 8, 1))
    session.committed()  # as after any change: the lists catch up
    return main_window


def _ready_export(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    """Cases, click the man's row, Ctrl+E: the export dialog, its summary ready."""
    open_section(window, CASES)
    table = window.cases.table
    row = table.visualRect(table.model().index(0, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, ExportDialog)
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=JOB_TIMEOUT)
    return dialog


def _retype(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Click into the field, select what is there (Ctrl+A) and type over it."""
    click(qtbot, field)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, text)


def _export_as(qtbot: QtBot, dialog: ExportDialog, path: Path) -> None:
    """Click Export…, and in the Save dialog paste the path over the suggested name, Enter."""
    seen = answer_file_chooser(path)
    click(qtbot, dialog.export_button)
    assert seen, "the Save dialog never opened"


def _tick_first_recipient(qtbot: QtBot, dialog: ExportDialog) -> None:
    """Click the first name in the list and press Space, which ticks or unticks it."""
    listed = dialog.recipient_list
    rect = listed.visualItemRect(listed.item(0))
    QTest.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    press(qtbot, Qt.Key.Key_Space)


def test_export_to_a_recipient_opens_only_with_their_key_and_withholds_by_consent(
    session: VaultSession, main: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    lawyer = x25519.Identity.generate()
    session.ws.sharing.add_recipient("Адвокат Петрова", str(lawyer.to_public()), role="lawyer")
    dialog = _ready_export(qtbot, main)
    assert dialog.selected_radio.isChecked()
    summary = dialog.summary_text.text()
    assert "1 case" in summary
    assert NOT_SHARED_NAME in summary and "did not agree" in summary
    assert ANON_NAME in summary and "stays anonymous" in summary
    assert dialog.recipient_list.count() == 1 and dialog.to_people.isChecked()
    assert dialog.checked_recipients() == ["Адвокат Петрова"]  # the only one comes ticked
    _tick_first_recipient(qtbot, dialog)
    click(qtbot, dialog.export_button)  # no one ticked: refused before any file is chosen
    assert "Tick who may open" in dialog.message.text()
    _tick_first_recipient(qtbot, dialog)
    target = tmp_path / "out" / "for-the-lawyer"
    target.parent.mkdir()
    _export_as(qtbot, dialog, target)
    qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=JOB_TIMEOUT)
    written = target.with_name("for-the-lawyer.age")
    assert dialog.saved_to == written and written.exists()
    fingerprint = session.ws.sharing.keys().fingerprint
    done = dialog.done_text.text().replace("\u00a0", " ")
    assert fingerprint in done and "Адвокат Петрова" in done
    # The lawyer opens it with their own key; the vault's own key does not open it.
    bundle = session.ws.sharing.open(written.read_bytes(), identities=[lawyer])
    assert bundle.signer_fingerprint == fingerprint
    assert [r.values["full_name"] for r in bundle.document.of("cases")] == [DETAINED_NAME]
    cases_json = bundle.members["cases.json"].decode("utf-8")
    for secret in (NOT_SHARED_NAME, NOT_SHARED_PHONE, ANON_NAME, ANON_PHONE):
        assert secret not in cases_json
    with pytest.raises(Exception, match="not addressed to this key"):
        session.ws.sharing.open(written.read_bytes())
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()


def test_export_with_a_passphrase_typed_twice(
    main: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _ready_export(qtbot, main)
    assert dialog.to_passphrase.isChecked()  # the address book is empty
    assert "Add the lawyer's public key" in dialog.no_recipients.text()
    target = tmp_path / "x.age"
    _retype(qtbot, dialog.passphrase, "short")
    tab_to(qtbot, dialog.repeat)
    type_text(qtbot, "short")
    click(qtbot, dialog.export_button)  # refused before any file is chosen
    assert "at least 10 characters" in dialog.message.text()
    _retype(qtbot, dialog.passphrase, "river candle orbit")
    _retype(qtbot, dialog.repeat, "river candle orbiT")
    click(qtbot, dialog.export_button)
    assert "not the same" in dialog.message.text()
    assert not target.exists()
    _retype(qtbot, dialog.repeat, "river candle orbit")
    _export_as(qtbot, dialog, target)
    qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=JOB_TIMEOUT)
    assert dialog.saved_to == target
    assert "passphrase" in dialog.done_text.text()
    assert dialog.passphrase.text() == "" and dialog.repeat.text() == ""
    data = target.read_bytes()
    assert main.session is not None
    opened = main.session.ws.sharing.open(data, passphrase="river candle orbit")
    assert opened.document.counts()["cases"] == 1
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()


def test_the_anonymised_profile_explains_itself_and_never_carries_attachments(
    main: MainWindow, qtbot: QtBot
) -> None:
    dialog = _ready_export(qtbot, main)
    click_mark(qtbot, dialog.attachments)
    assert dialog.attachments.isChecked()
    qtbot.waitUntil(
        lambda: dialog.summary is not None and dialog.summary.with_attachments,
        timeout=JOB_TIMEOUT,
    )
    click_mark(qtbot, dialog.anonymised_radio)
    assert dialog.anonymised_radio.isChecked()
    assert not dialog.attachments.isChecked() and not dialog.attachments.isEnabled()
    assert "No names" in dialog.profile_help.text()
    qtbot.waitUntil(
        lambda: dialog.summary is not None and dialog.summary.profile == "anonymised",
        timeout=JOB_TIMEOUT,
    )
    assert dialog.summary is not None
    assert not dialog.summary.with_attachments  # what would be exported, not only the box
    assert "No names leave" in dialog.summary_text.text()
    assert NOT_SHARED_NAME not in dialog.summary_text.text()
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()


def test_closing_during_an_export_waits_for_it_and_leaves_the_dialog_quiet(
    session: VaultSession, main: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """The lock closes every dialog: a running job is waited for, its result dropped."""
    session.ws.sharing.add_recipient("Адвокат", session.ws.sharing.keys().age_public_key)
    dialog = _ready_export(qtbot, main)
    assert dialog.checked_recipients() == ["Адвокат"]  # the only one is ticked
    _export_as(qtbot, dialog, tmp_path / "x.age")
    assert dialog.busy.busy
    dialog.reject()  # what the lock does to every open dialog
    assert not dialog.busy.busy and not dialog.isVisible()
    qtbot.wait(50)
    assert dialog.saved_to is None  # the late result is not shown on a closed dialog
    assert session.save_state.value in ("saved", "saving")


# -- bundle import -------------------------------------------------------------------------
def _send(sender: Workspace, receiver: Workspace, path: Path) -> Path:
    service = sender.sharing
    result = service.export(
        service.select_cases(everything=True),
        profile="lawyer",
        recipients=[receiver.sharing.keys().age_public_key],
        without_consent_reason="not about consent",
    )
    path.write_bytes(result.data)
    return path


def _opened(qtbot: QtBot, window: MainWindow, path: Path) -> BundleImportDialog:
    """Ctrl+O, Choose file… (the path pasted in the Open dialog), Open and check: the dialog
    once the file is checked."""
    window.activateWindow()  # the person clicks into the main window
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    QTest.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, BundleImportDialog)
    assert isinstance(dialog, BundleImportDialog)
    seen = answer_file_chooser(path)
    click(qtbot, dialog.choose_button)
    assert dialog.file_field.text() == str(path), seen
    click(qtbot, dialog.open_button)
    qtbot.waitUntil(
        lambda: not dialog.busy.busy and dialog.check_panel.isVisible(), timeout=JOB_TIMEOUT
    )
    return dialog


@pytest.mark.parametrize("take_theirs", [False, True], ids=["keep-ours", "take-theirs"])
def test_a_conflict_is_shown_side_by_side_and_settled_as_chosen(
    session: VaultSession,
    main_window: MainWindow,
    sender: Workspace,
    qtbot: QtBot,
    tmp_path: Path,
    take_theirs: bool,
) -> None:
    ws = session.ws
    ref = consent_case(sender)
    ws.sharing.add_recipient(
        "Правозащитный центр",
        sender.sharing.keys().age_public_key,
        signing_key=sender.sharing.keys().signing_key,
    )
    ws.sharing.import_bundle(ws.sharing.open(_send(sender, ws, tmp_path / "1.age").read_bytes()))
    ws.cases.update(ref, notes="Адвокат допущен 01.08.")
    sender.cases.update(ref, notes="Переведён в СИЗО-1.")
    second = _send(sender, ws, tmp_path / "2.age")

    dialog = _opened(qtbot, main_window, second)
    assert "check out" in dialog.check_text.text()
    assert dialog.signer_fingerprint.text() == sender.sharing.keys().fingerprint
    assert "Правозащитный центр" in dialog.signer_name.text()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=JOB_TIMEOUT)
    assert dialog.conflicts_box.isVisible() and dialog.conflict_list.count() == 1
    assert ref in dialog.conflict_list.item(0).text()
    row = [dialog.diff_table.model().index(0, c).data() for c in range(3)]
    assert row[1:] == ["Адвокат допущен 01.08.", "Переведён в СИЗО-1."]
    assert dialog.keep_ours.isChecked()  # the safe default
    if take_theirs:
        click_mark(qtbot, dialog.take_theirs)
        assert "take theirs" in dialog.conflict_list.item(0).text()
    assert ws.cases.get(ref).notes == "Адвокат допущен 01.08."  # nothing written yet
    assert dialog.import_button.isEnabled()
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.applied is not None, timeout=JOB_TIMEOUT)
    expected = "Переведён в СИЗО-1." if take_theirs else "Адвокат допущен 01.08."
    assert ws.cases.get(ref).notes == expected
    assert ("took theirs for 1" if take_theirs else "kept ours for 1") in dialog.preview_text.text()
    assert not dialog.import_button.isEnabled()
    click(qtbot, dialog.close_button)

    # The same file again: the choice is remembered, nothing changes, the preview says so.
    again = _opened(qtbot, main_window, second)
    qtbot.waitUntil(lambda: again.preview is not None, timeout=JOB_TIMEOUT)
    assert "changes nothing" in again.preview_text.text()
    assert not again.conflicts_box.isVisible() and not again.import_button.isEnabled()
    click(qtbot, again.close_button)


def _recipients(ws: Workspace) -> list[tuple[str, str]]:
    return [(r.name, r.signing_key) for r in ws.sharing.recipients()]


def test_a_new_bundle_from_an_unknown_signer_is_imported_only_once_its_fingerprint_is_confirmed(
    session: VaultSession, main_window: MainWindow, sender: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    consent_case(sender)
    fingerprint = sender.sharing.keys().fingerprint
    changes: list[bool] = []
    session.changed.connect(lambda: changes.append(True))
    dialog = _opened(qtbot, main_window, _send(sender, session.ws, tmp_path / "b.age"))
    assert dialog.signer_fingerprint.text() == fingerprint  # "3F2A 91C0 …": five groups
    assert "Not in your address book" in dialog.signer_name.text()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=JOB_TIMEOUT)
    assert "would add: 1 case" in dialog.preview_text.text()  # shown before any trust
    assert _case_count(session.ws) == 0

    asked: list[str] = []

    def cancel(question: QWidget) -> None:
        assert isinstance(question, UnknownSignerDialog)
        asked.append(question.fingerprint.text())
        assert question.cancel_button.isDefault()  # Enter does not import
        click(qtbot, question.cancel_button)

    through_modal(qtbot, UnknownSignerDialog, cancel)
    click(qtbot, dialog.import_button)
    assert asked == [fingerprint.replace(" ", "\u00a0")]
    assert _case_count(session.ws) == 0 and _recipients(session.ws) == [] and not changes
    assert dialog.applied is None and dialog.import_button.isEnabled()

    def confirm(question: QWidget) -> None:
        assert isinstance(question, UnknownSignerDialog)
        click_mark(qtbot, question.remember)
        assert focused() is question.name
        type_text(qtbot, "Partner Centre")
        click(qtbot, question.import_button)

    through_modal(qtbot, UnknownSignerDialog, confirm)
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.applied is not None, timeout=JOB_TIMEOUT)
    assert _case_count(session.ws) == 1 and changes  # views refresh, a save is scheduled
    assert _recipients(session.ws) == [("Partner Centre", sender.sharing.keys().signing_key)]
    assert "Known here as: Partner Centre" in dialog.signer_name.text()
    assert session.saver.busy or session.save_state.value == "saved"
    click(qtbot, dialog.close_button)


def test_locking_while_the_signer_question_is_open_imports_nothing(
    demo_app: App, sender: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    """The idle lock closes the question as it closes every dialog: "Import" was not clicked,
    so nothing is merged, before or after the lock's save."""
    ref = consent_case(sender)
    the_man = sender.cases.get(ref).id
    assert demo_app.session is not None and demo_app.window is not None
    ws = demo_app.session.ws
    dialog = _opened(qtbot, demo_app.window, _send(sender, ws, tmp_path / "b.age"))
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=JOB_TIMEOUT)
    asked: list[bool] = []

    def walk_away() -> None:
        if not isinstance(QApplication.activeModalWidget(), UnknownSignerDialog):
            QTimer.singleShot(20, walk_away)
            return
        asked.append(True)
        demo_app.idle.set_limit_seconds(0.05)  # the caseworker leaves the question open

    QTimer.singleShot(0, walk_away)
    click(qtbot, dialog.import_button)  # returns once the lock has closed the question
    qtbot.waitUntil(lambda: demo_app.is_locked, timeout=JOB_TIMEOUT)
    assert asked and ws.file.closed
    with Workspace.open(ws.path, passphrase=DEMO_PASSPHRASE) as stored:
        assert the_man not in {case.id for case in stored.cases.rows()}
        assert stored.sharing.recipients() == []


def test_a_bundle_from_a_known_signer_is_imported_without_the_question(
    session: VaultSession, main_window: MainWindow, sender: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    consent_case(sender)
    keys = sender.sharing.keys()
    session.ws.sharing.add_recipient("Partner", keys.age_public_key, signing_key=keys.signing_key)
    dialog = _opened(qtbot, main_window, _send(sender, session.ws, tmp_path / "b.age"))
    assert "Known here as: Partner" in dialog.signer_name.text()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=JOB_TIMEOUT)
    click(qtbot, dialog.import_button)  # no question: a modal one would block this click
    qtbot.waitUntil(lambda: dialog.applied is not None, timeout=JOB_TIMEOUT)
    assert _case_count(session.ws) == 1
    click(qtbot, dialog.close_button)


def test_a_tampered_bundle_is_refused_naming_what_failed(
    session: VaultSession, main_window: MainWindow, sender: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    consent_case(sender)
    genuine = _send(sender, session.ws, tmp_path / "genuine.age").read_bytes()
    plain = pyrage.decrypt(genuine, [keyring.parse_identity(_own_identity(session.ws))])
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    members["dossier.pdf"] = members["dossier.pdf"].replace(b"%PDF", b"%PDX", 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    tampered = tmp_path / "tampered.age"
    tampered.write_bytes(
        pyrage.encrypt(
            buffer.getvalue(), [keyring.parse_recipient(session.ws.sharing.keys().age_public_key)]
        )
    )
    dialog = _opened(qtbot, main_window, tampered)
    text = dialog.check_text.text()
    assert "refused" in text and "altered after it was signed" in text
    assert "checksum" in text and "dossier.pdf" in text
    assert dialog.bundle is None and not dialog.import_button.isEnabled()
    click(qtbot, dialog.close_button)

    flipped = tmp_path / "flipped.age"
    damaged = bytearray(genuine)
    damaged[len(damaged) // 2] ^= 0x01
    flipped.write_bytes(bytes(damaged))
    dialog = _opened(qtbot, main_window, flipped)
    assert "could not be opened" in dialog.check_text.text()
    assert "damaged or altered" in dialog.check_text.text()
    assert _case_count(session.ws) == 0
    click(qtbot, dialog.close_button)


def _own_identity(ws: Workspace) -> str:
    from casetracker.model import OrgKeys

    with ws.reading() as s:
        keys = s.get(OrgKeys, 1)
        assert keys is not None
        return keys.age_identity


# -- spreadsheet: tests/gui/test_import_wizard.py ------------------------------------------
# -- address book --------------------------------------------------------------------------
def test_the_address_book_shows_our_keys_refuses_a_bad_key_and_adds_and_removes(
    session: VaultSession, main: MainWindow, qtbot: QtBot
) -> None:
    QTest.keyClick(
        main, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = modal(qtbot, RecipientsDialog)
    assert isinstance(dialog, RecipientsDialog)
    ours = session.ws.sharing.keys()
    assert dialog.public_key.text() == ours.age_public_key
    assert dialog.signing_fingerprint.text() == ours.fingerprint
    click(qtbot, dialog.public_key.copy_button)
    assert "30 seconds" in dialog.status.text()

    def fill(name: str, key: str) -> None:
        click(qtbot, dialog.name)
        type_any(name)
        click(qtbot, dialog.age_key)
        type_text(qtbot, key)

    fill("Адвокат Петрова", "age1notakey")
    click(qtbot, dialog.add_button)
    assert "not an age public key" in dialog.message.text()
    assert dialog.table.records() == [] and session.ws.sharing.recipients() == []
    key = str(x25519.Identity.generate().to_public())
    _retype(qtbot, dialog.age_key, key)
    fingerprint = keyring.age_fingerprint(key)
    assert fingerprint in dialog.key_fingerprint.text()
    click(qtbot, dialog.role)  # an editable list: typed, or one of its words
    type_text(qtbot, "lawyer")
    click(qtbot, dialog.add_button)
    [stored] = session.ws.sharing.recipients()
    assert (stored.name, stored.role) == ("Адвокат Петрова", "lawyer")
    [added] = dialog.table.records()
    assert added.id == stored.id
    assert fingerprint in dialog.status.text()
    shown = [dialog.table.model().index(0, c).data() for c in range(3)]
    assert shown == ["Адвокат Петрова", "lawyer", fingerprint]
    assert dialog.name.text() == "" and dialog.age_key.text() == ""

    fill("Адвокат Петрова", key)
    click(qtbot, dialog.add_button)
    assert "already a recipient" in dialog.message.text()
    assert len(session.ws.sharing.recipients()) == 1

    table = dialog.table
    row = table.visualRect(table.model().index(0, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)
    through_modal(
        qtbot,
        QMessageBox,
        lambda box: click(qtbot, box.button(QMessageBox.StandardButton.Yes)),  # type: ignore[attr-defined]
    )
    click(qtbot, dialog.remove_button)  # asks first
    assert dialog.table.records() == [] and session.ws.sharing.recipients() == []
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Close))
    assert not dialog.isVisible()


def test_the_main_window_opens_the_sharing_screens(session: VaultSession, qtbot: QtBot) -> None:
    ws = session.ws
    first = ws.cases.create("Иванов Степан Николаевич")
    second = ws.cases.create("Ершов Николай Сергеевич")
    ws.cases.create("Кузнецов Баир Юрьевич")
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    open_section(window, CASES)
    table = window.cases.table
    for row, keys in (
        (0, Qt.KeyboardModifier.NoModifier),
        (1, Qt.KeyboardModifier.ControlModifier),
    ):
        at = table.visualRect(table.model().index(row, 0)).center()
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, keys, at)
    assert set(window.cases.selected_case_ids()) == {first.id, second.id}
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    export = modal(qtbot, ExportDialog)
    assert isinstance(export, ExportDialog) and export.selected_radio.isChecked()
    qtbot.waitUntil(lambda: export.summary is not None, timeout=JOB_TIMEOUT)
    assert export.summary is not None and len(export.summary.case_ids) == 2
    click(qtbot, export.close_button)
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    for key, keys, kind in (
        (Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier, BundleImportDialog),
        (Qt.Key.Key_I, shift_ctrl, ImportWizard),
        (Qt.Key.Key_K, shift_ctrl, RecipientsDialog),
    ):
        window.activateWindow()  # back to the main window, as the person clicks into it
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
        QTest.keyClick(window, key, keys)
        dialog = modal(qtbot, kind)
        press(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)  # noqa: B023
    window.teardown()


def test_locking_closes_a_sharing_screen_even_in_the_middle_of_its_work(
    demo_app: App, qtbot: QtBot
) -> None:
    window = demo_app.window
    assert window is not None and demo_app.session is not None
    ws = demo_app.session.ws
    before = _case_count(ws)
    wizard = wizard_at_check(qtbot, window, SHEET)
    assert wizard.busy.busy  # the check (a rolled-back import) runs on a worker thread
    assert demo_app.lock()  # what the idle timer (or the system going to sleep) does
    assert demo_app.is_locked and ws.file.closed
    assert not shiboken6.isValid(wizard) or not wizard.isVisible()
    qtbot.wait(50)  # the worker's late answer reaches no one
    assert before > 0
