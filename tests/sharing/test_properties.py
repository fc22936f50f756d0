"""Property tests: the loaders of untrusted input fail only with their documented errors."""

import contextlib
import io
import json
import uuid
import warnings
import zipfile
from datetime import datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casetracker.sharing import spreadsheet, strict_json
from casetracker.sharing.archive import read_zip
from casetracker.sharing.bundle import parse_manifest, verify_archive
from casetracker.sharing.bundle_schema import (
    BundleRecord,
    CasesDocument,
    document_json,
    load_document,
    parse_document,
)
from casetracker.sharing.errors import BundleError, BundleFormatError, SpreadsheetError

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=25,
)


def _valid_document() -> dict[str, Any]:
    case_id = "00000000-0000-4000-8000-000000000001"
    return document_json(
        CasesDocument(
            "lawyer",
            datetime(2024, 7, 19, 12),
            {
                "cases": [
                    BundleRecord(
                        id=uuid.UUID(case_id),
                        values={"ref": "CT-0001", "full_name": "Смирнов", "status": "detained"},
                        created_at=datetime(2024, 7, 1),
                        updated_at=datetime(2024, 7, 2),
                    )
                ]
            },
        )
    )


@FAST
@given(st.binary(max_size=300))
def test_strict_json_fails_only_with_its_error(untrusted: bytes) -> None:
    with contextlib.suppress(BundleFormatError):
        strict_json.loads(untrusted, what="x", max_bytes=200)


@FAST
@given(json_values)
def test_the_cases_loader_fails_only_with_its_error(value: Any) -> None:
    with contextlib.suppress(BundleFormatError):
        parse_document(value)


@FAST
@given(st.data())
def test_a_valid_document_with_one_value_replaced_fails_only_with_its_error(
    data: st.DataObject,
) -> None:
    document = _valid_document()
    target: Any = document
    path = data.draw(st.lists(st.sampled_from(["records", "cases", 0, "ref", "status", "id",
                                               "created_at", "flags", "version", "profile"]),
                              max_size=4))  # fmt: skip
    for step in path[:-1]:
        if (isinstance(target, dict) and step in target) or (
            isinstance(target, list) and isinstance(step, int) and step < len(target)
        ):
            target = target[step]
    replacement = data.draw(json_values)
    if path and isinstance(target, dict):
        target[str(path[-1])] = replacement
    with contextlib.suppress(BundleFormatError):
        load_document(json.dumps(document, ensure_ascii=False).encode())


def test_a_valid_document_round_trips() -> None:
    document = _valid_document()
    assert document_json(parse_document(document)) == document


@FAST
@given(json_values)
def test_the_manifest_loader_fails_only_with_bundle_errors(value: Any) -> None:
    with contextlib.suppress(BundleError):
        parse_manifest(json.dumps(value).encode())


@FAST
@given(st.binary(max_size=400))
def test_the_archive_reader_fails_only_with_its_error(untrusted: bytes) -> None:
    for candidate in (untrusted, b"PK\x03\x04" + untrusted):
        with contextlib.suppress(BundleError):
            verify_archive(candidate)


@FAST
@given(st.lists(st.tuples(st.text(max_size=30), st.binary(max_size=50)), max_size=4))
def test_zips_with_arbitrary_names_fail_only_with_its_error(
    entries: list[tuple[str, bytes]],
) -> None:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as archive:
        warnings.simplefilter("ignore")  # zipfile warns about the duplicates we want
        for name, payload in entries:
            info = zipfile.ZipInfo("x")
            info.filename = info.orig_filename = name
            try:
                archive.writestr(info, payload)
            except (UnicodeEncodeError, ValueError):
                continue
    with contextlib.suppress(BundleFormatError):
        read_zip(buffer.getvalue())


csv_text = st.lists(
    st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=15), max_size=8),
    min_size=1,
    max_size=8,
)


@FAST
@given(csv_text)
def test_the_spreadsheet_parser_fails_only_with_its_error(rows: list[list[str]]) -> None:
    header = ["ФИО", "Статус", "Дата рождения", "Телефон", "Последняя связь", "Связь напрямую?"]
    lines = [",".join(header)] + [",".join(f'"{c.replace(chr(34), "")}"' for c in r) for r in rows]
    try:
        sheet = spreadsheet.read_sheet("\n".join(lines).encode("utf-8"), "x.csv")
        parsed = spreadsheet.parse(sheet, spreadsheet.guess_mapping(sheet.headers))
        spreadsheet.preview(sheet, spreadsheet.guess_mapping(sheet.headers))
    except SpreadsheetError:
        return
    assert len(parsed.rows) + len(parsed.errors) == len(sheet.rows) + len(sheet.unreadable)


@FAST
@given(st.binary(max_size=400), st.sampled_from(["x.csv", "x.xlsx"]))
def test_any_bytes_as_a_spreadsheet_fail_only_with_its_error(untrusted: bytes, name: str) -> None:
    try:
        sheet = spreadsheet.read_sheet(untrusted, name)
        spreadsheet.parse(sheet, spreadsheet.guess_mapping(sheet.headers))
    except SpreadsheetError:
        pass


@FAST
@given(st.text(max_size=30))
def test_sheet_dates_fail_only_with_value_error(text: str) -> None:
    with contextlib.suppress(ValueError):
        spreadsheet.parse_sheet_date(text)


@FAST
@given(st.binary(max_size=300))
def test_mapping_files_fail_only_with_its_error(untrusted: bytes) -> None:
    with contextlib.suppress(SpreadsheetError):
        spreadsheet.mapping_from_json(untrusted)


@FAST
@given(json_values)
def test_mapping_json_values_fail_only_with_its_error(value: Any) -> None:
    wrapped = {"format": "casetracker-sheet-mapping", "version": 1, "columns": value}
    with contextlib.suppress(SpreadsheetError):
        spreadsheet.mapping_from_json(json.dumps(wrapped).encode())
