"""Bundles from unknown signers are not merged silently.

"Known" means the bundle's Ed25519 signing key is this organisation's own, or the signing key
of an address-book entry (``recipients add … --signing-key``). Anything else is merged only
after a person compared the fingerprint with the sender and said so: ``--trust-fingerprint``
on the command line (the whole fingerprint, as the app shows it), the question in the app.
A preview (``--dry-run``) is allowed first: it shows what the file holds and writes nothing.
"""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import func, select

from casetracker.model import AuditEntry, Recipient
from casetracker.services.sharing import UnknownSigner
from casetracker.services.workspace import Workspace
from casetracker.sharing import keys as keyring
from tests.sharing.conftest import RunCli, consent_case, sharing


@pytest.fixture
def sent(tmp_path: Path, cli: RunCli) -> tuple[Path, Path, dict[str, str]]:
    """Vault A with three cases, vault B empty, and a lawyer bundle from A to B: (B, the
    bundle, A's public keys)."""
    a, b = tmp_path / "a.ctvault", tmp_path / "b.ctvault"
    for vault in (a, b):
        assert cli("init", vault)[0] == 0
    assert cli("demo", a, "--cases", "3")[0] == 0
    keys_a = json.loads(cli("keys", a, "--json")[1])
    key_b = json.loads(cli("keys", b, "--json")[1])["age_public_key"]
    bundle = tmp_path / "from-a.age"
    code, _out, err = cli(
        "export", a, "--all", "--to", key_b, "--profile", "lawyer", "-o", bundle,
        "--without-consent", "held incommunicado",
    )  # fmt: skip
    assert code == 0, err
    return b, bundle, keys_a


def _cases(cli: RunCli, vault: Path) -> list[str]:
    code, out, err = cli("cases", vault, "--json")
    assert code == 0, err
    return [case["full_name"] for case in json.loads(out)]


def test_an_unknown_signer_is_refused_with_the_fingerprint_and_the_flag_to_use(
    sent: tuple[Path, Path, dict[str, str]], cli: RunCli
) -> None:
    b, bundle, keys_a = sent
    before = b.read_bytes()
    code, out, err = cli("import-bundle", b, bundle)
    assert code == 1 and out == ""
    assert keys_a["fingerprint"] in err and "not in the address book" in err
    assert f'--trust-fingerprint "{keys_a["fingerprint"]}"' in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert b.read_bytes() == before and _cases(cli, b) == []


def test_the_right_fingerprint_imports(
    sent: tuple[Path, Path, dict[str, str]], cli: RunCli
) -> None:
    b, bundle, keys_a = sent
    code, out, err = cli("import-bundle", b, bundle, "--trust-fingerprint", keys_a["fingerprint"])
    assert code == 0, err
    assert "Imported: " in out and keys_a["fingerprint"] in out
    assert len(_cases(cli, b)) == 3


@pytest.mark.parametrize(
    "given",
    ["0000 0000 0000 0000 0000", "first four", "last"],
    ids=["another-key", "only-the-first-groups", "only-the-last-group"],
)
def test_a_wrong_or_partial_fingerprint_is_refused(
    sent: tuple[Path, Path, dict[str, str]], cli: RunCli, given: str
) -> None:
    b, bundle, keys_a = sent
    right = keys_a["fingerprint"]
    given = {"first four": right[:19], "last": right[-4:]}.get(given, given)
    before = b.read_bytes()
    code, out, err = cli("import-bundle", b, bundle, "--trust-fingerprint", given)
    assert code == 1 and out == ""
    assert right in err and "does not match" in err and err.count("\n") == 1
    assert b.read_bytes() == before and _cases(cli, b) == []


def test_a_signer_in_the_address_book_is_imported_and_named(
    sent: tuple[Path, Path, dict[str, str]], cli: RunCli
) -> None:
    b, bundle, keys_a = sent
    code, _out, err = cli(
        "recipients", b, "add", "Фонд А", keys_a["age_public_key"],
        "--signing-key", keys_a["signing_key"],
    )  # fmt: skip
    assert code == 0, err
    code, out, err = cli("import-bundle", b, bundle)
    assert code == 0, err
    assert "known here as: Фонд А" in out and len(_cases(cli, b)) == 3


def test_an_address_book_entry_without_the_signing_key_is_not_enough(
    sent: tuple[Path, Path, dict[str, str]], cli: RunCli
) -> None:
    """The age key is public: anyone can put it in a manifest. Only the signing key counts."""
    b, bundle, keys_a = sent
    assert cli("recipients", b, "add", "Фонд А", keys_a["age_public_key"])[0] == 0
    code, _out, err = cli("import-bundle", b, bundle)
    assert code == 1 and keys_a["fingerprint"] in err and _cases(cli, b) == []


def test_a_dry_run_shows_an_unknown_signers_file_and_writes_nothing(
    sent: tuple[Path, Path, dict[str, str]], cli: RunCli
) -> None:
    b, bundle, keys_a = sent
    before = b.read_bytes()
    code, out, err = cli("import-bundle", b, bundle, "--dry-run")
    assert code == 0, err
    assert "Would do: " in out and "--trust-fingerprint" in out and keys_a["fingerprint"] in out
    assert b.read_bytes() == before


def _audit_count(ws: Workspace) -> int:
    with ws.reading() as session:
        return session.exec(select(func.count()).select_from(AuditEntry)).one()


def test_the_service_refuses_before_anything_is_written(org_a: Workspace, org_b: Workspace) -> None:
    consent_case(org_a)
    service = sharing(org_a)
    data = service.export(
        service.select_cases(everything=True),
        profile="lawyer",
        recipients=[sharing(org_b).keys().age_public_key],
    ).data
    receiver = sharing(org_b)
    org_b.save()
    audit_before = _audit_count(org_b)
    bundle = receiver.open(data)
    with pytest.raises(UnknownSigner) as refused:
        receiver.import_bundle(bundle)
    assert refused.value.fingerprint == service.keys().fingerprint
    assert refused.value.given is None
    assert not org_b.dirty and _audit_count(org_b) == audit_before
    assert org_b.cases.rows() == []
    # Confirmed, and remembered in the same transaction: the next file is known by name.
    report = receiver.import_bundle(
        bundle,
        trust_fingerprint=service.keys().fingerprint.lower().replace(" ", ""),
        remember_as="Фонд А",
    )
    assert report.added["cases"] == 1
    with org_b.reading() as session:
        saved = session.exec(select(Recipient)).one()
    assert (saved.name, saved.signing_key) == ("Фонд А", service.keys().signing_key)
    assert saved.age_public_key == service.keys().age_public_key
    assert receiver.signer_known_as(bundle) == "Фонд А"
    assert receiver.import_bundle(bundle).changes == 0


def test_our_own_bundles_are_known(org_a: Workspace) -> None:
    consent_case(org_a)
    service = sharing(org_a)
    ids = service.select_cases(everything=True)
    data = service.export(ids, profile="lawyer", recipients=[service.keys().age_public_key]).data
    bundle = service.open(data)
    assert service.signer_known_as(bundle) == "this organisation"
    assert service.import_bundle(bundle).changes == 0


def test_a_confirmed_signer_can_be_remembered_for_the_next_file(
    sent: tuple[Path, Path, dict[str, str]], cli: RunCli
) -> None:
    b, bundle, keys_a = sent
    code, _out, err = cli("import-bundle", b, bundle, "--remember-as", "Фонд А")
    assert code == 1 and "--trust-fingerprint" in err  # remembering is no way round the check
    code, out, err = cli(
        "import-bundle", b, bundle, "--trust-fingerprint", keys_a["fingerprint"],
        "--remember-as", "Фонд А",
    )  # fmt: skip
    assert code == 0, err
    assert "known here as: Фонд А" in out
    [entry] = json.loads(cli("recipients", b, "list", "--json")[1])
    assert (entry["name"], entry["signing_key"]) == ("Фонд А", keys_a["signing_key"])
    code, out, err = cli("import-bundle", b, bundle)  # the next file: known, no flag
    assert code == 0 and "known here as: Фонд А" in out


@settings(max_examples=200, deadline=None)
@given(
    public=st.binary(min_size=32, max_size=32),
    spacing=st.lists(st.sampled_from(["", " ", "  "]), min_size=20, max_size=20),
    lower=st.booleans(),
    position=st.integers(0, 19),
    cut=st.integers(1, 19),
)
def test_only_the_whole_fingerprint_is_accepted(
    public: bytes, spacing: list[str], lower: bool, position: int, cut: int
) -> None:
    shown = keyring.signing_fingerprint(public)
    digits = shown.replace(" ", "")
    typed = "".join(d + gap for d, gap in zip(digits, spacing, strict=True))
    assert keyring.same_fingerprint(typed.lower() if lower else typed, shown)
    other = "0" if digits[position] != "0" else "1"
    assert not keyring.same_fingerprint(digits[:position] + other + digits[position + 1 :], shown)
    assert not keyring.same_fingerprint(digits[:cut], shown)
    assert not keyring.same_fingerprint(digits + "0", shown)
