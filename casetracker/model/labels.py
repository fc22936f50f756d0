"""What people read for stored identifiers: the one source for the GUI, the dossier and the CLI.

Stored values (``CaseStatus.DETAINED`` …) never change; their words live here, translated through
``casetracker.i18n.translate`` (no Qt), so every front end shows "Задержан" and never "detained".
Severities are keyed by their stored text, because the ``Severity`` enum lives with the rules.
"""

from collections.abc import Callable, Mapping

from casetracker.i18n import QT_TRANSLATE_NOOP, Context, translate
from casetracker.model.enums import (
    AllegationKind,
    CaseStatus,
    Certainty,
    Channel,
    FacilityKind,
    Priority,
    SourceKind,
    Verification,
)

# Contexts for plurals and kinds of record (named as the context: pyside6-lupdate reads the name).
record_counts = Context("record_counts")
bundle_kinds = Context("bundle_kinds")

# The source note of the status a spreadsheet import gives a new case; shown translated.
IMPORT_NOTE = "spreadsheet import"
_NOTES = {IMPORT_NOTE: QT_TRANSLATE_NOOP("labels", "spreadsheet import")}


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


def severity_label(severity: str) -> str:
    """A flag's severity (``rules.flag.Severity`` or its stored text)."""
    return {
        "critical": translate("labels", "Critical"),
        "warning": translate("labels", "Warning"),
        "info": translate("labels", "Reminder"),
    }[str(severity)]


def yes_no(value: bool) -> str:
    return translate("labels", "Yes") if value else translate("labels", "No")


def profile_label(name: str) -> str:
    """A redaction profile ("lawyer", "anonymised": what one types after --profile) in words."""
    if name == "anonymised":
        return translate("labels", "anonymised (no names, statistics only)")
    if name == "lawyer":
        return translate("labels", "for a lawyer (relatives as far as they consented)")
    if name == "media":
        return translate("labels", "for media (only what people agreed journalists may see)")
    if name == "partner":
        return translate(
            "labels", "for a partner organisation (relatives as far as they consented)"
        )
    return name


def note_text(note: str) -> str:
    """A note as stored, except the few the program writes itself, which are translated."""
    marker = _NOTES.get(note)
    return translate("labels", marker) if marker is not None else note


# Field name -> label of the values stored in it, for fields whose meaning is the same in every
# kind of record; ``kind`` depends on the record and is in ``_KINDS``.
_BY_FIELD: dict[str, Callable[[str], str]] = {
    "status": status_label,
    "previous_status": status_label,
    "priority": priority_label,
    "channel": channel_label,
    "certainty": certainty_label,
    "verification": verification_label,
    "severity": severity_label,
    "severity_at_ack": severity_label,
    "source_note": note_text,
}
# A record's kind (model class name or bundle key) -> label of its ``kind`` field.
_KINDS: dict[str, Callable[[str], str]] = {
    "Facility": facility_kind_label,
    "facilities": facility_kind_label,
    "Source": source_kind_label,
    "sources": source_kind_label,
    "Allegation": allegation_label,
    "allegations": allegation_label,
}


def stored_value_label(entity: str, name: str, value: object) -> str | None:
    """The label of a stored identifier in field ``name`` of ``entity``; None for other values
    (free text, numbers, dates) and for an identifier this version does not know."""
    label = _KINDS.get(entity) if name == "kind" else _BY_FIELD.get(name)
    if label is None or not isinstance(value, str):
        return None
    try:
        return label(value)
    except (KeyError, ValueError):
        return None


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
        "time_known": translate("fields", "hour known"),
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
        "merged_case": translate("fields", "case merged in"),
        "merged_into": translate("fields", "merged into"),
    }
    if name.endswith("_edtf") and name not in labels:  # model/uncertain_date.py's codes
        return translate("fields", "{field} — how exact").format(
            field=field_label(name.removesuffix("_edtf"))
        )
    return labels.get(name, name.replace("_", " "))


# -- counts of records in words -------------------------------------------------------------
# The kinds of record worth naming to a person (bundle keys), in the order they read best.
SHOWN_KINDS = (
    "cases",
    "relatives",
    "contact_events",
    "status_changes",
    "custody_periods",
    "facilities",
    "sources",
    "allegations",
    "attachments",
)

# Database table name -> the bundle key that names the same records.
TABLE_KINDS = {
    "case": "cases",
    "relative": "relatives",
    "contactevent": "contact_events",
    "statuschange": "status_changes",
    "custodyperiod": "custody_periods",
    "facility": "facilities",
    "source": "sources",
    "allegation": "allegations",
    "attachment": "attachments",
    "caserelative": "case_relatives",
    "sourcecase": "source_cases",
    "sourcefacility": "source_facilities",
    "allegationcase": "allegation_cases",
    "auditentry": "audit_entries",
    "flagstate": "flag_states",
    "importmapping": "import_mappings",
    "mergebase": "merge_bases",
    "orgkeys": "org_keys",
    "recipient": "recipients",
    "request": "requests",
    "consent": "consents",
    "disclosureentry": "disclosures",
    "lettertemplate": "letter_templates",
    "task": "tasks",
    "samepersonlink": "same_person_links",
    "syncconflict": "sync_conflicts",
    "teamstate": "team_states",
    "teaminvite": "team_invites",
    "teamauthorship": "team_authorships",
}


def record_kind_label(kind: str) -> str:
    """One record of a kind (bundle key or table name), as a conflict names it: "case"."""
    kind = TABLE_KINDS.get(kind, kind)
    labels = {
        "cases": bundle_kinds.tr("case"),
        "relatives": bundle_kinds.tr("relative"),
        "facilities": bundle_kinds.tr("place"),
        "sources": bundle_kinds.tr("source"),
        "contact_events": bundle_kinds.tr("contact"),
        "status_changes": bundle_kinds.tr("status change"),
        "custody_periods": bundle_kinds.tr("custody period"),
        "allegations": bundle_kinds.tr("allegation"),
        "case_relatives": bundle_kinds.tr("relative's link to a case"),
        "attachments": bundle_kinds.tr("attached file"),
        "source_cases": bundle_kinds.tr("source's link to a case"),
        "source_facilities": bundle_kinds.tr("source's link to a place"),
        "allegation_cases": bundle_kinds.tr("allegation's link to a case"),
        "flags": bundle_kinds.tr("flag"),
    }
    return labels.get(kind, kind.replace("_", " "))


def count_text(kind: str, n: int) -> str:
    """``"3 cases"``, ``"1 relative"``… for a bundle key or a table name."""
    kind = TABLE_KINDS.get(kind, kind)
    words = {
        "cases": lambda: record_counts.tr("%n case(s)", "", n),
        "relatives": lambda: record_counts.tr("%n relative(s)", "", n),
        "contact_events": lambda: record_counts.tr("%n contact(s) in the log", "", n),
        "status_changes": lambda: record_counts.tr("%n status change(s)", "", n),
        "custody_periods": lambda: record_counts.tr("%n custody period(s)", "", n),
        "facilities": lambda: record_counts.tr("%n place(s)", "", n),
        "sources": lambda: record_counts.tr("%n source(s)", "", n),
        "allegations": lambda: record_counts.tr("%n allegation(s)", "", n),
        "attachments": lambda: record_counts.tr("%n attached file(s)", "", n),
        "case_relatives": lambda: record_counts.tr("%n link(s) between cases and relatives", "", n),
        "source_cases": lambda: record_counts.tr("%n link(s) between sources and cases", "", n),
        "source_facilities": lambda: record_counts.tr(
            "%n link(s) between sources and places", "", n
        ),
        "allegation_cases": lambda: record_counts.tr(
            "%n link(s) between allegations and cases", "", n
        ),
        "audit_entries": lambda: record_counts.tr("%n record(s) in the history of changes", "", n),
        "flag_states": lambda: record_counts.tr("%n acknowledged or snoozed flag(s)", "", n),
        "flags": lambda: record_counts.tr("%n flag(s)", "", n),
        "import_mappings": lambda: record_counts.tr("%n saved spreadsheet mapping(s)", "", n),
        "merge_bases": lambda: record_counts.tr("%n record(s) known from bundles", "", n),
        "org_keys": lambda: record_counts.tr("%n set(s) of this organisation's keys", "", n),
        "recipients": lambda: record_counts.tr("%n recipient(s) in the address book", "", n),
        "requests": lambda: record_counts.tr("%n request(s) to official bodies", "", n),
        "consents": lambda: record_counts.tr("%n consent(s) given or withdrawn", "", n),
        "disclosures": lambda: record_counts.tr("%n line(s) in the disclosure log", "", n),
        "letter_templates": lambda: record_counts.tr("%n letter template(s)", "", n),
        "tasks": lambda: record_counts.tr("%n task(s)", "", n),
        "same_person_links": lambda: record_counts.tr(
            "%n decision(s) whether two cases are one man", "", n
        ),
        "sync_conflicts": lambda: record_counts.tr(
            "%n conflict(s) between team members' changes", "", n
        ),
        "team_states": lambda: record_counts.tr("%n team membership(s)", "", n),
        "team_invites": lambda: record_counts.tr("%n team invitation(s) not answered yet", "", n),
        "team_authorships": lambda: record_counts.tr(
            "%n history record(s) signed by a team member", "", n
        ),
    }
    found = words.get(kind)
    return found() if found is not None else f"{n} {kind}"


def counts_lines(counts: Mapping[str, int], kinds: tuple[str, ...] = SHOWN_KINDS) -> list[str]:
    """The non-zero counts of ``kinds``, in that order."""
    return [count_text(kind, counts.get(kind, 0)) for kind in kinds if counts.get(kind, 0)]


def table_count_lines(counts: Mapping[str, int]) -> list[str]:
    """Every table's count (zeros too) in words, the kinds people know first."""
    order = {table: at for at, table in enumerate(TABLE_KINDS)}
    shown = sorted(counts, key=lambda table: (order.get(table, len(order)), table))
    return [count_text(table, counts[table]) for table in shown]


def counts_text(counts: Mapping[str, int]) -> str:
    """The counts of the kinds worth naming on one line; "nothing" when all are zero."""
    return ", ".join(counts_lines(counts)) or record_counts.tr("nothing")
