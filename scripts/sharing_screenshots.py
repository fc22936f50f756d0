"""Screenshots of the sharing screens (numbered from 40), called by scripts/screenshots.py.

Export for a lawyer (before and after writing the file), the address book, a bundle from a
partner organisation with a record changed on both sides, a tampered bundle, and the
spreadsheet import's columns, preview and check steps. A second, fictional "partner" vault is
made in the same temporary folder; the slow steps run on worker threads as in the app, so each
shot waits for the dialog to say it is done.
"""

import io
import time
import uuid
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pyrage
from pyrage import x25519
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QWidget

from casetracker.gui.dialogs.import_wizard import PREVIEW
from casetracker.gui.main_window import MainWindow
from casetracker.gui.vault_session import VaultSession
from casetracker.model import CaseStatus
from casetracker.services.workspace import Workspace
from casetracker.sharing import keys as keyring
from casetracker.storage.kdf import FLOOR

ROOT = Path(__file__).resolve().parents[1]
SHEET = ROOT / "tests" / "data" / "org-spreadsheet.csv"


def _wait(condition: Callable[[], bool], timeout_s: float = 60.0) -> None:
    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("a sharing screen did not finish in time")
        QApplication.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        QApplication.processEvents()


def _save(widget: QWidget, out: Path, name: str) -> None:
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(out / f"{name}.png"))
    print(f"{out / name}.png")


def _select_cases(window: MainWindow, refs: set[str]) -> None:
    table, model = window.cases.table, window.cases.model
    table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(model.rowCount()):
        if model.row_at(row).ref in refs:
            table.selectionModel().select(model.index(row, 0), flags)


def _partner(folder: Path, ws: Workspace) -> tuple[Workspace, uuid.UUID]:
    """A partner organisation that shares one case with us, known in our address book."""
    partner, _key = Workspace.create(folder / "partner.ctvault", "partner passphrase", kdf=FLOOR)
    partner.actor = "Борис"
    keys = partner.sharing.keys()
    ws.sharing.add_recipient(
        "Правозащитный центр «Вместе»",
        keys.age_public_key,
        role="partner organisation",
        signing_key=keys.signing_key,
        note="ключи сверены на встрече 02.08",
    )
    case = partner.cases.create(
        "Бадмаев Андрей Баирович",
        status=CaseStatus.DETAINED,
        status_on=date(2022, 7, 20),
        detention_date=date(2022, 7, 20),
        military_unit="в/ч 39255",
        home_region="Сахалинская обл.",
        notes="Задержан при выезде из части.",
    )
    first = partner.sharing.export(
        [case.id],
        profile="lawyer",
        recipients=[ws.sharing.keys().age_public_key],
        without_consent_reason="not about consent",
    )
    ws.sharing.import_bundle(ws.sharing.open(first.data))
    return partner, case.id  # its reference here may differ (renumbered when taken)


def sharing_screens(window: MainWindow, session: VaultSession, folder: Path, out: Path) -> None:
    ws = session.ws
    lawyer = x25519.Identity.generate()
    ws.sharing.add_recipient(
        "Адвокат Е. Петрова",
        str(lawyer.to_public()),
        role="lawyer",
        note="отпечаток сверен по телефону 12.08",
    )
    partner, shared = _partner(folder, ws)
    session.committed()

    # Export from the Cases list, three cases selected.
    window.show_section(1)
    window.cases.refresh()
    _select_cases(window, {"CT-0001", "CT-0002", "CT-0003"})
    export = window.export_cases()
    assert export is not None
    export.resize(1060, 700)
    export.set_recipients(["Адвокат Е. Петрова"])
    _wait(lambda: export.summary is not None)
    if export.consent_reason.isVisible():  # held incommunicado: nobody could ask them
        export.consent_reason.setText("Содержатся без связи; родные просят адвоката")
        export.without_consent.setChecked(True)
    _save(export, out, "40-export-for-a-lawyer")
    export.export_to(folder / "casetracker-lawyer.age")
    _wait(lambda: export.saved_to is not None)
    _save(export, out, "41-export-done-with-fingerprint")
    export.reject()

    book = window.show_recipients()
    assert book is not None
    book.resize(900, 720)
    _save(book, out, "42-address-book-and-keys")
    book.reject()

    # The partner changed the shared case, and so did we: a conflict to decide.
    ws.cases.update(shared, notes="Адвокат допущен 01.08., свидание не дали.")
    partner.cases.update(shared, notes="Переведён в СИЗО-1 Луганска.", lawyer="адв. Ким")
    partner.cases.create(
        "Ким Олег Юрьевич", status=CaseStatus.WHEREABOUTS_UNKNOWN, military_unit="в/ч 21005"
    )
    service = partner.sharing
    second = service.export(
        service.select_cases(everything=True),
        profile="lawyer",
        recipients=[ws.sharing.keys().age_public_key],
        without_consent_reason="not about consent",
    )
    bundle_path = folder / "from-partner.age"
    bundle_path.write_bytes(second.data)
    opened = window.open_bundle()
    assert opened is not None
    opened.resize(980, 720)
    opened.set_path(bundle_path)
    opened.open_chosen()
    _wait(lambda: opened.preview is not None)
    _save(opened, out, "43-open-bundle-conflict")
    opened.reject()

    # The same bundle, altered after signing (a part of it changed, then encrypted again).
    courier = x25519.Identity.generate()
    to_courier = service.export(
        service.select_cases(everything=True),
        profile="lawyer",
        recipients=[str(courier.to_public())],
        without_consent_reason="not about consent",
    )
    with zipfile.ZipFile(io.BytesIO(pyrage.decrypt(to_courier.data, [courier]))) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    members["cases.json"] = members["cases.json"].replace("СИЗО-1".encode(), "СИЗО-2".encode())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    tampered = folder / "altered.age"
    tampered.write_bytes(
        pyrage.encrypt(
            buffer.getvalue(), [keyring.parse_recipient(ws.sharing.keys().age_public_key)]
        )
    )
    refused = window.open_bundle()
    assert refused is not None
    refused.resize(980, 420)
    refused.set_path(tampered)
    refused.open_chosen()
    _wait(lambda: not refused.busy.busy and not refused.check_panel.isHidden())
    _save(refused, out, "44-open-bundle-tampered")
    refused.reject()
    partner.close(save=False)

    wizard = window.import_spreadsheet()
    assert wizard is not None
    wizard.resize(1100, 720)
    wizard.load_path(SHEET)
    _wait(lambda: wizard.current() == 1)
    _save(wizard, out, "45-import-sheet-columns")
    wizard.next()
    if wizard.current() != PREVIEW:  # the sample has status words to choose a meaning for
        _save(wizard, out, "45b-import-sheet-status-words")
        wizard.next()
    _save(wizard, out, "46-import-sheet-preview")
    wizard.next()
    _wait(lambda: wizard.check_report is not None)
    _save(wizard, out, "47-import-sheet-check")
    wizard.reject()
