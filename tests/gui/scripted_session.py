"""A whole GUI session driven by a script, for the marker scan (run in a subprocess).

Usage: python -m tests.gui.scripted_session VAULT_PATH
HOME, TMPDIR and the XDG folders are set by the caller before Qt starts, so every file Qt or
the app could write lands where the test can scan it.
"""

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CASETRACKER_KDF_TARGET_MS", "0")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtWidgets import QApplication

from casetracker.gui.app import App
from casetracker.gui.style import install_style
from tests.conftest import MARKER, PASSPHRASE


def wait_for(condition: Callable[[], object], timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the GUI did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)


def marker_png() -> bytes:
    image = QImage(320, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawText(10, 40, MARKER)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"PNG")).write(image)
    return bytes(data.data()) + MARKER.encode()  # the marker in the raw bytes too


def main(vault: Path, before_lock: Callable[[App], None] | None = None) -> None:
    """The session; `before_lock` adds a step while the vault is open (torture/gui_session.py
    exports a bundle there)."""
    qt = QApplication(sys.argv)
    install_style(qt)
    app = App(default_path=vault)
    app.start()
    start = app.start_window
    start.show_create()
    start.create_page.passphrase.setText(PASSPHRASE)
    start.create_page.repeat.setText(PASSPHRASE)
    start.create_page.create_vault()
    wait_for(lambda: start.page is start.recovery)
    start.recovery.written.setChecked(True)
    start.recovery.continue_button.click()
    window = app.window
    assert window is not None and app.session is not None
    ws = app.session.ws

    for i in range(3):
        dialog = window.new_case()
        assert dialog is not None
        dialog.full_name.setText(f"{MARKER} {i}")
        dialog.aliases.setText(f"{MARKER} alias")
        dialog.notes.setPlainText(f"{MARKER} note")
        dialog.submit()
    case_id = ws.cases.rows(search=MARKER)[0].id
    case_window = window.open_case(case_id)
    assert case_window is not None
    from casetracker.gui.dialogs.relative_dialog import RelativeDialog

    relative = RelativeDialog(app.session, case_id=case_id)
    relative.full_name.setText(f"{MARKER} отец")
    relative.phones.setText("+7 900 000-00-00")
    relative.submit()
    for direct in (False, True):
        log = case_window.log_contact()
        (log.direct if direct else log.second_hand).setChecked(True)
        log.note.setPlainText(f"{MARKER} contact")
        log.submit()
    case_window.tabs.setCurrentWidget(case_window.evidence)
    case_window.evidence.attach_bytes(marker_png(), f"{MARKER}.png")
    case_window.evidence.attach_bytes(f"{MARKER} text".encode(), "note.txt")
    case_window.evidence.attachments.selectRow(0)
    case_window.evidence.attachments.selectRow(1)
    case_window.tabs.setCurrentWidget(case_window.relatives)
    case_window.relatives.table.selectRow(0)
    case_window.relatives.copy("phones")
    for section in range(7):
        window.show_section(section)
        QApplication.processEvents()
    window.cases.search.setText(MARKER.split()[1])
    wait_for(lambda: not window.cases._debounce.isActive())
    wait_for(lambda: window.save_text().startswith("All changes saved"))
    if before_lock is not None:
        before_lock(app)
    app.lock()
    assert app.is_locked
    QGuiApplication.clipboard().clear()
    app.shutdown()
    start.close()
    qt.quit()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
