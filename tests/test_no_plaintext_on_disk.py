"""SECURITY.md rule 1 for the CLI: after a real session nothing readable is left on disk."""

import subprocess
import sys
from pathlib import Path

from tests.cli.test_case_commands import HEADER
from tests.conftest import MARKER, PASSPHRASE
from tests.private_home import private_env


def _encodings(text: str) -> list[bytes]:
    return [text.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def scan(roots: list[Path], needles: list[str]) -> list[str]:
    """Every file under roots containing any needle in UTF-8 or UTF-16."""
    patterns = [p for needle in needles for p in _encodings(needle)]
    hits = []
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink():
                data = path.read_bytes()
                if any(p in data for p in patterns):
                    hits.append(str(path))
    return hits


def test_cli_session_leaves_no_marker_in_vault_config_cache_or_temp(tmp_path: Path) -> None:
    home, tmp, vault_dir, inbox = (tmp_path / n for n in ("home", "tmp", "vault", "inbox"))
    for d in (home, tmp, vault_dir, inbox):
        d.mkdir()
    env = private_env(home, tmp, CASETRACKER_PASSPHRASE=PASSPHRASE, CASETRACKER_KDF_TARGET_MS="0")
    vault = vault_dir / "org.ctvault"
    csv_file = inbox / "in.csv"  # the user's own plaintext input, outside the scanned folders
    row = (
        f",{MARKER} Иванович,,{MARKER}alias,,,,,detained,,,{MARKER} подвал,basement,,,,"
        f"{MARKER} отец,отец,+7 900 000-00-00,,,2022-07-19,да,{MARKER} note,{MARKER}"
    )
    csv_file.write_text(HEADER + "\n" + row + "\n", encoding="utf-8")

    def run(*args: str) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "casetracker", *args],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr

    run("init", str(vault))
    run("demo", str(vault), "--cases", "5")
    run("import", str(vault), str(csv_file))
    run("log-contact", str(vault), "--case", "CT-0006", "--date", "2022-07-20", "--note", MARKER)
    run("cases", str(vault), "--search", MARKER)
    run("cases", str(vault), "--json")
    (inbox / "new.txt").write_text("another long passphrase", encoding="utf-8")
    run("passwd", str(vault), "--new-passphrase-file", str(inbox / "new.txt"))
    run("check", str(vault), "--passphrase-file", str(inbox / "new.txt"))

    roots = [vault_dir, home, tmp]
    touched = sorted(
        str(p.relative_to(tmp_path)) for r in roots for p in r.rglob("*") if p.is_file()
    )
    assert any(t.startswith("vault/org.ctvault") for t in touched)
    assert scan(roots, [MARKER, "Zzyxqmarker", "Щщёмаркер"]) == []
