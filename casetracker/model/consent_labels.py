"""Words for the consent vocabularies (model/consent.py), shared by the GUI and the CLI."""

from casetracker.i18n import translate
from casetracker.model.consent import Audience, ConsentHow


def audience_label(audience: Audience | str) -> str:
    return {
        Audience.LAWYER: translate("labels", "a lawyer"),
        Audience.PARTNER: translate("labels", "a partner organisation"),
        Audience.MEDIA: translate("labels", "media"),
        Audience.STATISTICS: translate("labels", "public statistics"),
    }[Audience(audience)]


def consent_how_label(how: ConsentHow | str) -> str:
    return {
        ConsentHow.IN_PERSON: translate("labels", "in person"),
        ConsentHow.BY_PHONE: translate("labels", "by phone"),
        ConsentHow.THROUGH_RELATIVE: translate("labels", "through a relative"),
        ConsentHow.IN_WRITING: translate("labels", "in writing"),
        ConsentHow.RECORDED_BEFORE: translate("labels", "recorded before consent tracking"),
    }[ConsentHow(how)]


def profile_short_label(name: str) -> str:
    """A redaction profile in two words, for a list column (``profile_label`` says more)."""
    words = {
        "lawyer": translate("labels", "for a lawyer"),
        "media": translate("labels", "for media"),
        "partner": translate("labels", "for a partner"),
        "anonymised": translate("labels", "anonymised"),
    }
    return words.get(name, name)
