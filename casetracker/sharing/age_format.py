"""The age file format as far as Casetracker checks and writes it itself, around pyrage.

pyrage (rage) decrypts and authenticates bundles; this module does what rage does not, or does
too late, following c2sp.org/age:

- **The scrypt work factor is read before any key is derived.** rage accepts work factors far
  above what a sender uses (a 2^23 vector took 36 s here; every step doubles time and memory:
  2^30 would take hours and 128 GiB). ``MAX_SCRYPT_LOG_N`` is 18: the Go ``age`` tool's fixed
  factor, and what ``seal_with_passphrase`` writes.
- **The header grammar is enforced**: a stanza's body must end with a line shorter than 64
  columns; rage accepts a stanza with no body or no final line (CCTV vectors
  ``stanza_missing_body``, ``stanza_missing_final_line``).
- **The ASCII armour is decoded here, strictly** (RFC 7468, lines of 64, canonical base64,
  LF or CRLF), whitespace around the block tolerated as the spec allows; pyrage is then given
  the decoded bytes, so the check and the decryption read the same header.
- **Passphrase bundles are written at 2^18.** rage calibrates the factor to about a second on
  the sending machine (2^19 on the test machine, more on a fast desktop), which a receiver with
  the cap would refuse; the format is small enough to write with ``cryptography``.
"""

import base64
import binascii
import hashlib
import hmac
import os
import re
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from casetracker.i18n import translate
from casetracker.sharing.errors import BundleFormatError, shown_name

V1 = b"age-encryption.org/v1"
VERSION_PREFIX = b"age-encryption.org/"
ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
ARMOR_END = b"-----END AGE ENCRYPTED FILE-----"
# log2 of the highest scrypt work factor opened (2^18: 256 MiB and about a second).
MAX_SCRYPT_LOG_N = 18
SCRYPT_LOG_N = 18
# A header to 100 hybrid post-quantum recipients is about 160 KB.
MAX_HEADER_BYTES = 1024 * 1024
_WHITESPACE = b" \t\r\n"
_BASE64 = re.compile(rb"[A-Za-z0-9+/]*")
_ARGUMENT = re.compile(rb"[\x21-\x7e]+")
_WORK_FACTOR = re.compile(rb"[1-9][0-9]?")
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Stanza:
    arguments: tuple[bytes, ...]
    body: bytes


def _damaged_header() -> BundleFormatError:
    return BundleFormatError(
        translate(
            "sharing",
            "The bundle's age header is damaged or not standard; "
            "the file was altered, or it was not made by age.",
        )
    )


def _damaged_armor() -> BundleFormatError:
    return BundleFormatError(
        translate(
            "sharing",
            "The bundle's text armour (-----BEGIN AGE ENCRYPTED FILE-----) is damaged: "
            "the file was altered or cut.",
        )
    )


def _raw_base64(untrusted: bytes) -> bytes:
    """Canonical base64 without padding, as age's header uses it."""
    if not _BASE64.fullmatch(untrusted) or len(untrusted) % 4 == 1:
        raise _damaged_header()
    decoded = base64.b64decode(untrusted + b"=" * (-len(untrusted) % 4))
    if base64.b64encode(decoded).rstrip(b"=") != untrusted:
        raise _damaged_header()
    return decoded


def is_armored(untrusted: bytes) -> bool:
    return untrusted[:256].lstrip(_WHITESPACE).startswith(ARMOR_BEGIN)


def dearmor(untrusted: bytes) -> bytes:
    """The binary age file inside strict armour; whitespace before and after is allowed."""
    start = len(untrusted) - len(untrusted.lstrip(_WHITESPACE))
    end = len(untrusted.rstrip(_WHITESPACE))
    text = untrusted[start:end]
    if b"\r" in text:
        text = text.replace(b"\r\n", b"\n")
        if b"\r" in text:
            raise _damaged_armor()
    head, tail = len(ARMOR_BEGIN) + 1, len(ARMOR_END) + 1
    if (
        len(text) < head + tail + 1
        or not text.startswith(ARMOR_BEGIN + b"\n")
        or not text.endswith(b"\n" + ARMOR_END)
    ):
        raise _damaged_armor()
    body = text[head:-tail]
    del text
    # Every line but the last holds exactly 64 characters; the last holds 1 to 64.
    full_lines = body.count(b"\n")
    last = len(body) - 65 * full_lines
    if not 0 < last <= 64 or body[64::65][:full_lines] != b"\n" * full_lines:
        raise _damaged_armor()
    joined = body.replace(b"\n", b"")
    del body
    try:
        decoded = binascii.a2b_base64(joined, strict_mode=True)
    except binascii.Error:
        raise _damaged_armor() from None
    # Only the last group of four can hide non-zero padding bits.
    if len(joined) % 4 or base64.b64encode(binascii.a2b_base64(joined[-4:])) != joined[-4:]:
        raise _damaged_armor()
    return decoded


def _line(untrusted: bytes, pos: int) -> tuple[bytes, int]:
    end = untrusted.find(b"\n", pos, MAX_HEADER_BYTES)
    if end < 0:
        raise _damaged_header()
    return untrusted[pos:end], end + 1


def read_header(untrusted: bytes) -> list[Stanza]:
    """The recipient stanzas of a binary age file, by the spec's grammar; the MAC is rage's."""
    version, pos = _line(untrusted, 0)
    if version != V1:
        if version.startswith(VERSION_PREFIX):
            raise BundleFormatError(
                translate(
                    "sharing",
                    "The bundle was made by a newer version of age ({version}) "
                    "that this app cannot open.",
                ).format(version=shown_name(version.decode("ascii", "replace")))
            )
        raise _damaged_header()
    stanzas: list[Stanza] = []
    while True:
        line, pos = _line(untrusted, pos)
        if line.startswith(b"--- "):
            if not stanzas or len(line) != 47:
                raise _damaged_header()
            _raw_base64(line[4:])
            return stanzas
        if not line.startswith(b"-> "):
            raise _damaged_header()
        arguments = tuple(line[3:].split(b" "))
        if not all(_ARGUMENT.fullmatch(a) for a in arguments):
            raise _damaged_header()
        body = []
        while True:  # the body ends with its first line shorter than 64 columns
            line, pos = _line(untrusted, pos)
            if len(line) > 64 or not _BASE64.fullmatch(line):
                raise _damaged_header()
            body.append(line)
            if len(line) < 64:
                break
        stanzas.append(Stanza(arguments, _raw_base64(b"".join(body))))


def check_scrypt(stanzas: list[Stanza]) -> bool:
    """Whether the file is passphrase-encrypted; refuses a costly or malformed scrypt stanza."""
    scrypt = [s for s in stanzas if s.arguments[0] == b"scrypt"]
    if not scrypt:
        return False
    if len(stanzas) != 1 or len(scrypt[0].arguments) != 3:
        raise _damaged_header()
    factor = scrypt[0].arguments[2]
    if not _WORK_FACTOR.fullmatch(factor):
        raise _damaged_header()
    if int(factor) > MAX_SCRYPT_LOG_N:
        raise BundleFormatError(
            translate(
                "sharing",
                "This bundle's passphrase protection is set to need far more work to open than "
                "age and this app use (2^{n} instead of 2^{limit}): opening it could take "
                "minutes and gigabytes of memory, so it was refused. Ask the sender to export "
                "it again.",
            ).format(n=int(factor), limit=MAX_SCRYPT_LOG_N)
        )
    return True


# -- writing ----------------------------------------------------------------------------------
def _b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def _hkdf(key: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


def seal_with_passphrase(plain: bytes, passphrase: str, log_n: int = SCRYPT_LOG_N) -> bytes:
    """``plain`` as a binary age file for age's scrypt recipient, at a fixed work factor."""
    file_key, salt, nonce = os.urandom(16), os.urandom(16), os.urandom(16)
    wrap_key = hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=b"age-encryption.org/v1/scrypt" + salt,
        n=1 << log_n,
        r=8,
        p=1,
        maxmem=(128 * 8 << log_n) + (1 << 20),
        dklen=32,
    )
    wrapped = ChaCha20Poly1305(wrap_key).encrypt(bytes(12), file_key, None)
    header = b"%s\n-> scrypt %s %d\n%s\n---" % (V1, _b64(salt), log_n, _b64(wrapped))
    mac = hmac.digest(_hkdf(file_key, b"", b"header"), header, "sha256")
    out = [header, b" ", _b64(mac), b"\n", nonce]
    stream = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    count = max(1, -(-len(plain) // _CHUNK))  # an empty payload is one empty final chunk
    for counter in range(count):
        final = b"\x01" if counter == count - 1 else b"\x00"
        chunk = plain[counter * _CHUNK : (counter + 1) * _CHUNK]
        out.append(stream.encrypt(counter.to_bytes(11, "big") + final, chunk, None))
    return b"".join(out)
