"""Bundles: a signed ZIP inside a standard age file.

Sealing: the members (cases.json, dossier.pdf, attachments/…) are hashed into manifest.json,
the manifest is signed with the organisation's Ed25519 key, everything is zipped and the ZIP
is encrypted with age to X25519 recipients (pyrage) or to a passphrase (age's scrypt recipient
at a fixed work factor of 2^18, written by ``age_format``).
The standard ``age`` tool decrypts the file; ``unzip`` then shows the parts.

Opening, in this order, each step trusting only what the previous one checked:
1. the ciphertext's size against ``MAX_BUNDLE_BYTES``;
2. the age header (``age_format``: strict armour and grammar, a scrypt work factor of at most
   2^18), then age decryption (authenticated: a flipped bit anywhere fails here);
3. the ZIP's member names, types and sizes (``archive.read_zip``);
4. the manifest: format, the signature over it, the creator fingerprint;
5. the member list against the manifest (missing or extra members) and every SHA-256;
6. only then cases.json, parsed against the schema.
Any failure raises a ``BundleError`` naming what failed; nothing is written anywhere.
"""

import base64
import binascii
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NoReturn, cast

import pyrage
from pyrage import x25519

from casetracker.i18n import translate
from casetracker.sharing import age_format, strict_json
from casetracker.sharing.archive import DEFAULT_LIMITS, ArchiveLimits, read_zip, write_zip
from casetracker.sharing.bundle_schema import PROFILES, CasesDocument, load_document
from casetracker.sharing.errors import (
    BundleDecryptError,
    BundleError,
    BundleFormatError,
    BundleTampered,
    too_large,
)
from casetracker.sharing.keys import (
    SigningKey,
    decode_signing_public,
    signing_fingerprint,
    verify_signature,
)

MANIFEST_FORMAT = "casetracker-bundle"
MANIFEST_VERSION = 1
MANIFEST = "manifest.json"
CASES = "cases.json"
DOSSIER = "dossier.pdf"
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
# A manifest lists at most one entry per file of the archive, and is counted before it is
# parsed (``strict_json.tokens_at_most``: its strings hold few ``{[,:``): six tokens a member,
# eight allowed, and room for the rest. 3.5 MB listing 300,000 members otherwise took 78 MB.
MAX_MANIFEST_MEMBERS = DEFAULT_LIMITS.max_members
MAX_MANIFEST_TOKENS = 1024 + 8 * MAX_MANIFEST_MEMBERS
_MANIFEST_KEYS = frozenset(
    {"format", "version", "created_at", "creator", "profile", "counts", "members", "signature"}
)


@dataclass(frozen=True)
class Creator:
    signing_key: bytes  # raw Ed25519 public key
    fingerprint: str
    age_recipient: str = ""
    name: str = ""


@dataclass(frozen=True)
class Manifest:
    created_at: datetime
    creator: Creator
    profile: str
    counts: dict[str, int]
    members: dict[str, tuple[str, int]]  # name -> (sha256 hex, size)


@dataclass(frozen=True)
class OpenedBundle:
    """A bundle whose signature, member list and hashes all checked out."""

    manifest: Manifest
    document: CasesDocument
    members: dict[str, bytes]

    @property
    def signer_fingerprint(self) -> str:
        return self.manifest.creator.fingerprint

    def attachment(self, member: str) -> bytes:
        return self.members[member]


# -- sealing --------------------------------------------------------------------------------
def build_manifest(
    members: Mapping[str, bytes],
    *,
    key: SigningKey,
    profile: str,
    counts: Mapping[str, int],
    created_at: datetime,
    age_recipient: str = "",
    creator_name: str = "",
) -> bytes:
    body: dict[str, Any] = {
        "format": MANIFEST_FORMAT,
        "version": MANIFEST_VERSION,
        "created_at": created_at.replace(microsecond=0).isoformat(),
        "creator": {
            "signing_key": key.public_text,
            "fingerprint": key.fingerprint,
            "age_recipient": age_recipient,
            "name": creator_name,
        },
        "profile": profile,
        "counts": dict(counts),
        "members": {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in sorted(members.items())
        },
    }
    signature = key.sign(strict_json.canonical(body))
    body["signature"] = {"algorithm": "ed25519", "value": base64.b64encode(signature).decode()}
    return strict_json.pretty(body)


def seal(
    members: Mapping[str, bytes],
    *,
    key: SigningKey,
    profile: str,
    counts: Mapping[str, int],
    recipients: Sequence[x25519.Recipient] = (),
    passphrase: str | None = None,
    age_recipient: str = "",
    creator_name: str = "",
    created_at: datetime | None = None,
) -> bytes:
    """The age ciphertext of the signed ZIP; exactly one of recipients / passphrase."""
    if bool(recipients) == (passphrase is not None):
        raise BundleError(translate("sharing", "Give recipients or a passphrase (one of the two)."))
    manifest = build_manifest(
        members,
        key=key,
        profile=profile,
        counts=counts,
        created_at=created_at or datetime.now(UTC).replace(tzinfo=None),
        age_recipient=age_recipient,
        creator_name=creator_name,
    )
    plain = write_zip([(MANIFEST, manifest), *sorted(members.items())])
    if len(plain) > MAX_BUNDLE_BYTES:
        raise BundleError(too_large(translate("sharing", "The bundle"), MAX_BUNDLE_BYTES))
    try:
        if passphrase is not None:
            return age_format.seal_with_passphrase(plain, passphrase)
        return cast(bytes, pyrage.encrypt(plain, list(recipients)))
    except pyrage.EncryptError as exc:
        raise BundleError(
            translate("sharing", "The bundle could not be encrypted ({reason}).").format(reason=exc)
        ) from None
    except (MemoryError, ValueError):  # scrypt's 256 MiB not to be had (hashlib: ValueError)
        raise BundleError(
            translate(
                "sharing",
                "The bundle could not be encrypted: the computer has not enough free memory "
                "for the passphrase protection. Close other programs and try again.",
            )
        ) from None


# -- opening --------------------------------------------------------------------------------
def decrypt(
    untrusted: bytes,
    *,
    identities: Sequence[x25519.Identity] = (),
    passphrase: str | None = None,
) -> bytes:
    """The plaintext of an age file (binary or armoured), its header checked before pyrage's.

    ``age_format`` reads the header first: a malformed stanza or a scrypt work factor above
    2^18 is refused before any key is derived.
    """
    if len(untrusted) > MAX_BUNDLE_BYTES:
        raise BundleFormatError(too_large(translate("sharing", "The bundle"), MAX_BUNDLE_BYTES))
    binary = age_format.dearmor(untrusted) if age_format.is_armored(untrusted) else untrusted
    if not binary.startswith(age_format.VERSION_PREFIX):
        raise BundleFormatError(translate("sharing", "This file is not an age-encrypted bundle."))
    with_passphrase = age_format.check_scrypt(age_format.read_header(binary))
    if passphrase is not None and not with_passphrase:
        raise BundleDecryptError(
            translate(
                "sharing",
                "This bundle is encrypted to keys, not with a passphrase: open it with a key.",
            )
        )
    if passphrase is None and with_passphrase:
        raise BundleDecryptError(
            translate(
                "sharing",
                "This bundle is protected by a passphrase, not addressed to a key: "
                "open it with its passphrase.",
            )
        )
    try:
        if passphrase is not None:
            return cast(bytes, pyrage.passphrase.decrypt(binary, passphrase))
        if not identities:
            raise BundleDecryptError(translate("sharing", "No key was given to open the bundle."))
        return cast(bytes, pyrage.decrypt(binary, list(identities)))
    except pyrage.DecryptError as exc:
        reason = str(exc)
        if "No matching keys" in reason:
            message = translate(
                "sharing",
                "Decryption failed: the bundle is not addressed to this key "
                "(or it was made with a passphrase).",
            )
        elif passphrase is not None and "Decryption failed" in reason:
            message = translate(
                "sharing",
                "Decryption failed: the passphrase is wrong, or the file was damaged or altered.",
            )
        else:
            message = translate(
                "sharing",
                "Decryption failed: the file was damaged or altered "
                "(age integrity check: {reason}).",
            ).format(reason=reason[:80])
        raise BundleDecryptError(message) from None


def open_bundle(
    untrusted: bytes,
    *,
    identities: Sequence[x25519.Identity] = (),
    passphrase: str | None = None,
    limits: ArchiveLimits | None = None,
) -> OpenedBundle:
    plain = decrypt(untrusted, identities=identities, passphrase=passphrase)
    return verify_archive(plain, limits=limits)


def verify_archive(untrusted_zip: bytes, *, limits: ArchiveLimits | None = None) -> OpenedBundle:
    """Steps 3–6 above, on decrypted bytes."""
    members = read_zip(untrusted_zip, limits) if limits else read_zip(untrusted_zip)
    if MANIFEST not in members:
        raise BundleTampered(
            "missing member",
            translate("sharing", "The bundle has no manifest.json; it cannot be checked."),
        )
    manifest = parse_manifest(members[MANIFEST])
    listed = set(manifest.members)
    present = set(members) - {MANIFEST}
    missing, extra = sorted(listed - present), sorted(present - listed)
    if missing:
        raise BundleTampered(
            "missing member",
            translate(
                "sharing",
                "Tampering detected: {name} is listed in the signed manifest but missing.",
            ).format(name=missing[0]),
        )
    if extra:
        raise BundleTampered(
            "extra member",
            translate(
                "sharing",
                "Tampering detected: {name} is in the bundle but not in the signed manifest.",
            ).format(name=extra[0]),
        )
    for name, (digest, size) in sorted(manifest.members.items()):
        data = members[name]
        if len(data) != size or hashlib.sha256(data).hexdigest() != digest:
            raise BundleTampered(
                "member hash",
                translate(
                    "sharing",
                    "Tampering detected: {name} was changed after signing (SHA-256 mismatch).",
                ).format(name=name),
            )
    if CASES not in members:
        raise BundleFormatError(translate("sharing", "The bundle holds no cases.json."))
    document = load_document(members[CASES], manifest.counts)
    if document.profile != manifest.profile:
        raise BundleFormatError(
            translate("sharing", "The manifest and cases.json disagree on the profile.")
        )
    for member in (r.values.get("member") for r in document.of("attachments")):
        if member is not None and member not in members:
            raise BundleFormatError(
                translate("sharing", "cases.json names an attachment that is not in the bundle.")
            )
    return OpenedBundle(manifest, document, members)


def _bad(reason: str) -> NoReturn:
    raise BundleFormatError(
        translate("sharing", "manifest.json is not valid ({reason}).").format(reason=reason)
    )


def parse_manifest(untrusted: bytes) -> Manifest:
    if strict_json.tokens_at_most(untrusted) > MAX_MANIFEST_TOKENS:
        _bad(translate("sharing", "it lists more entries than a bundle can hold"))
    value = strict_json.loads(untrusted, what=MANIFEST, max_bytes=MAX_MANIFEST_BYTES)
    if not isinstance(value, dict):
        _bad(translate("sharing", "expected an object"))
    if value.get("format") != MANIFEST_FORMAT:
        _bad(translate("sharing", "this is not a Casetracker bundle"))
    version = value.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        _bad(translate("sharing", "unknown version"))
    if version > MANIFEST_VERSION:
        raise BundleFormatError(
            translate(
                "sharing",
                "This bundle was made by a newer Casetracker (bundle version {v}). "
                "Update the app to open it.",
            ).format(v=version)
        )
    if set(value) != _MANIFEST_KEYS:
        _bad(translate("sharing", "unexpected or missing keys"))
    signature = value["signature"]
    creator = value["creator"]
    if not isinstance(signature, dict) or set(signature) != {"algorithm", "value"}:
        _bad(translate("sharing", "signature"))
    if signature["algorithm"] != "ed25519" or not isinstance(signature["value"], str):
        _bad(translate("sharing", "signature algorithm"))
    if not isinstance(creator, dict) or set(creator) != {
        "signing_key", "fingerprint", "age_recipient", "name"
    }:  # fmt: skip
        _bad(translate("sharing", "creator"))
    if not all(isinstance(v, str) and len(v) <= 200 for v in creator.values()):
        _bad(translate("sharing", "creator"))
    public = decode_signing_public(creator["signing_key"])
    try:
        raw_signature = base64.b64decode(signature["value"], validate=True)
    except (binascii.Error, ValueError):
        _bad(translate("sharing", "signature encoding"))
    body = {k: v for k, v in value.items() if k != "signature"}
    if not verify_signature(public, strict_json.canonical(body), raw_signature):
        raise BundleTampered(
            "manifest signature",
            translate(
                "sharing",
                "Tampering detected: the manifest's signature does not match its content.",
            ),
        )
    if signing_fingerprint(public) != creator["fingerprint"]:
        raise BundleTampered(
            "creator fingerprint",
            translate(
                "sharing",
                "Tampering detected: the creator fingerprint does not belong to the signing key.",
            ),
        )
    # Signed from here on: the rest is the creator's word, still checked for shape.
    if value["profile"] not in PROFILES:
        _bad(translate("sharing", "unknown profile"))
    try:
        created_at = datetime.fromisoformat(str(value["created_at"])[:32])
    except ValueError:
        _bad(translate("sharing", "created_at"))
    counts = value["counts"]
    if not isinstance(counts, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
        for k, v in counts.items()
    ):
        _bad(translate("sharing", "counts"))
    members_raw = value["members"]
    if not isinstance(members_raw, dict) or len(members_raw) > MAX_MANIFEST_MEMBERS:
        _bad(translate("sharing", "members"))
    members: dict[str, tuple[str, int]] = {}
    for name, entry in members_raw.items():
        if (
            not isinstance(entry, dict)
            or set(entry) != {"sha256", "size"}
            or not isinstance(entry["sha256"], str)
            or len(entry["sha256"]) != 64
            or not isinstance(entry["size"], int)
        ):
            _bad(translate("sharing", "members"))
        members[name] = (entry["sha256"].lower(), entry["size"])
    return Manifest(
        created_at=created_at,
        creator=Creator(
            signing_key=public,
            fingerprint=creator["fingerprint"],
            age_recipient=creator["age_recipient"],
            name=creator["name"],
        ),
        profile=value["profile"],
        counts=dict(counts),
        members=members,
    )
