"""Nothing partial: a failing import writes nothing, and sharing leaves no plaintext on disk."""

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pyrage
import pytest

from casetracker.services.workspace import Workspace
from casetracker.sharing import bundle as bundle_format
from casetracker.sharing.errors import BundleFormatError
from casetracker.sharing.keys import SigningKey
from casetracker.storage.blob_store import BlobStore
from tests.conftest import MARKER, PASSPHRASE
from tests.private_home import private_env
from tests.sharing.conftest import consent_case, introduce, sharing
from tests.sharing.test_spreadsheet import SAMPLE
from tests.test_no_plaintext_on_disk import scan


def test_a_bundle_failing_half_way_writes_nothing(org_a: Workspace, org_b: Workspace) -> None:
    """Signed by its maker, but an attachment contradicts cases.json: refused as a whole."""
    ref = consent_case(org_a)
    case = org_a.cases.get(ref)
    org_a.attachments.add(b"one", "a.txt", case_id=case.id)
    org_a.attachments.add(b"two", "b.txt", case_id=case.id)
    service = sharing(org_a)
    data = service.export(
        service.select_cases(everything=True),
        profile="lawyer",
        recipients=[sharing(org_b).keys().age_public_key],
        with_attachments=True,
    ).data
    plain = pyrage.decrypt(data, [sharing(org_b)._identity()])
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    document = json.loads(members["cases.json"])
    document["records"]["attachments"][-1]["sha256"] = "0" * 64  # the second one lies
    members["cases.json"] = json.dumps(document, ensure_ascii=False).encode()
    del members["manifest.json"]
    forged = bundle_format.seal(
        members,
        key=SigningKey(service._org_keys().signing_key),
        profile="lawyer",
        counts={},
        recipients=[pyrage.x25519.Recipient.from_str(sharing(org_b).keys().age_public_key)],
    )
    introduce(org_a, org_b)
    org_b.save()
    with pytest.raises(BundleFormatError, match="attachment"):
        sharing(org_b).import_bundle(sharing(org_b).open(forged))
    assert org_b.cases.count() == 0 and not org_b.dirty
    assert BlobStore(org_b.path).names() == set()  # the first attachment's blob was removed


def test_a_sharing_session_leaves_no_marker_outside_the_users_own_files(tmp_path: Path) -> None:
    home, tmp, vaults, inbox = (tmp_path / n for n in ("home", "tmp", "vaults", "inbox"))
    for folder in (home, tmp, vaults, inbox):
        folder.mkdir()
    env = private_env(
        home,
        tmp,
        CASETRACKER_PASSPHRASE=PASSPHRASE,
        CASETRACKER_KDF_TARGET_MS="0",
        QT_QPA_PLATFORM="offscreen",
    )
    sheet = inbox / "sheet.csv"  # the user's own plaintext input, outside the scanned folders
    sheet.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("Смирнов Максим", f"{MARKER} Максим"),
        encoding="utf-8",
    )
    runner = (
        "import sys\n"
        "from casetracker.cli import main as m\n"
        "from tests.sharing.conftest import register_sharing_commands\n"
        "build = m.build_parser\n"
        "def patched():\n"
        "    p = build(); register_sharing_commands(p); return p\n"
        "m.build_parser = patched\n"
        "sys.exit(m.main(sys.argv[1:]))\n"
    )

    def run(*args: str | Path) -> str:
        done = subprocess.run(
            [sys.executable, "-c", runner, *map(str, args)],
            env={**env, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
            cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    a, b = vaults / "a.ctvault", vaults / "b.ctvault"
    run("init", a)
    run("init", b)
    run("import-sheet", a, sheet, "--skip-bad")
    key_b = json.loads(run("keys", b, "--json"))["age_public_key"]
    run("recipients", a, "add", "Фонд Б", key_b)
    keys_a = json.loads(run("keys", a, "--json"))
    run(
        "recipients",
        b,
        "add",
        "Фонд А",
        keys_a["age_public_key"],
        "--signing-key",
        keys_a["signing_key"],
    )
    out = vaults / "export.age"
    run(
        "export", a, "--all", "--to", "Фонд Б", "--profile", "lawyer", "-o", out,
        "--without-consent", "held incommunicado",
    )  # fmt: skip
    run("import-bundle", b, out)
    assert MARKER in run("cases", b, "--search", MARKER.split()[0])
    roots = [vaults, home, tmp]
    assert scan(roots, [MARKER, "Zzyxqmarker", "Щщёмаркер"]) == []
