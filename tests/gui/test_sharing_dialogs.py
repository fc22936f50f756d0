"""The sharing screens: export for a lawyer, open a bundle, import a spreadsheet, address book.

Real vaults in tmp_path; slow work runs on worker threads exactly as in the app, so every test
waits for it the way a person would (the dialog says when it is done).
"""

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pyrage
import pytest
import shiboken6
from pyrage import x25519
from pytestqt.qtbot import QtBot

from casetracker.gui.app import App
from casetracker.gui.dialogs.bundle_import_dialog import BundleImportDialog
from casetracker.gui.dialogs.export_dialog import ExportDialog
from casetracker.gui.dialogs.import_wizard import COLUMNS, ImportWizard
from casetracker.gui.dialogs.recipients_dialog import RecipientsDialog
from casetracker.gui.main_window import CASES, MainWindow
from casetracker.gui.vault_session import VaultSession
from casetracker.services.workspace import Workspace
from casetracker.sharing import keys as keyring
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
def _ready_export(session: VaultSession, qtbot: QtBot) -> ExportDialog:
    case = session.ws.cases.get(consent_case(session.ws))
    dialog = ExportDialog(session, [case.id])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=JOB_TIMEOUT)
    return dialog


def test_export_to_a_recipient_opens_only_with_their_key_and_withholds_by_consent(
    session: VaultSession, qtbot: QtBot, tmp_path: Path
) -> None:
    lawyer = x25519.Identity.generate()
    session.ws.sharing.add_recipient("Адвокат Петрова", str(lawyer.to_public()), role="lawyer")
    dialog = _ready_export(session, qtbot)
    assert dialog.selected_radio.isChecked()
    summary = dialog.summary_text.text()
    assert "1 case" in summary
    assert NOT_SHARED_NAME in summary and "did not agree" in summary
    assert ANON_NAME in summary and "stays anonymous" in summary
    assert dialog.recipient_list.count() == 1 and dialog.to_people.isChecked()
    dialog.set_recipients([])
    assert "Tick who may open" in dialog.check_choices()
    dialog.set_recipients(["Адвокат Петрова"])
    target = tmp_path / "out" / "for-the-lawyer"
    target.parent.mkdir()
    assert dialog.export_to(target)
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
    dialog.reject()


def test_export_with_a_passphrase_typed_twice(
    session: VaultSession, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _ready_export(session, qtbot)
    assert dialog.to_passphrase.isChecked()  # the address book is empty
    assert "Add the lawyer's public key" in dialog.no_recipients.text()
    dialog.passphrase.setText("short")
    dialog.repeat.setText("short")
    assert not dialog.export_to(tmp_path / "x.age")
    assert "at least 10 characters" in dialog.message.text()
    dialog.passphrase.setText("river candle orbit")
    dialog.repeat.setText("river candle orbiT")
    assert not dialog.export_to(tmp_path / "x.age")
    assert "not the same" in dialog.message.text()
    dialog.repeat.setText("river candle orbit")
    assert dialog.export_to(tmp_path / "x.age")
    assert not dialog.choices.isEnabled()  # nothing can change while the file is made
    qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=JOB_TIMEOUT)
    assert "passphrase" in dialog.done_text.text()
    assert dialog.passphrase.text() == "" and dialog.repeat.text() == ""
    data = (tmp_path / "x.age").read_bytes()
    assert (
        session.ws.sharing.open(data, passphrase="river candle orbit").document.counts()["cases"]
        == 1
    )
    dialog.reject()


def test_the_anonymised_profile_explains_itself_and_never_carries_attachments(
    session: VaultSession, qtbot: QtBot
) -> None:
    dialog = _ready_export(session, qtbot)
    dialog.attachments.setChecked(True)
    dialog.anonymised_radio.setChecked(True)
    assert not dialog.attachments.isChecked() and not dialog.attachments.isEnabled()
    assert "No names" in dialog.profile_help.text()
    qtbot.waitUntil(
        lambda: dialog.summary is not None and dialog.summary.profile == "anonymised",
        timeout=JOB_TIMEOUT,
    )
    assert "No names leave" in dialog.summary_text.text()
    assert NOT_SHARED_NAME not in dialog.summary_text.text()
    dialog.reject()


def test_closing_during_an_export_waits_for_it_and_leaves_the_dialog_quiet(
    session: VaultSession, qtbot: QtBot, tmp_path: Path
) -> None:
    """The lock closes every dialog: a running job is waited for, its result dropped."""
    session.ws.sharing.add_recipient("Адвокат", session.ws.sharing.keys().age_public_key)
    dialog = _ready_export(session, qtbot)
    assert dialog.checked_recipients() == ["Адвокат"]  # the only one is ticked
    assert dialog.export_to(tmp_path / "x.age")
    assert dialog.busy.busy
    dialog.reject()
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
    )
    path.write_bytes(result.data)
    return path


def _opened(session: VaultSession, qtbot: QtBot, path: Path) -> BundleImportDialog:
    dialog = BundleImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.open_path(path)
    qtbot.waitUntil(
        lambda: not dialog.busy.busy and dialog.check_panel.isVisible(), timeout=JOB_TIMEOUT
    )
    return dialog


@pytest.mark.parametrize("take_theirs", [False, True], ids=["keep-ours", "take-theirs"])
def test_a_conflict_is_shown_side_by_side_and_settled_as_chosen(
    session: VaultSession, sender: Workspace, qtbot: QtBot, tmp_path: Path, take_theirs: bool
) -> None:
    ws = session.ws
    ref = consent_case(sender)
    ws.sharing.import_bundle(ws.sharing.open(_send(sender, ws, tmp_path / "1.age").read_bytes()))
    ws.sharing.add_recipient(
        "Правозащитный центр",
        sender.sharing.keys().age_public_key,
        signing_key=sender.sharing.keys().signing_key,
    )
    ws.cases.update(ref, notes="Адвокат допущен 01.08.")
    sender.cases.update(ref, notes="Переведён в СИЗО-1.")
    second = _send(sender, ws, tmp_path / "2.age")

    dialog = _opened(session, qtbot, second)
    assert "check out" in dialog.check_text.text()
    assert dialog.signer_fingerprint.text() == sender.sharing.keys().fingerprint
    assert "Правозащитный центр" in dialog.signer_name.text()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=JOB_TIMEOUT)
    assert dialog.conflicts_box.isVisible() and dialog.conflict_list.count() == 1
    assert ref in dialog.conflict_list.item(0).text()
    row = [dialog.diff_table.item(0, c).text() for c in range(3)]
    assert row[1:] == ["Адвокат допущен 01.08.", "Переведён в СИЗО-1."]
    assert dialog.keep_ours.isChecked()  # the safe default
    if take_theirs:
        dialog.take_theirs.setChecked(True)
        assert "take theirs" in dialog.conflict_list.item(0).text()
    assert ws.cases.get(ref).notes == "Адвокат допущен 01.08."  # nothing written yet
    assert dialog.import_button.isEnabled()
    assert dialog.apply()
    qtbot.waitUntil(lambda: dialog.applied is not None, timeout=JOB_TIMEOUT)
    expected = "Переведён в СИЗО-1." if take_theirs else "Адвокат допущен 01.08."
    assert ws.cases.get(ref).notes == expected
    assert ("took theirs for 1" if take_theirs else "kept ours for 1") in dialog.preview_text.text()
    assert not dialog.import_button.isEnabled()
    dialog.reject()

    # The same file again: the choice is remembered, nothing changes, the preview says so.
    again = _opened(session, qtbot, second)
    qtbot.waitUntil(lambda: again.preview is not None, timeout=JOB_TIMEOUT)
    assert "changes nothing" in again.preview_text.text()
    assert not again.conflicts_box.isVisible() and not again.import_button.isEnabled()
    again.reject()


def test_a_new_bundle_previews_what_it_adds_and_imports_it(
    session: VaultSession, sender: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    consent_case(sender)
    changes: list[bool] = []
    session.changed.connect(lambda: changes.append(True))
    dialog = _opened(session, qtbot, _send(sender, session.ws, tmp_path / "b.age"))
    assert "Not in your address book" in dialog.signer_name.text()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=JOB_TIMEOUT)
    assert "would add: 1 case" in dialog.preview_text.text()
    assert _case_count(session.ws) == 0
    assert dialog.apply()
    qtbot.waitUntil(lambda: dialog.applied is not None, timeout=JOB_TIMEOUT)
    assert _case_count(session.ws) == 1 and changes  # views refresh, a save is scheduled
    assert session.saver.busy or session.save_state.value == "saved"
    dialog.reject()


def test_a_tampered_bundle_is_refused_naming_what_failed(
    session: VaultSession, sender: Workspace, qtbot: QtBot, tmp_path: Path
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
    dialog = _opened(session, qtbot, tampered)
    text = dialog.check_text.text()
    assert "refused" in text and "altered after it was signed" in text
    assert "checksum" in text and "dossier.pdf" in text
    assert dialog.bundle is None and not dialog.import_button.isEnabled()
    dialog.reject()

    flipped = tmp_path / "flipped.age"
    data = bytearray(genuine)
    data[len(data) // 2] ^= 0x01
    flipped.write_bytes(bytes(data))
    dialog = _opened(session, qtbot, flipped)
    assert "could not be opened" in dialog.check_text.text()
    assert "damaged or altered" in dialog.check_text.text()
    assert _case_count(session.ws) == 0
    dialog.reject()


def _own_identity(ws: Workspace) -> str:
    from casetracker.model import OrgKeys

    with ws.reading() as s:
        keys = s.get(OrgKeys, 1)
        assert keys is not None
        return keys.age_identity


# -- spreadsheet: tests/gui/test_import_wizard.py ------------------------------------------
# -- address book --------------------------------------------------------------------------
def test_the_address_book_shows_our_keys_refuses_a_bad_key_and_adds_and_removes(
    session: VaultSession, qtbot: QtBot
) -> None:
    dialog = RecipientsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    ours = session.ws.sharing.keys()
    assert dialog.public_key.text() == ours.age_public_key
    assert dialog.signing_fingerprint.text() == ours.fingerprint
    dialog.public_key.copy()
    assert "30 seconds" in dialog.status.text()
    dialog.name.setText("Адвокат Петрова")
    dialog.age_key.setText("age1notakey")
    dialog.add()
    assert "not an age public key" in dialog.message.text()
    assert dialog.table.records() == []
    key = str(x25519.Identity.generate().to_public())
    dialog.age_key.setText(key)
    fingerprint = keyring.age_fingerprint(key)
    assert fingerprint in dialog.key_fingerprint.text()
    dialog.role.setCurrentText("lawyer")
    dialog.add()
    [added] = dialog.table.records()
    assert (added.name, added.role) == ("Адвокат Петрова", "lawyer")
    assert fingerprint in dialog.status.text()
    shown = [dialog.table.model().index(0, c).data() for c in range(3)]
    assert shown == ["Адвокат Петрова", "lawyer", fingerprint]
    assert dialog.name.text() == "" and dialog.age_key.text() == ""
    dialog.name.setText("Адвокат Петрова")
    dialog.age_key.setText(key)
    dialog.add()
    assert "already a recipient" in dialog.message.text()
    dialog.remove(added)
    assert dialog.table.records() == [] and session.ws.sharing.recipients() == []
    dialog.reject()


def test_the_main_window_opens_the_sharing_screens(session: VaultSession, qtbot: QtBot) -> None:
    ws = session.ws
    first = ws.cases.create("Иванов Степан Николаевич")
    second = ws.cases.create("Ершов Николай Сергеевич")
    ws.cases.create("Кузнецов Баир Юрьевич")
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show_section(CASES)
    window.cases.table.selectAll()
    window.cases.table.clearSelection()
    for row in range(2):
        window.cases.table.selectionModel().select(
            window.cases.proxy.index(row, 0),
            window.cases.table.selectionModel().SelectionFlag.Select
            | window.cases.table.selectionModel().SelectionFlag.Rows,
        )
    assert set(window.cases.selected_case_ids()) == {first.id, second.id}
    window.export_action.trigger()
    export = next(w for w in window.findChildren(ExportDialog))
    assert export.isVisible() and export.selected_radio.isChecked()
    qtbot.waitUntil(lambda: export.summary is not None, timeout=JOB_TIMEOUT)
    assert len(export.summary.case_ids) == 2
    export.reject()
    for act, kind in (
        (window.open_bundle_action, BundleImportDialog),
        (window.import_sheet_action, ImportWizard),
        (window.recipients_action, RecipientsDialog),
    ):
        act.trigger()
        dialog = window.findChildren(kind)[-1]
        assert dialog.isVisible()
        dialog.reject()
    window.teardown()


def test_locking_closes_a_sharing_screen_even_in_the_middle_of_its_work(
    demo_app: App, qtbot: QtBot
) -> None:
    window = demo_app.window
    assert window is not None and demo_app.session is not None
    ws = demo_app.session.ws
    before = _case_count(ws)
    wizard = window.import_spreadsheet()
    assert wizard is not None
    assert wizard.load_path(SHEET)
    qtbot.waitUntil(lambda: wizard.current() == COLUMNS, timeout=JOB_TIMEOUT)
    wizard.next()  # the status words
    wizard.next()
    wizard.next()  # the check (a rolled-back import) starts on a worker thread
    assert wizard.busy.busy
    assert demo_app.lock()
    assert demo_app.is_locked and ws.file.closed
    assert not shiboken6.isValid(wizard) or not wizard.isVisible()
    qtbot.wait(50)  # the worker's late answer reaches no one
    assert before > 0
