"""Consent per audience, the check every export makes, and the disclosure log.

For the HISTORY part: ``disclosures_for_case(session, case_id) -> list[DisclosureEntry]`` gives
a case's disclosure log, newest first. Each entry is a plain row (``sent_at``, ``sent_by``,
``profile``, ``recipients``, ``counts`` JSON, ``relatives_withheld``,
``without_consent_reason``), written in one insert per export and not repeated in the audit
log (the log is itself the record). Consent given and withdrawn are audited rows of "Consent",
with the case's id, like any other row.

Who consented is decided by ``Consent`` rows. A relative's old "may share with a lawyer / with
media" tick (``Relative.share_with_lawyer`` / ``share_with_media``) still counts as consent for
every case he speaks for until ``adopt_legacy_flags`` turns it into rows ("recorded before
consent tracking", dated the day of the upgrade) and clears it; imports and bundles from other
vaults may set the tick again, and it counts the same way until adopted. Once a person has any
row for an audience on a case, the rows alone decide.

The man himself often cannot be asked: he is held incommunicado. An export is never silently
stripped of him; instead the caseworker must give a reason to send his case without his consent
(``ConsentNeeded`` otherwise), and that reason is written into each of those cases' disclosure
entries.
"""

import json
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import insert
from sqlmodel import Session, col, select

from casetracker.i18n import QT_TRANSLATE_NOOP, Context, translate
from casetracker.model import (
    Audience,
    Case,
    CaseRelative,
    Consent,
    ConsentHow,
    DisclosureEntry,
    Relative,
    utcnow,
)
from casetracker.services.cases import get_case
from casetracker.services.errors import InvalidInput, NotFound
from casetracker.services.settings import SettingSpec, register
from casetracker.storage.errors import VaultReadOnly

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

# For plurals (named as the context: pyside6-lupdate reads the name).
services = Context("services")

# The audience each export profile serves.
PROFILE_AUDIENCE: dict[str, Audience] = {
    "lawyer": Audience.LAWYER,
    "partner": Audience.PARTNER,
    "media": Audience.MEDIA,
    "anonymised": Audience.STATISTICS,
}

# The old per-relative ticks and the audience each stood for.
LEGACY_FLAGS: dict[Audience, str] = {
    Audience.LAWYER: "share_with_lawyer",
    Audience.MEDIA: "share_with_media",
}

ANONYMITY_K = "anonymity_k"
register(
    SettingSpec(
        ANONYMITY_K,
        int,
        5,
        QT_TRANSLATE_NOOP(
            "settings", "Anonymised exports: at least this many men share a unit, region and year"
        ),
        2,
        100,
    )
)

# A (case id, relative id) pair; relative id None is the man himself.
Person = tuple[uuid.UUID, uuid.UUID | None]


class ConsentNeeded(InvalidInput):
    """Some men of an export have not consented to its audience, and no reason was given."""

    def __init__(self, refs: Sequence[str], audience: Audience) -> None:
        shown = ", ".join(refs[:10]) + (" …" if len(refs) > 10 else "")
        super().__init__(
            services.tr(
                "Nothing was exported: the man has not consented to this audience in %n case(s) "
                "({refs}). Give a reason to send them without his consent, or record it first.",
                "",
                len(refs),
            ).format(refs=shown)
        )
        self.refs = list(refs)
        self.audience = audience


@dataclass(frozen=True)
class ConsentLine:
    """One person's consent to one audience on a case, as the GUI and the CLI show it.

    ``consent_id`` is None for an old "may share" tick not yet turned into a row."""

    case_id: uuid.UUID
    relative_id: uuid.UUID | None
    person: str  # the relative's name ("" for the man or an unnamed relative)
    relationship: str
    audience: Audience
    given_on: date | None
    how: ConsentHow
    given_through: str
    note: str
    withdrawn_on: date | None
    consent_id: uuid.UUID | None

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None


@dataclass(frozen=True)
class WithoutConsent:
    """A relative of an exported case who has not consented to the export's audience."""

    case_id: uuid.UUID
    ref: str
    relative_id: uuid.UUID
    name: str
    relationship: str


@dataclass(frozen=True)
class ConsentCheck:
    """What an export's audience was given consent for, among the chosen cases."""

    audience: Audience
    # (case id, ref) of the men who have not consented, in ref order.
    men_without: list[tuple[uuid.UUID, str]]
    # Relatives who have not consented: they are withheld, as before.
    relatives_without: list[WithoutConsent]
    # Every (case, relative) pair that has consented; relative None is the man.
    consented: frozenset[Person]


def _legacy_pairs(
    session: Session,
    case_ids: Collection[uuid.UUID] | None,
    audience: Audience,
    relative_id: uuid.UUID | None = None,
) -> set[Person]:
    """Pairs whose old tick still stands for this audience (no rows decide for them yet), of
    these cases (all: None) and of one relative if given."""
    flag = LEGACY_FLAGS.get(audience)
    if flag is None:
        return set()
    stmt = (
        select(CaseRelative.case_id, CaseRelative.relative_id)
        .join(Relative, col(Relative.id) == CaseRelative.relative_id)
        .where(getattr(Relative, flag) == True)  # noqa: E712 (SQL)
    )
    if case_ids is not None:
        stmt = stmt.where(col(CaseRelative.case_id).in_(list(case_ids)))
    if relative_id is not None:
        stmt = stmt.where(CaseRelative.relative_id == relative_id)
    return {(c, r) for c, r in session.exec(stmt)}


def _rows(
    session: Session, case_ids: Collection[uuid.UUID] | None, audience: Audience | None = None
) -> list[Consent]:
    stmt = select(Consent).order_by(col(Consent.given_on), col(Consent.created_at))
    if case_ids is not None:
        stmt = stmt.where(col(Consent.case_id).in_(list(case_ids)))
    if audience is not None:
        stmt = stmt.where(Consent.audience == audience)
    return list(session.exec(stmt))


def consented(session: Session, case_ids: Collection[uuid.UUID], audience: Audience) -> set[Person]:
    """Who has consent standing for ``audience`` on these cases, the man as relative None."""
    rows = _rows(session, case_ids, audience)
    decided = {(c.case_id, c.relative_id) for c in rows}
    out = {(c.case_id, c.relative_id) for c in rows if c.withdrawn_on is None}
    out |= {pair for pair in _legacy_pairs(session, case_ids, audience) if pair not in decided}
    return out


def check_export(session: Session, case_ids: Collection[uuid.UUID], profile: str) -> ConsentCheck:
    """Which men and relatives of these cases lack consent for the audience ``profile`` serves."""
    audience = PROFILE_AUDIENCE.get(profile)
    if audience is None:
        raise InvalidInput(
            translate("services", "Unknown profile {name}.").format(name=profile[:40])
        )
    ids = list(case_ids)
    given = consented(session, ids, audience)
    cases = session.exec(
        select(Case.id, Case.ref).where(col(Case.id).in_(ids)).order_by(col(Case.ref))
    ).all()
    men = [(cid, ref) for cid, ref in cases if (cid, None) not in given]
    refs = dict(cases)
    links = session.exec(
        select(CaseRelative.case_id, CaseRelative.relative_id, CaseRelative.relationship,
               Relative.full_name)
        .join(Relative, col(Relative.id) == CaseRelative.relative_id)
        .where(col(CaseRelative.case_id).in_(ids))
    ).all()  # fmt: skip
    relatives = sorted(
        (
            WithoutConsent(cid, refs.get(cid, ""), rid, name, relationship)
            for cid, rid, relationship, name in links
            if (cid, rid) not in given
        ),
        key=lambda w: (w.ref, w.name.casefold()),
    )
    return ConsentCheck(audience, men, relatives, frozenset(given))


def adopt_legacy_flags(
    session: Session, today: date | None = None, *, relative_id: uuid.UUID | None = None
) -> int:
    """Turn every relative's old "may share" tick into consent rows, one per case he speaks
    for and audience, dated ``today`` and marked "recorded before consent tracking"; then clear
    the tick. Idempotent: a cleared tick is not adopted twice, and a pair that already has a
    row for that audience keeps its rows. For the schema-5 migration and for anyone who wants
    the ticks written out; with ``relative_id``, for that person only (before a row is written
    for him). Returns how many rows were added."""
    on = today or date.today()
    added = 0
    for audience, flag in LEGACY_FLAGS.items():
        pairs = _legacy_pairs(session, None, audience, relative_id)
        # Only the cases of the ticked pairs: a relative's consent is recorded in one step.
        cases = {case_id for case_id, _rid in pairs}
        decided = {(c.case_id, c.relative_id) for c in _rows(session, cases, audience)}
        for case_id, rid in sorted(pairs - decided, key=str):
            session.add(
                Consent(
                    case_id=case_id,
                    relative_id=rid,
                    audience=audience,
                    given_on=on,
                    how=ConsentHow.RECORDED_BEFORE,
                )
            )
            added += 1
        ticked = select(Relative).where(getattr(Relative, flag) == True)  # noqa: E712 (SQL)
        if relative_id is not None:
            ticked = ticked.where(Relative.id == relative_id)
        for relative in session.exec(ticked):
            setattr(relative, flag, False)
            session.add(relative)
    session.flush()
    return added


def disclosures_for_case(session: Session, case_id: uuid.UUID) -> list[DisclosureEntry]:
    """A case's disclosure log, newest first (for the case's History)."""
    stmt = (
        select(DisclosureEntry)
        .where(DisclosureEntry.case_id == case_id)
        .order_by(col(DisclosureEntry.sent_at).desc(), col(DisclosureEntry.created_at).desc())
    )
    return list(session.exec(stmt))


@dataclass(frozen=True)
class Disclosure:
    """What one export sent, for ``record_disclosures``: one entry per case is written."""

    case_ids: Sequence[uuid.UUID]
    profile: str
    recipients: Sequence[tuple[str, str]]  # (name, age key fingerprint)
    with_passphrase: bool
    counts: dict[str, int]
    relatives_withheld: dict[uuid.UUID, int]
    # The men whose own consent was missing, and the reason given to send them anyway.
    without_consent: Collection[uuid.UUID]
    reason: str
    signer_fingerprint: str


def record_disclosures(session: Session, sent: Disclosure, actor: str) -> int:
    """One entry per exported case, inserted in one statement: an export of 20,000 cases wrote
    them through the ORM (and an audit line for each) in about 8 s on the GUI thread. The
    entries are the record of the export themselves, append-only, so no audit line repeats
    them. Returns how many were written."""
    now = utcnow().replace(microsecond=0)
    recipients = "; ".join(name if name == fp else f"{name} ({fp})" for name, fp in sent.recipients)
    counts = json.dumps(sent.counts, sort_keys=True)
    exact = utcnow()  # orders two exports of the same second
    same = {
        "created_at": exact,
        "updated_at": exact,
        "sent_at": now,
        "profile": sent.profile,
        "recipients": recipients,
        "with_passphrase": sent.with_passphrase,
        "counts": counts,
        "signer_fingerprint": sent.signer_fingerprint,
        "sent_by": actor,
    }
    rows = [
        {
            **same,
            "id": uuid.uuid4(),
            "case_id": case_id,
            "relatives_withheld": sent.relatives_withheld.get(case_id, 0),
            "without_consent_reason": sent.reason if case_id in sent.without_consent else "",
        }
        for case_id in sent.case_ids
    ]
    if rows:
        session.execute(insert(DisclosureEntry), rows)
    return len(rows)


def _check_day(on: date, what: str) -> None:
    if on > date.today():
        raise InvalidInput(
            translate("services", "{what} cannot be in the future.").format(what=what)
        )


class ConsentService:
    """One method per caseworker action; each is one unit of work, audited."""

    def __init__(self, workspace: "OpenVault") -> None:
        self.ws = workspace

    def give(
        self,
        ref_or_id: str | uuid.UUID,
        audience: Audience,
        given_on: date,
        *,
        how: ConsentHow = ConsentHow.IN_PERSON,
        relative_id: uuid.UUID | None = None,
        given_through: str = "",
        note: str = "",
    ) -> Consent:
        _check_day(given_on, translate("services", "The day consent was given"))
        with self.ws.session() as session:
            case = get_case(session, ref_or_id)
            self._check_person(session, case.id, relative_id)
            if relative_id is not None:
                adopt_legacy_flags(session, date.today(), relative_id=relative_id)
            if self._standing(session, case.id, relative_id, audience):
                raise InvalidInput(
                    translate(
                        "services",
                        "This consent is already recorded; withdraw it first to record it anew.",
                    )
                )
            consent = Consent(
                case_id=case.id,
                relative_id=relative_id,
                audience=audience,
                given_on=given_on,
                how=how,
                given_through=given_through.strip(),
                note=note.strip(),
            )
            session.add(consent)
            return consent

    def withdraw(
        self,
        ref_or_id: str | uuid.UUID,
        audience: Audience,
        on: date,
        *,
        relative_id: uuid.UUID | None = None,
    ) -> list[Consent]:
        """Mark the person's standing consent to ``audience`` withdrawn on ``on``; the rows
        stay, with both days. Every standing row: two cases merged into one may each have
        brought one, and any standing row counts as consent."""
        _check_day(on, translate("services", "The day consent was withdrawn"))
        with self.ws.session() as session:
            case = get_case(session, ref_or_id)
            self._check_person(session, case.id, relative_id)
            if relative_id is not None:
                adopt_legacy_flags(session, on, relative_id=relative_id)
            standing = self._standing(session, case.id, relative_id, audience)
            if not standing:
                raise InvalidInput(translate("services", "There is no consent to withdraw."))
            if any(on < consent.given_on for consent in standing):
                raise InvalidInput(
                    translate(
                        "services", "Consent cannot be withdrawn before the day it was given."
                    )
                )
            for consent in standing:
                consent.withdrawn_on = on
                session.add(consent)
            return standing

    def undo_give(self, consent_id: uuid.UUID) -> None:
        """Undo of ``give``: the row goes (the audit log keeps that it was there)."""
        with self.ws.session() as session:
            consent = session.get(Consent, consent_id)
            if consent is not None:
                session.delete(consent)

    def undo_withdraw(self, consent_ids: Collection[uuid.UUID]) -> None:
        with self.ws.session() as session:
            for consent_id in consent_ids:
                consent = session.get(Consent, consent_id)
                if consent is not None:
                    consent.withdrawn_on = None
                    session.add(consent)

    def lines(self, ref_or_id: str | uuid.UUID) -> list[ConsentLine]:
        """Every consent on the case, the man's first, then each relative's; withdrawn ones
        too, and old ticks not yet turned into rows (``consent_id`` None)."""
        with self.ws.reading() as session:
            case = get_case(session, ref_or_id)
            people = {
                rid: (name, relationship)
                for rid, name, relationship in session.exec(
                    select(Relative.id, Relative.full_name, CaseRelative.relationship)
                    .join(CaseRelative, col(CaseRelative.relative_id) == Relative.id)
                    .where(CaseRelative.case_id == case.id)
                )
            }
            rows = _rows(session, [case.id])
            out = []
            for c in rows:
                name, relationship = (
                    people.get(c.relative_id, ("", "")) if c.relative_id else ("", "")
                )
                out.append(
                    ConsentLine(
                        case.id, c.relative_id, name, relationship, c.audience, c.given_on,
                        c.how, c.given_through, c.note, c.withdrawn_on, c.id,
                    )
                )  # fmt: skip
            decided = {(c.relative_id, c.audience) for c in rows}
            for audience in LEGACY_FLAGS:
                for _case, rid in sorted(_legacy_pairs(session, [case.id], audience), key=str):
                    if (rid, audience) not in decided and rid is not None:
                        name, relationship = people.get(rid, ("", ""))
                        out.append(
                            ConsentLine(
                                case.id, rid, name, relationship, audience, None,
                                ConsentHow.RECORDED_BEFORE, "", "", None, None,
                            )
                        )  # fmt: skip
        order = list(Audience)
        return sorted(
            out,
            key=lambda line: (
                line.relative_id is not None,
                line.person.casefold(),
                str(line.relative_id),
                order.index(line.audience),
                line.given_on or date.min,
            ),
        )

    def check_export(self, case_ids: Collection[uuid.UUID], profile: str) -> ConsentCheck:
        with self.ws.reading() as session:
            return check_export(session, case_ids, profile)

    def disclosures(
        self, ref_or_id: str | uuid.UUID | None = None
    ) -> list[tuple[str, DisclosureEntry]]:
        """(case ref, entry), newest first: one case's log, or the whole vault's."""
        with self.ws.reading() as session:
            stmt = (
                select(Case.ref, DisclosureEntry)
                .join(Case, col(Case.id) == DisclosureEntry.case_id)
                .order_by(col(DisclosureEntry.sent_at).desc(), col(Case.ref))
            )
            if ref_or_id is not None:
                stmt = stmt.where(DisclosureEntry.case_id == get_case(session, ref_or_id).id)
            return [(ref, entry) for ref, entry in session.exec(stmt)]

    def record(self, sent: Disclosure) -> int:
        """Write the disclosure log of an export that left (after its file was written)."""
        if self.ws.read_only:
            raise VaultReadOnly()
        with self.ws.session() as session:
            written = record_disclosures(session, sent, self.ws.actor)
        if written:
            self.ws.record_change()  # a bulk insert is no ORM change the session counts
        return written

    @staticmethod
    def _check_person(session: Session, case_id: uuid.UUID, relative_id: uuid.UUID | None) -> None:
        if relative_id is None:
            return
        link = session.exec(
            select(CaseRelative).where(
                CaseRelative.case_id == case_id, CaseRelative.relative_id == relative_id
            )
        ).first()
        if link is None:
            raise NotFound(translate("services", "This person does not speak for this case."))

    @staticmethod
    def _standing(
        session: Session, case_id: uuid.UUID, relative_id: uuid.UUID | None, audience: Audience
    ) -> list[Consent]:
        stmt = select(Consent).where(
            Consent.case_id == case_id,
            Consent.audience == audience,
            col(Consent.withdrawn_on).is_(None),
        )
        stmt = stmt.where(
            col(Consent.relative_id).is_(None)
            if relative_id is None
            else Consent.relative_id == relative_id
        )
        return list(session.exec(stmt.order_by(col(Consent.given_on))))
