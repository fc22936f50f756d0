"""Same-person links: two cases a caseworker judged to be (or not to be) one man.

A pair is stored once, its two case ids in ascending order (``case_a < case_b``), so (a, b)
and (b, a) are one row; a unique constraint makes a second verdict on the pair an update.
"""

import uuid
from datetime import date
from enum import StrEnum
from typing import Optional

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, Relationship

from casetracker.model.tables import _PARENT, Case, Record


class Verdict(StrEnum):
    SAME = "same"
    NOT_SAME = "not_same"


class SameCertainty(StrEnum):
    """How sure the caseworker is that two cases are one man."""

    CERTAIN = "certain"
    LIKELY = "likely"
    POSSIBLE = "possible"


class SamePersonLink(Record, table=True):
    __table_args__ = (UniqueConstraint("case_a", "case_b"),)

    case_a: uuid.UUID = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    case_b: uuid.UUID = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    verdict: Verdict
    # Only for ``Verdict.SAME``.
    certainty: SameCertainty | None = None
    note: str = ""
    decided_by: str = ""
    decided_on: date
    first: Optional["Case"] = Relationship(
        sa_relationship_kwargs={**_PARENT, "foreign_keys": "SamePersonLink.case_a"}
    )
    second: Optional["Case"] = Relationship(
        sa_relationship_kwargs={**_PARENT, "foreign_keys": "SamePersonLink.case_b"}
    )
