"""Payload compression per format version: Zstandard since format 2, zlib files still read.

The version field is authenticated, so a file cannot be made to decompress with the other
codec; a frame that hides or inflates its size is refused before anything is allocated.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib

import pytest
import zstandard
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given, settings
from hypothesis import strategies as st
from storage_samples import FIRST_PAYLOAD, PASSPHRASE, MakeVault, header_span

from casetracker.services.workspace import Workspace
from casetracker.storage import envelope
from casetracker.storage.backups import list_backups
from casetracker.storage.errors import VaultDamaged
from casetracker.storage.kdf import FLOOR
from casetracker.storage.vault_file import VaultFile


def _data_key(path: os.PathLike[str]) -> bytes:
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        key = vault._data_key
    assert key is not None
    return key


def _payload_stream(data: bytes, key: bytes) -> bytes:
    parsed = envelope.parse(data)
    plaintext = AESGCM(key).decrypt(
        parsed.header.payload_nonce, parsed.untrusted_ciphertext, parsed.associated_data
    )
    (length,) = struct.unpack_from(">Q", plaintext)
    return plaintext[8 : 8 + length]


def _associated_data(header_bytes: bytes, version: int) -> bytes:
    prefix = envelope.MAGIC + struct.pack(">HI", version, len(header_bytes)) + header_bytes
    return prefix + hashlib.sha256(prefix).digest()


def _with_nonce_zero(data: bytes) -> bytes:
    start, end = header_span(data)
    header = json.loads(data[start:end])
    header["payload_nonce"] = "AAAAAAAAAAAAAAAA"
    del header["snapshot_length"]  # formats 1 and 2 have no journal after the snapshot
    return envelope.canonical_json(header)


def test_new_saves_have_a_zstandard_frame_that_states_its_size(
    make_vault: MakeVault,
) -> None:
    path, _ = make_vault(saves=(b"x" * 100_000,))
    data = path.read_bytes()
    assert envelope.parse(data).format_version == 3
    stream = _payload_stream(data, _data_key(path))
    assert zstandard.frame_content_size(stream) == 100_000
    assert zstandard.ZstdDecompressor().decompress(stream) == b"x" * 100_000


def test_a_format_1_zlib_vault_opens_and_its_next_save_is_format_3(
    make_vault: MakeVault,
) -> None:
    path, _ = make_vault()
    key = _data_key(path)
    header = _with_nonce_zero(path.read_bytes())
    old = envelope.seal(header, key, bytes(12), FIRST_PAYLOAD, version=1)
    assert zlib.decompress(_payload_stream(old, key)) == FIRST_PAYLOAD
    path.write_bytes(old)
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert vault.format_version == 1
        assert vault.payload == FIRST_PAYLOAD
        vault.save(b"saved by format 3")
    assert VaultFile.inspect(path)["format_version"] == 3
    # The format 1 file is now a backup, and still opens as one.
    [backup] = [b for b in list_backups(path) if b.path.read_bytes() == old][:1]
    with VaultFile.open(backup.path, passphrase=PASSPHRASE) as vault:
        assert vault.payload == FIRST_PAYLOAD


def test_the_version_selects_the_codec_and_is_authenticated(make_vault: MakeVault) -> None:
    """Relabelling a format 2 file as format 1 (checksum recomputed) fails the payload tag."""
    path, _ = make_vault()
    data = path.read_bytes()
    relabelled = data[:8] + (1).to_bytes(2, "big") + data[10:]
    end = header_span(relabelled)[1]
    relabelled = relabelled[:end] + hashlib.sha256(relabelled[:end]).digest() + data[end + 32 :]
    path.write_bytes(relabelled)
    with pytest.raises(VaultDamaged) as caught:
        VaultFile.open(path, passphrase=PASSPHRASE)
    assert caught.value.region == "payload"


def _padded(stream: bytes) -> bytes:
    body = struct.pack(">Q", len(stream)) + stream
    return body + bytes(-len(body) % envelope.PAD_TO)


@pytest.mark.parametrize(
    "stream",
    [
        pytest.param(
            zstandard.ZstdCompressor(write_content_size=False).compress(b"no size" * 100),
            id="frame without its size",
        ),
        pytest.param(zstandard.ZstdCompressor().compress(b"a" * 50)[:-3], id="truncated frame"),
        pytest.param(zlib.compress(b"a zlib stream in a format 2 file"), id="zlib in format 2"),
        pytest.param(b"\x28\xb5\x2f\xfd" + b"\xff" * 20, id="garbage after the magic"),
    ],
)
def test_authentic_but_malformed_frames_are_damage_not_crashes(
    make_vault: MakeVault, stream: bytes
) -> None:
    path, _ = make_vault()
    key = _data_key(path)
    header = _with_nonce_zero(path.read_bytes())
    forged = _associated_data(header, 2) + AESGCM(key).encrypt(
        bytes(12), _padded(stream), _associated_data(header, 2)
    )
    path.write_bytes(forged)
    with pytest.raises(VaultDamaged) as caught:
        # A frame that states its size is decompressed only when the database is loaded.
        Workspace.open(path, passphrase=PASSPHRASE).close(save=False)
    assert caught.value.region == "payload"


def test_a_frame_claiming_more_than_the_limit_is_refused_before_allocating(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = make_vault(saves=(b"y" * 5000,))
    monkeypatch.setattr(envelope, "MAX_PAYLOAD_BYTES", 4999)
    with pytest.raises(VaultDamaged):
        VaultFile.open(path, passphrase=PASSPHRASE)


@pytest.fixture(scope="module")
def sample_header(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("header") / "v.ctvault"
    VaultFile.create(path, PASSPHRASE, b"", kdf=FLOOR)[0].close()
    return _with_nonce_zero(path.read_bytes())


@settings(max_examples=60, deadline=None)
@given(payload=st.binary(max_size=20_000), version=st.sampled_from([1, 2]))
def test_seal_and_decrypt_round_trip_in_both_formats(
    sample_header: bytes, payload: bytes, version: int
) -> None:
    """seal() encrypts piece by piece; the one-shot AES-GCM decryption must accept it."""
    key = bytes(range(32))
    sealed = envelope.seal(sample_header, key, bytes(12), payload, version=version)
    parsed = envelope.parse(bytes(sealed))
    assert (len(sealed) - len(parsed.associated_data) - envelope.TAG_LENGTH) % envelope.PAD_TO == 0
    assert envelope.decrypt(parsed, key) == payload
