"""Tasks: what a caseworker still has to do for a case ("call the father on Friday")."""

import uuid
from datetime import date
from typing import Optional

from sqlmodel import Field, Relationship

from casetracker.model.tables import _PARENT, Case, Record


class Task(Record, table=True):
    case_id: uuid.UUID = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    # What to do, in a few words.
    title: str
    note: str = ""
    # Who does it, as people call each other: free text, not an account.
    assignee: str = ""
    # An exact day, or None for "when there is time".
    due_on: date | None = Field(default=None, index=True)
    # The day it was done; None while it is still to do.
    done_on: date | None = None
    done_by: str = ""
    case: Optional["Case"] = Relationship(sa_relationship_kwargs=_PARENT)
