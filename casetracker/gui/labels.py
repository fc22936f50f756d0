"""Human labels for stored identifiers, as the GUI shows them.

The words themselves live in ``casetracker.model.labels``, shared with the dossier and the CLI;
this module adds what only the screens need (grouped severities, rule titles, history values).
"""

from casetracker.i18n import Context
from casetracker.model.labels import (
    allegation_label,
    certainty_label,
    channel_label,
    facility_kind_label,
    field_label,
    priority_label,
    severity_label,
    source_kind_label,
    status_label,
    stored_value_label,
    verification_label,
    yes_no,
)
from casetracker.rules.flag import Severity

# Plural labels (named as its context: pyside6-lupdate reads the name).
label_plurals = Context("label_plurals")

__all__ = [
    "allegation_label",
    "certainty_label",
    "channel_label",
    "facility_kind_label",
    "field_label",
    "field_value",
    "priority_label",
    "rule_title",
    "severity_group_label",
    "severity_label",
    "source_kind_label",
    "status_label",
    "verification_label",
    "yes_no",
]


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


def field_value(entity: str, name: str, value: object) -> str:
    """A stored value as people read it: statuses and kinds by their labels, yes/no, dates."""
    from casetracker.gui.locale_format import EMPTY, date_text, datetime_text

    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return yes_no(value)
    if name == "rule":
        return rule_title(str(value))
    if name.endswith("_edtf") and isinstance(value, str):  # an uncertain date's code, in words
        from casetracker.model.date_words import describe
        from casetracker.model.uncertain_date import EdtfError, UncertainDate

        try:
            return describe(UncertainDate.from_edtf(value))
        except EdtfError:
            return value
    label = stored_value_label(entity, name, value)
    if label is not None:
        return label
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        from datetime import date, datetime

        try:
            if len(value) == 10:
                return date_text(date.fromisoformat(value))
            return datetime_text(datetime.fromisoformat(value))
        except ValueError:
            return value
    return str(value)
