"""Keys for sharing: age X25519 identities and recipients, Ed25519 signatures, fingerprints.

age itself is pyrage's (a maintained binding of the Rust ``age`` implementation); this module
only generates, parses and checks keys. A fingerprint is a short form of a public key that two
people can read to each other over the phone: the first 80 bits of a domain-separated SHA-256,
as five groups of four hex digits ("3F2A 91C0 7B44 E812 0D5C").
"""

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyrage import IdentityError, RecipientError, x25519

from casetracker.i18n import translate
from casetracker.sharing.errors import KeyFormatError

FINGERPRINT_BYTES = 10
SIGNING_PREFIX = "ed25519:"
# An identity file holds a few lines; anything bigger is not one.
MAX_IDENTITY_FILE_BYTES = 64 * 1024

_AGE_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")
_AGE_IDENTITY = re.compile(r"AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}")


def fingerprint(kind: str, public: bytes) -> str:
    """Short comparable form of a public key; ``kind`` keeps age and Ed25519 keys apart."""
    digest = hashlib.sha256(b"casetracker-fingerprint-v1\x00" + kind.encode() + b"\x00" + public)
    hexed = digest.digest()[:FINGERPRINT_BYTES].hex().upper()
    return " ".join(hexed[i : i + 4] for i in range(0, len(hexed), 4))


def same_fingerprint(given: str, fingerprint: str) -> bool:
    """Whether a person's typed ``given`` is the whole of ``fingerprint``: all twenty hex digits,
    letter case and spacing aside ("3f2a91c0…" as well as "3F2A 91C0 …"); never a part of it."""
    typed = "".join(given.split()).upper()
    return len(typed) == 2 * FINGERPRINT_BYTES and typed == fingerprint.replace(" ", "")


def age_fingerprint(recipient: str) -> str:
    return fingerprint("age-x25519", recipient.encode("ascii"))


def signing_fingerprint(public_raw: bytes) -> str:
    return fingerprint("ed25519", public_raw)


# -- age ------------------------------------------------------------------------------------
def new_age_identity() -> str:
    return str(x25519.Identity.generate())


def age_public_key(identity: str) -> str:
    return str(parse_identity(identity).to_public())


def parse_recipient(untrusted: str) -> x25519.Recipient:
    text = untrusted.strip()
    if not _AGE_RECIPIENT.fullmatch(text):
        raise KeyFormatError(
            translate(
                "sharing",
                "This is not an age public key (they start with age1 and have 62 characters).",
            )
        )
    try:
        return x25519.Recipient.from_str(text)
    except RecipientError:
        raise KeyFormatError(
            translate("sharing", "This age public key is damaged (a character was mistyped?).")
        ) from None


def is_age_recipient(text: str) -> bool:
    return bool(_AGE_RECIPIENT.fullmatch(text.strip()))


def parse_identity(untrusted: str) -> x25519.Identity:
    text = untrusted.strip()
    if not _AGE_IDENTITY.fullmatch(text):
        raise KeyFormatError(
            translate("sharing", "This is not an age secret key (AGE-SECRET-KEY-1…).")
        )
    try:
        return x25519.Identity.from_str(text)
    except IdentityError:
        raise KeyFormatError(translate("sharing", "This age secret key is damaged.")) from None


def identities_from_file(untrusted: bytes) -> list[x25519.Identity]:
    """The keys in an age identity file (as written by ``age-keygen``); comments are skipped."""
    if len(untrusted) > MAX_IDENTITY_FILE_BYTES:
        raise KeyFormatError(
            translate("sharing", "This file is too large to be an age identity file.")
        )
    try:
        text = untrusted.decode("utf-8")
    except UnicodeDecodeError:
        raise KeyFormatError(translate("sharing", "The identity file is not text.")) from None
    found = [
        parse_identity(line)
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not found:
        raise KeyFormatError(translate("sharing", "The identity file holds no age secret key."))
    return found


# -- Ed25519 --------------------------------------------------------------------------------
@dataclass(frozen=True)
class SigningKey:
    private_raw: bytes

    @classmethod
    def generate(cls) -> "SigningKey":
        return cls(Ed25519PrivateKey.generate().private_bytes_raw())

    @property
    def public_raw(self) -> bytes:
        return self._key().public_key().public_bytes_raw()

    @property
    def public_text(self) -> str:
        return encode_signing_public(self.public_raw)

    @property
    def fingerprint(self) -> str:
        return signing_fingerprint(self.public_raw)

    def sign(self, message: bytes) -> bytes:
        return self._key().sign(message)

    def _key(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.private_raw)


def encode_signing_public(public_raw: bytes) -> str:
    return SIGNING_PREFIX + base64.b64encode(public_raw).decode("ascii")


def decode_signing_public(untrusted: str) -> bytes:
    """``ed25519:<base64 of 32 bytes>`` to the raw key; KeyFormatError otherwise."""
    text = untrusted.strip()
    if not text.startswith(SIGNING_PREFIX) or len(text) > 100:
        raise KeyFormatError(
            translate("sharing", "This is not a Casetracker signing key (ed25519:…).")
        )
    try:
        raw = base64.b64decode(text[len(SIGNING_PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raise KeyFormatError(translate("sharing", "This signing key is damaged.")) from None
    if len(raw) != 32:
        raise KeyFormatError(translate("sharing", "This signing key has the wrong length."))
    try:
        Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise KeyFormatError(translate("sharing", "This signing key is damaged.")) from None
    return raw


def verify_signature(public_raw: bytes, message: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True
