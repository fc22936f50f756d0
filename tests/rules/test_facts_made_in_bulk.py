"""Facts and list lines made in bulk (straight into their fields) equal those made one by one,
stay frozen and hashable, and refuse to be made with a field missing."""

import dataclasses
import uuid
from datetime import date
from typing import Any

import pytest

from casetracker.model import CaseStatus
from casetracker.rules.snapshot import CaseFacts
from casetracker.services.cases import CaseRow

from .factories import facts


def fields_of(record: Any) -> dict[str, Any]:
    return {field.name: getattr(record, field.name) for field in dataclasses.fields(record)}


def test_facts_made_in_bulk_equal_facts_made_one_by_one() -> None:
    one = facts(ref="CT-0007", lawyer="", proof_of_life_edtf="2024-07")
    bulk = CaseFacts.of(**fields_of(one))
    assert bulk == one and hash(bulk) == hash(one)
    assert bulk.baseline == one.baseline and bulk.baseline_span == one.baseline_span
    assert dataclasses.replace(bulk, ref="CT-0008").ref == "CT-0008"
    with pytest.raises(dataclasses.FrozenInstanceError):
        bulk.ref = "CT-0009"  # type: ignore[misc]


def test_a_list_line_made_in_bulk_equals_one_made_by_hand() -> None:
    values: dict[str, Any] = {
        "id": uuid.uuid4(), "ref": "CT-0001", "full_name": "Иванов", "status": CaseStatus.DETAINED,
        "facility": "", "facility_id": None, "last_contact": None, "last_proof_of_life": None,
        "caseworker": "", "military_unit": "", "home_region": "", "priority": "normal",
        "detained": None,
    }  # fmt: skip
    assert CaseRow.of(**values) == CaseRow(**values)


def test_a_field_missing_is_refused() -> None:
    values = fields_of(facts(detention_date=date(2024, 5, 1)))
    del values["lawyer"]
    with pytest.raises(TypeError, match="lawyer"):
        CaseFacts.of(**values)
