"""Shows a decrypted attachment from memory: images and text inside the app, nothing on disk.

The bytes come from ``AttachmentService.read`` and go straight into a ``QImage`` or a text
view; no temporary file, no thumbnail cache. "Save decrypted copy…" writes a file only when the
person asks, to a place they choose.
"""

import uuid

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui import file_dialogs
from casetracker.gui.error_messages import error_text, show_error
from casetracker.gui.locale_format import size_text
from casetracker.gui.style import set_role
from casetracker.gui.vault_session import VaultSession
from casetracker.model import Attachment

# Larger text is cut for display; the full file can still be saved.
MAX_TEXT_CHARS = 2_000_000
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/csv")


def _decode_text(data: bytes) -> str | None:
    for encoding in ("utf-8", "utf-16", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


class AttachmentViewer(QWidget):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.attachment: Attachment | None = None
        self._data: bytes | None = None
        self._pixmap: QPixmap | None = None
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        set_role(self.caption, "subtitle")
        self.save_button = QPushButton(self.tr("Save decrypted copy…"), self)
        self.save_button.setToolTip(
            self.tr("Writes an unencrypted copy where you choose. Delete it when done.")
        )
        self.save_button.clicked.connect(self.save_copy)
        self.save_button.setEnabled(False)
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_area = QScrollArea(self)
        self.image_area.setWidget(self.image)
        self.image_area.setWidgetResizable(True)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        set_role(self.placeholder, "hint")
        self.stack = QStackedWidget(self)
        for page in (self.placeholder, self.image_area, self.text):
            self.stack.addWidget(page)
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.clear()

    @property
    def mode(self) -> str:
        return {0: "none", 1: "image", 2: "text"}[self.stack.currentIndex()]

    def clear(self) -> None:
        self.attachment, self._data, self._pixmap = None, None, None
        self.image.clear()
        self.text.clear()
        self.caption.clear()
        self.save_button.setEnabled(False)
        self.placeholder.setText(self.tr("Choose an attachment to see it here."))
        self.stack.setCurrentWidget(self.placeholder)

    def show_attachment(self, attachment_id: uuid.UUID, attachment: Attachment) -> None:
        self.clear()
        try:
            data = self.session.ws.attachments.read(attachment_id)
        except Exception as exc:
            self.placeholder.setText(error_text(exc))
            return
        self.attachment, self._data = attachment, data
        self.caption.setText(f"{attachment.filename} · {size_text(attachment.size)}")
        self.save_button.setEnabled(True)
        image = QImage.fromData(data)
        if not image.isNull():
            self._pixmap = QPixmap.fromImage(image)
            self._fit()
            self.stack.setCurrentWidget(self.image_area)
            return
        media = attachment.media_type or ""
        text = (
            _decode_text(data)
            if media.startswith(TEXT_TYPES) or b"\x00" not in data[:4096]
            else None
        )
        if text is not None:
            self.text.setPlainText(text[:MAX_TEXT_CHARS])
            self.stack.setCurrentWidget(self.text)
            return
        self.placeholder.setText(
            self.tr(
                "This kind of file cannot be shown inside Casetracker. Save a decrypted copy "
                "to open it with another program, and delete the copy afterwards."
            )
        )

    def image_size(self) -> tuple[int, int] | None:
        if self._pixmap is None:
            return None
        return self._pixmap.width(), self._pixmap.height()

    def _fit(self) -> None:
        if self._pixmap is None:
            return
        room = self.stack.size() - QSize(8, 8)
        if self._pixmap.width() > room.width() or self._pixmap.height() > room.height():
            self.image.setPixmap(
                self._pixmap.scaled(
                    room,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.image.setPixmap(self._pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def save_copy(self) -> None:
        if self.attachment is None or self._data is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Save a decrypted copy?"),
            self.tr(
                "The copy will not be encrypted: anyone with this computer can open it. "
                "Save it only where you must, and delete it when you are done."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        target = file_dialogs.save_file(self, self.tr("Save decrypted copy"))
        if target is None:
            return
        try:
            target.write_bytes(self._data)
        except OSError as exc:
            show_error(self, exc)
