"""Attachments are shown inside the app from memory; a decrypted copy only on request."""

from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QImageWriter
from PySide6.QtWidgets import QMessageBox

from casetracker.gui import file_dialogs
from casetracker.gui.main_window import MainWindow


def _png(width: int = 40, height: int = 30) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"PNG")).write(image)
    return bytes(data.data())


def _evidence(window: MainWindow):
    assert window.session is not None
    case_window = window.open_case(window.session.ws.cases.get("CT-0003").id)
    assert case_window is not None
    case_window.tabs.setCurrentWidget(case_window.evidence)
    case_window.evidence.sources.clearSelection()
    case_window.evidence.sources.setCurrentIndex(case_window.evidence.sources.model().index(-1, -1))
    return case_window.evidence


def test_an_image_is_shown_from_memory(window: MainWindow, tmp_path: Path) -> None:
    tab = _evidence(window)
    before = {p for p in tmp_path.rglob("*") if p.is_file()}
    tab.attach_bytes(_png(), "photo-of-the-list.png")
    names = [a.filename for a in tab.attachments.records()]
    assert "photo-of-the-list.png" in names
    row = names.index("photo-of-the-list.png")
    tab.attachments.selectRow(row)
    assert tab.viewer.mode == "image"
    assert tab.viewer.image_size() == (40, 30)
    after = {p for p in tmp_path.rglob("*") if p.is_file()}
    new_files = after - before
    # Only the encrypted blob (and the vault's own saves) appear: no decrypted copy anywhere.
    assert all(b"\x89PNG" not in p.read_bytes() for p in new_files)


def test_text_is_shown_in_the_viewer(window: MainWindow) -> None:
    tab = _evidence(window)
    tab.attach_bytes("Список: Иванов, Петров".encode(), "list.txt")
    index = next(i for i, a in enumerate(tab.attachments.records()) if a.filename == "list.txt")
    tab.attachments.selectRow(index)
    assert tab.viewer.mode == "text"
    assert "Иванов" in tab.viewer.text.toPlainText()


def test_decrypted_copy_is_written_only_when_asked(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = _evidence(window)
    tab.attach_bytes(b"secret text", "note.txt")
    index = next(i for i, a in enumerate(tab.attachments.records()) if a.filename == "note.txt")
    tab.attachments.selectRow(index)
    target = tmp_path / "chosen" / "copy.txt"
    target.parent.mkdir()
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: target)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    tab.viewer.save_copy()
    assert not target.exists()  # declined the warning
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.viewer.save_copy()
    assert target.read_bytes() == b"secret text"
