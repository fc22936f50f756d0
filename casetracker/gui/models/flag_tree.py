"""Open flags grouped by severity (critical, warnings, reminders), worst first within each."""

import uuid
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from casetracker.gui import style
from casetracker.gui.labels import rule_title, severity_group_label
from casetracker.gui.locale_format import date_text
from casetracker.rules.flag import Flag, Severity
from casetracker.services.cases import CaseRow

FLAG_ROLE = Qt.ItemDataRole.UserRole + 10
SORT_ROLE = Qt.ItemDataRole.UserRole
GROUP_ORDER = (Severity.CRITICAL, Severity.WARNING, Severity.INFO)


class FlagTreeModel(QStandardItemModel):
    def __init__(self) -> None:
        super().__init__()
        self._flags: list[Flag] = []
        self._set_headers()

    def _set_headers(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                self.tr("Case"),
                self.tr("Name"),
                self.tr("What"),
                self.tr("Days since\nproof of life"),
                self.tr("Flag raised"),
            ]
        )

    @property
    def current_flags(self) -> list[Flag]:
        return list(self._flags)

    def clear_flags(self) -> None:
        self.set_flags([], {})

    def set_flags(self, flags: Sequence[Flag], cases: dict[uuid.UUID, CaseRow]) -> None:
        self.clear()
        self._set_headers()
        self._flags = list(flags)
        today = date.today()
        root = self.invisibleRootItem()
        for severity in GROUP_ORDER:
            members = [f for f in flags if f.severity is severity]
            if not members:
                continue
            group = QStandardItem(severity_group_label(severity, len(members)))
            group.setEditable(False)
            group.setFont(style.bold(group.font()))
            group.setForeground(style.SEVERITY_FOREGROUND[severity])
            blanks = [QStandardItem() for _ in range(4)]
            for blank in blanks:
                blank.setEditable(False)
            root.appendRow([group, *blanks])
            for flag in members:
                group.appendRow(self._row(flag, cases, today))

    def _row(self, flag: Flag, cases: dict[uuid.UUID, CaseRow], today: date) -> list[QStandardItem]:
        row = cases.get(flag.case_id) if flag.case_id else None
        if flag.case_id is not None:
            subject = flag.case_ref or ""
            name = row.full_name if row else ""
        else:
            subject = flag.facility_name or ""
            name = self.tr("%n case(s) at this place", "", len(flag.case_refs))
        days: int | None
        if row is not None and row.last_proof_of_life is not None:
            days = (today - row.last_proof_of_life.date()).days
        elif flag.case_id is None:
            days = flag.numbers.get("days")
        else:
            days = None
        texts = [
            subject,
            name,
            rule_title(flag.rule),
            self.tr("never heard") if days is None else str(days),
            date_text(flag.since),
        ]
        items = []
        for column, text in enumerate(texts):
            item = QStandardItem(text)
            item.setEditable(False)
            item.setData(flag, FLAG_ROLE)
            item.setToolTip(flag.message)
            if column == 3:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == 2:
                item.setForeground(style.SEVERITY_FOREGROUND[flag.severity])
            items.append(item)
        return items

    def flag_at(self, index: QModelIndex | QPersistentModelIndex) -> Flag | None:
        if not index.isValid():
            return None
        value = index.sibling(index.row(), 0).data(FLAG_ROLE)
        return value if isinstance(value, Flag) else None
