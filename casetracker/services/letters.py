"""Letters from templates: a template filled with what the vault knows about a case.

A template is plain text with ``{placeholders}`` a caseworker can read and type in Russian —
``{ФИО}``, ``{дата рождения}``, ``{место содержания}`` (``PLACEHOLDERS`` lists them all; case and
spaces do not matter, ``{{`` and ``}}`` are literal braces). A placeholder the app does not know
is an error that names it, never left in the letter. A fact the vault does not hold becomes a
blank line (``BLANK``) to fill in by hand, and the filled letter lists those facts so the app
can warn before it is printed.

Templates live in the vault (``model/letters.py``); the app's defaults are stored on first use
(``templates``) where the vault can be written, and read from the app where it cannot.
Writing the letter to a file is for the front ends, only when the caseworker asks
(``sharing/letter_documents.py`` turns the text into PDF, ODT or DOCX bytes).
"""

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from casetracker.i18n import QT_TRANSLATE_NOOP, format_date, translate
from casetracker.model import Case, CaseStatus, CustodyPeriod, Facility, LetterTemplate
from casetracker.model.labels import status_label
from casetracker.model.letters import GENERAL, TEMPLATE_KINDS, template_kind_for
from casetracker.model.request_labels import request_kind_label
from casetracker.model.requests import Request
from casetracker.model.tables import utcnow
from casetracker.model.uncertain_date import EdtfError, Precision, UncertainDate
from casetracker.services import uncertain_dates
from casetracker.services.cases import get_case, held_there
from casetracker.services.errors import InvalidInput, NotFound
from casetracker.services.letter_defaults import DEFAULTS
from casetracker.services.output_files import save_output
from casetracker.sharing.letter_documents import LetterFormat, render

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

# What a fact the vault does not hold becomes: a line to write on by hand.
BLANK = "__________"


@dataclass(frozen=True)
class Placeholder:
    # As typed in a template, between braces.
    name: str
    # What it is filled with, in English (shown translated, context "letters").
    description: str
    # Filled only when the letter is written for a request.
    from_request: bool = False


PLACEHOLDERS: tuple[Placeholder, ...] = (
    Placeholder("ФИО", QT_TRANSLATE_NOOP("letters", "his full name")),
    Placeholder("дата рождения", QT_TRANSLATE_NOOP("letters", "his date of birth")),
    Placeholder("воинская часть", QT_TRANSLATE_NOOP("letters", "his military unit")),
    Placeholder(
        "место содержания", QT_TRANSLATE_NOOP("letters", "the place he is held now, as recorded")
    ),
    Placeholder("дата задержания", QT_TRANSLATE_NOOP("letters", "the day he was detained")),
    Placeholder("дата отказа", QT_TRANSLATE_NOOP("letters", "the day he refused to fight")),
    Placeholder("статус", QT_TRANSLATE_NOOP("letters", "his status, in words")),
    Placeholder("номер дела", QT_TRANSLATE_NOOP("letters", "the case reference")),
    Placeholder("сотрудник", QT_TRANSLATE_NOOP("letters", "the case's caseworker")),
    Placeholder("сегодня", QT_TRANSLATE_NOOP("letters", "today's date, in words")),
    Placeholder(
        "адресат", QT_TRANSLATE_NOOP("letters", "the request's addressee"), from_request=True
    ),
    Placeholder(
        "исходящий номер",
        QT_TRANSLATE_NOOP("letters", "the request's outgoing number"),
        from_request=True,
    ),
    Placeholder(
        "дата отправки", QT_TRANSLATE_NOOP("letters", "the day the request was sent"), True
    ),
    Placeholder("подписал", QT_TRANSLATE_NOOP("letters", "who signed the request"), True),
)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold().replace("ё", "е")


_BY_KEY = {_key(p.name): p for p in PLACEHOLDERS}
# ``{{`` and ``}}`` (literal braces), a ``{placeholder}``, or a brace left alone.
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


class UnknownPlaceholder(InvalidInput):
    """A template names placeholders the app does not know (a typing slip, usually)."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        super().__init__(
            translate(
                "letters",
                "The template has placeholders the app does not know: %1. Use one of the "
                "listed placeholders, or write a brace twice ({{ or }}) to print it.",
            ).replace("%1", ", ".join(n if n in ("{", "}") else "{" + n + "}" for n in names))
        )


def unknown_placeholders(body: str) -> list[str]:
    """The placeholders in ``body`` the app does not know, each once, in order; a brace with
    no partner counts as one (shown as it stands)."""
    unknown: list[str] = []
    for match in _TOKEN.finditer(body):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        name = match.group(1)
        if name is None:  # a lone brace
            shown = token
        elif _key(name) in _BY_KEY:
            continue
        else:
            shown = name.strip()
        if shown not in unknown:
            unknown.append(shown)
    return unknown


@dataclass(frozen=True)
class FilledLetter:
    kind: str
    title: str
    text: str
    # Placeholders with no fact in the vault, each once, in order: left as ``BLANK``.
    missing: tuple[str, ...]
    language: str


def fill_text(body: str, facts: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    """``body`` with every placeholder replaced by its fact, or by ``BLANK`` when ``facts`` has
    none; and the names of those left blank. Raises ``UnknownPlaceholder``."""
    unknown = unknown_placeholders(body)
    if unknown:
        raise UnknownPlaceholder(unknown)
    missing: list[str] = []

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        placeholder = _BY_KEY[_key(match.group(1))]
        value = " ".join(facts.get(placeholder.name, "").split())
        if value:
            return value
        if placeholder.name not in missing:
            missing.append(placeholder.name)
        return BLANK

    return _TOKEN.sub(replace, body), tuple(missing)


# -- facts in words ---------------------------------------------------------------------------
_MONTHS_RU = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
_MONTHS_RU_NOMINATIVE = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
]

_STATUS_RU = {
    CaseStatus.SERVING: "проходит военную службу",
    CaseStatus.REFUSED: "отказался от участия в боевых действиях",
    CaseStatus.DETAINED: "задержан, содержится под стражей",
    CaseStatus.TRANSFERRED: "переведён в другое место содержания",
    CaseStatus.WHEREABOUTS_UNKNOWN: "местонахождение неизвестно",
    CaseStatus.RELEASED: "освобождён",
    CaseStatus.HOME: "вернулся домой",
    CaseStatus.RETURNED_TO_FRONT: "направлен обратно в зону боевых действий",
    CaseStatus.CONTRACT_TERMINATED: "контракт расторгнут",
    CaseStatus.DECEASED: "погиб",
}


def day_in_words(day: date, language: str) -> str:
    """«4 декабря 2026 г.» for a Russian letter; the interface's own format otherwise."""
    if language == "ru":
        return f"{day.day} {_MONTHS_RU[day.month - 1]} {day.year} г."
    return day.strftime("%-d %B %Y")


def _day(day: date, language: str) -> str:
    return day.strftime("%d.%m.%Y") if language == "ru" else format_date(day)


def date_fact(value: UncertainDate | None, language: str) -> str:
    """A date as a letter states it: exact as a day, uncertain as known ("около июля 2024 г."),
    unknown as nothing (a blank line to fill in)."""
    if value is None or value.precision is Precision.UNKNOWN:
        return ""
    ru = language == "ru"
    first, last = value.earliest, value.latest
    about = ("около " if ru else "about ") if value.approximate else ""
    match value.precision:
        case Precision.DAY:
            assert first is not None
            return about + _day(first, language)
        case Precision.MONTH:
            assert first is not None
            if ru:
                months = _MONTHS_RU if about else _MONTHS_RU_NOMINATIVE
                return f"{about}{months[first.month - 1]} {first.year} г."
            return about + first.strftime("%B %Y")
        case Precision.YEAR:
            assert first is not None
            return f"{about}{first.year} г." if ru else f"{about}{first.year}"
        case Precision.BETWEEN:
            assert first is not None and last is not None
            words = "между {0} и {1}" if ru else "between {0} and {1}"
            return about + words.format(_day(first, language), _day(last, language))
        case Precision.BEFORE:
            assert last is not None
            return ("не позднее " if ru else "on or before ") + _day(last, language)
        case Precision.AFTER:
            assert first is not None
            return ("не ранее " if ru else "on or after ") + _day(first, language)
    return ""


def _stored_date(record: Case, column: str) -> UncertainDate | None:
    """The date as stored; a code this version cannot read gives its earliest day alone."""
    try:
        return uncertain_dates.read(record, column)
    except EdtfError:
        day = getattr(record, column)
        return UncertainDate.day(day) if day is not None else None


def _place(facility: Facility) -> str:
    parts = [facility.name, facility.settlement, facility.region]
    return ", ".join(p.strip() for p in parts if p and p.strip())


def case_facts(
    session: Session, case: Case, request: Request | None, language: str, today: date
) -> dict[str, str]:
    """Every placeholder's fact for ``case`` (and ``request``), "" where the vault has none."""
    held = session.exec(
        select(Facility)
        .join(CustodyPeriod, col(CustodyPeriod.facility_id) == Facility.id)
        .where(CustodyPeriod.case_id == case.id, held_there())
        .order_by(col(CustodyPeriod.since).asc().nulls_first(), col(CustodyPeriod.created_at))
    ).all()

    def dated(column: str) -> str:
        return date_fact(_stored_date(case, column), language)

    status = _STATUS_RU[CaseStatus(case.status)] if language == "ru" else status_label(case.status)
    facts = {
        "ФИО": case.full_name,
        "дата рождения": dated("birth_date"),
        "воинская часть": case.military_unit,
        "место содержания": _place(held[-1]) if held else "",
        "дата задержания": dated("detention_date"),
        "дата отказа": dated("refusal_date"),
        "статус": status,
        "номер дела": case.ref,
        "сотрудник": case.caseworker,
        "сегодня": day_in_words(today, language),
    }
    if request is not None:
        facts |= {
            "адресат": request.addressee,
            "исходящий номер": request.outgoing_number,
            "дата отправки": _day(request.sent_on, language) if request.sent_on else "",
            "подписал": request.signed_by,
        }
    return facts


# -- the service ------------------------------------------------------------------------------
def default_template(kind: str) -> LetterTemplate:
    """The app's own template of ``kind``, not stored."""
    default = DEFAULTS[kind]
    return LetterTemplate(kind=kind, title=default.title, body=default.body, language="ru")


def _check_kind(kind: str) -> str:
    if kind not in TEMPLATE_KINDS:
        raise NotFound(
            translate("letters", "No letter template of the kind “%1”. The kinds are: %2.")
            .replace("%1", kind)
            .replace("%2", ", ".join(TEMPLATE_KINDS))
        )
    return kind


def _stored(session: Session) -> dict[str, LetterTemplate]:
    return {t.kind: t for t in session.exec(select(LetterTemplate))}


def _ensure_defaults(session: Session) -> dict[str, LetterTemplate]:
    """Store the app's template of every kind the vault lacks, and bring unedited ones up to
    the app's current wording; the caseworker's own versions are left alone."""
    stored = _stored(session)
    for kind in TEMPLATE_KINDS:
        default = DEFAULTS[kind]
        row = stored.get(kind)
        if row is None:
            row = stored[kind] = default_template(kind)
            session.add(row)
        elif not row.edited and (row.title, row.body) != (default.title, default.body):
            row.title, row.body, row.language = default.title, default.body, "ru"
            row.updated_at = utcnow()
            session.add(row)
    return stored


class LetterService:
    def __init__(self, workspace: "OpenVault") -> None:
        self.ws = workspace

    def _templates(self, *, store: bool = True) -> dict[str, LetterTemplate]:
        if self.ws.read_only or not store:
            with self.ws.reading() as session:
                stored = _stored(session)
            return {k: stored.get(k) or default_template(k) for k in TEMPLATE_KINDS}
        with self.ws.session() as session:
            return _ensure_defaults(session)

    def templates(self, *, store: bool = True) -> list[LetterTemplate]:
        """Every kind's template, in ``TEMPLATE_KINDS`` order: the defaults are stored on first
        use, or with ``store=False`` only shown (a list that must not change the vault)."""
        stored = self._templates(store=store)
        return [stored[kind] for kind in TEMPLATE_KINDS]

    def template(self, kind: str) -> LetterTemplate:
        return self._templates()[_check_kind(kind)]

    def save_template(
        self, kind: str, *, body: str, title: str | None = None, language: str | None = None
    ) -> LetterTemplate:
        """The caseworker's own text for ``kind``: checked, then kept until reset."""
        _check_kind(kind)
        unknown = unknown_placeholders(body)
        if unknown:
            raise UnknownPlaceholder(unknown)
        if not body.strip():
            raise InvalidInput(translate("letters", "A letter template cannot be empty."))
        with self.ws.session() as session:
            row = _ensure_defaults(session)[kind]
            row.body = body
            if title is not None and title.strip():
                row.title = title.strip()
            if language is not None:
                row.language = language
            row.edited = True
            row.updated_at = utcnow()
            session.add(row)
            return row

    def reset_template(self, kind: str) -> LetterTemplate:
        """Back to the app's own text (the caseworker's version is in the history of changes)."""
        _check_kind(kind)
        default = DEFAULTS[kind]
        with self.ws.session() as session:
            row = _ensure_defaults(session)[kind]
            if row.edited:
                row.title, row.body, row.language = default.title, default.body, "ru"
                row.edited = False
                row.updated_at = utcnow()
                session.add(row)
            return row

    def fill(
        self,
        ref_or_id: str | uuid.UUID,
        kind: str | None = None,
        *,
        request_id: uuid.UUID | str | None = None,
        today: date | None = None,
    ) -> FilledLetter:
        """The letter of template ``kind`` (by default, the request's kind, else ``general``)
        filled from the case and, when given, one of its requests."""
        stored = self._templates()
        with self.ws.reading() as session:
            case = get_case(session, ref_or_id)
            request = _request_of(session, case, request_id) if request_id else None
            if kind is None:
                kind = template_kind_for(request.kind) if request is not None else GENERAL
            template = stored[_check_kind(kind)]
            facts = case_facts(session, case, request, template.language, today or date.today())
        text, missing = fill_text(template.body, facts)
        return FilledLetter(kind, template.title, text, missing, template.language)


def _request_of(session: Session, case: Case, request_id: uuid.UUID | str) -> Request:
    """One of the case's requests by its id, or the start of it (at least 6 characters; the
    ``requests`` command shows 8), with or without its dashes."""
    text = str(request_id).strip().lower().replace("-", "")
    requests = session.exec(select(Request).where(Request.case_id == case.id)).all()
    found = [r for r in requests if r.id.hex == text]
    if not found and len(text) >= 6:
        found = [r for r in requests if r.id.hex.startswith(text)]
    if len(found) != 1:
        raise NotFound(
            translate("letters", "Case %1 has no request %2.")
            .replace("%1", case.ref)
            .replace("%2", str(request_id))
        )
    return found[0]


def letter_format(path: Path) -> LetterFormat:
    """The format a file name asks for (.pdf, .odt, .docx), or a refusal that lists them."""
    try:
        return LetterFormat(path.suffix.lower().lstrip("."))
    except ValueError:
        raise InvalidInput(
            translate("letters", "A letter is saved as .pdf, .odt or .docx, not “%1”.").replace(
                "%1", path.name
            )
        ) from None


def save_letter(path: Path, text: str, *, title: str = "", overwrite: bool = False) -> None:
    """Write the letter to ``path`` in the format its name asks for: only on the caseworker's
    explicit request (a Save dialog, ``--out``). Private to the user (mode 0600), written whole
    or not at all; an existing file is replaced only when ``overwrite``."""
    save_output(path, render(text, letter_format(path), title=title), overwrite=overwrite)


def template_kind_label(kind: str) -> str:
    """Who a template is for, in the interface language ("Military prosecutor's office")."""
    if kind == GENERAL:
        return translate("letters", "Any other addressee")
    return request_kind_label(kind)


def placeholder_description(placeholder: Placeholder) -> str:
    return translate("letters", placeholder.description)


# For the template editor's list: "{ФИО}" and what it holds, in the interface language.
def placeholder_choices(
    describe: Callable[[Placeholder], str] = placeholder_description,
) -> list[tuple[str, str]]:
    return [("{" + p.name + "}", describe(p)) for p in PLACEHOLDERS]
