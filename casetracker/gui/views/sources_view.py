"""Sources: documents, photos, reports and testimonies, and every case and place each backs."""

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui import style
from casetracker.gui.dialogs.source_dialog import SourceDialog
from casetracker.gui.labels import source_kind_label, status_label, verification_label
from casetracker.gui.locale_format import date_text, size_text
from casetracker.gui.models.column_table import Column
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.attachment_viewer import AttachmentViewer
from casetracker.gui.widgets.list_detail import list_beside_panel
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model import Attachment, Case, Facility
from casetracker.services.errors import NotFound
from casetracker.services.evidence import SourceRow
from casetracker.services.search_text import fold


class SourcesView(QWidget):
    case_activated = Signal(object)
    place_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        self.current: SourceRow | None = None
        self._backs: dict[uuid.UUID, tuple[int, int]] = {}
        title = QLabel(self.tr("Sources"), self)
        style.set_role(title, "title")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find a source by title or reference"))
        self.search.setAccessibleName(self.tr("Search sources"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.new_button = QPushButton(self.tr("New source…"), self)
        self.new_button.clicked.connect(self.new_source)
        self.table: RecordTable[SourceRow] = RecordTable(
            [
                Column(self.tr("Title"), lambda s: s.title, tooltip=lambda s: s.reference),
                Column(self.tr("Kind"), lambda s: source_kind_label(s.kind)),
                Column(self.tr("Verification"), lambda s: verification_label(s.verification)),
                Column(
                    self.tr("Date"),
                    lambda s: date_text(s.published_on),
                    sort=lambda s: s.published_on.isoformat() if s.published_on else "",
                ),
                Column(
                    self.tr("Backs"),
                    self._backs_text,
                    sort=lambda s: sum(self._backs.get(s.id, (0, 0))),
                ),
            ],
            self,
        )
        self.table.setAccessibleName(self.tr("Sources"))
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # A→Z, А→Я
        self.table.selected_record.connect(self._select)
        self.table.activated_record.connect(lambda _s: self.edit())

        panel = QFrame(self)
        style.set_role(panel, "panel")
        self.heading = QLabel(panel)
        self.heading.setWordWrap(True)
        style.set_role(self.heading, "title")
        self.facts = QLabel(panel)
        self.facts.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit…"), panel)
        self.edit_button.clicked.connect(self.edit)
        self.cases: RecordTable[Case] = RecordTable(
            [
                Column(self.tr("Ref"), lambda c: c.ref),
                Column(self.tr("Name"), lambda c: c.full_name),
                Column(self.tr("Status"), lambda c: status_label(c.status)),
            ],
            panel,
            whole_columns=(1,),
        )
        self.cases.setAccessibleName(self.tr("Cases this source backs"))
        self.cases.activated_record.connect(lambda c: self.case_activated.emit(c.id))
        self.places: RecordTable[Facility] = RecordTable(
            [
                Column(self.tr("Place"), lambda f: f.name),
                Column(self.tr("Settlement"), lambda f: f.settlement),
            ],
            panel,
        )
        self.places.setAccessibleName(self.tr("Places this source backs"))
        self.places.activated_record.connect(lambda f: self.place_activated.emit(f.id))
        self.files: RecordTable[Attachment] = RecordTable(
            [
                Column(self.tr("File"), lambda a: a.filename),
                Column(self.tr("Size"), lambda a: size_text(a.size), sort=lambda a: a.size),
            ],
            panel,
        )
        self.viewer: AttachmentViewer | None = None
        self.files.setAccessibleName(self.tr("Attached files"))
        self.files.selected_record.connect(self._show_file)
        self.tabs = QTabWidget(panel)
        self.tabs.addTab(self.cases, self.tr("Cases"))
        self.tabs.addTab(self.places, self.tr("Places"))
        self.files_page = QWidget(panel)
        self.files_layout = QVBoxLayout(self.files_page)
        self.files_layout.setContentsMargins(0, 0, 0, 0)
        self.files_layout.addWidget(self.files, 1)
        self.tabs.addTab(self.files_page, self.tr("Attachments"))
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        panel_layout = QVBoxLayout(panel)
        panel_layout.addLayout(head)
        panel_layout.addWidget(self.facts)
        panel_layout.addWidget(self.tabs, 1)

        splitter = list_beside_panel(self, [self.search, self.new_button], self.table, panel)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)
        self._select(None)

    def _backs_text(self, source: SourceRow) -> str:
        cases, places = self._backs.get(source.id, (0, 0))
        text = self.tr("%n case(s)", "", cases)
        if places:
            text += ", " + self.tr("%n place(s)", "", places)
        return text

    def set_session(self, session: VaultSession | None) -> None:
        if self.viewer is not None:
            self.viewer.clear()
            self.viewer.deleteLater()
            self.viewer = None
        self.session = session
        if session is None:
            for table in (self.table, self.cases, self.places, self.files):
                table.clear()
            self._backs = {}
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self._select(None)
        else:
            self.viewer = AttachmentViewer(session, self.files_page)
            self.files_layout.addWidget(self.viewer)
            self.viewer.setMinimumHeight(200)
            self.refresh()

    def refresh(self) -> None:
        if self.session is None or not self.session.is_open:
            return
        ws = self.session.ws
        keep = self.current.id if self.current else None
        sources = ws.evidence.source_rows()
        query = fold(self.search.text())
        if query:
            sources = [s for s in sources if query in fold(f"{s.title} {s.reference} {s.notes}")]
        self._backs = ws.evidence.backing_counts()
        self.table.set_records(sources)
        if not self.table.select_first_where(lambda r: keep is None or r.id == keep):
            self._select(None)

    def _select(self, source: SourceRow | None) -> None:
        self.current = source
        self.edit_button.setEnabled(source is not None)
        if self.viewer is not None:
            self.viewer.clear()
        if source is None or self.session is None:
            self.heading.setText(self.tr("Select a source"))
            self.facts.clear()
            for table in (self.cases, self.places, self.files):
                table.clear()
            return
        ws = self.session.ws
        self.heading.setText(source.title)
        facts = [
            f"{source_kind_label(source.kind)} · {verification_label(source.verification)}"
            f" · {date_text(source.published_on)}"
        ]
        if source.reference:
            facts.append(source.reference)
        if source.notes:
            facts.append(source.notes)
        self.facts.setText("\n".join(facts))
        cases, places = ws.evidence.backed_by(source.id)
        self.cases.set_records(cases)
        self.places.set_records(places)
        self.files.set_records(ws.attachments.for_source(source.id))
        self.tabs.setTabText(0, self.tr("Cases (%1)").replace("%1", str(len(cases))))
        self.tabs.setTabText(1, self.tr("Places (%1)").replace("%1", str(len(places))))

    def _show_file(self, attachment: Attachment | None) -> None:
        if attachment is not None and self.viewer is not None:
            self.viewer.show_attachment(attachment.id, attachment)

    def edit(self) -> None:
        if self.session is None or self.current is None:
            return
        try:
            source = self.session.ws.evidence.get_source(self.current.id)
        except NotFound:  # gone since the list was read: show the list as it is now
            self.refresh()
            return
        SourceDialog(self.session, source=source, parent=self).exec()

    def new_source(self) -> None:
        if self.session is not None:
            SourceDialog(self.session, parent=self).exec()
