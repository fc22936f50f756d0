"""Reading the canonical case CSV (documented in docs/formats.md) from an untrusted file.

Nothing here touches a vault: it turns bytes into checked ``CaseRow`` values or per-line errors,
so the import service can decide to apply all, the good ones, or nothing.
"""

import csv
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar

from casetracker.i18n import translate
from casetracker.model import CaseStatus, FacilityKind
from casetracker.model.uncertain_date import EdtfError, UncertainDate
from casetracker.sharing.sheet_scan import CsvLines

COLUMNS = (
    "case_ref", "full_name", "name_is_changed", "aliases", "birth_date", "home_region",
    "military_unit", "contract_type", "status", "refusal_date", "detention_date", "facility",
    "facility_kind", "settlement", "region", "custody_since", "relative_name",
    "relative_relationship", "relative_phone", "relative_anonymous",
    "relative_share_with_lawyer", "last_contact_date", "last_contact_direct",
    "last_contact_note", "notes",
)  # fmt: skip

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000
MAX_FIELD_CHARS = 20_000

_TRUE = {"yes", "true", "1", "да", "y", "д"}
_FALSE = {"no", "false", "0", "нет", "n", "н", ""}


E = TypeVar("E", CaseStatus, FacilityKind)


class CsvFormatError(Exception):
    """The file as a whole cannot be read; the message says why in plain words."""


@dataclass
class RowError:
    line: int
    reason: str


# A date cell as read: empty, an exact day, or a rough one ("July 2024").
Day = date | UncertainDate | None


@dataclass
class ImportRow:
    line: int
    full_name: str
    case_ref: str = ""
    name_is_changed: bool = False
    aliases: str = ""
    birth_date: Day = None
    home_region: str = ""
    military_unit: str = ""
    contract_type: str = ""
    status: CaseStatus = CaseStatus.REFUSED
    # False when the status cell was empty (or left empty): ``status`` is then only a default.
    status_given: bool = True
    refusal_date: Day = None
    detention_date: Day = None
    facility: str = ""
    facility_kind: FacilityKind = FacilityKind.OTHER
    settlement: str = ""
    region: str = ""
    custody_since: Day = None
    relative_name: str = ""
    relative_relationship: str = ""
    relative_phone: str = ""
    relative_anonymous: bool = False
    relative_share_with_lawyer: bool = False
    last_contact_date: Day = None
    last_contact_direct: bool = False
    last_contact_note: str = ""
    notes: str = ""


@dataclass
class ParsedCsv:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # Rows imported with unreadable secondary cells left empty (spreadsheets, on request).
    blanked: list[RowError] = field(default_factory=list)


def parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(
        translate("sharing", "“{text}” is not a date (use YYYY-MM-DD or DD.MM.YYYY)").format(
            text=_short(text)
        )
    )


def parse_rough_date(text: str) -> date | UncertainDate | None:
    """A day as ``parse_date`` reads it, or a rough one written as its ISO 8601-2 code
    (``2024-07``, ``2024-07-01/2024-07-08``, ``../2024-07-08``; see docs/formats.md)."""
    try:
        return parse_date(text)
    except ValueError:
        try:
            return UncertainDate.from_edtf(text)
        except EdtfError:
            raise ValueError(
                translate(
                    "sharing",
                    "“{text}” is not a date (use YYYY-MM-DD, DD.MM.YYYY, or a code such as "
                    "2024-07 or 2024-07-01/2024-07-08)",
                ).format(text=_short(text))
            ) from None


def parse_bool(text: str) -> bool:
    value = text.strip().casefold()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(translate("sharing", "“{text}” is not yes or no").format(text=_short(text)))


def _parse_enum(kind: type[E], text: str, default: E) -> E:
    value = text.strip().casefold().replace(" ", "_").replace("-", "_")
    if not value:
        return default
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        raise ValueError(
            translate("sharing", "“{text}” is not one of: {allowed}").format(
                text=_short(text), allowed=allowed
            )
        ) from None


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


def parse(untrusted: bytes) -> ParsedCsv:
    """Parse the canonical CSV; raises CsvFormatError only when no row can be trusted."""
    if len(untrusted) > MAX_FILE_BYTES:
        raise CsvFormatError(
            translate("sharing", "The file is larger than 50 MB; split it and import the parts.")
        )
    try:
        text = untrusted.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CsvFormatError(
            translate(
                "sharing",
                "The file is not UTF-8 text (byte {byte}). Save it as CSV UTF-8 and try again.",
            ).format(byte=exc.start)
        ) from None
    if "\x00" in text:
        raise CsvFormatError(
            translate("sharing", "The file contains binary data; it is not a CSV file.")
        )
    csv.field_size_limit(MAX_FIELD_CHARS)
    # Fed line by line, so a record of a million fields is refused before the reader builds it.
    lines = CsvLines(text, ",")
    reader = csv.reader(lines, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise CsvFormatError(
            translate("sharing", "The header line cannot be read: {reason}.").format(reason=exc)
        ) from None
    lines.record_read()
    if not header:
        raise CsvFormatError(translate("sharing", "The file is empty."))
    names = [h.strip().casefold() for h in header]
    if "full_name" not in names:
        raise CsvFormatError(
            translate("sharing", "The file has no full_name column; it is not a Casetracker CSV.")
        )
    unknown = [h for h in names if h and h not in COLUMNS]
    if unknown:
        raise CsvFormatError(
            translate("sharing", "Unknown column(s): {names}.").format(names=", ".join(unknown[:5]))
        )
    if len(set(names)) != len(names):
        raise CsvFormatError(translate("sharing", "A column name appears twice in the header."))

    result = ParsedCsv()
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            result.errors.append(
                RowError(
                    reader.line_num,
                    translate("sharing", "cannot be read as CSV ({reason})").format(reason=exc),
                )
            )
            break
        lines.record_read()
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(result.rows) + len(result.errors) >= MAX_ROWS:
            raise CsvFormatError(
                translate("sharing", "The file has more than {n} rows; split it.").format(
                    n=MAX_ROWS
                )
            )
        if len(values) != len(names):
            result.errors.append(
                RowError(
                    line,
                    translate(
                        "sharing", "has {fields} fields where the header has {columns}"
                    ).format(fields=len(values), columns=len(names)),
                )
            )
            continue
        try:
            result.rows.append(_row(line, dict(zip(names, values, strict=True))))
        except ValueError as exc:
            result.errors.append(RowError(line, str(exc)))
    return result


def _row(line: int, raw: dict[str, str]) -> ImportRow:
    def text(key: str) -> str:
        return raw.get(key, "").strip()

    def when(key: str) -> date | UncertainDate | None:
        try:
            return parse_rough_date(text(key))
        except ValueError as exc:
            raise ValueError(f"{key}: {exc}") from None

    def flag(key: str) -> bool:
        try:
            return parse_bool(text(key))
        except ValueError as exc:
            raise ValueError(f"{key}: {exc}") from None

    full_name = text("full_name")
    if not full_name:
        raise ValueError(translate("sharing", "full_name is empty"))
    try:
        status = _parse_enum(CaseStatus, text("status"), CaseStatus.REFUSED)
        kind = _parse_enum(FacilityKind, text("facility_kind"), FacilityKind.OTHER)
    except ValueError as exc:
        raise ValueError(
            translate("sharing", "status or facility_kind: {reason}").format(reason=exc)
        ) from None
    row = ImportRow(
        line=line,
        full_name=full_name,
        case_ref=text("case_ref").upper(),
        name_is_changed=flag("name_is_changed"),
        aliases="; ".join(a.strip() for a in text("aliases").split(";") if a.strip()),
        birth_date=when("birth_date"),
        home_region=text("home_region"),
        military_unit=text("military_unit"),
        contract_type=text("contract_type"),
        status=status,
        status_given=bool(text("status")),
        refusal_date=when("refusal_date"),
        detention_date=when("detention_date"),
        facility=text("facility"),
        facility_kind=kind,
        settlement=text("settlement"),
        region=text("region"),
        custody_since=when("custody_since"),
        relative_name=text("relative_name"),
        relative_relationship=text("relative_relationship"),
        relative_phone=text("relative_phone"),
        relative_anonymous=flag("relative_anonymous"),
        relative_share_with_lawyer=flag("relative_share_with_lawyer"),
        last_contact_date=when("last_contact_date"),
        last_contact_direct=flag("last_contact_direct"),
        last_contact_note=text("last_contact_note"),
        notes=text("notes"),
    )
    if row.last_contact_note and row.last_contact_date is None:
        raise ValueError(
            translate("sharing", "last_contact_note is given but last_contact_date is empty")
        )
    return row
