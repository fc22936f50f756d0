"""A case's history: who changed what, when, and each field's old and new value, in words.

The audit log (services/audit.py) files each change under the case it belongs to. A case's
history is that, plus what its rows do not name a case for:

- edits to the relatives who speak for him: a relative may speak for several men, and his
  edits show in the history of each. "His relatives" are those linked now and those whose link
  the log saw (a link removed, or the relative deleted, still shows what happened before);
- same-person links that name the case as either of the pair;
- the disclosure log (what left, to whom), from the consent service.

Qt-free, so the command line and the desktop show the same lines. Values stay as the log holds
them (JSON: ISO dates, enum values); ``value_words`` turns one into words for a person.
"""

import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from casetracker.i18n import QT_TRANSLATE_NOOP, format_date, translate
from casetracker.model import (
    AuditAction,
    AuditEntry,
    Case,
    CaseRelative,
    Relative,
    TeamAuthorship,
    TeamState,
)
from casetracker.model.consent_labels import audience_label, consent_how_label
from casetracker.model.labels import (
    counts_lines,
    field_label,
    profile_label,
    stored_value_label,
    yes_no,
)
from casetracker.model.request_labels import (
    reply_outcome_label,
    request_channel_label,
    request_kind_label,
)
from casetracker.model.same_person import SameCertainty, SamePersonLink, Verdict
from casetracker.model.uncertain_date import EdtfError, UncertainDate
from casetracker.services import consent, uncertain_dates
from casetracker.services.audit import created_changes
from casetracker.services.same_person import certainty_label as same_person_certainty
from casetracker.services.search_text import fold
from casetracker.team.chain import MemberList

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

# Shown for a value that is not there (a field that was empty, or is no more).
EMPTY = "—"
# Longer texts are shortened in a line of the history; the full text goes in a tooltip.
SHORT = 60


class HistoryKind(StrEnum):
    """What a history entry is about: the filter's choices."""

    CASE = "case"
    STATUS = "status"
    CONTACTS = "contacts"
    CUSTODY = "custody"
    RELATIVES = "relatives"
    EVIDENCE = "evidence"
    CONSENT = "consent"
    MERGES = "merges"
    REQUESTS = "requests"
    OTHER = "other"


_KIND_LABELS = {
    HistoryKind.CASE: QT_TRANSLATE_NOOP("history", "Case details"),
    HistoryKind.STATUS: QT_TRANSLATE_NOOP("history", "Status"),
    HistoryKind.CONTACTS: QT_TRANSLATE_NOOP("history", "Contacts"),
    HistoryKind.CUSTODY: QT_TRANSLATE_NOOP("history", "Places of custody"),
    HistoryKind.RELATIVES: QT_TRANSLATE_NOOP("history", "Relatives"),
    HistoryKind.EVIDENCE: QT_TRANSLATE_NOOP("history", "Sources and evidence"),
    HistoryKind.CONSENT: QT_TRANSLATE_NOOP("history", "Consent and disclosures"),
    HistoryKind.MERGES: QT_TRANSLATE_NOOP("history", "Same person and merges"),
    HistoryKind.REQUESTS: QT_TRANSLATE_NOOP("history", "Requests and tasks"),
    HistoryKind.OTHER: QT_TRANSLATE_NOOP("history", "Flags and other"),
}

# Each audited table's kind; a table not listed here is "other".
_KINDS = {
    "Case": HistoryKind.CASE,
    "StatusChange": HistoryKind.STATUS,
    "ContactEvent": HistoryKind.CONTACTS,
    "CustodyPeriod": HistoryKind.CUSTODY,
    "Facility": HistoryKind.CUSTODY,
    "Relative": HistoryKind.RELATIVES,
    "CaseRelative": HistoryKind.RELATIVES,
    "Source": HistoryKind.EVIDENCE,
    "SourceCase": HistoryKind.EVIDENCE,
    "Allegation": HistoryKind.EVIDENCE,
    "AllegationCase": HistoryKind.EVIDENCE,
    "Attachment": HistoryKind.EVIDENCE,
    "Consent": HistoryKind.CONSENT,
    "DisclosureEntry": HistoryKind.CONSENT,
    "SamePersonLink": HistoryKind.MERGES,
    "CaseMerge": HistoryKind.MERGES,
    "Request": HistoryKind.REQUESTS,
    "Task": HistoryKind.REQUESTS,
    "Letter": HistoryKind.REQUESTS,
    "FlagState": HistoryKind.OTHER,
}

_ENTITY_LABELS = {
    "Case": QT_TRANSLATE_NOOP("history", "case"),
    "StatusChange": QT_TRANSLATE_NOOP("history", "status"),
    "ContactEvent": QT_TRANSLATE_NOOP("history", "contact"),
    "CustodyPeriod": QT_TRANSLATE_NOOP("history", "place of custody"),
    "Relative": QT_TRANSLATE_NOOP("history", "relative"),
    "CaseRelative": QT_TRANSLATE_NOOP("history", "relative link"),
    "Source": QT_TRANSLATE_NOOP("history", "source"),
    "SourceCase": QT_TRANSLATE_NOOP("history", "source link"),
    "AllegationCase": QT_TRANSLATE_NOOP("history", "allegation link"),
    "Attachment": QT_TRANSLATE_NOOP("history", "attachment"),
    "FlagState": QT_TRANSLATE_NOOP("history", "flag"),
    "Consent": QT_TRANSLATE_NOOP("history", "consent"),
    "DisclosureEntry": QT_TRANSLATE_NOOP("history", "disclosure"),
    "SamePersonLink": QT_TRANSLATE_NOOP("history", "same-person link"),
    "CaseMerge": QT_TRANSLATE_NOOP("history", "merge"),
    "Request": QT_TRANSLATE_NOOP("history", "request"),
    "Task": QT_TRANSLATE_NOOP("history", "task"),
}

_ACTION_LABELS = {
    AuditAction.CREATE: QT_TRANSLATE_NOOP("history", "added"),
    AuditAction.UPDATE: QT_TRANSLATE_NOOP("history", "changed"),
    AuditAction.DELETE: QT_TRANSLATE_NOOP("history", "deleted"),
    AuditAction.ACKNOWLEDGE: QT_TRANSLATE_NOOP("history", "acknowledged"),
    AuditAction.IMPORT: QT_TRANSLATE_NOOP("history", "imported"),
}

# Fields that say nothing to a person: keys, blob names, the "hour known" switch of a contact.
_HIDDEN = frozenset({"id", "blob_name", "time_known", "case_a", "case_b", "search_key", "sha256"})

# Fields of the newer records (requests, tasks, consent, disclosures, same-person links) the
# shared field labels do not name yet: named here, for History alone.
_MORE_FIELDS = {
    "ended": QT_TRANSLATE_NOOP("history", "no longer held there"),
    "severity": QT_TRANSLATE_NOOP("history", "severity"),
    "subject": QT_TRANSLATE_NOOP("history", "about"),
    "addressee": QT_TRANSLATE_NOOP("history", "addressee"),
    "sent_on": QT_TRANSLATE_NOOP("history", "sent on"),
    "outgoing_number": QT_TRANSLATE_NOOP("history", "outgoing number"),
    "registration_number": QT_TRANSLATE_NOOP("history", "registration number"),
    "signed_by": QT_TRANSLATE_NOOP("history", "signed by"),
    "replied_on": QT_TRANSLATE_NOOP("history", "reply received on"),
    "reply_outcome": QT_TRANSLATE_NOOP("history", "reply"),
    "reply_text": QT_TRANSLATE_NOOP("history", "reply text"),
    "closed": QT_TRANSLATE_NOOP("history", "closed"),
    "assignee": QT_TRANSLATE_NOOP("history", "who does it"),
    "due_on": QT_TRANSLATE_NOOP("history", "due on"),
    "done_on": QT_TRANSLATE_NOOP("history", "done on"),
    "done_by": QT_TRANSLATE_NOOP("history", "done by"),
    "audience": QT_TRANSLATE_NOOP("history", "who may see it"),
    "given_on": QT_TRANSLATE_NOOP("history", "given on"),
    "how": QT_TRANSLATE_NOOP("history", "how it was given"),
    "given_through": QT_TRANSLATE_NOOP("history", "given through"),
    "withdrawn_on": QT_TRANSLATE_NOOP("history", "withdrawn on"),
    "sent_at": QT_TRANSLATE_NOOP("history", "sent"),
    "profile": QT_TRANSLATE_NOOP("history", "profile"),
    "counts": QT_TRANSLATE_NOOP("history", "what was sent"),
    "recipients": QT_TRANSLATE_NOOP("history", "recipients"),
    "with_passphrase": QT_TRANSLATE_NOOP("history", "with a passphrase"),
    "relatives_withheld": QT_TRANSLATE_NOOP("history", "relatives withheld"),
    "without_consent_reason": QT_TRANSLATE_NOOP("history", "sent without his consent because"),
    "signer_fingerprint": QT_TRANSLATE_NOOP("history", "signed with the key"),
    "sent_by": QT_TRANSLATE_NOOP("history", "sent by"),
    "verdict": QT_TRANSLATE_NOOP("history", "verdict"),
    "decided_by": QT_TRANSLATE_NOOP("history", "decided by"),
    "decided_on": QT_TRANSLATE_NOOP("history", "decided on"),
}


def _verdict_label(value: str) -> str:
    labels = {
        Verdict.SAME: QT_TRANSLATE_NOOP("history", "the same man"),
        Verdict.NOT_SAME: QT_TRANSLATE_NOOP("history", "not the same man"),
    }
    return translate("history", labels[Verdict(value)])


# Values of those fields, by record and field.
_MORE_VALUES: dict[tuple[str, str], Callable[[str], str]] = {
    ("Request", "kind"): request_kind_label,
    ("Request", "channel"): request_channel_label,
    ("Request", "reply_outcome"): reply_outcome_label,
    ("Consent", "audience"): audience_label,
    ("Consent", "how"): consent_how_label,
    ("DisclosureEntry", "profile"): profile_label,
    ("DisclosureEntry", "counts"): lambda v: ", ".join(counts_lines(json.loads(v))),
    ("SamePersonLink", "verdict"): _verdict_label,
    ("SamePersonLink", "certainty"): lambda v: same_person_certainty(SameCertainty(v)),
}


def label_of(name: str) -> str:
    """A field's name in words: the shared labels, else History's own for newer records."""
    more = _MORE_FIELDS.get(name)
    return translate("history", more) if more else field_label(name)


def kind_label(kind: HistoryKind) -> str:
    return translate("history", _KIND_LABELS[kind])


def entity_label(entity: str) -> str:
    text = _ENTITY_LABELS.get(entity)
    return translate("history", text) if text else entity


def action_label(action: str) -> str:
    try:
        return translate("history", _ACTION_LABELS[AuditAction(action)])
    except (ValueError, KeyError):
        return action


def kind_of(entity: str) -> HistoryKind:
    return _KINDS.get(entity, HistoryKind.OTHER)


def _iso_day(value: str) -> date | datetime | None:
    if not (len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-"):
        return None
    try:
        return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    except ValueError:
        return None


def moment_words(value: datetime) -> str:
    """A moment as the interface language writes it: the day, then the hour if not midnight."""
    day = format_date(value.date())
    return day if value.time() == datetime.min.time() else f"{day} {value:%H:%M}"


def value_words(
    entity: str,
    name: str,
    value: Any,
    *,
    day: Callable[[date], str] = format_date,
    moment: Callable[[datetime], str] = moment_words,
) -> str:
    """A value the log holds, as a person reads it: labels for statuses and kinds, yes/no,
    dates in the interface language's way, an uncertain date in words."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return yes_no(value)
    if name == "rule":
        from casetracker.rules import engine

        rule = engine.BY_ID.get(str(value))
        return rule.title() if rule is not None else str(value)
    more = _MORE_VALUES.get((entity, name))
    if more is not None and isinstance(value, str):
        try:
            return more(value)
        except (KeyError, ValueError, TypeError, AttributeError):
            return value
    label = stored_value_label(entity, name, value)
    if label is not None:
        return label
    if isinstance(value, str):
        when = _iso_day(value)
        if isinstance(when, datetime):
            return moment(when)
        if isinstance(when, date):
            return day(when)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def shortened(text: str, limit: int = SHORT) -> str:
    """``text`` on one line, cut at ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class FieldChange:
    """One field of one entry: its old and new value as the log holds them (None: none)."""

    entity: str
    name: str
    old: Any
    new: Any
    # The uncertain-date codes stored beside a date field (``X_edtf``), folded into X's line.
    old_code: str = ""
    new_code: str = ""
    # Only the code changed (the earliest day did not): "" then means "that exact day".
    code_only: bool = False

    @property
    def label(self) -> str:
        return label_of(self.name)

    def old_words(self, **formats: Any) -> str:
        return self._words(self.old, self.old_code, **formats)

    def new_words(self, **formats: Any) -> str:
        return self._words(self.new, self.new_code, **formats)

    def _words(self, value: Any, code: str, **formats: Any) -> str:
        if self.code_only and not code:
            return translate("history", "the exact day", "an uncertain date made exact")
        return _date_or_value(self.entity, self.name, value, code, **formats)


def _date_or_value(entity: str, name: str, value: Any, code: str, **formats: Any) -> str:
    if code:
        words = _uncertain_words(value, code)
        if words:
            return words
    return value_words(entity, name, value, **formats)


def _uncertain_words(value: Any, code: str) -> str:
    """An uncertain date ("July 2024", "about 8 July 2024") in words, as lists show it."""
    day = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    try:
        return uncertain_dates.describe(UncertainDate.from_columns(day, code))
    except (EdtfError, ValueError):  # a code this version cannot read: shown as stored
        return code


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime  # local time on this computer (the log keeps UTC)
    actor: str
    action: str
    entity: str
    entity_id: str
    kind: HistoryKind
    changes: tuple[FieldChange, ...] = ()
    # Whom a relative's entry is about (his name as now), so it reads in another case.
    subject: str = ""
    # The audit entry's id, or the disclosure's when it comes from the disclosure log.
    id: str = ""
    # The team member whose signed change set brought this entry (team sync): the name the
    # chain proves, beside the name the author's own laptop recorded. "" when not from a team.
    signed_by: str = ""

    @property
    def what(self) -> str:
        """ "contact deleted", "relative changed (Смирнова Анна)"."""
        text = translate("history", "%1 %2", "what was changed, then how: case changed")
        text = text.replace("%1", entity_label(self.entity)).replace(
            "%2", action_label(self.action)
        )
        return f"{text} ({self.subject})" if self.subject else text

    def change_lines(self, limit: int | None = None, **formats: Any) -> list[str]:
        """ "status: Detained → Transferred", one a field: a new row shows its values alone, a
        deleted one its last values alone; ``limit`` shortens each value."""
        lines = []
        for change in self.changes:
            old, new = change.old_words(**formats), change.new_words(**formats)
            if limit is not None:
                old, new = shortened(old, limit), shortened(new, limit)
            if self.action == AuditAction.CREATE or (
                change.old is None and change.new is not None and self.action != AuditAction.UPDATE
            ):
                lines.append(f"{change.label}: {new}")
            elif self.action == AuditAction.DELETE:
                lines.append(f"{change.label}: {old}")
            else:
                lines.append(f"{change.label}: {old} → {new}")
        return lines

    def changes_text(self, limit: int | None = None, **formats: Any) -> str:
        """ "status: Detained → Transferred; note: …" on one line."""
        return "; ".join(self.change_lines(limit, **formats))


@dataclass(frozen=True)
class HistoryFilter:
    """Which entries to show; each part left empty shows everything."""

    kinds: frozenset[HistoryKind] = frozenset()
    # Part of the caseworker's name, any case.
    who: str = ""
    # Exactly this caseworker (the name as recorded), as chosen from a list.
    who_is: str | None = None
    since: date | None = None
    until: date | None = None
    # Words anywhere in the entry: who, what, field names, old or new values.
    text: str = ""

    def keeps(self, entry: HistoryEntry) -> bool:
        if self.kinds and entry.kind not in self.kinds:
            return False
        if self.who and fold(self.who) not in fold(f"{entry.actor} {entry.signed_by}"):
            return False
        if self.who_is is not None and entry.actor != self.who_is:
            return False
        if self.since and entry.at.date() < self.since:
            return False
        if self.until and entry.at.date() > self.until:
            return False
        return not self.text or all(w in _haystack(entry) for w in fold(self.text).split())


def _haystack(entry: HistoryEntry) -> str:
    parts = [entry.actor, entry.signed_by, entry.what, entry.subject]
    for change in entry.changes:
        parts += [change.label, change.old_words(), change.new_words()]
        parts += [str(v) for v in (change.old, change.new) if v is not None]
    return fold(" ".join(parts))


def _day_alone_unless_timed(changes: dict[str, Any]) -> None:
    """A contact's "when" as its day alone unless its time was given: such a contact is stored
    at midnight, and the history leaves out the false "hour known"."""
    when, known = changes.get("occurred_at"), changes.get("time_known")
    timed = known[-1] if isinstance(known, list) else known
    if timed or not isinstance(when, list):
        return
    changes["occurred_at"] = [
        v[:10] if isinstance(v, str) and v.endswith("T00:00:00") else v for v in when
    ]


def field_changes(entity: str, raw: str) -> tuple[FieldChange, ...]:
    """The fields of one log entry, ids and bookkeeping left out, ``X_edtf`` folded into X."""
    try:
        changes = json.loads(raw or "{}")
    except ValueError:
        return ()
    if not isinstance(changes, dict):
        return ()
    if entity == "ContactEvent":
        _day_alone_unless_timed(changes)
    out = []
    for name, value in sorted(changes.items()):
        if name in _HIDDEN or name.endswith("_id"):
            continue
        if name.endswith("_edtf") and name[: -len("_edtf")] in changes:
            continue
        if not (isinstance(value, list) and len(value) == 2):  # a fact, not a change
            if value is not None and value != "":
                out.append(FieldChange(entity, name, None, value))
            continue
        old, new = value
        codes = changes.get(f"{name}_edtf")
        old_code, new_code = codes if isinstance(codes, list) and len(codes) == 2 else ("", "")
        if name.endswith("_edtf"):  # only the code changed: shown under the date's own name
            name, old_code, new_code = name[: -len("_edtf")], old or "", new or ""
            out.append(FieldChange(entity, name, old, new, old_code, new_code, code_only=True))
            continue
        out.append(FieldChange(entity, name, old, new, old_code or "", new_code or ""))
    return tuple(out)


def _relative_ids(session: Session, case_id: uuid.UUID) -> set[str]:
    """The relatives who speak for this man now, and those the log saw linked to him."""
    linked = session.exec(
        select(CaseRelative.relative_id).where(CaseRelative.case_id == case_id)
    ).all()
    ids = {str(r) for r in linked}
    links = session.exec(
        select(AuditEntry.changes).where(
            AuditEntry.case_id == str(case_id), AuditEntry.entity == "CaseRelative"
        )
    ).all()
    for raw in links:
        if one := _linked_relative(raw):
            ids.add(one)
    return ids


def _disclosures(session: Session, case_id: uuid.UUID, seen: set[str]) -> list[HistoryEntry]:
    """Lines of the disclosure log the audit log lacks (each export's line is audited when it is
    written; one written otherwise, e.g. by an older version, still shows)."""
    out = []
    for row in consent.disclosures_for_case(session, case_id):
        if str(row.id) in seen:
            continue
        values = {k: v for k, v in row.model_dump().items() if k not in ("sent_at", "sent_by")}
        out.append(
            HistoryEntry(
                at=local_time(row.sent_at),
                actor=row.sent_by,
                action=AuditAction.CREATE.value,
                entity="DisclosureEntry",
                entity_id=str(row.id),
                kind=HistoryKind.CONSENT,
                changes=field_changes("DisclosureEntry", json.dumps(created_changes(values))),
                id=str(row.id),
            )
        )
    return out


def entries(
    session: Session,
    case_id: uuid.UUID,
    keep: HistoryFilter | None = None,
    limit: int = 5000,
) -> list[HistoryEntry]:
    """This case's history, newest first, as ``keep`` filters it."""
    relatives = _relative_ids(session, case_id)
    links = session.exec(
        select(SamePersonLink.id).where(
            or_(col(SamePersonLink.case_a) == case_id, col(SamePersonLink.case_b) == case_id)
        )
    ).all()
    # Each by an index (case id, entity id): no scan of the whole log, however long it grows.
    queries = [select(AuditEntry).where(AuditEntry.case_id == str(case_id))]
    if links:
        queries.append(
            select(AuditEntry).where(col(AuditEntry.entity_id).in_([str(i) for i in links]))
        )
    if relatives:
        queries.append(
            select(AuditEntry).where(
                AuditEntry.entity == "Relative", col(AuditEntry.entity_id).in_(relatives)
            )
        )
    found: dict[uuid.UUID, AuditEntry] = {}
    for stmt in queries:
        for row in session.exec(stmt.order_by(col(AuditEntry.at).desc()).limit(limit)):
            found[row.id] = row
    names = _relative_names(session, relatives)
    names |= _other_cases(session, case_id, found.values())
    signers = _signers(session, found)
    out = [replace(_entry(row, names), signed_by=signers.get(i, "")) for i, row in found.items()]
    out += _disclosures(session, case_id, {e.entity_id for e in out})
    out.sort(key=lambda e: (e.at, e.id))
    out = _with_known_days(out)
    out.reverse()
    return [e for e in out if keep is None or keep.keeps(e)][:limit]


def _with_known_days(oldest_first: list[HistoryEntry]) -> list[HistoryEntry]:
    """Where only a date's uncertainty changed ("July 2024" made exact: the earliest day stayed),
    the entry lacks the day; it is the one an earlier entry of the same row last gave."""
    known: dict[tuple[str, str], Any] = {}
    out = []
    for entry in oldest_first:
        changes = []
        for change in entry.changes:
            if change.code_only and (entry.entity_id, change.name) in known:
                day = known[(entry.entity_id, change.name)]
                change = replace(change, old=day, new=day, code_only=False)
            elif not change.code_only:
                known[(entry.entity_id, change.name)] = change.new
            changes.append(change)
        out.append(replace(entry, changes=tuple(changes)))
    return out


def signed_words(name: str) -> str:
    """ "signed by Anna": who a team's signed change set proves made the entry."""
    return translate("history", "signed by %1").replace("%1", name)


def _signers(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """For entries that came from the team: the member who signed them, by name in the member
    list this vault holds; one no longer in it is "a former member" (the list says who is in,
    not who was)."""
    by_hex = {i.hex: i for i in ids}
    state = session.get(TeamState, 1) if by_hex else None
    if state is None:
        return {}
    found: dict[uuid.UUID, str] = {}
    wanted = list(by_hex)
    for start in range(0, len(wanted), 500):  # SQLite's limit on bound values
        part = wanted[start : start + 500]
        for entry_id, role in session.exec(
            select(TeamAuthorship.entry_id, TeamAuthorship.author_role).where(
                col(TeamAuthorship.entry_id).in_(part)
            )
        ):
            found[by_hex[entry_id]] = role
    if not found:
        return {}
    names = _member_names(state)
    former = translate("history", "a former member")
    return {i: names.get(role) or former for i, role in found.items()}


def _member_names(state: TeamState) -> dict[str, str]:
    """Login role → name, from the signed member list this vault last took."""
    if not state.members:
        return {}
    return {m.role: m.name for m in MemberList.decode(state.members.encode()).members}


def _relative_names(session: Session, ids: Iterable[str]) -> dict[str, str]:
    wanted = [uuid.UUID(i) for i in ids]
    if not wanted:
        return {}
    rows = session.exec(
        select(Relative.id, Relative.full_name).where(col(Relative.id).in_(wanted))
    ).all()
    return {str(rid): name for rid, name in rows}


def _other_cases(
    session: Session, case_id: uuid.UUID, rows: Iterable[AuditEntry]
) -> dict[str, str]:
    """For each same-person link entry (by its link id), the reference of the other case."""
    other: dict[str, str] = {}
    for row in rows:
        if row.entity != "SamePersonLink":
            continue
        try:
            changes = json.loads(row.changes or "{}")
        except ValueError:
            continue
        for key in ("case_a", "case_b"):
            value = changes.get(key)
            for one in value if isinstance(value, list) else [value]:
                if one and one != str(case_id):
                    other[row.entity_id] = str(one)
    if not other:
        return {}
    wanted = {uuid.UUID(v) for v in other.values()}
    refs = dict(session.exec(select(Case.id, Case.ref).where(col(Case.id).in_(wanted))).all())
    return {link: refs.get(uuid.UUID(case), "") for link, case in other.items()}


def _linked_relative(raw: str) -> str:
    try:
        value = json.loads(raw or "{}").get("relative_id")
    except (ValueError, AttributeError):
        return ""
    found = [v for v in (value if isinstance(value, list) else [value]) if v]
    return str(found[0]) if found else ""


def local_time(utc: datetime) -> datetime:
    """The log's naive UTC moment on this computer's clock, as the caseworker lived it."""
    return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def _entry(row: AuditEntry, names: dict[str, str]) -> HistoryEntry:
    named = row.entity in ("Relative", "SamePersonLink")
    subject = names.get(row.entity_id, "") if named else ""
    if row.entity == "CaseRelative":  # which relative was linked or unlinked
        subject = names.get(_linked_relative(row.changes), "")
    changes = field_changes(row.entity, row.changes)
    if row.entity == "Relative" and not subject:  # deleted since: his last name from the log
        subject = next((str(c.old or c.new) for c in changes if c.name == "full_name"), "")
    return HistoryEntry(
        at=local_time(row.at),
        actor=row.actor,
        action=str(row.action),
        entity=row.entity,
        entity_id=row.entity_id,
        kind=kind_of(row.entity),
        changes=changes,
        subject=subject,
        id=str(row.id),
    )


def case_history(
    ws: "OpenVault", ref_or_id: str | uuid.UUID, keep: HistoryFilter | None = None
) -> list[HistoryEntry]:
    """The history of the case with this reference or id (one read of the vault)."""
    from casetracker.services.cases import get_case

    with ws.reading() as session:
        case = get_case(session, ref_or_id)
        return entries(session, case.id, keep)


def actors(found: Iterable[HistoryEntry]) -> list[str]:
    """Who made these entries, each once, in alphabetical order."""
    return sorted({e.actor for e in found if e.actor}, key=str.casefold)
