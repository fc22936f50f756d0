"""Human labels for stored identifiers, translated through Qt.

Stored values (``CaseStatus.DETAINED`` …) never change; what people read lives here, in one
place, so the translation covers every screen alike.
"""

from casetracker.i18n import Context, translate
from casetracker.model import (
    AllegationKind,
    CaseStatus,
    Certainty,
    Channel,
    FacilityKind,
    Priority,
    SourceKind,
    Verification,
)
from casetracker.rules.flag import Severity

# Plural labels (named as its context: pyside6-lupdate reads the name).
label_plurals = Context("label_plurals")


def status_label(status: CaseStatus | str) -> str:
    return {
        CaseStatus.SERVING: translate("labels", "Serving"),
        CaseStatus.REFUSED: translate("labels", "Refused"),
        CaseStatus.DETAINED: translate("labels", "Detained"),
        CaseStatus.TRANSFERRED: translate("labels", "Transferred"),
        CaseStatus.WHEREABOUTS_UNKNOWN: translate("labels", "Whereabouts unknown"),
        CaseStatus.RELEASED: translate("labels", "Released"),
        CaseStatus.HOME: translate("labels", "Returned home"),
        CaseStatus.RETURNED_TO_FRONT: translate("labels", "Sent back to the front"),
        CaseStatus.CONTRACT_TERMINATED: translate("labels", "Contract terminated"),
        CaseStatus.DECEASED: translate("labels", "Deceased"),
    }[CaseStatus(status)]


def priority_label(priority: Priority | str) -> str:
    return {
        Priority.LOW: translate("labels", "Low"),
        Priority.NORMAL: translate("labels", "Normal"),
        Priority.HIGH: translate("labels", "High"),
        Priority.URGENT: translate("labels", "Urgent"),
    }[Priority(priority)]


def facility_kind_label(kind: FacilityKind | str) -> str:
    return {
        FacilityKind.BASEMENT: translate("labels", "Basement"),
        FacilityKind.GARAGE: translate("labels", "Garage"),
        FacilityKind.DETENTION_CENTRE: translate("labels", "Detention centre"),
        FacilityKind.PROSECUTORS_OFFICE: translate("labels", "Prosecutor's office"),
        FacilityKind.PRETRIAL_PRISON: translate("labels", "Pre-trial prison"),
        FacilityKind.MILITARY_UNIT: translate("labels", "Military unit"),
        FacilityKind.HOSPITAL: translate("labels", "Hospital"),
        FacilityKind.OTHER: translate("labels", "Other place"),
    }[FacilityKind(kind)]


def certainty_label(certainty: Certainty | str) -> str:
    return {
        Certainty.CONFIRMED: translate("labels", "Confirmed"),
        Certainty.REPORTED: translate("labels", "Reported"),
        Certainty.UNVERIFIED: translate("labels", "Unverified"),
    }[Certainty(certainty)]


def channel_label(channel: Channel | str) -> str:
    return {
        Channel.CALL: translate("labels", "Call"),
        Channel.MESSAGE: translate("labels", "Message"),
        Channel.VISIT: translate("labels", "Visit"),
        Channel.LETTER: translate("labels", "Letter"),
        Channel.LAWYER: translate("labels", "Via lawyer"),
    }[Channel(channel)]


def verification_label(verification: Verification | str) -> str:
    return {
        Verification.UNVERIFIED: translate("labels", "Unverified"),
        Verification.CORROBORATED: translate("labels", "Corroborated"),
        Verification.VERIFIED: translate("labels", "Verified"),
        Verification.DISPUTED: translate("labels", "Disputed"),
    }[Verification(verification)]


def source_kind_label(kind: SourceKind | str) -> str:
    return {
        SourceKind.DOCUMENT: translate("labels", "Document"),
        SourceKind.PHOTO: translate("labels", "Photo"),
        SourceKind.MEDIA_REPORT: translate("labels", "Media report"),
        SourceKind.TESTIMONY: translate("labels", "Testimony"),
        SourceKind.OTHER: translate("labels", "Other"),
    }[SourceKind(kind)]


def allegation_label(kind: AllegationKind | str) -> str:
    return {
        AllegationKind.TORTURE: translate("labels", "Torture"),
        AllegationKind.FORCED_LABOUR: translate("labels", "Forced labour"),
        AllegationKind.THREATS: translate("labels", "Threats"),
        AllegationKind.PRESSURE_TO_RETURN: translate("labels", "Pressure to return to the front"),
        AllegationKind.DENIAL_OF_MEDICAL_CARE: translate("labels", "Denial of medical care"),
        AllegationKind.INCOMMUNICADO: translate("labels", "Held incommunicado"),
        AllegationKind.OTHER: translate("labels", "Other"),
    }[AllegationKind(kind)]


def severity_label(severity: Severity | str) -> str:
    return {
        Severity.CRITICAL: translate("labels", "Critical"),
        Severity.WARNING: translate("labels", "Warning"),
        Severity.INFO: translate("labels", "Reminder"),
    }[Severity(severity)]


def severity_group_label(severity: Severity, count: int) -> str:
    if severity is Severity.CRITICAL:
        return label_plurals.tr("Critical (%n)", "", count)
    if severity is Severity.WARNING:
        return label_plurals.tr("Warnings (%n)", "", count)
    return label_plurals.tr("Reminders (%n)", "", count)


def rule_title(rule_id: str) -> str:
    """The rule's own title (translated by the rules' context), or its id if unknown."""
    from casetracker.rules import engine

    rule = engine.BY_ID.get(rule_id)
    return rule.title() if rule is not None else rule_id


def yes_no(value: bool) -> str:
    return translate("labels", "Yes") if value else translate("labels", "No")


def field_label(name: str) -> str:
    """A stored field as the history of changes names it ("detention_date" → "detention date")."""
    labels = {
        "ref": translate("fields", "reference"),
        "full_name": translate("fields", "name"),
        "name_is_changed": translate("fields", "changed name"),
        "aliases": translate("fields", "other spellings"),
        "birth_date": translate("fields", "date of birth"),
        "home_region": translate("fields", "home region"),
        "military_unit": translate("fields", "military unit"),
        "unit_base": translate("fields", "home base"),
        "contract_type": translate("fields", "contract type"),
        "contract_start": translate("fields", "contract from"),
        "contract_end": translate("fields", "contract until"),
        "refusal_date": translate("fields", "refusal date"),
        "detention_date": translate("fields", "detention date"),
        "status": translate("fields", "status"),
        "previous_status": translate("fields", "previous status"),
        "priority": translate("fields", "priority"),
        "caseworker": translate("fields", "caseworker"),
        "lawyer": translate("fields", "lawyer"),
        "tags": translate("fields", "tags"),
        "notes": translate("fields", "notes"),
        "note": translate("fields", "note"),
        "changed_on": translate("fields", "date"),
        "source_note": translate("fields", "source"),
        "name": translate("fields", "name"),
        "kind": translate("fields", "kind"),
        "settlement": translate("fields", "settlement"),
        "region": translate("fields", "region"),
        "controlled_by": translate("fields", "controlled by"),
        "headcount": translate("fields", "people held"),
        "headcount_date": translate("fields", "head-count date"),
        "headcount_source": translate("fields", "head-count source"),
        "since": translate("fields", "since"),
        "until": translate("fields", "until"),
        "certainty": translate("fields", "how sure"),
        "phones": translate("fields", "phones"),
        "handles": translate("fields", "messengers"),
        "language": translate("fields", "language"),
        "city": translate("fields", "city"),
        "anonymous": translate("fields", "anonymous"),
        "share_with_lawyer": translate("fields", "may share with a lawyer"),
        "share_with_media": translate("fields", "may share with media"),
        "relationship": translate("fields", "relationship"),
        "occurred_at": translate("fields", "when"),
        "occurred_on": translate("fields", "date"),
        "channel": translate("fields", "channel"),
        "direct": translate("fields", "heard him himself"),
        "participants": translate("fields", "who spoke"),
        "reports_transfer": translate("fields", "reports a transfer"),
        "title": translate("fields", "title"),
        "verification": translate("fields", "verification"),
        "reference": translate("fields", "reference"),
        "published_on": translate("fields", "published"),
        "filename": translate("fields", "file"),
        "media_type": translate("fields", "file type"),
        "size": translate("fields", "size"),
        "description": translate("fields", "description"),
        "rule": translate("fields", "rule"),
        "first_seen": translate("fields", "first raised"),
        "severity_at_ack": translate("fields", "severity when acknowledged"),
        "acknowledged_on": translate("fields", "acknowledged on"),
        "snoozed_until": translate("fields", "snoozed until"),
        "acknowledged_by": translate("fields", "acknowledged by"),
        "snooze_days": translate("fields", "snoozed for days"),
        "cases": translate("fields", "cases"),
    }
    return labels.get(name, name.replace("_", " "))


def field_value(entity: str, name: str, value: object) -> str:
    """A stored value as people read it: statuses and kinds by their labels, yes/no, dates."""
    from casetracker.gui.locale_format import EMPTY, date_text, datetime_text

    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return yes_no(value)
    try:
        if name in ("status", "previous_status"):
            return status_label(str(value))
        if name == "priority":
            return priority_label(str(value))
        if name == "channel":
            return channel_label(str(value))
        if name == "certainty":
            return certainty_label(str(value))
        if name == "verification":
            return verification_label(str(value))
        if name in ("severity_at_ack", "severity"):
            return severity_label(str(value))
        if name == "rule":
            return rule_title(str(value))
        if name == "kind":
            if entity == "Facility":
                return facility_kind_label(str(value))
            if entity == "Source":
                return source_kind_label(str(value))
            if entity == "Allegation":
                return allegation_label(str(value))
    except ValueError:
        return str(value)
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        from datetime import date, datetime

        try:
            if len(value) == 10:
                return date_text(date.fromisoformat(value))
            return datetime_text(datetime.fromisoformat(value))
        except ValueError:
            return value
    return str(value)
