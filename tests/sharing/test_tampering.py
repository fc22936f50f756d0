"""Tampered bundles are refused with a message naming what failed."""

import hashlib
import io
import json
import zipfile
from collections.abc import Callable

import pyrage
import pytest

from casetracker.services.workspace import Workspace
from casetracker.sharing import bundle as bundle_format
from casetracker.sharing import keys as keyring
from casetracker.sharing.bundle import open_bundle
from casetracker.sharing.errors import BundleDecryptError, BundleFormatError, BundleTampered
from tests.sharing.conftest import consent_case, sharing

Members = dict[str, bytes]


@pytest.fixture
def setup(org_a: Workspace, org_b: Workspace) -> tuple[bytes, pyrage.x25519.Identity, str]:
    """A genuine bundle from A to B, B's identity and B's public key."""
    consent_case(org_a)
    keys_b = sharing(org_b).keys()
    service = sharing(org_a)
    data = service.export(
        service.select_cases(everything=True), profile="lawyer", recipients=[keys_b.age_public_key]
    ).data
    return data, sharing(org_b)._identity(), keys_b.age_public_key


def _members(data: bytes, identity: pyrage.x25519.Identity) -> Members:
    plain = pyrage.decrypt(data, [identity])
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _reseal(members: Members, recipient: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return pyrage.encrypt(buffer.getvalue(), [keyring.parse_recipient(recipient)])


def _tampered(
    setup: tuple[bytes, pyrage.x25519.Identity, str], change: Callable[[Members], None]
) -> bytes:
    data, identity, recipient = setup
    members = _members(data, identity)
    change(members)
    return _reseal(members, recipient)


def test_the_genuine_bundle_opens(setup: tuple[bytes, pyrage.x25519.Identity, str]) -> None:
    data, identity, _ = setup
    assert open_bundle(data, identities=[identity]).document.counts()["cases"] == 1


@pytest.mark.parametrize("where", [0.3, 0.6, 0.99])
def test_a_flipped_bit_in_the_ciphertext_fails_decryption(
    setup: tuple[bytes, pyrage.x25519.Identity, str], where: float
) -> None:
    data, identity, _ = setup
    position = int(len(data) * where)
    damaged = data[:position] + bytes([data[position] ^ 0x01]) + data[position + 1 :]
    with pytest.raises(BundleDecryptError, match="Decryption failed"):
        open_bundle(damaged, identities=[identity])


def test_a_truncated_file_fails_decryption(
    setup: tuple[bytes, pyrage.x25519.Identity, str],
) -> None:
    data, identity, _ = setup
    with pytest.raises(BundleDecryptError):
        open_bundle(data[:-100], identities=[identity])


def test_the_wrong_key_is_told_apart(setup: tuple[bytes, pyrage.x25519.Identity, str]) -> None:
    data, _identity, _ = setup
    with pytest.raises(BundleDecryptError, match="not addressed to this key"):
        open_bundle(data, identities=[pyrage.x25519.Identity.generate()])


def test_not_an_age_file_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BundleFormatError, match="not an age"):
        open_bundle(b"PK\x03\x04 definitely a zip", identities=[pyrage.x25519.Identity.generate()])


def test_a_member_changed_and_re_encrypted_is_caught_by_its_hash(
    setup: tuple[bytes, pyrage.x25519.Identity, str],
) -> None:
    def change(members: Members) -> None:
        members["cases.json"] = members["cases.json"].replace("Смирнов".encode(), "Петров".encode())

    forged = _tampered(setup, change)
    with pytest.raises(BundleTampered, match=r"cases\.json was changed") as caught:
        open_bundle(forged, identities=[setup[1]])
    assert caught.value.part == "member hash"


def test_a_changed_manifest_breaks_its_signature(
    setup: tuple[bytes, pyrage.x25519.Identity, str],
) -> None:
    def change(members: Members) -> None:
        manifest = json.loads(members["manifest.json"])
        forged = "Петров".encode()
        members["cases.json"] = members["cases.json"].replace("Смирнов".encode(), forged)
        manifest["members"]["cases.json"]["sha256"] = hashlib.sha256(
            members["cases.json"]
        ).hexdigest()
        manifest["members"]["cases.json"]["size"] = len(members["cases.json"])
        members["manifest.json"] = json.dumps(manifest).encode()

    with pytest.raises(BundleTampered, match="signature") as caught:
        open_bundle(_tampered(setup, change), identities=[setup[1]])
    assert caught.value.part == "manifest signature"


def test_a_manifest_re_signed_by_someone_else_names_them_not_us(
    setup: tuple[bytes, pyrage.x25519.Identity, str], org_b: Workspace
) -> None:
    """Anyone can sign; what matters is whose fingerprint the reader is shown."""
    intruder = keyring.SigningKey.generate()

    def change(members: Members) -> None:
        inner = {k: v for k, v in members.items() if k != "manifest.json"}
        members["manifest.json"] = bundle_format.build_manifest(
            inner,
            key=intruder,
            profile="lawyer",
            counts=json.loads(members["manifest.json"])["counts"],
            created_at=bundle_format.datetime(2024, 1, 1),
        )

    opened = open_bundle(_tampered(setup, change), identities=[setup[1]])
    assert opened.signer_fingerprint == intruder.fingerprint
    assert sharing(org_b).signer_known_as(opened) == ""


def test_a_fingerprint_that_does_not_match_the_key_is_refused(
    setup: tuple[bytes, pyrage.x25519.Identity, str],
) -> None:
    intruder = keyring.SigningKey.generate()

    def change(members: Members) -> None:
        manifest = json.loads(members["manifest.json"])
        claimed = manifest["creator"]["fingerprint"]  # keep claiming the genuine fingerprint
        inner = {k: v for k, v in members.items() if k != "manifest.json"}
        body = json.loads(
            bundle_format.build_manifest(
                inner, key=intruder, profile="lawyer", counts=manifest["counts"],
                created_at=bundle_format.datetime(2024, 1, 1),
            )
        )  # fmt: skip
        body.pop("signature")
        body["creator"]["fingerprint"] = claimed
        signature = intruder.sign(bundle_format.strict_json.canonical(body))
        body["signature"] = {
            "algorithm": "ed25519",
            "value": bundle_format.base64.b64encode(signature).decode(),
        }
        members["manifest.json"] = json.dumps(body).encode()

    with pytest.raises(BundleTampered, match="fingerprint") as caught:
        open_bundle(_tampered(setup, change), identities=[setup[1]])
    assert caught.value.part == "creator fingerprint"


def test_a_missing_member_is_named(setup: tuple[bytes, pyrage.x25519.Identity, str]) -> None:
    with pytest.raises(BundleTampered, match=r"dossier\.pdf is listed .* but missing") as caught:
        open_bundle(_tampered(setup, lambda m: m.pop("dossier.pdf")), identities=[setup[1]])
    assert caught.value.part == "missing member"


def test_a_missing_manifest_is_named(setup: tuple[bytes, pyrage.x25519.Identity, str]) -> None:
    with pytest.raises(BundleTampered, match="manifest"):
        open_bundle(_tampered(setup, lambda m: m.pop("manifest.json")), identities=[setup[1]])


def test_an_extra_member_is_named(setup: tuple[bytes, pyrage.x25519.Identity, str]) -> None:
    extra = "attachments/00000000-0000-4000-8000-000000000000.pdf"

    def change(members: Members) -> None:
        members[extra] = b"%PDF-1.4 not from the sender"

    with pytest.raises(BundleTampered, match="not in the signed manifest") as caught:
        open_bundle(_tampered(setup, change), identities=[setup[1]])
    assert caught.value.part == "extra member"


def test_the_cli_refuses_a_tampered_bundle_in_one_line(
    setup: tuple[bytes, pyrage.x25519.Identity, str],
    tmp_path,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    forged = _tampered(setup, lambda m: m.update({"cases.json": m["cases.json"] + b" "}))
    (tmp_path / "forged.age").write_bytes(forged)
    key_file = tmp_path / "b.key"
    key_file.write_text(str(setup[1]) + "\n")
    code, out, err = cli(
        "open-bundle", tmp_path / "forged.age", "--identity", key_file, "-o", tmp_path / "x"
    )
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "cases.json was changed" in err
    assert not (tmp_path / "x").exists()
