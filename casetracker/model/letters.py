"""Letter templates kept in the vault: the text a caseworker prints, signs and sends.

One template per kind of addressee: the kinds of request (``RequestKind`` values: the military
prosecutor, investigators, the ombudsman, a commander, a court, the Red Cross, a hospital) and
``general`` for any other letter. The app's own Russian texts (``services/letter_defaults.py``)
are stored on first use; a row the caseworker has changed is ``edited`` and is never replaced,
while an unedited one follows the app's text when a new version words it better. "Reset to
default" puts the app's text back. Kept in the vault, encrypted, so an organisation's wording
travels with its cases and nothing about them is written to the computer's settings.
"""

from sqlmodel import Field

from casetracker.model.requests import RequestKind
from casetracker.model.tables import Record

# The template for a letter to anyone else (and for requests of kind "other").
GENERAL = "general"
# Every kind of template, in the order they are offered.
TEMPLATE_KINDS: tuple[str, ...] = (
    *(kind.value for kind in RequestKind if kind is not RequestKind.OTHER),
    GENERAL,
)


def template_kind_for(request_kind: RequestKind | str) -> str:
    """The template a request of this kind is written with."""
    kind = str(getattr(request_kind, "value", request_kind))
    return kind if kind in TEMPLATE_KINDS else GENERAL


class LetterTemplate(Record, table=True):
    # A ``TEMPLATE_KINDS`` value; one template per kind.
    kind: str = Field(index=True, unique=True)
    title: str = ""
    # The letter with ``{placeholders}`` (``services/letters.py`` lists them).
    body: str = ""
    # The language the text is written in: dates and words are filled in it ("ru", "en").
    language: str = "ru"
    # Changed by a caseworker: kept as it is until "Reset to default".
    edited: bool = False
