"""Sharing with lawyers and partners: our keys, the address book, bundles out and in.

One method per action, for the CLI and the GUI alike:

- ``keys()`` — our public key and fingerprints (the secrets stay in the vault);
- ``add_recipient`` / ``recipients`` / ``remove_recipient`` — the address book;
- ``select_cases`` + ``export`` — a signed, encrypted bundle (bytes; ``write_bundle`` saves it),
  checked against consent for the profile's audience (services/consent.py); once the file is
  written, ``record_disclosure`` writes each case's line of the disclosure log and keeps what
  was sent as the merge base of each record;
- ``open`` — decrypt and verify a bundle in memory (our own key by default);
- ``preview_import`` / ``import_bundle`` — merge by UUID; conflicts are returned, not applied;
  a bundle from an unknown signer is previewed, but merged only once a person confirmed its
  fingerprint (``UnknownSigner`` otherwise, before anything is written);
- ``resolve_conflicts`` — a person's decisions about those conflicts.

The organisation's keys are made with the vault (``ensure_org_keys``), or on first use in a
vault made before sharing existed.

A signer is *known* when the bundle's Ed25519 signing key is this organisation's own, or the
signing key of an address-book entry (added with it, by a person who compared it). An age
public key in the address book is not enough: it is public, and any manifest can name it. The
name a manifest gives its creator is the creator's own word and never makes a signer known.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pyrage import x25519
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from casetracker.i18n import translate
from casetracker.model import Audience, AuditAction, Case, CaseStatus, OrgKeys, Recipient
from casetracker.rules.engine import RULES
from casetracker.services import audit
from casetracker.services.bundle_export import attachment_member, collect, current_flags
from casetracker.services.bundle_merge import (
    Choice,
    Conflict,
    Merger,
    MergeReport,
    SentVersions,
    apply_choices,
    remember_sent,
    sent_versions,
)
from casetracker.services.cases import get_case
from casetracker.services.consent import (
    ANONYMITY_K,
    ConsentNeeded,
    ConsentService,
    Disclosure,
    check_export,
    consented,
)
from casetracker.services.errors import InvalidInput, NotFound
from casetracker.services.output_files import save_output
from casetracker.sharing import keys as keyring
from casetracker.sharing.bundle import CASES, DOSSIER, OpenedBundle, open_bundle, seal
from casetracker.sharing.bundle_schema import (
    ANONYMISED,
    MERGEABLE,
    dump_document,
    fits_limits,
    parse_document,
)
from casetracker.sharing.bundle_schema import document_json as to_json
from casetracker.sharing.errors import BundleError, KeyFormatError
from casetracker.sharing.redaction import PROFILES, ExportSource, redact, withheld_relatives

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

MIN_BUNDLE_PASSPHRASE_CHARS = 10
MAX_EXPORT_CASES = 50_000


class UnknownSigner(InvalidInput):
    """A bundle's signer is neither this organisation nor in the address book, and no person
    confirmed its fingerprint (``given`` is None), or the one they gave is not the signer's.
    Raised before anything is merged."""

    def __init__(self, fingerprint: str, given: str | None) -> None:
        if given is None:
            message = translate(
                "sharing",
                "Nothing was imported: the bundle is signed by fingerprint {fp}, which is not in "
                "the address book. Compare it with the sender by phone or in person first.",
            ).format(fp=fingerprint)
        else:
            message = translate(
                "sharing",
                "Nothing was imported: the fingerprint given ({given}) does not match the "
                "bundle's signer, {fp}.",
            ).format(given=given.strip()[:60], fp=fingerprint)
        super().__init__(message)
        self.fingerprint = fingerprint
        self.given = given


def ensure_org_keys_in(session: Session, actor: str = "") -> tuple[OrgKeys, bool]:
    """The organisation's keys, made now if this vault has none yet."""
    found = session.get(OrgKeys, 1)
    if found is not None:
        return found, False
    signing = keyring.SigningKey.generate()
    created = OrgKeys(
        id=1, age_identity=keyring.new_age_identity(), signing_key=signing.private_raw
    )
    session.add(created)
    audit.record(
        session, actor, AuditAction.CREATE, "OrgKeys", "1", fingerprint=signing.fingerprint
    )
    return created, True


def ensure_org_keys(engine: Engine) -> bool:
    """For ``Workspace.create``/``open``: add the keys; True when the vault changed."""
    with Session(engine) as session:
        _keys, created = ensure_org_keys_in(session)
        session.commit()
    return created


@dataclass(frozen=True)
class OrgPublic:
    """What we tell others: safe to print, to mail, to read over the phone."""

    age_public_key: str
    age_fingerprint: str
    signing_key: str  # ed25519:<base64>
    fingerprint: str  # of the signing key: the one shown when our bundles are opened


@dataclass(frozen=True)
class ExportResult:
    data: bytes
    profile: str
    counts: dict[str, int]
    recipients: list[str]
    signer_fingerprint: str
    with_passphrase: bool
    # For the disclosure log (``record_disclosure``): what left, for whom, without whose consent.
    case_ids: tuple[uuid.UUID, ...] = ()
    recipient_fingerprints: tuple[tuple[str, str], ...] = ()
    relatives_withheld: dict[uuid.UUID, int] = field(default_factory=dict)
    without_consent: frozenset[uuid.UUID] = frozenset()
    without_consent_reason: str = ""
    # Relatives left out for lack of consent, "name (relationship, CT-0001)", for the CLI.
    withheld_people: tuple[str, ...] = ()
    # What the receiver will hold of each record: the ancestor of the next merge with what
    # they send back (``record_disclosure`` keeps it). Empty for a profile never merged.
    sent: SentVersions = field(default_factory=dict)


def recipient_fingerprint(recipient: Recipient) -> str:
    return keyring.age_fingerprint(recipient.age_public_key)


def _add_recipient(
    session: Session,
    name: str,
    age_public_key: str,
    *,
    role: str = "",
    note: str = "",
    signing_key: str = "",
) -> Recipient:
    """A new address-book entry, its name and keys checked (InvalidInput in words)."""
    name = " ".join(name.split())
    if not name:
        raise InvalidInput(translate("sharing", "A recipient needs a name."))
    if keyring.is_age_recipient(name):
        raise InvalidInput(translate("sharing", "Give the recipient a name, then the key."))
    try:
        key = str(keyring.parse_recipient(age_public_key))
        signing = (
            keyring.encode_signing_public(keyring.decode_signing_public(signing_key))
            if signing_key.strip()
            else ""
        )
    except KeyFormatError as exc:
        raise InvalidInput(str(exc)) from None
    clash = session.exec(select(Recipient).where(Recipient.name == name)).first()
    if clash is not None:
        raise InvalidInput(
            translate("sharing", "There is already a recipient called {name}.").format(name=name)
        )
    recipient = Recipient(
        name=name, role=role.strip(), age_public_key=key, signing_key=signing, note=note
    )
    session.add(recipient)
    return recipient


def _known_as(session: Session, bundle: OpenedBundle, our_signing_key: str) -> str:
    public = keyring.encode_signing_public(bundle.manifest.creator.signing_key)
    if public == our_signing_key:
        return translate("sharing", "this organisation")
    known = session.exec(select(Recipient).where(Recipient.signing_key == public)).first()
    return known.name if known else ""


def _remember_signer(session: Session, bundle: OpenedBundle, name: str) -> str:
    """Add a confirmed signer to the address book with the keys its manifest carries; an entry
    that already has their age key, but not yet a signing key, takes it instead. Returns the
    name they are known by now."""
    creator = bundle.manifest.creator
    signing = keyring.encode_signing_public(creator.signing_key)
    if not keyring.is_age_recipient(creator.age_recipient):
        raise InvalidInput(
            translate(
                "sharing",
                "The file does not carry the sender's public key, so they cannot be added to "
                "the address book from it; add them by hand.",
            )
        )
    same_key = session.exec(
        select(Recipient).where(Recipient.age_public_key == creator.age_recipient.strip())
    ).first()
    if same_key is not None and not same_key.signing_key:
        same_key.signing_key = signing
        session.add(same_key)
        return same_key.name
    return _add_recipient(session, name, creator.age_recipient, signing_key=signing).name


class SharingService:
    def __init__(self, workspace: "OpenVault") -> None:
        self.ws = workspace

    # -- our keys ---------------------------------------------------------------------------
    def _org_keys(self) -> OrgKeys:
        with self.ws.reading() as session:
            found = session.get(OrgKeys, 1)
        if found is not None:
            return found
        with self.ws.session() as session:
            return ensure_org_keys_in(session, self.ws.actor)[0]

    def _identity(self) -> x25519.Identity:
        return keyring.parse_identity(self._org_keys().age_identity)

    def _signing_key(self) -> keyring.SigningKey:
        return keyring.SigningKey(self._org_keys().signing_key)

    def keys(self) -> OrgPublic:
        org = self._org_keys()
        age_public = keyring.age_public_key(org.age_identity)
        signing = keyring.SigningKey(org.signing_key)
        return OrgPublic(
            age_public_key=age_public,
            age_fingerprint=keyring.age_fingerprint(age_public),
            signing_key=signing.public_text,
            fingerprint=signing.fingerprint,
        )

    # -- address book -----------------------------------------------------------------------
    def add_recipient(
        self,
        name: str,
        age_public_key: str,
        *,
        role: str = "",
        note: str = "",
        signing_key: str = "",
    ) -> Recipient:
        with self.ws.session() as session:
            return _add_recipient(
                session, name, age_public_key, role=role, note=note, signing_key=signing_key
            )

    def recipients(self) -> list[Recipient]:
        with self.ws.reading() as session:
            return list(session.exec(select(Recipient).order_by(col(Recipient.name))))

    def remove_recipient(self, name_or_id: str | uuid.UUID) -> None:
        with self.ws.session() as session:
            session.delete(self._find_recipient(session, name_or_id))

    @staticmethod
    def _find_recipient(session: Session, name_or_id: str | uuid.UUID) -> Recipient:
        if isinstance(name_or_id, uuid.UUID):
            found = session.get(Recipient, name_or_id)
        else:
            wanted = " ".join(name_or_id.split()).casefold()
            found = next(
                (r for r in session.exec(select(Recipient)) if r.name.casefold() == wanted), None
            )
        if found is None:
            raise NotFound(
                translate("sharing", "There is no recipient {name} in the address book.").format(
                    name=name_or_id
                )
            )
        return found

    def resolve_recipients(self, names_or_keys: Sequence[str]) -> list[tuple[str, str]]:
        """(label, age key) for each address-book name or raw ``age1…`` key."""
        out: list[tuple[str, str]] = []
        with self.ws.reading() as session:
            for item in names_or_keys:
                if keyring.is_age_recipient(item):
                    key = item.strip()
                    known = session.exec(
                        select(Recipient).where(Recipient.age_public_key == key)
                    ).first()
                    out.append((known.name if known else keyring.age_fingerprint(key), key))
                else:
                    found = self._find_recipient(session, item)
                    out.append((found.name, found.age_public_key))
        return out

    # -- export -----------------------------------------------------------------------------
    def select_cases(
        self,
        *,
        refs: Sequence[str] = (),
        everything: bool = False,
        status: CaseStatus | None = None,
    ) -> list[uuid.UUID]:
        if sum((bool(refs), everything, status is not None)) != 1:
            raise InvalidInput(
                translate("sharing", "Choose the cases: by reference, all, or by status.")
            )
        with self.ws.reading() as session:
            if refs:
                ids = list(dict.fromkeys(get_case(session, ref).id for ref in refs))
            else:
                stmt = select(Case.id)
                if status is not None:
                    stmt = stmt.where(Case.status == status)
                ids = list(session.exec(stmt))
        if not ids:
            raise InvalidInput(translate("sharing", "No case matches; nothing to export."))
        if len(ids) > MAX_EXPORT_CASES:
            raise InvalidInput(
                translate("sharing", "Too many cases for one bundle; export in parts.")
            )
        return ids

    def gather(
        self,
        case_ids: Sequence[uuid.UUID],
        *,
        with_attachments: bool = False,
        as_of: date | None = None,
    ) -> ExportSource:
        """The unredacted rows of an export (for the GUI's "what will be shared" preview)."""
        with self.ws.reading() as session:
            source = collect(session, list(case_ids))
            ids = [c.id for c in source.of("cases")]
            source.consented = {
                audience.value: frozenset(consented(session, ids, audience))
                for audience in (Audience.LAWYER, Audience.PARTNER, Audience.MEDIA)
            }
        source.anonymity_k = int(self.ws.settings.get(ANONYMITY_K))
        source.flags = current_flags(self.ws, source.of("cases"), as_of or date.today())
        if with_attachments:
            source.attachment_members = {
                a.id: attachment_member(a) for a in source.of("attachments")
            }
        return source

    def export(
        self,
        case_ids: Sequence[uuid.UUID],
        *,
        profile: str,
        recipients: Sequence[str] = (),
        passphrase: str | None = None,
        with_attachments: bool = False,
        as_of: date | None = None,
        without_consent_reason: str | None = None,
    ) -> ExportResult:
        """A bundle for ``recipients`` (names or age keys) or for a passphrase.

        Relatives who have not consented to the profile's audience are withheld. A man who has
        not is not: ConsentNeeded names him, unless ``without_consent_reason`` says why his
        case goes anyway (it is kept in his case's disclosure log)."""
        if profile not in PROFILES:
            raise InvalidInput(
                translate(
                    "sharing", "Unknown profile {name}; use lawyer, partner, media or anonymised."
                ).format(name=profile)
            )
        chosen = PROFILES[profile]
        if with_attachments and not chosen.attachments:
            raise InvalidInput(
                translate("sharing", "An anonymised bundle never carries attachments.")
            )
        if bool(recipients) == (passphrase is not None):
            raise InvalidInput(
                translate("sharing", "Give recipients or a bundle passphrase (one of the two).")
            )
        if passphrase is not None and len(passphrase.strip()) < MIN_BUNDLE_PASSPHRASE_CHARS:
            raise InvalidInput(
                translate("sharing", "A bundle passphrase needs at least {n} characters.").format(
                    n=MIN_BUNDLE_PASSPHRASE_CHARS
                )
            )
        targets = self.resolve_recipients(recipients)
        age_recipients = [keyring.parse_recipient(key) for _label, key in targets]
        with self.ws.reading() as session:
            check = check_export(session, case_ids, profile)
        reason = " ".join((without_consent_reason or "").split())
        if check.men_without and not reason:
            raise ConsentNeeded([ref for _id, ref in check.men_without], check.audience)
        source = self.gather(case_ids, with_attachments=with_attachments, as_of=as_of)
        exported_ids = tuple(c.id for c in source.of("cases"))
        now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        document = redact(source, chosen, now)
        facts_withheld = withheld_relatives(source, chosen)
        blobs = {a.id: (a.blob_name, a.blob_key) for a in source.of("attachments")}
        # The rows are in the document now: at 20,000 cases they are gigabytes of ORM objects
        # the dossier's layout should not have to share the memory with.
        del source
        # Check our own output with the reader every recipient will use, and its limits.
        document = parse_document(to_json(document), document.declared())
        org = self.keys()
        signing = self._signing_key()
        from casetracker.sharing.dossier_pdf import DossierFacts, render_dossier

        facts = DossierFacts(
            withheld_relatives=facts_withheld,
            rule_titles={rule.id: rule.title() for rule in RULES},
        )
        cases_json = dump_document(document)
        if not fits_limits(cases_json, document.declared()):
            raise InvalidInput(
                translate("sharing", "Too many cases for one bundle; export in parts.")
            )
        members = {
            CASES: cases_json,
            DOSSIER: render_dossier(
                document, signer_fingerprint=org.fingerprint, created_at=now, facts=facts
            ),
        }
        if with_attachments:
            for record in document.of("attachments"):
                blob_name, blob_key = blobs[record.id]
                members[record.values["member"]] = self.ws.attachments.store.get(
                    blob_name, blob_key
                )
        counts = document.counts()
        data = seal(
            members,
            key=signing,
            profile=profile,
            counts=document.declared(),
            recipients=age_recipients,
            passphrase=passphrase,
            age_recipient=org.age_public_key,
            created_at=now,
        )
        del members, cases_json  # sealed in ``data`` now: not beside the bases below
        sent = sent_versions(document)
        return ExportResult(
            data=data,
            profile=profile,
            counts=counts,
            recipients=[label for label, _key in targets],
            signer_fingerprint=org.fingerprint,
            with_passphrase=passphrase is not None,
            case_ids=exported_ids,
            recipient_fingerprints=tuple(
                (label, keyring.age_fingerprint(key)) for label, key in targets
            ),
            relatives_withheld=facts_withheld,
            without_consent=frozenset(case_id for case_id, _ref in check.men_without),
            without_consent_reason=reason if check.men_without else "",
            withheld_people=tuple(
                f"{w.name or w.relationship} ({', '.join(p for p in (w.relationship, w.ref) if p)})"
                for w in check.relatives_without
            )
            if chosen.audience
            else (),
            sent=sent,
        )

    def record_disclosure(self, result: ExportResult) -> None:
        """The disclosure log of an export whose file was written: one entry per case. The
        versions it sent become the merge bases of their records (services/bundle_merge.py),
        so that what comes back is merged field by field against them."""
        ConsentService(self.ws).record(
            Disclosure(
                case_ids=result.case_ids,
                profile=result.profile,
                recipients=result.recipient_fingerprints,
                with_passphrase=result.with_passphrase,
                counts=result.counts,
                relatives_withheld=result.relatives_withheld,
                without_consent=result.without_consent,
                reason=result.without_consent_reason,
                signer_fingerprint=result.signer_fingerprint,
            )
        )
        if result.sent and not self.ws.read_only:
            with self.ws.session() as session:
                changed = remember_sent(session, result.sent)
            if changed:
                self.ws.record_change()  # a bulk write is no ORM change the session counts

    @staticmethod
    def write_bundle(path: Path, data: bytes, *, overwrite: bool = False) -> None:
        """Save an (encrypted) bundle durably; an existing file is replaced only on request."""
        save_output(path, data, overwrite=overwrite)

    # -- import -----------------------------------------------------------------------------
    def open(
        self,
        untrusted: bytes,
        *,
        identities: Sequence[x25519.Identity] = (),
        passphrase: str | None = None,
    ) -> OpenedBundle:
        """Decrypt and verify in memory, with our own key unless others are given."""
        if passphrase is None and not identities:
            identities = [self._identity()]
        return open_bundle(untrusted, identities=identities, passphrase=passphrase)

    def signer_known_as(self, bundle: OpenedBundle) -> str:
        """ "this organisation", the address-book name of the signer's key, or "" (unknown)."""
        ours = self.keys().signing_key
        with self.ws.reading() as session:
            return _known_as(session, bundle, ours)

    def preview_import(self, bundle: OpenedBundle) -> MergeReport:
        """What ``import_bundle`` would do, without changing anything (whoever signed it)."""
        return self._merge(bundle, dry_run=True)

    def import_bundle(
        self,
        bundle: OpenedBundle,
        *,
        trust_fingerprint: str | None = None,
        remember_as: str = "",
    ) -> MergeReport:
        """Merge a verified bundle; conflicts come back in the report for a person to decide.

        A bundle from an unknown signer is merged only with ``trust_fingerprint``: the whole
        fingerprint a person compared with the sender (as ``keys.fingerprint`` shows it); a
        fingerprint that is given must match, known signer or not. ``remember_as`` adds the
        signer to the address book under that name, in the same transaction. UnknownSigner,
        with nothing written, otherwise."""
        if trust_fingerprint is not None and not keyring.same_fingerprint(
            trust_fingerprint, bundle.signer_fingerprint
        ):
            raise UnknownSigner(bundle.signer_fingerprint, trust_fingerprint)
        return self._merge(
            bundle,
            dry_run=False,
            confirmed=trust_fingerprint is not None,
            remember_as=remember_as,
        )

    def _merge(
        self,
        bundle: OpenedBundle,
        *,
        dry_run: bool,
        confirmed: bool = False,
        remember_as: str = "",
    ) -> MergeReport:
        if bundle.document.profile == ANONYMISED:
            raise BundleError(
                translate(
                    "sharing",
                    "An anonymised bundle holds no identities and cannot be merged into a vault; "
                    "open it with open-bundle instead.",
                )
            )
        if bundle.document.profile not in MERGEABLE:
            raise BundleError(
                translate(
                    "sharing",
                    "A bundle made for media leaves out too much to be merged into a vault; "
                    "open it with open-bundle instead.",
                )
            )
        store = None if dry_run else self.ws.attachments.store
        ours = self.keys().signing_key
        with Session(self.ws.engine, expire_on_commit=False) as session:
            known_as = _known_as(session, bundle, ours)
            if not (dry_run or known_as or confirmed):
                raise UnknownSigner(bundle.signer_fingerprint, None)
            remember = not (dry_run or known_as) and bool(remember_as.strip())
            audit.install(session, self.ws.actor)
            merger = Merger(session, bundle, store)
            try:
                if remember:
                    known_as = _remember_signer(session, bundle, remember_as)
                report = merger.run()
                report.signer_known_as = known_as
                if report.changes:
                    audit.record(
                        session,
                        self.ws.actor,
                        AuditAction.IMPORT,
                        "Bundle",
                        bundle.signer_fingerprint,
                        added=sum(report.added.values()),
                        updated=sum(report.updated.values()),
                        conflicts=len(report.conflicts),
                        signer=known_as or "fingerprint confirmed",
                    )
                if dry_run:
                    session.rollback()
                    return report
                changed = merger.wrote or remember
                session.commit()
            except BaseException:
                session.rollback()
                if store is not None:
                    for name in merger.new_blobs:
                        store.delete(name)
                raise
        if changed:
            self.ws.record_change()
        report.applied = True
        return report

    def resolve_conflicts(self, decisions: Sequence[tuple[Conflict, Choice]]) -> int:
        """Apply a person's decisions; returns how many records took the bundle's version."""
        with self.ws.session() as session:
            return apply_choices(session, decisions)
