"""Closed vocabularies shared by the model, the rules, the CLI and the GUI.

Values are stable identifiers written to vaults, CSV and bundles; labels for people live in
``labels.py`` so they can be translated without touching stored data.
"""

from enum import StrEnum


class CaseStatus(StrEnum):
    SERVING = "serving"
    REFUSED = "refused"
    DETAINED = "detained"
    TRANSFERRED = "transferred"
    WHEREABOUTS_UNKNOWN = "whereabouts_unknown"
    RELEASED = "released"
    HOME = "home"
    RETURNED_TO_FRONT = "returned_to_front"
    CONTRACT_TERMINATED = "contract_terminated"
    DECEASED = "deceased"


# Statuses in which the man is out of danger or beyond help; rules about silence skip them.
CLOSED_STATUSES = frozenset(
    {
        CaseStatus.RELEASED,
        CaseStatus.HOME,
        CaseStatus.CONTRACT_TERMINATED,
        CaseStatus.DECEASED,
    }
)


class Priority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class FacilityKind(StrEnum):
    BASEMENT = "basement"
    GARAGE = "garage"
    DETENTION_CENTRE = "detention_centre"
    PROSECUTORS_OFFICE = "prosecutors_office"
    PRETRIAL_PRISON = "pretrial_prison"
    MILITARY_UNIT = "military_unit"
    HOSPITAL = "hospital"
    OTHER = "other"


class Certainty(StrEnum):
    CONFIRMED = "confirmed"
    REPORTED = "reported"
    UNVERIFIED = "unverified"


class Channel(StrEnum):
    CALL = "call"
    MESSAGE = "message"
    VISIT = "visit"
    LETTER = "letter"
    LAWYER = "lawyer"


class Verification(StrEnum):
    UNVERIFIED = "unverified"
    CORROBORATED = "corroborated"
    VERIFIED = "verified"
    DISPUTED = "disputed"


class SourceKind(StrEnum):
    DOCUMENT = "document"
    PHOTO = "photo"
    MEDIA_REPORT = "media_report"
    TESTIMONY = "testimony"
    OTHER = "other"


class AllegationKind(StrEnum):
    TORTURE = "torture"
    FORCED_LABOUR = "forced_labour"
    THREATS = "threats"
    PRESSURE_TO_RETURN = "pressure_to_return"
    DENIAL_OF_MEDICAL_CARE = "denial_of_medical_care"
    INCOMMUNICADO = "incommunicado"
    OTHER = "other"


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    ACKNOWLEDGE = "acknowledge"
    IMPORT = "import"
