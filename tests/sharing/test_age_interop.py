"""Interoperability with the real `age` tool (Debian package `age`).

- exports made by the app are decrypted by ``age -d -i KEYFILE``;
- a passphrase export is decrypted by ``age -d`` typing the passphrase into a pseudo-terminal,
  because age reads passphrases only from a terminal, never from a pipe or a file;
- bundles encrypted by ``age -r`` (also armored, ``-a``) and by ``age -p`` are opened by the app.
Skipped with a reason when the tool is missing; CI installs it (scripts/bootstrap).
"""

import io
import os
import select
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from casetracker.services.workspace import Workspace
from casetracker.sharing.archive import write_zip
from casetracker.sharing.bundle import build_manifest, verify_archive
from casetracker.sharing.bundle_schema import CasesDocument, dump_document
from casetracker.sharing.keys import SigningKey
from tests.sharing.conftest import AGE, AGE_KEYGEN, DETAINED_NAME, consent_case, needs_age, sharing

pytestmark = needs_age
BUNDLE_SECRET = "три слова для адвоката"


def _keygen(path: Path) -> str:
    subprocess.run([AGE_KEYGEN, "-o", str(path)], check=True, capture_output=True, timeout=30)
    done = subprocess.run(
        [AGE_KEYGEN, "-y", str(path)], check=True, capture_output=True, text=True, timeout=30
    )
    return done.stdout.strip()


def _age_with_tty(args: list[str], secret: str, *, times: int = 1) -> tuple[int, str]:
    """Run age on a pseudo-terminal, answering its passphrase prompt(s)."""
    if sys.platform == "win32":
        pytest.skip("age reads passphrases from a terminal; no pty on Windows")
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execv(AGE, [AGE, *args])
    output = b""
    answered = 0
    try:
        while True:
            ready, _, _ = select.select([fd], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(fd, 1024)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
            prompts = output.lower().count(b"passphrase")
            while answered < min(prompts, times):
                os.write(fd, secret.encode() + b"\n")
                answered += 1
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode("utf-8", "replace")


def _signed_zip() -> bytes:
    document = CasesDocument("lawyer", datetime(2024, 7, 19, 12), {"cases": []})
    members = {"cases.json": dump_document(document)}
    manifest = build_manifest(
        members,
        key=SigningKey.generate(),
        profile="lawyer",
        counts=document.counts(),
        created_at=datetime(2024, 7, 19, 12),
    )
    return write_zip([("manifest.json", manifest), *members.items()])


def test_age_decrypts_an_export_to_its_key(org_a: Workspace, tmp_path: Path) -> None:
    recipient = _keygen(tmp_path / "lawyer.key")
    consent_case(org_a)
    service = sharing(org_a)
    service.add_recipient("Адвокат Петрова", recipient, role="lawyer")
    result = service.export(
        service.select_cases(everything=True), profile="lawyer", recipients=["Адвокат Петрова"]
    )
    service.write_bundle(tmp_path / "out.age", result.data)
    done = subprocess.run(
        [AGE, "-d", "-i", str(tmp_path / "lawyer.key"), str(tmp_path / "out.age")],
        capture_output=True, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(io.BytesIO(done.stdout)) as archive:
        assert sorted(archive.namelist()) == ["cases.json", "dossier.pdf", "manifest.json"]
        assert DETAINED_NAME in archive.read("cases.json").decode()
    assert verify_archive(done.stdout).signer_fingerprint == service.keys().fingerprint


def test_age_decrypts_a_passphrase_export_typed_at_a_terminal(
    org_a: Workspace, tmp_path: Path
) -> None:
    consent_case(org_a)
    service = sharing(org_a)
    result = service.export(
        service.select_cases(everything=True), profile="lawyer", passphrase=BUNDLE_SECRET
    )
    (tmp_path / "out.age").write_bytes(result.data)
    code, output = _age_with_tty(
        ["-d", "-o", str(tmp_path / "out.zip"), str(tmp_path / "out.age")], BUNDLE_SECRET
    )
    assert code == 0, output
    opened = verify_archive((tmp_path / "out.zip").read_bytes())
    assert opened.document.counts()["cases"] == 1


def test_the_app_opens_what_age_encrypted_to_the_vault_key(
    org_b: Workspace, tmp_path: Path
) -> None:
    (tmp_path / "bundle.zip").write_bytes(_signed_zip())
    ours = sharing(org_b).keys().age_public_key
    for armor in ([], ["-a"]):
        target = tmp_path / f"from-age{len(armor)}.age"
        subprocess.run(
            [AGE, *armor, "-r", ours, "-o", str(target), str(tmp_path / "bundle.zip")],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        opened = sharing(org_b).open(target.read_bytes())
        assert opened.manifest.profile == "lawyer"


def test_the_app_opens_what_age_encrypted_with_a_passphrase(tmp_path: Path) -> None:
    from casetracker.sharing.bundle import open_bundle

    (tmp_path / "bundle.zip").write_bytes(_signed_zip())
    code, output = _age_with_tty(
        ["-p", "-o", str(tmp_path / "p.age"), str(tmp_path / "bundle.zip")], BUNDLE_SECRET, times=2
    )
    assert code == 0, output
    opened = open_bundle((tmp_path / "p.age").read_bytes(), passphrase=BUNDLE_SECRET)
    assert opened.document.profile == "lawyer"


def test_the_cli_opens_an_age_encrypted_bundle_with_an_age_keygen_identity(
    org_a: Workspace,
    tmp_path: Path,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    recipient = _keygen(tmp_path / "lawyer.key")
    consent_case(org_a)
    service = sharing(org_a)
    service.write_bundle(
        tmp_path / "out.age",
        service.export(
            service.select_cases(everything=True), profile="lawyer", recipients=[recipient]
        ).data,
    )
    fingerprint = service.keys().fingerprint
    code, out, err = cli(
        "open-bundle", tmp_path / "out.age", "--identity", tmp_path / "lawyer.key",
        "-o", tmp_path / "opened",
    )  # fmt: skip
    assert code == 0, err
    assert fingerprint in out
    assert (tmp_path / "opened" / "dossier.pdf").read_bytes().startswith(b"%PDF")
