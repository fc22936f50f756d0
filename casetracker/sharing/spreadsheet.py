"""Organisations' own spreadsheets (CSV or XLSX), read as untrusted, mapped to import rows.

Three steps, each usable on its own by the CLI and by the GUI's import wizard:

1. ``read_sheet`` turns the file into a header and rows of text, within explicit limits
   (file size, rows, columns, characters per cell; cells per row and per sheet, counted by
   ``sheet_scan`` before a parser builds a row; for XLSX also the ZIP inside, which is checked
   for bombs before openpyxl sees it, and read in openpyxl's streaming read-only mode, with
   defusedxml).
2. ``guess_mapping`` maps header names (Russian or English, as people write them) to the fields
   of ``canonical_csv.ImportRow``; a ``SheetMapping`` can be edited, saved as JSON
   (``mapping_to_json``/``mapping_from_json``) and kept in the vault for the next time.
3. ``parse`` turns the rows into ``ImportRow``s for ``ImportService.apply`` — the one path that
   writes imported cases — or into per-row errors (line number and reason, naming the column as
   the spreadsheet calls it). ``preview`` does the same for the first rows.

Values are read the way caseworkers write them: dates as DD.MM.YYYY, ISO YYYY-MM-DD, or
DD/MM/YYYY when the day is above 12 (otherwise it could be an American month first and is
reported instead of guessed); statuses in words ("задержан", "отправлен на фронт"…); "аноним"
for a relative who must stay anonymous; "(имя изменено)" after a changed name.
"""

import csv
import hashlib
import io
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, NoReturn

from casetracker import cancellation
from casetracker.i18n import QT_TRANSLATE_NOOP, format_date, translate
from casetracker.model import CaseStatus, FacilityKind
from casetracker.model.uncertain_date import UncertainDate
from casetracker.sharing import strict_json
from casetracker.sharing.canonical_csv import Day, ImportRow, ParsedCsv, RowError
from casetracker.sharing.errors import SpreadsheetError, too_large
from casetracker.sharing.sheet_scan import (
    MAX_CELLS,
    MAX_ROW_CELLS,
    CsvLines,
    row_too_wide,
    scan_xlsx,
    too_many_cells,
)

MAX_CSV_BYTES = 50 * 1024 * 1024
MAX_XLSX_BYTES = 20 * 1024 * 1024
# The XML inside an XLSX, uncompressed, and how much smaller than that it may claim to be.
MAX_XLSX_UNPACKED = 256 * 1024 * 1024
MAX_XLSX_RATIO = 100
MAX_XLSX_MEMBERS = 2_000
MAX_ROWS = 200_000
MAX_COLUMNS = 100
MAX_CELL_CHARS = 20_000
MAX_MAPPING_BYTES = 256 * 1024
MAPPING_FORMAT = "casetracker-sheet-mapping"
MAPPING_VERSION = 1
IGNORE = ""

# Target fields a column can feed, with the labels the GUI shows (``translate("sharing", …)``).
FIELDS: dict[str, str] = {
    "case_ref": QT_TRANSLATE_NOOP("sharing", "Case reference"),
    "full_name": QT_TRANSLATE_NOOP("sharing", "Full name"),
    "aliases": QT_TRANSLATE_NOOP("sharing", "Other spellings"),
    "birth_date": QT_TRANSLATE_NOOP("sharing", "Date of birth"),
    "home_region": QT_TRANSLATE_NOOP("sharing", "Home region"),
    "military_unit": QT_TRANSLATE_NOOP("sharing", "Military unit"),
    "contract_type": QT_TRANSLATE_NOOP("sharing", "Contract"),
    "status": QT_TRANSLATE_NOOP("sharing", "Status"),
    "refusal_date": QT_TRANSLATE_NOOP("sharing", "Refusal date"),
    "detention_date": QT_TRANSLATE_NOOP("sharing", "Detention date"),
    "facility": QT_TRANSLATE_NOOP("sharing", "Where held"),
    "facility_kind": QT_TRANSLATE_NOOP("sharing", "Kind of place"),
    "settlement": QT_TRANSLATE_NOOP("sharing", "Settlement of the place"),
    "region": QT_TRANSLATE_NOOP("sharing", "Region of the place"),
    "custody_since": QT_TRANSLATE_NOOP("sharing", "Held there since"),
    "relative_name": QT_TRANSLATE_NOOP("sharing", "Relative (name, or 'anonymous')"),
    "relative_relationship": QT_TRANSLATE_NOOP("sharing", "Relationship"),
    "relative_phone": QT_TRANSLATE_NOOP("sharing", "Relative's phone"),
    "relative_anonymous": QT_TRANSLATE_NOOP("sharing", "Relative stays anonymous"),
    "relative_share_with_lawyer": QT_TRANSLATE_NOOP("sharing", "May share with a lawyer"),
    "last_contact_date": QT_TRANSLATE_NOOP("sharing", "Last contact"),
    "last_contact_direct": QT_TRANSLATE_NOOP("sharing", "Heard him directly?"),
    "last_contact_note": QT_TRANSLATE_NOOP("sharing", "What was said"),
    "notes": QT_TRANSLATE_NOOP("sharing", "Notes"),
}

# Header names as people write them (after ``_norm``), per field.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "case_ref": ("номер дела", "дело", "case ref", "case reference", "reference", "ref", "case id"),
    "full_name": (
        "фио",
        "фамилия имя отчество",
        "имя",
        "полное имя",
        "фамилия и имя",
        "name",
        "full name",
        "full_name",
        "detainee",
        "задержанный",
    ),
    "aliases": ("другие написания", "псевдонимы", "алиасы", "aliases", "other spellings"),
    "birth_date": (
        "дата рождения",
        "др",
        "год рождения",
        "birth date",
        "date of birth",
        "dob",
        "born",
    ),
    "home_region": (
        "регион",
        "регион проживания",
        "домашний регион",
        "откуда",
        "home region",
        "region",
        "region of origin",
    ),
    "military_unit": ("часть", "в ч", "воинская часть", "номер части", "unit", "military unit"),
    "contract_type": ("контракт", "тип контракта", "contract", "contract type"),
    "status": ("статус", "положение", "состояние", "status", "situation"),
    "refusal_date": (
        "дата рапорта об отказе",
        "дата рапорта",
        "дата отказа",
        "рапорт об отказе",
        "refusal date",
        "date of refusal",
        "refused on",
    ),
    "detention_date": (
        "дата задержания",
        "задержан с",
        "detention date",
        "detained on",
        "detained since",
    ),
    "facility": (
        "где содержится",
        "место содержания",
        "место",
        "где",
        "facility",
        "place",
        "held at",
        "where held",
        "location",
    ),
    "facility_kind": ("тип места", "вид места", "facility kind", "kind of place"),
    "settlement": ("населенный пункт", "город", "нп", "settlement", "town", "city"),
    "region": (
        "регион содержания",
        "регион места",
        "facility region",
        "region held",
        "region of detention",
    ),
    "custody_since": ("содержится с", "там с", "held since", "custody since"),
    "relative_name": (
        "контакт родственник",
        "контакт",
        "родственник",
        "контактное лицо",
        "заявитель",
        "contact",
        "relative",
        "contact person",
        "relative name",
    ),
    "relative_relationship": (
        "кем приходится",
        "родство",
        "степень родства",
        "relationship",
        "relation",
    ),
    "relative_phone": ("телефон", "тел", "номер телефона", "phone", "telephone", "phone number"),
    "relative_anonymous": ("аноним", "анонимно", "anonymous", "stays anonymous"),
    "relative_share_with_lawyer": (
        "можно адвокату",
        "согласие на передачу адвокату",
        "share with lawyer",
    ),
    "last_contact_date": (
        "последняя связь",
        "дата последней связи",
        "последний контакт",
        "last contact",
        "last contact date",
        "last heard",
    ),
    "last_contact_direct": (
        "связь напрямую",
        "напрямую",
        "сам выходил на связь",
        "direct",
        "heard directly",
        "proof of life",
    ),
    "last_contact_note": ("что сказал", "содержание связи", "last contact note", "what was said"),
    "notes": (
        "комментарий",
        "комментарии",
        "примечание",
        "примечания",
        "заметки",
        "notes",
        "comment",
        "comments",
    ),
}

# Status words (after ``_norm``) -> status; the canonical values are accepted too.
STATUS_WORDS: dict[str, CaseStatus] = {
    "служит": CaseStatus.SERVING,
    "на службе": CaseStatus.SERVING,
    "отказ подан": CaseStatus.REFUSED,
    "отказался": CaseStatus.REFUSED,
    "написал отказ": CaseStatus.REFUSED,
    "отказник": CaseStatus.REFUSED,
    "задержан": CaseStatus.DETAINED,
    "задержана": CaseStatus.DETAINED,
    "под стражей": CaseStatus.DETAINED,
    "в плену у своих": CaseStatus.DETAINED,
    "содержится": CaseStatus.DETAINED,
    "переведен": CaseStatus.TRANSFERRED,
    "переведена": CaseStatus.TRANSFERRED,
    "перевезен": CaseStatus.TRANSFERRED,
    "неизвестно где": CaseStatus.WHEREABOUTS_UNKNOWN,
    "местонахождение неизвестно": CaseStatus.WHEREABOUTS_UNKNOWN,
    "пропал": CaseStatus.WHEREABOUTS_UNKNOWN,
    "пропал без вести": CaseStatus.WHEREABOUTS_UNKNOWN,
    "освобожден": CaseStatus.RELEASED,
    "освобождена": CaseStatus.RELEASED,
    "отпущен": CaseStatus.RELEASED,
    "дома": CaseStatus.HOME,
    "вернулся домой": CaseStatus.HOME,
    "отправлен на фронт": CaseStatus.RETURNED_TO_FRONT,
    "вернули на фронт": CaseStatus.RETURNED_TO_FRONT,
    "на фронте": CaseStatus.RETURNED_TO_FRONT,
    "контракт расторгнут": CaseStatus.CONTRACT_TERMINATED,
    "уволен": CaseStatus.CONTRACT_TERMINATED,
    "погиб": CaseStatus.DECEASED,
    "умер": CaseStatus.DECEASED,
    "returned home": CaseStatus.HOME,
    "sent back to the front": CaseStatus.RETURNED_TO_FRONT,
    "whereabouts unknown": CaseStatus.WHEREABOUTS_UNKNOWN,
    "contract terminated": CaseStatus.CONTRACT_TERMINATED,
    **{s.value.replace("_", " "): s for s in CaseStatus},
}

_ANONYMOUS = {"аноним", "анонимно", "анонимный", "не называть", "anonymous", "anon"}
_UNKNOWN_PLACE = {"неизвестно", "не известно", "нет данных", "unknown", "n a", "?"}
_TRUE = {"да", "д", "yes", "y", "true", "1", "+", "напрямую", "сам"}
_FALSE = {"нет", "н", "no", "n", "false", "0", "-", ""}
_CHANGED_NAME = re.compile(
    r"\(\s*(имя изменено|изменено|псевдоним|name changed|changed name|pseudonym)\s*\)", re.I
)
_PLACE_KINDS: tuple[tuple[str, FacilityKind], ...] = (
    ("подвал", FacilityKind.BASEMENT),
    ("basement", FacilityKind.BASEMENT),
    ("гараж", FacilityKind.GARAGE),
    ("garage", FacilityKind.GARAGE),
    ("сизо", FacilityKind.PRETRIAL_PRISON),
    ("pre-trial", FacilityKind.PRETRIAL_PRISON),
    ("прокуратур", FacilityKind.PROSECUTORS_OFFICE),
    ("prosecutor", FacilityKind.PROSECUTORS_OFFICE),
    ("госпиталь", FacilityKind.HOSPITAL),
    ("больниц", FacilityKind.HOSPITAL),
    ("hospital", FacilityKind.HOSPITAL),
    ("центр содержания", FacilityKind.DETENTION_CENTRE),
    ("изолятор", FacilityKind.DETENTION_CENTRE),
    ("detention", FacilityKind.DETENTION_CENTRE),
    ("в/ч", FacilityKind.MILITARY_UNIT),
    ("часть", FacilityKind.MILITARY_UNIT),
)


def _norm(text: str) -> str:
    """Case-, punctuation- and ё-insensitive form of a header or a word."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def status_key(text: str) -> str:
    """How a status word is looked up: normalised, or as typed if it is only punctuation."""
    return _norm(text) or " ".join(text.casefold().split())


_STATUS_BY_NORM = {status_key(k): v for k, v in STATUS_WORDS.items()}
_SYNONYMS_BY_NORM = {
    field_name: tuple(_norm(s) for s in names) for field_name, names in _SYNONYMS.items()
}


# -- the sheet ------------------------------------------------------------------------------
@dataclass(frozen=True)
class SheetRow:
    line: int  # the line (CSV) or row number (XLSX) a person sees in their spreadsheet
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Sheet:
    headers: tuple[str, ...]
    rows: tuple[SheetRow, ...]
    kind: str  # "csv" or "xlsx"
    # Lines the file format itself garbled (e.g. a stray quote in a CSV).
    unreadable: tuple[RowError, ...] = ()

    @property
    def signature(self) -> str:
        """Identifies the header row's shape, to find a saved mapping again."""
        joined = "\x1f".join(_norm(h) for h in self.headers)
        return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def _sheet_error(message: str) -> NoReturn:
    raise SpreadsheetError(message)


def read_sheet(untrusted: bytes, filename: str = "") -> Sheet:
    """A CSV or XLSX file as header + rows of text; SpreadsheetError when it cannot be read."""
    if untrusted[:4] == b"PK\x03\x04" or filename.lower().endswith((".xlsx", ".xlsm")):
        return _read_xlsx(untrusted)
    return _read_csv(untrusted)


def _clean_headers(raw: Sequence[str]) -> tuple[str, ...]:
    """Trimmed headers; empty ones named by position, repeated ones numbered."""
    seen: dict[str, int] = {}
    out = []
    for i, header in enumerate(raw, start=1):
        name = " ".join(str(header).split()) or translate("sharing", "column {n}").format(n=i)
        count = seen.get(name, 0) + 1
        seen[name] = count
        out.append(name if count == 1 else f"{name} ({count})")
    return tuple(out)


def _check_shape(headers: Sequence[str]) -> None:
    if not headers:
        _sheet_error(translate("sharing", "The spreadsheet is empty."))
    if len(headers) > MAX_COLUMNS:
        _sheet_error(
            translate("sharing", "The spreadsheet has more than {n} columns.").format(n=MAX_COLUMNS)
        )


def _decode(untrusted: bytes) -> str:
    try:
        return untrusted.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:  # Excel's "CSV" on a Russian Windows
        return untrusted.decode("cp1251")
    except UnicodeDecodeError:
        _sheet_error(translate("sharing", "The file is neither UTF-8 nor Windows-1251 text."))


def _read_csv(untrusted: bytes) -> Sheet:
    if len(untrusted) > MAX_CSV_BYTES:
        _sheet_error(too_large(translate("sharing", "The spreadsheet"), MAX_CSV_BYTES))
    text = _decode(untrusted)
    if "\x00" in text:
        _sheet_error(
            translate("sharing", "The file contains binary data; it is not a spreadsheet.")
        )
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    csv.field_size_limit(MAX_CELL_CHARS)
    lines = CsvLines(text, delimiter)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        _sheet_error(
            translate("sharing", "The header line cannot be read ({reason}).").format(reason=exc)
        )
    lines.record_read()
    if not header or not any(h.strip() for h in header):
        _sheet_error(translate("sharing", "The spreadsheet is empty."))
    _check_shape(header)
    rows: list[SheetRow] = []
    unreadable: list[RowError] = []
    cells = 0
    while True:
        cancellation.check()  # a lock stops reading a long sheet here
        line = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            lines.record_read()
            unreadable.append(
                RowError(
                    line,
                    translate("sharing", "cannot be read as CSV ({reason})").format(reason=exc),
                )
            )
            if len(unreadable) > 1000:
                _sheet_error(
                    translate("sharing", "Too many lines cannot be read; is this a CSV file?")
                )
            continue
        lines.record_read()
        if len(values) > MAX_ROW_CELLS:
            row_too_wide(line)
        cells = _add_row(rows, line, values, cells)
    return Sheet(_clean_headers(header), tuple(rows), "csv", tuple(unreadable))


def _check_xlsx_container(untrusted: bytes) -> None:
    """Zip-bomb and shape checks on the XLSX container before openpyxl parses anything."""
    if len(untrusted) > MAX_XLSX_BYTES:
        _sheet_error(too_large(translate("sharing", "The spreadsheet"), MAX_XLSX_BYTES))
    try:
        with zipfile.ZipFile(io.BytesIO(untrusted)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_XLSX_MEMBERS:
                _sheet_error(translate("sharing", "The XLSX file has too many parts."))
            total = 0
            for info in infos:
                if info.flag_bits & 0x1:
                    _sheet_error(translate("sharing", "The XLSX file is password-protected."))
                total += info.file_size
                if info.file_size > 1024 * 1024 and info.file_size > MAX_XLSX_RATIO * max(
                    info.compress_size, 1
                ):
                    _sheet_error(
                        translate("sharing", "The XLSX file expands far more than real data does.")
                    )
            if total > MAX_XLSX_UNPACKED:
                _sheet_error(
                    too_large(translate("sharing", "The unpacked XLSX file"), MAX_XLSX_UNPACKED)
                )
            if "xl/workbook.xml" not in {i.filename for i in infos}:
                _sheet_error(translate("sharing", "This is not an Excel workbook (.xlsx)."))
            scan_xlsx(archive)
    # NotImplementedError: a ZIP feature zipfile lacks (a "version needed" above 6.3, …);
    # zlib.error: a part whose compressed data is broken, met while ``scan_xlsx`` reads it.
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        EOFError,
        NotImplementedError,
        zlib.error,
    ):
        _sheet_error(translate("sharing", "The XLSX file is damaged or not an Excel workbook."))


def _add_row(rows: list[SheetRow], line: int, values: Sequence[str], cells: int) -> int:
    """Keeps a row that is not blank, within the row and cell limits; the cells kept so far."""
    if len(rows) >= MAX_ROWS:
        _sheet_error(
            translate("sharing", "The spreadsheet has more than {n} rows.").format(n=MAX_ROWS)
        )
    kept = _row_cells(values)
    if not kept:
        return cells
    cells += len(kept)
    if cells > MAX_CELLS:
        too_many_cells(MAX_CELLS)
    rows.append(SheetRow(line, kept))
    return cells


def _row_cells(values: Sequence[str]) -> tuple[str, ...]:
    """The first ``MAX_COLUMNS`` cells up to the last filled one; empty for a blank row."""
    end = min(len(values), MAX_COLUMNS)
    while end and not values[end - 1].strip():
        end -= 1
    return tuple(values[:end])


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text[:MAX_CELL_CHARS]


def _read_xlsx(untrusted: bytes) -> Sheet:
    _check_xlsx_container(untrusted)
    import openpyxl  # only here: a CSV import never pays for it

    try:
        book = openpyxl.load_workbook(
            io.BytesIO(untrusted), read_only=True, data_only=True, keep_links=False
        )
    except Exception:  # openpyxl raises many types for hostile files
        _sheet_error(
            translate("sharing", "The XLSX file cannot be read; save it again from Excel.")
        )
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            _sheet_error(translate("sharing", "The workbook has no sheet."))
        rows_iter: Iterator[tuple[Any, ...]] = sheet.iter_rows(
            values_only=True, max_col=MAX_COLUMNS + 1
        )
        header: list[str] | None = None
        rows: list[SheetRow] = []
        filled = 0
        try:
            for number, values in enumerate(rows_iter, start=1):
                cancellation.check()  # a lock stops reading a long sheet here
                if values.count(None) == len(values):
                    continue  # openpyxl yields every missing row; skip them cheaply
                cells = [_cell_text(v) for v in values]
                if header is None:
                    if not any(c.strip() for c in cells):
                        continue  # blank lines above the header
                    while cells and not cells[-1].strip():
                        cells.pop()
                    _check_shape(cells)
                    header = cells
                    continue
                filled = _add_row(rows, number, cells, filled)
        except (SpreadsheetError, cancellation.Cancelled):
            raise
        except Exception:
            _sheet_error(
                translate("sharing", "The XLSX file is damaged; save it again from Excel.")
            )
    finally:
        book.close()
    if header is None:
        _sheet_error(translate("sharing", "The spreadsheet is empty."))
    return Sheet(_clean_headers(header), tuple(rows), "xlsx")


# -- mapping --------------------------------------------------------------------------------
@dataclass
class SheetMapping:
    """Column header -> target field (``IGNORE`` to leave it out), plus extra status words."""

    columns: dict[str, str] = field(default_factory=dict)
    statuses: dict[str, CaseStatus] = field(default_factory=dict)

    def field_of(self, header: str) -> str:
        return self.columns.get(header, IGNORE)

    def header_of(self, target: str) -> str | None:
        return next((h for h, f in self.columns.items() if f == target), None)

    def missing_required(self) -> list[str]:
        return [] if self.header_of("full_name") else ["full_name"]


def guess_mapping(headers: Sequence[str]) -> SheetMapping:
    """Each header to the field whose usual names match it best; each field used once."""
    mapping = SheetMapping(columns={h: IGNORE for h in headers})
    taken: set[str] = set()
    # Exact names first (so "Регион содержания" is not taken by "Регион"), then word subsets.
    for exact in (True, False):
        for header in headers:
            if mapping.columns[header]:
                continue
            best = _best_field(_norm(header), taken, exact)
            if best:
                mapping.columns[header] = best
                taken.add(best)
    return mapping


def _best_field(header: str, taken: set[str], exact: bool) -> str:
    if not header:
        return IGNORE
    words = set(header.split())
    best, best_len = IGNORE, 0
    for target, names in _SYNONYMS_BY_NORM.items():
        if target in taken:
            continue
        for name in names:
            hit = name == header if exact else bool(name) and set(name.split()) <= words
            if hit and len(name) > best_len:
                best, best_len = target, len(name)
    return best


def mapping_to_json(mapping: SheetMapping) -> bytes:
    return strict_json.pretty(
        {
            "format": MAPPING_FORMAT,
            "version": MAPPING_VERSION,
            "columns": {h: (f or None) for h, f in mapping.columns.items()},
            "statuses": {word: status.value for word, status in mapping.statuses.items()},
        }
    )


def mapping_from_json(untrusted: bytes) -> SheetMapping:
    value = strict_json.loads(
        untrusted, what=translate("sharing", "The mapping file"), max_bytes=MAX_MAPPING_BYTES,
        error=SpreadsheetError,
    )  # fmt: skip

    def bad(reason: str) -> NoReturn:
        _sheet_error(
            translate("sharing", "The mapping file is not valid: {reason}.").format(reason=reason)
        )

    if not isinstance(value, dict) or value.get("format") != MAPPING_FORMAT:
        bad(translate("sharing", "it is not a Casetracker column mapping"))
    if value.get("version") != MAPPING_VERSION:
        bad(translate("sharing", "unknown version"))
    if set(value) - {"format", "version", "columns", "statuses"}:
        bad(translate("sharing", "unknown key"))
    columns = value.get("columns", {})
    statuses = value.get("statuses", {})
    if not isinstance(columns, dict) or not isinstance(statuses, dict):
        bad(translate("sharing", "columns and statuses must be objects"))
    if len(columns) > MAX_COLUMNS or len(statuses) > 1000:
        bad(translate("sharing", "too many entries"))
    mapping = SheetMapping()
    used: set[str] = set()
    for header, target in columns.items():
        if len(header) > MAX_CELL_CHARS:
            bad(translate("sharing", "a column name is too long"))
        if target is None or target == IGNORE:
            mapping.columns[" ".join(header.split())] = IGNORE
            continue
        if not isinstance(target, str) or target not in FIELDS:
            bad(translate("sharing", "“{name}” is not a field").format(name=str(target)[:40]))
        if target in used:
            bad(translate("sharing", "two columns feed {name}").format(name=target))
        used.add(target)
        mapping.columns[" ".join(header.split())] = target
    for word, status in statuses.items():
        if not isinstance(status, str):
            bad(translate("sharing", "a status must be text"))
        try:
            mapping.statuses[status_key(word)] = CaseStatus(status)
        except ValueError:
            bad(translate("sharing", "“{name}” is not a status").format(name=str(status)[:40]))
    return mapping


def mapping_for_sheet(saved: SheetMapping, headers: Sequence[str]) -> SheetMapping:
    """A saved mapping applied to this sheet's headers; new headers are guessed."""
    guessed = guess_mapping([h for h in headers if h not in saved.columns])
    taken = {f for f in saved.columns.values() if f}
    columns = {}
    for header in headers:
        if header in saved.columns:
            columns[header] = saved.columns[header]
        else:
            target = guessed.columns.get(header, IGNORE)
            columns[header] = target if target not in taken else IGNORE
    return SheetMapping(columns=columns, statuses=dict(saved.statuses))


# -- parsing --------------------------------------------------------------------------------
@dataclass(frozen=True)
class PreviewRow:
    line: int
    values: dict[str, str]  # target field -> the text that feeds it
    error: str = ""
    blanked: str = ""  # the cells left empty (``blank_bad_cells``), with why


class UnknownStatus(ValueError):
    """A status word neither built in nor given a meaning in the mapping."""


@dataclass(frozen=True)
class ReadRow:
    """A row as read; ``blanked`` names each secondary cell left empty because it was unreadable."""

    row: ImportRow
    blanked: tuple[str, ...] = ()


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "…"


def parse_sheet_date(text: str) -> date | None:
    """DD.MM.YYYY, YYYY-MM-DD (optionally with a time), or an unambiguous DD/MM/YYYY."""
    text = text.strip()
    if not text:
        return None
    found: date | None = None
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", text):
        day, month, year = (int(p) for p in text.split("."))
        found = _make_date(year, month, day)
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?", text):
        found = _make_date(int(text[:4]), int(text[5:7]), int(text[8:10]))
    elif re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", text):
        day, month, year = (int(p) for p in text.split("/"))
        if day <= 12 and day != month:
            raise ValueError(
                translate(
                    "sharing", "“{text}” could be day/month or month/day; write it as DD.MM.YYYY"
                ).format(text=_short(text))
            )
        found = _make_date(year, month, day)
    if found is None:
        raise ValueError(
            translate("sharing", "“{text}” is not a date (use DD.MM.YYYY or YYYY-MM-DD)").format(
                text=_short(text)
            )
        )
    return found


# What people write for a day nobody remembers: "unknown" (a last contact: "before the import").
VAGUE_PAST = frozenset(
    {"давно", "очень давно", "давным-давно", "давно уже", "уже давно", "long ago", "ages ago"}
)


@dataclass(frozen=True)
class RoughDates:
    """How a sheet's rough date cells ("июль 2024", "около 2023") are read: with the app's own
    reading of typed dates (services/uncertain_dates.py, passed down so both agree), and the
    day of the import, which bounds a vague "давно"."""

    parse: Callable[[str], UncertainDate]  # raises ValueError with a sentence
    today: date


def read_date_cell(text: str, rough: RoughDates | None, *, happened: bool = False) -> Day:
    """An exact day as ``parse_sheet_date`` reads it, else (with ``rough``) a rough one.

    A vague "давно" says nothing of a birth or a detention (unknown); of something that
    ``happened`` and must be placed in time, a last contact, it says "before the import"."""
    try:
        return parse_sheet_date(text)
    except ValueError:
        if rough is None:
            raise
    if _norm(text) in VAGUE_PAST:
        return UncertainDate.before(rough.today) if happened else UncertainDate.unknown()
    try:
        return rough.parse(text)
    except ValueError:
        raise ValueError(
            translate(
                "sharing",
                "“{text}” is not a date (write 20.07.2024, 2024-07-20, a month such as "
                "«июль 2024», a year, «около 2023» or «между 1 и 8 июля 2024»)",
            ).format(text=_short(text))
        ) from None


def vague_note(column: str, text: str, before: date | None) -> str:
    """The line kept in a case's notes for a vague date cell: its words, and how it was read."""
    words = " ".join(text.split())
    if before is None:
        return translate("sharing", "Import: {column} «{text}» was read as unknown").format(
            column=column, text=words
        )
    return translate(
        "sharing", "Import: {column} «{text}» was read as unknown, before {day}"
    ).format(column=column, text=words, day=format_date(before))


def _make_date(year: int, month: int, day: int) -> date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _status(text: str, extra: dict[str, CaseStatus]) -> CaseStatus | None:
    """The status a cell names; None for an empty cell (the importer's default applies)."""
    if not text.strip():
        return None
    key = status_key(text)
    own = {status_key(word): status for word, status in extra.items()}
    found = own.get(key) or _STATUS_BY_NORM.get(key)
    if found is None:
        raise UnknownStatus(
            translate(
                "sharing", "“{text}” is not a status the app knows; say which status it means"
            ).format(text=_short(text))
        )
    return found


def _flag(text: str) -> bool:
    key = _norm(text) if text.strip() not in {"+", "-"} else text.strip()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValueError(translate("sharing", "“{text}” is not yes or no").format(text=_short(text)))


def _phone(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    digits = sum(ch.isdigit() for ch in text)
    if digits < 5 or any(ch.isalpha() for ch in text.replace("доб", "").replace("ext", "")):
        raise ValueError(
            translate("sharing", "“{text}” is not a phone number").format(text=_short(text))
        )
    return text


def _place_kind(name: str) -> FacilityKind:
    folded = name.casefold()
    return next((kind for word, kind in _PLACE_KINDS if word in folded), FacilityKind.OTHER)


def _text(value: str) -> str:
    return " ".join(value.split())


def _row_values(sheet: Sheet, mapping: SheetMapping, row: SheetRow) -> dict[str, tuple[str, str]]:
    """Target field -> (header it came from, raw text)."""
    out: dict[str, tuple[str, str]] = {}
    for i, header in enumerate(sheet.headers):
        target = mapping.field_of(header)
        if target and i < len(row.cells):
            out[target] = (header, row.cells[i])
    return out


def parse_row(
    sheet: Sheet, mapping: SheetMapping, row: SheetRow, rough: RoughDates | None = None
) -> ImportRow:
    """One row as an ImportRow; ValueError naming every unreadable cell otherwise."""
    return read_row(sheet, mapping, row, rough=rough).row


def read_row(
    sheet: Sheet,
    mapping: SheetMapping,
    row: SheetRow,
    *,
    blank_bad_cells: bool = False,
    rough: RoughDates | None = None,
) -> ReadRow:
    """One row, or ValueError naming every unreadable cell.

    With ``blank_bad_cells`` a secondary cell that cannot be read is left empty instead, and its
    text is kept in the case's notes (``blanked_note``), so the man is not left out for a typo
    in his birth date. The name cell stays required.
    """
    raw = _row_values(sheet, mapping, row)
    problems: list[str] = []
    blanked: list[str] = []
    kept: list[str] = []

    def get(name: str) -> str:
        return raw.get(name, ("", ""))[1]

    def read(name: str, convert: Callable[[str], Any], default: Any) -> Any:
        header, text = raw.get(name, ("", ""))
        try:
            return convert(text)
        except ValueError as exc:
            if blank_bad_cells:
                blanked.append(f"{header}: {exc}")
                kept.append(blanked_note(header, text))
            else:
                problems.append(f"{header}: {exc}")
            return default

    def read_day(name: str) -> Day:
        happened = name == "last_contact_date"
        value: Day = read(name, lambda text: read_date_cell(text, rough, happened=happened), None)
        header, text = raw.get(name, ("", ""))
        if rough is not None and _norm(text) in VAGUE_PAST:
            kept.append(vague_note(header, text, rough.today if happened else None))
        return value

    name = _text(get("full_name"))
    changed = bool(_CHANGED_NAME.search(name))
    name = _text(_CHANGED_NAME.sub(" ", name))
    if not name:
        problems.append(
            translate("sharing", "{column} is empty").format(
                column=mapping.header_of("full_name") or ""
            )
        )
    relative = _text(get("relative_name"))
    anonymous = _norm(relative) in _ANONYMOUS
    if "relative_anonymous" in raw:
        anonymous = anonymous or read("relative_anonymous", _flag, False)
    facility = _text(get("facility"))
    if _norm(facility) in _UNKNOWN_PLACE or facility in {"?", "-", "—"}:
        facility = ""
    kind = read("facility_kind", _kind, None) or _place_kind(facility)
    last_contact = read_day("last_contact_date")
    status = read("status", lambda t: _status(t, mapping.statuses), None)
    contact_note = _text(get("last_contact_note"))
    if contact_note and last_contact is None:
        reason = translate("sharing", "a last-contact note is given without its date")
        if blank_bad_cells:
            blanked.append(reason)
            kept.append(blanked_note(raw["last_contact_note"][0], contact_note))
            contact_note = ""
        elif not problems:
            problems.append(reason)
    row_out = ImportRow(
        line=row.line,
        full_name=name,
        case_ref=_text(get("case_ref")).upper(),
        name_is_changed=changed,
        aliases="; ".join(a.strip() for a in get("aliases").split(";") if a.strip()),
        birth_date=read_day("birth_date"),
        home_region=_text(get("home_region")),
        military_unit=_text(get("military_unit")),
        contract_type=_text(get("contract_type")),
        status=status or CaseStatus.REFUSED,
        status_given=status is not None,
        refusal_date=read_day("refusal_date"),
        detention_date=read_day("detention_date"),
        facility=facility,
        facility_kind=kind,
        settlement=_text(get("settlement")),
        region=_text(get("region")),
        custody_since=read_day("custody_since"),
        relative_name="" if anonymous else relative,
        relative_relationship=_text(get("relative_relationship")),
        relative_phone=read("relative_phone", _phone, ""),
        relative_anonymous=anonymous,
        relative_share_with_lawyer=read("relative_share_with_lawyer", _flag, False),
        last_contact_date=last_contact,
        last_contact_direct=read("last_contact_direct", _flag, False) if last_contact else False,
        last_contact_note=contact_note,
        notes=get("notes").strip(),
    )
    if problems:
        raise ValueError("; ".join(problems))
    if kept:
        row_out.notes = "\n".join(n for n in (get("notes").strip(), *kept) if n)
    return ReadRow(row_out, tuple(blanked))


def blanked_note(column: str, text: str) -> str:
    """The line kept in a case's notes for a cell the import left empty."""
    return translate("sharing", "Import: could not read {column} «{text}»").format(
        column=column, text=" ".join(text.split())
    )


def _kind(text: str) -> FacilityKind | None:
    value = _norm(text).replace(" ", "_")
    if not value:
        return None
    try:
        return FacilityKind(value)
    except ValueError:
        raise ValueError(
            translate("sharing", "“{text}” is not a kind of place").format(text=_short(text))
        ) from None


def parse(
    sheet: Sheet,
    mapping: SheetMapping,
    *,
    blank_bad_cells: bool = False,
    rough: RoughDates | None = None,
) -> ParsedCsv:
    """Every row, as an ImportRow or as an error with its line number.

    With ``blank_bad_cells``, rows whose only problems are secondary cells are read with those
    cells empty, and listed in ``blanked`` with what was left out.
    """
    if mapping.missing_required():
        _sheet_error(
            translate("sharing", "No column holds the full name; choose the one that does.")
        )
    result = ParsedCsv(errors=list(sheet.unreadable))
    for row in sheet.rows:
        cancellation.check()  # a lock stops a long check here
        try:
            read = read_row(sheet, mapping, row, blank_bad_cells=blank_bad_cells, rough=rough)
        except ValueError as exc:
            result.errors.append(RowError(row.line, str(exc)))
            continue
        result.rows.append(read.row)
        if read.blanked:
            result.blanked.append(RowError(row.line, "; ".join(read.blanked)))
    result.errors.sort(key=lambda e: e.line)
    return result


def unknown_status_words(sheet: Sheet, mapping: SheetMapping, limit: int = 30) -> list[str]:
    """Words in the status column the app does not know (the mapping may give them a meaning)."""
    header = mapping.header_of("status")
    if header is None:
        return []
    column = sheet.headers.index(header)
    words: dict[str, str] = {}
    for row in sheet.rows:
        text = row.cells[column].strip() if column < len(row.cells) else ""
        key = status_key(text)
        if text and key not in _STATUS_BY_NORM and key not in words:
            words[key] = text
            if len(words) >= limit:
                break
    return list(words.values())


def preview(
    sheet: Sheet,
    mapping: SheetMapping,
    limit: int = 10,
    *,
    blank_bad_cells: bool = False,
    rough: RoughDates | None = None,
) -> list[PreviewRow]:
    """The first rows as the mapping reads them, each with its error if it has one.

    With ``blank_bad_cells``, a row whose only problems are secondary cells has no error; its
    ``blanked`` says which cells will be left empty.
    """
    out = []
    for row in sheet.rows[: max(0, limit)]:
        values = {target: text for target, (_h, text) in _row_values(sheet, mapping, row).items()}
        try:
            read = read_row(sheet, mapping, row, blank_bad_cells=blank_bad_cells, rough=rough)
        except ValueError as exc:
            out.append(PreviewRow(row.line, values, str(exc)))
        else:
            out.append(PreviewRow(row.line, values, blanked="; ".join(read.blanked)))
    return out
