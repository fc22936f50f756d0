"""SQLModel tables and enums: data and validation only, no behaviour."""

from casetracker.model.enums import (
    CLOSED_STATUSES,
    AllegationKind,
    AuditAction,
    CaseStatus,
    Certainty,
    Channel,
    FacilityKind,
    Priority,
    SourceKind,
    Verification,
)
from casetracker.model.tables import (
    SCHEMA_VERSION,
    Allegation,
    AllegationCase,
    Attachment,
    AuditEntry,
    Case,
    CaseRelative,
    ContactEvent,
    CustodyPeriod,
    Facility,
    FlagState,
    Meta,
    Relative,
    Setting,
    Source,
    SourceCase,
    SourceFacility,
    StatusChange,
    utcnow,
)

__all__ = [
    "CLOSED_STATUSES",
    "SCHEMA_VERSION",
    "Allegation",
    "AllegationCase",
    "AllegationKind",
    "Attachment",
    "AuditAction",
    "AuditEntry",
    "Case",
    "CaseRelative",
    "CaseStatus",
    "Certainty",
    "Channel",
    "ContactEvent",
    "CustodyPeriod",
    "Facility",
    "FacilityKind",
    "FlagState",
    "Meta",
    "Priority",
    "Relative",
    "Setting",
    "Source",
    "SourceCase",
    "SourceFacility",
    "SourceKind",
    "StatusChange",
    "Verification",
    "utcnow",
]
from casetracker.model.sharing_tables import (
    ImportMapping,
    MergeBase,
    OrgKeys,
    Recipient,
)

__all__ += ["ImportMapping", "MergeBase", "OrgKeys", "Recipient"]
from casetracker.model.requests import (  # noqa: E402
    ReplyOutcome,
    Request,
    RequestChannel,
    RequestKind,
)

__all__ += ["ReplyOutcome", "Request", "RequestChannel", "RequestKind"]
from casetracker.model.tasks import Task  # noqa: E402

__all__ += ["Task"]
from casetracker.model.consent import (  # noqa: E402
    Audience,
    Consent,
    ConsentHow,
    DisclosureEntry,
)

__all__ += ["Audience", "Consent", "ConsentHow", "DisclosureEntry"]
from casetracker.model.same_person import SameCertainty, SamePersonLink, Verdict  # noqa: E402

__all__ += ["SameCertainty", "SamePersonLink", "Verdict"]
from casetracker.model.letters import LetterTemplate  # noqa: E402

__all__ += ["LetterTemplate"]
from casetracker.model.team_tables import (  # noqa: E402
    SyncConflict,
    TeamAuthorship,
    TeamInvite,
    TeamState,
)

__all__ += ["SyncConflict", "TeamAuthorship", "TeamInvite", "TeamState"]
