"""Every C2SP CCTV age vector through ``bundle.decrypt``, and the header checks made before pyrage.

A vector that should decrypt must give exactly its payload; every other one must fail with a
``BundleError`` (never another exception, never a success). Vectors for hybrid post-quantum
identities (``AGE-SECRET-KEY-PQ-…``) are unsupported: pyrage 1.4 has no such identity, so the
key is refused as a ``KeyFormatError`` and the file, tried with an X25519 key, fails typed.
"""

import contextlib
import hashlib
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyrage import x25519

from casetracker.sharing import age_format, bundle
from casetracker.sharing.errors import BundleDecryptError, BundleError, KeyFormatError
from casetracker.sharing.keys import SigningKey, parse_identity

VECTORS = Path(__file__).resolve().parents[1] / "data" / "cctv-age"
NOT_VECTORS = {"README.md", "LICENSE", ".gitattributes"}
HYBRID_IDENTITY = "AGE-SECRET-KEY-PQ-"
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@dataclass(frozen=True)
class Vector:
    expect: str
    payload: str
    identities: tuple[str, ...]
    passphrases: tuple[str, ...]
    file: bytes


def _load(path: Path) -> Vector:
    head, _, file = path.read_bytes().partition(b"\n\n")
    fields: dict[str, list[str]] = {}
    for line in head.decode("utf-8").splitlines():
        key, _, value = line.partition(": ")
        fields.setdefault(key, []).append(value)
    if fields.get("compressed") == ["zlib"]:
        file = zlib.decompress(file)
    return Vector(
        expect=fields["expect"][0],
        payload=fields.get("payload", [""])[0],
        identities=tuple(fields.get("identity", ())),
        passphrases=tuple(fields.get("passphrase", ())),
        file=file,
    )


NAMES = sorted(p.name for p in VECTORS.iterdir() if p.name not in NOT_VECTORS)


def test_all_vectors_are_here() -> None:
    assert len(NAMES) == 143


@pytest.mark.parametrize("name", NAMES)
def test_cctv_age_vector(name: str) -> None:
    vector = _load(VECTORS / name)
    hybrid = [i for i in vector.identities if i.startswith(HYBRID_IDENTITY)]
    if hybrid:  # unsupported: the key is refused, the file fails typed or gives its payload
        for identity in hybrid:
            with pytest.raises(KeyFormatError):
                parse_identity(identity)
        others = [parse_identity(i) for i in vector.identities if i not in hybrid]
        try:
            plain = bundle.decrypt(vector.file, identities=others or [x25519.Identity.generate()])
        except BundleError:
            return
        assert vector.expect == "success"
        assert hashlib.sha256(plain).hexdigest() == vector.payload
        return
    identities = [parse_identity(i) for i in vector.identities]
    passphrase = vector.passphrases[0] if vector.passphrases else None
    if vector.expect == "success":
        plain = bundle.decrypt(vector.file, identities=identities, passphrase=passphrase)
        assert hashlib.sha256(plain).hexdigest() == vector.payload
        return
    expected = BundleDecryptError if vector.expect == "no match" else BundleError
    with pytest.raises(expected):
        bundle.decrypt(vector.file, identities=identities, passphrase=passphrase)


def _sealed(passphrase: str) -> bytes:
    """A small passphrase file at 2^10, quick to make (the cap is on opening)."""
    return age_format.seal_with_passphrase(b"PK\x05\x06" + bytes(18), passphrase, log_n=10)


def test_our_passphrase_bundles_use_work_factor_2_18() -> None:
    sealed = bundle.seal(
        {"cases.json": b"{}"},
        key=SigningKey.generate(),
        profile="lawyer",
        counts={},
        passphrase="длинная фраза для теста",
    )
    (stanza,) = age_format.read_header(sealed)
    assert stanza.arguments[0] == b"scrypt" and stanza.arguments[2] == b"18"


@pytest.mark.parametrize("size", [0, 1, 64 * 1024, 64 * 1024 + 1, 3 * 64 * 1024])
def test_chunking_at_the_edges_round_trips(size: int) -> None:
    plain = bytes(range(256)) * (size // 256) + bytes(size % 256)
    sealed = age_format.seal_with_passphrase(plain, "фраза", log_n=10)
    assert bundle.decrypt(sealed, passphrase="фраза") == plain


def test_a_work_factor_above_2_18_is_refused_before_any_key_is_derived() -> None:
    # 2^19 here: today's pyrage derives the key (half a second, 512 MiB) and only then fails.
    forged = _sealed("фраза").replace(b" 10\n", b" 19\n", 1)
    with pytest.raises(BundleError, match=r"2\^19") as caught:
        bundle.decrypt(forged, passphrase="фраза")
    assert "2^18" in str(caught.value) and "export it again" in str(caught.value)
    hostile = _sealed("фраза").replace(b" 10\n", b" 40\n", 1)  # hours and a terabyte
    with pytest.raises(BundleError, match=r"2\^40"):
        bundle.decrypt(hostile, passphrase="фраза")


def test_no_memory_for_scrypt_is_said_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> bytes:
        raise ValueError("[digital envelope routines] memory limit exceeded")

    monkeypatch.setattr(age_format.hashlib, "scrypt", refuse)
    with pytest.raises(BundleError, match="not enough free memory"):
        bundle.seal(
            {"cases.json": b"{}"},
            key=SigningKey.generate(),
            profile="lawyer",
            counts={},
            passphrase="длинная фраза для теста",
        )


def test_a_passphrase_given_for_a_keyed_bundle_is_told_apart() -> None:
    identity = x25519.Identity.generate()
    sealed = bundle.seal(
        {"cases.json": b"{}"},
        key=SigningKey.generate(),
        profile="lawyer",
        counts={},
        recipients=[identity.to_public()],
    )
    with pytest.raises(BundleDecryptError, match="encrypted to keys"):
        bundle.decrypt(sealed, passphrase="фраза")
    with pytest.raises(BundleDecryptError, match="protected by a passphrase"):
        bundle.decrypt(_sealed("фраза"), identities=[identity])


@FAST
@given(st.binary(max_size=400))
def test_any_header_fails_only_with_a_bundle_error(tail: bytes) -> None:
    with contextlib.suppress(BundleError):
        bundle.decrypt(b"age-encryption.org/v1\n" + tail, identities=[x25519.Identity.generate()])


@FAST
@given(
    st.lists(st.sampled_from([b"\n", b"\r\n", b" ", b"=", b"QUFB", b"A" * 64, b"-"]), max_size=12)
)
def test_any_armour_fails_only_with_a_bundle_error(parts: list[bytes]) -> None:
    text = age_format.ARMOR_BEGIN + b"\n" + b"".join(parts) + b"\n" + age_format.ARMOR_END
    with contextlib.suppress(BundleError):
        bundle.decrypt(text, identities=[x25519.Identity.generate()])
