"""The header migration hook: older format versions are upgraded when read, saved as current."""

from __future__ import annotations

import json
from typing import Any

import pytest
from storage_samples import FIRST_PAYLOAD, PASSPHRASE, MakeVault, header_span

from casetracker.storage import envelope, migrations
from casetracker.storage.errors import UnsupportedVersion
from casetracker.storage.vault_file import VaultFile


def add_cipher(header: dict[str, Any]) -> dict[str, Any]:
    """The fake format 0 did not name its cipher; it was always AES-256-GCM."""
    return {**header, "cipher": "AES-256-GCM"}


def rewrite_as_format_0(make_vault: MakeVault) -> tuple[Any, bytes]:
    """A vault whose file is in the fake format 0, sealed with the vault's own data key."""
    path, _ = make_vault()
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        data_key = vault._data_key
    assert data_key is not None
    data = path.read_bytes()
    header = json.loads(data[slice(*header_span(data))])
    del header["cipher"]
    nonce = bytes(12)
    header["payload_nonce"] = "AAAAAAAAAAAAAAAA"
    old = envelope.seal(envelope.canonical_json(header), data_key, nonce, FIRST_PAYLOAD, version=0)
    path.write_bytes(old)
    return path, old


def test_format_0_file_opens_through_its_migrations_and_is_saved_as_current(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(migrations.MIGRATIONS, 0, add_cipher)
    path, _ = rewrite_as_format_0(make_vault)
    assert VaultFile.inspect(path)["format_version"] == 0
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert vault.payload == FIRST_PAYLOAD
        assert vault.format_version == 0
        vault.save(vault.payload)
        assert vault.format_version == migrations.CURRENT_FORMAT_VERSION
    assert VaultFile.inspect(path)["format_version"] == migrations.CURRENT_FORMAT_VERSION
    monkeypatch.delitem(migrations.MIGRATIONS, 0)
    with VaultFile.open(path, passphrase=PASSPHRASE) as vault:
        assert vault.payload == FIRST_PAYLOAD


def test_format_without_a_migration_path_is_unsupported_as_too_old(
    make_vault: MakeVault,
) -> None:
    path, _ = rewrite_as_format_0(make_vault)
    with pytest.raises(UnsupportedVersion) as caught:
        VaultFile.open(path, passphrase=PASSPHRASE)
    assert not caught.value.newer
    assert "old version of Casetracker" in str(caught.value)


def test_migrations_run_in_order_one_version_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "CURRENT_FORMAT_VERSION", 3)
    monkeypatch.setattr(
        migrations,
        "MIGRATIONS",
        {
            1: lambda h: {**h, "steps": [*h["steps"], "1->2"]},
            2: lambda h: {**h, "steps": [*h["steps"], "2->3"]},
        },
    )
    assert migrations.migrate_header(1, {"steps": []}) == {"steps": ["1->2", "2->3"]}
    assert migrations.migrate_header(3, {"steps": []}) == {"steps": []}
    with pytest.raises(UnsupportedVersion):
        migrations.migrate_header(4, {})


def test_format_2_changed_only_the_compression_and_format_3_added_the_snapshot_length() -> None:
    assert migrations.CURRENT_FORMAT_VERSION == 3
    assert set(migrations.MIGRATIONS) == {1, 2}
    header = {"vault_id": "0" * 32, "generation": 3, "slots": [{"kind": "passphrase"}]}
    assert migrations.MIGRATIONS[1](header) == header
    # An older file is all snapshot: no journal follows it.
    assert migrations.migrate_header(1, header) == {**header, "snapshot_length": None}
