"""Sources & evidence: what backs this case, and its attachments viewed inside the app.

Attachments are decrypted into memory only when selected and shown by the viewer; nothing is
written to disk unless the person asks for a decrypted copy.
"""

import mimetypes
import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui import file_dialogs
from casetracker.gui.dialogs.source_dialog import SourceDialog
from casetracker.gui.error_messages import show_error
from casetracker.gui.labels import source_kind_label, verification_label
from casetracker.gui.locale_format import date_text, size_text
from casetracker.gui.models.column_table import Column
from casetracker.gui.style import set_role
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.case.case_tab import CaseTab
from casetracker.gui.widgets.attachment_viewer import AttachmentViewer
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model import Attachment, Source


class EvidenceTab(CaseTab):
    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, case_id, parent)
        self._source_titles: dict[uuid.UUID, str] = {}
        self.sources: RecordTable[Source] = RecordTable(
            [
                Column(self.tr("Source"), lambda s: s.title, tooltip=lambda s: s.reference),
                Column(self.tr("Kind"), lambda s: source_kind_label(s.kind)),
                Column(self.tr("Verification"), lambda s: verification_label(s.verification)),
                Column(
                    self.tr("Date"),
                    lambda s: date_text(s.published_on),
                    sort=lambda s: s.published_on.isoformat() if s.published_on else "",
                ),
            ],
            self,
        )
        self.sources.setAccessibleName(self.tr("Sources"))
        self.sources.activated_record.connect(self.edit_source)
        self.attachments: RecordTable[Attachment] = RecordTable(
            [
                Column(self.tr("File"), lambda a: a.filename),
                Column(self.tr("Size"), lambda a: size_text(a.size), sort=lambda a: a.size),
                Column(
                    self.tr("Belongs to"),
                    lambda a: (
                        self._source_titles.get(a.source_id, "")
                        if a.source_id
                        else self.tr("this case")
                    ),
                ),
            ],
            self,
        )
        self.attachments.setAccessibleName(self.tr("Attachments"))
        self.attachments.selected_record.connect(self._show)
        self.viewer = AttachmentViewer(session, self)
        self.add_source_button = QPushButton(self.tr("Add a source…"), self)
        self.add_source_button.clicked.connect(self.add_source)
        self.attach_button = QPushButton(self.tr("Attach a file…"), self)
        self.attach_button.setToolTip(
            self.tr("The file is encrypted into the vault; the original stays where it is.")
        )
        self.attach_button.clicked.connect(self.attach_file)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_source_button)
        buttons.addWidget(self.attach_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        sources_label = QLabel(self.tr("Sources backing this case"), left)
        set_role(sources_label, "subtitle")
        left_layout.addWidget(sources_label)
        left_layout.addWidget(self.sources, 2)
        files_label = QLabel(self.tr("Attachments (click to view)"), left)
        set_role(files_label, "subtitle")
        left_layout.addWidget(files_label)
        left_layout.addWidget(self.attachments, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.viewer)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def refresh(self) -> None:
        ws = self.session.ws
        sources = ws.evidence.sources_for_case(self.case_id)
        self._source_titles = {s.id: s.title for s in sources}
        attachments = list(ws.attachments.for_case(self.case_id))
        for source in sources:
            attachments.extend(ws.attachments.for_source(source.id))
        shown = self.viewer.attachment.id if self.viewer.attachment else None
        self.sources.set_records(sources)
        self.attachments.set_records(attachments)
        if shown is not None and not any(a.id == shown for a in attachments):
            self.viewer.clear()

    def clear(self) -> None:
        self.viewer.clear()
        self.sources.clear()
        self.attachments.clear()
        self._source_titles = {}

    def _show(self, attachment: Attachment | None) -> None:
        if attachment is None:
            return
        if self.viewer.attachment is not None and self.viewer.attachment.id == attachment.id:
            return
        self.viewer.show_attachment(attachment.id, attachment)

    def add_source(self) -> None:
        SourceDialog(self.session, case_id=self.case_id, parent=self).exec()

    def edit_source(self, source: Source) -> None:
        SourceDialog(self.session, source=source, parent=self).exec()

    def attach_file(self) -> None:
        path = file_dialogs.open_file(self, self.tr("Attach a file"))
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            show_error(self, exc)
            return
        self.attach_bytes(data, path.name)

    def attach_bytes(self, data: bytes, filename: str, media_type: str | None = None) -> None:
        """Encrypt ``data`` into the vault as an attachment of this case (or selected source)."""
        media = media_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        source = self.sources.current_record()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if source is not None:
                self.session.ws.attachments.add(
                    data, filename, media_type=media, source_id=source.id
                )
            else:
                self.session.ws.attachments.add(
                    data, filename, media_type=media, case_id=self.case_id
                )
        except Exception as exc:
            show_error(self, exc)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.session.committed()
