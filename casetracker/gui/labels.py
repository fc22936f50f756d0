"""Human labels for stored identifiers, translated through Qt.

Stored values (``CaseStatus.DETAINED`` …) never change; what people read lives here, in one
place, so the translation covers every screen alike.
"""

from PySide6.QtCore import QCoreApplication

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


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def status_label(status: CaseStatus | str) -> str:
    return {
        CaseStatus.SERVING: _t("Serving"),
        CaseStatus.REFUSED: _t("Refused"),
        CaseStatus.DETAINED: _t("Detained"),
        CaseStatus.TRANSFERRED: _t("Transferred"),
        CaseStatus.WHEREABOUTS_UNKNOWN: _t("Whereabouts unknown"),
        CaseStatus.RELEASED: _t("Released"),
        CaseStatus.HOME: _t("Returned home"),
        CaseStatus.RETURNED_TO_FRONT: _t("Sent back to the front"),
        CaseStatus.CONTRACT_TERMINATED: _t("Contract terminated"),
        CaseStatus.DECEASED: _t("Deceased"),
    }[CaseStatus(status)]


def priority_label(priority: Priority | str) -> str:
    return {
        Priority.LOW: _t("Low"),
        Priority.NORMAL: _t("Normal"),
        Priority.HIGH: _t("High"),
        Priority.URGENT: _t("Urgent"),
    }[Priority(priority)]


def facility_kind_label(kind: FacilityKind | str) -> str:
    return {
        FacilityKind.BASEMENT: _t("Basement"),
        FacilityKind.GARAGE: _t("Garage"),
        FacilityKind.DETENTION_CENTRE: _t("Detention centre"),
        FacilityKind.PROSECUTORS_OFFICE: _t("Prosecutor's office"),
        FacilityKind.PRETRIAL_PRISON: _t("Pre-trial prison"),
        FacilityKind.MILITARY_UNIT: _t("Military unit"),
        FacilityKind.HOSPITAL: _t("Hospital"),
        FacilityKind.OTHER: _t("Other place"),
    }[FacilityKind(kind)]


def certainty_label(certainty: Certainty | str) -> str:
    return {
        Certainty.CONFIRMED: _t("Confirmed"),
        Certainty.REPORTED: _t("Reported"),
        Certainty.UNVERIFIED: _t("Unverified"),
    }[Certainty(certainty)]


def channel_label(channel: Channel | str) -> str:
    return {
        Channel.CALL: _t("Call"),
        Channel.MESSAGE: _t("Message"),
        Channel.VISIT: _t("Visit"),
        Channel.LETTER: _t("Letter"),
        Channel.LAWYER: _t("Via lawyer"),
    }[Channel(channel)]


def verification_label(verification: Verification | str) -> str:
    return {
        Verification.UNVERIFIED: _t("Unverified"),
        Verification.CORROBORATED: _t("Corroborated"),
        Verification.VERIFIED: _t("Verified"),
        Verification.DISPUTED: _t("Disputed"),
    }[Verification(verification)]


def source_kind_label(kind: SourceKind | str) -> str:
    return {
        SourceKind.DOCUMENT: _t("Document"),
        SourceKind.PHOTO: _t("Photo"),
        SourceKind.MEDIA_REPORT: _t("Media report"),
        SourceKind.TESTIMONY: _t("Testimony"),
        SourceKind.OTHER: _t("Other"),
    }[SourceKind(kind)]


def allegation_label(kind: AllegationKind | str) -> str:
    return {
        AllegationKind.TORTURE: _t("Torture"),
        AllegationKind.FORCED_LABOUR: _t("Forced labour"),
        AllegationKind.THREATS: _t("Threats"),
        AllegationKind.PRESSURE_TO_RETURN: _t("Pressure to return to the front"),
        AllegationKind.DENIAL_OF_MEDICAL_CARE: _t("Denial of medical care"),
        AllegationKind.INCOMMUNICADO: _t("Held incommunicado"),
        AllegationKind.OTHER: _t("Other"),
    }[AllegationKind(kind)]


def severity_label(severity: Severity | str) -> str:
    return {
        Severity.CRITICAL: _t("Critical"),
        Severity.WARNING: _t("Warning"),
        Severity.INFO: _t("Reminder"),
    }[Severity(severity)]


def severity_group_label(severity: Severity, count: int) -> str:
    if severity is Severity.CRITICAL:
        return QCoreApplication.translate("labels", "Critical (%n)", "", count)
    if severity is Severity.WARNING:
        return QCoreApplication.translate("labels", "Warnings (%n)", "", count)
    return QCoreApplication.translate("labels", "Reminders (%n)", "", count)


def rule_title(rule_id: str) -> str:
    """The rule's own title (translated by the rules' context), or its id if unknown."""
    from casetracker.rules import engine

    rule = engine.BY_ID.get(rule_id)
    return rule.title() if rule is not None else rule_id


def yes_no(value: bool) -> str:
    return _t("Yes") if value else _t("No")
