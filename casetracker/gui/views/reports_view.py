"""Reports: the whole picture in numbers — cases by status, place, region and unit."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from casetracker.gui import style
from casetracker.gui.labels import status_label
from casetracker.gui.models.column_table import Column
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model import CaseStatus
from casetracker.services.statistics import overview

Count = tuple[str, int]


class ReportsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        title = QLabel(self.tr("Reports"), self)
        style.set_role(title, "title")
        self.summary = QLabel(self)
        style.set_role(self.summary, "subtitle")
        not_given = self.tr("not recorded")
        self.tables: dict[str, RecordTable[Count]] = {}
        grid = QGridLayout()
        for position, (key, heading, what) in enumerate(
            (
                ("status", self.tr("Cases by status"), self.tr("Status")),
                ("facility", self.tr("Held now, by place"), self.tr("Place")),
                ("region", self.tr("Cases by home region"), self.tr("Region")),
                ("unit", self.tr("Cases by military unit"), self.tr("Unit")),
            )
        ):
            box = QGroupBox(heading, self)
            table: RecordTable[Count] = RecordTable(
                [
                    Column(what, lambda c: c[0] or not_given),
                    Column(
                        self.tr("Cases"), lambda c: str(c[1]), sort=lambda c: c[1], align_right=True
                    ),
                ],
                box,
                stretch_column=0,
            )
            table.setAccessibleName(heading)
            QVBoxLayout(box).addWidget(table)
            self.tables[key] = table
            grid.addWidget(box, position // 2, position % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addLayout(grid, 1)

    def set_session(self, session: VaultSession | None) -> None:
        self.session = session
        if session is None:
            for table in self.tables.values():
                table.clear()
            self.summary.clear()
        else:
            self.refresh()

    def refresh(self) -> None:
        if self.session is None or not self.session.is_open:
            return
        data = overview(self.session.ws)
        self.summary.setText(
            self.tr("%n case(s) in the vault", "", data.total)
            + " · "
            + self.tr("%n still open", "", data.open)
        )
        self.tables["status"].set_records(
            [(status_label(CaseStatus(s)), n) for s, n in data.by_status]
        )
        self.tables["facility"].set_records(data.by_facility)
        self.tables["region"].set_records(data.by_region)
        self.tables["unit"].set_records(data.by_unit)
        for table in self.tables.values():
            table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
