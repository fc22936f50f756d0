"""Importing an organisation's own spreadsheet: load, map columns, preview, import.

The wizard's steps, one method each (the GUI and ``casetracker import-sheet`` share them):
``load`` → ``suggest_mapping`` (the mapping saved in the vault for this header, else a guess)
→ ``preview`` → ``apply``. Applying goes through ``ImportService.apply``, the one path that
writes imported cases, so a spreadsheet import is all-or-nothing exactly like a canonical CSV
import: with unreadable rows and no ``skip_bad``, nothing is written. The mapping is saved in
the vault only after rows were actually imported. Unreadable secondary cells can be left empty
(``blank_bad_cells``), and men already in the vault skipped or updated (``existing``).
"""

import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlmodel import col, select

from casetracker.model import ImportMapping, utcnow
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services.date_input import DateInputError
from casetracker.services.imports import Existing, ImportReport
from casetracker.services.uncertain_dates import parse_uncertain
from casetracker.sharing import spreadsheet
from casetracker.sharing.canonical_csv import ParsedCsv
from casetracker.sharing.spreadsheet import PreviewRow, RoughDates, Sheet, SheetMapping

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

GUESSED = "guessed"
SAVED = "saved"
GIVEN = "given"


@dataclass(frozen=True)
class MappingChoice:
    mapping: SheetMapping
    origin: str  # GUESSED, SAVED or GIVEN


class SpreadsheetImportService:
    def __init__(self, workspace: "OpenVault") -> None:
        self.ws = workspace

    @staticmethod
    def load(untrusted: bytes, filename: str = "") -> Sheet:
        return spreadsheet.read_sheet(untrusted, filename)

    def saved_mapping(self, sheet: Sheet) -> SheetMapping | None:
        with self.ws.reading() as session:
            row = session.exec(
                select(ImportMapping)
                .where(ImportMapping.header_signature == sheet.signature)
                .order_by(col(ImportMapping.last_used).desc())
            ).first()
        if row is None:
            return None
        saved = spreadsheet.mapping_from_json(row.mapping.encode("utf-8"))
        return spreadsheet.mapping_for_sheet(saved, sheet.headers)

    def suggest_mapping(self, sheet: Sheet) -> MappingChoice:
        saved = self.saved_mapping(sheet)
        if saved is not None:
            return MappingChoice(saved, SAVED)
        return MappingChoice(spreadsheet.guess_mapping(sheet.headers), GUESSED)

    @staticmethod
    def preview(
        sheet: Sheet, mapping: SheetMapping, limit: int = 10, *, blank_bad_cells: bool = False
    ) -> list[PreviewRow]:
        return spreadsheet.preview(
            sheet, mapping, limit, blank_bad_cells=blank_bad_cells, rough=rough_dates()
        )

    @staticmethod
    def parse(sheet: Sheet, mapping: SheetMapping, *, blank_bad_cells: bool = False) -> ParsedCsv:
        return spreadsheet.parse(
            sheet, mapping, blank_bad_cells=blank_bad_cells, rough=rough_dates()
        )

    def apply(
        self,
        sheet: Sheet,
        mapping: SheetMapping,
        *,
        dry_run: bool = False,
        skip_bad: bool = False,
        remember: bool = True,
        blank_bad_cells: bool = False,
        existing: Existing = Existing.SKIP,
    ) -> ImportReport:
        """Import the sheet; see ``ImportService.apply`` and ``spreadsheet.parse``."""
        report = self.ws.imports.apply(
            self.parse(sheet, mapping, blank_bad_cells=blank_bad_cells),
            dry_run=dry_run,
            skip_bad=skip_bad,
            existing=existing,
        )
        if report.applied and remember:
            self.save_mapping(sheet, mapping)
        return report

    def save_mapping(self, sheet: Sheet, mapping: SheetMapping, name: str = "") -> None:
        text = spreadsheet.mapping_to_json(mapping).decode("utf-8")
        with self.ws.session() as session:
            row = session.exec(
                select(ImportMapping).where(ImportMapping.header_signature == sheet.signature)
            ).first()
            if row is None:
                session.add(
                    ImportMapping(header_signature=sheet.signature, name=name, mapping=text)
                )
            elif json.loads(row.mapping) != json.loads(text) or (name and row.name != name):
                row.mapping = text
                row.name = name or row.name
                row.last_used = utcnow()
                session.add(row)


def rough_dates(today: date | None = None) -> RoughDates:
    """Date cells read as the app's date fields read them ("июль 2024", "около 2023"), so a
    sheet and a caseworker's typing never disagree; "давно" is bounded by the import's day."""
    today = today or date.today()

    def parse(text: str) -> UncertainDate:
        try:
            return parse_uncertain(text, today=today)
        except DateInputError as exc:
            raise ValueError(str(exc)) from None

    return RoughDates(parse, today)
